#include "desktoplistfilter.h"

#include <QHostAddress>
#include <QStringList>

#include <algorithm>

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool parseInteger(const QUrlQuery &query, const QString &key, int minimum, int maximum, int *value,
                  QString *error)
{
    if (!query.hasQueryItem(key))
        return true;
    bool ok = false;
    const int parsed = query.queryItemValue(key, QUrl::FullyDecoded).toInt(&ok);
    if (!ok || parsed < minimum || parsed > maximum)
        return fail(error, QStringLiteral("%1 must be an integer from %2 to %3").arg(key).arg(minimum).arg(maximum));
    *value = parsed;
    return true;
}

bool parseBoolean(const QString &text, std::optional<bool> *value)
{
    if (text == QLatin1String("true"))
        *value = true;
    else if (text == QLatin1String("false"))
        *value = false;
    else
        return false;
    return true;
}

} // namespace

std::optional<DesktopListFilter> DesktopListFilter::parse(const QUrlQuery &query, QString *error)
{
    DesktopListFilter filter;
    const auto value = [&query](const char *key) {
        return query.queryItemValue(QLatin1String(key), QUrl::FullyDecoded);
    };
    const auto has = [&query](const char *key) { return query.hasQueryItem(QLatin1String(key)); };

    // The documented lengths of the text parameters (and of each repeated value).
    static const QList<QPair<QString, int>> maxLengths = {
        {QStringLiteral("status"), 255},        {QStringLiteral("user_name"), 255},
        {QStringLiteral("user_names"), 36},     {QStringLiteral("computer_name"), 255},
        {QStringLiteral("desktop_ip"), 255},    {QStringLiteral("desktop_id"), 255},
        {QStringLiteral("desktop_type"), 255},  {QStringLiteral("tag"), 255},
        {QStringLiteral("pool_id"), 255},       {QStringLiteral("enterprise_project_id"), 36},
        {QStringLiteral("image_id"), 255},      {QStringLiteral("subnet_id"), 255}};
    for (const auto &[key, maxLength] : maxLengths) {
        for (const QString &text : query.allQueryItemValues(key, QUrl::FullyDecoded)) {
            if (text.size() > maxLength) {
                fail(error, QStringLiteral("%1 must have at most %2 characters").arg(key).arg(maxLength));
                return std::nullopt;
            }
        }
    }
    if (!parseInteger(query, QStringLiteral("offset"), 0, std::numeric_limits<int>::max(), &filter.m_offset, error)
        || !parseInteger(query, QStringLiteral("limit"), 0, kMaxLimit, &filter.m_limit, error))
        return std::nullopt;

    if (has("status")) {
        static const QStringList allowed = {QStringLiteral("ACTIVE"), QStringLiteral("SHUTOFF"),
                                            QStringLiteral("ERROR"), QStringLiteral("HIBERNATED")};
        filter.m_status = value("status");
        if (!allowed.contains(filter.m_status)) {
            fail(error, QStringLiteral("status must be one of ") + allowed.join(QStringLiteral(", ")));
            return std::nullopt;
        }
    }
    // user_names, when given, decides alone: user_name is then not looked at.
    const QStringList userNames = query.allQueryItemValues(QStringLiteral("user_names"), QUrl::FullyDecoded);
    if (userNames.size() > kMaxListedValues) {
        fail(error, QStringLiteral("at most %1 user_names are allowed").arg(kMaxListedValues));
        return std::nullopt;
    }
    for (const QString &name : userNames)
        filter.m_userNames.insert(name);
    if (userNames.isEmpty() && has("user_name"))
        filter.m_userNames.insert(value("user_name"));

    filter.m_computerName = value("computer_name");

    if (has("desktop_ip")) {
        filter.m_desktopIp = value("desktop_ip");
        if (QHostAddress(filter.m_desktopIp).isNull()) {
            fail(error, QStringLiteral("desktop_ip is not an IP address"));
            return std::nullopt;
        }
    }
    const QStringList ids = query.allQueryItemValues(QStringLiteral("desktop_id"), QUrl::FullyDecoded);
    if (ids.size() > kMaxListedValues) {
        fail(error, QStringLiteral("at most %1 desktop_id values are allowed").arg(kMaxListedValues));
        return std::nullopt;
    }
    for (const QString &id : ids) {
        if (id.isEmpty()) {
            fail(error, QStringLiteral("desktop_id must not be empty"));
            return std::nullopt;
        }
        filter.m_desktopIds.insert(id);
    }

    if (has("tag")) {
        const QStringList pairs = value("tag").split(QLatin1Char(','));
        for (const QString &pair : pairs) {
            const qsizetype equals = pair.indexOf(QLatin1Char('='));
            if (equals <= 0) {
                fail(error, QStringLiteral("tag must look like key=value,key2=value2"));
                return std::nullopt;
            }
            filter.m_tags.append({pair.left(equals), pair.mid(equals + 1)});
        }
    }
    if (has("charge_mode")) {
        // The coding of product.charge_mode.
        const QString mode = value("charge_mode");
        if (mode != QLatin1String("0") && mode != QLatin1String("1")) {
            fail(error, QStringLiteral("charge_mode must be 0 (yearly/monthly) or 1 (pay-per-use)"));
            return std::nullopt;
        }
        filter.m_yearlyMonthly = mode == QLatin1String("0");
    }
    if (has("in_maintenance_mode") && !parseBoolean(value("in_maintenance_mode"), &filter.m_inMaintenanceMode)) {
        fail(error, QStringLiteral("in_maintenance_mode must be true or false"));
        return std::nullopt;
    }
    if (has("user_attached") && !parseBoolean(value("user_attached"), &filter.m_userAttached)) {
        fail(error, QStringLiteral("user_attached must be true or false"));
        return std::nullopt;
    }
    if (has("desktop_type")) {
        static const QStringList types = {QStringLiteral("DEDICATED"), QStringLiteral("POOLED"), QStringLiteral("SHARED")};
        filter.m_desktopType = value("desktop_type");
        if (!types.contains(filter.m_desktopType)) {
            fail(error, QStringLiteral("desktop_type must be one of ") + types.join(QStringLiteral(", ")));
            return std::nullopt;
        }
    }
    // Exact matches on an id or a name; an empty value filters nothing, as when it is not given.
    // pool_id: comma-separated pool ids, at most 255 characters in all.
    const QString poolIds = value("pool_id");
    if (poolIds.size() > 255) {
        fail(error, QStringLiteral("pool_id must have at most 255 characters"));
        return std::nullopt;
    }
    for (const QString &poolId : poolIds.split(QLatin1Char(','), Qt::SkipEmptyParts))
        filter.m_poolIds.append(poolId.trimmed());
    filter.m_enterpriseProjectId = value("enterprise_project_id");
    filter.m_availabilityZone = value("availability_zone");
    filter.m_imageId = value("image_id");
    filter.m_subnetId = value("subnet_id");
    if (has("sort_field")) {
        filter.m_sortField = value("sort_field");
        if (filter.m_sortField != QLatin1String("created") && filter.m_sortField != QLatin1String("computer_name")) {
            fail(error, QStringLiteral("sort_field must be created or computer_name"));
            return std::nullopt;
        }
    }
    if (has("sort_type")) {
        const QString type = value("sort_type");
        if (type != QLatin1String("ASC") && type != QLatin1String("DESC")) {
            fail(error, QStringLiteral("sort_type must be ASC or DESC"));
            return std::nullopt;
        }
        filter.m_descending = type == QLatin1String("DESC");
        if (filter.m_sortField.isEmpty())
            filter.m_sortField = QStringLiteral("created");
    }
    return filter;
}

