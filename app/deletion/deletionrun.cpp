#include "deletionrun.h"

#include "api/apiclient.h"
#include "deletion/auditlog.h"
#include "deletion/changerun.h"
#include "deletion/inflightregistry.h"
#include "deletion/jobjournal.h"
#include "deletion/lostjobsearch.h"

#include <QDateTime>
#include <QSet>
#include <QUuid>

namespace {
constexpr int kDefaultChunkGapMs = 500;

QList<ChangeTarget> targetsOf(const DeletionPlan &plan)
{
    QList<ChangeTarget> targets;
    targets.reserve(plan.desktopIds().size());
    for (const QString &id : plan.desktopIds())
        targets.append({id, plan.desktopName(id)});
    return targets;
}

DeletionRun::Chunk::Status chunkStatus(ChangeRun::Outcome outcome)
{
    switch (outcome) {
    case ChangeRun::Outcome::Pending:
        return DeletionRun::Chunk::Status::Pending;
    case ChangeRun::Outcome::Sending:
        return DeletionRun::Chunk::Status::Sending;
    case ChangeRun::Outcome::Done:
        return DeletionRun::Chunk::Status::Submitted;
    case ChangeRun::Outcome::Failed:
    case ChangeRun::Outcome::Unknown:
        return DeletionRun::Chunk::Status::Failed;
    case ChangeRun::Outcome::NotSent:
        break;
    }
    return DeletionRun::Chunk::Status::NotSent;
}
} // namespace

DeletionRun::DeletionRun(ApiClient *client, DeletionPlan plan, DeletionContext context, DeletionStorePtr store,
                         QObject *parent)
    : DeletionRun(client, std::move(plan), std::move(context), std::move(store), true, parent)
{
}

