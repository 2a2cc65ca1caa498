#include "deletecommand.h"

#include "api/workspacejson.h"
#include "desktopformatter.h"
#include "interruptwatcher.h"

#ifdef WORKSPACE_HAVE_DELETION
#include "deletion/auditlog.h"
#include "deletion/deletionplan.h"
#include "deletion/deletionrun.h"
#include "deletion/jobjournal.h"
#include "deletion/recordsettlement.h"
#endif

#include <QDir>
#include <QLocale>

namespace {
// Ids per look-up request: keeps the repeated desktop_id query well under URL length limits.
constexpr int kLookUpBatch = 50;
} // namespace

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

bool DeleteCommand::canDelete()
{
#ifdef WORKSPACE_HAVE_DELETION
    return true;
#else
    return false;
#endif
}

bool DeleteCommand::isProtected(const Desktop &desktop, const QStringList &protectedTags)
{
    return tagsMatchAnyRule(desktop.tags, protectedTags);
}

void DeleteCommand::start()
{
    if (m_request.dryRun) {
        printDryRun();
        return;
    }
    if (!canDelete()) {
        err() << tr("This build cannot delete desktops; only --dry-run is available.") << Qt::endl;
        finish(ExitUsageError);
        return;
    }
    m_interruptWatcher = new InterruptWatcher(this);
    connect(m_interruptWatcher, &InterruptWatcher::interrupted, this, &DeleteCommand::onInterrupted);
    err() << tr("Looking up %Ln desktop(s)…", nullptr, int(m_request.desktopIds.size())) << Qt::endl;
    lookUpNextBatch();
}

void DeleteCommand::printDryRun()
{
    const QList<QStringList> chunks =
        DeleteRequest::chunks(m_request.desktopIds, BatchDeleteCall::kMaxDesktops);
    // One sentence per message, the counts inserted whole, so that translations can order them.
    err() << tr("Dry run: nothing is sent. %1 would be deleted in %2.", "%1: desktops, %2: requests")
                 .arg(tr("%Ln desktop(s)", "count", int(m_request.desktopIds.size())),
                      tr("%Ln request(s)", "count", int(chunks.size())))
          << Qt::endl;
    if (!m_connection.protectedTags.isEmpty())
        err() << tr("A real run first looks the desktops up and leaves out those tagged %1.")
                     .arg(m_connection.protectedTags.join(QLatin1String(", ")))
              << Qt::endl;
    const QUrl url = client()->urlFor(QStringLiteral("desktops/batch-delete"));
    for (const QStringList &chunk : chunks) {
        out() << "POST " << url.toString() << '\n'
              << QString::fromUtf8(WorkspaceJson::batchDeleteBody(chunk, m_request.options)) << '\n';
    }
    finish(ExitSuccess);
}

void DeleteCommand::lookUpNextBatch()
{
    if (m_lookUpOffset >= m_request.desktopIds.size()) {
        startDeletion();
        return;
    }
    DesktopQuery query;
    query.desktopIds = m_request.desktopIds.mid(m_lookUpOffset, kLookUpBatch);
    m_lookUpOffset += query.desktopIds.size();
    m_lookUp = new ListAllDesktopsCall(client(), query, this);
    connect(m_lookUp, &ListAllDesktopsCall::retrying, this, &DeleteCommand::reportRetry);
    connect(m_lookUp, &ListAllDesktopsCall::pageLoaded, this,
            [this](const QList<Desktop> &desktops) {
                for (const Desktop &desktop : desktops)
                    m_found.insert(desktop.id, desktop);
            });
    connect(m_lookUp, &ListAllDesktopsCall::finished, this, &DeleteCommand::onLookUpFinished);
    m_lookUp->start();
}

void DeleteCommand::onLookUpFinished()
{
    m_lookUp->deleteLater();
    if (m_interrupted)
        return; // already reported
    if (!m_lookUp->succeeded()) {
        failWithApiError(tr("Looking up the desktops failed; nothing was deleted."), m_lookUp->error());
        return;
    }
    lookUpNextBatch();
}

