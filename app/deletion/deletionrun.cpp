#include "deletionrun.h"

#include "api/apicalls.h"
#include "api/apiclient.h"
#include "deletion/auditlog.h"
#include "deletion/inflightregistry.h"
#include "deletion/jobjournal.h"
#include "deletion/lostjobsearch.h"

#include <QDateTime>
#include <QUuid>

DeletionRun::DeletionRun(ApiClient *client, DeletionPlan plan, DeletionContext context,
                         AuditLog *auditLog, JobJournal *journal, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_plan(std::move(plan))
    , m_context(std::move(context))
    , m_auditLog(auditLog)
    , m_journal(journal)
    , m_runId(QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_result(m_plan.desktopIds(), m_plan.desktopNames())
{
    for (const QStringList &ids : m_plan.chunks()) {
        Chunk chunk;
        chunk.desktopIds = ids;
        m_chunks.append(chunk);
    }
    m_gapTimer.setSingleShot(true);
    connect(&m_gapTimer, &QTimer::timeout, this, &DeletionRun::sendNextChunk);
}

DeletionRun::~DeletionRun()
{
    m_gapTimer.stop();
    // A POST still on the wire is left to finish; its job id then only reaches the server's job
    // list, which is why the intent was logged first.
    if (m_call) {
        // Aborting a POST on the wire would not undo it, only hide its answer: let it finish
        // on its own and clean up after itself.
        m_call->disconnect(this);
        m_call->setParent(nullptr);
        connect(m_call, &ApiCall::finished, m_call, &QObject::deleteLater);
    }
    InFlightRegistry::instance().release(m_context.projectId, m_claimedIds, m_runId);
}

void DeletionRun::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

DeletionRun *DeletionRun::resume(ApiClient *client, const JournalEntry &entry, AuditLog *auditLog,
                                 JobJournal *journal, QObject *parent)
{
    DeletionContext context;
    context.profileName = entry.profileName;
    context.projectId = entry.projectId;
    context.endpointHost = entry.endpointHost;
    // One chunk of up to 100: exactly the desktops of the journaled job.
    auto *run = new DeletionRun(client, DeletionPlan(entry.desktopIds, entry.options, entry.desktopNames),
                                context, auditLog, journal, parent);
    run->m_resumedJobId = entry.jobId;
    if (!entry.runId.isEmpty())
        run->m_runId = entry.runId;
    if (entry.submittedAt.isValid())
        run->m_submittedAt = entry.submittedAt;
    return run;
}

DeletionRun *DeletionRun::recover(ApiClient *client, const RecordSettlement::OpenIntent &intent,
                                  AuditLog *auditLog, JobJournal *journal, QObject *parent)
{
    DeletionContext context;
    context.projectId = intent.projectId;
    auto *run = new DeletionRun(client, DeletionPlan(intent.desktopIds, {}), context, auditLog,
                                journal, parent);
    run->m_runId = intent.runId;
    run->m_recoveredChunk = intent.chunk;
    run->m_recoveredIntentTime = intent.time;
    return run;
}

void DeletionRun::start()
{
    if (m_started)
        return;
    m_started = true;
    setState(State::Sending);

    if (!m_resumedJobId.isEmpty()) {
        // Nothing is ever sent for a resumed job: it was submitted before the restart.
        m_nextChunk = int(m_chunks.size());
        QStringList all;
        for (Chunk &chunk : m_chunks) {
            chunk.status = Chunk::Status::Submitted;
            chunk.jobId = m_resumedJobId;
            all += chunk.desktopIds;
        }
        m_result.setSubmitted(all, m_resumedJobId);
        m_claimedIds = InFlightRegistry::instance().claim(m_context.projectId, all, m_runId, nullptr);
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_trackJobs && !m_cancelled)
                    startTracking(m_resumedJobId, m_plan.desktopIds());
                checkFinished();
            },
            Qt::QueuedConnection);
        return;
    }

    if (m_recoveredChunk >= 0) {
        // Nothing is ever sent: the request may have been carried out before the process died.
        m_nextChunk = int(m_chunks.size());
        for (Chunk &chunk : m_chunks) {
            chunk.status = Chunk::Status::Failed;
            chunk.sentAt = m_recoveredIntentTime;
        }
        m_result.setUnknown(m_plan.desktopIds(), DeletionResult::unknownOutcomeAdvice());
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_trackJobs && !m_cancelled && !m_chunks.isEmpty())
                    searchLostJob(0);
                checkFinished();
            },
            Qt::QueuedConnection);
        return;
    }

    // Desktops already in flight (another run in this process, or an unfinished job in the
    // journal, e.g. from before a crash) are never sent again.
    QHash<QString, QString> journalJobs;
    if (m_journal)
        journalJobs = m_journal->pendingDesktopJobs(m_context.projectId);
    QStringList candidates;
    QStringList inJournal;
    for (const QString &id : m_plan.desktopIds()) {
        if (journalJobs.contains(id))
            inJournal.append(id);
        else
            candidates.append(id);
    }
    QStringList claimedElsewhere;
    m_claimedIds = InFlightRegistry::instance().claim(m_context.projectId, candidates, m_runId,
                                                      &claimedElsewhere);
    if (!inJournal.isEmpty()) {
        const QString reason = tr("Already submitted in an unfinished job.");
        m_result.setNotSent(inJournal, reason);
        if (m_auditLog)
            m_auditLog->appendNotSent(m_runId, inJournal, reason);
        Q_EMIT desktopsNotSent(inJournal, reason);
    }
    if (!claimedElsewhere.isEmpty()) {
        const QString reason = tr("Already being deleted by another run.");
        m_result.setNotSent(claimedElsewhere, reason);
        if (m_auditLog)
            m_auditLog->appendNotSent(m_runId, claimedElsewhere, reason);
        Q_EMIT desktopsNotSent(claimedElsewhere, reason);
    }
    if (!inJournal.isEmpty() || !claimedElsewhere.isEmpty()) {
        // Re-chunk what is left, so that every request stays full and ≤100.
        m_plan = m_plan.without(inJournal + claimedElsewhere);
        m_chunks.clear();
        for (const QStringList &ids : m_plan.chunks()) {
            Chunk chunk;
            chunk.desktopIds = ids;
            m_chunks.append(chunk);
        }
        Q_EMIT resultChanged();
    }
    // Deferred: signals never fire inside start(), so callers may connect either side of it.
    m_gapTimer.start(0);
}

