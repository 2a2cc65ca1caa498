#include "jobcommand.h"

#include "deletecommand.h"
#include "deletion/deletionrun.h"
#include "deletionstore.h"
#include "desktopformatter.h"

JobCommand::JobCommand(ApiClient *client, Options options, QTextStream &out, QTextStream &err,
                       QObject *parent)
    : CliCommand(client, out, err, parent)
    , m_options(std::move(options))
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &JobCommand::fetchJob);
}

JobCommand::~JobCommand()
{
    delete m_settlement; // before the audit log and journal it writes to
}

void JobCommand::start()
{
    m_deadline = QDeadlineTimer(m_options.timeoutMs);
    fetchJob();
}

void JobCommand::fetchJob()
{
    m_subJobs.clear();
    startCall(new ShowJobCall(client(), m_options.jobId, this),
              [this](ShowJobCall *finished) { onJobFetched(finished); });
}

void JobCommand::onJobFetched(ShowJobCall *call)
{
    if (!call->succeeded()) {
        failWithApiError(tr("Reading job %1 failed.").arg(m_options.jobId), call->error());
        return;
    }
    m_job = call->result();
    fetchSubJobs();
}

void JobCommand::fetchSubJobs()
{
    auto *listing = new ListAllSubJobsCall(client(), SubJobFilter::forJob(m_options.jobId), this);
    // Paging also ends at --timeout, whatever the service promises.
    listing->setDeadline(m_deadline);
    startCall(listing, [this](ListAllSubJobsCall *finished) { onSubJobsFetched(finished); });
}

void JobCommand::onSubJobsFetched(ListAllSubJobsCall *listing)
{
    // At --timeout the sub-jobs read so far are reported; the round says the job is still running.
    const bool timedOut = listing->error().kind == ApiError::Kind::Timeout && m_deadline.hasExpired();
    if (!listing->succeeded() && !timedOut) {
        failWithApiError(tr("Reading the sub-jobs of job %1 failed.").arg(m_options.jobId),
                         listing->error());
        return;
    }
    m_subJobs = listing->takeSubJobs();
    if (m_subJobs.isEmpty())
        m_subJobs = m_job.subJobs;
    roundComplete();
}

void JobCommand::roundComplete()
{
    const bool running = m_job.state() == JobState::InProgress;
    if (running && m_options.wait) {
        if (m_deadline.hasExpired()) {
            out() << report(m_job, m_subJobs);
            err() << tr("Job %1 is still running (status %2) after the timeout.")
                         .arg(m_job.id, m_job.status)
                  << Qt::endl;
            finish(ExitApiError);
            return;
        }
        qsizetype done = 0;
        for (const SubJob &subJob : std::as_const(m_subJobs))
            if (subJob.state() != JobState::InProgress)
                ++done;
        err() << tr("Job %1: %2, %3 of %4 desktops done…")
                     .arg(m_job.id, m_job.status)
                     .arg(done)
                     .arg(m_subJobs.size())
              << Qt::endl;
        m_pollTimer.start(m_options.pollIntervalMs);
        return;
    }
    if (!running && settleFromJournal())
        return;
    report();
}

void JobCommand::report()
{
    out() << report(m_job, m_subJobs);
    finish(exitCodeFor(m_job, m_subJobs));
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
    JobJournal *journal = m_store->journal.get();
    if (!journal->contains(m_options.jobId)
        || journal->entry(m_options.jobId).projectId != m_options.projectId)
        return false;
    m_settlement = DeletionRun::resume(client(), journal->entry(m_options.jobId), m_store->audit.get(),
                                       journal, nullptr);
    m_settlement->setTrackerTiming(DeleteCommand::trackerTiming(m_options.pollIntervalMs,
                                                                 int(m_deadline.remainingTime())));
    connect(m_settlement, &DeletionRun::finished, this, [this] {
        const bool settled = !m_store->journal->contains(m_options.jobId);
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