void DeleteCommand::startDeletion()
{
#ifdef WORKSPACE_HAVE_DELETION
    if (!QDir().mkpath(m_connection.dataDir)) {
        err() << tr("Cannot create the data directory %1; nothing was deleted.").arg(m_connection.dataDir)
              << Qt::endl;
        finish(ExitUsageError);
        return;
    }
    m_auditLog = std::make_unique<AuditLog>(AuditLog::defaultFilePath(m_connection.dataDir));
    m_journal = std::make_unique<JobJournal>(JobJournal::defaultFilePath(m_connection.dataDir));
    if (!m_journal->load())
        err() << m_journal->lastError() << Qt::endl;
    // Intents left without an outcome and journal entries that cannot be followed become
    // "outcome unknown" before this run reads the record.
    const SettlementReport settlement = RecordSettlement::settleAtStart(*m_auditLog, *m_journal);
    for (const QString &message : settlement.messages)
        err() << message << Qt::endl;

    QStringList deletable;
    QHash<QString, QString> names;
    for (const QString &id : std::as_const(m_request.desktopIds)) {
        const auto found = m_found.constFind(id);
        if (found == m_found.cend() || found->isGone())
            m_skipped.append({id, tr("not found")});
        else if (isProtected(*found, m_connection.protectedTags))
            m_skipped.append({id, tr("protected by a tag of the profile")});
        else if (found->isBeingDeleted())
            m_skipped.append({id, tr("already being deleted")});
        else {
            deletable.append(id);
            names.insert(id, found->computerName);
        }
    }
    for (const auto &[id, reason] : std::as_const(m_skipped))
        err() << tr("Not deleting %1: %2.").arg(id, reason) << Qt::endl;
    if (deletable.isEmpty()) {
        err() << tr("Nothing to delete.") << Qt::endl;
        finish(ExitPartialFailure);
        return;
    }

    DeletionContext context;
    context.profileName = m_connection.profileName;
    context.projectId = m_connection.config.projectId;
    context.endpointHost = QString::fromLatin1(RequestSigner::hostHeader(m_connection.config.endpoint));

    const DeletionPlan plan(deletable, m_request.options, names);
    m_run = new DeletionRun(client(), plan, context, m_auditLog.get(), m_journal.get(), this);
    if (m_timing.chunkGapMs >= 0)
        m_run->setChunkGapMs(m_timing.chunkGapMs);
    JobTracker::Timing trackerTiming;
    if (m_timing.pollIntervalMs > 0) {
        trackerTiming.initialIntervalMs = m_timing.pollIntervalMs;
        trackerTiming.maxIntervalMs = std::max(m_timing.pollIntervalMs,
                                               int(m_timing.pollIntervalMs * 7.5));
    }
    if (m_timing.giveUpAfterMs > 0)
        trackerTiming.giveUpAfterMs = m_timing.giveUpAfterMs;
    m_run->setTrackerTiming(trackerTiming);

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
    connect(m_run, &DeletionRun::finished, this, &DeleteCommand::onRunFinished);
    err() << tr("Deleting %1 in %2…", "%1: desktops, %2: requests")
                 .arg(tr("%Ln desktop(s)", "count", int(deletable.size())), tr("%Ln request(s)", "count", requests))
          << Qt::endl;
    m_run->start();
#endif
}

void DeleteCommand::onRunFinished()
{
#ifdef WORKSPACE_HAVE_DELETION
    QList<QStringList> rows;
    for (const DesktopResult &row : m_run->result().rows())
        rows.append({row.desktopId, row.desktopName, DeletionResult::outcomeName(row.outcome),
                     row.errorCode, row.reason, row.jobId});
    for (const auto &[id, reason] : std::as_const(m_skipped))
        rows.append({id, m_found.value(id).computerName, QStringLiteral("skipped"), QString(), reason,
                     QString()});
    out() << DesktopFormatter::alignedTable({QStringLiteral("DESKTOP_ID"), QStringLiteral("DESKTOP_NAME"),
                                             QStringLiteral("OUTCOME"), QStringLiteral("ERROR_CODE"),
                                             QStringLiteral("REASON"), QStringLiteral("JOB_ID")},
                                            rows);
    QString summary = m_run->result().summaryText();
    if (!m_skipped.isEmpty())
        summary += tr(", %Ln skipped", nullptr, int(m_skipped.size()));
    err() << summary << Qt::endl;
    finish(exitCodeForRun());
#endif
}

void DeleteCommand::onInterrupted()
{
    m_interrupted = true;
#ifdef WORKSPACE_HAVE_DELETION
    if (m_run) {
        err() << tr("Interrupted: sending no more requests and no longer following the jobs. Jobs "
                    "already submitted go on on the server and stay in the journal. Press Ctrl+C "
                    "again to quit at once.")
              << Qt::endl;
        m_run->cancel(); // finished() follows once a request on the wire has its answer
        return;
    }
#endif
    if (m_lookUp)
        m_lookUp->cancel();
    err() << tr("Interrupted; nothing was deleted.") << Qt::endl;
    finish(ExitPartialFailure);
}

int DeleteCommand::exitCodeForRun() const
{
#ifdef WORKSPACE_HAVE_DELETION
    const DeletionResult &result = m_run->result();
    if (m_interrupted)
        return result.count(DeletionOutcome::Deleted) == result.size() && m_skipped.isEmpty()
            ? ExitSuccess
            : ExitPartialFailure;
    // The API or the network failed: a refused or unanswered POST, or jobs whose end was not learned.
    if (m_run->postError().isError() || result.count(DeletionOutcome::Unknown) > 0)
        return ExitApiError;
    if (!m_skipped.isEmpty() || result.count(DeletionOutcome::Deleted) != result.size())
        return ExitPartialFailure;
    return ExitSuccess;
#else
    return ExitUsageError;
#endif
}
