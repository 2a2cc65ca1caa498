#include "decommissionroutes.h"

#include "simulatorreply.h"

#include "api/workspacejson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

#include <algorithm>

namespace {

constexpr int kMaxDesktopsPerRequest = 100; // ASSUMPTION for maintenance mode: no limit is documented
constexpr int kMaxDesktopIdLength = 255;
constexpr int kMaxLogoffMessageLength = 255;
constexpr int kMaxUsageLimit = 100;
constexpr int kDefaultUsageLimit = 10;
constexpr int kMaxUsageIdleDays = 180;
constexpr int kMaxUsageHours = 2147483646;
constexpr int kMaxUsageOffset = 2147483646;
constexpr int kMaxResourceNameLength = 64;
constexpr int kMaxPoolLimit = 1000;
constexpr int kMaxPoolOffset = 20000;
constexpr int kRetentionDays = 180;
constexpr qint64 kDay = 24 * 3600;

using Answer = DecommissionRoutes::Answer;

Answer answerOf(const SimulatorReply &reply)
{
    return {reply.status, reply.body};
}

Answer json(int status, const QJsonObject &object)
{
    return answerOf(jsonReply(status, object));
}

Answer invalid(const QString &message, const QString &detail = {})
{
    return answerOf(invalidParameterReply(message, detail));
}

// The changing calls answer 200 without a body, as their definitions and SDK responses say.
Answer done()
{
    return {200, {}};
}

bool isGone(const SimulatedDesktop &desktop)
{
    return desktop.removed || desktop.status == QLatin1String("DELETED");
}

// FNV-1a: the same number for the same id and seed in every run, unlike qHash.
quint64 stableHash(const QString &id, quint32 seed)
{
    quint64 hash = 14695981039346656037ULL ^ seed;
    for (const char byte : id.toUtf8()) {
        hash ^= quint8(byte);
        hash *= 1099511628211ULL;
    }
    return hash;
}

// An integer query parameter within [minimum, maximum], or `fallback` when absent.
bool intParameter(const QUrlQuery &query, const char *key, int minimum, int maximum, int fallback, int *value)
{
    const QString name = QLatin1String(key);
    if (!query.hasQueryItem(name)) {
        *value = fallback;
        return true;
    }
    bool ok = false;
    *value = query.queryItemValue(name).toInt(&ok);
    return ok && *value >= minimum && *value <= maximum;
}

struct UsageEntry
{
    const SimulatedDesktop *desktop;
    qint64 idleSeconds;
    qint64 usageSeconds;
};

} // namespace

DecommissionRoutes::DecommissionRoutes(QList<SimulatedDesktop> &desktops,
                                       const QHash<QString, qsizetype> &indexById, quint32 seed,
                                       const QDateTime &start)
    : m_desktops(desktops)
    , m_indexById(indexById)
{
    QSet<QString> poolIds;
    for (SimulatedDesktop &desktop : m_desktops) {
        const quint64 hash = stableHash(desktop.id, seed);
        const int roll = int(hash % 100);
        const int days = int((hash >> 8) % 30);
        m_dailyUseHours.insert(desktop.id, 1 + int((hash >> 16) % 8));
        if (desktop.loginStatus == QLatin1String("CONNECTED")) {
            m_lastUsed.insert(desktop.id, start);
        } else if (roll < 25) { // idle for months
            m_lastUsed.insert(desktop.id, start.addDays(-(60 + int((hash >> 8) % 300))));
        } else if (roll < 30) { // never used
        } else if (roll < 33) { // created after the latest daily aggregation
            const QDateTime aggregated = dataEnd(start);
            desktop.created = aggregated.addSecs(qint64((hash >> 8) % quint64(std::max<qint64>(1, aggregated.secsTo(start)))));
            desktop.refreshJson();
        } else {
            m_lastUsed.insert(desktop.id, start.addDays(-days).addSecs(-qint64((hash >> 24) % kDay)));
        }
        if (!desktop.poolId.isEmpty())
            poolIds.insert(desktop.poolId);
    }
    QStringList sorted(poolIds.cbegin(), poolIds.cend());
    sorted.sort();
    for (const QString &id : std::as_const(sorted)) {
        Pool pool;
        pool.id = id;
        pool.name = QStringLiteral("Pool %1").arg(id.mid(id.indexOf(QLatin1Char('-')) + 1).toUpper());
        pool.type = QStringLiteral("DYNAMIC");
        m_pools.append(pool);
    }
    // One pool scales: the developers' if there is one.
    const auto scaling = std::find_if(m_pools.begin(), m_pools.end(),
                                      [](const Pool &pool) { return pool.id == QLatin1String("pool-dev"); });
    if (scaling != m_pools.end())
        scaling->autoscale = true;
    else if (!m_pools.isEmpty())
        m_pools.first().autoscale = true;
}

