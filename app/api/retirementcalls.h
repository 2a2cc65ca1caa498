#pragma once

#include "decommissioncalls.h"
#include "pagedlistingcall.h"
#include "retirementjson.h"

#include <QDateTime>

// The calls a retirement needs (the spec's sections on tags, power actions and connection
// evidence), one class per call, each finishing exactly once like every ApiCall. The changing
// calls are sent once; a lost answer leaves their outcome unknown.

// POST desktops/batch-tags (add) or DELETE desktops/batch-tags (remove): the same tags on 1–100
// desktops. An existing key is overwritten; a missing tag counts as removed. The service skips
// unknown desktop ids silently, so a 204 does not prove that every desktop was tagged.
class BatchDesktopTagsCall : public DesktopBatchCall {
    Q_OBJECT
public:
    enum class Change { Add, Remove };

    BatchDesktopTagsCall(ApiClient* client, Change change, QStringList desktopIds,
        QList<DesktopTag> tags, QObject* parent = nullptr);
    Change change() const { return m_change; }
    const QList<DesktopTag>& tags() const { return m_tags; }

protected:
    QUrl url() const override;
    QByteArray body() const override;
    ApiError validate() const override;

private:
    Change m_change;
    QList<DesktopTag> m_tags;
};

// POST desktops/action: starts, stops, reboots or hibernates 1–100 desktops. The answer names
// the job that carries the action out (when the service names one) and the desktops refused.
class BatchPowerActionCall : public ApiCallOf<PowerActionAnswer> {
    Q_OBJECT
public:
    BatchPowerActionCall(ApiClient* client, QStringList desktopIds, PowerOperation operation,
        bool hard = false, QObject* parent = nullptr);
    const QStringList& desktopIds() const { return m_desktopIds; }
    PowerOperation operation() const { return m_operation; }
    QByteArray requestBody() const { return body(); }

protected:
    QUrl url() const override;
    QByteArray body() const override;
    ApiError validate() const override;
    Parser parser() const override;

private:
    QStringList m_desktopIds;
    PowerOperation m_operation;
    bool m_hard;
};

// Filters of ListLoginRecordsNew. The period is required; both ends are sent to the minute, UTC.
struct LoginRecordQuery {
    QDateTime startTime;
    QDateTime endTime;
    QString userName;
    QString computerName;

    ApiError validate() const;
};

// GET connections/desktops: one page of log-in records.
class ListLoginRecordsPageCall : public ApiCallOf<LoginRecordPage> {
    Q_OBJECT
public:
    // The definitions bound limit to 100 (the current reference to 1,000): the smaller holds for
    // both.
    static constexpr int kMaxLimit = 100;

    ListLoginRecordsPageCall(ApiClient* client, LoginRecordQuery query, int offset, int limit,
        QObject* parent = nullptr);

protected:
    QUrl url() const override;
    ApiError validate() const override;
    Parser parser() const override;

private:
    LoginRecordQuery m_query;
    int m_offset;
    int m_limit;
};

// Every log-in record of a period, under PagedListingCall's rules. Records have no id of their
// own: two alike in user, computer, sid and start time are one record listed twice.
class ListAllLoginRecordsCall : public PagedListingCall {
    Q_OBJECT
public:
    ListAllLoginRecordsCall(ApiClient* client, LoginRecordQuery query, QObject* parent = nullptr);
    const QList<LoginRecord>& records() const { return m_records; }

protected:
    ApiCall* createPage(int offset, int limit) override;
    PageOutcome takePage(ApiCall* page) override;

private:
    LoginRecordQuery m_query;
    QList<LoginRecord> m_records;
};
