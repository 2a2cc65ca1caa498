#include "changerun.h"

#include "api/apicall.h"
#include "api/apiclient.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QUuid>

namespace {
QString unknownAdvice()
{
    return ChangeRun::tr("Re-list before deciding; the request is not sent again.");
}
QJsonArray failuresJson(const QList<TargetFailure> &failures)
{
    QJsonArray array;
    for (const TargetFailure &failure : failures)
        array.append(QJsonObject{{QLatin1String("id"), failure.targetId},
                                 {QLatin1String("error_code"), failure.errorCode},
                                 {QLatin1String("error_msg"), failure.errorMessage}});
    return array;
}
} // namespace

QList<TargetFailure> ChangeRun::refusedTargets(const Request &request, const ApiCall &call) const
{
    if (!m_kind.acceptedTargetFailures)
        return {};
    // The answer is untrusted: only targets of this request count, each once.
    QSet<QString> ofRequest;
    for (const ChangeTarget &target : request.targets)
        ofRequest.insert(target.id);
    QList<TargetFailure> failures;
    for (const TargetFailure &failure : m_kind.acceptedTargetFailures(call)) {
        if (!ofRequest.remove(failure.targetId))
            continue;
        failures.append(failure);
    }
    return failures;
}

QString ChangeRun::targetFailureReason(const TargetFailure &failure)
{
    return failure.errorCode.isEmpty()
        ? tr("The service refused this desktop: %1").arg(failure.errorMessage.left(1000))
        : tr("The service refused this desktop with %1: %2").arg(failure.errorCode.left(255), failure.errorMessage.left(1000));
}

QStringList ChangeRun::Request::targetIds() const
{
    QStringList ids;
    ids.reserve(targets.size());
    for (const ChangeTarget &target : targets)
        ids.append(target.id);
    return ids;
}

ChangeRun::ChangeRun(ApiClient *client, DeletionStorePtr store, DeletionContext context, ChangeKind kind,
                     QList<ChangeTarget> targets, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(std::move(store))
    , m_context(std::move(context))
    , m_kind(std::move(kind))
    , m_runId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    // Each target once, in the order given: a request names no target twice.
    QSet<QString> seen;
    targets.removeIf([&seen](const ChangeTarget &target) {
        if (seen.contains(target.id))
            return true;
        seen.insert(target.id);
        return false;
    });
    m_targetCount = int(targets.size());
    m_targets = targets;
    split(targets);
    m_gapTimer.setSingleShot(true);
    connect(&m_gapTimer, &QTimer::timeout, this, &ChangeRun::sendNext);
    m_deadlineTimer.setSingleShot(true);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &ChangeRun::expire);
}

ChangeRun::~ChangeRun()
{
    if (!m_call)
        return;
    // Its answer will never be read here: the outcome is unknown, and the record says so. The
    // call is let finish on its own (aborting it would not undo the change, only hide its answer).
    m_call->disconnect(this);
    // It lives no longer than its client: a client destroyed first (the app ending) takes it along.
    m_call->setParent(m_client.data());
    connect(m_call, &ApiCall::finished, m_call, &QObject::deleteLater);
    if (m_sending >= 0 && m_store)
        m_store->audit().appendOutcomeUnknown(audited(m_sending),
                                              tr("The app stopped waiting for the answer; the change may or may "
                                                 "not have been made."),
                                              QStringLiteral("app_ended"));
}

void ChangeRun::split(const QList<ChangeTarget> &targets)
{
    m_requests.clear();
    for (const QList<ChangeTarget> &chunk : m_kind.chunksOf(targets)) {
        Request request;
        request.targets = chunk;
        m_requests.append(request);
    }
}

void ChangeRun::leaveOut(const QStringList &targetIds, const QString &reason)
{
    if (m_started || targetIds.isEmpty())
        return;
    const QSet<QString> out(targetIds.cbegin(), targetIds.cend());
    QList<ChangeTarget> kept;
    QStringList left;
    for (const Request &request : std::as_const(m_requests)) {
        for (const ChangeTarget &target : request.targets) {
            if (out.contains(target.id))
                left.append(target.id);
            else
                kept.append(target);
        }
    }
    if (left.isEmpty())
        return;
    split(kept);
    m_leftOut.append({left, reason});
    if (m_store)
        m_store->audit().appendNotSent({m_kind.name, m_runId, -1, m_context.projectId, left}, reason, m_context.region);
}

void ChangeRun::start()
{
    if (m_started)
        return;
    m_started = true;
    if (m_deadlineMs > 0)
        m_deadlineTimer.start(m_deadlineMs);
    m_gapTimer.start(0);
}

void ChangeRun::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    m_started = true; // a cancelled run never starts
    stopSending(m_sentCount == 0 && !m_call ? tr("Cancelled before sending.") : tr("Cancelled before it was sent."));
}

void ChangeRun::expire()
{
    if (m_finished || m_expired)
        return;
    m_expired = true;
    m_deadlineTimer.stop();
    if (m_call) {
        // Ends the call at once; its finished() brings the outcome (unknown: it was on the wire).
        m_call->cancel();
        return;
    }
    stopSending(tr("Not sent: the deadline passed first."));
}

