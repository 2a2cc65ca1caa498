#include "unknownoutcomes.h"

#include "deletion/deletionresult.h"

#include <QJsonArray>

namespace {
const QString kDeleteKind = QStringLiteral("delete");
}

namespace AuditRecord {
QString text(const QJsonObject &entry, const char *key)
{
    return entry.value(QLatin1String(key)).toString();
}

QString chunkKey(const QJsonObject &entry)
{
    return text(entry, "run_id") + QLatin1Char('#') + QString::number(entry.value(QLatin1String("chunk")).toInt(-1));
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

Event eventOf(const QJsonObject &entry)
{
    static const QHash<QString, Event> events = {
        {QStringLiteral("intent"), Event::Intent},
        {QStringLiteral("action_intent"), Event::Intent},
        {QStringLiteral("done"), Event::Done},
        {QStringLiteral("submitted"), Event::Done},
        {QStringLiteral("action_succeeded"), Event::Done},
        {QStringLiteral("failed"), Event::Failed},
        {QStringLiteral("action_failed"), Event::Failed},
        {QStringLiteral("outcome_unknown"), Event::OutcomeUnknown},
        {QStringLiteral("action_outcome_unknown"), Event::OutcomeUnknown},
        {QStringLiteral("not_sent"), Event::NotSent},
        {QStringLiteral("action_not_sent"), Event::NotSent},
        {QStringLiteral("job_found"), Event::JobFound},
        {QStringLiteral("job_not_found"), Event::JobNotFound},
        {QStringLiteral("job_finished"), Event::JobFinished},
        {QStringLiteral("job_gave_up"), Event::JobGaveUp},
        {QStringLiteral("job_lost"), Event::JobLost},
        {QStringLiteral("outcome_resolved"), Event::OutcomeResolved},
    };
    const QString name = text(entry, "event");
    if (name == QLatin1String("post_failed"))
        return entry.value(QLatin1String("ambiguous")).toBool() ? Event::OutcomeUnknown : Event::Failed;
    return events.value(name, Event::Other);
}

bool answersIntent(Event event)
{
    return event == Event::Done || event == Event::Failed || event == Event::OutcomeUnknown || event == Event::NotSent
        || event == Event::JobFound;
}

QString kindOf(const QJsonObject &entry)
{
    const QString kind = text(entry, "kind");
    if (!kind.isEmpty())
        return kind;
    const QString action = text(entry, "action");
    return action.isEmpty() ? kDeleteKind : action;
}

QStringList intentTargetIds(const QJsonObject &intent)
{
    QStringList ids;
    if (intent.contains(QLatin1String("targets"))) {
        for (const QJsonValue &target : intent.value(QLatin1String("targets")).toArray())
            ids.append(target.toObject().value(QLatin1String("id")).toString());
        return ids;
    }
    // Earlier versions: a deletion's desktops by desktop_id, the other changes' desktops or
    // pools by id.
    for (const QJsonValue &desktop : intent.value(QLatin1String("desktops")).toArray()) {
        const QJsonObject object = desktop.toObject();
        ids.append(object.contains(QLatin1String("desktop_id")) ? text(object, "desktop_id") : text(object, "id"));
    }
    for (const QJsonValue &pool : intent.value(QLatin1String("pools")).toArray())
        ids.append(pool.toObject().value(QLatin1String("id")).toString());
    return ids;
}

QStringList outcomeTargetIds(const QJsonObject &entry)
{
    if (entry.contains(QLatin1String("target_ids")))
        return stringList(entry.value(QLatin1String("target_ids")));
    return stringList(entry.value(QLatin1String("desktop_ids")));
}
} // namespace AuditRecord

using namespace AuditRecord;

void UnknownOutcomes::mark(const QString &kind, const QString &projectId, const QStringList &ids, bool unknown)
{
    QSet<QString> &set = m_unknown[key(projectId, kind)];
    for (const QString &id : ids) {
        if (unknown)
            set.insert(id);
        else
            set.remove(id);
    }
}

void UnknownOutcomes::replayJobResults(const QString &projectId, const QJsonObject &results)
{
    mark(kDeleteKind, projectId, stringList(results.value(QLatin1String("deleted"))), false);
    for (const QJsonValue &value : results.value(QLatin1String("not_deleted")).toArray()) {
        const QJsonObject row = value.toObject();
        const QString outcome = text(row, "outcome");
        const QString id = text(row, "desktop_id");
        if (outcome == DeletionResult::outcomeName(DeletionOutcome::Unknown))
            mark(kDeleteKind, projectId, {id}, true);
        else if (outcome != DeletionResult::outcomeName(DeletionOutcome::Submitted))
            mark(kDeleteKind, projectId, {id}, false);
    }
}

void UnknownOutcomes::replay(const QJsonObject &entry)
{
    const Event event = eventOf(entry);
    switch (event) {
    case Event::Intent:
        m_intents.insert(chunkKey(entry), {kindOf(entry), text(entry, "project_id"), intentTargetIds(entry)});
        break;
    case Event::Done:
    case Event::JobFound: {
        const Request request = m_intents.value(chunkKey(entry));
        const QString jobId = text(entry, "job_id");
        if (!jobId.isEmpty())
            m_jobs.insert(jobId, request);
        mark(request.kind, request.projectId, request.targetIds, false);
        break;
    }
    case Event::OutcomeUnknown: {
        // Today's lines and an earlier deletion's settlement name the targets and project; an
        // earlier ambiguous post_failed or action_outcome_unknown names only its request.
        const Request request = m_intents.value(chunkKey(entry));
        const QStringList named = outcomeTargetIds(entry);
        const QString projectId = entry.contains(QLatin1String("project_id")) ? text(entry, "project_id")
                                                                              : request.projectId;
        const QString kind = entry.contains(QLatin1String("kind")) || entry.contains(QLatin1String("action"))
            ? kindOf(entry)
            : (request.kind.isEmpty() ? kDeleteKind : request.kind);
        mark(kind, projectId, named.isEmpty() ? request.targetIds : named, true);
        break;
    }
    case Event::OutcomeResolved:
        mark(kindOf(entry), text(entry, "project_id"), outcomeTargetIds(entry), false);
        break;
    case Event::JobFinished:
    case Event::JobLost: {
        const QString jobId = text(entry, "job_id");
        QString projectId = text(entry, "project_id");
        if (projectId.isEmpty())
            projectId = m_jobs.value(jobId).projectId;
        // A job this log never saw submitted (e.g. followed by id alone) belongs to no known
        // project: nothing to say about its desktops here.
        if (!projectId.isEmpty())
            replayJobResults(projectId, entry.value(QLatin1String("results")).toObject());
        break;
    }
    case Event::Failed:
    case Event::NotSent:
    case Event::JobNotFound:
    case Event::JobGaveUp:
    case Event::Other:
        break;
    }
}
