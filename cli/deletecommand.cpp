#include "deletecommand.h"

#include "actioncommand.h"
#include "decommission/deletionafterautoscaleoff.h"
#include "deletion/deletionplan.h"
#include "deletion/changerun.h"
#include "deletion/deletionrun.h"
#include "deletion/journalfollower.h"
#include "deletion/deletionstore.h"
#include "desktopformatter.h"
#include "interruptwatcher.h"
#include "review/changepreparation.h"
#include "review/changereviewtext.h"

#include <QDeadlineTimer>
#include <QLocale>

#include <algorithm>

DeleteCommand::DeleteCommand(ApiClient *client, DeleteRequest request, ResolvedConnection connection,
                             Timing timing, QTextStream &out, QTextStream &err, QObject *parent)
    : CliCommand(client, out, err, parent)
    , m_request(std::move(request))
    , m_connection(std::move(connection))
    , m_timing(timing)
{
    m_connection.credentials.clear(); // the client has its own copy; none is needed here
}

DeleteCommand::~DeleteCommand() = default;

JobTracker::Timing DeleteCommand::trackerTiming(int pollIntervalMs, int giveUpAfterMs)
{
    JobTracker::Timing timing;
    if (pollIntervalMs > 0) {
        timing.initialIntervalMs = pollIntervalMs;
        timing.maxIntervalMs = std::max(pollIntervalMs, int(pollIntervalMs * 7.5));
    }
    if (giveUpAfterMs > 0)
        timing.giveUpAfterMs = giveUpAfterMs;
    return timing;
}

void DeleteCommand::start()
{
    QString error;
    m_store = DeletionStore::open(m_connection.dataDir, &error);
    if (!m_store) {
        err() << error << ' ' << tr("Nothing was deleted.") << Qt::endl;
        finish(ExitUsageError);
        return;
    }
    for (const QString &notice : m_store->notices())
        err() << notice << Qt::endl;
    m_interruptWatcher = new InterruptWatcher(this);
    connect(m_interruptWatcher, &InterruptWatcher::interrupted, this, &DeleteCommand::onInterrupted);
    followJournal();
}

void DeleteCommand::followJournal()
{
    m_follower = new JournalFollower(client(), m_store, m_connection.config.projectId, this);
    m_follower->setTrackerTiming(trackerTiming(m_timing.pollIntervalMs, m_timing.giveUpAfterMs));
    m_follower->setIntentsToRecover(m_store->settlement.unknownIntents);
    const int pending = int(m_store->journal().entriesForProject(m_connection.config.projectId).size());
    if (pending > 0) {
        err() << tr("Following %Ln unfinished job(s) of this project from the journal first…", nullptr, pending)
              << Qt::endl;
    }
    connect(m_follower, &JournalFollower::runStarted, this, [this](DeletionRun *run) {
        connect(run, &DeletionRun::finished, this, [this, run] {
            const QStringList jobs = run->jobIds();
            err() << tr("Journal job %1: %2.").arg(jobs.value(0), run->result().summaryText()) << Qt::endl;
        });
    });
    connect(m_follower, &JournalFollower::finished, this, [this] {
        if (!m_interrupted)
            prepare();
    });
    m_follower->start();
}

void DeleteCommand::prepare()
{
    err() << tr("Looking up %Ln desktop(s)…", nullptr, int(m_request.desktopIds.size())) << Qt::endl;
    const ChangePreparation::Request request = preparationRequest(
        m_request.requestedIds.isEmpty() ? m_request.desktopIds : m_request.requestedIds);
    m_preparation = new ChangePreparation(client(), request, &m_store->journal(), this);
    connect(m_preparation, &ChangePreparation::retrying, this, &DeleteCommand::reportRetry);
    connect(m_preparation, &ChangePreparation::finished, this, &DeleteCommand::onPrepared);
    m_preparation->start();
}

ChangePreparation::Request DeleteCommand::preparationRequest(const QStringList &desktopIds) const
{
    ChangePreparation::Request request
        = ChangePreparation::requestFor(ReviewedChange::Delete, desktopIds, m_connection);
    request.audit = &m_store->audit();
    request.inFlight = &m_store->inFlight();
    request.choices.options = m_request.options;
    request.choices.leaveOutYearlyMonthly = !m_request.includeYearlyMonthly;
    request.choices.turnAutoscaleOffFirst = m_request.turnAutoscaleOffFirst;
    request.usersLookUpTimeoutMs = m_timing.giveUpAfterMs; // --timeout bounds the look-up as the rest
    return request;
}