QDateTime DecommissionRoutes::dataEnd(const QDateTime &now)
{
    // Aggregated daily at 02:00 for the day before.
    const QDateTime today(now.toUTC().date(), QTime(0, 0), QTimeZone::utc());
    return now.toUTC().time() >= QTime(2, 0) ? today : today.addDays(-1);
}

bool DecommissionRoutes::matches(const QByteArray &method, const QString &path, QString *projectId)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^/v2/([^/]+)/(statistics/metrics/desktops|desktops/maintenance-mode|desktops/logoff|desktop-pools(/[^/]+)?(/desktops)?)/?$"));
    const QRegularExpressionMatch match = pattern.match(path);
    if (!match.hasMatch())
        return false;
    const QString resource = match.captured(2);
    const bool known = (resource == QLatin1String("statistics/metrics/desktops") && method == "GET")
        || (resource == QLatin1String("desktops/maintenance-mode") && method == "PUT")
        || (resource == QLatin1String("desktops/logoff") && method == "POST")
        || (resource == QLatin1String("desktop-pools") && method == "GET")
        || (!match.captured(3).isEmpty() && match.captured(4).isEmpty() && method == "PUT")
        || (!match.captured(3).isEmpty() && !match.captured(4).isEmpty() && method == "GET");
    if (known && projectId)
        *projectId = match.captured(1);
    return known;
}

DecommissionRoutes::Answer DecommissionRoutes::handle(const QByteArray &method, const QString &path,
                                                      const QUrlQuery &query, const QByteArray &contentType,
                                                      const QByteArray &body, const QDateTime &now)
{
    if (method == "GET" && path.contains(QLatin1String("/statistics/")))
        return listUsage(query, now);
    if (method == "GET") {
        // desktop-pools, or desktop-pools/{pool_id}/desktops
        const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        const qsizetype pools = parts.indexOf(QLatin1String("desktop-pools"));
        if (pools >= 0 && parts.size() > pools + 2)
            return listPoolDesktops(QUrl::fromPercentEncoding(parts.at(pools + 1).toUtf8()), query);
        return listPools(query);
    }
    if (!contentType.trimmed().toLower().startsWith("application/json"))
        return invalid(QStringLiteral("Content-Type must be application/json"));
    if (isEmptyRequest(body))
        return answerOf(emptyRequestReply());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return invalid(QStringLiteral("The request body is not a JSON object"), parseError.errorString());
    const QJsonObject object = document.object();
    if (path.contains(QLatin1String("/desktops/maintenance-mode")))
        return setMaintenanceMode(object);
    if (path.contains(QLatin1String("/desktops/logoff")))
        return logoff(object);
    QString poolId = path.section(QLatin1Char('/'), -1);
    if (poolId.isEmpty()) // a trailing slash
        poolId = path.section(QLatin1Char('/'), -2, -2);
    return updatePool(QUrl::fromPercentEncoding(poolId.toUtf8()), object);
}

