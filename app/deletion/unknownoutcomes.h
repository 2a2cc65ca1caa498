#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QString>
#include <QStringList>

// Reading the audit log's lines, of this version and of earlier ones (docs/AUDIT-RECORD.md).
// Earlier versions wrote a deletion's request as intent / submitted / post_failed (ambiguous or
// not) / not_sent / outcome_unknown, and the other changes as action_intent / action_succeeded /
// action_failed / action_not_sent / action_outcome_unknown with the kind in "action"; every
// reader here takes them as today's events.
namespace AuditRecord {
enum class Event {
    Other,
    Intent,
    Done,
    Failed,
    OutcomeUnknown,
    NotSent,
    JobFound,
    JobNotFound,
    JobFinished,
    JobGaveUp,
    JobLost,
    OutcomeResolved,
};

// The line's event in today's terms (an ambiguous post_failed of an earlier version is
// OutcomeUnknown).
Event eventOf(const QJsonObject &entry);
// Whether the line closes the request of its run and chunk (its intent is then answered).
bool answersIntent(Event event);
// The kind of change of an intent (or an outcome line that names it); an earlier version's
// deletion intent, which named none, is "delete".
QString kindOf(const QJsonObject &entry);
// The ids of an intent's targets, whatever the version.
QStringList intentTargetIds(const QJsonObject &intent);
// The ids an outcome line names ("target_ids", or an earlier version's "desktop_ids").
QStringList outcomeTargetIds(const QJsonObject &entry);

QString text(const QJsonObject &entry, const char *key);
// run_id#chunk: the request an intent, its answer and its settlement share.
QString chunkKey(const QJsonObject &entry);
QStringList stringList(const QJsonValue &value);
} // namespace AuditRecord

// Which targets of each project and kind of change have an unknown outcome, replayed line by line
// in the order of the log (AuditLog keeps one current as it appends).
class UnknownOutcomes
{
public:
    void replay(const QJsonObject &entry);
    QSet<QString> of(const QString &projectId, const QString &kind) const
    {
        return m_unknown.value(key(projectId, kind));
    }

private:
    struct Request
    {
        QString kind;
        QString projectId;
        QStringList targetIds;
    };
    static QString key(const QString &projectId, const QString &kind) { return kind + QLatin1Char('/') + projectId; }
    void mark(const QString &kind, const QString &projectId, const QStringList &ids, bool unknown);
    void replayJobResults(const QString &projectId, const QJsonObject &results);

    QHash<QString, Request> m_intents; // run#chunk
    QHash<QString, Request> m_jobs;    // job id
    QHash<QString, QSet<QString>> m_unknown; // kind/project
};
