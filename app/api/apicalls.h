#pragma once

#include "apicall.h"
#include "workspacejson.h"
#include "workspacetypes.h"

#include <QStringList>
#include <QUrlQuery>

// Server-side filters and order of ListDesktopsDetail; empty members are not sent.
struct DesktopQuery
{
    QString status;
    QString userName;
    QString computerName;
    QString desktopIp;
    QStringList desktopIds;
    QString tag;        // "k=v,k2=v2"
    QString chargeMode; // "0" yearly/monthly, "1" pay-per-use
    QString sortField;  // created | computer_name
    QString sortType;   // ASC | DESC
    QStringList userNames;       // up to kMaxUserNames, sent as a repeated key
    QString desktopType;         // DEDICATED | POOLED
    QString poolId;
    QString enterpriseProjectId;
    QString availabilityZone;
    QString imageId;
    QString subnetId;

    static constexpr int kMaxUserNames = 100;

    QUrlQuery toUrlQuery() const;
};

// GET desktops/detail: one page.
class ListDesktopsPageCall : public ApiCall
{
    Q_OBJECT
public:
    static constexpr int kMaxLimit = 500;

    ListDesktopsPageCall(ApiClient *client, DesktopQuery query, int offset, int limit,
                         QObject *parent = nullptr);
    const DesktopPage &result() const { return m_result; }
    DesktopPage takeResult() { return std::move(m_result); }
    // Keep each desktop's whole JSON object in Desktop::raw (off by default: listings do not need it).
    void setRawJson(WorkspaceJson::RawJson raw) { m_raw = raw; }

protected:
    QUrl url() const override;
    ApiError validate() const override;
    bool parseSuccess(const QByteArray &body, QString *error) override;
    // A page of 500 desktops is 0.6 MB of JSON: read on the thread pool, not the GUI thread.
    bool startBackgroundParse(const QByteArray &body) override;

private:
    DesktopQuery m_query;
    int m_offset;
    int m_limit;
    WorkspaceJson::RawJson m_raw = WorkspaceJson::RawJson::Drop;
    DesktopPage m_result;
};

// All pages of desktops/detail until total_count is reached; finishes exactly once. Once the first
// page has told the total, the next pages are asked for a few at a time, so that the server
// answers, the thread pool parses and the GUI thread shows different pages at once; each page is
// reported in order as soon as it and those before it are read.
class ListAllDesktopsCall : public QObject
{
    Q_OBJECT
public:
    static constexpr int kPagesInFlight = 4;

    ListAllDesktopsCall(ApiClient *client, DesktopQuery query, QObject *parent = nullptr);

    void setPageSize(int pageSize) { m_pageSize = pageSize; }
    void start();
    void cancel();

    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_finished && !m_error.isError(); }
    const ApiError &error() const { return m_error; }
    int loadedCount() const { return m_loaded; }
    int totalCount() const { return m_total; }

Q_SIGNALS:
    void pageLoaded(const QList<Desktop> &desktops, int loaded, int total);
    void retrying(int nextAttempt, int delayMs, const ApiError &error);
    void finished();

private:
    void requestPage();
    void deliverFinishedPages();
    void finish(const ApiError &error);

    QPointer<ApiClient> m_client;
    DesktopQuery m_query;
    int m_pageSize = ListDesktopsPageCall::kMaxLimit;
    QList<QPointer<ListDesktopsPageCall>> m_inFlight; // in the order of their offsets
    int m_nextOffset = 0;
    int m_step = 0;             // offset between pages: the page size, or the server's if it is smaller
    int m_announcedTotal = -1;  // total_count of the latest page
    bool m_exhausted = false;   // a page came back empty: nothing beyond it
    int m_loaded = 0;
    int m_total = -1;
    bool m_started = false;
    bool m_finished = false;
    ApiError m_error;
};

// POST desktops/batch-delete: 1–100 desktops. Never re-sent automatically.
class BatchDeleteCall : public ApiCall
{
    Q_OBJECT
public:
    static constexpr int kMaxDesktops = 100;

    BatchDeleteCall(ApiClient *client, QStringList desktopIds, BatchDeleteOptions options,
                    QObject *parent = nullptr);
    QString jobId() const { return m_jobId; }
    QByteArray requestBody() const { return body(); }

protected:
    QUrl url() const override;
    QByteArray body() const override;
    ApiError validate() const override;
    bool parseSuccess(const QByteArray &body, QString *error) override;

private:
    QStringList m_desktopIds;
    BatchDeleteOptions m_options;
    QString m_jobId;
};

// GET workspace-jobs/{job_id}.
class ShowJobCall : public ApiCall
{
    Q_OBJECT
public:
    ShowJobCall(ApiClient *client, QString jobId, QObject *parent = nullptr);
    const Job &result() const { return m_result; }

protected:
    QUrl url() const override;
    ApiError validate() const override;
    bool parseSuccess(const QByteArray &body, QString *error) override;

private:
    QString m_jobId;
    Job m_result;
};

// GET workspace-sub-jobs?job_id=…: one page of a job's per-desktop sub-jobs.
class ListSubJobsCall : public ApiCall
{
    Q_OBJECT
public:
    static constexpr int kMaxLimit = 1000;

    ListSubJobsCall(ApiClient *client, QString jobId, int offset = 0, int limit = kMaxLimit,
                    QObject *parent = nullptr);
    const SubJobPage &result() const { return m_result; }

protected:
    QUrl url() const override;
    ApiError validate() const override;
    bool parseSuccess(const QByteArray &body, QString *error) override;

private:
    QString m_jobId;
    int m_offset;
    int m_limit;
    SubJobPage m_result;
};
