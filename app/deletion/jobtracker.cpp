#include "jobtracker.h"

#include "api/apicalls.h"
#include "api/apiclient.h"

#include <QElapsedTimer>

#include <algorithm>
#include <memory>

JobTracker::JobTracker(ApiClient *client, QString jobId, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_jobId(std::move(jobId))
{
    auto elapsed = std::make_shared<QElapsedTimer>();
    elapsed->start();
    m_clock = [elapsed] { return elapsed->elapsed(); };
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &JobTracker::poll);
}

JobTracker::~JobTracker()
{
    stop();
}

qint64 JobTracker::now() const
{
    return m_clock();
}

void JobTracker::start()
{
    if (m_state != State::Idle)
        return;
    m_state = State::Polling;
    m_startedAt = now();
    m_intervalMs = std::max(0, m_timing.initialIntervalMs);
    // The first look right away: a resumed job may have ended long ago.
    m_pollTimer.start(0);
}

void JobTracker::stop()
{
    m_pollTimer.stop();
    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
        m_call->deleteLater();
        m_call = nullptr;
    }
    if (m_state == State::Polling)
        m_state = State::Idle;
}

void JobTracker::poll()
{
    if (m_state != State::Polling)
        return;
    ++m_pollCount;
    auto *call = new ShowJobCall(m_client, m_jobId, this);
    m_call = call;
    connect(call, &ApiCall::finished, this, &JobTracker::onShowJobFinished);
    call->start();
}

void JobTracker::onShowJobFinished()
{
    auto *call = qobject_cast<ShowJobCall *>(sender());
    if (!call || call != m_call)
        return;
    call->deleteLater();
    m_call = nullptr;
    if (!call->succeeded()) {
        onPollFailed(call->error());
        return;
    }
    m_job = call->result();
    // ShowJob may already list every sub-job; otherwise ask for them page by page.
    if (!m_job.subJobs.isEmpty() && m_job.subJobs.size() >= m_job.subJobsTotal) {
        m_subJobs = m_job.subJobs;
        completePoll();
        return;
    }
    m_pendingSubJobs.clear();
    auto *subJobs = new ListSubJobsCall(m_client, m_jobId, 0, ListSubJobsCall::kMaxLimit, this);
    m_call = subJobs;
    connect(subJobs, &ApiCall::finished, this, &JobTracker::onSubJobsFinished);
    subJobs->start();
}

void JobTracker::onSubJobsFinished()
{
    auto *call = qobject_cast<ListSubJobsCall *>(sender());
    if (!call || call != m_call)
        return;
    call->deleteLater();
    m_call = nullptr;
    if (!call->succeeded()) {
        onPollFailed(call->error());
        return;
    }
    const SubJobPage &page = call->result();
    m_pendingSubJobs.append(page.jobs);
    if (!page.jobs.isEmpty() && m_pendingSubJobs.size() < page.totalCount) {
        auto *next = new ListSubJobsCall(m_client, m_jobId, int(m_pendingSubJobs.size()),
                                         ListSubJobsCall::kMaxLimit, this);
        m_call = next;
        connect(next, &ApiCall::finished, this, &JobTracker::onSubJobsFinished);
        next->start();
        return;
    }
    m_subJobs = m_pendingSubJobs;
    m_pendingSubJobs.clear();
    completePoll();
}

void JobTracker::onPollFailed(const ApiError &error)
{
    m_lastError = error;
    m_lastPollFailed = true;
    if (error.kind == ApiError::Kind::Cancelled)
        return;
    if (error.isAuthenticationFailure() || error.httpStatus == 403
        || error.kind == ApiError::Kind::Configuration || error.kind == ApiError::Kind::Tls) {
        giveUp(tr("Stopped following job %1: %2").arg(m_jobId, error.summary()));
        return;
    }
    ++m_transientErrors;
    Q_EMIT transientError(error, m_transientErrors);
    scheduleNextPoll();
}

bool JobTracker::allSubJobsEnded() const
{
    if (m_subJobs.isEmpty() || m_subJobs.size() < m_job.subJobsTotal)
        return false;
    return std::all_of(m_subJobs.cbegin(), m_subJobs.cend(),
                       [](const SubJob &subJob) { return subJob.state() != JobState::InProgress; });
}

int JobTracker::overallPercent() const
{
    if (m_state == State::Finished)
        return 100;
    if (m_subJobs.isEmpty())
        return 0;
    qint64 sum = 0;
    for (const SubJob &subJob : m_subJobs)
        sum += subJob.state() == JobState::InProgress ? std::clamp(subJob.process, 0, 100) : 100;
    const qint64 total = std::max<qint64>(m_subJobs.size(), m_job.subJobsTotal);
    return int(sum / total);
}

void JobTracker::completePoll()
{
    m_lastPollFailed = false;
    // An unknown top-level status counts as running; each desktop is judged by its own sub-job,
    // so a job whose sub-jobs have all ended is over whatever its status says.
    if (m_job.state() != JobState::InProgress || allSubJobsEnded()) {
        m_state = State::Finished;
        m_lastPercent = 100;
        Q_EMIT progressChanged(100);
        Q_EMIT finished();
        return;
    }
    const int percent = overallPercent();
    if (percent != m_lastPercent) {
        m_lastPercent = percent;
        Q_EMIT progressChanged(percent);
    }
    scheduleNextPoll();
}

void JobTracker::scheduleNextPoll()
{
    if (m_state != State::Polling)
        return;
    const qint64 elapsed = now() - m_startedAt;
    if (elapsed >= m_timing.giveUpAfterMs) {
        QString reason = tr("Job %1 did not end within %n minute(s); it stays in the journal and can be "
                            "followed again later.",
                            nullptr, int((m_timing.giveUpAfterMs + 59999) / 60000))
                             .arg(m_jobId);
        // When the server kept failing, "did not end" alone would hide what actually happened.
        if (m_lastPollFailed)
            reason += QLatin1Char(' ') + tr("The last check failed: %1").arg(m_lastError.summary());
        giveUp(reason);
        return;
    }
    m_pollTimer.start(m_intervalMs);
    Q_EMIT pollScheduled(m_intervalMs);
    const double next = m_intervalMs * std::max(1.0, m_timing.backoffFactor);
    m_intervalMs = int(std::min<double>(next, std::max(m_timing.maxIntervalMs, 0)));
}

void JobTracker::giveUp(const QString &reason)
{
    m_pollTimer.stop();
    m_state = State::GaveUp;
    m_gaveUpReason = reason;
    Q_EMIT gaveUp(reason);
}
