#include "allregionschangecommand.h"

#include "actioncommand.h"
#include "api/iamcalls.h"
#include "api/serverinput.h"
#include "clioptions.h"
#include "decommission/deletionafterautoscaleoff.h"
#include "decommission/retirementrun.h"
#include "decommission/retirementsettlement.h"
#include "deletecommand.h"
#include "deletion/deletionrun.h"
#include "deletion/journalfollower.h"
#include "interruptwatcher.h"
#include "review/changereviewtext.h"
#include "review/multiprojectchange.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace {
QStringList outcomeHeader(ReviewedChange kind)
{
    const QStringList where { QStringLiteral("REGION"), QStringLiteral("PROJECT_ID"),
        QStringLiteral("DESKTOP_ID"), QStringLiteral("DESKTOP_NAME"), QStringLiteral("OUTCOME") };
    if (kind == ReviewedChange::Retire || kind == ReviewedChange::Restore)
        return where + QStringList { QStringLiteral("STATE"), QStringLiteral("REASON") };
    return where
        + QStringList { QStringLiteral("ERROR_CODE"),
              kind == ReviewedChange::Delete ? QStringLiteral("JOB_ID")
                                             : QStringLiteral("REQUEST_ID"),
              QStringLiteral("REASON") };
}
} // namespace

AllRegionsChangeCommand::AllRegionsChangeCommand(AccountAccess access,
    ResolvedConnection connection, Options options, QTextStream& out, QTextStream& err,
    QObject* parent)
    : CliCommand(nullptr, out, err, parent)
    , m_access(std::move(access))
    , m_connection(std::move(connection))
    , m_options(std::move(options))
{
    m_connection.credentials.clear(); // the account access has its own copy
}

AllRegionsChangeCommand::~AllRegionsChangeCommand()
{
    m_access.credentials.clear();
}

void AllRegionsChangeCommand::start()
{
    m_store = openRecord(m_connection.dataDir);
    if (!m_store)
        return;
    if (m_options.kind == ReviewedChange::Retire || m_options.kind == ReviewedChange::Restore) {
        // As `retire` does: a retirement the app ended half-way is named before another starts.
        for (const QString& settled : RetirementSettlement::settleAtStart(m_store->audit()))
            err() << settled << Qt::endl;
    }
    m_interruptWatcher = new InterruptWatcher(this);
    connect(m_interruptWatcher, &InterruptWatcher::interrupted, this,
        &AllRegionsChangeCommand::onInterrupted);
    err() << tr("Finding %Ln desktop(s) in the account's Workspace projects…", nullptr,
        int(m_options.requestedIds.size()))
          << Qt::endl;
    m_iam = m_access.iamClient();
    startCall(new ListAuthProjectsCall(m_iam.get(), this),
        [this](ListAuthProjectsCall* call) { onProjectsListed(call); });
}

void AllRegionsChangeCommand::onProjectsListed(ListAuthProjectsCall* call)
{
    call->deleteLater();
    if (m_interrupted)
        return;
    if (!call->succeeded()) {
        failWithApiError(
            tr("IAM could not list the account's projects; nothing was sent."), call->error());
        return;
    }
    const QList<WorkspaceProject> projects
        = MultiProjectChange::projectsOf(call->result(), m_access);
    if (projects.isEmpty()) {
        err() << tr("The access key sees no Workspace project; nothing was sent.") << Qt::endl;
        finish(ExitUsageError);
        return;
    }
    if (isDeletion())
        followJournal(projects);
    else
        prepare(projects);
}

void AllRegionsChangeCommand::followJournal(const QList<WorkspaceProject>& projects)
{
    // As `delete` does in its one project: what the journal says is being deleted ends first,
    // so that the review sees it deleted, or failed, rather than in an unfinished job.
    m_follower = new AccountJournalFollower(m_access, projects, m_store, this);
    m_follower->setTrackerTiming(
        DeleteCommand::trackerTiming(m_options.pollIntervalMs, m_options.timeoutMs));
    m_follower->setIntentsToRecover(m_store->settlement.unknownIntents);
    const AccountJournalShare share = m_follower->share();
    if (share.jobCount > 0)
        err() << tr("Following %Ln unfinished job(s) of the account's projects from the journal "
                    "first…",
            nullptr, share.jobCount)
              << Qt::endl;
    if (const QString unreachable = share.unreachableText(); !unreachable.isEmpty())
        err() << ServerInput::forTerminal(unreachable) << Qt::endl;
    connect(m_follower, &AccountJournalFollower::runStarted, this, [this](DeletionRun* run) {
        connect(run, &DeletionRun::finished, this, [this, run] {
            const QString region = run->context().region.isEmpty() ? run->context().projectId
                                                                  : run->context().region;
            err() << tr("%1: journal job %2: %3.")
                         .arg(ServerInput::forTerminal(region), run->jobIds().value(0),
                             run->result().summaryText())
                  << Qt::endl;
        });
    });
    connect(m_follower, &AccountJournalFollower::finished, this, [this, projects] {
        if (!m_interrupted)
            prepare(projects);
    });
    m_follower->start();
}

