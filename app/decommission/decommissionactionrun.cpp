#include "decommissionactionrun.h"

#include "api/decommissioncalls.h"
#include "api/decommissionjson.h"
#include "deletion/auditlog.h"

#include <QJsonObject>
#include <QTimer>
#include <QUuid>

namespace {
ActionRequestOutcome::Kind kindOf(const ApiError &error)
{
    if (!error.isError())
        return ActionRequestOutcome::Kind::Succeeded;
    // No usable answer: the service may have made the change. Unlike a batch delete, a 409 here is
    // a plain refusal — these requests are never re-sent, so it cannot answer an earlier copy.
    if (error.isAmbiguous())
        return ActionRequestOutcome::Kind::Unknown;
    if (error.kind == ApiError::Kind::Configuration || error.kind == ApiError::Kind::Cancelled)
        return ActionRequestOutcome::Kind::NotSent;
    return ActionRequestOutcome::Kind::Failed;
}

QString unknownAdvice()
{
    return QCoreApplication::translate("DecommissionActionRun",
                                       "Outcome unknown — re-list before deciding; the request is not re-sent.");
}
} // namespace

DecommissionActionRun::DecommissionActionRun(ApiClient *client, AuditLog *audit, DeletionContext context,
                                             DecommissionAction action, QList<ActionRecord::Target> targets,
                                             QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_audit(audit)
    , m_context(std::move(context))
    , m_action(action)
    , m_targets(std::move(targets))
    , m_runId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    qRegisterMetaType<ActionRequestOutcome>();
}

DecommissionActionRun::~DecommissionActionRun()
{
    // A request still on the wire: its answer will never be read, so its outcome is unknown.
    if (m_call && !m_call->isFinished()) {
        disconnect(m_call, nullptr, this, nullptr);
        ActionRecord::appendOutcomeUnknown(*m_audit, m_runId, m_next - 1,
                                           tr("The app stopped waiting for the answer."), QString());
    }
}

QString DecommissionActionRun::actionKey(DecommissionAction action)
{
    switch (action) {
    case DecommissionAction::StartMaintenance:
        return QLatin1String(ActionRecord::kMaintenanceOn);
    case DecommissionAction::EndMaintenance:
        return QLatin1String(ActionRecord::kMaintenanceOff);
    case DecommissionAction::LogOff:
        return QLatin1String(ActionRecord::kLogoff);
    case DecommissionAction::TurnAutoscaleOff:
        return QLatin1String(ActionRecord::kAutoscaleOff);
    }
    return {};
}

QString DecommissionActionRun::actionDisplayName(DecommissionAction action)
{
    switch (action) {
    case DecommissionAction::StartMaintenance:
        return tr("Start maintenance");
    case DecommissionAction::EndMaintenance:
        return tr("End maintenance");
    case DecommissionAction::LogOff:
        return tr("Log users off");
    case DecommissionAction::TurnAutoscaleOff:
        return tr("Turn autoscale off");
    }
    return {};
}

QList<QList<ActionRecord::Target>> DecommissionActionRun::requests() const
{
    const int size = m_action == DecommissionAction::TurnAutoscaleOff ? 1 : kMaxDesktopsPerRequest;
    QList<QList<ActionRecord::Target>> requests;
    for (qsizetype i = 0; i < m_targets.size(); i += size)
        requests.append(m_targets.mid(i, size));
    return requests;
}

void DecommissionActionRun::start()
{
    if (m_started)
        return;
    m_started = true;
    m_requests = requests();
    // Always asynchronous, so that a caller connects to finished() after start() safely.
    QTimer::singleShot(0, this, &DecommissionActionRun::sendNext);
}

void DecommissionActionRun::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    if (!m_call) { // between requests: stop now
        leaveRestUnsent(tr("Cancelled before it was sent."));
        finish();
    }
}

QStringList DecommissionActionRun::targetIds(ActionRequestOutcome::Kind kind) const
{
    QStringList ids;
    for (const ActionRequestOutcome &outcome : m_outcomes) {
        if (outcome.kind == kind)
            ids += outcome.targetIds;
    }
    return ids;
}

bool DecommissionActionRun::allSucceeded() const
{
    return m_finished && targetIds(ActionRequestOutcome::Kind::Succeeded).size() == m_targets.size();
}

QList<DecommissionActionRun::PlannedRequest> DecommissionActionRun::plannedRequests() const
{
    QList<PlannedRequest> planned;
    for (const QList<ActionRecord::Target> &targets : requests()) {
        QStringList ids;
        for (const ActionRecord::Target &target : targets)
            ids.append(target.id);
        switch (m_action) {
        case DecommissionAction::StartMaintenance:
        case DecommissionAction::EndMaintenance:
            planned.append({QByteArrayLiteral("PUT"), QStringLiteral("desktops/maintenance-mode"),
                            DecommissionJson::maintenanceModeBody(ids, m_action == DecommissionAction::StartMaintenance)});
            break;
        case DecommissionAction::LogOff:
            planned.append({QByteArrayLiteral("POST"), QStringLiteral("desktops/logoff"),
                            DecommissionJson::logoffBody(ids, m_message)});
            break;
        case DecommissionAction::TurnAutoscaleOff:
            planned.append({QByteArrayLiteral("PUT"), QStringLiteral("desktop-pools/") + ids.value(0),
                            DecommissionJson::poolAutoscaleBody(false)});
            break;
        }
    }
    return planned;
}

