#pragma once

#include "api/decommissionjson.h"
#include "api/workspacetypes.h"
#include "decommission/deletionimpact.h"
#include "decommission/retirementrun.h"
#include "decommission/retirementstate.h"
#include "deletion/changekind.h"
#include "deletion/deletionclassification.h"
#include "deletion/deletionplan.h"

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>

// The changes the app reviews before it sends anything.
enum class ReviewedChange {
    Delete,
    StartMaintenance,
    EndMaintenance,
    LogOff,
    // Maintenance on, log-off with the message, tagged with its retirement date, stopped
    // (RetirementRun), and back.
    Retire,
    Restore,
};

// The review's kind of a maintenance or log-off action (LogOff for anything else).
ReviewedChange reviewedChangeOf(DecommissionAction action);

// One request a change will send, in the order the run sends it.
struct PlannedChangeRequest {
    QString stepName; // a retirement's step ("Maintenance on"), translated; empty otherwise
    QByteArray method;
    QString path; // below /v2/{project_id}/
    QByteArray body;
    int desktopCount = 0; // desktops in the request; 0 for a pool's
    QString poolId; // the pool whose autoscale the request turns off
};

// What one change will do, worked out once from a fresh look-up and shown by every front end: the
// confirmation dialogs, the CLI's dry run and its real run read their counts, their lists and their
// requests from here, never from a copy of their own.
//
// Facts are what the look-ups found; Choices are what the administrator may still change (the
// deletion options, whether yearly/monthly desktops are left out, whether autoscale is turned off
// first, the log-off message). Everything else follows from the two: the desktops sent to, every
// selected desktop left out with its reason, the impact (users removed and kept, pools that may
// scale, users who are disconnected or logged off) and the exact planned requests. Cheap to copy.
class ChangeReview {
public:
    // How complete the users' other desktops are (they decide which users *delete users* keeps).
    enum class UsersListing { TableOnly, InProgress, Complete, Failed };

    struct Facts {
        ReviewedChange kind = ReviewedChange::Delete;
        QStringList requestedIds; // as asked, repeats included
        DeletionClassification classification; // the look-up's: DeletionClassifier
        QUrl apiBase; // …/v2/{project_id}/, for the preview's URLs
        // The project's pools (deletion only); without them nothing is said of pools, nor sent.
        QList<DesktopPool> pools;
        bool poolsKnown = false;
        // Every desktop of the selection's users that is known (deletion with *delete users*).
        QList<Desktop> usersDesktops;
        UsersListing usersListing = UsersListing::TableOnly;
        QString usersFailure; // a sentence, when the listing failed
        // A retry of a deletion: the desktops that failed because a user was connected, and those a
        // later run has deleted since (left out, whatever the look-up says).
        QStringList forceSuggested;
        QSet<QString> alreadyDeleted;
        // A retirement's "today" (UTC), from which its grace period counts.
        QDate todayUtc;
    };

    struct Choices {
        BatchDeleteOptions options;
        bool leaveOutYearlyMonthly = true;
        bool turnAutoscaleOffFirst = true;
        QString logoffMessage; // a retirement's message too (empty: no log-off)
        int graceDays = Retirement::kDefaultGraceDays; // a retirement's
    };

    ChangeReview();
    ChangeReview(Facts facts, Choices choices);

    // The same facts with other choices, or more facts: a new review, computed once.
    ChangeReview withChoices(const Choices& choices) const;
    ChangeReview withUsersDesktops(const QList<Desktop>& desktops, UsersListing listing,
        const QString& failure = QString()) const;
    ChangeReview withPools(const QList<DesktopPool>& pools) const;

    ReviewedChange kind() const { return m_facts.kind; }
    const Facts& facts() const { return m_facts; }
    const Choices& choices() const { return m_choices; }
    bool isDeletion() const { return m_facts.kind == ReviewedChange::Delete; }
    bool isRetirement() const
    {
        return m_facts.kind == ReviewedChange::Retire || m_facts.kind == ReviewedChange::Restore;
    }
    // The action a maintenance or log-off review sends (not for a deletion).
    DecommissionAction action() const;

    // The distinct desktops asked for.
    int selectedCount() const { return m_selectedCount; }
    // The desktops the change is sent to, in the order asked.
    const QList<Desktop>& targets() const { return m_targets; }
    int targetCount() const { return int(m_targets.size()); }
    QStringList targetIds() const;
    // Every selected desktop that is not sent to, once, with its reason, in the order asked.
    const QList<LeftOutDesktop>& leftOut() const { return m_leftOut; }
    // Ids listed more than once (each once): sent once when their desktop is a target.
    const QStringList& repeatedIds() const { return m_repeatedIds; }
    // Whether a desktop is left out for a reason that leaves the asked-for work undone.
    bool leavesWorkUndone() const;

    // Yearly/monthly desktops among the selection (sent or left out) and among the targets.
    int yearlyMonthlySelectedCount() const { return m_yearlyMonthlySelected; }
    int yearlyMonthlyTargetCount() const { return m_yearlyMonthlyTargets; }
    // Targets a user is connected to: disconnected by maintenance or a forced deletion, logged off.
    const QList<Desktop>& connectedTargets() const { return m_connected; }
    // The users of the connected targets, sorted, each once.
    QStringList connectedUserNames() const;
    // With *delete users*: the users removed and kept (empty without the option).
    const DeletionImpact::Users& users() const { return m_users; }
    // The pools of the targets that may create desktops after a deletion (known pools only).
    const QList<DesktopPool>& scalingPools() const { return m_scalingPools; }
    // Those whose autoscale is turned off before anything is deleted.
    QList<DesktopPool> poolsToStop() const;
    // Of forceSuggested, those that are targets and still sent without Force.
    QStringList forceAdvice() const;

    // What the runs take: the deletion's plan, or the action's targets.
    DeletionPlan deletionPlan() const;
    QList<ChangeTarget> actionTargets() const;
    // A retirement or restore: its mode, its desktops with their tags (a restore removes the
    // values they carry), the day the retirement is dated and the day it becomes due.
    RetirementRun::Mode retirementMode() const;
    QList<RetirementTarget> retirementTargets() const;
    QDate retiredOn() const { return m_facts.todayUtc; }
    QDate retireAfter() const { return m_facts.todayUtc.addDays(m_choices.graceDays); }
    QList<DesktopTag> retirementTags() const;
    // The log-off message the run sends (none when blank).
    QString retirementMessage() const { return m_choices.logoffMessage.trimmed(); }
    // The request groups the retirement run sends when every step is done, in order.
    QList<RetirementRun::StepRequest> retirementRequests() const;
    // The grace period is one the run takes (0 to RetirementRun::kMaxGraceDays).
    bool graceDaysValid() const;
    // The engine's kind of the change itself, as the run is built with it.
    ChangeKind changeKind() const;
    // Exactly the requests the run sends, in order: autoscale first, then the change itself.
    QList<PlannedChangeRequest> plannedRequests() const;
    int changeRequestCount() const; // the requests of the change itself, autoscale not counted
    QUrl urlOf(const PlannedChangeRequest& request) const;

private:
    void compute();

    Facts m_facts;
    Choices m_choices;
    int m_selectedCount = 0;
    QList<Desktop> m_targets;
    QList<LeftOutDesktop> m_leftOut;
    QStringList m_repeatedIds;
    int m_yearlyMonthlySelected = 0;
    int m_yearlyMonthlyTargets = 0;
    QList<Desktop> m_connected;
    DeletionImpact::Users m_users;
    QList<DesktopPool> m_scalingPools;
};