DecommissionRoutes::Answer DecommissionRoutes::listUsage(const QUrlQuery &query, const QDateTime &now) const
{
    const auto time = [&query](const char *key) {
        return WorkspaceJson::parseTimestamp(query.queryItemValue(QLatin1String(key), QUrl::FullyDecoded));
    };
    const QDateTime start = time("start_time");
    const QDateTime end = time("end_time");
    if (!start.isValid() || !end.isValid())
        return invalid(QStringLiteral("start_time and end_time are required, in UTC"));
    if (start >= end)
        return invalid(QStringLiteral("end_time must be after start_time"));
    int offset = 0;
    int limit = 0;
    if (!intParameter(query, "offset", 0, kMaxUsageOffset, 0, &offset))
        return invalid(QStringLiteral("offset must be an integer from 0 to %1").arg(kMaxUsageOffset));
    if (!intParameter(query, "limit", 1, kMaxUsageLimit, kDefaultUsageLimit, &limit))
        return invalid(QStringLiteral("limit must be an integer from 1 to %1").arg(kMaxUsageLimit));
    int minIdleDays = 0, maxIdleDays = 0, minHours = 0, maxHours = 0;
    if (!intParameter(query, "min_idle_days", 0, kMaxUsageIdleDays, 0, &minIdleDays)
        || !intParameter(query, "max_idle_days", 0, kMaxUsageIdleDays, std::numeric_limits<int>::max(), &maxIdleDays))
        return invalid(QStringLiteral("min_idle_days and max_idle_days are integers from 0 to %1").arg(kMaxUsageIdleDays));
    if (!intParameter(query, "usage_min_hours", 0, kMaxUsageHours, 0, &minHours)
        || !intParameter(query, "usage_max_hours", 0, kMaxUsageHours, std::numeric_limits<int>::max(), &maxHours))
        return invalid(QStringLiteral("usage_min_hours and usage_max_hours are integers from 0 to %1").arg(kMaxUsageHours));
    const QString sortField = query.queryItemValue(QStringLiteral("sort_field"));
    const QString sortType = query.queryItemValue(QStringLiteral("sort_type"));
    if ((!sortField.isEmpty() && sortField != QLatin1String("desktop_usage") && sortField != QLatin1String("desktop_idle_duration"))
        || (!sortType.isEmpty() && sortType != QLatin1String("ASC") && sortType != QLatin1String("DESC")))
        return invalid(QStringLiteral("sort_field is desktop_usage or desktop_idle_duration, sort_type ASC or DESC"));
    const bool hasName = query.hasQueryItem(QStringLiteral("resource_name"));
    const QString name = query.queryItemValue(QStringLiteral("resource_name"), QUrl::FullyDecoded);
    if (hasName && (name.isEmpty() || name.size() > kMaxResourceNameLength))
        return invalid(QStringLiteral("resource_name must have 1 to %1 characters").arg(kMaxResourceNameLength));

    // Only the last 180 days are kept.
    const QDateTime retentionStart = QDateTime(now.toUTC().date(), QTime(0, 0), QTimeZone::utc()).addDays(-kRetentionDays);
    const QDateTime periodStart = std::max(start, retentionStart);
    const QDateTime periodEnd = std::min(end, dataEnd(now));

    QList<UsageEntry> entries;
    for (const SimulatedDesktop &desktop : m_desktops) {
        if (periodStart >= periodEnd || isGone(desktop) || desktop.created >= periodEnd)
            continue; // ASSUMPTION: no entry for a desktop created after the period
        if (!name.isEmpty() && !desktop.computerName.contains(name, Qt::CaseInsensitive))
            continue;
        const QDateTime lastUsed = m_lastUsed.value(desktop.id);
        const QDateTime idleSince = std::max({lastUsed.isValid() ? lastUsed : desktop.created, desktop.created, retentionStart});
        const qint64 idle = std::max<qint64>(0, idleSince.secsTo(periodEnd));
        const QDateTime usedFrom = std::max(periodStart, desktop.created);
        const QDateTime usedUntil = lastUsed.isValid() ? std::min(lastUsed, periodEnd) : usedFrom;
        // Five working days a week, the desktop's own hours a day.
        const qint64 usage = std::max<qint64>(0, usedFrom.secsTo(usedUntil)) * 5 / 7 * m_dailyUseHours.value(desktop.id) / 24;
        if (idle / kDay < minIdleDays || idle / kDay > maxIdleDays || usage / 3600 < minHours || usage / 3600 > maxHours)
            continue;
        entries.append({&desktop, idle, usage});
    }
    // ASSUMPTION: without sort_field the order is not documented; the simulator keeps its own
    // (stable) order of the desktops.
    if (!sortField.isEmpty()) {
        const bool byUsage = sortField == QLatin1String("desktop_usage");
        const bool descending = sortType != QLatin1String("ASC"); // documented default: DESC
        std::stable_sort(entries.begin(), entries.end(), [byUsage, descending](const UsageEntry &a, const UsageEntry &b) {
            const qint64 left = byUsage ? a.usageSeconds : a.idleSeconds;
            const qint64 right = byUsage ? b.usageSeconds : b.idleSeconds;
            return descending ? left > right : left < right;
        });
    }
    QJsonArray items;
    for (const UsageEntry &entry : entries.mid(offset, limit)) {
        QJsonObject item{
            {QStringLiteral("resource_id"), entry.desktop->id},
            {QStringLiteral("resource_name"), entry.desktop->computerName},
            {QStringLiteral("metric"),
             QJsonArray{QJsonObject{{QStringLiteral("metric_name"), QStringLiteral("desktop_usage")},
                                    {QStringLiteral("metric_value"), double(entry.usageSeconds)}},
                        QJsonObject{{QStringLiteral("metric_name"), QStringLiteral("desktop_idle_duration")},
                                    {QStringLiteral("metric_value"), double(entry.idleSeconds)}}}}};
        if (!entry.desktop->poolId.isEmpty())
            item.insert(QStringLiteral("resource_pool_id"), entry.desktop->poolId);
        items.append(item);
    }
    return json(200, {{QStringLiteral("count"), int(entries.size())}, {QStringLiteral("items"), items}});
}

