#include "decommissioncalls.h"

#include "apiclient.h"

#include <QCoreApplication>
#include <QLocale>

namespace {

QString encoded(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

// The API's times are UTC; the spec gives no other form for these two, so the one every answer uses.
QString utcText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate); // 2026-11-28T08:15:00Z
}

ApiError pageBoundsError(int offset, int limit, int minLimit, int maxLimit)
{
    if (offset >= 0 && limit >= minLimit && limit <= maxLimit)
        return {};
    return ApiError::configuration(ApiCall::tr("A page must have an offset of 0 or more and a limit "
                                               "from %1 to %2.")
                                       .arg(minLimit)
                                       .arg(maxLimit));
}

} // namespace

UsageQuery UsageQuery::lastDays(int days, const QDateTime &now)
{
    UsageQuery query;
    query.endTime = now.toUTC();
    query.startTime = query.endTime.addDays(-days);
    return query;
}

QUrlQuery UsageQuery::toUrlQuery() const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("start_time"), encoded(utcText(startTime)));
    query.addQueryItem(QStringLiteral("end_time"), encoded(utcText(endTime)));
    if (!resourceName.isEmpty())
        query.addQueryItem(QStringLiteral("resource_name"), encoded(resourceName));
    if (minIdleDays)
        query.addQueryItem(QStringLiteral("min_idle_days"), QString::number(*minIdleDays));
    if (maxIdleDays)
        query.addQueryItem(QStringLiteral("max_idle_days"), QString::number(*maxIdleDays));
    if (usageMinHours)
        query.addQueryItem(QStringLiteral("usage_min_hours"), QString::number(*usageMinHours));
    if (usageMaxHours)
        query.addQueryItem(QStringLiteral("usage_max_hours"), QString::number(*usageMaxHours));
    if (!sortField.isEmpty())
        query.addQueryItem(QStringLiteral("sort_field"), sortField);
    if (!sortType.isEmpty())
        query.addQueryItem(QStringLiteral("sort_type"), sortType);
    return query;
}

ApiError UsageQuery::validate() const
{
    if (!startTime.isValid() || !endTime.isValid())
        return ApiError::configuration(ApiCall::tr("Usage statistics need a period with a start and an end."));
    if (startTime >= endTime)
        return ApiError::configuration(ApiCall::tr("The usage period must end after it starts."));
    if ((minIdleDays && *minIdleDays < 0) || (maxIdleDays && *maxIdleDays < 0)
        || (minIdleDays && maxIdleDays && *minIdleDays > *maxIdleDays))
        return ApiError::configuration(ApiCall::tr("The idle days must be 0 or more, the least not above the most."));
    if ((usageMinHours && *usageMinHours < 0) || (usageMaxHours && *usageMaxHours < 0)
        || (usageMinHours && usageMaxHours && *usageMinHours > *usageMaxHours))
        return ApiError::configuration(ApiCall::tr("The hours of use must be 0 or more, the least not above the most."));
    static const QStringList sortFields = {QStringLiteral("desktop_usage"), QStringLiteral("desktop_idle_duration")};
    static const QStringList sortTypes = {QStringLiteral("ASC"), QStringLiteral("DESC")};
    if ((!sortField.isEmpty() && !sortFields.contains(sortField)) || (!sortType.isEmpty() && !sortTypes.contains(sortType)))
        return ApiError::configuration(ApiCall::tr("Usage statistics sort by desktop_usage or desktop_idle_duration, "
                                                   "ASC or DESC."));
    return {};
}

ListUsagePageCall::ListUsagePageCall(ApiClient *client, UsageQuery query, int offset, int limit, QObject *parent)
    : ApiCallOf(client, QByteArrayLiteral("GET"), parent)
    , m_query(std::move(query))
    , m_offset(offset)
    , m_limit(limit)
{
}

QUrl ListUsagePageCall::url() const
{
    QUrlQuery query = m_query.toUrlQuery();
    query.addQueryItem(QStringLiteral("offset"), QString::number(m_offset));
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_limit));
    return client()->urlFor(QStringLiteral("statistics/metrics/desktops"), query);
}