void DeletionRun::sendNextChunk()
{
    if (m_state != State::Sending || m_cancelled || m_call)
        return;
    if (m_nextChunk >= m_chunks.size()) {
        checkFinished();
        return;
    }
    const int index = m_nextChunk++;
    Chunk &chunk = m_chunks[index];
    if (chunk.status != Chunk::Status::Pending)
        return;

    if (!m_auditLog
        || !m_auditLog->appendIntent(m_context, m_runId, index, chunk.desktopIds,
                                     m_plan.desktopNames(), m_plan.options())) {
        // No record of the intent, no request: an unaudited deletion is worse than none.
        ApiError error = ApiError::configuration(
            m_auditLog ? m_auditLog->lastError() : tr("No audit log is configured."));
        chunk.status = Chunk::Status::NotSent;
        m_postError = error;
        m_result.setNotSent(chunk.desktopIds, error.summary());
        Q_EMIT chunkFailed(index, error);
        stopSending(tr("The audit log could not be written."));
        return;
    }

    // What the journal has gathered reaches the disk before the next request leaves.
    if (m_journal)
        m_journal->flush();
    chunk.status = Chunk::Status::Sending;
    chunk.sentAt = QDateTime::currentDateTimeUtc();
    m_sendingChunk = index;
    ++m_postCount;
    auto *call = new BatchDeleteCall(m_client, chunk.desktopIds, m_plan.options(), this);
    m_call = call;
    whenFinished(call, this, [this](BatchDeleteCall *finished) { onPostFinished(finished); });
    call->start();
}

void DeletionRun::onPostFinished(BatchDeleteCall *call)
{
    m_call = nullptr;
    const int index = m_sendingChunk;
    m_sendingChunk = -1;
    Chunk &chunk = m_chunks[index];
    chunk.requestId = call->requestId();

    if (!call->succeeded()) {
        chunk.status = Chunk::Status::Failed;
        chunk.error = call->error();
        if (!m_postError.isError())
            m_postError = chunk.error;
        const bool ambiguous = DeletionResult::isAmbiguousPostFailure(chunk.error);
        if (m_auditLog)
            m_auditLog->appendPostFailed(m_runId, index, chunk.error);
        m_result.setPostFailed(chunk.desktopIds, chunk.error);
        // Definitely refused: those desktops are free for a later, deliberate retry. After an
        // ambiguous failure they stay claimed until this run has finished.
        if (!ambiguous)
            releaseClaims(chunk.desktopIds);
        Q_EMIT chunkFailed(index, chunk.error);
        Q_EMIT resultChanged();
        if (ambiguous && m_trackJobs)
            searchLostJob(index);
        stopSending(ambiguous
                        ? tr("An earlier request may or may not have reached the server; nothing "
                             "more was sent. Refresh the list before deciding.")
                        : tr("An earlier request failed: %1").arg(chunk.error.summary()));
        return;
    }

    if (m_auditLog)
        m_auditLog->appendSubmitted(m_runId, index, call->jobId(), chunk.requestId);
    adoptJob(chunk, call->jobId());
    Q_EMIT chunkSubmitted(index, chunk.jobId);
    Q_EMIT resultChanged();
    if (m_trackJobs)
        startTracking(chunk.jobId, chunk.desktopIds);

    if (m_cancelled) {
        checkFinished();
        return;
    }
    if (m_nextChunk < m_chunks.size())
        m_gapTimer.start(std::max(0, m_chunkGapMs));
    else
        sendNextChunk();
}

