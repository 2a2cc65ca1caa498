#pragma once

#include "api/accountprojects.h"
#include "deletion/changerun.h"
#include "deletion/deletioncontext.h"
#include "deletion/deletionrun.h"
#include "deletion/deletionstore.h"
#include "review/changepreparation.h"
#include "review/changereview.h"
#include "review/changereviewtext.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class DeletionAfterAutoscaleOff;
class RetirementRun;
class DeletionPreparation;
class UsersDesktopsLookUp;

// One desktop asked for in a change across projects: its project when the caller knows it (a
// row of the all-regions table), else empty (an id typed or read from a file).
struct ProjectDesktopId {
    QString projectId;
    QString desktopId;
};

// A change of desktops in several projects of one account (regions, sub-projects), for the window
// and the CLI alike. It is one change of the single-project engine per project: each project's
// desktops are reviewed by a ChangePreparation of their own and sent by a run of their own, through
// a client of that project's endpoint and id, so that every request is signed for, sent to and
// recorded under its own project.
//
// Preparing: the ids without a project are first found by a look-up by id in every project; one
// found in two projects is ambiguous and left out, one found nowhere is left out as not found. The
// projects are then reviewed concurrently, at most ProjectQueue::kMaxProjectsAtOnce at a time.
// A project whose look-up failed is named with its error, and then nothing may be sent at all
// (canRun()): its desktops could not be reviewed.
//
// Running: the projects' runs one after another, under the engine's one policy: after a project
// whose run did not end with every request done (refused, unknown, not sent), nothing more is sent
// to any project; every desktop not sent is recorded as not_sent in its project with the reason.
// One deadline and one cancel for the whole. The records (audit log, journal) carry each request's
// region and project.
class MultiProjectChange : public QObject {
    Q_OBJECT
public:
    struct Request {
        ReviewedChange kind = ReviewedChange::Delete;
        QList<ProjectDesktopId> desktops; // as asked, repeats included
        QStringList protectedTags; // deletion only
        ChangeReview::Choices choices;
        int lookUpTimeoutMs = 0; // bounds each project's look-ups (the CLI's --timeout); 0: none
        // A retry of a deletion, as ChangePreparation::Request has them.
        QSet<QString> alreadyDeleted;
        bool retryWasForced = true;
    };

    // A requested desktop that belongs to no project's review.
    struct Unplaced {
        enum class Why { NotFound, Ambiguous, NotSearched, UnknownProject };
        QString desktopId;
        Why why = Why::NotFound;
        QStringList
            projects; // Ambiguous: where it was found; NotSearched: where the look-up failed
        QString reasonText() const; // translated, one clause
    };

    // One project's share of the change.
    struct Part {
        WorkspaceProject project;
        QStringList requestedIds; // as asked, repeats included
        std::unique_ptr<ApiClient> client;
        ChangeReview review;
        ApiError error; // its look-up failed
        QString poolsWarning;
        bool poolsIncomplete = false;
        bool usersListingIncomplete = false;
        // Its users' desktops being looked up since *delete users* was chosen (the dialog).
        QPointer<UsersDesktopsLookUp> usersLookUp;
        // Running: its runs (one of them, by kind), and why its desktops were not sent when the
        // run never started.
        QPointer<ChangeRun> changeRun;
        QPointer<DeletionRun> deletionRun;
        QPointer<DeletionAfterAutoscaleOff> deletion;
        QPointer<RetirementRun> retirementRun;
        QString notSentReason;
        QString notDeletedReason; // a pool could not be turned off: nothing of it was deleted

        QString label() const; // the region, a sub-project by its name
    };

    MultiProjectChange(AccountAccess access, QList<WorkspaceProject> projects,
        DeletionStorePtr store, DeletionContext context, Request request,
        QObject* parent = nullptr);
    ~MultiProjectChange() override;

    // The projects a change across the account uses: listed by IAM, as AllRegionsListing does.
    static QList<WorkspaceProject> projectsOf(
        const IamProjectList& projects, const AccountAccess& access);
    // A project as the review names it: its region, a sub-project by its name.
    static QString labelOf(const WorkspaceProject& project);
    // The parts' reviews' targets by project, as ChangeReviewText::projectsText() shows them.
    QList<ChangeReviewText::ProjectShare> shares() const;
    // Who changes what where, for one project's records.
    static DeletionContext contextFor(DeletionContext base, const WorkspaceProject& project);

    void prepare();
    void cancel();

