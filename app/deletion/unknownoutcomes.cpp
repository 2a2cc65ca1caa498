#include "unknownoutcomes.h"

#include "deletion/deletionresult.h"

#include <QJsonArray>

namespace AuditRecord {
QString text(const QJsonObject &entry, const char *key)
{
    return entry.value(QLatin1String(key)).toString();
}

QString chunkKey(const QJsonObject &entry)
{
    return text(entry, "run_id") + QLatin1Char('#')
        + QString::number(entry.value(QLatin1String("chunk")).toInt(-1));
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

QStringList intentDesktopIds(const QJsonObject &intent)
{
    QStringList ids;
    for (const QJsonValue &desktop : intent.value(QLatin1String("desktops")).toArray())
        ids.append(desktop.toObject().value(QLatin1String("desktop_id")).toString());
    return ids;
}
} // namespace AuditRecord

using namespace AuditRecord;

void UnknownOutcomes::mark(const QString &projectId, const QStringList &ids, bool unknown)
{
    QSet<QString> &set = m_unknown[projectId];
    for (const QString &id : ids) {
        if (unknown)
            set.insert(id);
        else
            set.remove(id);
    }
}

void UnknownOutcomes::replayJobResults(const QString &projectId, const QJsonObject &results)
{
    mark(projectId, stringList(results.value(QLatin1String("deleted"))), false);
    for (const QJsonValue &value : results.value(QLatin1String("not_deleted")).toArray()) {
        const QJsonObject row = value.toObject();
        const QString outcome = text(row, "outcome");
        const QString id = text(row, "desktop_id");
        if (outcome == DeletionResult::outcomeName(DeletionOutcome::Unknown))
            mark(projectId, {id}, true);
        else if (outcome != DeletionResult::outcomeName(DeletionOutcome::Submitted))
            mark(projectId, {id}, false);
    }
}

void UnknownOutcomes::replay(const QJsonObject &entry)
{
    const QString event = text(entry, "event");
    if (event == QLatin1String("intent")) {
        m_intents.insert(chunkKey(entry), {text(entry, "project_id"), intentDesktopIds(entry)});
    } else if (event == QLatin1String("submitted") || event == QLatin1String("job_found")) {
        const Request request = m_intents.value(chunkKey(entry));
        m_jobs.insert(text(entry, "job_id"), request);
        mark(request.projectId, request.desktopIds, false);
    } else if (event == QLatin1String("post_failed")) {
        if (entry.value(QLatin1String("ambiguous")).toBool()) {
            const Request request = m_intents.value(chunkKey(entry));
            mark(request.projectId, request.desktopIds, true);
        }
    } else if (event == QLatin1String("outcome_unknown")) {
        mark(text(entry, "project_id"), stringList(entry.value(QLatin1String("desktop_ids"))), true);
    } else if (event == QLatin1String("outcome_resolved")) {
        mark(text(entry, "project_id"), stringList(entry.value(QLatin1String("desktop_ids"))), false);
    } else if (event == QLatin1String("job_finished") || event == QLatin1String("job_lost")) {
        const QString jobId = text(entry, "job_id");
        QString projectId = text(entry, "project_id");
        if (projectId.isEmpty())
            projectId = m_jobs.value(jobId).projectId;
        // A job this log never saw submitted (e.g. followed by id alone) belongs to no known
        // project: nothing to say about its desktops here.
        if (!projectId.isEmpty())
            replayJobResults(projectId, entry.value(QLatin1String("results")).toObject());
    }
}