void AllRegionsChangeCommand::prepare(const QList<WorkspaceProject>& projects)
{
    MultiProjectChange::Request request;
    request.kind = m_options.kind;
    for (const QString& id : std::as_const(m_options.requestedIds))
        request.desktops.append({ QString(), id });
    if (isDeletion())
        request.protectedTags = m_connection.protectedTags;
    request.choices = m_options.choices;
    request.lookUpTimeoutMs = m_options.timeoutMs;
    DeletionContext context;
    context.profileName = m_connection.isDemo ? QStringLiteral("demo") : m_connection.profileName;
    m_change = new MultiProjectChange(m_access, projects, m_store, context, request, this);
    connect(m_change, &MultiProjectChange::retrying, this, &AllRegionsChangeCommand::reportRetry);
    connect(m_change, &MultiProjectChange::prepared, this, &AllRegionsChangeCommand::onPrepared);
    m_change->prepare();
}

QString AllRegionsChangeCommand::where(int part) const
{
    const MultiProjectChange::Part& share = *m_change->parts().at(size_t(part));
    return tr("%1 (project %2)").arg(ServerInput::forTerminal(share.label()), share.project.id);
}

void AllRegionsChangeCommand::onPrepared()
{
    if (m_interrupted)
        return;
    const QStringList failures = m_change->lookUpFailures();
    if (!failures.isEmpty()) {
        for (const QString& failure : failures)
            err() << ServerInput::forTerminal(failure) << Qt::endl;
        err() << tr("Not every project could be looked up, so nothing was sent.") << Qt::endl;
        finish(ExitApiError);
        return;
    }
    printReview();
    bool poolsIncomplete = false;
    for (const std::unique_ptr<MultiProjectChange::Part>& part : m_change->parts()) {
        poolsIncomplete = poolsIncomplete || part->poolsIncomplete;
        if (part->review.facts().usersListing == ChangeReview::UsersListing::Failed
            && m_impactExitCode == 0)
            m_impactExitCode = part->usersListingIncomplete ? ExitIncompleteListing : ExitApiError;
    }
    if (poolsIncomplete && m_options.choices.turnAutoscaleOffFirst && !m_options.dryRun) {
        err() << tr(
            "The pools of the desktops could not all be found, so no pool was changed and nothing "
            "was deleted.")
              << Qt::endl;
        finish(ExitIncompleteListing);
        return;
    }
    if (const QString problem = m_change->planningProblem(); !problem.isEmpty()) {
        err() << problem << ' ' << tr("Nothing was sent.") << Qt::endl;
        finish(ExitApiError);
        return;
    }
    if (m_options.dryRun) {
        printPlan();
        if (poolsIncomplete) {
            finish(ExitIncompleteListing);
            return;
        }
        const bool undone
            = m_change->leavesWorkUndone() || (isDeletion() && m_change->targetCount() == 0);
        const int planExit = undone ? ExitPartialFailure : ExitSuccess;
        finish(planExit == ExitSuccess && m_impactExitCode != ExitSuccess ? m_impactExitCode
                                                                          : planExit);
        return;
    }
    if (m_change->targetCount() == 0) {
        err() << (isDeletion() ? tr("Nothing to delete.") : tr("Nothing to send.")) << Qt::endl;
        finish(isDeletion() || m_change->leavesWorkUndone() ? ExitPartialFailure : ExitSuccess);
        return;
    }
    startRun();
}

