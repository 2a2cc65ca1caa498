#include "deletecommand.h"

#include "api/apicalls.h"
#include "api/decommissioncalls.h"
#include "api/requestsigner.h"
#include "actioncommand.h"
#include "decommission/deletionafterautoscaleoff.h"
#include "decommission/deletionimpact.h"
#include "decommission/poolmembership.h"
#include "decommission/usersdesktopslookup.h"
#include "deletion/deletionplan.h"
#include "deletion/deletionpreparation.h"
#include "deletion/changerun.h"
#include "deletion/deletionrun.h"
#include "deletion/journalfollower.h"
#include "deletion/deletionstore.h"
#include "desktopformatter.h"
#include "interruptwatcher.h"

#include <QDeadlineTimer>
#include <QLocale>
#include <QSet>

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
    if (m_timing.giveUpAfterMs > 0)
        m_commandDeadline = QDeadlineTimer(m_timing.giveUpAfterMs); // the whole command's, from here
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
    DeletionPreparation::Request request;
    request.desktopIds = m_request.requestedIds.isEmpty() ? m_request.desktopIds : m_request.requestedIds;
    request.options = m_request.options;
    request.projectId = m_connection.config.projectId;
    request.protectedTags = m_connection.protectedTags;
    request.audit = &m_store->audit();
    request.inFlight = &m_store->inFlight();
    m_preparation = new DeletionPreparation(client(), request, &m_store->journal(), this);
    connect(m_preparation, &DeletionPreparation::retrying, this, &DeleteCommand::reportRetry);
    connect(m_preparation, &DeletionPreparation::finished, this, &DeleteCommand::onPrepared);
    m_preparation->start();
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
    m_leftOut = m_preparation->classification().leftOut;
    m_deletable = m_preparation->classification().deletable;
    m_plan = m_preparation->plan();
    const QStringList lines = DeletionClassifier::describe(m_leftOut);
    for (const QString &line : lines)
        err() << tr("Not deleting %1.").arg(line) << Qt::endl;
    if (!m_request.includeYearlyMonthly)
        leaveOutYearlyMonthly();
    if (m_request.dryRun) {
        lookUpImpact();
        return;
    }
    if (m_plan.isEmpty()) {
        err() << tr("Nothing to delete.") << Qt::endl;
        finish(ExitPartialFailure);
        return;
    }
    if (m_request.turnAutoscaleOffFirst) {
        lookUpPools(&DeleteCommand::startDeletion);
        return;
    }
    startDeletion();
}

void DeleteCommand::leaveOutYearlyMonthly()
{
    m_yearlyMonthly = DeletionImpact::billedYearlyMonthly(m_deletable);
    if (m_yearlyMonthly.isEmpty())
        return;
    QStringList ids;
    for (const Desktop &desktop : std::as_const(m_yearlyMonthly)) {
        ids.append(desktop.id);
        err() << tr("Not deleting %1 (%2): billed yearly/monthly; the console unsubscribes such desktops "
                    "(add --include-yearly-monthly to delete them all the same).")
                     .arg(desktop.id, desktop.computerName)
              << Qt::endl;
    }
    m_plan = m_plan.without(ids);
    m_deletable = DeletionImpact::withoutYearlyMonthly(m_deletable);
}

void DeleteCommand::lookUpImpact()
{
    // Every user of the selection, until their desktops are known.
    const QStringList users =
        m_request.options.deleteUsers ? DeletionImpact::userNamesOf(m_deletable) : QStringList();
    if (users.isEmpty()) {
        lookUpPools(&DeleteCommand::printImpact);
        return;
    }
    // Every desktop of these users, so that a user with another desktop is known to be kept.
    auto *lookUp = new UsersDesktopsLookUp(client(), users, this);
    if (m_timing.giveUpAfterMs > 0) // --timeout bounds the look-up as the rest of the run
        lookUp->setDeadline(QDeadlineTimer(m_timing.giveUpAfterMs));
    m_impactCall = lookUp;
    connect(lookUp, &UsersDesktopsLookUp::retrying, this, &DeleteCommand::reportRetry);
    connect(lookUp, &UsersDesktopsLookUp::finished, this, [this, lookUp] {
        lookUp->deleteLater();
        m_usersDesktops = lookUp->desktops();
        if (!lookUp->succeeded()) {
            // No count of users is given then: the dry run says the impact is unknown, and why.
            m_impactWarning = lookUp->failureText();
            m_impactExitCode = lookUp->wasIncomplete() ? ExitIncompleteListing : ExitApiError;
        }
        lookUpPools(&DeleteCommand::printImpact);
    });
    lookUp->start();
}