void DeletionRun::adoptJob(Chunk &chunk, const QString &jobId)
{
    chunk.status = Chunk::Status::Submitted;
    chunk.jobId = jobId;
    journalJob(chunk);
    m_result.setSubmitted(chunk.desktopIds, jobId);
}

void DeletionRun::journalJob(const Chunk &chunk)
{
    if (!m_journal)
        return;
    JournalEntry entry;
    entry.jobId = chunk.jobId;
    entry.runId = m_runId;
    entry.profileName = m_context.profileName;
    entry.projectId = m_context.projectId;
    entry.endpointHost = m_context.endpointHost;
    entry.desktopIds = chunk.desktopIds;
    for (const QString &id : chunk.desktopIds) {
        const QString name = m_plan.desktopName(id);
        if (!name.isEmpty())
            entry.desktopNames.insert(id, name);
    }
    entry.options = m_plan.options();
    entry.submittedAt = QDateTime::currentDateTimeUtc();
    m_journal->add(entry);
}

int DeletionRun::auditChunk(int chunkIndex) const
{
    return m_recoveredChunk >= 0 ? m_recoveredChunk : chunkIndex;
}

void DeletionRun::searchLostJob(int chunkIndex)
{
    ++m_pendingSearches;
    auto *search = new LostJobSearch(m_client, m_chunks.at(chunkIndex).desktopIds,
                                     m_chunks.at(chunkIndex).sentAt, this);
    whenFinished(search, this,
                 [this, chunkIndex](LostJobSearch *finished) { onLostJobSearchFinished(chunkIndex, finished); });
    QTimer::singleShot(std::max(0, m_lostJobSearchDelayMs), search, [this, search] {
        if (m_cancelled) {
            --m_pendingSearches;
            search->deleteLater();
            checkFinished();
            return;
        }
        search->start();
    });
}

void DeletionRun::onLostJobSearchFinished(int chunkIndex, LostJobSearch *search)
{
    --m_pendingSearches;
    Chunk &chunk = m_chunks[chunkIndex];
    if (search->outcome() == LostJobSearch::Outcome::Found) {
        // The request was carried out after all: its job is recorded like a submitted one's,
        // also after a cancel (the journal then follows it at the next start).
        if (m_auditLog)
            m_auditLog->appendJobFound(m_runId, auditChunk(chunkIndex), search->jobId(),
                                       chunk.desktopIds);
        adoptJob(chunk, search->jobId());
        Q_EMIT lostJobFound(chunkIndex, chunk.jobId);
        if (m_cancelled)
            m_result.setJobAbandoned(chunk.jobId,
                                     tr("No longer followed; the job may still be running."));
        else
            startTracking(chunk.jobId, chunk.desktopIds);
        Q_EMIT resultChanged();
    } else {
        if (m_auditLog)
            m_auditLog->appendJobNotFound(m_runId, auditChunk(chunkIndex), search->reason());
        Q_EMIT lostJobNotFound(chunkIndex, search->reason());
    }
    checkFinished();
}

void DeletionRun::stopSending(const QString &reason)
{
    m_gapTimer.stop();
    QStringList notSent;
    for (Chunk &chunk : m_chunks) {
        if (chunk.status != Chunk::Status::Pending)
            continue;
        chunk.status = Chunk::Status::NotSent;
        notSent += chunk.desktopIds;
    }
    m_nextChunk = int(m_chunks.size());
    if (!notSent.isEmpty()) {
        m_result.setNotSent(notSent, reason);
        releaseClaims(notSent);
        if (m_auditLog)
            m_auditLog->appendNotSent(m_runId, notSent, reason);
        Q_EMIT desktopsNotSent(notSent, reason);
        Q_EMIT resultChanged();
    }
    checkFinished();
}

void DeletionRun::cancel()
{
    if (m_cancelled)
        return;
    m_cancelled = true;
    if (!m_started) {
        m_started = true; // a cancelled run can never start
        m_nextChunk = int(m_chunks.size());
        for (Chunk &chunk : m_chunks)
            chunk.status = Chunk::Status::NotSent;
        m_result.setNotSent(m_plan.desktopIds(), tr("Cancelled before sending."));
        Q_EMIT resultChanged();
        checkFinished();
        return;
    }
    if (m_state == State::Sending)
        stopSending(tr("Cancelled."));
    // Submitted jobs keep running on the server; they stay in the journal to be followed later.
    const QList<JobTracker *> trackers = m_trackers.values();
    for (JobTracker *tracker : trackers) {
        if (tracker->state() == JobTracker::State::Polling) {
            tracker->stop();
            m_result.setJobAbandoned(tracker->jobId(),
                                     tr("No longer followed; the job may still be running."));
        }
    }
    Q_EMIT resultChanged();
    checkFinished();
}