DecommissionRoutes::Answer DecommissionRoutes::listPools(const QUrlQuery &query) const
{
    int offset = 0;
    int limit = 0;
    if (!intParameter(query, "offset", 0, kMaxPoolOffset, 0, &offset))
        return invalid(QStringLiteral("offset must be an integer from 0 to %1").arg(kMaxPoolOffset));
    if (!intParameter(query, "limit", 0, kMaxPoolLimit, kMaxPoolLimit, &limit))
        return invalid(QStringLiteral("limit must be an integer from 0 to %1").arg(kMaxPoolLimit));
    // The documented filters: name, type, enterprise_project_id and in_maintenance_mode.
    const QString name = query.queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded);
    const QString type = query.queryItemValue(QStringLiteral("type"), QUrl::FullyDecoded);
    const QString project = query.queryItemValue(QStringLiteral("enterprise_project_id"), QUrl::FullyDecoded);
    static const QRegularExpression projectPattern(QStringLiteral("^[a-zA-Z0-9_-]*$"));
    if (name.size() > 255 || type.size() > 255 || project.size() > 36 || !projectPattern.match(project).hasMatch())
        return invalid(QStringLiteral("name and type have at most 255 characters, enterprise_project_id at most 36 "
                                      "letters, digits, '_' or '-'"));
    const QString maintenance = query.queryItemValue(QStringLiteral("in_maintenance_mode"));
    if (!maintenance.isEmpty() && maintenance != QLatin1String("true") && maintenance != QLatin1String("false"))
        return invalid(QStringLiteral("in_maintenance_mode must be true or false"));
    QList<const Pool *> matching;
    for (const Pool &pool : m_pools) {
        // ASSUMPTION: name matches exactly (the definition does not say fuzzy); every pool is in the
        // default enterprise project "0".
        if ((!name.isEmpty() && pool.name != name) || (!type.isEmpty() && pool.type != type)
            || (!project.isEmpty() && project != QLatin1String("0"))
            || (!maintenance.isEmpty() && pool.inMaintenanceMode != (maintenance == QLatin1String("true"))))
            continue;
        matching.append(&pool);
    }
    QJsonArray pools;
    for (const Pool *poolEntry : matching.mid(offset, limit)) {
        const Pool &pool = *poolEntry;
        int count = 0;
        int used = 0;
        for (const SimulatedDesktop &desktop : m_desktops) {
            if (desktop.poolId != pool.id || isGone(desktop))
                continue;
            ++count;
            used += desktop.userName.isEmpty() ? 0 : 1; // ASSUMPTION: "used" is assigned to a user
        }
        QJsonObject object{{QStringLiteral("id"), pool.id},
                           {QStringLiteral("name"), pool.name},
                           {QStringLiteral("type"), pool.type},
                           {QStringLiteral("desktop_count"), count},
                           {QStringLiteral("desktop_used"), used},
                           {QStringLiteral("enable_autoscale"), pool.autoscale},
                           {QStringLiteral("in_maintenance_mode"), pool.inMaintenanceMode},
                           {QStringLiteral("charging_mode"), QStringLiteral("1")},
                           // As the published example: the product's charge_mode, same coding.
                           {QStringLiteral("product"), QJsonObject{{QStringLiteral("charge_mode"), QStringLiteral("1")}}}};
        // The fields of the official SDK's AutoscalePolicy.
        if (pool.autoscale)
            object.insert(QStringLiteral("autoscale_policy"),
                          QJsonObject{{QStringLiteral("autoscale_type"), QStringLiteral("AUTO_CREATED")},
                                      {QStringLiteral("max_auto_created"), 10},
                                      {QStringLiteral("min_idle"), 1}});
        pools.append(object);
    }
    return json(200, {{QStringLiteral("total_count"), int(matching.size())}, {QStringLiteral("desktop_pools"), pools}});
}

