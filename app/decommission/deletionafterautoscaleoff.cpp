#include "deletionafterautoscaleoff.h"


#include <algorithm>

DeletionAfterAutoscaleOff::DeletionAfterAutoscaleOff(ApiClient *client, DeletionStorePtr store, DeletionContext context,
                                                     DeletionPlan plan, const QList<DesktopPool> &poolsToStop,
                                                     QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(std::move(store))
    , m_context(std::move(context))
    , m_plan(std::move(plan))
    , m_pools(poolsToStop)
{
    if (m_pools.isEmpty())
        return;
    QList<ChangeTarget> targets;
    for (const DesktopPool &pool : std::as_const(m_pools))
        targets.append({pool.id, pool.name});
    m_autoscaleRun = new ChangeRun(client, m_store, m_context, ChangeKinds::poolAutoscale(false), targets, this);
    connect(m_autoscaleRun, &ChangeRun::finished, this, &DeletionAfterAutoscaleOff::onAutoscaleFinished);
}

QList<PlannedRequest> DeletionAfterAutoscaleOff::plannedAutoscaleRequests() const
{
    return m_autoscaleRun ? m_autoscaleRun->plannedRequests() : QList<PlannedRequest>();
}

void DeletionAfterAutoscaleOff::start()
{
    if (m_started)
        return;
    m_started = true;
    if (m_autoscaleRun)
        m_autoscaleRun->start();
    else
        startDeletion();
}

void DeletionAfterAutoscaleOff::cancel()
{
    if (m_cancelled)
        return;
    m_cancelled = true;
    if (m_deletionRun)
        m_deletionRun->cancel();
    else if (m_autoscaleRun && m_started)
        m_autoscaleRun->cancel(); // its finished() brings notDeleted()
}

QStringList DeletionAfterAutoscaleOff::poolsNotStopped() const
{
    QStringList lines;
    if (!m_autoscaleRun)
        return lines;
    for (const ChangeRun::TargetOutcome &outcome : m_autoscaleRun->targetOutcomes()) {
        if (outcome.outcome == ChangeRun::Outcome::Done)
            continue;
        const QString &id = outcome.target.id;
        const QString name = outcome.target.name.isEmpty() ? id : outcome.target.name;
        lines.append(tr("pool %1 (%2): %3").arg(name, id, outcome.reason));
    }
    return lines;
}

void DeletionAfterAutoscaleOff::onAutoscaleFinished()
{
    const QPointer<DeletionAfterAutoscaleOff> alive(this);
    Q_EMIT autoscaleFinished(m_autoscaleRun);
    if (!alive || !m_autoscaleRun)
        return;
    if (m_autoscaleRun->allDone() && !m_cancelled) {
        startDeletion();
        return;
    }
    const QStringList notStopped = poolsNotStopped();
    if (notStopped.isEmpty()) {
        Q_EMIT notDeleted(tr("Stopped before the deletion started; the pools' autoscale is off, but nothing "
                             "was deleted."));
        return;
    }
    Q_EMIT notDeleted(tr("The autoscale of %Ln pool(s) could not be turned off, so nothing was deleted: %1",
                         nullptr, int(notStopped.size()))
                          .arg(notStopped.join(QLatin1String("; "))));
}

void DeletionAfterAutoscaleOff::startDeletion()
{
    if (!m_client) {
        Q_EMIT notDeleted(tr("The connection was closed before the deletion started; nothing was deleted."));
        return;
    }
    auto *run = new DeletionRun(m_client, m_plan, m_context, m_store, this);
    m_deletionRun = run;
    // The caller may take the run over in its slot, or end this object and the run with it.
    const QPointer<DeletionRun> ready(run);
    Q_EMIT deletionReady(run);
    if (ready)
        ready->start();
}
