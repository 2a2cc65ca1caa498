#include "jobcommand.h"

#include "deletecommand.h"
#include "deletion/deletionrun.h"
#include "deletion/deletionstore.h"
#include "deletion/jobtracker.h"
#include "desktopformatter.h"

#include "api/serverinput.h"

#include <algorithm>

JobCommand::JobCommand(ApiClient *client, Options options, QTextStream &out, QTextStream &err,
                       QObject *parent)
    : CliCommand(client, out, err, parent)
    , m_options(std::move(options))
{
}

JobCommand::~JobCommand()
{
    delete m_settlement; // not a child: it ends with the command
}

void JobCommand::start()
{
    m_deadline = QDeadlineTimer(m_options.timeoutMs);
    // The window's tracker, on the client's polling budget: the same polls, sub-job paging, bounds
    // and judgement of a job's end; only the interval is the one asked for, without back-off.
    m_tracker = new JobTracker(client(), m_options.jobId, this);
    JobTracker::Timing timing;
    timing.initialIntervalMs = m_options.pollIntervalMs;
    timing.backoffFactor = 1.0;
    timing.maxIntervalMs = m_options.pollIntervalMs;
    timing.giveUpAfterMs = m_options.timeoutMs;
    m_tracker->setTiming(timing);
    connect(m_tracker, &JobTracker::pollScheduled, this, &JobCommand::onStillRunning);
    connect(m_tracker, &JobTracker::transientError, this, &JobCommand::onTransientError);
    connect(m_tracker, &JobTracker::finished, this, [this] {
        if (!settleFromJournal())
            report();
    });
    connect(m_tracker, &JobTracker::gaveUp, this, &JobCommand::onGaveUp);
    connect(m_tracker, &JobTracker::lost, this, [this](const QString &reason) {
        failWithApiError(reason, m_tracker->lastError());
    });
    m_tracker->start();
}

void JobCommand::onStillRunning()
{
    if (std::exchange(m_pollFailed, false))
        return; // the error was said; the next poll follows
    if (!m_options.wait) {
        m_tracker->stop();
        report();
        return;
    }
    const QList<SubJob> &subJobs = m_tracker->subJobs();
    const qsizetype done = std::count_if(subJobs.cbegin(), subJobs.cend(),
                                         [](const SubJob &subJob) { return subJob.state() != JobState::InProgress; });
    err() << tr("Job %1: %2, %3 of %4 desktops done…")
                 .arg(m_options.jobId, ServerInput::forTerminal(m_tracker->job().status))
                 .arg(done)
                 .arg(subJobs.size())
          << Qt::endl;
}

void JobCommand::onTransientError(const ApiError &error)
{
    if (!m_options.wait) {
        m_tracker->stop();
        failWithApiError(tr("Reading job %1 failed.").arg(m_options.jobId), error);
        return;
    }
    m_pollFailed = true;
    err() << tr("Reading job %1 failed; trying again: %2")
                 .arg(m_options.jobId, ServerInput::forTerminal(error.summary()))
          << Qt::endl;
}

void JobCommand::onGaveUp(const QString &reason)
{
    if (!m_deadline.hasExpired()) {
        failWithApiError(reason, m_tracker->lastError()); // refused: a 401 or 403 is never repeated
        return;
    }
    out() << report(m_tracker->job(), m_tracker->subJobs());
    err() << tr("Job %1 is still running (status %2) after the timeout.")
                 .arg(m_options.jobId, ServerInput::forTerminal(m_tracker->job().status))
          << Qt::endl;
    finish(ExitApiError);
}

void JobCommand::report()
{
    out() << report(m_tracker->job(), m_tracker->subJobs());
    finish(exitCodeFor(m_tracker->job(), m_tracker->subJobs()));
}

bool JobCommand::settleFromJournal()
{
    if (m_options.dataDir.isEmpty())
        return false;
    QString error;
    m_store = DeletionStore::open(m_options.dataDir, &error);
    if (!m_store) {
        err() << error << Qt::endl;
        return false;
    }
    for (const QString &notice : m_store->notices())
        err() << notice << Qt::endl;
    JobJournal *journal = &m_store->journal();
    if (!journal->contains(m_options.jobId)
        || journal->entry(m_options.jobId).projectId != m_options.projectId)
        return false;
    m_settlement = DeletionRun::resume(client(), journal->entry(m_options.jobId), m_store, nullptr);
    m_settlement->setTrackerTiming(DeleteCommand::trackerTiming(m_options.pollIntervalMs,
                                                                 int(std::max<qint64>(1, m_deadline.remainingTime()))));
    connect(m_settlement, &DeletionRun::finished, this, [this] {
        const bool settled = !m_store->journal().contains(m_options.jobId);
        err() << (settled ? tr("Job %1 is recorded in the audit log and has left the journal: %2.")
                                .arg(m_options.jobId, m_settlement->result().summaryText())
                          : tr("Job %1 stays in the journal: %2.")
                                .arg(m_options.jobId, m_settlement->result().summaryText()))
              << Qt::endl;
        report();
    });
    m_settlement->start();
    return true;
}

QString JobCommand::report(const Job &job, const QList<SubJob> &subJobs)
{
    QString text = tr("Job %1 (%2): %3").arg(job.id, job.jobType, job.status) + QLatin1Char('\n');
    if (!job.failReason.isEmpty() || !job.jobErrorCode.isEmpty())
        text += tr("Failure: %1 %2").arg(job.jobErrorCode, job.failReason).trimmed() + QLatin1Char('\n');
    if (subJobs.isEmpty())
        return text;
    QList<QStringList> rows;
    for (const SubJob &subJob : subJobs) {
        const QString reason = subJob.failReason;
        rows.append({subJob.desktopId, subJob.desktopName, subJob.status,
                     QString::number(subJob.process) + QLatin1Char('%'),
                     QString(subJob.errorCode + QLatin1Char(' ') + reason).trimmed()});
    }
    return text
        + DesktopFormatter::alignedTable({QStringLiteral("DESKTOP_ID"), QStringLiteral("DESKTOP_NAME"),
                                          QStringLiteral("STATUS"), QStringLiteral("PROGRESS"),
                                          QStringLiteral("ERROR")},
                                         rows);
}

int JobCommand::exitCodeFor(const Job &job, const QList<SubJob> &subJobs)
{
    if (job.state() == JobState::Failed)
        return ExitPartialFailure;
    for (const SubJob &subJob : subJobs)
        if (subJob.state() == JobState::Failed)
            return ExitPartialFailure;
    return ExitSuccess;
}