DeletionRun::DeletionRun(ApiClient *client, DeletionPlan plan, DeletionContext context, DeletionStorePtr store,
                         bool sends, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_plan(std::move(plan))
    , m_context(std::move(context))
    , m_store(std::move(store))
    , m_runId(QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_result(m_plan.desktopIds(), m_plan.desktopNames())
{
    Q_ASSERT(m_store);
    for (const QStringList &ids : m_plan.chunks()) {
        Chunk chunk;
        chunk.desktopIds = ids;
        m_chunks.append(chunk);
    }
    m_deadlineTimer.setSingleShot(true);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &DeletionRun::expire);
    if (!sends)
        return;
    ChangeKind kind = ChangeKinds::batchDelete(m_plan.options());
    kind.maxTargetsPerRequest = m_plan.chunkSize(); // the plan's chunks are the requests
    m_send = new ChangeRun(client, m_store, m_context, kind, targetsOf(m_plan), this);
    m_send->setGapMs(kDefaultChunkGapMs);
    m_runId = m_send->runId();
    connect(m_send, &ChangeRun::requestSent, this, &DeletionRun::syncChunks);
    connect(m_send, &ChangeRun::requestFinished, this, &DeletionRun::onRequestFinished);
    connect(m_send, &ChangeRun::targetsNotSent, this, &DeletionRun::onNotSent);
    connect(m_send, &ChangeRun::finished, this, &DeletionRun::checkFinished);
}

DeletionRun::~DeletionRun()
{
    // The sending part records a request still on the wire as unknown; the claims go with the run.
    delete m_send;
    m_send = nullptr;
    m_store->inFlight().release(m_context.projectId, m_claimedIds, m_runId);
}

void DeletionRun::setChunkGapMs(int gapMs)
{
    if (m_send)
        m_send->setGapMs(gapMs);
}

int DeletionRun::postCount() const
{
    return m_send ? m_send->sentCount() : 0;
}

void DeletionRun::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

DeletionRun *DeletionRun::resume(ApiClient *client, const JournalEntry &entry, DeletionStorePtr store,
                                 QObject *parent)
{
    DeletionContext context;
    context.profileName = entry.profileName;
    context.projectId = entry.projectId;
    context.endpointHost = entry.endpointHost;
    context.region = entry.region;
    // One chunk of up to 100: exactly the desktops of the journaled job.
    auto *run = new DeletionRun(client, DeletionPlan(entry.desktopIds, entry.options, entry.desktopNames), context,
                                std::move(store), false, parent);
    run->m_resumedJobId = entry.jobId;
    if (!entry.runId.isEmpty())
        run->m_runId = entry.runId;
    if (entry.submittedAt.isValid())
        run->m_submittedAt = entry.submittedAt;
    return run;
}

DeletionRun *DeletionRun::recover(ApiClient *client, const RecordSettlement::OpenIntent &intent,
                                  DeletionStorePtr store, QObject *parent, DeletionContext place)
{
    DeletionContext context = std::move(place);
    context.projectId = intent.projectId;
    auto *run = new DeletionRun(client, DeletionPlan(intent.targetIds, {}), context, std::move(store), false, parent);
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
    if (m_deadlineMs > 0)
        m_deadlineTimer.start(m_deadlineMs);

    if (!m_resumedJobId.isEmpty()) {
        // Nothing is ever sent for a resumed job: it was submitted before the restart.
        QStringList all;
        for (Chunk &chunk : m_chunks) {
            chunk.status = Chunk::Status::Submitted;
            chunk.jobId = m_resumedJobId;
            all += chunk.desktopIds;
        }
        m_result.setSubmitted(all, m_resumedJobId);
        m_claimedIds = m_store->inFlight().claim(m_context.projectId, all, m_runId, nullptr);
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

    leaveOutInFlight();
    // Deferred by the ChangeRun: signals never fire inside start().
    m_send->start();
}

void DeletionRun::leaveOutInFlight()
{
    // Desktops already in flight (another run of this store, or an unfinished job in the
    // journal, e.g. from before a crash) are never sent again.
    const QHash<QString, QString> journalJobs = m_store->journal().pendingDesktopJobs(m_context.projectId);
    QStringList candidates;
    QStringList inJournal;
    for (const QString &id : m_plan.desktopIds()) {
        if (journalJobs.contains(id))
            inJournal.append(id);
        else
            candidates.append(id);
    }
    QStringList claimedElsewhere;
    m_claimedIds = m_store->inFlight().claim(m_context.projectId, candidates, m_runId, &claimedElsewhere);
    const auto leaveOut = [this](const QStringList &ids, const QString &reason) {
        if (ids.isEmpty())
            return;
        m_send->leaveOut(ids, reason);
        m_result.setNotSent(ids, reason);
        Q_EMIT desktopsNotSent(ids, reason);
    };
    leaveOut(inJournal, tr("Already submitted in an unfinished job."));
    leaveOut(claimedElsewhere, tr("Already being deleted by another run."));
    if (!inJournal.isEmpty() || !claimedElsewhere.isEmpty()) {
        // What is left, in requests as full as they may be (≤100).
        m_plan = m_plan.without(inJournal + claimedElsewhere);
        syncChunks();
        Q_EMIT resultChanged();
    }
}

void DeletionRun::syncChunks()
{
    if (!m_send)
        return;
    const QList<ChangeRun::Request> &requests = m_send->requests();
    m_chunks.resize(requests.size());
    for (qsizetype index = 0; index < requests.size(); ++index) {
        const ChangeRun::Request &request = requests.at(index);
        Chunk &chunk = m_chunks[index];
        chunk.desktopIds = request.targetIds();
        // A chunk whose job was found keeps it (and its status) whatever its request's outcome.
        if (chunk.jobId.isEmpty())
            chunk.status = chunkStatus(request.outcome);
        chunk.requestId = request.requestId;
        chunk.error = request.error;
        chunk.sentAt = request.sentAt;
    }
}

void DeletionRun::onRequestFinished(int index)
{
    syncChunks();
    const ChangeRun::Request &request = m_send->requests().at(index);
    Chunk &chunk = m_chunks[index];
    if (request.outcome == ChangeRun::Outcome::Done) {
        adoptJob(chunk, request.jobId);
        Q_EMIT chunkSubmitted(index, chunk.jobId);
        Q_EMIT resultChanged();
        if (m_trackJobs)
            startTracking(chunk.jobId, chunk.desktopIds);
        return;
    }
    if (!m_postError.isError())
        m_postError = request.error;
    m_result.setPostFailed(chunk.desktopIds, request.error);
    const bool unknown = request.outcome == ChangeRun::Outcome::Unknown;
    // Definitely refused (or never sent): those desktops are free for a later, deliberate retry.
    // After an unknown outcome they stay claimed until this run has finished.
    if (!unknown)
        releaseClaims(chunk.desktopIds);
    Q_EMIT chunkFailed(index, request.error);
    Q_EMIT resultChanged();
    if (unknown && m_trackJobs && !m_cancelled)
        searchLostJob(index);
}

void DeletionRun::onNotSent(const QStringList &desktopIds, const QString &reason)
{
    syncChunks();
    if (!m_postError.isError() && m_send->firstError().isError())
        m_postError = m_send->firstError();
    m_result.setNotSent(desktopIds, reason);
    releaseClaims(desktopIds);
    Q_EMIT desktopsNotSent(desktopIds, reason);
    Q_EMIT resultChanged();
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
    JournalEntry entry;
    entry.jobId = chunk.jobId;
    entry.runId = m_runId;
    entry.profileName = m_context.profileName;
    entry.projectId = m_context.projectId;
    entry.endpointHost = m_context.endpointHost;
    entry.region = m_context.region;
    entry.desktopIds = chunk.desktopIds;
    for (const QString &id : chunk.desktopIds) {
        const QString name = m_plan.desktopName(id);
        if (!name.isEmpty())
            entry.desktopNames.insert(id, name);
    }
    entry.options = m_plan.options();
    entry.submittedAt = QDateTime::currentDateTimeUtc();
    m_store->journal().add(entry);
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
        audit().appendJobFound(m_runId, auditChunk(chunkIndex), search->jobId(), chunk.desktopIds);
        adoptJob(chunk, search->jobId());
        Q_EMIT lostJobFound(chunkIndex, chunk.jobId);
        if (m_cancelled)
            m_result.setJobAbandoned(chunk.jobId,
                                     tr("No longer followed; the job may still be running."));
        else
            startTracking(chunk.jobId, chunk.desktopIds);
        Q_EMIT resultChanged();
    } else {
        audit().appendJobNotFound(m_runId, auditChunk(chunkIndex), search->reason());
        Q_EMIT lostJobNotFound(chunkIndex, search->reason());
    }
    checkFinished();
}

void DeletionRun::cancel()
{
    if (m_cancelled)
        return;
    m_cancelled = true;
    m_deadlineTimer.stop();
    if (!m_started) {
        m_started = true; // a cancelled run can never start
        for (Chunk &chunk : m_chunks)
            chunk.status = Chunk::Status::NotSent;
        m_result.setNotSent(m_plan.desktopIds(), tr("Cancelled before sending."));
        Q_EMIT resultChanged();
        checkFinished();
        return;
    }
    if (m_send)
        m_send->cancel();
    stopTracking(tr("No longer followed; the job may still be running."), false);
}

void DeletionRun::expire()
{
    if (m_finishedEmitted)
        return;
    const bool wasCancelled = m_cancelled;
    m_cancelled = true;
    m_deadlineTimer.stop();
    // The request on the wire is abandoned: its outcome is unknown, and no job is looked for.
    if (m_send)
        m_send->expire();
    if (!wasCancelled)
        stopTracking(tr("The deadline passed before the job ended; it may still be running."), true);
    checkFinished();
}

void DeletionRun::stopTracking(const QString &reason, bool audited)
{
    // Submitted jobs keep running on the server; they stay in the journal to be followed later.
    const QList<JobTracker *> trackers = m_trackers.values();
    for (JobTracker *tracker : trackers) {
        if (tracker->state() == JobTracker::State::Polling) {
            tracker->stop();
            m_result.setJobAbandoned(tracker->jobId(), reason);
            if (audited)
                audit().appendJobGaveUp(tracker->jobId(), reason);
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
    audit().appendJobFinished(jobId, job.status, m_result.jobResultsJson(jobId));
    m_store->journal().remove(jobId);
    Q_EMIT jobFinished(jobId);
    Q_EMIT resultChanged();
    checkFinished();
}

void DeletionRun::onTrackerGaveUp(JobTracker *tracker, const QString &reason)
{
    const QString jobId = tracker->jobId();
    m_result.setJobAbandoned(jobId, reason);
    audit().appendJobGaveUp(jobId, reason);
    // The job stays in the journal: it can be followed again after a restart.
    Q_EMIT jobGaveUp(jobId, reason);
    Q_EMIT resultChanged();
    checkFinished();
}

void DeletionRun::onTrackerLost(JobTracker *tracker, const QString &reason)
{
    const QString jobId = tracker->jobId();
    m_result.setJobAbandoned(jobId, reason);
    audit().appendJobLost(jobId, m_context.projectId, reason, m_result.jobResultsJson(jobId));
    // A job that can never be followed must not block its desktops for ever: it leaves the
    // journal, and the audit's "unknown" outcome keeps them out until they are re-listed.
    m_store->journal().remove(jobId);
    Q_EMIT jobLost(jobId, reason);
    Q_EMIT resultChanged();
    checkFinished();
}

void DeletionRun::releaseClaims(const QStringList &desktopIds)
{
    m_store->inFlight().release(m_context.projectId, desktopIds, m_runId);
    for (const QString &id : desktopIds)
        m_claimedIds.removeAll(id);
}

void DeletionRun::checkFinished()
{
    if ((m_send && !m_send->isFinished() && m_send->isStarted()) || m_pendingSearches > 0)
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
    m_store->inFlight().release(m_context.projectId, m_claimedIds, m_runId);
    m_claimedIds.clear();
    m_deadlineTimer.stop();
    // The removals of the ended jobs, gathered by the journal, are on disk when the run ends.
    m_store->journal().flush();
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
