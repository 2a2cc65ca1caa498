#pragma once

#include "api/decommissionjson.h"
#include "api/workspacetypes.h"
#include "deletion/deletionresult.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What a deletion will affect beyond the desktops themselves, and which failures are worth
// retrying: pure functions on plain data, the one place these rules live for the window's dialog
// and the CLI's dry run.
namespace DeletionImpact {

// With delete_users the service deletes a user only when they have no other desktop. A user of the
// selection is deleted when every desktop of theirs in `listing` is selected, and kept otherwise.
// The listing is what the caller knows (the window's table, or a look-up by user name): a desktop
// it does not hold cannot keep its user here, so a filtered listing may name too many users.
// The users of one desktop: the one place that says who uses a desktop, for the users a deletion
// removes or keeps and for the users a change disconnects or logs off.
QStringList usersOfDesktop(const Desktop &desktop);

struct Users
{
    QStringList deleted; // user names, sorted, each once
    QStringList kept;    // sorted; with keptBy
    QHash<QString, QStringList> keptBy; // user → their desktops outside the selection (ids)
};
Users usersOf(const QList<Desktop> &selection, const QList<Desktop> &listing);
// The users of these desktops: sorted, each once, desktops without a user left out.
QStringList userNamesOf(const QList<Desktop> &desktops);

// Desktops billed yearly/monthly: the console deletes them by unsubscribing, so a deletion leaves
// them out unless asked. An unknown billing mode is not yearly/monthly.
QList<Desktop> billedYearlyMonthly(const QList<Desktop> &desktops);
QList<Desktop> withoutYearlyMonthly(const QList<Desktop> &desktops);

// Pools of the selection's desktops that may create new desktops after the deletion (autoscale on,
// or not known to be off). A pool id the pools listing does not hold is returned with its id alone
// and autoscale unknown: a pool that may scale is treated as scaling.
QList<DesktopPool> scalingPools(const QList<Desktop> &selection, const QList<DesktopPool> &pools);

// What "Retry Failed" makes of one failed desktop, from the desktop as a fresh look-up shows it.
// Judged on the desktop's state, not on the failure's error code: no code is published for these
// refusals.
enum class RetryAdvice {
    Retry,          // worth sending again as it was
    RetryWithForce, // a user is connected: it failed because it was in use
    Gone,           // not found, or gone: nothing left to delete
    YearlyMonthly,  // billed yearly/monthly: unsubscribe it in the console instead
};
RetryAdvice retryAdvice(const std::optional<Desktop> &current, bool wasForced);

struct Retry
{
    QList<Desktop> offered;        // worth retrying, in the order of the failures
    QStringList suggestForce;      // of those, the ones in use (ids)
    QList<Desktop> yearlyMonthly;  // left out
    QStringList gone;              // left out (ids)
};
Retry retryOf(const QStringList &failedIds, const QHash<QString, Desktop> &found, bool wasForced);

// Translated, one line each, for the dialog and the CLI.
QString retryAdviceText(RetryAdvice advice);

} // namespace DeletionImpact