void DeleteCommand::lookUpPools(void (DeleteCommand::*next)())
{
    if (!PoolMembershipLookUp::involvesPools(m_deletable)) {
        (this->*next)();
        return;
    }
    // Which pool holds which desktop, from the pools' own desktop listings: a desktop's details
    // do not name its pool.
    auto *lookUp = new PoolMembershipLookUp(client(), m_deletable, this);
    m_impactCall = lookUp;
    if (m_timing.giveUpAfterMs > 0)
        lookUp->setDeadline(m_commandDeadline);
    connect(lookUp, &PoolMembershipLookUp::retrying, this, &DeleteCommand::reportRetry);
    connect(lookUp, &PoolMembershipLookUp::finished, this, [this, lookUp, next] {
        lookUp->deleteLater();
        m_pools = lookUp->pools();
        m_deletable = lookUp->placed(m_deletable);
        m_poolsIncomplete = !lookUp->isComplete();
        if (!lookUp->succeeded())
            err() << tr("Warning: the pools could not be listed: %1").arg(lookUp->error().summary()) << Qt::endl;
        for (const QString &problem : lookUp->problems())
            err() << tr("Warning: %1").arg(problem) << Qt::endl;
        if (m_poolsIncomplete && m_request.turnAutoscaleOffFirst && !m_request.dryRun) {
            // The pools to stop first are not all known: stopping some would not keep the others
            // from creating desktops.
            err() << tr("The pools of the desktops could not all be found, so no pool was changed and nothing "
                        "was deleted.")
                  << Qt::endl;
            finish(ExitIncompleteListing);
            return;
        }
        (this->*next)();
    });
    lookUp->start();
}

QList<DesktopPool> DeleteCommand::poolsToStopFirst() const
{
    if (!m_request.turnAutoscaleOffFirst)
        return {};
    return DeletionImpact::scalingPools(m_deletable, m_pools);
}

void DeleteCommand::printImpact()
{
    if (m_request.options.deleteUsers && !m_impactWarning.isEmpty()) {
        const QStringList users = DeletionImpact::userNamesOf(m_deletable);
        err() << tr("With --delete-users, the impact on users is unknown: the users' other desktops could not "
                    "all be listed (%1). Any of these %Ln user(s) may be deleted or kept:",
                    nullptr, int(users.size()))
                     .arg(m_impactWarning)
              << ' ' << users.join(QLatin1String(", ")) << Qt::endl;
    } else if (m_request.options.deleteUsers) {
        // The look-up by user name holds the selection's desktops too; the selection itself is the
        // classification's fresh state.
        const DeletionImpact::Users users = DeletionImpact::usersOf(m_deletable, m_usersDesktops);
        err() << tr("With --delete-users, %Ln user(s) would be deleted (no other desktop):", nullptr,
                    int(users.deleted.size()))
              << ' ' << users.deleted.join(QLatin1String(", ")) << Qt::endl;
        if (!users.kept.isEmpty()) {
            err() << tr("%Ln user(s) would be kept, since they have another desktop:", nullptr, int(users.kept.size()))
                  << ' ' << users.kept.join(QLatin1String(", ")) << Qt::endl;
        }
    }
    if (m_request.options.deleteUsers) {
        QSet<QString> groups;
        for (const Desktop &desktop : std::as_const(m_deletable))
            for (const QString &group : desktop.groupNames())
                groups.insert(group);
        QStringList names(groups.cbegin(), groups.cend());
        std::sort(names.begin(), names.end());
        if (!names.isEmpty())
            err() << tr("%Ln group(s) attached, not deleted with the desktops:", nullptr, int(names.size())) << ' '
                  << names.join(QLatin1String(", ")) << Qt::endl;
    }
    for (const DesktopPool &pool : DeletionImpact::scalingPools(m_deletable, m_pools)) {
        const QString name = pool.name.isEmpty() || pool.name == pool.id
            ? pool.id
            : tr("%1 (%2)", "pool name (pool id)").arg(pool.name, pool.id);
        if (m_request.turnAutoscaleOffFirst) {
            err() << tr("The pool %1 has autoscale on (or not known to be off): its autoscale would be turned "
                        "off before any desktop is deleted.")
                         .arg(name)
                  << Qt::endl;
        } else {
            err() << tr("Warning: the pool %1 has autoscale on (or not known to be off): it may create new "
                        "desktops after the deletion. Add --turn-autoscale-off-first to turn its autoscale off "
                        "first.")
                         .arg(name)
                  << Qt::endl;
        }
    }
    printPlan();
}