void AllRegionsChangeCommand::printReview()
{
    // The grouped heading first, then each project's review as the single-project commands print
    // it.
    err() << ChangeReviewText::heading(m_change->combinedReview()) << Qt::endl;
    const QString shares = ChangeReviewText::projectsText(m_change->shares());
    if (!shares.isEmpty())
        err() << ServerInput::forTerminal(shares) << Qt::endl;
    for (const MultiProjectChange::Unplaced& desktop : m_change->unplaced())
        err() << tr("Leaving out %1: %2.")
                     .arg(desktop.desktopId, ServerInput::forTerminal(desktop.reasonText()))
              << Qt::endl;
    bool yearlyMonthly = false;
    bool scalingPools = false;
    for (int index = 0; index < int(m_change->parts().size()); ++index) {
        const MultiProjectChange::Part& part = *m_change->parts().at(size_t(index));
        const ChangeReview& review = part.review;
        err() << tr("%1: %2").arg(where(index), ChangeReviewText::countsText(review)) << Qt::endl;
        QStringList lines;
        for (const QString& line : ChangeReviewText::leftOutLines(review))
            lines << tr("Leaving out %1.").arg(line);
        for (const LeftOutDesktop& desktop : review.leftOut())
            yearlyMonthly = yearlyMonthly || desktop.reason == LeftOutReason::YearlyMonthly;
        lines << ChangeReviewText::repeatedText(review);
        if (!part.poolsWarning.isEmpty())
            lines << tr("Warning: %1").arg(part.poolsWarning);
        lines << ChangeReviewText::usersLines(review) << ChangeReviewText::groupsLine(review);
        for (const QString& line : ChangeReviewText::poolsLines(review))
            lines << tr("Warning: %1").arg(line);
        scalingPools = scalingPools || !review.scalingPools().isEmpty();
        for (const QString& line : ChangeReviewText::warnings(review))
            lines << tr("Warning: %1").arg(line);
        for (const QString& line : std::as_const(lines)) {
            if (!line.isEmpty())
                err() << QLatin1String("  ") << ServerInput::forTerminal(line) << Qt::endl;
        }
    }
    if (yearlyMonthly)
        err() << QCoreApplication::translate("DeleteCommand",
            "Add --include-yearly-monthly to delete the desktops billed yearly/monthly all the "
            "same.")
              << Qt::endl;
    if (scalingPools && !m_options.choices.turnAutoscaleOffFirst)
        err() << QCoreApplication::translate(
            "DeleteCommand", "Add --turn-autoscale-off-first to turn their autoscale off first.")
              << Qt::endl;
}

void AllRegionsChangeCommand::printPlan()
{
    err() << ChangeReviewText::dryRunSummary(
        m_options.kind, m_change->targetCount(), m_change->requestCount())
          << Qt::endl;
    if (m_options.format == DesktopFormatter::Format::Json) {
        // Every planned request with its project, for scripts.
        QJsonArray requests;
        for (const std::unique_ptr<MultiProjectChange::Part>& part : m_change->parts()) {
            for (const PlannedChangeRequest& request : part->review.plannedRequests()) {
                requests.append(QJsonObject {
                    { QStringLiteral("region"), part->project.region },
                    { QStringLiteral("project_id"), part->project.id },
                    { QStringLiteral("method"), QString::fromLatin1(request.method) },
                    { QStringLiteral("url"), part->review.urlOf(request).toString() },
                    { QStringLiteral("desktop_count"), request.desktopCount },
                    { QStringLiteral("body"), QJsonDocument::fromJson(request.body).object() },
                });
            }
        }
        out() << DesktopFormatter::jsonText(requests);
        return;
    }
    // As the single-project dry run prints them, each URL naming its own endpoint and project.
    for (const std::unique_ptr<MultiProjectChange::Part>& part : m_change->parts()) {
        for (const PlannedChangeRequest& request : part->review.plannedRequests()) {
            out() << QString::fromLatin1(request.method) << ' '
                  << part->review.urlOf(request).toString() << '\n'
                  << QString::fromUtf8(request.body) << '\n';
        }
    }
}

