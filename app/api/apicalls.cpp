#include "apicalls.h"

#include "apiclient.h"
#include "workspacejson.h"

#include "serverinput.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace {
void addIfSet(QUrlQuery &query, const char *key, const QString &value)
{
    if (!value.isEmpty())
        query.addQueryItem(QLatin1String(key), value);
}

// A job id goes into the request path: ".." would turn a poll into GET /v2/{project}.
ApiError requireJobId(const QString &jobId)
{
    if (jobId.trimmed().isEmpty())
        return ApiError::configuration(ApiCall::tr("A job id is required."));
    if (!ServerInput::isUsableId(jobId))
        return ApiError::configuration(
            ApiCall::tr("The job id %1 cannot be used: a job id has 1 to 255 letters, digits, '-', '_', "
                        "'.' or ':'.")
                .arg(ServerInput::describeId(jobId)));
    return {};
}

// A desktop whose id could not be used to delete, record or show it: the page is not trusted.
bool hasOnlyUsableIds(const DesktopPage &page, QString *error)
{
    for (const Desktop &desktop : page.desktops) {
        if (!ServerInput::isUsableId(desktop.id)) {
            if (error)
                *error = ApiCall::tr("the service listed a desktop with an unusable desktop_id %1")
                             .arg(ServerInput::describeId(desktop.id));
            return false;
        }
    }
    return true;
}

// Query values are percent-encoded by QUrlQuery in full, so that '+', '&' and '=' in a name
// reach the server as data.
QString encodedValue(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}
} // namespace

QUrlQuery DesktopQuery::toUrlQuery() const
{
    QUrlQuery query;
    addIfSet(query, "status", status);
    addIfSet(query, "user_name", encodedValue(userName));
    addIfSet(query, "computer_name", encodedValue(computerName));
    addIfSet(query, "desktop_ip", encodedValue(desktopIp));
    for (const QString &id : desktopIds)
        addIfSet(query, "desktop_id", encodedValue(id));
    addIfSet(query, "tag", encodedValue(tag));
    addIfSet(query, "charge_mode", chargeMode);
    addIfSet(query, "sort_field", sortField);
    addIfSet(query, "sort_type", sortType);
    for (const QString &name : userNames)
        addIfSet(query, "user_names", encodedValue(name));
    addIfSet(query, "desktop_type", desktopType);
    addIfSet(query, "pool_id", encodedValue(poolId));
    addIfSet(query, "enterprise_project_id", encodedValue(enterpriseProjectId));
    addIfSet(query, "availability_zone", encodedValue(availabilityZone));
    addIfSet(query, "image_id", encodedValue(imageId));
    addIfSet(query, "subnet_id", encodedValue(subnetId));
    if (inMaintenanceMode)
        query.addQueryItem(QStringLiteral("in_maintenance_mode"),
                           *inMaintenanceMode ? QStringLiteral("true") : QStringLiteral("false"));
    return query;
}

ListDesktopsPageCall::ListDesktopsPageCall(ApiClient *client, DesktopQuery query, int offset,
                                           int limit, QObject *parent)
    : ApiCallOf(client, QByteArrayLiteral("GET"), parent)
    , m_query(std::move(query))
    , m_offset(offset)
    , m_limit(limit)
{
}

QUrl ListDesktopsPageCall::url() const
{
    QUrlQuery query = m_query.toUrlQuery();
    query.addQueryItem(QStringLiteral("offset"), QString::number(m_offset));
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_limit));
    return client()->urlFor(QStringLiteral("desktops/detail"), query);
}

ApiError ListDesktopsPageCall::validate() const
{
    if (m_offset < 0 || m_limit < 0 || m_limit > kMaxLimit)
        return ApiError::configuration(tr("A page must have an offset of 0 or more and a limit "
                                          "from 0 to 500."));
    // Only a documented value is sent as the status filter: anything else the service may ignore
    // (listing every desktop) or refuse.
    if (!m_query.status.isEmpty() && !isDesktopStatusFilterValue(m_query.status))
        return ApiError::configuration(tr("\"%1\" is not a status the listing can filter on; use one of %2.")
                                           .arg(m_query.status, desktopStatusFilterValues().join(QLatin1String(", "))));
    if (m_query.userNames.size() > DesktopQuery::kMaxUserNames)
        return ApiError::configuration(
            tr("At most 100 user names can be searched at once, not %1.").arg(m_query.userNames.size()));
    return {};
}

ListDesktopsPageCall::Parser ListDesktopsPageCall::parser() const
{
    return [raw = m_raw](const QByteArray &body, QString *error) {
        std::optional<DesktopPage> page = WorkspaceJson::parseDesktopPage(body, error, raw);
        if (page && !hasOnlyUsableIds(*page, error))
            page.reset();
        return page;
    };
}