bool DesktopListFilter::matches(const SimulatedDesktop &desktop) const
{
    if (desktop.removed)
        return false;
    if (!m_status.isEmpty() && desktop.status != m_status)
        return false;
    if (!m_userNames.isEmpty() && !m_userNames.contains(desktop.userName))
        return false;
    if (!m_computerName.isEmpty() && !desktop.computerName.contains(m_computerName, Qt::CaseInsensitive))
        return false;
    if (!m_desktopIp.isEmpty() && desktop.ipAddress != m_desktopIp)
        return false;
    if (!m_desktopIds.isEmpty() && !m_desktopIds.contains(desktop.id))
        return false;
    for (const auto &[key, value] : m_tags) {
        if (!desktop.hasTag(key, value))
            return false;
    }
    if (m_yearlyMonthly && desktop.yearlyMonthly != *m_yearlyMonthly)
        return false;
    if (m_inMaintenanceMode && desktop.inMaintenanceMode != *m_inMaintenanceMode)
        return false;
    if (!m_desktopType.isEmpty() && desktop.desktopType != m_desktopType)
        return false;
    if (m_userAttached && desktop.userName.isEmpty() == *m_userAttached)
        return false;
    const auto differs = [](const QString &wanted, const QString &actual) {
        return !wanted.isEmpty() && wanted != actual;
    };
    if (!m_poolIds.isEmpty() && !m_poolIds.contains(desktop.poolId))
        return false;
    return !differs(m_enterpriseProjectId, desktop.enterpriseProjectId)
        && !differs(m_availabilityZone, desktop.availabilityZone) && !differs(m_imageId, desktop.imageId)
        && !differs(m_subnetId, desktop.subnetId);
}

QList<const SimulatedDesktop *> DesktopListFilter::apply(const QList<SimulatedDesktop> &desktops) const
{
    QList<const SimulatedDesktop *> result;
    result.reserve(desktops.size());
    for (const SimulatedDesktop &desktop : desktops) {
        if (matches(desktop))
            result.append(&desktop);
    }
    if (m_sortField == QLatin1String("created")) {
        std::stable_sort(result.begin(), result.end(), [this](const SimulatedDesktop *a, const SimulatedDesktop *b) {
            return m_descending ? b->created < a->created : a->created < b->created;
        });
    } else if (m_sortField == QLatin1String("computer_name")) {
        std::stable_sort(result.begin(), result.end(), [this](const SimulatedDesktop *a, const SimulatedDesktop *b) {
            return m_descending ? b->computerName < a->computerName : a->computerName < b->computerName;
        });
    }
    return result;
}
