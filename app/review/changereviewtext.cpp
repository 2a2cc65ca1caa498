#include "changereviewtext.h"

#include <QJsonDocument>
#include <QLocale>
#include <QSet>

#include <algorithm>

QString ChangeReviewText::namesText(const QStringList& names, int namesShown)
{
    if (namesShown < 0 || names.size() <= namesShown)
        return names.join(QLatin1String(", "));
    return QCoreApplication::translate("DeletionDialog", "%1 and %Ln more",
        "a list of user names, cut short", int(names.size()) - namesShown)
        .arg(names.mid(0, namesShown).join(QLatin1String(", ")));
}

QString ChangeReviewText::title(const ChangeReview& review)
{
    return title(review.kind(), review.targetCount());
}

QString ChangeReviewText::title(ReviewedChange kind, int count)
{
    switch (kind) {
    case ReviewedChange::Delete:
        return QCoreApplication::translate(
            "DeletionDialog", "Delete %Ln Desktop(s)", nullptr, count);
    case ReviewedChange::StartMaintenance:
        return tr("Start Maintenance on %Ln Desktop(s)", nullptr, count);
    case ReviewedChange::EndMaintenance:
        return tr("End Maintenance on %Ln Desktop(s)", nullptr, count);
    case ReviewedChange::LogOff:
        return tr("Log Off the Users of %Ln Desktop(s)", nullptr, count);
    case ReviewedChange::Retire:
        return tr("Retire %Ln Desktop(s)", nullptr, count);
    case ReviewedChange::Restore:
        return tr("Restore %Ln Desktop(s)", nullptr, count);
    }
    return {};
}

QString ChangeReviewText::heading(const ChangeReview& review)
{
    return heading(review.kind(), review.targetCount(), review.retireAfter());
}

QString ChangeReviewText::heading(ReviewedChange kind, int count, const QDate& retireAfter)
{
    switch (kind) {
    case ReviewedChange::Delete:
        return tr("Delete %Ln desktop(s)? Deletion cannot be undone.", nullptr, count);
    case ReviewedChange::StartMaintenance:
        return QCoreApplication::translate("MainWindow",
            "Put %Ln desktop(s) in maintenance mode? Their users can no longer log in.", nullptr,
            count);
    case ReviewedChange::EndMaintenance:
        return QCoreApplication::translate("MainWindow",
            "Take %Ln desktop(s) out of maintenance mode? Their users can log in again.", nullptr,
            count);
    case ReviewedChange::LogOff:
        return QCoreApplication::translate("MainWindow",
            "Log the users of %Ln desktop(s) off? Work they have not saved may be lost.", nullptr,
            count);
    case ReviewedChange::Retire:
        return tr("Retire %Ln desktop(s)? They are put in maintenance mode, tagged as retiring and "
                  "stopped, and may be deleted from %1 (UTC).",
            nullptr, count)
            .arg(Retirement::dayText(retireAfter));
    case ReviewedChange::Restore:
        return tr("Restore %Ln desktop(s)? They are taken out of maintenance mode and started, and "
                  "their retirement tags are removed.",
            nullptr, count);
    }
    return {};
}

QString ChangeReviewText::confirmButtonText(const ChangeReview& review)
{
    return confirmButtonText(review.kind(), review.targetCount());
}

QString ChangeReviewText::confirmButtonText(ReviewedChange kind, int count)
{
    switch (kind) {
    case ReviewedChange::Delete:
        return QCoreApplication::translate(
            "DeletionDialog", "&Delete %Ln Desktop(s)", nullptr, count);
    case ReviewedChange::StartMaintenance:
        return tr("&Start Maintenance on %Ln Desktop(s)", nullptr, count);
    case ReviewedChange::EndMaintenance:
        return tr("&End Maintenance on %Ln Desktop(s)", nullptr, count);
    case ReviewedChange::LogOff:
        return tr("&Log Off %Ln Desktop(s)", nullptr, count);
    case ReviewedChange::Retire:
        return tr("&Retire %Ln Desktop(s)", nullptr, count);
    case ReviewedChange::Restore:
        return tr("R&estore %Ln Desktop(s)", nullptr, count);
    }
    return {};
}