void DeleteCommand::cancelPreparation()
{
    if (m_preparation)
        m_preparation->cancel();
}

void DeleteCommand::onPrepared()
{
    m_preparation->deleteLater();
    if (m_interrupted)
        return; // already reported
    if (!m_preparation->succeeded()) {
        failWithApiError(tr("Looking up the desktops failed; nothing was deleted."), m_preparation->error());
        return;
    }
    reviewReady(m_preparation->review(), m_preparation->poolsWarning(), m_preparation->poolsIncomplete(),
                m_preparation->usersListingWasIncomplete());
}

void DeleteCommand::reviewReady(const ChangeReview &review, const QString &poolsWarning, bool poolsIncomplete,
                                bool usersListingIncomplete)
{
    m_review = review;
    m_plan = m_review.deletionPlan();
    if (m_review.facts().usersListing == ChangeReview::UsersListing::Failed) // no count of users is given then
        m_impactExitCode = usersListingIncomplete ? ExitIncompleteListing : ExitApiError;
    m_poolsIncomplete = poolsIncomplete;
    printReview(poolsWarning);
    if (m_poolsIncomplete && m_request.turnAutoscaleOffFirst && !m_request.dryRun) {
        // The pools to stop first are not all known: stopping some would not keep the others
        // from creating desktops.
        err() << tr("The pools of the desktops could not all be found, so no pool was changed and nothing "
                    "was deleted.")
              << Qt::endl;
        finish(ExitIncompleteListing);
        return;
    }
    if (m_request.dryRun) {
        printPlan();
        return;
    }
    if (m_plan.isEmpty()) {
        err() << tr("Nothing to delete.") << Qt::endl;
        finish(ExitPartialFailure);
        return;
    }
    startDeletion();
}

void DeleteCommand::printReview(const QString &poolsWarning)
{
    bool yearlyMonthly = false;
    for (const QString &line : ChangeReviewText::leftOutLines(m_review))
        err() << tr("Not deleting %1.").arg(line) << Qt::endl;
    for (const LeftOutDesktop &desktop : m_review.leftOut())
        yearlyMonthly = yearlyMonthly || desktop.reason == LeftOutReason::YearlyMonthly;
    if (yearlyMonthly)
        err() << tr("Add --include-yearly-monthly to delete the desktops billed yearly/monthly all the same.")
              << Qt::endl;
    const QString repeated = ChangeReviewText::repeatedText(m_review);
    if (!repeated.isEmpty())
        err() << repeated << Qt::endl;
    if (!poolsWarning.isEmpty())
        err() << tr("Warning: %1").arg(poolsWarning) << Qt::endl;
    for (const QString &line : ChangeReviewText::usersLines(m_review))
        err() << line << Qt::endl;
    const QString groups = ChangeReviewText::groupsLine(m_review);
    if (!groups.isEmpty())
        err() << groups << Qt::endl;
    for (const QString &line : ChangeReviewText::poolsLines(m_review))
        err() << tr("Warning: %1").arg(line) << Qt::endl;
    if (!m_review.scalingPools().isEmpty() && !m_request.turnAutoscaleOffFirst)
        err() << tr("Add --turn-autoscale-off-first to turn their autoscale off first.") << Qt::endl;
    for (const QString &line : ChangeReviewText::warnings(m_review))
        err() << tr("Warning: %1").arg(line) << Qt::endl;
}

void DeleteCommand::printPlan()
{
    // What the real run would refuse, the dry run refuses too, before printing any request.
    const DeletionAfterAutoscaleOff deletion(client(), m_store, DeletionContext(), m_plan, m_review.poolsToStop());
    if (const QString problem = deletion.planningProblem(); !problem.isEmpty()) {
        err() << problem << Qt::endl;
        finish(ExitApiError);
        return;
    }
    err() << ChangeReviewText::dryRunSummary(m_review) << Qt::endl;
    for (const PlannedChangeRequest &request : m_review.plannedRequests()) {
        out() << QString::fromLatin1(request.method) << ' ' << m_review.urlOf(request).toString() << '\n'
              << QString::fromUtf8(request.body) << '\n';
    }
    if (m_poolsIncomplete) {
        finish(ExitIncompleteListing); // the pools that may scale are not all known
        return;
    }
    const int planExit = m_plan.isEmpty() || hasSkipped() ? ExitPartialFailure : ExitSuccess;
    // An impact that could not be known is never a clean dry run.
    finish(planExit == ExitSuccess && m_impactExitCode != ExitSuccess ? m_impactExitCode : planExit);
}

