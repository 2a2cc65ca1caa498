#pragma once

#include "api/workspacetypes.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

// Why a requested desktop is not in the plan.
enum class LeftOutReason {
    Duplicate,      // the same id was asked for earlier in the request
    InFlight,       // a run of this process has claimed it (InFlightRegistry)
    InJournal,      // it sits in an unfinished job of the journal (this or an earlier run)
    NotFound,       // the look-up did not return it, or returned it as DELETED
    OutcomeUnknown, // an earlier deletion of it has no known outcome: re-list before deciding
    Protected,      // it carries one of the profile's protected tags
    BeingDeleted,   // the service already shows it being deleted
    // Rules of the review (ChangeReview), not of the look-up:
    YearlyMonthly,     // billed yearly/monthly: the console deletes it by unsubscribing
    NotInMaintenance,  // End Maintenance for a desktop that is not in maintenance mode
    AlreadyInMaintenance, // Start Maintenance for a desktop already in maintenance mode
    AlreadyDeleted,    // a retry: a later run of this app has deleted it since
    AlreadyRetiring,   // Retire for a desktop that carries this app's retirement tags already
    TagLimit,          // Retire for a desktop with no room for the retirement's two tags
    NotRetiring,       // Restore for a desktop without this app's retirement tags
};

struct LeftOutDesktop
{
    QString desktopId;
    QString desktopName; // empty when the look-up did not find it
    LeftOutReason reason = LeftOutReason::NotFound;
    QString jobId; // InJournal: the unfinished job that holds it

    // Translated, one clause, e.g. "in the unfinished job 8a3…".
    QString reasonText() const;
};

// Everything the classification reads, gathered before it runs so that it stays a pure function.
struct DeletionClassificationInput
{
    QStringList requestedIds;         // as asked, duplicates included
    QHash<QString, Desktop> found;    // the look-up's answer, by id
    QStringList protectedTags;        // the profile's rules (tagsMatchAnyRule)
    QHash<QString, QString> journalJobs; // desktop id → unfinished job id of the journal
    QSet<QString> inFlight;           // claimed by a run of this process
    QSet<QString> outcomeUnknown;     // earlier deletions without a known outcome
};

// The classification of one request: the desktops that may be sent, in the order asked, and the
// others with their reasons, also in the order asked. Every requested id is in exactly one of them.
struct DeletionClassification
{
    QList<Desktop> deletable;
    QList<LeftOutDesktop> leftOut;

    QStringList deletableIds() const;
    QHash<QString, QString> deletableNames() const; // id → computer name
    int count(LeftOutReason reason) const;
};

class DeletionClassifier
{
    Q_DECLARE_TR_FUNCTIONS(DeletionClassifier)
public:
    // Pure. The first reason that applies wins, in the order of LeftOutReason: what this app itself
    // has under way is named first (with its job), then what the service says.
    static DeletionClassification classify(const DeletionClassificationInput &input);

    // Whether a desktop is left out for a reason that leaves the work undone: a repeated id is
    // still sent once, and a desktop already in the asked-for maintenance state needs nothing, so
    // they do not count.
    static bool leavesWorkUndone(const QList<LeftOutDesktop> &leftOut);
    // One line per left-out desktop: "<id> (<name>): <reason>".
    static QStringList describe(const QList<LeftOutDesktop> &leftOut);
    static QString reasonText(const LeftOutDesktop &desktop);
};