void DeleteCommand::printPlan()
{
    const DeletionPlan &plan = m_plan;
    // One sentence per message, the counts inserted whole, so that translations can order them.
    err() << tr("Dry run: nothing is sent. %1 would be deleted in %2.", "%1: desktops, %2: requests")
                 .arg(tr("%Ln desktop(s)", "count", int(plan.desktopIds().size())),
                      tr("%Ln request(s)", "count", plan.chunkCount()))
          << Qt::endl;
    // Exactly what a real run sends first: the same object plans it.
    const DeletionAfterAutoscaleOff deletion(client(), m_store, DeletionContext(), plan, poolsToStopFirst());
    if (const QString problem = deletion.planningProblem(); !problem.isEmpty()) {
        // What the real run would refuse, the dry run refuses too, before printing any request.
        err() << problem << Qt::endl;
        finish(ExitApiError);
        return;
    }
    const QList<PlannedRequest> autoscale = deletion.plannedAutoscaleRequests();
    if (!autoscale.isEmpty()) {
        err() << tr("First, autoscale would be turned off in %1; if a pool cannot be stopped, nothing is "
                    "deleted.", "%1: requests")
                     .arg(tr("%Ln request(s)", "count", int(autoscale.size())))
              << Qt::endl;
    }
    for (const PlannedRequest &request : autoscale) {
        out() << QString::fromLatin1(request.method) << ' ' << client()->urlFor(request.path).toString() << '\n'
              << QString::fromUtf8(request.body) << '\n';
    }
    const QUrl url = client()->urlFor(QStringLiteral("desktops/batch-delete"));
    for (int index = 0; index < plan.chunkCount(); ++index)
        out() << "POST " << url.toString() << '\n' << QString::fromUtf8(plan.requestBody(index)) << '\n';
    if (m_poolsIncomplete) {
        finish(ExitIncompleteListing); // the pools that may scale are not all known
        return;
    }
    const int planExit = plan.isEmpty() || hasSkipped() ? ExitPartialFailure : ExitSuccess;
    // An impact that could not be known is never a clean dry run.
    finish(planExit == ExitSuccess && m_impactExitCode != ExitSuccess ? m_impactExitCode : planExit);
}

void DeleteCommand::startDeletion()
{
    DeletionContext context;
    context.profileName = m_connection.isDemo ? QStringLiteral("demo") : m_connection.profileName;
    context.projectId = m_connection.config.projectId;
    context.endpointHost = QString::fromLatin1(RequestSigner::hostHeader(m_connection.config.endpoint));

    if (m_timing.deadlineMs > 0)
        m_deadline = QDeadlineTimer(m_timing.deadlineMs);
    m_deletion = new DeletionAfterAutoscaleOff(client(), m_store, context, m_plan, poolsToStopFirst(), this);
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
    for (const LeftOutDesktop &desktop : std::as_const(m_leftOut))
        rows.append({desktop.desktopId, desktop.desktopName, QStringLiteral("skipped"), QString(),
                     desktop.jobId, desktop.reasonText()});
    for (const Desktop &desktop : std::as_const(m_yearlyMonthly))
        rows.append({desktop.id, desktop.computerName, QStringLiteral("skipped"), QString(), QString(),
                     tr("billed yearly/monthly")});
    // The reason last, where the table keeps it whole.
    out() << DesktopFormatter::alignedTable({QStringLiteral("DESKTOP_ID"), QStringLiteral("DESKTOP_NAME"),
                                             QStringLiteral("OUTCOME"), QStringLiteral("ERROR_CODE"),
                                             QStringLiteral("JOB_ID"), QStringLiteral("REASON")},
                                            rows);
    QString summary = m_run->result().summaryText();
    if (!m_leftOut.isEmpty() || !m_yearlyMonthly.isEmpty())
        summary += tr(", %Ln skipped", nullptr, int(m_leftOut.size() + m_yearlyMonthly.size()));
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
    if (m_preparation)
        m_preparation->cancel();
    if (m_impactCall)
        m_impactCall->deleteLater(); // a look-up of the dry run: nothing to wait for
    err() << tr("Interrupted; nothing was deleted.") << Qt::endl;
    finish(ExitPartialFailure);
}

bool DeleteCommand::hasSkipped() const
{
    return !m_yearlyMonthly.isEmpty() || DeletionClassifier::leavesWorkUndone(m_leftOut);
}

int DeleteCommand::exitCodeForRun() const
{
    const DeletionResult &result = m_run->result();
    if (m_interrupted)
        return result.count(DeletionOutcome::Deleted) == result.size() && !hasSkipped()
            ? ExitSuccess
            : ExitPartialFailure;
    // The API or the network failed: a refused or unanswered POST, or jobs whose end was not learned.
    // Judged on the settled outcome: a request without a usable answer whose job was found and
    // followed to its end is no failure.
    const bool refusedPost = std::any_of(m_run->chunks().cbegin(), m_run->chunks().cend(),
                                         [](const DeletionRun::Chunk &chunk) {
                                             return chunk.error.isError() && chunk.jobId.isEmpty();
                                         });
    if (refusedPost || result.count(DeletionOutcome::Unknown) > 0)
        return ExitApiError;
    if (hasSkipped() || result.count(DeletionOutcome::Deleted) != result.size())
        return ExitPartialFailure;
    return ExitSuccess;
}