void AllRegionsChangeCommand::startRun()
{
    m_change->setDeadlineMs(m_options.timeoutMs);
    connect(m_change, &MultiProjectChange::changeRunReady, this, [this](int part, ChangeRun* run) {
        err() << tr("%1: %2 for %Ln desktop(s)…", nullptr, run->targetCount())
                     .arg(where(part), run->kind().displayName)
              << Qt::endl;
        connect(run, &ChangeRun::targetsNotSent, this,
            [this, part](const QStringList& ids, const QString& reason) {
                err() << tr("%1: not sent (%2): %3")
                             .arg(where(part), reason, ids.join(QLatin1String(", ")))
                      << Qt::endl;
            });
    });
    connect(m_change, &MultiProjectChange::deletionReady, this,
        [this](int part, DeletionAfterAutoscaleOff* deletion) {
            if (ChangeRun* autoscale = deletion->autoscaleRun())
                err() << tr("%1: turning autoscale off first for %Ln pool(s)…", nullptr,
                    autoscale->targetCount())
                             .arg(where(part))
                      << Qt::endl;
            connect(deletion, &DeletionAfterAutoscaleOff::notDeleted, this,
                [this, part](
                    const QString& reason) { err() << where(part) << ": " << reason << Qt::endl; });
        });
    connect(
        m_change, &MultiProjectChange::deletionRunReady, this, [this](int part, DeletionRun* run) {
            run->setTrackerTiming(
                DeleteCommand::trackerTiming(m_options.pollIntervalMs, m_options.timeoutMs));
            err() << tr(
                "%1: deleting %Ln desktop(s)…", nullptr, int(run->plan().desktopIds().size()))
                         .arg(where(part))
                  << Qt::endl;
            connect(
                run, &DeletionRun::chunkSubmitted, this, [this, part](int, const QString& jobId) {
                    err() << tr("%1: request accepted: job %2.").arg(where(part), jobId)
                          << Qt::endl;
                });
            connect(run, &DeletionRun::chunkFailed, this, [this, part](int, const ApiError& error) {
                err() << tr("%1: request failed: %2")
                             .arg(where(part),
                                 ServerInput::forTerminal(
                                     error.details(), ServerInput::LineBreaks::Keep))
                      << Qt::endl;
            });
            connect(run, &DeletionRun::jobLost, this,
                [this, part](const QString& jobId, const QString& reason) {
                    err() << tr("%1: job %2 can no longer be followed; its desktops' outcome is "
                                "unknown (re-list them): %3")
                                 .arg(where(part), jobId, reason)
                          << Qt::endl;
                });
        });
    connect(m_change, &MultiProjectChange::retirementRunReady, this,
        [this](int part, RetirementRun* run) {
            connect(run, &RetirementRun::stepStarted, this,
                [this, part](int batch, RetirementRun::Step step) {
                    err() << tr("%1: batch %2: %3…")
                                 .arg(where(part))
                                 .arg(batch + 1)
                                 .arg(RetirementRun::stepName(step))
                          << Qt::endl;
                });
        });
    connect(
        m_change, &MultiProjectChange::partNotSent, this, [this](int part, const QString& reason) {
            err() << tr("%1: nothing sent: %2").arg(where(part), reason) << Qt::endl;
        });
    connect(m_change, &MultiProjectChange::finished, this, &AllRegionsChangeCommand::onFinished);
    m_change->run();
}

QList<QStringList> AllRegionsChangeCommand::outcomeRows() const
{
    // A retirement's rows have no request id column: the state stands where the error code does.
    const bool retirement
        = m_options.kind == ReviewedChange::Retire || m_options.kind == ReviewedChange::Restore;
    const auto desktopRow = [retirement](QStringList row) {
        if (retirement)
            row.removeAt(4);
        return row;
    };
    QList<QStringList> rows;
    for (const std::unique_ptr<MultiProjectChange::Part>& part : m_change->parts()) {
        QList<QStringList> partRows;
        if (part->changeRun) {
            partRows = ActionCommand::outcomeRows(*part->changeRun);
        } else if (part->retirementRun) {
            partRows = ActionCommand::outcomeRows(*part->retirementRun);
        } else if (part->deletionRun) {
            for (const DesktopResult& row : part->deletionRun->result().rows())
                partRows.append({ row.desktopId, row.desktopName,
                    DeletionResult::outcomeName(row.outcome), row.errorCode, row.jobId,
                    row.reason });
        } else {
            const QString reason
                = part->notSentReason.isEmpty() ? part->notDeletedReason : part->notSentReason;
            for (const Desktop& desktop : part->review.targets())
                partRows.append(desktopRow({ desktop.id, desktop.computerName,
                    ChangeRun::outcomeName(ChangeRun::Outcome::NotSent), QString(), QString(),
                    reason }));
        }
        for (const LeftOutDesktop& desktop : part->review.leftOut())
            partRows.append(desktopRow({ desktop.desktopId, desktop.desktopName,
                QStringLiteral("skipped"), QString(), desktop.jobId, desktop.reasonText() }));
        const QStringList project { part->project.region, part->project.id };
        for (const QStringList& row : std::as_const(partRows))
            rows.append(project + row);
    }
    for (const MultiProjectChange::Unplaced& desktop : m_change->unplaced())
        rows.append(QStringList { QString(), QString() }
            + desktopRow({ desktop.desktopId, QString(), QStringLiteral("skipped"), QString(),
                QString(), desktop.reasonText() }));
    return rows;
}

