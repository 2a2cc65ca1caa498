#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

// The desktops a change request's body names: its "desktop_ids" (maintenance, log-off, power,
// deletion), then the "desktop_id" of each of its "desktops" (tags).
inline QStringList desktopIdsOf(const QJsonObject& body)
{
    QStringList ids;
    for (const QJsonValue& value : body.value(QStringLiteral("desktop_ids")).toArray())
        ids.append(value.toString());
    for (const QJsonValue& value : body.value(QStringLiteral("desktops")).toArray())
        ids.append(value.toObject().value(QStringLiteral("desktop_id")).toString());
    return ids;
}