ListAllDesktopsCall::ListAllDesktopsCall(ApiClient *client, DesktopQuery query, QObject *parent)
    : PagedListingCall(client, ListDesktopsPageCall::kMaxLimit, kPagesInFlight, parent)
    , m_query(std::move(query))
{
    // Without an order the service may return pages of a list that shifts between requests.
    if (m_query.sortField.isEmpty()) {
        m_query.sortField = QStringLiteral("created");
        m_query.sortType = QStringLiteral("ASC");
    }
}

ApiCall *ListAllDesktopsCall::createPage(int offset, int limit)
{
    return new ListDesktopsPageCall(client(), m_query, offset, limit);
}

PagedListingCall::PageOutcome ListAllDesktopsCall::takePage(ApiCall *page)
{
    DesktopPage result = static_cast<ListDesktopsPageCall *>(page)->takeResult();
    return keepNew(std::move(result.desktops), result.totalCountKnown, result.totalCount, &m_pageDesktops,
                   [](const Desktop &desktop) { return desktop.id; });
}

void ListAllDesktopsCall::pageTaken()
{
    Q_EMIT pageLoaded(std::exchange(m_pageDesktops, {}), loadedCount(), totalCount());
}

QString ListAllDesktopsCall::deadlineText() const
{
    return tr("the listing did not finish in time (%Ln desktop(s) read)", nullptr, loadedCount());
}

QString ListAllDesktopsCall::incompletenessText() const
{
    const QLocale locale;
    switch (completeness()) {
    case Completeness::Complete:
        return {};
    case Completeness::FewerThanAnnounced:
        return tr("Only %1 of the %2 desktops the service announced arrived: this list is incomplete.")
            .arg(locale.toString(loadedCount()), locale.toString(announcedTotal()));
    case Completeness::PageLimitReached:
        return tr("Listing stopped after %1 pages with %2 desktops although the service had more to "
                  "list: this list is incomplete.")
            .arg(locale.toString(pagesRequested()), locale.toString(loadedCount()));
    case Completeness::PagingStalled:
        if (announcedTotal() >= 0)
            return tr("The service kept sending desktops already listed; only %1 of the %2 desktops it "
                      "announced arrived: this list is incomplete.")
                .arg(locale.toString(loadedCount()), locale.toString(announcedTotal()));
        return tr("The service sent no count and kept sending desktops already listed; %1 desktops "
                  "arrived, more may exist: this list may be incomplete.")
            .arg(locale.toString(loadedCount()));
    case Completeness::SizeLimitReached:
        return tr("Listing stopped at %1 of answers with %2 desktops, more than a listing may hold: this "
                  "list is incomplete.")
            .arg(bytesReadText(), locale.toString(loadedCount()));
    }
    return {};
}

QString ListAllDesktopsCall::duplicatesText() const
{
    if (duplicateCount() == 0)
        return {};
    return tr("The service listed desktops more than once (%Ln duplicate(s)); each desktop is shown once.",
              nullptr, duplicateCount());
}

BatchDeleteCall::BatchDeleteCall(ApiClient *client, QStringList desktopIds,
                                 BatchDeleteOptions options, QObject *parent)
    : ApiCallOf(client, QByteArrayLiteral("POST"), parent)
    , m_desktopIds(std::move(desktopIds))
    , m_options(options)
{
}

QUrl BatchDeleteCall::url() const
{
    return client()->urlFor(QStringLiteral("desktops/batch-delete"));
}

QByteArray BatchDeleteCall::body() const
{
    return WorkspaceJson::batchDeleteBody(m_desktopIds, m_options);
}

ApiError BatchDeleteCall::validate() const
{
    if (m_desktopIds.isEmpty() || m_desktopIds.size() > kMaxDesktops)
        return ApiError::configuration(
            tr("One batch-delete request takes 1 to 100 desktops, not %1.").arg(m_desktopIds.size()));
    return {};
}

BatchDeleteCall::Parser BatchDeleteCall::parser() const
{
    return [](const QByteArray &body, QString *error) {
        std::optional<QString> jobId = WorkspaceJson::parseBatchDeleteResponse(body, error);
        // The request was accepted, but the job cannot be followed: the outcome is unknown (a 2xx
        // that cannot be read is ambiguous, see ApiError::isAmbiguous).
        if (jobId && !ServerInput::isUsableId(*jobId)) {
            if (error)
                *error = tr("the service answered with an unusable job id %1").arg(ServerInput::describeId(*jobId));
            jobId.reset();
        }
        return jobId;
    };
}

