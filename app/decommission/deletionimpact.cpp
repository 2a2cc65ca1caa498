#include "deletionimpact.h"

#include <QSet>

#include <algorithm>

namespace DeletionImpact {

QStringList usersOfDesktop(const Desktop &desktop)
{
    return desktop.userName.isEmpty() ? QStringList() : QStringList{desktop.userName};
}

Users usersOf(const QList<Desktop> &selection, const QList<Desktop> &listing)
{
    QSet<QString> selectedIds;
    QSet<QString> users;
    for (const Desktop &desktop : selection) {
        selectedIds.insert(desktop.id);
        for (const QString &user : usersOfDesktop(desktop))
            users.insert(user);
    }
    Users result;
    for (const Desktop &desktop : listing) {
        if (selectedIds.contains(desktop.id) || desktop.isGone())
            continue;
        for (const QString &user : usersOfDesktop(desktop)) {
            if (users.contains(user))
                result.keptBy[user].append(desktop.id);
        }
    }
    for (const QString &user : std::as_const(users))
        (result.keptBy.contains(user) ? result.kept : result.deleted).append(user);
    std::sort(result.deleted.begin(), result.deleted.end());
    std::sort(result.kept.begin(), result.kept.end());
    return result;
}

QStringList userNamesOf(const QList<Desktop> &desktops)
{
    QSet<QString> users;
    for (const Desktop &desktop : desktops) {
        for (const QString &user : usersOfDesktop(desktop))
            users.insert(user);
    }
    QStringList names(users.cbegin(), users.cend());
    std::sort(names.begin(), names.end());
    return names;
}

QList<Desktop> billedYearlyMonthly(const QList<Desktop> &desktops)
{
    QList<Desktop> billed;
    std::copy_if(desktops.cbegin(), desktops.cend(), std::back_inserter(billed),
                 [](const Desktop &desktop) { return desktop.billingMode == BillingMode::YearlyMonthly; });
    return billed;
}

QList<Desktop> withoutYearlyMonthly(const QList<Desktop> &desktops)
{
    const auto isYearlyMonthly = [](const Desktop &desktop) { return desktop.billingMode == BillingMode::YearlyMonthly; };
    if (std::none_of(desktops.cbegin(), desktops.cend(), isYearlyMonthly))
        return desktops; // shared, not copied: the usual case, and 10,000 desktops are many to copy
    QList<Desktop> rest;
    std::copy_if(desktops.cbegin(), desktops.cend(), std::back_inserter(rest),
                 [](const Desktop &desktop) { return desktop.billingMode != BillingMode::YearlyMonthly; });
    return rest;
}

QList<DesktopPool> scalingPools(const QList<Desktop> &selection, const QList<DesktopPool> &pools)
{
    QHash<QString, DesktopPool> byId;
    for (const DesktopPool &pool : pools)
        byId.insert(pool.id, pool);
    QList<DesktopPool> scaling;
    QSet<QString> seen;
    for (const Desktop &desktop : selection) {
        if (desktop.poolId.isEmpty() || seen.contains(desktop.poolId))
            continue;
        seen.insert(desktop.poolId);
        DesktopPool pool = byId.value(desktop.poolId);
        if (pool.id.isEmpty())
            pool.id = desktop.poolId; // unknown to the listing: autoscale unknown
        if (pool.mayCreateDesktops())
            scaling.append(pool);
    }
    return scaling;
}

RetryAdvice retryAdvice(const std::optional<Desktop> &current, bool wasForced)
{
    if (!current || current->isGone())
        return RetryAdvice::Gone;
    if (current->billingMode == BillingMode::YearlyMonthly)
        return RetryAdvice::YearlyMonthly;
    if (current->isConnected() && !wasForced)
        return RetryAdvice::RetryWithForce;
    return RetryAdvice::Retry;
}

Retry retryOf(const QStringList &failedIds, const QHash<QString, Desktop> &found, bool wasForced)
{
    Retry retry;
    for (const QString &id : failedIds) {
        const auto it = found.constFind(id);
        const std::optional<Desktop> current = it == found.cend() ? std::nullopt : std::optional<Desktop>(*it);
        switch (retryAdvice(current, wasForced)) {
        case RetryAdvice::Gone:
            retry.gone.append(id);
            break;
        case RetryAdvice::YearlyMonthly:
            retry.yearlyMonthly.append(*current);
            break;
        case RetryAdvice::RetryWithForce:
            retry.suggestForce.append(id);
            retry.offered.append(*current);
            break;
        case RetryAdvice::Retry:
            retry.offered.append(*current);
            break;
        }
    }
    return retry;
}

QString retryAdviceText(RetryAdvice advice)
{
    switch (advice) {
    case RetryAdvice::Retry:
        return QCoreApplication::translate("DeletionImpact", "worth retrying");
    case RetryAdvice::RetryWithForce:
        return QCoreApplication::translate("DeletionImpact",
                                           "a user is connected: retry with Force to log the user off");
    case RetryAdvice::Gone:
        return QCoreApplication::translate("DeletionImpact", "not found: nothing left to delete");
    case RetryAdvice::YearlyMonthly:
        return QCoreApplication::translate("DeletionImpact",
                                           "billed yearly/monthly: unsubscribe it in the console instead");
    }
    return {};
}

} // namespace DeletionImpact