void AllRegionsChangeCommand::onFinished()
{
    out() << DesktopFormatter::formatRows(
        outcomeHeader(m_options.kind), outcomeRows(), m_options.format);
    for (int index = 0; index < int(m_change->parts().size()); ++index) {
        const MultiProjectChange::Part& part = *m_change->parts().at(size_t(index));
        if (part.changeRun)
            err() << tr("%1: %2").arg(where(index), part.changeRun->summary()) << Qt::endl;
        else if (part.deletionRun)
            err() << tr("%1: %2").arg(where(index), part.deletionRun->result().summaryText())
                  << Qt::endl;
        else if (part.retirementRun) {
            for (const QString& line : part.retirementRun->unfinishedLines())
                err() << where(index) << ": " << line << Qt::endl;
            err() << tr("%1: %2").arg(where(index), part.retirementRun->summary()) << Qt::endl;
        }
    }
    finish(exitCodeForRun());
}

int AllRegionsChangeCommand::exitCodeForRun() const
{
    bool apiError = false;
    bool undone = m_change->leavesWorkUndone() || !m_change->stopReason().isEmpty();
    for (const std::unique_ptr<MultiProjectChange::Part>& part : m_change->parts()) {
        if (part->changeRun) {
            const int code = ActionCommand::exitCodeFor(*part->changeRun);
            apiError = apiError || code == ExitApiError;
            undone = undone || code != ExitSuccess;
        } else if (part->retirementRun) {
            const int code = ActionCommand::exitCodeFor(*part->retirementRun);
            apiError = apiError || code == ExitApiError;
            undone = undone || code != ExitSuccess;
        } else if (part->deletionRun) {
            const DeletionResult& result = part->deletionRun->result();
            apiError = apiError || DeleteCommand::failedAtApi(*part->deletionRun);
            undone = undone || result.count(DeletionOutcome::Deleted) != result.size();
        } else if (part->deletion && part->deletion->autoscaleRun()) {
            // A pool could not be turned off: nothing of this project was deleted.
            apiError = apiError
                || ActionCommand::exitCodeFor(*part->deletion->autoscaleRun()) == ExitApiError;
            undone = true;
        }
    }
    if (apiError && !m_interrupted)
        return ExitApiError;
    return undone ? ExitPartialFailure : ExitSuccess;
}

void AllRegionsChangeCommand::onInterrupted()
{
    m_interrupted = true;
    if (m_change && m_change->isRunning()) {
        err() << tr(
            "Interrupted: sending no more requests to any project; the request already sent is "
            "allowed "
            "to finish. Jobs already submitted go on on the server and stay in the journal.")
              << Qt::endl;
        m_change->cancel(); // finished() follows
        return;
    }
    if (m_change)
        m_change->cancel();
    if (m_follower)
        m_follower->cancel(); // the jobs stay in the journal
    err() << tr("Interrupted; nothing was sent.") << Qt::endl;
    finish(ExitPartialFailure);
}

std::optional<CliInvocation> AllRegionsChangeCommand::invocation(
    Options options, const CliCommandLine& line, QString* usageError)
{
    const std::optional<DesktopFormatter::Format> format
        = DesktopFormatter::formatFromName(line.value(CliOptions::Name::format));
    if (!format)
        return refuse(usageError,
            CliText::tr("Unknown format “%1”; use table, csv or json.")
                .arg(line.value(CliOptions::Name::format)));
    options.format = *format;
    CliInvocation invocation;
    invocation.reach = CliInvocation::Reach::Account;
    invocation.create = [options](const CliRunContext& context,
                            QString* usageError) -> std::unique_ptr<CliCommand> {
        if (context.connection.iamEndpoint.isEmpty()) {
            *usageError = CliText::tr(
                "--all-regions needs the region whose IAM lists the account's projects: use "
                "--region or a profile with a region.");
            return nullptr;
        }
        return std::make_unique<AllRegionsChangeCommand>(
            context.accountAccess(), context.connection, options, context.out, context.err);
    };
    return invocation;
}

bool AllRegionsChangeCommand::refusesFormatWithoutAllRegions(
    const CliCommandLine& line, QString* usageError)
{
    if (!line.isSet(CliOptions::Name::format) || line.isSet(CliOptions::Name::allRegions))
        return false;
    *usageError = CliText::tr(
        "--format applies to delete, maintenance and logoff only with --all-regions.");
    return true;
}
