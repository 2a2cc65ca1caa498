// ListPoolDesktopsDetail: GET /v2/{project_id}/desktop-pools/{pool_id}/desktops, the documented way
// to learn a pool's desktops (a desktop's own details do not name its pool).
#include "decommissionroutes.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {
// The gateway's documented "invalid request parameters" and the resource-not-found code.
const QString kInvalidParameter = QStringLiteral("APIGW.0201");
constexpr int kMaxPoolDesktopsLimit = 100; // documented: 1–100, default 10
constexpr int kDefaultPoolDesktopsLimit = 10;
constexpr int kMaxPoolDesktopsOffset = 10000; // documented: 0–10000

DecommissionRoutes::Answer poolDesktopsError(int status, const QString &code, const QString &message)
{
    return { status,
             QJsonDocument(
                 QJsonObject { { QStringLiteral("error_code"), code }, { QStringLiteral("error_msg"), message } })
                 .toJson(QJsonDocument::Compact) };
}

// A documented integer parameter within its range, or its default when absent.
bool boundedParameter(const QUrlQuery &query, const QString &name, int minimum, int maximum, int fallback, int *value)
{
    if (!query.hasQueryItem(name)) {
        *value = fallback;
        return true;
    }
    bool ok = false;
    *value = query.queryItemValue(name).toInt(&ok);
    return ok && *value >= minimum && *value <= maximum;
}
} // namespace

DecommissionRoutes::Answer DecommissionRoutes::listPoolDesktops(const QString &poolId, const QUrlQuery &query) const
{
    const auto pool
        = std::find_if(m_pools.cbegin(), m_pools.cend(), [&poolId](const Pool &p) { return p.id == poolId; });
    if (pool == m_pools.cend())
        return poolDesktopsError(404, QStringLiteral("WKS.0202"), QStringLiteral("The resource not found"));
    int offset = 0;
    int limit = 0;
    if (!boundedParameter(query, QStringLiteral("offset"), 0, kMaxPoolDesktopsOffset, 0, &offset)
        || !boundedParameter(query, QStringLiteral("limit"), 1, kMaxPoolDesktopsLimit, kDefaultPoolDesktopsLimit,
                             &limit))
        return poolDesktopsError(400, kInvalidParameter,
                                 QStringLiteral("offset must be 0 to %1 and limit 1 to %2")
                                     .arg(kMaxPoolDesktopsOffset)
                                     .arg(kMaxPoolDesktopsLimit));
    const QString inconsistent = query.queryItemValue(QStringLiteral("inconsistent_type"));
    if (!inconsistent.isEmpty() && inconsistent != QLatin1String("PRODUCT") && inconsistent != QLatin1String("IMAGE"))
        return poolDesktopsError(400, kInvalidParameter, QStringLiteral("inconsistent_type is PRODUCT or IMAGE"));
    QList<const SimulatedDesktop *> held;
    int yearlyMonthly = 0;
    for (const SimulatedDesktop &desktop : m_desktops) {
        if (desktop.poolId != poolId || desktop.removed || desktop.status == QLatin1String("DELETED"))
            continue;
        // ASSUMPTION: every desktop of a pool has the pool's product and image, so asking for the
        // inconsistent ones finds none.
        if (!inconsistent.isEmpty())
            continue;
        held.append(&desktop);
        yearlyMonthly += desktop.yearlyMonthly ? 1 : 0;
    }
    QJsonArray desktops;
    for (const SimulatedDesktop *desktop : held.mid(offset, limit)) {
        QJsonObject entry = desktop->toJson();
        entry.remove(QStringLiteral("pool_id")); // in no definition of the pool's desktops either
        entry.insert(QStringLiteral("inconsistent_types"), QJsonArray());
        desktops.append(entry);
    }
    const QJsonObject body { { QStringLiteral("total_count"), int(held.size()) },
                             { QStringLiteral("pool_desktops"), desktops },
                             { QStringLiteral("on_demand_desktops_num"), int(held.size()) - yearlyMonthly },
                             { QStringLiteral("period_desktops_num"), yearlyMonthly } };
    return { 200, QJsonDocument(body).toJson(QJsonDocument::Compact) };
}
