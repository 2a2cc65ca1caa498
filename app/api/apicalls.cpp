#include "apicalls.h"

#include "apiclient.h"
#include "workspacejson.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QtConcurrentRun>

namespace {
void addIfSet(QUrlQuery &query, const char *key, const QString &value)
{
    if (!value.isEmpty())
        query.addQueryItem(QLatin1String(key), value);
}

ApiError requireJobId(const QString &jobId)
{
    if (jobId.trimmed().isEmpty())
        return ApiError::configuration(ApiCall::tr("A job id is required."));
    return {};
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
    return query;
}

ListDesktopsPageCall::ListDesktopsPageCall(ApiClient *client, DesktopQuery query, int offset,
                                           int limit, QObject *parent)
    : ApiCall(client, QByteArrayLiteral("GET"), parent)
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
    if (m_query.userNames.size() > DesktopQuery::kMaxUserNames)
        return ApiError::configuration(
            tr("At most 100 user names can be searched at once, not %1.").arg(m_query.userNames.size()));
    return {};
}

bool ListDesktopsPageCall::parseSuccess(const QByteArray &body, QString *error)
{
    std::optional<DesktopPage> page = WorkspaceJson::parseDesktopPage(body, error, m_raw);
    if (!page)
        return false;
    m_result = std::move(*page);
    return true;
}

namespace {
struct ParsedPage
{
    std::optional<DesktopPage> page;
    QString error;
};
} // namespace

bool ListDesktopsPageCall::startBackgroundParse(const QByteArray &body)
{
    auto *watcher = new QFutureWatcher<ParsedPage>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (isFinished()) // cancelled meanwhile: the answer is of no use any more
            return;
        ParsedPage parsed = watcher->future().takeResult();
        if (parsed.page)
            m_result = std::move(*parsed.page);
        backgroundParseDone(parsed.page.has_value(), parsed.error);
    });
    watcher->setFuture(QtConcurrent::run([body, raw = m_raw] {
        ParsedPage parsed;
        parsed.page = WorkspaceJson::parseDesktopPage(body, &parsed.error, raw);
        return parsed;
    }));
    return true;
}

ListAllDesktopsCall::ListAllDesktopsCall(ApiClient *client, DesktopQuery query, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_query(std::move(query))
{
}

void ListAllDesktopsCall::start()
{
    if (m_started || m_finished) // cancelled before it started: stays cancelled
        return;
    m_started = true;
    m_step = m_pageSize;
    requestPage(); // alone: its total_count says how many more there are
}

void ListAllDesktopsCall::cancel()
{
    if (m_finished)
        return;
    finish(ApiError::cancelled());
}

void ListAllDesktopsCall::requestPage()
{
    auto *page = new ListDesktopsPageCall(m_client, m_query, m_nextOffset, m_pageSize, this);
    m_nextOffset += m_step;
    m_inFlight.append(page);
    connect(page, &ListDesktopsPageCall::finished, this, &ListAllDesktopsCall::deliverFinishedPages);
    connect(page, &ApiCall::retrying, this, &ListAllDesktopsCall::retrying);
    page->start();
}

void ListAllDesktopsCall::deliverFinishedPages()
{
    while (!m_finished && !m_inFlight.isEmpty() && m_inFlight.constFirst()->isFinished()) {
        ListDesktopsPageCall *page = m_inFlight.takeFirst();
        page->deleteLater();
        if (!page->succeeded()) {
            finish(page->error());
            return;
        }
        DesktopPage result = page->takeResult();
        const int received = static_cast<int>(result.desktops.size());
        if (m_loaded == 0 && received > 0 && received < m_pageSize && received < result.totalCount) {
            // The server pages by fewer than asked for: step by its page size, or desktops would
            // be skipped.
            m_step = received;
            m_nextOffset = received;
        }
        m_loaded += received;
        m_exhausted = m_exhausted || received == 0;
        // total_count may shrink or grow while paging (desktops come and go); trust the latest.
        m_announcedTotal = result.totalCount;
        m_total = std::max(result.totalCount, m_loaded);
        Q_EMIT pageLoaded(result.desktops, m_loaded, m_total);
    }
    if (m_finished) // failed, or a slot cancelled us
        return;
    while (!m_exhausted && m_inFlight.size() < kPagesInFlight && m_nextOffset < m_announcedTotal)
        requestPage();
    if (m_inFlight.isEmpty()) {
        m_total = m_loaded;
        finish({});
    }
}

void ListAllDesktopsCall::finish(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    // Pages still on their way are of no use any more.
    for (const QPointer<ListDesktopsPageCall> &page : std::as_const(m_inFlight)) {
        if (page) {
            page->disconnect(this);
            page->cancel();
            page->deleteLater();
        }
    }
    m_inFlight.clear();
    m_error = error;
    Q_EMIT finished();
}

BatchDeleteCall::BatchDeleteCall(ApiClient *client, QStringList desktopIds,
                                 BatchDeleteOptions options, QObject *parent)
    : ApiCall(client, QByteArrayLiteral("POST"), parent)
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

bool BatchDeleteCall::parseSuccess(const QByteArray &body, QString *error)
{
    std::optional<QString> jobId = WorkspaceJson::parseBatchDeleteResponse(body, error);
    if (!jobId)
        return false;
    m_jobId = *jobId;
    return true;
}

ShowJobCall::ShowJobCall(ApiClient *client, QString jobId, QObject *parent)
    : ApiCall(client, QByteArrayLiteral("GET"), parent)
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

bool ShowJobCall::parseSuccess(const QByteArray &body, QString *error)
{
    std::optional<Job> job = WorkspaceJson::parseJob(body, error);
    if (!job)
        return false;
    m_result = std::move(*job);
    return true;
}

ListSubJobsCall::ListSubJobsCall(ApiClient *client, QString jobId, int offset, int limit,
                                 QObject *parent)
    : ApiCall(client, QByteArrayLiteral("GET"), parent)
    , m_jobId(std::move(jobId))
    , m_offset(offset)
    , m_limit(limit)
{
}

QUrl ListSubJobsCall::url() const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("job_id"), encodedValue(m_jobId));
    query.addQueryItem(QStringLiteral("offset"), QString::number(m_offset));
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_limit));
    return client()->urlFor(QStringLiteral("workspace-sub-jobs"), query);
}

ApiError ListSubJobsCall::validate() const
{
    return requireJobId(m_jobId);
}

bool ListSubJobsCall::parseSuccess(const QByteArray &body, QString *error)
{
    std::optional<SubJobPage> page = WorkspaceJson::parseSubJobPage(body, error);
    if (!page)
        return false;
    m_result = std::move(*page);
    return true;
}
