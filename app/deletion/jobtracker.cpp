#include "jobtracker.h"

#include "api/apicalls.h"
#include "api/apiclient.h"
#include "deletion/pollingbudget.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

#include <algorithm>
#include <memory>

Q_LOGGING_CATEGORY(lcJobTracker, "workspace.deletion.jobs")

JobTracker::JobTracker(ApiClient *client, QString jobId, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_jobId(std::move(jobId))
{
    auto elapsed = std::make_shared<QElapsedTimer>();
    elapsed->start();
    m_clock = [elapsed] { return elapsed->elapsed(); };
}

JobTracker::~JobTracker()
{
    stop();
}

qint64 JobTracker::now() const
{
    return m_clock();
}

void JobTracker::setPollingBudget(PollingBudget *budget)
{
    withdrawFromBudget();
    m_budget = budget;
}

PollingBudget *JobTracker::pollingBudget() const
{
    return m_budget ? m_budget.data() : PollingBudget::forClient(m_client);
}

void JobTracker::askForSlot(int delayMs, std::function<void()> send)
{
    PollingBudget *budget = pollingBudget();
    if (!budget) {
        // No client: the call itself reports the configuration error.
        QMetaObject::invokeMethod(this, std::move(send), Qt::QueuedConnection);
        return;
    }
    m_budget = budget;
    budget->ask(this, delayMs, std::move(send));
}

void JobTracker::withdrawFromBudget()
{
    if (m_budget)
        m_budget->withdraw(this);
}

void JobTracker::noteThrottling(const ApiError &error)
{
    if (error.httpStatus == 429 && m_budget)
        m_budget->reportThrottled();
}

bool JobTracker::isFollowableJobId(const QString &jobId)
{
    static constexpr int kMaxJobIdLength = 255;
    if (jobId.isEmpty() || jobId.size() > kMaxJobIdLength || jobId == QLatin1String(".")
        || jobId == QLatin1String(".."))
        return false;
    return std::all_of(jobId.cbegin(), jobId.cend(), [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-')
            || c == QLatin1Char('_') || c == QLatin1Char('.');
    });
}

void JobTracker::setRequestedDesktopIds(const QStringList &desktopIds)
{
    m_requestedIds.clear();
    QSet<QString> seen;
    for (const QString &id : desktopIds) {
        if (!id.isEmpty() && !seen.contains(id)) {
            seen.insert(id);
            m_requestedIds.append(id);
        }
    }
}

void JobTracker::start()
{
    if (m_state != State::Idle)
        return;
    m_state = State::Polling;
    m_startedAt = now();
    m_intervalMs = std::max(0, m_timing.initialIntervalMs);
    if (!isFollowableJobId(m_jobId)) {
        // Deferred like every other ending, so that a caller may connect after start().
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_state == State::Polling)
                    becomeLost(tr("The job id \"%1\" cannot be followed; the outcome of its "
                                  "desktops is unknown — re-list them.")
                                   .arg(m_jobId.left(64)));
            },
            Qt::QueuedConnection);
        return;
    }
    // The first look as soon as the budget allows: a resumed job may have ended long ago.
    askForSlot(0, [this] { poll(); });
}

void JobTracker::stop()
{
    withdrawFromBudget();
    cancelCall();
    if (m_state == State::Polling)
        m_state = State::Idle;
}

void JobTracker::cancelCall()
{
    QObject *call = std::exchange(m_call, nullptr);
    if (!call)
        return;
    call->disconnect(this); // no handler runs: whenFinished's connection has this as context
    if (auto *request = qobject_cast<ApiCall *>(call))
        request->cancel();
    else if (auto *listing = qobject_cast<PagedListingCall *>(call))
        listing->cancel();
    call->deleteLater();
}

void JobTracker::poll()
{
    if (m_state != State::Polling)
        return;
    ++m_pollCount;
    auto *call = new ShowJobCall(m_client, m_jobId, this);
    m_call = call;
    whenFinished(call, this, [this](ShowJobCall *finished) { onShowJobFinished(finished); });
    connect(call, &ApiCall::retrying, this,
            [this](int, int, const ApiError &error) { noteThrottling(error); });
    call->start();
}