QString ChangeReviewText::confirmationPrompt(const ChangeReview& review)
{
    return QCoreApplication::translate(
        "DeletionDialog", "To confirm, type the number of desktops to delete (%1):")
        .arg(QString::number(review.targetCount()));
}

bool ChangeReviewText::confirmationMatches(const ChangeReview& review, const QString& typed)
{
    return review.targetCount() > 0 && typed.trimmed() == QString::number(review.targetCount());
}

QString ChangeReviewText::confirmationHint(const ChangeReview& review, const QString& typed)
{
    if (typed.trimmed().isEmpty() || confirmationMatches(review, typed))
        return {};
    return tr("“%1” is not the number of desktops this deletion sends: type %2.")
        .arg(typed.trimmed().left(20), QString::number(review.targetCount()));
}

QString ChangeReviewText::leftOutSummary(const ChangeReview& review)
{
    const int count = int(review.leftOut().size());
    if (count == 0)
        return {};
    return QCoreApplication::translate(
        "DeletionDialog", "%Ln selected desktop(s) are left out.", nullptr, count);
}

QStringList ChangeReviewText::leftOutLines(const ChangeReview& review)
{
    return DeletionClassifier::describe(review.leftOut());
}

QString ChangeReviewText::leftOutTally(const ChangeReview& review)
{
    // By reason, not by each desktop's sentence: "not found" may name the id, and "in the
    // unfinished job" the job.
    QStringList reasons;
    QHash<QString, int> counts;
    for (const LeftOutDesktop& desktop : review.leftOut()) {
        QString reason;
        if (desktop.reason == LeftOutReason::NotFound)
            reason = QCoreApplication::translate("DeletionClassifier", "not found");
        else if (desktop.reason == LeftOutReason::InJournal)
            reason = tr("in an unfinished job");
        else
            reason = desktop.reasonText();
        if (counts[reason]++ == 0)
            reasons.append(reason);
    }
    QStringList parts;
    for (const QString& reason : std::as_const(reasons))
        parts.append(
            tr("%1 × %2", "count × reason").arg(QLocale().toString(counts.value(reason)), reason));
    return parts.join(QLatin1String("; "));
}

QString ChangeReviewText::repeatedText(const ChangeReview& review)
{
    if (review.repeatedIds().isEmpty())
        return {};
    QHash<QString, QString> names;
    for (const Desktop& desktop : review.targets())
        names.insert(desktop.id, desktop.computerName);
    QStringList listed;
    for (const QString& id : review.repeatedIds()) {
        const QString name = names.value(id);
        listed.append(
            name.isEmpty() ? id : tr("%1 (%2)", "desktop id (computer name)").arg(id, name));
    }
    return tr("Listed more than once, counted once: %1").arg(listed.join(QLatin1String(", ")));
}

QString ChangeReviewText::countsText(const ChangeReview& review)
{
    return countsText(review, review.changeRequestCount());
}

QString ChangeReviewText::countsText(const ChangeReview& review, int changeRequests)
{
    const int count = review.targetCount();
    const int connected = int(review.connectedTargets().size());
    const QString requests = QCoreApplication::translate(
        "DeletionDialog", "sent in %Ln request(s)", nullptr, changeRequests);
    // One pattern, the counts inserted whole, so that a translation can order and punctuate them.
    if (review.isDeletion()) {
        return QCoreApplication::translate("DeletionDialog", "%1 · %2 · %3 · %4",
            "desktops · in use · billed yearly/monthly · sent in requests")
            .arg(QCoreApplication::translate("DeletionDialog", "%Ln desktop(s)", nullptr, count),
                QCoreApplication::translate("DeletionDialog", "%Ln in use", nullptr, connected),
                QCoreApplication::translate("DeletionDialog", "%Ln billed yearly/monthly", nullptr,
                    review.yearlyMonthlyTargetCount()),
                requests);
    }
    return tr("%1 · %2 · %3", "desktops · in use · sent in requests")
        .arg(QCoreApplication::translate("DeletionDialog", "%Ln desktop(s)", nullptr, count),
            QCoreApplication::translate("DeletionDialog", "%Ln in use", nullptr, connected),
            requests);
}