bool ChangeRun::refuseTargets()
{
    if (!m_kind.refusal)
        return false;
    QList<ChangeTarget> kept;
    QStringList refused;
    for (const Request &request : std::as_const(m_requests)) {
        for (const ChangeTarget &target : request.targets) {
            const QString reason = m_kind.refusal(target.id);
            if (reason.isEmpty()) {
                kept.append(target);
                continue;
            }
            refused.append(target.id);
            m_leftOut.append({{target.id}, reason});
            m_store->audit().appendNotSent({m_kind.name, m_runId, -1, m_context.projectId, {target.id}}, reason,
                                           m_context.region);
            Q_EMIT targetsNotSent({target.id}, reason);
        }
    }
    if (refused.isEmpty())
        return false;
    // A change the service would take only in part is not started: nothing is sent.
    split(kept);
    stopSending(tr("Not sent: %n target(s) of this change cannot be sent, so none is.", nullptr,
                   int(refused.size())));
    return true;
}

void ChangeRun::sendNext()
{
    if (m_finished || m_stopped || m_call)
        return;
    if (!m_store) {
        stopSending(tr("No audit log is configured."));
        return;
    }
    if (m_next == 0 && m_sentCount == 0 && refuseTargets())
        return;
    if (m_next >= m_requests.size()) {
        finishIfDone();
        return;
    }
    if (!m_client) {
        stopSending(tr("The connection was closed before it was sent."));
        return;
    }
    const int index = m_next++;
    Request &request = m_requests[index];
    request.sentAt = QDateTime::currentDateTimeUtc();
    AuditLog &audit = m_store->audit();
    if (!audit.appendIntent(m_context, m_kind, m_runId, index, request.targets)) {
        // No record of the intent, no request: an unrecorded change is worse than none.
        m_next = index;
        m_firstError = ApiError::configuration(audit.lastError());
        stopSending(tr("Not sent: the audit log could not be written (%1).").arg(audit.lastError()));
        return;
    }
    // What the journal has gathered reaches the disk before the next request leaves.
    m_store->journal().flush();
    request.outcome = Outcome::Sending;
    m_sending = index;
    ApiCall *call = m_kind.send(m_client, request.targetIds());
    call->setParent(this);
    m_call = call;
    connect(call, &ApiCall::finished, this, [this, call] { onCallFinished(call); }, Qt::SingleShotConnection);
    ++m_sentCount;
    Q_EMIT requestSent(index);
    call->start();
}

AuditedRequest ChangeRun::audited(int index) const
{
    return {m_kind.name, m_runId, index, m_context.projectId, m_requests.at(index).targetIds()};
}

void ChangeRun::onCallFinished(ApiCall *call)
{
    call->deleteLater();
    m_call = nullptr;
    const int index = m_sending;
    m_sending = -1;
    Request &request = m_requests[index];
    const ApiError error = call->error();
    request.error = error;
    request.requestId = call->succeeded() ? call->requestId() : error.requestId;
    AuditLog &audit = m_store->audit();
    const AuditedRequest record = audited(index);
    // Ended by the deadline while on the wire: it may have been carried out.
    const bool abandoned = m_expired && error.kind == ApiError::Kind::Cancelled && error.cancelledInFlight;
    QString stopReason;
    if (call->succeeded()) {
        request.outcome = Outcome::Done;
        if (m_kind.acceptedJobId)
            request.jobId = m_kind.acceptedJobId(*call);
        request.targetFailures = refusedTargets(request, *call);
        audit.appendDone(record, request.requestId, request.jobId, failuresJson(request.targetFailures));
    } else if (error.kind == ApiError::Kind::Configuration
               || (error.kind == ApiError::Kind::Cancelled && !error.cancelledInFlight)) {
        // Refused by the app before it left: nothing happened at the service.
        request.outcome = Outcome::NotSent;
        request.reason = error.summary();
        audit.appendNotSent(record, request.reason);
        stopReason = tr("Not sent: an earlier request could not be sent (%1).").arg(error.summary());
    } else if (abandoned || m_kind.isUnknownOutcome(error)) {
        request.outcome = Outcome::Unknown;
        QString ambiguity = QStringLiteral("no_usable_answer");
        if (abandoned) {
            ambiguity = QStringLiteral("deadline");
            request.reason = tr("No answer came before the deadline; the change may or may not have been made.");
        } else {
            if (!error.isAmbiguous())
                ambiguity = QStringLiteral("conflict_after_possible_resend");
            request.reason = error.summary();
        }
        request.reason += QLatin1Char(' ') + unknownAdvice();
        audit.appendOutcomeUnknown(record, request.reason, ambiguity, error);
        stopReason = tr("Not sent: an earlier request may or may not have been carried out, so nothing more of "
                        "this change is sent. Re-list before deciding.");
    } else {
        request.outcome = Outcome::Failed;
        request.reason = error.summary();
        audit.appendFailed(record, error);
        stopReason = tr("Not sent: an earlier request was refused (%1), so nothing more of this change is sent.")
                         .arg(error.summary());
    }
    if (request.outcome != Outcome::Done && !m_firstError.isError())
        m_firstError = error;
    Q_EMIT requestFinished(index);
    emitProgress();
    if (!stopReason.isEmpty())
        stopSending(stopReason);
    else if (m_expired)
        stopSending(tr("Not sent: the deadline passed first."));
    else if (m_cancelled)
        stopSending(tr("Cancelled before it was sent."));
    else if (m_next < m_requests.size())
        m_gapTimer.start(std::max(0, m_gapMs));
    else
        finishIfDone();
}