DecommissionRoutes::Answer DecommissionRoutes::targets(const QJsonObject &body, QList<SimulatedDesktop *> *desktops)
{
    const QJsonValue idsValue = body.value(QLatin1String("desktop_ids"));
    if (!idsValue.isArray())
        return invalid(QStringLiteral("desktop_ids must be an array of desktop ids"));
    const QJsonArray ids = idsValue.toArray();
    // ASSUMPTION: an empty list is refused. Log-off documents 0 to 100 ids, and what the service
    // does with none is not confirmed (the app never sends it); maintenance mode documents no limit.
    if (ids.isEmpty() || ids.size() > kMaxDesktopsPerRequest)
        return invalid(QStringLiteral("desktop_ids must hold 1 to %1 desktop ids").arg(kMaxDesktopsPerRequest),
                       QStringLiteral("%1 were sent").arg(ids.size()));
    QSet<QString> seen;
    QStringList unknown;
    QStringList busy;
    for (const QJsonValue &value : ids) {
        const QString id = value.toString();
        if (!value.isString() || id.isEmpty() || id.size() > kMaxDesktopIdLength)
            return invalid(QStringLiteral("every desktop id must be a string of 1 to %1 characters").arg(kMaxDesktopIdLength));
        if (seen.contains(id))
            return invalid(QStringLiteral("desktop_ids holds a duplicate"), id);
        seen.insert(id);
        const auto index = m_indexById.constFind(id);
        if (index == m_indexById.cend() || isGone(m_desktops.at(*index))) {
            unknown.append(id);
            continue;
        }
        SimulatedDesktop &desktop = m_desktops[*index];
        if (desktop.taskStatus == QLatin1String("deleting"))
            busy.append(id);
        desktops->append(&desktop);
    }
    if (!unknown.isEmpty())
        return answerOf(notFoundReply(m_notFoundAnswer, QStringLiteral("Unknown desktop ids: ")
                                                            + unknown.join(QStringLiteral(", "))));
    if (!busy.isEmpty())
        return answerOf(errorReply(
            409, SimulatorErrorCode::kConflict,
            QStringLiteral("Operation conflict. The desktop current instance status is [deleting] and deny operation [update]"),
            QStringLiteral("Desktops: ") + busy.join(QStringLiteral(", "))));
    return done();
}

