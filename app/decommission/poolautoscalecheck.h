#pragma once

#include "api/apierror.h"
#include "api/decommissionjson.h"

#include <QDeadlineTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

class ApiClient;
class ListAllPoolsCall;

// After the pools' autoscale was turned off, reads every pool back from the pools listing: a
// deletion goes ahead only when each of them reads "off". A 200 to the change is not taken as
// proof: a pool that still reads on, that the listing no longer holds, that it lists twice with
// different answers, or a listing that fails or stops early (deadline, bounds) leaves the pool
// "not known to be off". finished() is emitted exactly once, never inside start().
class PoolAutoscaleCheck : public QObject
{
    Q_OBJECT
public:
    struct NotOff
    {
        QString poolId;
        QString reason; // translated
    };

    PoolAutoscaleCheck(ApiClient *client, QStringList poolIds, QObject *parent = nullptr);

    void setDeadline(QDeadlineTimer deadline) { m_deadline = deadline; }
    void start();
    void cancel();

    bool isFinished() const { return m_finished; }
    bool allOff() const { return m_finished && m_notOff.isEmpty(); }
    const QList<NotOff> &notOff() const { return m_notOff; }
    const ApiError &listingError() const { return m_error; }
    // The read-back listing failed or stopped early (deadline, bounds): what it says is not the whole.
    bool listingIncomplete() const { return m_incomplete; }

    // Pool ids that may not be used in a request path or a record (see DecommissionJson::
    // isUsableId), for refusing a plan before anything is sent, the dry run included.
    static QStringList unusableIds(const QList<DesktopPool> &pools);
    // One translated sentence naming them; empty when every id is usable.
    static QString unusableIdsText(const QStringList &ids);

Q_SIGNALS:
    void finished();

private:
    void onListed();
    void finish();

    QPointer<ApiClient> m_client;
    QStringList m_poolIds;
    QDeadlineTimer m_deadline = QDeadlineTimer::Forever;
    QPointer<ListAllPoolsCall> m_call;
    QList<NotOff> m_notOff;
    ApiError m_error;
    bool m_incomplete = false;
    bool m_started = false;
    bool m_finished = false;
};
