#include "workspacetypes.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>

BillingMode billingModeFromFields(const QString &productChargeMode, const QString &orderId,
                                  const QString &metadataChargingMode)
{
    if (productChargeMode == QLatin1String("0"))
        return BillingMode::YearlyMonthly;
    if (productChargeMode == QLatin1String("1"))
        return BillingMode::PayPerUse;
    if (!orderId.trimmed().isEmpty())
        return BillingMode::YearlyMonthly;
    if (metadataChargingMode == QLatin1String("1"))
        return BillingMode::YearlyMonthly;
    if (metadataChargingMode == QLatin1String("0"))
        return BillingMode::PayPerUse;
    return BillingMode::Unknown;
}

QString billingModeDisplayName(BillingMode mode)
{
    switch (mode) {
    case BillingMode::PayPerUse:
        return QCoreApplication::translate("Desktop", "Pay-per-use");
    case BillingMode::YearlyMonthly:
        return QCoreApplication::translate("Desktop", "Yearly/monthly");
    case BillingMode::Unknown:
        break;
    }
    return QCoreApplication::translate("Desktop", "Unknown", "billing mode that no field of the desktop tells");
}

QString billingModeKey(BillingMode mode)
{
    switch (mode) {
    case BillingMode::PayPerUse:
        return QStringLiteral("pay_per_use");
    case BillingMode::YearlyMonthly:
        return QStringLiteral("yearly_monthly");
    case BillingMode::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString loginStatusDisplayName(const QString &loginStatus)
{
    // The four documented values; UNREGISTER is also what every shut-down desktop shows.
    const QString key = loginStatus.toUpper();
    if (key == QLatin1String("UNREGISTER"))
        return QCoreApplication::translate("Desktop", "Not registered", "login status UNREGISTER");
    if (key == QLatin1String("REGISTERED"))
        return QCoreApplication::translate("Desktop", "Ready", "login status REGISTERED: waiting for a user");
    if (key == QLatin1String("CONNECTED"))
        return QCoreApplication::translate("Desktop", "In use", "login status CONNECTED: a user is logged in");
    if (key == QLatin1String("DISCONNECTED"))
        return QCoreApplication::translate("Desktop", "Disconnected", "login status DISCONNECTED");
    return loginStatus;
}

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

namespace {
// Names each once, sorted, blanks left out; a listed id of a known user or group is its name.
QStringList distinctNames(const QStringList &names, const QStringList &listed, const QHash<QString, QString> &nameById)
{
    QSet<QString> distinct;
    for (const QString &name : names)
        if (!name.isEmpty())
            distinct.insert(name);
    for (const QString &entry : listed)
        if (!entry.isEmpty())
            distinct.insert(nameById.value(entry, entry));
    QStringList sorted(distinct.cbegin(), distinct.cend());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

QStringList attachedNames(const Desktop &desktop, AttachedUser::Type type, const QStringList &listed,
                          const QString &extraName)
{
    QStringList names{extraName};
    QHash<QString, QString> nameById;
    for (const AttachedUser &user : desktop.attachedUsers) {
        if (user.type != type)
            continue;
        names.append(user.name);
        if (!user.id.isEmpty() && !user.name.isEmpty())
            nameById.insert(user.id, user.name);
    }
    return distinctNames(names, listed, nameById);
}
} // namespace

QStringList Desktop::userNames() const
{
    // The common case, a dedicated desktop with its one user_name, without building sets.
    if (attachedUsers.isEmpty() && userList.isEmpty())
        return userName.isEmpty() ? QStringList() : QStringList{userName};
    return attachedNames(*this, AttachedUser::Type::User, userList, userName);
}

QStringList Desktop::groupNames() const
{
    if (attachedUsers.isEmpty() && userGroupList.isEmpty())
        return {};
    return attachedNames(*this, AttachedUser::Type::Group, userGroupList, QString());
}

QStringList desktopStatusFilterValues()
{
    return {QStringLiteral("ACTIVE"), QStringLiteral("SHUTOFF"), QStringLiteral("ERROR"), QStringLiteral("HIBERNATED")};
}

QStringList transitionalDesktopStatuses()
{
    return {QStringLiteral("STARTING"), QStringLiteral("STOPPING"), QStringLiteral("RESTARTING"),
            QStringLiteral("HIBERNATING"), QStringLiteral("AWAKENING")};
}

bool isDesktopStatusFilterValue(const QString &status)
{
    return desktopStatusFilterValues().contains(status, Qt::CaseInsensitive);
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
