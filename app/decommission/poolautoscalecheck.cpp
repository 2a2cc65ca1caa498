#include "poolautoscalecheck.h"

#include "api/decommissioncalls.h"

#include <QHash>

PoolAutoscaleCheck::PoolAutoscaleCheck(ApiClient *client, QStringList poolIds, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_poolIds(std::move(poolIds))
{
}

QStringList PoolAutoscaleCheck::unusableIds(const QList<DesktopPool> &pools)
{
    QStringList ids;
    for (const DesktopPool &pool : pools) {
        if (!DecommissionJson::isUsableId(pool.id))
            ids.append(pool.id);
    }
    return ids;
}

QString PoolAutoscaleCheck::unusableIdsText(const QStringList &ids)
{
    if (ids.isEmpty())
        return {};
    QStringList shown;
    for (const QString &id : ids)
        shown.append(DecommissionJson::boundedText(id).left(80));
    return tr("%Ln pool id(s) cannot be used in a request (1 to 255 letters, digits, '-', '_', '.' or ':'), so "
              "nothing is sent: %1",
              nullptr, int(ids.size()))
        .arg(shown.join(QLatin1String(", ")));
}

void PoolAutoscaleCheck::start()
{
    if (m_started)
        return;
    m_started = true;
    auto *call = new ListAllPoolsCall(m_client, this);
    m_call = call;
    call->setDeadline(m_deadline);
    connect(call, &PagedListingCall::finished, this, &PoolAutoscaleCheck::onListed);
    call->start();
}

void PoolAutoscaleCheck::cancel()
{
    if (m_finished)
        return;
    m_error = ApiError::cancelled();
    m_incomplete = true;
    for (const QString &id : std::as_const(m_poolIds))
        m_notOff.append({ id, tr("not read back: cancelled") });
    finish();
}

void PoolAutoscaleCheck::onListed()
{
    ListAllPoolsCall *call = m_call;
    if (!call || m_finished)
        return;
    call->deleteLater();
    m_incomplete = !call->isComplete();
    if (!call->succeeded()) {
        m_error = call->error();
        for (const QString &id : std::as_const(m_poolIds))
            m_notOff.append({ id, tr("could not be read back: %1").arg(m_error.summary()) });
        finish();
        return;
    }
    QHash<QString, DesktopPool> listed;
    for (const DesktopPool &pool : call->pools())
        listed.insert(pool.id, pool);
    for (const QString &id : std::as_const(m_poolIds)) {
        const auto pool = listed.constFind(id);
        if (call->conflictingIds().contains(id))
            m_notOff.append({ id, tr("listed twice with different autoscale settings") });
        else if (pool == listed.cend() && !call->isComplete())
            m_notOff.append({ id, tr("not read back: %1").arg(call->incompletenessText()) });
        else if (pool == listed.cend())
            m_notOff.append({ id, tr("no longer listed") });
        else if (!pool->autoscaleEnabled.has_value())
            m_notOff.append({ id, tr("its autoscale setting is not stated") });
        else if (*pool->autoscaleEnabled)
            m_notOff.append({ id, tr("still reads autoscale on after the change was accepted") });
    }
    finish();
}

void PoolAutoscaleCheck::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_call)
        m_call->cancel();
    Q_EMIT finished();
}