void DeletionRun::startTracking(const QString &jobId, const QStringList &desktopIds)
{
    auto *tracker = new JobTracker(m_client, jobId, this);
    tracker->setRequestedDesktopIds(desktopIds);
    tracker->setTiming(m_trackerTiming);
    if (m_trackerClock)
        tracker->setClock(m_trackerClock);
    m_trackers.insert(jobId, tracker);
    connect(tracker, &JobTracker::progressChanged, this, [this, tracker](int percent) {
        m_result.applyJob(tracker->job(), tracker->subJobs(), false);
        Q_EMIT jobProgress(tracker->jobId(), percent);
        Q_EMIT resultChanged();
    });
    connect(tracker, &JobTracker::finished, this, [this, tracker] { onTrackerFinished(tracker); });
    connect(tracker, &JobTracker::gaveUp, this,
            [this, tracker](const QString &reason) { onTrackerGaveUp(tracker, reason); });
    connect(tracker, &JobTracker::lost, this,
            [this, tracker](const QString &reason) { onTrackerLost(tracker, reason); });
    tracker->start();
}

void DeletionRun::onTrackerFinished(JobTracker *tracker)
{
    const QString jobId = tracker->jobId();
    Job job = tracker->job();
    job.id = jobId; // the rows are keyed by the job id we were given
    m_result.applyJob(job, tracker->subJobs(), true);
    if (m_auditLog)
        m_auditLog->appendJobFinished(jobId, job.status, m_result.jobResultsJson(jobId));
    if (m_journal)
        m_journal->remove(jobId);
    Q_EMIT jobFinished(jobId);
    Q_EMIT resultChanged();
    checkFinished();
}

void DeletionRun::onTrackerGaveUp(JobTracker *tracker, const QString &reason)
{
    const QString jobId = tracker->jobId();
    m_result.setJobAbandoned(jobId, reason);
    if (m_auditLog)
        m_auditLog->appendJobGaveUp(jobId, reason);
    // The job stays in the journal: it can be followed again after a restart.
    Q_EMIT jobGaveUp(jobId, reason);
    Q_EMIT resultChanged();
    checkFinished();
}

void DeletionRun::onTrackerLost(JobTracker *tracker, const QString &reason)
{
    const QString jobId = tracker->jobId();
    m_result.setJobAbandoned(jobId, reason);
    if (m_auditLog)
        m_auditLog->appendJobLost(jobId, m_context.projectId, reason, m_result.jobResultsJson(jobId));
    // A job that can never be followed must not block its desktops for ever: it leaves the
    // journal, and the audit's "unknown" outcome keeps them out until they are re-listed.
    if (m_journal)
        m_journal->remove(jobId);
    Q_EMIT jobLost(jobId, reason);
    Q_EMIT resultChanged();
    checkFinished();
}

void DeletionRun::releaseClaims(const QStringList &desktopIds)
{
    InFlightRegistry::instance().release(m_context.projectId, desktopIds, m_runId);
    for (const QString &id : desktopIds)
        m_claimedIds.removeAll(id);
}

void DeletionRun::checkFinished()
{
    if (m_call || m_nextChunk < m_chunks.size() || m_pendingSearches > 0)
        return;
    if (m_state == State::Sending) {
        setState(State::Tracking);
        Q_EMIT sendingFinished();
    }
    for (const JobTracker *tracker : std::as_const(m_trackers)) {
        if (tracker->state() == JobTracker::State::Polling)
            return;
    }
    if (m_finishedEmitted)
        return;
    m_finishedEmitted = true;
    // Every desktop is settled now; claims are no longer needed (the journal still guards the
    // jobs that were given up).
    InFlightRegistry::instance().release(m_context.projectId, m_claimedIds, m_runId);
    m_claimedIds.clear();
    // The removals of the ended jobs, gathered by the journal, are on disk when the run ends.
    if (m_journal)
        m_journal->flush();
    setState(State::Finished);
    Q_EMIT finished();
}

QStringList DeletionRun::jobIds() const
{
    QStringList ids;
    for (const Chunk &chunk : m_chunks) {
        if (!chunk.jobId.isEmpty())
            ids.append(chunk.jobId);
    }
    return ids;
}

JobTracker *DeletionRun::tracker(const QString &jobId) const
{
    return m_trackers.value(jobId);
}