void ChangeRun::stopSending(const QString &reason)
{
    m_stopped = true;
    m_gapTimer.stop();
    QStringList notSent;
    for (qsizetype index = m_next; index < m_requests.size(); ++index) {
        Request &request = m_requests[index];
        if (request.outcome != Outcome::Pending)
            continue;
        request.outcome = Outcome::NotSent;
        request.reason = reason;
        notSent += request.targetIds();
    }
    m_next = int(m_requests.size());
    if (!notSent.isEmpty()) {
        if (m_store)
            m_store->audit().appendNotSent({m_kind.name, m_runId, -1, m_context.projectId, notSent}, reason,
                                           m_context.region);
        Q_EMIT targetsNotSent(notSent, reason);
        emitProgress();
    }
    finishIfDone();
}

void ChangeRun::emitProgress()
{
    int settled = 0;
    for (const Request &request : std::as_const(m_requests)) {
        if (request.outcome != Outcome::Pending && request.outcome != Outcome::Sending)
            settled += int(request.targets.size());
    }
    for (const LeftOut &left : std::as_const(m_leftOut))
        settled += int(left.targetIds.size());
    Q_EMIT progress(settled, m_targetCount);
}

void ChangeRun::finishIfDone()
{
    if (m_finished || m_call || m_next < m_requests.size())
        return;
    m_finished = true;
    m_deadlineTimer.stop();
    Q_EMIT finished();
}

QStringList ChangeRun::targetIds(Outcome outcome) const
{
    QStringList ids;
    for (const TargetOutcome &target : targetOutcomes()) {
        if (target.outcome == outcome)
            ids.append(target.target.id);
    }
    return ids;
}

QList<ChangeRun::TargetOutcome> ChangeRun::targetOutcomes() const
{
    QHash<QString, TargetOutcome> byId;
    for (const LeftOut &left : m_leftOut) {
        for (const QString &id : left.targetIds) {
            TargetOutcome &outcome = byId[id];
            outcome.outcome = Outcome::NotSent;
            outcome.reason = left.reason;
        }
    }
    for (qsizetype index = 0; index < m_requests.size(); ++index) {
        const Request &request = m_requests.at(index);
        for (const ChangeTarget &target : request.targets) {
            TargetOutcome &outcome = byId[target.id];
            outcome.outcome = request.outcome;
            outcome.reason = request.reason;
            outcome.error = request.error;
            outcome.requestId = request.requestId;
            outcome.request = int(index);
        }
        for (const TargetFailure &failure : request.targetFailures) {
            TargetOutcome &outcome = byId[failure.targetId];
            outcome.outcome = Outcome::Failed;
            outcome.reason = targetFailureReason(failure);
            outcome.error = ApiError();
            outcome.error.errorCode = failure.errorCode;
            outcome.error.errorMessage = failure.errorMessage;
        }
    }
    QList<TargetOutcome> outcomes;
    outcomes.reserve(m_targets.size());
    for (const ChangeTarget &target : m_targets) {
        TargetOutcome outcome = byId.value(target.id);
        outcome.target = target;
        outcomes.append(outcome);
    }
    return outcomes;
}

bool ChangeRun::allDone() const
{
    return m_finished && targetIds(Outcome::Done).size() == m_targetCount;
}

QList<PlannedRequest> ChangeRun::plannedRequests() const
{
    QList<PlannedRequest> planned;
    for (const Request &request : m_requests)
        planned.append(m_kind.plan(request.targetIds()));
    return planned;
}

QString ChangeRun::summary() const
{
    return tr("%1: %2 done, %3 failed, %4 outcome unknown, %5 not sent.")
        .arg(m_kind.displayName)
        .arg(targetIds(Outcome::Done).size())
        .arg(targetIds(Outcome::Failed).size())
        .arg(targetIds(Outcome::Unknown).size())
        .arg(targetIds(Outcome::NotSent).size());
}

QString ChangeRun::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Pending:
        return QStringLiteral("pending");
    case Outcome::Sending:
        return QStringLiteral("sending");
    case Outcome::Done:
        return QStringLiteral("done");
    case Outcome::Failed:
        return QStringLiteral("failed");
    case Outcome::Unknown:
        return QStringLiteral("unknown");
    case Outcome::NotSent:
        return QStringLiteral("not_sent");
    }
    return {};
}
