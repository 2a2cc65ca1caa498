#pragma once

#include "api/apierror.h"
#include "deletion/deletioncontext.h"
#include "deletion/deletionplan.h"
#include "deletion/deletionresult.h"
#include "deletion/deletionstore.h"
#include "deletion/jobtracker.h"
#include "deletion/recordsettlement.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>

class ApiClient;
class ChangeRun;
class LostJobSearch;
struct JournalEntry;

// One deletion: the recorded change run of its batch-delete requests (ChangeRun: intent before
// each POST, each sent at most once, ever, nothing more after the first that is not accepted, one
// deadline), with what only a deletion needs on top of it. Desktops that this process or the
// journal already has in flight are never submitted again: they are reported NotSent. Accepted
// requests' jobs enter the journal and are followed to their end. After an ambiguous POST failure
// (no usable answer, or a 409 that may answer a resend) the desktops are Unknown and the run looks
// for the request's job among the service's deletion sub-jobs (LostJobSearch): if found, its id is
// audited ("job_found") and journaled, and the job is followed to its end.
//
// A run built by resume() or recover() sends nothing (it has no ChangeRun): it follows a job of
// the journal, or looks for the job of a request whose answer was never recorded.
class DeletionRun : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Sending, Tracking, Finished };
    Q_ENUM(State)

    struct Chunk
    {
        QStringList desktopIds;
        enum class Status { Pending, Sending, Submitted, Failed, NotSent } status = Status::Pending;
        QString jobId;
        QString requestId;
        ApiError error;
        QDateTime sentAt; // UTC, when the intent was written
    };

    // The run shares the ownership of the store (audit log, journal, runs in flight) it records in.
    DeletionRun(ApiClient *client, DeletionPlan plan, DeletionContext context, DeletionStorePtr store,
                QObject *parent = nullptr);
    ~DeletionRun() override;

    // A run that follows a job from the journal (after a restart or a crash) and sends nothing.
    // Call start() to begin tracking; at the job's end it is audited and leaves the journal.
    static DeletionRun *resume(ApiClient *client, const JournalEntry &entry, DeletionStorePtr store,
                               QObject *parent = nullptr);
    // A run that looks for the job of a request whose answer was never recorded (an intent the
    // settlement recorded as outcome_unknown, e.g. after a kill during its POST) and, if the
    // service still lists it, audits it as job_found for that intent, journals it and follows it.
    // Sends nothing; without a job found the desktops stay Unknown.
    // `place` names the intent's region and endpoint, which the record of a job found keeps.
    static DeletionRun *recover(ApiClient *client, const RecordSettlement::OpenIntent &intent,
                                DeletionStorePtr store, QObject *parent = nullptr, DeletionContext place = {});

    void setChunkGapMs(int gapMs); // default 500
    void setTrackerTiming(const JobTracker::Timing &timing) { m_trackerTiming = timing; }
    void setTrackerClock(JobTracker::Clock clock) { m_trackerClock = std::move(clock); }
    void setTrackJobs(bool track) { m_trackJobs = track; }      // default true
    // The wait before looking for the job of an ambiguous request (default 2000): the service
    // may list a new job's sub-jobs a moment after it created the job.
    void setLostJobSearchDelayMs(int delayMs) { m_lostJobSearchDelayMs = delayMs; }
    // The whole run's deadline (sending and following), counted from start(); 0 or less: none.
    // When it passes, the request on the wire is outcome unknown, the rest is not sent, and the
    // jobs are no longer followed (they stay in the journal).
    void setDeadlineMs(int deadlineMs) { m_deadlineMs = deadlineMs; }

    // Starts sending. Only the first call does anything: a run never sends twice.
    void start();
    // Sends nothing more (unsent desktops become NotSent) and stops tracking; submitted jobs stay
    // in the journal. A request already on the wire is not aborted: its answer is still recorded.
    void cancel();
    // The deadline, now: as cancel(), but the request on the wire is abandoned (outcome unknown).
    void expire();

    QString runId() const { return m_runId; }
    // When the administrator confirmed the deletion (UTC): for a resumed job, the journal's
    // submission time, not the restart.
    QDateTime submittedAt() const { return m_submittedAt; }
    State state() const { return m_state; }
    const DeletionPlan &plan() const { return m_plan; }
    const DeletionContext &context() const { return m_context; }
    const QList<Chunk> &chunks() const { return m_chunks; }
    const DeletionResult &result() const { return m_result; }
    QStringList jobIds() const;
    JobTracker *tracker(const QString &jobId) const;
    int postCount() const;
    // The sending part (null for a run that only follows or looks for a job).
    ChangeRun *changeRun() const { return m_send; }
    // The first POST failure (status, error_code, error_msg, error_detail, request id, encoded
    // authorization message), or none.
    const ApiError &postError() const { return m_postError; }