ApiCall *DecommissionActionRun::createCall(const QStringList &ids)
{
    switch (m_action) {
    case DecommissionAction::StartMaintenance:
    case DecommissionAction::EndMaintenance:
        return new SetMaintenanceModeCall(m_client, ids, m_action == DecommissionAction::StartMaintenance, this);
    case DecommissionAction::LogOff:
        return new LogoffDesktopsCall(m_client, ids, m_message, this);
    case DecommissionAction::TurnAutoscaleOff:
        return new UpdatePoolAutoscaleCall(m_client, ids.value(0), false, this);
    }
    return nullptr;
}

void DecommissionActionRun::sendNext()
{
    if (m_finished)
        return;
    if (m_cancelled) {
        leaveRestUnsent(tr("Cancelled before it was sent."));
        finish();
        return;
    }
    if (m_next >= m_requests.size() || !m_client) {
        if (m_next < m_requests.size())
            leaveRestUnsent(tr("The connection was closed before it was sent."));
        finish();
        return;
    }
    if (m_action == DecommissionAction::LogOff) {
        // A message the service would refuse is refused here, before an intent is written or
        // anything sent (a 120 KB text would otherwise be audited and sent with each request).
        if (const std::optional<QString> problem = DecommissionJson::logoffMessageProblem(m_message)) {
            leaveRestUnsent(*problem);
            finish();
            return;
        }
    }
    const int chunk = m_next++;
    const QList<ActionRecord::Target> &targets = m_requests.at(chunk);
    QStringList ids;
    for (const ActionRecord::Target &target : targets)
        ids.append(target.id);
    QJsonObject parameters;
    if (m_action == DecommissionAction::LogOff)
        parameters.insert(QLatin1String("message"), m_message);
    const bool pools = m_action == DecommissionAction::TurnAutoscaleOff;
    if (!ActionRecord::appendIntent(*m_audit, m_context, m_runId, chunk, actionKey(m_action),
                                    pools ? QStringLiteral("pools") : QStringLiteral("desktops"), targets,
                                    parameters)) {
        // Without its intent on record the request is not sent, nor any after it.
        m_next = chunk;
        leaveRestUnsent(tr("Not sent: the audit log could not be written (%1).").arg(m_audit->lastError()));
        finish();
        return;
    }
    m_call = createCall(ids);
    m_call->setProperty("chunk", chunk);
    m_call->setProperty("ids", ids);
    connect(m_call, &ApiCall::finished, this, &DecommissionActionRun::onCallFinished);
    m_call->start();
}

void DecommissionActionRun::onCallFinished()
{
    ApiCall *call = m_call;
    if (!call)
        return;
    m_call.clear();
    call->deleteLater();
    const int chunk = call->property("chunk").toInt();
    ActionRequestOutcome outcome;
    outcome.targetIds = call->property("ids").toStringList();
    outcome.error = call->error();
    outcome.requestId = call->succeeded() ? call->requestId() : call->error().requestId;
    outcome.kind = kindOf(outcome.error);
    switch (outcome.kind) {
    case ActionRequestOutcome::Kind::Succeeded:
        ActionRecord::appendSucceeded(*m_audit, m_runId, chunk, outcome.requestId);
        break;
    case ActionRequestOutcome::Kind::Failed:
        outcome.reason = outcome.error.summary();
        ActionRecord::appendFailed(*m_audit, m_runId, chunk, outcome.error);
        break;
    case ActionRequestOutcome::Kind::Unknown:
        outcome.reason = outcome.error.summary() + QLatin1Char(' ') + unknownAdvice();
        ActionRecord::appendOutcomeUnknown(*m_audit, m_runId, chunk, outcome.error.summary(), outcome.requestId);
        break;
    case ActionRequestOutcome::Kind::NotSent:
        outcome.reason = outcome.error.summary();
        ActionRecord::appendNotSent(*m_audit, m_runId, chunk, outcome.reason);
        break;
    }
    record(std::move(outcome));
    sendNext();
}

void DecommissionActionRun::record(ActionRequestOutcome outcome)
{
    m_done += int(outcome.targetIds.size());
    m_outcomes.append(outcome);
    Q_EMIT requestFinished(m_outcomes.constLast());
    Q_EMIT progress(m_done, int(m_targets.size()));
}

void DecommissionActionRun::leaveRestUnsent(const QString &reason)
{
    // Requests never announced by an intent need no outcome line: the log never heard of them.
    for (int chunk = m_next; chunk < m_requests.size(); ++chunk) {
        ActionRequestOutcome outcome;
        for (const ActionRecord::Target &target : m_requests.at(chunk))
            outcome.targetIds.append(target.id);
        outcome.kind = ActionRequestOutcome::Kind::NotSent;
        outcome.reason = reason;
        record(std::move(outcome));
    }
    m_next = int(m_requests.size());
}

void DecommissionActionRun::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished();
}

QString DecommissionActionRun::summary() const
{
    const int succeeded = int(targetIds(ActionRequestOutcome::Kind::Succeeded).size());
    const int failed = int(targetIds(ActionRequestOutcome::Kind::Failed).size());
    const int unknown = int(targetIds(ActionRequestOutcome::Kind::Unknown).size());
    const int notSent = int(targetIds(ActionRequestOutcome::Kind::NotSent).size());
    return tr("%1: %2 done, %3 failed, %4 outcome unknown, %5 not sent.")
        .arg(actionDisplayName(m_action))
        .arg(succeeded)
        .arg(failed)
        .arg(unknown)
        .arg(notSent);
}
