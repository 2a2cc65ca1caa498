#include "deletionclassification.h"

#include "api/retirementjson.h"

#include <QUuid>

#include <algorithm>

QString LeftOutDesktop::reasonText() const
{
    return DeletionClassifier::reasonText(*this);
}

QStringList DeletionClassification::deletableIds() const
{
    QStringList ids;
    ids.reserve(deletable.size());
    for (const Desktop &desktop : deletable)
        ids.append(desktop.id);
    return ids;
}

QHash<QString, QString> DeletionClassification::deletableNames() const
{
    QHash<QString, QString> names;
    for (const Desktop &desktop : deletable) {
        if (!desktop.computerName.isEmpty())
            names.insert(desktop.id, desktop.computerName);
    }
    return names;
}

int DeletionClassification::count(LeftOutReason reason) const
{
    return int(std::count_if(leftOut.cbegin(), leftOut.cend(),
                             [reason](const LeftOutDesktop &desktop) { return desktop.reason == reason; }));
}

DeletionClassification DeletionClassifier::classify(const DeletionClassificationInput &input)
{
    DeletionClassification result;
    QSet<QString> seen;
    for (const QString &id : input.requestedIds) {
        const auto found = input.found.constFind(id);
        const bool exists = found != input.found.cend() && !found->isGone();
        LeftOutDesktop leftOut;
        leftOut.desktopId = id;
        if (found != input.found.cend())
            leftOut.desktopName = found->computerName;
        if (seen.contains(id)) {
            leftOut.reason = LeftOutReason::Duplicate;
        } else if (input.inFlight.contains(id)) {
            leftOut.reason = LeftOutReason::InFlight;
        } else if (const auto job = input.journalJobs.constFind(id); job != input.journalJobs.cend()) {
            leftOut.reason = LeftOutReason::InJournal;
            leftOut.jobId = *job;
        } else if (!exists) {
            leftOut.reason = LeftOutReason::NotFound;
        } else if (input.outcomeUnknown.contains(id)) {
            leftOut.reason = LeftOutReason::OutcomeUnknown;
        } else if (tagsMatchAnyRule(found->tags, input.protectedTags)) {
            leftOut.reason = LeftOutReason::Protected;
        } else if (found->isBeingDeleted()) {
            leftOut.reason = LeftOutReason::BeingDeleted;
        } else {
            seen.insert(id);
            result.deletable.append(*found);
            continue;
        }
        seen.insert(id);
        result.leftOut.append(leftOut);
    }
    return result;
}

QString DeletionClassifier::reasonText(const LeftOutDesktop &desktop)
{
    switch (desktop.reason) {
    case LeftOutReason::Duplicate:
        return tr("listed more than once; counted once");
    case LeftOutReason::InFlight:
        return tr("already being deleted by this app");
    case LeftOutReason::InJournal:
        return tr("in the unfinished job %1").arg(desktop.jobId);
    case LeftOutReason::NotFound:
        // Desktop ids are UUIDs: anything else is most likely a computer name given as an id.
        if (QUuid::fromString(desktop.desktopId).isNull())
            return tr("not found: this is not a desktop ID but may be a computer name; use the desktop's ID "
                      "(list --name %1 shows it)")
                .arg(desktop.desktopId);
        return tr("not found");
    case LeftOutReason::OutcomeUnknown:
        return tr("the outcome of an earlier deletion is unknown; re-list it first");
    case LeftOutReason::Protected:
        return tr("protected by a tag of the profile");
    case LeftOutReason::BeingDeleted:
        return tr("already being deleted");
    case LeftOutReason::YearlyMonthly:
        return tr("billed yearly/monthly: unsubscribe it in the console");
    case LeftOutReason::NotInMaintenance:
        return tr("not in maintenance mode");
    case LeftOutReason::AlreadyInMaintenance:
        return tr("already in maintenance mode");
    case LeftOutReason::AlreadyDeleted:
        return tr("already deleted by a later run");
    case LeftOutReason::AlreadyRetiring:
        return tr("already retiring; restore it first to give it another date");
    case LeftOutReason::TagLimit:
        return tr("no room for the retirement's two tags: a desktop holds at most %1 tags")
            .arg(RetirementJson::kMaxTagsPerDesktop);
    case LeftOutReason::NotRetiring:
        return tr("not retiring");
    }
    return {};
}

bool DeletionClassifier::leavesWorkUndone(const QList<LeftOutDesktop> &leftOut)
{
    return std::any_of(leftOut.cbegin(), leftOut.cend(),
                       [](const LeftOutDesktop &desktop) {
                           return desktop.reason != LeftOutReason::Duplicate
                               && desktop.reason != LeftOutReason::NotInMaintenance
                               && desktop.reason != LeftOutReason::AlreadyInMaintenance
                               && desktop.reason != LeftOutReason::AlreadyDeleted
                               && desktop.reason != LeftOutReason::AlreadyRetiring
                               && desktop.reason != LeftOutReason::NotRetiring;
                       });
}

QStringList DeletionClassifier::describe(const QList<LeftOutDesktop> &leftOut)
{
    QStringList lines;
    lines.reserve(leftOut.size());
    for (const LeftOutDesktop &desktop : leftOut) {
        const QString who = desktop.desktopName.isEmpty()
            ? desktop.desktopId
            : tr("%1 (%2)", "desktop id (computer name)").arg(desktop.desktopId, desktop.desktopName);
        lines.append(tr("%1: %2", "desktop: reason").arg(who, desktop.reasonText()));
    }
    return lines;
}
