// MultiProjectChange's running: the projects' runs one after another under the one policy, one
// deadline and one cancel for the whole.
#include "multiprojectchange.h"

#include "decommission/deletionafterautoscaleoff.h"
#include "decommission/retirementrun.h"
#include "deletion/auditlog.h"
#include "deletion/deletionpreparation.h"
#include "review/reviewedretirement.h"

#include <QUuid>

void MultiProjectChange::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    cancelUsersLookUps();
    if (!m_running) {
        // Nothing was sent; nothing is reported after a cancelled preparation.
        for (const QPointer<QObject>& call : std::as_const(m_calls)) {
            if (!call)
                continue;
            call->disconnect(this);
            if (auto* lookUp = qobject_cast<DeletionPreparation*>(call))
                lookUp->cancel();
            else if (auto* preparation = qobject_cast<ChangePreparation*>(call))
                preparation->cancel();
        }
        return;
    }
    if (m_stopReason.isEmpty())
        m_stopReason = QCoreApplication::translate("ChangeRun", "Cancelled before it was sent.");
    for (const std::unique_ptr<Part>& part : m_parts) {
        if (part->changeRun && !part->changeRun->isFinished())
            part->changeRun->cancel();
        if (part->retirementRun && !part->retirementRun->isFinished())
            part->retirementRun->cancel();
        if (part->deletion && !part->deletionRun)
            part->deletion->cancel();
        if (part->deletionRun && part->deletionRun->state() != DeletionRun::State::Finished)
            part->deletionRun->cancel();
    }
}

void MultiProjectChange::run()
{
    if (!canRun())
        return;
    m_running = true;
    cancelUsersLookUps(); // confirmed while they ran: the review confirmed is what is sent
    if (m_deadlineMs > 0)
        m_deadline = QDeadlineTimer(m_deadlineMs);
    // From the event loop, as every run starts: no signal inside run().
    QMetaObject::invokeMethod(this, &MultiProjectChange::runNext, Qt::QueuedConnection);
}

void MultiProjectChange::runNext()
{
    while (m_next < int(m_parts.size())) {
        const int index = m_next++;
        if (m_parts.at(size_t(index))->review.targetCount() == 0)
            continue;
        if (m_stopReason.isEmpty() && m_deadlineMs > 0 && m_deadline.hasExpired())
            m_stopReason
                = QCoreApplication::translate("ChangeRun", "Not sent: the deadline passed first.");
        if (!m_stopReason.isEmpty()) {
            leaveOutPart(index, m_stopReason);
            continue;
        }
        if (m_request.kind == ReviewedChange::Delete)
            startDeletion(index);
        else if (m_parts.at(size_t(index))->review.isRetirement())
            startRetirement(index);
        else
            startChangeRun(index);
        return;
    }
    m_sendingFinished = true;
    Q_EMIT sendingFinished();
    checkFinished();
}

void MultiProjectChange::startChangeRun(int index)
{
    Part& part = *m_parts.at(size_t(index));
    auto* run = new ChangeRun(part.client.get(), m_store, contextFor(m_context, part.project),
        part.review.changeKind(), part.review.actionTargets(), this);
    if (m_deadlineMs > 0)
        run->setDeadlineMs(int(std::max<qint64>(1, m_deadline.remainingTime())));
    part.changeRun = run;
    Q_EMIT changeRunReady(index, run);
    connect(run, &ChangeRun::finished, this,
        [this, index, run] { onPartSent(index, run->allDone()); });
    run->start();
}

void MultiProjectChange::startRetirement(int index)
{
    Part& part = *m_parts.at(size_t(index));
    RetirementRun* run = retirementRunFor(
        part.client.get(), m_store, contextFor(m_context, part.project), part.review, this);
    if (m_deadlineMs > 0)
        run->setDeadlineMs(int(std::max<qint64>(1, m_deadline.remainingTime())));
    part.retirementRun = run;
    Q_EMIT retirementRunReady(index, run);
    connect(run, &RetirementRun::finished, this, [this, index, run] {
        const QList<RetirementRun::DesktopOutcome> outcomes = run->outcomes();
        const bool allDone = std::none_of(outcomes.cbegin(), outcomes.cend(),
            [](const RetirementRun::DesktopOutcome& outcome) { return outcome.stopped; });
        onPartSent(index, allDone);
    });
    run->start();
}

void MultiProjectChange::startDeletion(int index)
{
    Part& part = *m_parts.at(size_t(index));
    auto* deletion = new DeletionAfterAutoscaleOff(part.client.get(), m_store,
        contextFor(m_context, part.project), part.review.deletionPlan(), part.review.poolsToStop(),
        this);
    part.deletion = deletion;
    if (m_deadlineMs > 0) {
        deletion->setDeadline(m_deadline);
        if (ChangeRun* autoscale = deletion->autoscaleRun())
            autoscale->setDeadlineMs(int(std::max<qint64>(1, m_deadline.remainingTime())));
    }
    connect(
        deletion, &DeletionAfterAutoscaleOff::deletionReady, this, [this, index](DeletionRun* run) {
            Part& part = *m_parts.at(size_t(index));
            part.deletionRun = run;
            if (m_deadlineMs > 0)
                run->setDeadlineMs(int(std::max<qint64>(1, m_deadline.remainingTime())));
            connect(run, &DeletionRun::sendingFinished, this, [this, index, run] {
                onPartSent(index, run->changeRun() && run->changeRun()->allDone());
            });
            connect(run, &DeletionRun::finished, this, &MultiProjectChange::checkFinished);
            Q_EMIT deletionRunReady(index, run);
        });
    connect(deletion, &DeletionAfterAutoscaleOff::notDeleted, this,
        [this, index](const QString& reason) {
            m_parts.at(size_t(index))->notDeletedReason = reason;
            onPartSent(index, false);
        });
    Q_EMIT deletionReady(index, deletion);
    deletion->start();
}

void MultiProjectChange::onPartSent(int index, bool allDone)
{
    if (!allDone && m_stopReason.isEmpty()) {
        m_stopReason = m_cancelled
            ? QCoreApplication::translate("ChangeRun", "Cancelled before it was sent.")
            : tr("Not sent: the change in %1 did not end with every request done, so nothing more "
                 "is sent to "
                 "any project.")
                  .arg(m_parts.at(size_t(index))->label());
    }
    QMetaObject::invokeMethod(this, &MultiProjectChange::runNext, Qt::QueuedConnection);
}

void MultiProjectChange::leaveOutPart(int index, const QString& reason)
{
    Part& part = *m_parts.at(size_t(index));
    part.notSentReason = reason;
    // Recorded as any run records targets it never sent: in their project, without an intent.
    AuditedRequest request;
    request.kind = part.review.changeKind().name;
    if (part.review.isRetirement()) {
        // A retirement is recorded step by step: what was not sent is its first step.
        const QList<RetirementRun::StepRequest> steps = part.review.retirementRequests();
        if (!steps.isEmpty())
            request.kind = steps.first().kind.name;
    }
    request.runId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    request.projectId = part.project.id;
    request.targetIds = part.review.targetIds();
    m_store->audit().appendNotSent(request, reason, part.project.region);
    Q_EMIT partNotSent(index, reason);
}

void MultiProjectChange::checkFinished()
{
    if (!m_sendingFinished || m_finished)
        return;
    for (const std::unique_ptr<Part>& part : m_parts) {
        if (part->deletionRun && part->deletionRun->state() != DeletionRun::State::Finished)
            return;
    }
    m_finished = true;
    Q_EMIT finished();
}
