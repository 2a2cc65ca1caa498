#include "inflightregistry.h"

#include <QMutexLocker>

QString InFlightRegistry::key(const QString &projectId, const QString &desktopId)
{
    return projectId + QLatin1Char('/') + desktopId;
}

QStringList InFlightRegistry::claim(const QString &projectId, const QStringList &desktopIds,
                                    const QString &owner, QStringList *alreadyClaimed)
{
    QMutexLocker locker(&m_mutex);
    QStringList claimed;
    for (const QString &id : desktopIds) {
        const QString k = key(projectId, id);
        const auto it = m_owners.constFind(k);
        if (it != m_owners.cend() && it.value() != owner) {
            if (alreadyClaimed)
                alreadyClaimed->append(id);
            continue;
        }
        m_owners.insert(k, owner);
        claimed.append(id);
    }
    return claimed;
}

void InFlightRegistry::release(const QString &projectId, const QStringList &desktopIds,
                               const QString &owner)
{
    QMutexLocker locker(&m_mutex);
    for (const QString &id : desktopIds) {
        const QString k = key(projectId, id);
        const auto it = m_owners.find(k);
        if (it != m_owners.end() && it.value() == owner)
            m_owners.erase(it);
    }
}

bool InFlightRegistry::isClaimed(const QString &projectId, const QString &desktopId) const
{
    QMutexLocker locker(&m_mutex);
    return m_owners.contains(key(projectId, desktopId));
}