QStringList ChangeReviewText::warnings(const ChangeReview& review, int namesShown)
{
    QStringList lines;
    const int connected = int(review.connectedTargets().size());
    const QString users = namesText(review.connectedUserNames(), namesShown);
    switch (review.kind()) {
    case ReviewedChange::Delete:
        if (connected > 0) {
            lines << (review.choices().options.forceDelete
                    ? tr("%Ln desktop(s) are in use (CONNECTED): their users are disconnected: %1.",
                        nullptr, connected)
                          .arg(users)
                    : tr("%Ln desktop(s) are in use (CONNECTED): without “Force delete” their "
                         "deletion may "
                         "fail. Their users: %1.",
                        nullptr, connected)
                          .arg(users));
        }
        if (review.yearlyMonthlyTargetCount() > 0) {
            lines << QCoreApplication::translate("DeletionDialog",
                "%Ln desktop(s) are billed yearly/monthly: their deletion will fail. "
                "Unsubscribe them in the console first.",
                nullptr, review.yearlyMonthlyTargetCount());
        }
        if (review.targetCount() > 0) {
            lines << QCoreApplication::translate("DeletionDialog",
                "Each desktop's system and data disks are deleted with it. An "
                "elastic IP is unbound but still billed until you release it.");
        }
        break;
    case ReviewedChange::StartMaintenance:
        if (connected > 0) {
            lines << tr("%Ln desktop(s) are in use (CONNECTED): maintenance mode disconnects their "
                        "users: %1.",
                nullptr, connected)
                         .arg(users);
        }
        break;
    case ReviewedChange::LogOff:
        if (connected > 0)
            lines << tr("%Ln connected user(s) are logged off: %1.", nullptr, connected).arg(users);
        if (connected < review.targetCount()) {
            lines << tr("%Ln desktop(s) have no user connected now: a user who logs in before the "
                        "request is "
                        "logged off too.",
                nullptr, review.targetCount() - connected);
        }
        break;
    case ReviewedChange::Retire:
        lines << retirementLines(review, users);
        break;
    case ReviewedChange::Restore:
        if (review.targetCount() > 0) {
            lines << tr("%Ln desktop(s) are started: billed by use, they cost money again while "
                        "they run.",
                nullptr, review.targetCount());
        }
        break;
    case ReviewedChange::EndMaintenance:
        break;
    }
    return lines;
}

QStringList ChangeReviewText::retirementLines(const ChangeReview& review, const QString& users)
{
    QStringList lines;
    const int count = review.targetCount();
    const int connected = int(review.connectedTargets().size());
    const int days = review.choices().graceDays;
    if (!review.graceDaysValid()) {
        lines << tr("The grace period must be 0 to %1 days; nothing can be sent.")
                     .arg(RetirementRun::kMaxGraceDays);
        return lines;
    }
    const QString retiredOn = Retirement::dayText(review.retiredOn());
    const QString due = Retirement::dayText(review.retireAfter());
    lines << (days == 0
            ? tr("Tagged as retired on %1 and due at once: they may be deleted today.")
                  .arg(retiredOn)
            : tr("Tagged as retired on %1 and due after %Ln day(s): they may be deleted from %2.",
                nullptr, days)
                  .arg(retiredOn, due));
    const QString message = review.retirementMessage();
    if (connected > 0) {
        lines << (message.isEmpty()
                ? tr("%Ln desktop(s) are in use (CONNECTED): maintenance mode disconnects their "
                     "users and the stop ends their sessions, without a message: %1.",
                    nullptr, connected)
                      .arg(users)
                : tr("%Ln desktop(s) are in use (CONNECTED): their users are logged off with the "
                     "message: %1.",
                    nullptr, connected)
                      .arg(users));
    }
    if (!message.isEmpty()) {
        if (const std::optional<QString> problem = DecommissionJson::logoffMessageProblem(message))
            lines << tr("The message cannot be sent: %1").arg(*problem);
        else if (count > 0)
            lines << tr("The users see this message: “%1”").arg(message);
    }
    if (count > 0) {
        lines << tr("Restore brings a desktop back until it is deleted; deletion cannot be undone.");
    }
    return lines;
}

