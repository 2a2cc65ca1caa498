#include "deletionplan.h"

#include "api/workspacejson.h"

#include <QSet>

#include <algorithm>

DeletionPlan::DeletionPlan(const QStringList &desktopIds, BatchDeleteOptions options,
                           QHash<QString, QString> desktopNames, int chunkSize)
    : m_options(options)
    , m_desktopNames(std::move(desktopNames))
    , m_chunkSize(std::clamp(chunkSize, 1, kMaxChunkSize))
{
    QSet<QString> seen;
    for (const QString &raw : desktopIds) {
        const QString id = raw.trimmed();
        if (id.isEmpty() || seen.contains(id))
            continue;
        seen.insert(id);
        m_desktopIds.append(id);
    }
    for (qsizetype start = 0; start < m_desktopIds.size(); start += m_chunkSize)
        m_chunks.append(m_desktopIds.mid(start, m_chunkSize));
}

QByteArray DeletionPlan::requestBody(int index) const
{
    return WorkspaceJson::batchDeleteBody(m_chunks.at(index), m_options);
}

DeletionPlan DeletionPlan::without(const QStringList &desktopIds) const
{
    const QSet<QString> excluded(desktopIds.cbegin(), desktopIds.cend());
    QStringList kept;
    for (const QString &id : m_desktopIds) {
        if (!excluded.contains(id))
            kept.append(id);
    }
    return DeletionPlan(kept, m_options, m_desktopNames, m_chunkSize);
}
