#include "actioncommand.h"

#include "api/apiclient.h"
#include "api/requestsigner.h"
#include "deletion/deletionpreparation.h"
#include "deletion/deletionstore.h"
#include "desktopformatter.h"
#include "interruptwatcher.h"

ActionCommand::ActionCommand(ApiClient *client, Request request, ResolvedConnection connection,
                             QTextStream &out, QTextStream &err, QObject *parent)
    : CliCommand(client, out, err, parent)
    , m_request(std::move(request))
    , m_connection(std::move(connection))
{
    m_connection.credentials.clear(); // the client has its own copy
}

ActionCommand::~ActionCommand() = default;

void ActionCommand::start()
{
    QString error;
    m_store = DeletionStore::open(m_connection.dataDir, &error);
    if (!m_store) {
        err() << error << ' ' << tr("Nothing was sent.") << Qt::endl;
        finish(ExitUsageError);
        return;
    }
    for (const QString &notice : m_store->notices())
        err() << notice << Qt::endl;
    m_interruptWatcher = new InterruptWatcher(this);
    connect(m_interruptWatcher, &InterruptWatcher::interrupted, this, &ActionCommand::onInterrupted);
    prepare();
}

void ActionCommand::prepare()
{
    err() << tr("Looking up %Ln desktop(s)…", nullptr, int(m_request.desktopIds.size())) << Qt::endl;
    DeletionPreparation::Request request;
    request.desktopIds = m_request.requestedIds.isEmpty() ? m_request.desktopIds : m_request.requestedIds;
    request.projectId = m_connection.config.projectId;
    // No protected tags: maintenance and log-off are not destructive, so protection does not block
    // them; every other rule of the look-up applies as for delete.
    request.audit = &m_store->audit();
    request.inFlight = &m_store->inFlight();
    m_preparation = new DeletionPreparation(client(), request, &m_store->journal(), this);
    connect(m_preparation, &DeletionPreparation::retrying, this, &ActionCommand::reportRetry);
    connect(m_preparation, &DeletionPreparation::finished, this, &ActionCommand::onPrepared);
    m_preparation->start();
}

void ActionCommand::onPrepared()
{
    m_preparation->deleteLater();
    if (m_interrupted)
        return; // already reported
    if (!m_preparation->succeeded()) {
        failWithApiError(tr("Looking up the desktops failed; nothing was sent."), m_preparation->error());
        return;
    }
    const DeletionClassification &classification = m_preparation->classification();
    m_leftOut = classification.leftOut;
    for (const QString &line : DeletionClassifier::describe(m_leftOut))
        err() << tr("Leaving out %1.").arg(line) << Qt::endl;

    DeletionContext context;
    context.profileName = m_connection.isDemo ? QStringLiteral("demo") : m_connection.profileName;
    context.projectId = m_connection.config.projectId;
    context.endpointHost = QString::fromLatin1(RequestSigner::hostHeader(m_connection.config.endpoint));
    QList<ChangeTarget> targets;
    for (const Desktop &desktop : classification.deletable)
        targets.append({desktop.id, desktop.computerName});
    m_run = new ChangeRun(client(), m_store, context, ChangeKinds::forAction(m_request.action, m_request.message),
                          targets, this);
    m_run->setDeadlineMs(m_request.timeoutMs);
    if (m_request.dryRun) {
        printPlan();
        return;
    }
    if (targets.isEmpty()) {
        err() << tr("Nothing to send.") << Qt::endl;
        finish(ExitPartialFailure);
        return;
    }
    startRun();
}

void ActionCommand::startRun()
{
    connect(m_run, &ChangeRun::progress, this, [this](int done, int total) {
        err() << tr("%1: %2 of %3 desktops answered.")
                     .arg(m_run->kind().displayName)
                     .arg(done)
                     .arg(total)
              << Qt::endl;
    });
    connect(m_run, &ChangeRun::targetsNotSent, this, [this](const QStringList &ids, const QString &reason) {
        err() << tr("Not sent (%1): %2").arg(reason, ids.join(QLatin1String(", "))) << Qt::endl;
    });
    connect(m_run, &ChangeRun::finished, this, &ActionCommand::onRunFinished);
    m_run->start();
}

void ActionCommand::onInterrupted()
{
    m_interrupted = true;
    if (m_run && !m_request.dryRun) {
        err() << tr("Interrupted: sending no more requests; the request already sent is allowed to finish.")
              << Qt::endl;
        m_run->cancel(); // finished() follows
        return;
    }
    if (m_preparation)
        m_preparation->cancel();
    err() << tr("Interrupted; nothing was sent.") << Qt::endl;
    finish(ExitPartialFailure);
}

void ActionCommand::printPlan()
{
    const QList<PlannedRequest> planned = m_run->plannedRequests();
    err() << tr("Dry run: nothing is sent. %1 would be sent for %2.", "%1: requests, %2: desktops")
                 .arg(tr("%Ln request(s)", "count", int(planned.size())),
                      tr("%Ln desktop(s)", "count", m_run->targetCount()))
          << Qt::endl;
    for (const PlannedRequest &request : planned) {
        out() << QString::fromLatin1(request.method) << ' ' << client()->urlFor(request.path).toString() << '\n'
              << QString::fromUtf8(request.body) << '\n';
    }
    finish(planned.isEmpty() || DeletionClassifier::leavesWorkUndone(m_leftOut) ? ExitPartialFailure : ExitSuccess);
}

void ActionCommand::onRunFinished()
{
    QList<QStringList> rows;
    for (const ChangeRun::TargetOutcome &outcome : m_run->targetOutcomes())
        rows.append({outcome.target.id, outcome.target.name, ChangeRun::outcomeName(outcome.outcome),
                     outcome.error.errorCode, outcome.requestId, outcome.reason});
    for (const LeftOutDesktop &desktop : std::as_const(m_leftOut))
        rows.append({desktop.desktopId, desktop.desktopName, QStringLiteral("skipped"), QString(), QString(),
                     desktop.reasonText()});
    // Names beside the ids, and the reason last, where the table keeps it whole.
    out() << DesktopFormatter::alignedTable({QStringLiteral("DESKTOP_ID"), QStringLiteral("DESKTOP_NAME"),
                                             QStringLiteral("OUTCOME"), QStringLiteral("ERROR_CODE"),
                                             QStringLiteral("REQUEST_ID"), QStringLiteral("REASON")},
                                            rows);
    QString summary = m_run->summary();
    if (!m_leftOut.isEmpty())
        summary += QLatin1Char(' ') + tr("%Ln left out.", nullptr, int(m_leftOut.size()));
    err() << summary << Qt::endl;
    const int runCode = exitCodeFor(*m_run);
    finish(runCode == ExitSuccess && DeletionClassifier::leavesWorkUndone(m_leftOut) ? ExitPartialFailure : runCode);
}

int ActionCommand::exitCodeFor(const ChangeRun &run)
{
    // As for delete: a refused or unanswered request is the API's; a request left unsent (Ctrl+C,
    // the audit log) leaves the work partly done.
    if (!run.targetIds(ChangeRun::Outcome::Failed).isEmpty() || !run.targetIds(ChangeRun::Outcome::Unknown).isEmpty())
        return ExitApiError;
    if (!run.allDone())
        return ExitPartialFailure;
    return ExitSuccess;
}
