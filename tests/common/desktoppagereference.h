#pragma once

// What parseDesktopPage (simdjson) must agree with: the reading of a desktops/detail answer with
// Qt's JSON classes (WorkspaceJson::parseDesktopPageWithQt), field by field. Header-only so that
// the libFuzzer target, which links only the instrumented API sources, can use it too.
#include "api/workspacejson.h"

#include <optional>

namespace DesktopPageReference {

// A page, or nothing when the answer is refused (the reason is not compared).
inline std::optional<DesktopPage> parse(const QByteArray &body)
{
    return WorkspaceJson::parseDesktopPageWithQt(body, nullptr);
}

// The first field in which two desktops differ, or an empty string; raw is not compared.
inline QString firstDifference(const Desktop &a, const Desktop &b)
{
    const auto differs = [](const auto &x, const auto &y) { return !(x == y); };
    if (differs(a.id, b.id)) return QStringLiteral("id");
    if (differs(a.computerName, b.computerName)) return QStringLiteral("computerName");
    if (differs(a.status, b.status)) return QStringLiteral("status");
    if (differs(a.taskStatus, b.taskStatus)) return QStringLiteral("taskStatus");
    if (differs(a.loginStatus, b.loginStatus)) return QStringLiteral("loginStatus");
    if (differs(a.userName, b.userName)) return QStringLiteral("userName");
    if (differs(a.userGroup, b.userGroup)) return QStringLiteral("userGroup");
    if (differs(a.ipAddresses, b.ipAddresses)) return QStringLiteral("ipAddresses");
    if (differs(a.desktopType, b.desktopType)) return QStringLiteral("desktopType");
    if (differs(a.productId, b.productId)) return QStringLiteral("productId");
    if (differs(a.flavorId, b.flavorId)) return QStringLiteral("flavorId");
    if (differs(a.availabilityZone, b.availabilityZone)) return QStringLiteral("availabilityZone");
    if (differs(a.sid, b.sid)) return QStringLiteral("sid");
    if (differs(a.osType, b.osType)) return QStringLiteral("osType");
    if (differs(a.imageName, b.imageName)) return QStringLiteral("imageName");
    if (a.billingMode != b.billingMode) return QStringLiteral("billingMode");
    if (differs(a.poolId, b.poolId)) return QStringLiteral("poolId");
    if (a.inMaintenanceMode != b.inMaintenanceMode) return QStringLiteral("inMaintenanceMode");
    if (differs(a.created, b.created)) return QStringLiteral("created");
    if (differs(a.tags, b.tags)) return QStringLiteral("tags");
    if (differs(a.attachedUsers, b.attachedUsers)) return QStringLiteral("attachedUsers");
    if (differs(a.userList, b.userList)) return QStringLiteral("userList");
    if (differs(a.userGroupList, b.userGroupList)) return QStringLiteral("userGroupList");
    return {};
}

inline QString firstDifference(const DesktopPage &a, const DesktopPage &b)
{
    if (a.totalCount != b.totalCount)
        return QStringLiteral("totalCount %1 != %2").arg(a.totalCount).arg(b.totalCount);
    if (a.totalCountKnown != b.totalCountKnown)
        return QStringLiteral("totalCountKnown");
    if (a.desktops.size() != b.desktops.size())
        return QStringLiteral("%1 desktops != %2").arg(a.desktops.size()).arg(b.desktops.size());
    for (qsizetype i = 0; i < a.desktops.size(); ++i) {
        const QString field = firstDifference(a.desktops.at(i), b.desktops.at(i));
        if (!field.isEmpty())
            return QStringLiteral("desktop %1: %2").arg(i).arg(field);
    }
    return {};
}

} // namespace DesktopPageReference
