#pragma once

#include "api/accountprojects.h"
#include "deletion/deletioncontext.h"
#include "deletion/deletionstore.h"
#include "deletion/jobtracker.h"
#include "deletion/recordsettlement.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class ApiClient;
class DeletionRun;
class JobJournal;

// Follows the journal's unfinished jobs of one project to their end, through DeletionRun::resume
// (which audits each job's end and removes it from the journal), as the window does at start and
// every CLI `delete` does before it classifies; and the requests settled as "outcome unknown"
// (the process died during their POST), whose jobs it looks for and follows (DeletionRun::recover,
// which sends nothing). finished() is emitted exactly once, when every run has finished (queued
// when there is none), or after cancel().
class JournalFollower : public QObject
{
    Q_OBJECT
public:
    JournalFollower(ApiClient *client, DeletionStorePtr store, QString projectId, QObject *parent = nullptr);
    ~JournalFollower() override;

    // Creates (does not start) a resumed run for each unfinished job of the project.
    static QList<DeletionRun *> resumeRuns(ApiClient *client, const DeletionStorePtr &store, const QString &projectId,
                                           QObject *parent);
    // The same for `project.projectId`; an entry that names no region or endpoint (an earlier
    // version's) is followed as the project's.
    static QList<DeletionRun *> resumeRuns(ApiClient *client, const DeletionStorePtr &store,
                                           const DeletionContext &project, QObject *parent);
    // Creates (does not start) a recovering run for each of the project's intents.
    static QList<DeletionRun *> recoverRuns(ApiClient *client, const QList<RecordSettlement::OpenIntent> &intents,
                                            const DeletionStorePtr &store, const QString &projectId, QObject *parent);
    // The same for the intents of `project.projectId`, each run knowing the project's region and
    // endpoint as well.
    static QList<DeletionRun *> recoverRuns(ApiClient *client, const QList<RecordSettlement::OpenIntent> &intents,
                                            const DeletionStorePtr &store, const DeletionContext &project,
                                            QObject *parent);

    // Requests whose outcome the settlement found unknown (SettlementReport::unknownIntents).
    void setIntentsToRecover(QList<RecordSettlement::OpenIntent> intents) { m_intents = std::move(intents); }

    void setTrackerTiming(const JobTracker::Timing &timing) { m_timing = timing; }
    // The region and endpoint of the project, for the runs that recover its intents.
    void setPlace(const DeletionContext &place) { m_place = place; }
    void start();
    // Stops following; the jobs stay in the journal.
    void cancel();

    const QList<DeletionRun *> &runs() const { return m_runs; }
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    void runStarted(DeletionRun *run);
    void finished();

private:
    void checkFinished();

    QPointer<ApiClient> m_client;
    DeletionStorePtr m_store;
    QString m_projectId;
    DeletionContext m_place;
    JobTracker::Timing m_timing;
    QList<RecordSettlement::OpenIntent> m_intents;
    QList<DeletionRun *> m_runs; // children
    bool m_started = false;
    bool m_finished = false;
};

// What of the journal and of the unknown intents belongs to which project of an account (a
// connection to every region): the account's projects with something to follow, and the others'
// jobs and intents, which stay where they are since no client of the account reaches them.
struct AccountJournalShare
{
    QList<WorkspaceProject> projects; // of the account, each with a job or an intent
    int jobCount = 0;                 // the journal's unfinished jobs of those projects
    // Projects of the journal or the intents that are not the account's, by region (their project
    // id when no region was recorded), and how many jobs and intents they have.
    QStringList unreachable;
    int unreachableCount = 0;

    static AccountJournalShare of(const JobJournal &journal, const QList<RecordSettlement::OpenIntent> &intents,
                                  const QList<WorkspaceProject> &accountProjects);
    // Who changes what where, for the records of the project's runs.
    static DeletionContext placeOf(const WorkspaceProject &project);
    // The status line that says what stays in the journal (translated); empty when nothing does.
    QString unreachableText() const;
};

// JournalFollower for every project of an account with unfinished jobs or unknown intents: one
// follower a project, all at once, each through a client of that project's endpoint and id.
// finished() is emitted exactly once, when every follower has finished (queued when there is
// none), or after cancel().
class AccountJournalFollower : public QObject
{
    Q_OBJECT
public:
    AccountJournalFollower(AccountAccess access, QList<WorkspaceProject> accountProjects, DeletionStorePtr store,
                           QObject *parent = nullptr);
    ~AccountJournalFollower() override;

    void setIntentsToRecover(QList<RecordSettlement::OpenIntent> intents) { m_intents = std::move(intents); }
    void setTrackerTiming(const JobTracker::Timing &timing) { m_timing = timing; }
    // What start() follows and what it leaves (computed from the journal and the intents now).
    AccountJournalShare share() const;
    void start();
    // Stops following; the jobs stay in the journal.
    void cancel();
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    void runStarted(DeletionRun *run);
    void finished();

private:
    void checkFinished();

    AccountAccess m_access;
    QList<WorkspaceProject> m_projects;
    DeletionStorePtr m_store;
    QList<RecordSettlement::OpenIntent> m_intents;
    JobTracker::Timing m_timing;
    std::vector<std::unique_ptr<ApiClient>> m_clients;
    QList<JournalFollower *> m_followers; // children, deleted before the clients
    bool m_started = false;
    bool m_finished = false;
};
