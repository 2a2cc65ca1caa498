#pragma once

#include "api/decommissionjson.h"
#include "clicommand.h"
#include "deleterequest.h"
#include "deletion/deletionclassification.h"
#include "deletion/deletionplan.h"
#include "deletion/deletionstore.h"
#include "deletion/jobtracker.h"
#include "review/changepreparation.h"
#include "review/changereview.h"
#include "settings/connectionoptions.h"

#include <QDeadlineTimer>
#include <QPointer>
#include <QSet>

#include <memory>

class DeletionAfterAutoscaleOff;
class DeletionRun;
class InterruptWatcher;
class JournalFollower;

// `delete`: a thin face of the deletion engine. First follows the project's unfinished jobs of the
// journal to their end (as the window does at start), then reviews the desktops through the same
// ChangePreparation as the window (not found, protected by the profile's tags, already being
// deleted, in an unfinished job, outcome unknown, billed yearly/monthly; the users removed and
// kept, the pools that may scale, the users in use), prints the review, and either prints the
// plan (dry run: exactly the requests a real run would send) or
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
    // The API or the network failed the run: a refused or unanswered POST, or jobs whose end was
    // not learned (also each project's run with --all-regions).
    static bool failedAtApi(const DeletionRun &run);

protected:
    // Makes the review after the journal's jobs were followed: by default, of the requested ids.
    virtual void prepare();
    // The review's request of a deletion of these ids: the options given, the record, --timeout.
    ChangePreparation::Request preparationRequest(const QStringList &desktopIds) const;
    // Ctrl+C during the preparation.
    virtual void cancelPreparation();
    // Goes on from a review made by prepare(): prints it, then the dry run's plan or the deletion.
    void reviewReady(const ChangeReview &review, const QString &poolsWarning, bool poolsIncomplete,
                     bool usersListingIncomplete);
    const DeleteRequest &request() const { return m_request; }
    const ResolvedConnection &connection() const { return m_connection; }
    const Timing &timing() const { return m_timing; }
    const DeletionStorePtr &store() const { return m_store; }
    bool wasInterrupted() const { return m_interrupted; }

private:
    void followJournal();
    void onPrepared();
    // What the window's dialog shows, every name written out.
    void printReview(const QString &poolsWarning);
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
    QPointer<ChangePreparation> m_preparation;
    ChangeReview m_review;
    DeletionPlan m_plan;
    int m_impactExitCode = 0; // ExitApiError or ExitIncompleteListing when the users' look-up failed
    bool m_poolsIncomplete = false; // not every pool of the desktops was found
    QPointer<DeletionAfterAutoscaleOff> m_deletion;
    QPointer<DeletionRun> m_run;
};