    bool isPrepared() const { return m_prepared; }
    const Request& request() const { return m_request; }
    const std::vector<std::unique_ptr<Part>>& parts() const { return m_parts; }
    const QList<Unplaced>& unplaced() const { return m_unplaced; }
    // The projects whose look-up failed ("cn-north-4: …"), translated; nothing is sent then.
    QStringList lookUpFailures() const;
    bool canRun() const;
    // Every desktop sent to, and the requests, of all projects.
    int targetCount() const;
    int requestCount() const;
    // The requests of the change itself in every project (autoscale not counted), as
    // ChangeReview::changeRequestCount() counts one project's.
    int changeRequestCount() const;
    // Every project's review as one, for a confirmation that lists them together: the desktops,
    // left out and targets of all projects, in the order of the projects, each user named with
    // its project's label when there are several projects (a user name is a project's own). Its
    // counts of desktops agree with the parts'; its requests are not the ones sent (those are
    // the parts': changeRequestCount(), previewText()).
    ChangeReview combinedReview() const;
    // Other choices for every project (a dialog's check boxes): each part's review anew.
    void setChoices(const ChangeReview::Choices& choices);
    // *Delete users* chosen after the review (a dialog's box): in every project whose users'
    // desktops are not known yet, every desktop of its desktops' users is looked up in that
    // project (a user name is a project's own), its review in progress until then. Each change
    // of what is known is announced by usersDesktopsChanged(). The projects' look-ups run at
    // the same time; run() and cancel() end those still running (multiprojectchangeusers.cpp).
    void lookUpUsersDesktops();
    // The users each project's deletion removes or keeps, every line under its project's label;
    // "impact unknown" for a project whose look-up failed, the others' as known (translated;
    // empty without *delete users*).
    QStringList usersLines(int namesShown) const;
    // Every planned request of every project, each project's under a line naming it.
    QString previewText() const;
    // Why the planned requests may not be sent (an unusable pool id); empty when they may.
    QString planningProblem() const;
    // A requested desktop left out somewhere, for a reason that leaves the work undone.
    bool leavesWorkUndone() const;

    // The whole run's deadline, counted from run(); 0: none.
    void setDeadlineMs(int deadlineMs) { m_deadlineMs = deadlineMs; }
    void run();
    bool isRunning() const { return m_running; }
    bool isFinished() const { return m_finished; }
    bool wasCancelled() const { return m_cancelled; }
    // Why the runs stopped before the last project (translated); empty when none stopped them.
    const QString& stopReason() const { return m_stopReason; }

Q_SIGNALS:
    void progress(int projectsPrepared, int projectsTotal);
    void retrying(int nextAttempt, int delayMs, const ApiError& error);
    void prepared();
    // A project's run is about to start: set its timing and connect to it now.
    void changeRunReady(int part, ChangeRun* run);
    void deletionReady(int part, DeletionAfterAutoscaleOff* deletion);
    void deletionRunReady(int part, DeletionRun* run);
    void retirementRunReady(int part, RetirementRun* run);
    // A project's users' desktops are being looked up, or were (lookUpUsersDesktops()).
    void usersDesktopsChanged();
    // A project's desktops are not sent (reason translated).
    void partNotSent(int part, const QString& reason);
    // Every project's requests have their outcome (deletion jobs may still be followed).
    void sendingFinished();
    // And every job followed to its end.
    void finished();

private:
    void placeGivenIds();
    void locate();
    void assignLocated();
    void reviewParts();
    void reviewPart(int index, std::function<void()> done);
    void finishPreparing();
    Part& partFor(const WorkspaceProject& project);
    void runNext();
    void startDeletion(int index);
    void startChangeRun(int index);
    void startRetirement(int index);
    void onPartSent(int index, bool allDone);
    void leaveOutPart(int index, const QString& reason);
    void checkFinished();
    void onUsersLookedUp(int index, UsersDesktopsLookUp* lookUp);
    void cancelUsersLookUps();

    AccountAccess m_access;
    QList<WorkspaceProject> m_projects;
    DeletionStorePtr m_store;
    DeletionContext m_context;
    Request m_request;
    std::vector<std::unique_ptr<Part>> m_parts;
    QList<Unplaced> m_unplaced;
    QStringList m_unplacedIds; // ids without a project, as asked
    // Locating: per project, the ids found there, or the look-up's error.
    QList<QStringList> m_foundIn;
    QList<ApiError> m_locateErrors;
    std::vector<std::unique_ptr<ApiClient>> m_locateClients;
    QList<QPointer<QObject>> m_calls;
    int m_preparedCount = 0;
    bool m_prepared = false;
    bool m_cancelled = false;
    bool m_running = false;
    bool m_sendingFinished = false;
    bool m_finished = false;
    int m_next = 0;
    int m_deadlineMs = 0;
    QDeadlineTimer m_deadline = QDeadlineTimer::Forever;
    QString m_stopReason;
};