QStringList ChangeReviewText::usersLines(const ChangeReview& review, int namesShown)
{
    QStringList lines;
    if (!review.isDeletion() || !review.choices().options.deleteUsers)
        return lines;
    if (review.facts().usersListing == ChangeReview::UsersListing::Failed) {
        // Named, but neither as removed nor as kept: which it is could not be known.
        lines << QCoreApplication::translate(
            "DeletionDialog", "Users who may be removed or kept (impact unknown): %1")
                     .arg(namesText(DeletionImpact::userNamesOf(review.targets()), namesShown));
        lines << (QCoreApplication::translate("DeletionDialog",
                      "The impact on users is unknown: their other desktops could not all be listed.")
            + (review.facts().usersFailure.isEmpty()
                    ? QString()
                    : QLatin1Char(' ') + review.facts().usersFailure));
        return lines;
    }
    const DeletionImpact::Users& users = review.users();
    if (!users.deleted.isEmpty())
        lines << QCoreApplication::translate(
            "DeletionDialog", "Users removed (no other desktop): %1")
                     .arg(namesText(users.deleted, namesShown));
    if (!users.kept.isEmpty())
        lines << QCoreApplication::translate(
            "DeletionDialog", "Users kept (they have another desktop): %1")
                     .arg(namesText(users.kept, namesShown));
    if (users.deleted.isEmpty() && users.kept.isEmpty())
        lines << tr("No user is removed: none of these desktops has a user.");
    if (review.facts().usersListing == ChangeReview::UsersListing::InProgress) {
        lines << QCoreApplication::translate("DeletionDialog",
            "Looking up the users' other desktops… Until then the users listed may be incomplete.");
    }
    return lines;
}

QString ChangeReviewText::groupsLine(const ChangeReview& review)
{
    if (!review.isDeletion() || !review.choices().options.deleteUsers)
        return {};
    QSet<QString> groups;
    for (const Desktop& desktop : review.targets()) {
        for (const QString& group : desktop.groupNames())
            groups.insert(group);
    }
    QStringList names(groups.cbegin(), groups.cend());
    std::sort(names.begin(), names.end());
    if (names.isEmpty())
        return {};
    return tr("%Ln group(s) attached, not deleted with the desktops: %1", nullptr, int(names.size()))
        .arg(names.join(QLatin1String(", ")));
}

QStringList ChangeReviewText::poolsLines(const ChangeReview& review)
{
    QStringList lines;
    for (const DesktopPool& pool : review.scalingPools()) {
        const QString name = pool.name.isEmpty() || pool.name == pool.id
            ? pool.id
            : tr("%1 (%2)", "pool name (id)").arg(pool.name, pool.id);
        lines << (review.choices().turnAutoscaleOffFirst
                ? tr("The pool %1 has autoscale on (or not known to be off): it may create new "
                     "desktops after the deletion. Its autoscale is turned off first; if that "
                     "fails, "
                     "nothing is deleted.")
                      .arg(name)
                : tr("The pool %1 has autoscale on (or not known to be off): it may create new "
                     "desktops after the deletion.")
                      .arg(name));
    }
    return lines;
}

