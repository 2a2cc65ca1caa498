#pragma once

#include "api/apierror.h"
#include "api/decommissionjson.h"
#include "api/workspacetypes.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

class ApiClient;
class ListAllPoolDesktopsCall;
class ListAllPoolsCall;
class PagedListingCall;

// Which pool each desktop belongs to, from documented sources only. A desktop's details do not
// name its pool (pool_id is in no published definition): a POOLED desktop says only that some
// pool holds it. So the project's pools are listed (ListDesktopPools), and then each pool's
// desktops (ListPoolDesktopsDetail), one pool after another, until every pooled desktop asked
// about is placed. A pool id that an answer happens to carry (pool_id) is used when the pools
// listing knows that pool.
//
// Every listing runs under the one deadline (setDeadline(): the CLI's --timeout, the window's
// Cancel through cancel()) and the listings' bounds on pages; a listing that stops early, a pool
// listed twice with different answers, a pooled desktop no pool holds: each is a problem (one
// translated sentence) and the result is incomplete, never taken for the whole. finished() is
// emitted exactly once, never inside start().
class PoolMembershipLookUp : public QObject
{
    Q_OBJECT
public:
    // The most pools whose desktops are listed (a request or more each): far beyond a real
    // project's pools, and a bound on an endless pools listing's cost.
    static constexpr int kMaxPoolsListed = 500;

    PoolMembershipLookUp(ApiClient *client, QList<Desktop> desktops, QObject *parent = nullptr);
    ~PoolMembershipLookUp() override;

    void setDeadline(QDeadlineTimer deadline) { m_deadline = deadline; }
    // Lists every pool's desktops, not only until the given ones are placed: for a whole table
    // (the window's Pool column). poolOfDesktop() then holds every desktop of every pool.
    void setListEveryPool(bool everyPool) { m_everyPool = everyPool; }
    void start();
    void cancel();

    // Whether any of the desktops may be in a pool (POOLED, or named a pool): without one there
    // is nothing to look up, and start() finishes at once without a request.
    static bool involvesPools(const QList<Desktop> &desktops);

    bool isFinished() const { return m_finished; }
    // The pools were listed (the error says why not otherwise); problems() may still be non-empty.
    bool succeeded() const { return m_finished && !m_error.isError(); }
    bool isComplete() const { return succeeded() && m_problems.isEmpty(); }
    const ApiError &error() const { return m_error; }
    const QList<DesktopPool> &pools() const { return m_pools; }
    // Desktop id → pool id, for the desktops asked about that were placed.
    const QHash<QString, QString> &poolOfDesktop() const { return m_poolOfDesktop; }
    // POOLED desktops (ids) no pool was found to hold.
    QStringList unplacedDesktopIds() const;
    // Translated sentences: what keeps the result from being the whole truth.
    const QStringList &problems() const { return m_problems; }
    // The desktops as given, each with the pool found for it (and no pool id the listing does
    // not know).
    QList<Desktop> placed(const QList<Desktop> &desktops) const;

Q_SIGNALS:
    void retrying(int nextAttempt, int delayMs, const ApiError &error);
    void finished();

private:
    // Whether the listing that finished is still awaited and succeeded; ends the look-up with its
    // error when it failed.
    bool accept(PagedListingCall *call);
    void onPoolsListed();
    void listNextPool();
    void onPoolDesktopsListed();
    void finish(const ApiError &error);

    QPointer<ApiClient> m_client;
    QList<Desktop> m_desktops;
    QDeadlineTimer m_deadline = QDeadlineTimer::Forever;
    QPointer<ListAllPoolsCall> m_poolsCall;
    QPointer<ListAllPoolDesktopsCall> m_poolDesktopsCall;
    QList<DesktopPool> m_pools;
    QHash<QString, QString> m_poolOfDesktop;
    QStringList m_unplaced; // pooled desktops not yet placed, in the order given
    int m_nextPool = 0;
    QStringList m_problems;
    ApiError m_error;
    bool m_everyPool = false;
    bool m_started = false;
    bool m_finished = false;
};