DecommissionRoutes::Answer DecommissionRoutes::setMaintenanceMode(const QJsonObject &body)
{
    const QJsonValue mode = body.value(QLatin1String("in_maintenance_mode"));
    if (!mode.isBool())
        return invalid(QStringLiteral("in_maintenance_mode must be a boolean"));
    QList<SimulatedDesktop *> desktops;
    const Answer refusal = targets(body, &desktops);
    if (refusal.status != 200)
        return refusal;
    for (SimulatedDesktop *desktop : std::as_const(desktops)) {
        desktop->inMaintenanceMode = mode.toBool();
        // ASSUMPTION: users cannot log in to a desktop in maintenance mode, and a connected one's
        // session ends, so that none is CONNECTED after it.
        if (desktop->inMaintenanceMode && desktop->loginStatus == QLatin1String("CONNECTED"))
            desktop->loginStatus = QStringLiteral("DISCONNECTED");
        desktop->refreshJson();
    }
    return done();
}

DecommissionRoutes::Answer DecommissionRoutes::logoff(const QJsonObject &body)
{
    const QJsonValue message = body.value(QLatin1String("message"));
    if (!message.isUndefined() && (!message.isString() || message.toString().size() > kMaxLogoffMessageLength))
        return invalid(QStringLiteral("message must be a string of at most %1 characters").arg(kMaxLogoffMessageLength));
    QList<SimulatedDesktop *> desktops;
    const Answer refusal = targets(body, &desktops);
    if (refusal.status != 200)
        return refusal;
    for (SimulatedDesktop *desktop : std::as_const(desktops)) {
        if (desktop->loginStatus == QLatin1String("CONNECTED") || desktop->loginStatus == QLatin1String("DISCONNECTED")) {
            desktop->loginStatus = QStringLiteral("REGISTERED"); // waiting for a user again
            desktop->refreshJson();
        }
    }
    return done();
}

QHash<QString, bool> DecommissionRoutes::poolAutoscale() const
{
    QHash<QString, bool> autoscale;
    for (const Pool &pool : m_pools)
        autoscale.insert(pool.id, pool.autoscale);
    return autoscale;
}

void DecommissionRoutes::restorePoolAutoscale(const QHash<QString, bool> &autoscale)
{
    for (Pool &pool : m_pools) {
        const auto saved = autoscale.constFind(pool.id);
        if (saved != autoscale.cend())
            pool.autoscale = *saved;
    }
}

DecommissionRoutes::Answer DecommissionRoutes::updatePool(const QString &poolId, const QJsonObject &body)
{
    const auto pool = std::find_if(m_pools.begin(), m_pools.end(), [&poolId](const Pool &p) { return p.id == poolId; });
    if (pool == m_pools.end())
        return answerOf(notFoundReply(m_notFoundAnswer, poolId));
    const QJsonValue autoscale = body.value(QLatin1String("enable_autoscale"));
    if (!autoscale.isUndefined() && !autoscale.isBool())
        return invalid(QStringLiteral("enable_autoscale must be a boolean"));
    if (autoscale.isBool())
        pool->autoscale = autoscale.toBool();
    return done();
}
