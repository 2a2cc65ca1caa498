#include "poolmembership.h"

#include "api/decommissioncalls.h"
#include "api/poolcalls.h"

#include <QSet>

namespace {
bool isPooled(const Desktop &desktop)
{
    return desktop.desktopType.compare(QLatin1String("POOLED"), Qt::CaseInsensitive) == 0;
}
} // namespace

PoolMembershipLookUp::PoolMembershipLookUp(ApiClient *client, QList<Desktop> desktops, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_desktops(std::move(desktops))
{
}

PoolMembershipLookUp::~PoolMembershipLookUp() = default;

bool PoolMembershipLookUp::involvesPools(const QList<Desktop> &desktops)
{
    return std::any_of(desktops.cbegin(), desktops.cend(),
                       [](const Desktop &desktop) { return isPooled(desktop) || !desktop.poolId.isEmpty(); });
}

void PoolMembershipLookUp::start()
{
    if (m_started || m_finished)
        return;
    m_started = true;
    if (!m_everyPool && !involvesPools(m_desktops)) {
        QMetaObject::invokeMethod(
            this, [this] { finish({}); }, Qt::QueuedConnection);
        return;
    }
    auto *call = new ListAllPoolsCall(m_client, this);
    m_poolsCall = call;
    call->setDeadline(m_deadline);
    connect(call, &PagedListingCall::retrying, this, &PoolMembershipLookUp::retrying);
    connect(call, &PagedListingCall::finished, this, &PoolMembershipLookUp::onPoolsListed);
    call->start();
}

void PoolMembershipLookUp::cancel()
{
    if (!m_finished)
        finish(ApiError::cancelled());
}

bool PoolMembershipLookUp::accept(PagedListingCall *call)
{
    if (!call || m_finished)
        return false;
    call->deleteLater();
    if (!call->succeeded()) {
        finish(call->error());
        return false;
    }
    return true;
}

void PoolMembershipLookUp::onPoolsListed()
{
    ListAllPoolsCall *call = m_poolsCall;
    if (!accept(call))
        return;
    m_pools = call->pools();
    if (!call->isComplete())
        m_problems.append(tr("The pools could not all be listed: %1").arg(call->incompletenessText()));
    for (const QString &id : call->conflictingIds())
        m_problems.append(
            tr("Pool %1 was listed twice with different autoscale settings; it is taken to scale.").arg(id));
    QSet<QString> known;
    for (const DesktopPool &pool : std::as_const(m_pools))
        known.insert(pool.id);
    for (const Desktop &desktop : std::as_const(m_desktops)) {
        if (!desktop.poolId.isEmpty() && known.contains(desktop.poolId))
            m_poolOfDesktop.insert(desktop.id, desktop.poolId); // an answer happened to name it
        else if (isPooled(desktop) || !desktop.poolId.isEmpty())
            m_unplaced.append(desktop.id);
    }
    listNextPool();
}

void PoolMembershipLookUp::listNextPool()
{
    const bool morePools = m_nextPool < m_pools.size();
    if (morePools && m_nextPool >= kMaxPoolsListed && (!m_unplaced.isEmpty() || m_everyPool)) {
        m_problems.append(tr("Only the desktops of the first %1 pools were listed.").arg(kMaxPoolsListed));
        m_nextPool = int(m_pools.size());
    }
    if ((m_unplaced.isEmpty() && !m_everyPool) || m_nextPool >= m_pools.size()) {
        if (!m_unplaced.isEmpty())
            m_problems.append(tr("No pool was found to hold %Ln pooled desktop(s): %1", nullptr, int(m_unplaced.size()))
                                  .arg(m_unplaced.join(QLatin1String(", "))));
        finish({});
        return;
    }
    auto *call = new ListAllPoolDesktopsCall(m_client, m_pools.at(m_nextPool++).id, this);
    m_poolDesktopsCall = call;
    call->setDeadline(m_deadline);
    connect(call, &PagedListingCall::retrying, this, &PoolMembershipLookUp::retrying);
    connect(call, &PagedListingCall::finished, this, &PoolMembershipLookUp::onPoolDesktopsListed);
    call->start();
}

void PoolMembershipLookUp::onPoolDesktopsListed()
{
    ListAllPoolDesktopsCall *call = m_poolDesktopsCall;
    if (!accept(call))
        return;
    if (!call->isComplete())
        m_problems.append(
            tr("The desktops of pool %1 could not all be listed: %2").arg(call->poolId(), call->incompletenessText()));
    if (m_everyPool) {
        for (const QString &id : call->desktopIds())
            m_poolOfDesktop.insert(id, call->poolId());
    }
    const QSet<QString> held(call->desktopIds().cbegin(), call->desktopIds().cend());
    for (auto it = m_unplaced.begin(); it != m_unplaced.end();) {
        if (held.contains(*it)) {
            m_poolOfDesktop.insert(*it, call->poolId());
            it = m_unplaced.erase(it);
        } else {
            ++it;
        }
    }
    listNextPool();
}

QStringList PoolMembershipLookUp::unplacedDesktopIds() const
{
    return m_unplaced;
}

QList<Desktop> PoolMembershipLookUp::placed(const QList<Desktop> &desktops) const
{
    QList<Desktop> result = desktops;
    for (Desktop &desktop : result)
        desktop.poolId = m_poolOfDesktop.value(desktop.id);
    return result;
}

void PoolMembershipLookUp::finish(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    if (m_poolsCall)
        m_poolsCall->cancel();
    if (m_poolDesktopsCall)
        m_poolDesktopsCall->cancel();
    Q_EMIT finished();
}
