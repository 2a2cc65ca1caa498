#pragma once

#include "apicall.h"
#include "pagedlistingcall.h"
#include "workspacejson.h"
#include "workspacetypes.h"

#include <QStringList>
#include <QUrlQuery>

#include <optional>
#include <utility>

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
    std::optional<bool> inMaintenanceMode; // sent as in_maintenance_mode=true|false when set

    static constexpr int kMaxUserNames = 100;

    QUrlQuery toUrlQuery() const;
};

// GET desktops/detail: one page.
class ListDesktopsPageCall : public ApiCallOf<DesktopPage>
{
    Q_OBJECT
public:
    static constexpr int kMaxLimit = 500;

    ListDesktopsPageCall(ApiClient *client, DesktopQuery query, int offset, int limit,
                         QObject *parent = nullptr);
    // Keep each desktop's whole JSON object in Desktop::raw (off by default: listings do not need it).
    void setRawJson(WorkspaceJson::RawJson raw) { m_raw = raw; }

protected:
    QUrl url() const override;
    ApiError validate() const override;
    Parser parser() const override;
    // A page of 500 desktops is 0.6 MB of JSON: read on the thread pool, not the GUI thread.
    bool parsesOffThread() const override { return true; }

private:
    DesktopQuery m_query;
    int m_offset;
    int m_limit;
    WorkspaceJson::RawJson m_raw = WorkspaceJson::RawJson::Drop;
};

// All pages of desktops/detail (see PagedListingCall for the rules that hold whatever the service
// answers). The service is asked for a stable order (oldest first, unless the query names an
// order), so that pages do not shift under the listing. Several pages are asked for at once, so
// that the server answers, the thread pool parses and the GUI thread shows different pages at
// the same time; each page is reported with pageLoaded() in order.
class ListAllDesktopsCall : public PagedListingCall
{
    Q_OBJECT
public:
    static constexpr int kPagesInFlight = 4;

    ListAllDesktopsCall(ApiClient *client, DesktopQuery query, QObject *parent = nullptr);

    // One translated sentence for a listing that is not complete (empty when it is), and one for
    // desktops that were listed more than once (empty when none was): the window's banner and the
    // CLI's warning say the same.
    QString incompletenessText() const override;
    QString duplicatesText() const;

Q_SIGNALS:
    // desktops are the page's new ones; total is -1 while the total is unknown.
    void pageLoaded(const QList<Desktop> &desktops, int loaded, int total);

protected:
    ApiCall *createPage(int offset, int limit) override;
    PageOutcome takePage(ApiCall *page) override;
    void pageTaken() override;
    QString deadlineText() const override;

private:
    DesktopQuery m_query;
    QList<Desktop> m_pageDesktops; // the new desktops of the page just taken
};

// POST desktops/batch-delete: 1–100 desktops. Never re-sent automatically.
class BatchDeleteCall : public ApiCallOf<QString>
{
    Q_OBJECT
public:
    static constexpr int kMaxDesktops = 100;

    BatchDeleteCall(ApiClient *client, QStringList desktopIds, BatchDeleteOptions options,
                    QObject *parent = nullptr);
    QString jobId() const { return result(); }
    QByteArray requestBody() const { return body(); }

protected:
    QUrl url() const override;
    QByteArray body() const override;
    ApiError validate() const override;
    Parser parser() const override;

private:
    QStringList m_desktopIds;
    BatchDeleteOptions m_options;
};

// GET workspace-jobs/{job_id}.
class ShowJobCall : public ApiCallOf<Job>
{
    Q_OBJECT
public:
    ShowJobCall(ApiClient *client, QString jobId, QObject *parent = nullptr);

protected:
    QUrl url() const override;
    ApiError validate() const override;
    Parser parser() const override;

private:
    QString m_jobId;
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
class ListSubJobsCall : public ApiCallOf<SubJobPage>
{
    Q_OBJECT
public:
    static constexpr int kMaxLimit = 1000;
    // The service takes no offset beyond this (see the spec): paging stops there.
    static constexpr int kMaxOffset = 10000;
    // Pages of the largest size up to that offset.
    static constexpr int kMaxPages = kMaxOffset / kMaxLimit + 1;

    ListSubJobsCall(ApiClient *client, SubJobFilter filter, int offset = 0, int limit = kMaxLimit,
                    QObject *parent = nullptr);
    // The sub-jobs of one job.
    ListSubJobsCall(ApiClient *client, const QString &jobId, int offset = 0, int limit = kMaxLimit,
                    QObject *parent = nullptr);
    const SubJobFilter &filter() const { return m_filter; }
    int offset() const { return m_offset; }

protected:
    QUrl url() const override;
    ApiError validate() const override;
    Parser parser() const override;

private:
    SubJobFilter m_filter;
    int m_offset;
    int m_limit;
};

// All pages of workspace-sub-jobs for one filter, one page at a time, under PagedListingCall's
// rules and within the service's offset bound (kMaxPages of at most kMaxLimit). A sub-job without an id is told apart
// by its job, desktop, status and progress.
class ListAllSubJobsCall : public PagedListingCall
{
    Q_OBJECT
public:
    ListAllSubJobsCall(ApiClient *client, SubJobFilter filter, QObject *parent = nullptr);
    // What paging may count on when a page announces no total (ShowJob's sub_jobs_total); the
    // smaller of the two when both are known. 0: nothing.
    void setExpectedTotal(int expectedTotal) { m_expectedTotal = expectedTotal; }

    const QList<SubJob> &subJobs() const { return m_subJobs; }
    QList<SubJob> takeSubJobs() { return std::exchange(m_subJobs, {}); }

    static QString keyOf(const SubJob &subJob);

protected:
    ApiCall *createPage(int offset, int limit) override;
    PageOutcome takePage(ApiCall *page) override;

private:
    SubJobFilter m_filter;
    int m_expectedTotal = 0;
    QList<SubJob> m_subJobs;
};