Q_SIGNALS:
    void chunkSubmitted(int chunkIndex, const QString &jobId);
    void chunkFailed(int chunkIndex, const ApiError &error);
    void desktopsNotSent(const QStringList &desktopIds, const QString &reason);
    void sendingFinished();
    void jobProgress(const QString &jobId, int percent);
    void jobFinished(const QString &jobId);
    void jobGaveUp(const QString &jobId, const QString &reason);
    // The job cannot be followed (gone from the service, or an unusable id): its desktops are
    // Unknown, the loss is audited and the job has left the journal.
    void jobLost(const QString &jobId, const QString &reason);
    // The job of an ambiguous request was found among the service's deletion sub-jobs.
    void lostJobFound(int chunkIndex, const QString &jobId);
    // It was not (reason says why): the chunk's desktops stay Unknown.
    void lostJobNotFound(int chunkIndex, const QString &reason);
    void resultChanged();
    void stateChanged(DeletionRun::State state);
    // Every chunk is settled and every tracked job has ended or been given up.
    void finished();

private:
    DeletionRun(ApiClient *client, DeletionPlan plan, DeletionContext context, DeletionStorePtr store,
                bool sends, QObject *parent);
    void syncChunks();
    void onRequestFinished(int index);
    void onNotSent(const QStringList &desktopIds, const QString &reason);
    void leaveOutInFlight();
    // From now on the chunk's desktops are in this job: journaled, shown as in progress.
    void adoptJob(Chunk &chunk, const QString &jobId);
    void journalJob(const Chunk &chunk);
    void searchLostJob(int chunkIndex);
    int auditChunk(int chunkIndex) const; // the chunk index the audit knows the request by
    void onLostJobSearchFinished(int chunkIndex, LostJobSearch *search);
    void startTracking(const QString &jobId, const QStringList &desktopIds);
    // Stops following the jobs (they stay in the journal); `audited`: recorded as job_gave_up.
    void stopTracking(const QString &reason, bool audited);
    void onTrackerFinished(JobTracker *tracker);
    void onTrackerGaveUp(JobTracker *tracker, const QString &reason);
    void onTrackerLost(JobTracker *tracker, const QString &reason);
    void releaseClaims(const QStringList &desktopIds);
    void setState(State state);
    void checkFinished();
    AuditLog &audit() const { return m_store->audit(); }

    QPointer<ApiClient> m_client;
    DeletionPlan m_plan;
    DeletionContext m_context;
    DeletionStorePtr m_store;
    ChangeRun *m_send = nullptr; // child; null when the run sends nothing
    QString m_runId;
    QDateTime m_submittedAt = QDateTime::currentDateTimeUtc();
    State m_state = State::Idle;
    QList<Chunk> m_chunks;
    DeletionResult m_result;
    int m_lostJobSearchDelayMs = 2000;
    int m_pendingSearches = 0;
    int m_deadlineMs = 0;
    bool m_trackJobs = true;
    bool m_cancelled = false;
    bool m_started = false;
    bool m_finishedEmitted = false;
    // A resumed run: the journal's job it follows.
    QString m_resumedJobId;
    // A recovering run: the intent's chunk (the audit's key), and when it was written.
    int m_recoveredChunk = -1;
    QDateTime m_recoveredIntentTime;
    JobTracker::Timing m_trackerTiming;
    JobTracker::Clock m_trackerClock;
    QTimer m_deadlineTimer;
    QHash<QString, JobTracker *> m_trackers;
    QStringList m_claimedIds;
    ApiError m_postError;
};