void DeleteCommand::startDeletion()
{
    if (m_timing.deadlineMs > 0)
        m_deadline = QDeadlineTimer(m_timing.deadlineMs);
    m_deletion = new DeletionAfterAutoscaleOff(client(), m_store, ChangePreparation::contextFor(m_connection),
                                               m_plan, m_review.poolsToStop(), this);
    if (m_timing.deadlineMs > 0)
        m_deletion->setDeadline(m_deadline);
    if (const QString problem = m_deletion->planningProblem(); !problem.isEmpty()) {
        err() << problem << ' ' << tr("Nothing was changed.") << Qt::endl;
        finish(ExitApiError);
        return;
    }
    if (ChangeRun *autoscale = m_deletion->autoscaleRun()) {
        err() << tr("Turning autoscale off first for %Ln pool(s)…", nullptr, autoscale->targetCount()) << Qt::endl;
        if (m_timing.deadlineMs > 0)
            autoscale->setDeadlineMs(m_timing.deadlineMs);
        connect(autoscale, &ChangeRun::requestFinished, this, [this, autoscale](int index) {
            const ChangeRun::Request &request = autoscale->requests().at(index);
            if (request.outcome == ChangeRun::Outcome::Done)
                err() << tr("Autoscale turned off: pool %1.").arg(request.targetIds().join(QLatin1String(", ")))
                      << Qt::endl;
        });
    }
    connect(m_deletion, &DeletionAfterAutoscaleOff::deletionReady, this, &DeleteCommand::followDeletion);
    connect(m_deletion, &DeletionAfterAutoscaleOff::notDeleted, this, [this](const QString &reason) {
        err() << reason << Qt::endl;
        const ChangeRun *autoscale = m_deletion->autoscaleRun();
        const PoolAutoscaleCheck *check = m_deletion->autoscaleCheck();
        if (!m_interrupted && check && !check->allOff()) {
            // Every change was accepted, yet a pool is not known to be off: the read-back could
            // not finish (incomplete), or the service contradicts its own answer.
            finish(check->listingIncomplete() ? ExitIncompleteListing : ExitApiError);
            return;
        }
        finish(m_interrupted || !autoscale ? ExitPartialFailure : ActionCommand::exitCodeFor(*autoscale));
    });
    m_deletion->start();
}

void DeleteCommand::followDeletion(DeletionRun *run)
{
    run->setParent(this);
    m_run = run;
    const DeletionPlan &plan = m_plan;
    if (m_timing.chunkGapMs >= 0)
        m_run->setChunkGapMs(m_timing.chunkGapMs);
    m_run->setTrackerTiming(trackerTiming(m_timing.pollIntervalMs, m_timing.giveUpAfterMs));
    if (m_timing.deadlineMs > 0)
        m_run->setDeadlineMs(int(std::max<qint64>(1, m_deadline.remainingTime())));

    const int requests = plan.chunkCount();
    connect(m_run, &DeletionRun::chunkSubmitted, this, [this, requests](int index, const QString &jobId) {
        const QLocale locale;
        err() << tr("Request %1 of %2 accepted: job %3.")
                     .arg(locale.toString(index + 1), locale.toString(requests), jobId)
              << Qt::endl;
    });
    connect(m_run, &DeletionRun::chunkFailed, this, [this, requests](int index, const ApiError &error) {
        const QLocale locale;
        err() << tr("Request %1 of %2 failed: %3")
                     .arg(locale.toString(index + 1), locale.toString(requests), error.details())
              << Qt::endl;
    });
    connect(m_run, &DeletionRun::desktopsNotSent, this,
            [this](const QStringList &ids, const QString &reason) {
                err() << tr("Not sent (%1): %2").arg(reason, ids.join(QLatin1String(", "))) << Qt::endl;
            });
    connect(m_run, &DeletionRun::jobProgress, this, [this](const QString &jobId, int percent) {
        err() << tr("Job %1: %2%").arg(jobId).arg(percent) << Qt::endl;
    });
    connect(m_run, &DeletionRun::jobGaveUp, this, [this](const QString &jobId, const QString &reason) {
        err() << tr("Stopped following job %1: %2").arg(jobId, reason) << Qt::endl;
    });
    connect(m_run, &DeletionRun::jobLost, this, [this](const QString &jobId, const QString &reason) {
        err() << tr("Job %1 can no longer be followed; its desktops' outcome is unknown (re-list them): %2")
                     .arg(jobId, reason)
              << Qt::endl;
    });
    connect(m_run, &DeletionRun::lostJobFound, this, [this, requests](int index, const QString &jobId) {
        const QLocale locale;
        err() << tr("Request %1 of %2 had no usable answer, but its job %3 was found: following it.")
                     .arg(locale.toString(index + 1), locale.toString(requests), jobId)
              << Qt::endl;
    });
    connect(m_run, &DeletionRun::lostJobNotFound, this, [this, requests](int index, const QString &reason) {
        const QLocale locale;
        err() << tr("Request %1 of %2 had no usable answer and no job of it was found; its desktops' outcome "
                    "is unknown (re-list them): %3")
                     .arg(locale.toString(index + 1), locale.toString(requests), reason)
              << Qt::endl;
    });
    connect(m_run, &DeletionRun::finished, this, &DeleteCommand::onRunFinished);
    err() << tr("Deleting %1 in %2…", "%1: desktops, %2: requests")
                 .arg(tr("%Ln desktop(s)", "count", int(plan.desktopIds().size())),
                      tr("%Ln request(s)", "count", requests))
          << Qt::endl;
}

