#include "workspacetypes.h"

bool Desktop::isBeingDeleted() const
{
    return taskStatus.startsWith(QLatin1String("delet"), Qt::CaseInsensitive)
        && taskStatus.compare(QLatin1String("deleteFailed"), Qt::CaseInsensitive) != 0;
}

bool Desktop::isGone() const
{
    // Asked twice per desktop of every listing: the length test spares most the case-folding.
    return status.size() == 7 && status.compare(QLatin1String("DELETED"), Qt::CaseInsensitive) == 0;
}

namespace {
bool hasTag(const QList<QPair<QString, QString>> &tags, const QString &key, const QString &value)
{
    for (const auto &[tagKey, tagValue] : tags) {
        if (tagKey == key && (value.isNull() || tagValue == value))
            return true;
    }
    return false;
}
} // namespace

bool Desktop::hasTag(const QString &key, const QString &value) const
{
    return ::hasTag(tags, key, value);
}

bool tagsMatchAnyRule(const QList<QPair<QString, QString>> &tags, const QStringList &rules)
{
    for (const QString &rule : rules) {
        const QString trimmed = rule.trimmed();
        if (trimmed.isEmpty())
            continue;
        const qsizetype equals = trimmed.indexOf(QLatin1Char('='));
        const bool matches = equals < 0
            ? hasTag(tags, trimmed, QString())
            : hasTag(tags, trimmed.left(equals).trimmed(), trimmed.mid(equals + 1).trimmed());
        if (matches)
            return true;
    }
    return false;
}

QString Desktop::tagsText() const
{
    QStringList parts;
    parts.reserve(tags.size());
    for (const auto &[key, value] : tags)
        parts.append(value.isEmpty() ? key : key + QLatin1Char('=') + value);
    return parts.join(QStringLiteral(", "));
}

QString Desktop::displayStatus() const
{
    return taskStatus.isEmpty() ? status : taskStatus;
}

JobState jobStateFromStatus(const QString &status)
{
    const QString upper = status.toUpper();
    if (upper == QLatin1String("SUCCESS") || upper == QLatin1String("COMPLETE"))
        return JobState::Succeeded;
    if (upper == QLatin1String("FAILED") || upper == QLatin1String("FAIL"))
        return JobState::Failed;
    return JobState::InProgress;
}

JobState SubJob::state() const
{
    return jobStateFromStatus(status);
}

JobState Job::state() const
{
    return jobStateFromStatus(status);
}
