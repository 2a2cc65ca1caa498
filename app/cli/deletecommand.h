#pragma once

#include "api/decommissionjson.h"
#include "clicommand.h"
#include "deleterequest.h"
#include "deletion/deletionclassification.h"
#include "deletion/deletionplan.h"
#include "deletion/deletionstore.h"
#include "deletion/jobtracker.h"
#include "settings/connectionoptions.h"

#include <QDeadlineTimer>
#include <QPointer>
#include <QSet>

#include <memory>

class DeletionAfterAutoscaleOff;
class DeletionPreparation;
class DeletionRun;
class InterruptWatcher;
class JournalFollower;

// `delete`: a thin face of the deletion engine. First follows the project's unfinished jobs of the
// journal to their end (as the window does at start), then looks the desktops up and classifies
// them (DeletionPreparation: not found, protected by the profile's tags, already being deleted, in
// an unfinished job, outcome unknown, duplicates), prints the desktops left out with their
// reasons, and either prints the plan (dry run: exactly the requests a real run would send) or
// hands it to a DeletionRun (audit log, journal, chunks of at most 100, job tracking) and prints
// each desktop's outcome. With --turn-autoscale-off-first the scaling pools of the desktops stop
// scaling first (DeletionAfterAutoscaleOff, as the window does): if one cannot be stopped, nothing
// is deleted. Ctrl+C (or SIGTERM) stops sending and following and still reports; jobs
// already submitted go on on the server and stay in the journal.
class DeleteCommand : public CliCommand
{
    Q_OBJECT
public:
    struct Timing
    {
        int pollIntervalMs = 0; // 0: the tracker's default
        int giveUpAfterMs = 0;  // 0: the tracker's default
        int chunkGapMs = -1;    // -1: the run's default
        int deadlineMs = 0;     // the whole deletion's (autoscale first, sending, following); 0: none
    };

    DeleteCommand(ApiClient *client, DeleteRequest request, ResolvedConnection connection,
                  Timing timing, QTextStream &out, QTextStream &err, QObject *parent = nullptr);
    ~DeleteCommand() override;

    void start() override;
    // Desktops whose earlier deletion has no known outcome (from the record): left out until
    // re-listed. Call before start().

    // The tracker timing the CLI's options ask for, for `delete` and `job --wait` alike.
    static JobTracker::Timing trackerTiming(int pollIntervalMs, int giveUpAfterMs);

private:
    void followJournal();
    void prepare();
    void onPrepared();
    void leaveOutYearlyMonthly();
    // Dry run: what the deletion would affect besides the desktops (users, pools), then the plan.
    void lookUpImpact();
    // The pools of the deletable desktops, then `next`.
    void lookUpPools(void (DeleteCommand::*next)());
    QList<DesktopPool> poolsToStopFirst() const;
    void printImpact();
    void printPlan();
    void startDeletion();
    void followDeletion(DeletionRun *run);
    void onRunFinished();
    void onInterrupted();
    bool hasSkipped() const;
    int exitCodeForRun() const;

    DeleteRequest m_request;
    ResolvedConnection m_connection;
    Timing m_timing;
    DeletionStorePtr m_store;
    QDeadlineTimer m_deadline; // from the start of the deletion
    InterruptWatcher *m_interruptWatcher = nullptr;
    bool m_interrupted = false;
    QPointer<JournalFollower> m_follower;
    QPointer<DeletionPreparation> m_preparation;
    QList<LeftOutDesktop> m_leftOut;
    QList<Desktop> m_yearlyMonthly; // left out unless --include-yearly-monthly
    DeletionPlan m_plan;
    QList<Desktop> m_deletable;
    // The dry run's look-ups: the selected users' desktops and the pools.
    QList<Desktop> m_usersDesktops;
    QList<DesktopPool> m_pools;
    bool m_poolsIncomplete = false; // the look-up of the desktops' pools did not find them all
    QDeadlineTimer m_commandDeadline = QDeadlineTimer::Forever; // --timeout, from the command's start
    QString m_impactWarning;   // why the users' look-up failed; empty when it did not
    int m_impactExitCode = 0;  // ExitApiError or ExitIncompleteListing after such a failure
    QPointer<QObject> m_impactCall;
    QPointer<DeletionAfterAutoscaleOff> m_deletion;
    QPointer<DeletionRun> m_run;
};
