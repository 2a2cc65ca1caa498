#include "actioncommand.h"

#include "api/apiclient.h"
#include "api/requestsigner.h"
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

ActionCommand::~ActionCommand()
{
    delete m_run; // before the audit log it writes to
}

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

    DeletionContext context;
    context.profileName = m_connection.isDemo ? QStringLiteral("demo") : m_connection.profileName;
    context.projectId = m_connection.config.projectId;
    context.endpointHost = QString::fromLatin1(RequestSigner::hostHeader(m_connection.config.endpoint));
    QList<ActionRecord::Target> targets;
    for (const QString &id : std::as_const(m_request.desktopIds))
        targets.append({id, QString()});
    m_run = new DecommissionActionRun(client(), m_store->audit.get(), context, m_request.action, targets, this);
    m_run->setLogoffMessage(m_request.message);
    if (m_request.dryRun) {
        printPlan();
        return;
    }
    m_interruptWatcher = new InterruptWatcher(this);
    connect(m_interruptWatcher, &InterruptWatcher::interrupted, this, [this] {
        err() << tr("Interrupted: sending no more requests; the one on the wire is let finish.") << Qt::endl;
        m_run->cancel();
    });
    connect(m_run, &DecommissionActionRun::progress, this, [this](int done, int total) {
        err() << tr("%1: %2 of %3 desktop(s) answered.")
                     .arg(DecommissionActionRun::actionDisplayName(m_request.action))
                     .arg(done)
                     .arg(total)
              << Qt::endl;
    });
    connect(m_run, &DecommissionActionRun::finished, this, &ActionCommand::onRunFinished);
    m_run->start();
}

void ActionCommand::printPlan()
{
    const QList<DecommissionActionRun::PlannedRequest> planned = m_run->plannedRequests();
    err() << tr("Dry run: nothing is sent. %1 would be sent for %2.", "%1: requests, %2: desktops")
                 .arg(tr("%Ln request(s)", "count", int(planned.size())),
                      tr("%Ln desktop(s)", "count", int(m_request.desktopIds.size())))
          << Qt::endl;
    for (const DecommissionActionRun::PlannedRequest &request : planned) {
        out() << QString::fromLatin1(request.method) << ' ' << client()->urlFor(request.path).toString() << '\n'
              << QString::fromUtf8(request.body) << '\n';
    }
    finish(ExitSuccess);
}

void ActionCommand::onRunFinished()
{
    QList<QStringList> rows;
    for (const ActionRequestOutcome &outcome : m_run->outcomes()) {
        QString kind;
        switch (outcome.kind) {
        case ActionRequestOutcome::Kind::Succeeded:
            kind = QStringLiteral("done");
            break;
        case ActionRequestOutcome::Kind::Failed:
            kind = QStringLiteral("failed");
            break;
        case ActionRequestOutcome::Kind::Unknown:
            kind = QStringLiteral("unknown");
            break;
        case ActionRequestOutcome::Kind::NotSent:
            kind = QStringLiteral("not_sent");
            break;
        }
        for (const QString &id : outcome.targetIds)
            rows.append({id, kind, outcome.error.errorCode, outcome.reason, outcome.requestId});
    }
    out() << DesktopFormatter::alignedTable({QStringLiteral("DESKTOP_ID"), QStringLiteral("OUTCOME"),
                                             QStringLiteral("ERROR_CODE"), QStringLiteral("REASON"),
                                             QStringLiteral("REQUEST_ID")},
                                            rows);
    err() << m_run->summary() << Qt::endl;
    finish(exitCodeFor(*m_run));
}

int ActionCommand::exitCodeFor(const DecommissionActionRun &run)
{
    // As for delete: a refused or unanswered request is the API's; a request left unsent (Ctrl+C,
    // the audit log) leaves the work partly done.
    if (!run.targetIds(ActionRequestOutcome::Kind::Failed).isEmpty()
        || !run.targetIds(ActionRequestOutcome::Kind::Unknown).isEmpty())
        return ExitApiError;
    if (!run.allSucceeded())
        return ExitPartialFailure;
    return ExitSuccess;
}