ApiError ListUsagePageCall::validate() const
{
    const ApiError bounds = pageBoundsError(m_offset, m_limit, 1, kMaxLimit);
    return bounds.isError() ? bounds : m_query.validate();
}

ListUsagePageCall::Parser ListUsagePageCall::parser() const
{
    return DecommissionJson::parseUsagePage;
}

ListPoolsPageCall::ListPoolsPageCall(ApiClient *client, int offset, int limit, QObject *parent)
    : ApiCallOf(client, QByteArrayLiteral("GET"), parent)
    , m_offset(offset)
    , m_limit(limit)
{
}

QUrl ListPoolsPageCall::url() const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("offset"), QString::number(m_offset));
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_limit));
    return client()->urlFor(QStringLiteral("desktop-pools"), query);
}

ApiError ListPoolsPageCall::validate() const
{
    // A limit of 0 is allowed by the API but brings nothing: useless for paging.
    return pageBoundsError(m_offset, m_limit, 1, kMaxLimit);
}

ListPoolsPageCall::Parser ListPoolsPageCall::parser() const
{
    return DecommissionJson::parsePoolPage;
}

ListAllUsageCall::ListAllUsageCall(ApiClient *client, UsageQuery query, QObject *parent)
    : PagedListingCall(client, ListUsagePageCall::kMaxLimit, 1, parent)
    , m_query(std::move(query))
    , m_knowableIdleDays(DesktopUsage::knowableIdleDaysOf(m_query.startTime, m_query.endTime))
{
    setMaxBytes(kMaxBytes);
    // Without an order the service's pages are in no defined order, and paging by offset through
    // them may skip or repeat desktops. DESC is the documented default direction.
    if (m_query.sortField.isEmpty()) {
        m_query.sortField = QStringLiteral("desktop_idle_duration");
        m_query.sortType = QStringLiteral("DESC");
    }
}

ApiCall *ListAllUsageCall::createPage(int offset, int limit)
{
    return new ListUsagePageCall(client(), m_query, offset, limit);
}

PagedListingCall::PageOutcome ListAllUsageCall::takePage(ApiCall *page)
{
    DesktopUsagePage result = static_cast<ListUsagePageCall *>(page)->takeResult();
    PageOutcome outcome{int(result.items.size()), 0, result.count >= 0, result.count};
    for (DesktopUsage &entry : result.items) {
        entry.knowableIdleDays = m_knowableIdleDays;
        if (admit(entry.desktopId)) {
            m_indexById.insert(entry.desktopId, m_usage.size());
            m_usage.append(std::move(entry));
            ++outcome.admitted;
            continue;
        }
        m_repeatedIds.insert(entry.desktopId);
        DesktopUsage &kept = m_usage[m_indexById.value(entry.desktopId)];
        if (m_conflictingIds.contains(entry.desktopId) || kept.sameValues(entry))
            continue;
        // Two answers for one desktop: neither is known to be the right one.
        m_conflictingIds.append(entry.desktopId);
        kept.idleSeconds.reset();
        kept.usageSeconds.reset();
    }
    return outcome;
}

QString ListAllUsageCall::deadlineText() const
{
    return tr("the usage statistics did not arrive in time (%Ln desktop(s) read)", nullptr, loadedCount());
}

