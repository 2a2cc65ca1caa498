#pragma once

#include "api/workspacetypes.h"
#include "decommission/retirementstate.h"

#include <QList>
#include <QPair>
#include <QString>

// What the retirement tests read of a desktop's tags: one value, and every tag but this app's.
inline QString tagValue(const Desktop& desktop, const QString& key)
{
    for (const auto& [tagKey, value] : desktop.tags) {
        if (tagKey == key)
            return value;
    }
    return {};
}

inline QList<QPair<QString, QString>> othersOf(const QList<QPair<QString, QString>>& tags)
{
    QList<QPair<QString, QString>> others;
    for (const auto& tag : tags) {
        if (!Retirement::isOwnKey(tag.first))
            others.append(tag);
    }
    return others;
}