void DeleteCommand::onRunFinished()
{
    QList<QStringList> rows;
    for (const DesktopResult &row : m_run->result().rows())
        rows.append({row.desktopId, row.desktopName, DeletionResult::outcomeName(row.outcome),
                     row.errorCode, row.jobId, row.reason});
    for (const LeftOutDesktop &desktop : m_review.leftOut())
        rows.append({desktop.desktopId, desktop.desktopName, QStringLiteral("skipped"), QString(),
                     desktop.jobId, desktop.reasonText()});
    // The reason last, where the table keeps it whole.
    out() << DesktopFormatter::alignedTable({QStringLiteral("DESKTOP_ID"), QStringLiteral("DESKTOP_NAME"),
                                             QStringLiteral("OUTCOME"), QStringLiteral("ERROR_CODE"),
                                             QStringLiteral("JOB_ID"), QStringLiteral("REASON")},
                                            rows);
    QString summary = m_run->result().summaryText();
    if (!m_review.leftOut().isEmpty())
        summary += tr(", %Ln skipped", nullptr, int(m_review.leftOut().size()));
    err() << summary << Qt::endl;
    finish(exitCodeForRun());
}

void DeleteCommand::onInterrupted()
{
    m_interrupted = true;
    if (m_run) {
        err() << tr("Interrupted: sending no more requests and no longer following the jobs. Jobs "
                    "already submitted go on on the server and stay in the journal. Press Ctrl+C "
                    "again to quit at once.")
              << Qt::endl;
        m_run->cancel(); // finished() follows once a request on the wire has its answer
        return;
    }
    if (m_deletion) {
        err() << tr("Interrupted while turning autoscale off: the request already sent is allowed to finish; "
                    "nothing is deleted.")
              << Qt::endl;
        m_deletion->cancel(); // notDeleted() follows
        return;
    }
    if (m_follower && !m_follower->isFinished())
        m_follower->cancel(); // its jobs stay in the journal
    cancelPreparation();
    err() << tr("Interrupted; nothing was deleted.") << Qt::endl;
    finish(ExitPartialFailure);
}

bool DeleteCommand::hasSkipped() const
{
    return m_review.leavesWorkUndone();
}

bool DeleteCommand::failedAtApi(const DeletionRun &run)
{
    // Judged on the settled outcome: a request without a usable answer whose job was found and
    // followed to its end is no failure.
    const bool refusedPost
        = std::any_of(run.chunks().cbegin(), run.chunks().cend(), [](const DeletionRun::Chunk &chunk) {
              return chunk.error.isError() && chunk.jobId.isEmpty();
          });
    return refusedPost || run.result().count(DeletionOutcome::Unknown) > 0;
}

int DeleteCommand::exitCodeForRun() const
{
    const DeletionResult &result = m_run->result();
    if (m_interrupted)
        return result.count(DeletionOutcome::Deleted) == result.size() && !hasSkipped()
            ? ExitSuccess
            : ExitPartialFailure;
    if (failedAtApi(*m_run))
        return ExitApiError;
    if (hasSkipped() || result.count(DeletionOutcome::Deleted) != result.size())
        return ExitPartialFailure;
    return ExitSuccess;
}
