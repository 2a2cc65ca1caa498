#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QString>
#include <QStringList>

// Reading the audit log's lines (the fields AuditLog writes).
namespace AuditRecord {
QString text(const QJsonObject &entry, const char *key);
// run_id#chunk: the request an intent, its answer and its settlement share.
QString chunkKey(const QJsonObject &entry);
QStringList stringList(const QJsonValue &value);
QStringList intentDesktopIds(const QJsonObject &intent);
} // namespace AuditRecord

// Which desktops of each project have an unknown outcome, replayed line by line in the order of
// the log (AuditLog keeps one current as it appends).
class UnknownOutcomes
{
public:
    void replay(const QJsonObject &entry);
    QSet<QString> of(const QString &projectId) const { return m_unknown.value(projectId); }

private:
    struct Request
    {
        QString projectId;
        QStringList desktopIds;
    };
    void mark(const QString &projectId, const QStringList &ids, bool unknown);
    void replayJobResults(const QString &projectId, const QJsonObject &results);

    QHash<QString, Request> m_intents; // run#chunk
    QHash<QString, Request> m_jobs;    // job id
    QHash<QString, QSet<QString>> m_unknown;
};