void JobTracker::onShowJobFinished(ShowJobCall *call)
{
    m_call = nullptr;
    if (!call->succeeded()) {
        onPollFailed(call->error());
        return;
    }
    m_notFoundInARow = 0;
    m_job = call->result();
    // ShowJob may already list every sub-job; otherwise ask for them page by page.
    if (coversRequest(m_job.subJobs)) {
        judgeSubJobs(m_job.subJobs);
        completePoll();
        return;
    }
    listSubJobs();
}

void JobTracker::listSubJobs()
{
    auto *listing = new ListAllSubJobsCall(m_client, SubJobFilter::forJob(m_jobId), this);
    listing->setExpectedTotal(m_job.subJobsTotal);
    listing->setPageGate([this](std::function<void()> send) { gateSubJobPage(std::move(send)); });
    m_call = listing;
    whenFinished(listing, this, [this](ListAllSubJobsCall *finished) { onSubJobsListed(finished); });
    connect(listing, &PagedListingCall::retrying, this,
            [this](int, int, const ApiError &error) { noteThrottling(error); });
    listing->start();
}

void JobTracker::gateSubJobPage(std::function<void()> send)
{
    auto *listing = qobject_cast<ListAllSubJobsCall *>(m_call.data());
    if (!listing)
        return;
    // An endless listing cannot carry a poll past the deadline; the first page is the poll's own.
    if (listing->pagesRequested() > 1 && deadlinePassed()) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_state == State::Polling && m_call) {
                    cancelCall();
                    giveUpAtDeadline();
                }
            },
            Qt::QueuedConnection);
        return;
    }
    askForSlot(0, [this, send = std::move(send)] {
        if (m_state != State::Polling)
            return;
        ++m_subJobPageRequests;
        send();
    });
}

void JobTracker::onSubJobsListed(ListAllSubJobsCall *listing)
{
    m_call = nullptr;
    if (!listing->succeeded()) {
        onPollFailed(listing->error());
        return;
    }
    m_notFoundInARow = 0;
    // Paging ends at the announced total, at a page that adds nothing, at the service's offset
    // limit and after a fixed number of pages: an endless or repeating listing cannot hold a poll.
    judgeSubJobs(listing->subJobs());
    completePoll();
}

void JobTracker::onPollFailed(const ApiError &error)
{
    m_lastError = error;
    m_lastPollFailed = true;
    if (error.kind == ApiError::Kind::Cancelled)
        return;
    noteThrottling(error);
    if (error.isAuthenticationFailure() || error.httpStatus == 403
        || error.kind == ApiError::Kind::Configuration || error.kind == ApiError::Kind::Tls) {
        giveUp(tr("Stopped following job %1: %2").arg(m_jobId, error.summary()));
        return;
    }
    // WKS.0202 ("the resource not found") comes as HTTP 500; a 404 from the gateway itself
    // (APIG.0101, no such API) says nothing about the job.
    const bool gatewayRoute = error.errorCode.startsWith(QLatin1String("APIG"));
    const bool jobNotFound = error.errorCode == QLatin1String("WKS.0202")
        || (error.kind == ApiError::Kind::Http && error.httpStatus == 404 && !gatewayRoute);
    m_notFoundInARow = jobNotFound ? m_notFoundInARow + 1 : 0;
    if (m_notFoundInARow >= kNotFoundInARowMeansGone) {
        becomeLost(tr("The service no longer knows job %1 (%2); the outcome of its desktops is "
                      "unknown — re-list them.")
                       .arg(m_jobId, error.summary()));
        return;
    }
    ++m_transientErrors;
    Q_EMIT transientError(error, m_transientErrors);
    scheduleNextPoll();
}

bool JobTracker::coversRequest(const QList<SubJob> &listed) const
{
    if (listed.isEmpty())
        return false;
    QSet<QString> desktops;
    for (const SubJob &subJob : listed)
        desktops.insert(subJob.desktopId);
    if (!m_requestedIds.isEmpty()) {
        return std::all_of(m_requestedIds.cbegin(), m_requestedIds.cend(),
                           [&desktops](const QString &id) { return desktops.contains(id); });
    }
    return desktops.size() >= m_job.subJobsTotal;
}