ShowJobCall::ShowJobCall(ApiClient *client, QString jobId, QObject *parent)
    : ApiCallOf(client, QByteArrayLiteral("GET"), parent)
    , m_jobId(std::move(jobId))
{
}

QUrl ShowJobCall::url() const
{
    return client()->urlFor(QStringLiteral("workspace-jobs/")
                            + QString::fromLatin1(QUrl::toPercentEncoding(m_jobId)));
}

ApiError ShowJobCall::validate() const
{
    return requireJobId(m_jobId);
}

ShowJobCall::Parser ShowJobCall::parser() const
{
    return WorkspaceJson::parseJob;
}

SubJobFilter SubJobFilter::forJob(const QString &jobId, const QString &status)
{
    SubJobFilter filter;
    filter.jobId = jobId;
    filter.status = status;
    return filter;
}

SubJobFilter SubJobFilter::forDeletions(const QString &status)
{
    SubJobFilter filter;
    filter.jobType = QLatin1String(kDeletionJobType);
    filter.status = status;
    return filter;
}

ListSubJobsCall::ListSubJobsCall(ApiClient *client, SubJobFilter filter, int offset, int limit,
                                 QObject *parent)
    : ApiCallOf(client, QByteArrayLiteral("GET"), parent)
    , m_filter(std::move(filter))
    , m_offset(offset)
    , m_limit(limit)
{
}

ListSubJobsCall::ListSubJobsCall(ApiClient *client, const QString &jobId, int offset, int limit,
                                 QObject *parent)
    : ListSubJobsCall(client, SubJobFilter::forJob(jobId), offset, limit, parent)
{
}

QUrl ListSubJobsCall::url() const
{
    QUrlQuery query;
    if (!m_filter.jobId.isEmpty())
        query.addQueryItem(QStringLiteral("job_id"), encodedValue(m_filter.jobId));
    else
        query.addQueryItem(QStringLiteral("job_type"), encodedValue(m_filter.jobType));
    if (!m_filter.status.isEmpty())
        query.addQueryItem(QStringLiteral("status"), m_filter.status);
    query.addQueryItem(QStringLiteral("offset"), QString::number(m_offset));
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_limit));
    return client()->urlFor(QStringLiteral("workspace-sub-jobs"), query);
}

ApiError ListSubJobsCall::validate() const
{
    static const QStringList statuses{QStringLiteral("WAITING"), QStringLiteral("RUNNING"),
                                      QStringLiteral("SUCCESS"), QStringLiteral("FAILED")};
    // Without a job type the listing is a job's: a job id is then required.
    if (m_filter.jobType.isEmpty() || !m_filter.jobId.isEmpty()) {
        if (ApiError invalid = requireJobId(m_filter.jobId); invalid.isError())
            return invalid;
    }
    if (m_offset < 0 || m_offset > kMaxOffset || m_limit < 0 || m_limit > kMaxLimit)
        return ApiError::configuration(tr("A sub-job page must have an offset from 0 to 10,000 and "
                                          "a limit from 0 to 1,000."));
    if (!m_filter.status.isEmpty() && !statuses.contains(m_filter.status))
        return ApiError::configuration(tr("\"%1\" is not a sub-job status.").arg(m_filter.status));
    return {};
}

ListSubJobsCall::Parser ListSubJobsCall::parser() const
{
    return WorkspaceJson::parseSubJobPage;
}

ListAllSubJobsCall::ListAllSubJobsCall(ApiClient *client, SubJobFilter filter, QObject *parent)
    : PagedListingCall(client, ListSubJobsCall::kMaxLimit, 1, parent)
    , m_filter(std::move(filter))
{
    // Pages step by at most the page size: the cap keeps every offset within kMaxOffset.
    setMaxPages(ListSubJobsCall::kMaxPages);
}

QString ListAllSubJobsCall::keyOf(const SubJob &subJob)
{
    if (!subJob.id.isEmpty())
        return subJob.id;
    return subJob.jobId + QLatin1Char('\n') + subJob.desktopId + QLatin1Char('\n') + subJob.status
        + QLatin1Char('\n') + QString::number(subJob.process);
}

ApiCall *ListAllSubJobsCall::createPage(int offset, int limit)
{
    return new ListSubJobsCall(client(), m_filter, offset, limit);
}

PagedListingCall::PageOutcome ListAllSubJobsCall::takePage(ApiCall *page)
{
    SubJobPage result = static_cast<ListSubJobsCall *>(page)->takeResult();
    int total = result.totalCountKnown ? result.totalCount : 0;
    if (m_expectedTotal > 0)
        total = total > 0 ? std::min(total, m_expectedTotal) : m_expectedTotal;
    return keepNew(std::move(result.jobs), result.totalCountKnown || m_expectedTotal > 0, total, &m_subJobs, keyOf);
}
