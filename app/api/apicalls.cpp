#include "apicalls.h"

#include "apiclient.h"
#include "workspacejson.h"

#include "serverinput.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QLocale>
#include <QtConcurrentRun>

#include <algorithm>
#include <climits>

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
    if (!page || !hasOnlyUsableIds(*page, error))
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
        if (parsed.page && !hasOnlyUsableIds(*parsed.page, &parsed.error))
            parsed.page.reset();
        return parsed;
    }));
    return true;
}

ListAllDesktopsCall::ListAllDesktopsCall(ApiClient *client, DesktopQuery query, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_query(std::move(query))
{
    // Without an order the service may return pages of a list that shifts between requests.
    if (m_query.sortField.isEmpty()) {
        m_query.sortField = QStringLiteral("created");
        m_query.sortType = QStringLiteral("ASC");
    }
    m_deadlineTimer.setSingleShot(true);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &ListAllDesktopsCall::onDeadline);
}

void ListAllDesktopsCall::start()
{
    if (m_started || m_finished) // cancelled before it started: stays cancelled
        return;
    m_started = true;
    m_step = std::max(m_pageSize, 1);
    if (!m_deadline.isForever())
        m_deadlineTimer.start(int(std::clamp<qint64>(m_deadline.remainingTime(), 0, INT_MAX)));
    requestPage(); // alone: its total_count says how many more there are
}

void ListAllDesktopsCall::cancel()
{
    if (m_finished)
        return;
    finish(ApiError::cancelled());
}

void ListAllDesktopsCall::onDeadline()
{
    ApiError error;
    error.kind = ApiError::Kind::Timeout;
    error.transportMessage = tr("the listing did not finish in time (%Ln desktop(s) read)", nullptr,
                                m_loaded);
    finish(error);
}

void ListAllDesktopsCall::requestPage()
{
    auto *page = new ListDesktopsPageCall(m_client, m_query, m_nextOffset, m_pageSize, this);
    m_nextOffset += m_step;
    ++m_pagesRequested;
    m_inFlight.append(page);
    connect(page, &ListDesktopsPageCall::finished, this, &ListAllDesktopsCall::deliverFinishedPages);
    connect(page, &ApiCall::retrying, this, &ListAllDesktopsCall::retrying);
    page->start();
}

bool ListAllDesktopsCall::takePage(DesktopPage page, QList<Desktop> *fresh)
{
    const int received = static_cast<int>(page.desktops.size());
    if (page.totalCountKnown) {
        // total_count may shrink or grow while paging (desktops come and go); trust the latest.
        m_announcedTotal = page.totalCount;
    }
    if (m_pageCap == 0) { // the first page
        if (page.totalCountKnown && received > 0 && received < m_pageSize && received < page.totalCount) {
            // The server pages by fewer than asked for: step by its page size, or desktops would
            // be skipped.
            m_step = received;
            m_nextOffset = received;
        }
        const qint64 needed = page.totalCountKnown ? (qint64(page.totalCount) + m_step - 1) / m_step : m_maxPages;
        m_pageCap = int(std::clamp<qint64>(needed + kExtraPages, 1, m_maxPages));
    }
    const int before = m_duplicates;
    fresh->reserve(received);
    for (Desktop &desktop : page.desktops) {
        if (m_seen.contains(desktop.id)) {
            ++m_duplicates;
            continue;
        }
        m_seen.insert(desktop.id);
        fresh->append(std::move(desktop));
    }
    m_loaded += int(fresh->size());
    if (m_duplicates != before)
        Q_EMIT duplicatesSkipped(m_duplicates);
    m_lastPageFull = received >= m_step;
    // An empty page, a page of desktops already seen (offset ignored, pages repeated) and, without
    // a usable total, a short page: nothing more is coming.
    return received == 0 || fresh->isEmpty() || (!page.totalCountKnown && !m_lastPageFull);
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
        QList<Desktop> fresh;
        const bool last = takePage(page->takeResult(), &fresh);
        m_total = m_announcedTotal >= 0 ? std::max(m_announcedTotal, m_loaded) : -1;
        if (last && !m_exhausted) {
            m_exhausted = true;
            if (m_announcedTotal < 0 && m_lastPageFull)
                m_completeness = Completeness::PagingStalled;
            dropPagesInFlight(); // pages beyond this one would only repeat or contradict it
        }
        Q_EMIT pageLoaded(fresh, m_loaded, m_total);
    }
    if (m_finished) // failed, or a slot cancelled us
        return;
    requestMorePages();
    if (m_inFlight.isEmpty()) {
        if (m_completeness == Completeness::Complete && m_announcedTotal > m_loaded)
            m_completeness = Completeness::FewerThanAnnounced;
        m_total = m_loaded;
        finish({});
    }
}