QString ListAllUsageCall::incompletenessText() const
{
    const QLocale locale;
    switch (completeness()) {
    case Completeness::Complete:
        return {};
    case Completeness::FewerThanAnnounced:
        if (duplicateCount() > 0)
            return tr("The service announced statistics for %1 desktops and sent %2 entries, %3 of them for a "
                      "desktop it had listed before: %4 desktops have statistics, some may be missing.")
                .arg(locale.toString(announcedTotal()), locale.toString(receivedCount()),
                     locale.toString(duplicateCount()), locale.toString(loadedCount()));
        return tr("Only %1 of the %2 desktops with usage statistics the service announced arrived: the "
                  "statistics are incomplete.")
            .arg(locale.toString(loadedCount()), locale.toString(announcedTotal()));
    case Completeness::PageLimitReached:
        return tr("The usage statistics stopped after %1 pages with %2 desktops although the service had "
                  "more: the statistics are incomplete.")
            .arg(locale.toString(pagesRequested()), locale.toString(loadedCount()));
    case Completeness::PagingStalled:
        return tr("The service kept sending usage statistics of desktops already listed; %1 desktops "
                  "arrived, more may exist: the statistics may be incomplete.")
            .arg(locale.toString(loadedCount()));
    case Completeness::SizeLimitReached:
        return tr("The usage statistics stopped at %1 of answers with %2 desktops, more than a listing may "
                  "hold: the statistics are incomplete.")
            .arg(bytesReadText(), locale.toString(loadedCount()));
    }
    return {};
}

QString ListAllUsageCall::countContradictionText() const
{
    if (!countContradicted())
        return {};
    return tr("The service counted %1 desktops with usage statistics but sent more; its count was ignored "
              "and the pages were read to the last (%2 desktops).")
        .arg(QLocale().toString(contradictedTotal()), QLocale().toString(loadedCount()));
}

QString ListAllUsageCall::duplicatesText() const
{
    if (m_repeatedIds.isEmpty())
        return {};
    return tr("The service sent the usage statistics of %1 more than once (%2); each desktop counts once.")
        .arg(tr("%Ln desktop(s)", nullptr, int(m_repeatedIds.size())),
             tr("%Ln repeated entry(s)", nullptr, duplicateCount()));
}

QString ListAllUsageCall::conflictsText() const
{
    if (m_conflictingIds.isEmpty())
        return {};
    constexpr qsizetype kNamed = 5;
    QString names = m_conflictingIds.mid(0, kNamed).join(QLatin1String(", "));
    if (m_conflictingIds.size() > kNamed)
        names = tr("%1 and %Ln more", nullptr, int(m_conflictingIds.size() - kNamed)).arg(names);
    return tr("The service sent different usage statistics for the same desktop (%1): the usage of %Ln "
              "desktop(s) is unknown.", nullptr, int(m_conflictingIds.size()))
        .arg(names);
}

QStringList ListAllUsageCall::warnings() const
{
    if (!succeeded())
        return {};
    QStringList texts{incompletenessText(), countContradictionText(), conflictsText(), duplicatesText()};
    texts.removeAll(QString());
    return texts;
}

ListAllPoolsCall::ListAllPoolsCall(ApiClient *client, QObject *parent)
    : PagedListingCall(client, ListPoolsPageCall::kMaxLimit, 1, parent)
{
    setMaxPages(kMaxOffset / ListPoolsPageCall::kMaxLimit + 1);
}

ApiCall *ListAllPoolsCall::createPage(int offset, int limit)
{
    return new ListPoolsPageCall(client(), offset, limit);
}

PagedListingCall::PageOutcome ListAllPoolsCall::takePage(ApiCall *page)
{
    DesktopPoolPage result = static_cast<ListPoolsPageCall *>(page)->takeResult();
    PageOutcome outcome{int(result.pools.size()), 0, result.totalCount >= 0, result.totalCount};
    for (DesktopPool &pool : result.pools) {
        if (admit(pool.id)) {
            m_indexById.insert(pool.id, m_pools.size());
            m_pools.append(std::move(pool));
            ++outcome.admitted;
            continue;
        }
        DesktopPool &kept = m_pools[m_indexById.value(pool.id)];
        if (kept.autoscaleEnabled != pool.autoscaleEnabled && kept.autoscaleEnabled.has_value()) {
            kept.autoscaleEnabled.reset(); // two answers: it may scale
            m_conflictingIds.append(pool.id);
        }
    }
    return outcome;
}