// One sub-job per requested desktop. A desktop listed twice keeps the sub-job still in progress
// (the service has not finished with it), else the one that ended last.
void JobTracker::judgeSubJobs(const QList<SubJob> &listed)
{
    const QSet<QString> requested(m_requestedIds.cbegin(), m_requestedIds.cend());
    QHash<QString, SubJob> byDesktop;
    QStringList order;
    m_foreignSubJobs = 0;
    for (const SubJob &subJob : listed) {
        if (!requested.isEmpty() && !requested.contains(subJob.desktopId)) {
            ++m_foreignSubJobs;
            qCWarning(lcJobTracker) << "job" << m_jobId << "lists a sub-job for desktop"
                                    << subJob.desktopId << "which was not in the request; ignored";
            continue;
        }
        auto it = byDesktop.find(subJob.desktopId);
        if (it == byDesktop.end()) {
            byDesktop.insert(subJob.desktopId, subJob);
            order.append(subJob.desktopId);
            continue;
        }
        qCWarning(lcJobTracker) << "job" << m_jobId << "lists desktop" << subJob.desktopId
                                << "more than once (" << it->status << "and" << subJob.status
                                << "); it counts once";
        const bool keptRuns = it->state() == JobState::InProgress;
        const bool newRuns = subJob.state() == JobState::InProgress;
        if (newRuns || (!keptRuns && subJob.endTime >= it->endTime))
            *it = subJob;
    }
    m_subJobs.clear();
    const QStringList &sequence = m_requestedIds.isEmpty() ? order : m_requestedIds;
    for (const QString &id : sequence) {
        const auto it = byDesktop.constFind(id);
        if (it != byDesktop.cend())
            m_subJobs.append(*it);
    }
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
    // Desktops without a listed sub-job count as 0 %.
    const qint64 expected = m_requestedIds.isEmpty() ? m_job.subJobsTotal : m_requestedIds.size();
    const qint64 total = std::max<qint64>(qint64(m_subJobs.size()), expected);
    return int(sum / total);
}

void JobTracker::completePoll()
{
    m_lastPollFailed = false;
    // Only the service ends a job: sub-jobs that all look done under a status that is not
    // terminal (or not known) are still "in progress" until the deadline.
    if (m_job.state() != JobState::InProgress) {
        withdrawFromBudget();
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

bool JobTracker::deadlinePassed() const
{
    return now() - m_startedAt >= m_timing.giveUpAfterMs;
}

void JobTracker::giveUpAtDeadline()
{
    QString reason = tr("Job %1 did not end within %n minute(s); it stays in the journal and can be "
                        "followed again later.",
                        nullptr, int((m_timing.giveUpAfterMs + 59999) / 60000))
                         .arg(m_jobId);
    // When the server kept failing, "did not end" alone would hide what actually happened.
    if (m_lastPollFailed)
        reason += QLatin1Char(' ') + tr("The last check failed: %1").arg(m_lastError.summary());
    giveUp(reason);
}

void JobTracker::scheduleNextPoll()
{
    if (m_state != State::Polling)
        return;
    if (deadlinePassed()) {
        giveUpAtDeadline();
        return;
    }
    askForSlot(m_intervalMs, [this] { poll(); });
    Q_EMIT pollScheduled(m_intervalMs);
    const double next = m_intervalMs * std::max(1.0, m_timing.backoffFactor);
    m_intervalMs = int(std::min<double>(next, std::max(m_timing.maxIntervalMs, 0)));
}

void JobTracker::giveUp(const QString &reason)
{
    withdrawFromBudget();
    m_state = State::GaveUp;
    m_gaveUpReason = reason;
    Q_EMIT gaveUp(reason);
}

void JobTracker::becomeLost(const QString &reason)
{
    withdrawFromBudget();
    m_state = State::Lost;
    m_lostReason = reason;
    Q_EMIT lost(reason);
}