void ListAllDesktopsCall::requestMorePages()
{
    if (m_exhausted)
        return;
    if (m_announcedTotal < 0) {
        // Without a usable total, only the answer to a page tells whether there is another: one
        // at a time, until a page is short or empty.
        if (m_inFlight.isEmpty() && m_lastPageFull) {
            if (m_pagesRequested < m_pageCap)
                requestPage();
            else
                m_completeness = Completeness::PageLimitReached;
        }
        return;
    }
    while (m_inFlight.size() < kPagesInFlight && m_nextOffset < m_announcedTotal) {
        if (m_pagesRequested >= m_pageCap) {
            if (m_inFlight.isEmpty() && m_loaded < m_announcedTotal)
                m_completeness = Completeness::PageLimitReached;
            return;
        }
        requestPage();
    }
}

QString ListAllDesktopsCall::incompletenessText() const
{
    const QLocale locale;
    switch (m_completeness) {
    case Completeness::Complete:
        return {};
    case Completeness::FewerThanAnnounced:
        return tr("Only %1 of the %2 desktops the service announced arrived: this list is incomplete.")
            .arg(locale.toString(m_loaded), locale.toString(m_announcedTotal));
    case Completeness::PageLimitReached:
        return tr("Listing stopped after %1 pages with %2 desktops although the service had more to "
                  "list: this list is incomplete.")
            .arg(locale.toString(m_pagesRequested), locale.toString(m_loaded));
    case Completeness::PagingStalled:
        return tr("The service sent no count and kept sending desktops already listed; %1 desktops "
                  "arrived, more may exist: this list may be incomplete.")
            .arg(locale.toString(m_loaded));
    }
    return {};
}

QString ListAllDesktopsCall::duplicatesText() const
{
    if (m_duplicates == 0)
        return {};
    return tr("The service listed desktops more than once (%Ln duplicate(s)); each desktop is shown once.",
              nullptr, m_duplicates);
}

void ListAllDesktopsCall::dropPagesInFlight()
{
    for (const QPointer<ListDesktopsPageCall> &page : std::as_const(m_inFlight)) {
        if (page) {
            page->disconnect(this);
            page->cancel();
            page->deleteLater();
        }
    }
    m_inFlight.clear();
}

void ListAllDesktopsCall::finish(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadlineTimer.stop();
    dropPagesInFlight(); // of no use any more
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
    // The request was accepted, but the job cannot be followed: the outcome is unknown (a 2xx
    // that cannot be read is ambiguous, see ApiError::isAmbiguous).
    if (!ServerInput::isUsableId(*jobId)) {
        if (error)
            *error = tr("the service answered with an unusable job id %1").arg(ServerInput::describeId(*jobId));
        return false;
    }
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
    : ApiCall(client, QByteArrayLiteral("GET"), parent)
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

bool ListSubJobsCall::parseSuccess(const QByteArray &body, QString *error)
{
    std::optional<SubJobPage> page = WorkspaceJson::parseSubJobPage(body, error);
    if (!page)
        return false;
    m_result = std::move(*page);
    return true;
}