DesktopBatchCall::DesktopBatchCall(ApiClient *client, QByteArray method, QStringList desktopIds, QObject *parent)
    : ApiCallOf(client, std::move(method), parent)
    , m_desktopIds(std::move(desktopIds))
{
}

ApiError DesktopBatchCall::validate() const
{
    return validateIds(m_desktopIds);
}

ApiError DesktopBatchCall::validateIds(const QStringList &desktopIds)
{
    if (desktopIds.isEmpty() || desktopIds.size() > kMaxDesktops)
        return ApiError::configuration(tr("One request takes 1 to 100 desktops, not %1.").arg(desktopIds.size()));
    QSet<QString> seen;
    for (const QString &id : desktopIds) {
        if (id.isEmpty() || id.size() > DecommissionJson::kMaxIdChars)
            return ApiError::configuration(tr("A desktop id must have 1 to 255 characters."));
        if (seen.contains(id))
            return ApiError::configuration(tr("The desktop %1 is named twice in one request.").arg(id));
        seen.insert(id);
    }
    return {};
}

namespace {
std::optional<NoResult> emptyAnswer(const QByteArray &body, QString *error)
{
    return DecommissionJson::parseEmptyAnswer(body, error) ? std::optional<NoResult>(NoResult{}) : std::nullopt;
}
} // namespace

DesktopBatchCall::Parser DesktopBatchCall::parser() const
{
    return emptyAnswer;
}

SetMaintenanceModeCall::SetMaintenanceModeCall(ApiClient *client, QStringList desktopIds, bool inMaintenanceMode,
                                               QObject *parent)
    : DesktopBatchCall(client, QByteArrayLiteral("PUT"), std::move(desktopIds), parent)
    , m_inMaintenanceMode(inMaintenanceMode)
{
}

QUrl SetMaintenanceModeCall::url() const
{
    return client()->urlFor(QStringLiteral("desktops/maintenance-mode"));
}

QByteArray SetMaintenanceModeCall::body() const
{
    return DecommissionJson::maintenanceModeBody(desktopIds(), m_inMaintenanceMode);
}

LogoffDesktopsCall::LogoffDesktopsCall(ApiClient *client, QStringList desktopIds, QString message, QObject *parent)
    : DesktopBatchCall(client, QByteArrayLiteral("POST"), std::move(desktopIds), parent)
    , m_message(std::move(message))
{
}

QUrl LogoffDesktopsCall::url() const
{
    return client()->urlFor(QStringLiteral("desktops/logoff"));
}

QByteArray LogoffDesktopsCall::body() const
{
    return DecommissionJson::logoffBody(desktopIds(), m_message);
}

ApiError LogoffDesktopsCall::validate() const
{
    const ApiError ids = DesktopBatchCall::validate();
    if (ids.isError())
        return ids;
    if (const std::optional<QString> problem = DecommissionJson::logoffMessageProblem(m_message))
        return ApiError::configuration(*problem);
    return {};
}

UpdatePoolAutoscaleCall::UpdatePoolAutoscaleCall(ApiClient *client, QString poolId, bool enableAutoscale,
                                                 QObject *parent)
    : ApiCallOf(client, QByteArrayLiteral("PUT"), parent)
    , m_poolId(std::move(poolId))
    , m_enableAutoscale(enableAutoscale)
{
}

QUrl UpdatePoolAutoscaleCall::url() const
{
    return client()->urlFor(QStringLiteral("desktop-pools/") + encoded(m_poolId));
}

QByteArray UpdatePoolAutoscaleCall::body() const
{
    return DecommissionJson::poolAutoscaleBody(m_enableAutoscale);
}

ApiError UpdatePoolAutoscaleCall::validate() const
{
    if (!DecommissionJson::isUsableId(m_poolId))
        return ApiError::configuration(tr("A pool id must be 1 to 255 letters, digits, '-', '_', '.' or ':'."));
    return {};
}

UpdatePoolAutoscaleCall::Parser UpdatePoolAutoscaleCall::parser() const
{
    return emptyAnswer;
}