QString ChangeReviewText::forceAdviceText(const ChangeReview& review)
{
    const QStringList ids = review.forceAdvice();
    if (ids.isEmpty())
        return {};
    return QCoreApplication::translate("DeletionDialog",
        "%Ln desktop(s) failed because a user was connected: tick “Force delete” to "
        "log the users off and delete them.",
        nullptr, int(ids.size()));
}

QString ChangeReviewText::previewText(const ChangeReview& review, bool indentBodies)
{
    const QList<PlannedChangeRequest> planned = review.plannedRequests();
    QString text = planned.size() == 1
        ? tr("1 request:")
        : tr("%Ln requests, sent one after another:", nullptr, int(planned.size()));
    const int changeRequests = review.changeRequestCount();
    int index = 0;
    for (const PlannedChangeRequest& request : planned) {
        QString comment;
        if (!request.poolId.isEmpty()) {
            comment = QCoreApplication::translate(
                "DeletionDialog", "First: turn off the autoscale of pool %1")
                          .arg(request.poolId);
        } else if (!request.stepName.isEmpty()) {
            ++index;
            comment = tr("Request %1 of %2, %3: %Ln desktop(s)", "request index, count, step",
                request.desktopCount)
                          .arg(index)
                          .arg(changeRequests)
                          .arg(request.stepName);
        } else {
            ++index;
            comment = QCoreApplication::translate(
                "DeletionDialog", "Request %1 of %2: %Ln desktop(s)", nullptr, request.desktopCount)
                          .arg(index)
                          .arg(changeRequests);
        }
        const QByteArray body = indentBodies
            ? QJsonDocument::fromJson(request.body).toJson(QJsonDocument::Indented).trimmed()
            : request.body;
        text += QLatin1String("\n\n# ") + comment + QLatin1Char('\n')
            + QString::fromLatin1(request.method) + QLatin1Char(' ')
            + review.urlOf(request).toDisplayString() + QLatin1Char('\n') + QString::fromUtf8(body);
    }
    return text;
}

QString ChangeReviewText::dryRunSummary(const ChangeReview& review)
{
    return dryRunSummary(review.kind(), review.targetCount(), int(review.plannedRequests().size()));
}

QString ChangeReviewText::projectsText(const QList<ProjectShare>& shares)
{
    // "120 desktops in cn-north-4, 35 in ap-southeast-3": the unit once, at the first share.
    QStringList parts;
    for (const ProjectShare& share : shares) {
        parts.append(parts.isEmpty()
                ? tr("%Ln desktop(s) in %1", "the first of the projects' shares", share.desktopCount)
                      .arg(share.label)
                : tr("%Ln in %1", "a further project's share of the desktops", share.desktopCount)
                      .arg(share.label));
    }
    return parts.join(tr(", ", "separator between the projects' shares"));
}

QString ChangeReviewText::dryRunSummary(ReviewedChange kind, int targetCount, int requests)
{
    // The CLI's own sentences, as it has always said them.
    if (kind == ReviewedChange::Delete) {
        return QCoreApplication::translate("DeleteCommand",
            "Dry run: nothing is sent. %1 would be deleted in %2.", "%1: desktops, %2: requests")
            .arg(QCoreApplication::translate(
                     "DeleteCommand", "%Ln desktop(s)", "count", targetCount),
                QCoreApplication::translate("DeleteCommand", "%Ln request(s)", "count", requests));
    }
    return QCoreApplication::translate("ActionCommand",
        "Dry run: nothing is sent. %1 would be sent for %2.", "%1: requests, %2: desktops")
        .arg(QCoreApplication::translate("ActionCommand", "%Ln request(s)", "count", requests),
            QCoreApplication::translate("ActionCommand", "%Ln desktop(s)", "count", targetCount));
}
