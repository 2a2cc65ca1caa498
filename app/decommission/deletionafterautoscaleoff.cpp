#include "deletionafterautoscaleoff.h"

#include "deletion/auditlog.h"

#include <QJsonArray>
#include <QJsonObject>

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
    // ChangeRun's one policy: after the first pool that is not turned off, no other pool is changed.
}

QString DeletionAfterAutoscaleOff::planningProblem() const
{
    return PoolAutoscaleCheck::unusableIdsText(PoolAutoscaleCheck::unusableIds(m_pools));
}

QList<PlannedRequest> DeletionAfterAutoscaleOff::plannedAutoscaleRequests() const
{
    if (!m_autoscaleRun || !planningProblem().isEmpty())
        return {};
    return m_autoscaleRun->plannedRequests();
}

void DeletionAfterAutoscaleOff::start()
{
    if (m_started)
        return;
    m_started = true;
    const QString problem = planningProblem();
    if (!problem.isEmpty()) {
        // Deferred like every other outcome: no signal inside start().
        QMetaObject::invokeMethod(
            this, [this, problem] { Q_EMIT notDeleted(problem + QLatin1Char(' ') + tr("Nothing was changed.")); },
            Qt::QueuedConnection);
        return;
    }
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
    else if (m_check)
        m_check->cancel(); // its finished() brings notDeleted()
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

QStringList DeletionAfterAutoscaleOff::poolsTurnedOff() const
{
    QStringList names;
    if (!m_autoscaleRun)
        return names;
    for (const QString &id : m_autoscaleRun->targetIds(ChangeRun::Outcome::Done))
        names.append(poolName(id));
    return names;
}

QString DeletionAfterAutoscaleOff::stoppedBeforeDeletionText()
{
    return tr("Stopped before the deletion started; the pools' autoscale is off, but nothing was deleted.");
}

QString DeletionAfterAutoscaleOff::poolName(const QString &id) const
{
    const auto pool = std::find_if(m_pools.cbegin(), m_pools.cend(),
                                   [&id](const DesktopPool &candidate) { return candidate.id == id; });
    return pool != m_pools.cend() && !pool->name.isEmpty() ? pool->name : id;
}

QString DeletionAfterAutoscaleOff::stoppedAndNot(const QStringList &notStopped) const
{
    const QStringList turnedOff = poolsTurnedOff();
    const QString off = turnedOff.isEmpty()
        ? tr("No pool's autoscale was turned off.")
        : tr("Autoscale was turned off for %Ln pool(s): %1.", nullptr, int(turnedOff.size()))
              .arg(turnedOff.join(QLatin1String(", ")));
    QString list = notStopped.join(QLatin1String("; "));
    if (list.endsWith(QLatin1Char('.')))
        list.chop(1);
    return tr("The autoscale of %Ln pool(s) could not be turned off, so nothing was deleted: %1. %2", nullptr,
              int(notStopped.size()))
        .arg(list, off);
}

void DeletionAfterAutoscaleOff::onAutoscaleFinished()
{
    const QPointer<DeletionAfterAutoscaleOff> alive(this);
    Q_EMIT autoscaleFinished(m_autoscaleRun);
    if (!alive || !m_autoscaleRun)
        return;
    if (m_autoscaleRun->allDone() && !m_cancelled) {
        checkPools();
        return;
    }
    const QStringList notStopped = poolsNotStopped();
    if (notStopped.isEmpty()) {
        Q_EMIT notDeleted(stoppedBeforeDeletionText());
        return;
    }
    Q_EMIT notDeleted(stoppedAndNot(notStopped));
}

void DeletionAfterAutoscaleOff::checkPools()
{
    QStringList ids;
    for (const DesktopPool &pool : std::as_const(m_pools))
        ids.append(pool.id);
    m_check = new PoolAutoscaleCheck(m_client, ids, this);
    m_check->setDeadline(m_deadline);
    connect(m_check, &PoolAutoscaleCheck::finished, this, &DeletionAfterAutoscaleOff::onPoolsChecked);
    m_check->start();
}

void DeletionAfterAutoscaleOff::onPoolsChecked()
{
    QJsonArray notOff;
    QStringList lines;
    for (const PoolAutoscaleCheck::NotOff &pool : m_check->notOff()) {
        notOff.append(QJsonObject{{QLatin1String("pool_id"), pool.poolId}, {QLatin1String("reason"), pool.reason}});
        lines.append(tr("pool %1 (%2): %3").arg(poolName(pool.poolId), pool.poolId, pool.reason));
    }
    QJsonArray checked;
    for (const DesktopPool &pool : std::as_const(m_pools))
        checked.append(pool.id);
    // The run's record says why its deletion did or did not follow.
    m_store->audit().append(QStringLiteral("autoscale_checked"),
                    {{QLatin1String("run_id"), m_autoscaleRun ? m_autoscaleRun->runId() : QString()},
                     {QLatin1String("pools"), checked},
                     {QLatin1String("not_off"), notOff}});
    if (m_check->allOff() && !m_cancelled) {
        startDeletion();
        return;
    }
    if (lines.isEmpty()) {
        Q_EMIT notDeleted(stoppedBeforeDeletionText());
        return;
    }
    Q_EMIT notDeleted(stoppedAndNot(lines));
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
