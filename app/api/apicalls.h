#pragma once

#include "apicall.h"
#include "workspacejson.h"
#include "workspacetypes.h"

#include <QDeadlineTimer>
#include <QSet>
#include <QStringList>
#include <QTimer>
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

// All pages of desktops/detail; finishes exactly once. The answers are not trusted to add up:
// - the service is asked for a stable order (oldest first, unless the query names an order), so
//   that pages do not shift under the listing;
// - a desktop listed twice is delivered once (duplicateCount() counts the rest);
// - paging ends at total_count, at a page that brings no new desktop, and after a number of pages
//   derived from the first page's total_count (never more than kMaxPages); when total_count is
//   missing or not a count, paging goes on until a page is short or empty;
// - when fewer desktops arrived than the service announced, or paging had to stop while more
//   may exist, the listing succeeds but is not complete: isComplete() is false and
//   incompletenessText() says so. A front end never presents such a listing as complete.
// Once the first page has told the total, the next pages are asked for a few at a time, so that
// the server answers, the thread pool parses and the GUI thread shows different pages at once;
// each page is reported in order as soon as it and those before it are read.
class ListAllDesktopsCall : public QObject
{
    Q_OBJECT
public:
    static constexpr int kPagesInFlight = 4;
    // A million desktops in pages of 500 is 2,000 pages; no real project comes near it, an
    // endless listing stops here.
    static constexpr int kMaxPages = 2000;
    // Pages beyond those the first total_count needs, for desktops created while listing.
    static constexpr int kExtraPages = 2;

    enum class Completeness {
        Complete,
        FewerThanAnnounced, // total_count said more than arrived
        PageLimitReached,   // stopped at the page cap while the service had more
        PagingStalled,      // without a usable total_count, a full page brought nothing new
    };

    ListAllDesktopsCall(ApiClient *client, DesktopQuery query, QObject *parent = nullptr);

    void setPageSize(int pageSize) { m_pageSize = pageSize; }
    // The whole listing ends with a Timeout error once the deadline has passed (none by default).
    void setDeadline(QDeadlineTimer deadline) { m_deadline = deadline; }
    // For tests: a lower cap than kMaxPages.
    void setMaxPages(int maxPages) { m_maxPages = maxPages; }
    void start();
    void cancel();

    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_finished && !m_error.isError(); }
    bool isComplete() const { return succeeded() && m_completeness == Completeness::Complete; }
    Completeness completeness() const { return m_completeness; }
    const ApiError &error() const { return m_error; }
    // Distinct desktops delivered so far.
    int loadedCount() const { return m_loaded; }
    // While listing, what is expected (-1 when unknown); once finished, the desktops delivered.
    int totalCount() const { return m_total; }
    // The latest usable total_count, -1 when the service never sent one.
    int announcedTotal() const { return m_announcedTotal; }
    int duplicateCount() const { return m_duplicates; }
    int pagesRequested() const { return m_pagesRequested; }
    // One translated sentence for a listing that is not complete (empty when it is), and one for
    // desktops that were listed more than once (empty when none was): the window's banner and the
    // CLI's warning say the same.
    QString incompletenessText() const;
    QString duplicatesText() const;

Q_SIGNALS:
    // desktops are the page's new ones; total is -1 while the total is unknown.
    void pageLoaded(const QList<Desktop> &desktops, int loaded, int total);
    void duplicatesSkipped(int duplicateCount);
    void retrying(int nextAttempt, int delayMs, const ApiError &error);
    void finished();

private:
    void requestPage();
    void deliverFinishedPages();
    // Whether the page ends the paging; adds its new desktops.
    bool takePage(DesktopPage page, QList<Desktop> *fresh);
    void requestMorePages();
    void onDeadline();
    void dropPagesInFlight();
    void finish(const ApiError &error);

    QPointer<ApiClient> m_client;
    DesktopQuery m_query;
    int m_pageSize = ListDesktopsPageCall::kMaxLimit;
    QDeadlineTimer m_deadline = QDeadlineTimer::Forever;
    QTimer m_deadlineTimer;
    int m_maxPages = kMaxPages;
    int m_pageCap = 0;          // pages allowed; 0 until the first page has told the total
    int m_pagesRequested = 0;
    QList<QPointer<ListDesktopsPageCall>> m_inFlight; // in the order of their offsets
    int m_nextOffset = 0;
    int m_step = 0;             // offset between pages: the page size, or the server's if it is smaller
    int m_announcedTotal = -1;  // the latest usable total_count
    bool m_exhausted = false;   // a page ended the paging: nothing beyond it is asked for
    bool m_lastPageFull = false;
    QSet<QString> m_seen;
    int m_loaded = 0;
    int m_duplicates = 0;
    int m_total = -1;
    Completeness m_completeness = Completeness::Complete;
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

// Which sub-jobs a listing asks for: those of one job, or those of one job type (e.g. every
// deletion of the project, whatever job it belongs to) in one status or in any.
struct SubJobFilter
{
    // The documented value of the job_type filter for batch deletions.
    static constexpr auto kDeletionJobType = "deleteDesktops";

    QString jobId;
    QString jobType;
    QString status; // WAITING, RUNNING, SUCCESS, FAILED, or empty for every status

    static SubJobFilter forJob(const QString &jobId, const QString &status = {});
    static SubJobFilter forDeletions(const QString &status = {});
};

// GET workspace-sub-jobs?job_id=…|job_type=…[&status=…]: one page of sub-jobs, of one job or of
// one job type (the latter is how one request tells the progress of many jobs, and how the job
// of a request whose answer was lost is found again: each sub-job names its job_id).
class ListSubJobsCall : public ApiCall
{
    Q_OBJECT
public:
    static constexpr int kMaxLimit = 1000;
    // The service takes no offset beyond this (see the spec): paging stops there.
    static constexpr int kMaxOffset = 10000;

    ListSubJobsCall(ApiClient *client, SubJobFilter filter, int offset = 0, int limit = kMaxLimit,
                    QObject *parent = nullptr);
    // The sub-jobs of one job.
    ListSubJobsCall(ApiClient *client, const QString &jobId, int offset = 0, int limit = kMaxLimit,
                    QObject *parent = nullptr);
    const SubJobPage &result() const { return m_result; }
    const SubJobFilter &filter() const { return m_filter; }
    int offset() const { return m_offset; }

protected:
    QUrl url() const override;
    ApiError validate() const override;
    bool parseSuccess(const QByteArray &body, QString *error) override;

private:
    SubJobFilter m_filter;
    int m_offset;
    int m_limit;
    SubJobPage m_result;
};
