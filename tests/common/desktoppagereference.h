#pragma once

// The reference reading of a desktops/detail answer, with Qt's JSON classes and
// WorkspaceJson::desktopFromJson: what parseDesktopPage (simdjson) must agree with. Header-only so
// that the libFuzzer target, which links only the instrumented API sources, can use it too.
#include "api/workspacejson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace DesktopPageReference {

// A page, or nothing when the answer is refused (the reason is not compared).
inline std::optional<DesktopPage> parse(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    const QJsonValue desktops = object.value(QLatin1String("desktops"));
    if (!desktops.isArray() && !desktops.isUndefined() && !desktops.isNull())
        return std::nullopt;
    if (desktops.isUndefined() && !object.contains(QLatin1String("total_count")))
        return std::nullopt;

    DesktopPage page;
    const QJsonValue total = object.value(QLatin1String("total_count"));
    bool hasTotal = total.isDouble() || total.isString();
    if (total.isDouble())
        page.totalCount = total.toInt();
    else if (total.isString())
        page.totalCount = total.toString().toInt(&hasTotal);
    const QJsonArray array = desktops.toArray();
    for (const QJsonValue &value : array) {
        if (!value.isObject())
            return std::nullopt;
        Desktop desktop = WorkspaceJson::desktopFromJson(value.toObject());
        if (desktop.id.isEmpty())
            return std::nullopt;
        page.desktops.append(std::move(desktop));
    }
    if (!hasTotal)
        page.totalCount = int(page.desktops.size());
    if (page.totalCount < 0)
        return std::nullopt;
    return page;
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
    if (differs(a.osType, b.osType)) return QStringLiteral("osType");
    if (differs(a.imageName, b.imageName)) return QStringLiteral("imageName");
    if (a.billingMode != b.billingMode) return QStringLiteral("billingMode");
    if (differs(a.created, b.created)) return QStringLiteral("created");
    if (differs(a.tags, b.tags)) return QStringLiteral("tags");
    return {};
}

inline QString firstDifference(const DesktopPage &a, const DesktopPage &b)
{
    if (a.totalCount != b.totalCount)
        return QStringLiteral("totalCount %1 != %2").arg(a.totalCount).arg(b.totalCount);
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
