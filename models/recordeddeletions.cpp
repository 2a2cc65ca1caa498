#include "recordeddeletions.h"

#include "deletion/unknownoutcomes.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

int RecordedDeletion::count(DeletionOutcome outcome) const
{
    return int(std::count_if(desktops.cbegin(), desktops.cend(),
                             [outcome](const DesktopResult &row) { return row.outcome == outcome; }));
}

namespace {

DeletionOutcome outcomeNamed(const QString &name)
{
    for (DeletionOutcome outcome : {DeletionOutcome::Deleted, DeletionOutcome::Failed, DeletionOutcome::NotSent,
                                    DeletionOutcome::Unknown, DeletionOutcome::Submitted}) {
        if (DeletionResult::outcomeName(outcome) == name)
            return outcome;
    }
    return DeletionOutcome::Unknown;
}

QStringList stringsOf(const QJsonValue &value)
{
    QStringList strings;
    for (const QJsonValue &item : value.toArray())
        strings.append(item.toString());
    return strings;
}

// One deletion being put together from its records.
struct Builder
{
    RecordedDeletion deletion;
    QHash<QString, int> rowOf;                // desktop id → index in deletion.desktops
    QHash<int, QStringList> chunkDesktops;    // chunk → its desktops, from the intent

    DesktopResult *row(const QString &desktopId)
    {
        auto found = rowOf.constFind(desktopId);
        if (found == rowOf.cend()) {
            DesktopResult result;
            result.desktopId = desktopId;
            found = rowOf.insert(desktopId, int(deletion.desktops.size()));
            deletion.desktops.append(result);
        }
        return &deletion.desktops[*found];
    }

    void set(const QStringList &desktopIds, DeletionOutcome outcome, const QString &reason,
             const QString &errorCode = QString())
    {
        for (const QString &id : desktopIds) {
            DesktopResult *result = row(id);
            result->outcome = outcome;
            result->reason = reason;
            result->errorCode = errorCode;
        }
    }
};

} // namespace

namespace {
// An intent's targets with their names: "targets" [{id, name}] from this version on, "desktops"
// [{desktop_id, desktop_name}] before.
QList<QPair<QString, QString>> intentTargets(const QJsonObject &intent)
{
    QList<QPair<QString, QString>> targets;
    for (const QJsonValue &value : intent.value(QLatin1String("targets")).toArray()) {
        const QJsonObject target = value.toObject();
        if (!target.value(QLatin1String("id")).toString().isEmpty())
            targets.append({target.value(QLatin1String("id")).toString(), target.value(QLatin1String("name")).toString()});
    }
    for (const QJsonValue &value : intent.value(QLatin1String("desktops")).toArray()) {
        const QJsonObject desktop = value.toObject();
        if (!desktop.value(QLatin1String("desktop_id")).toString().isEmpty())
            targets.append({desktop.value(QLatin1String("desktop_id")).toString(),
                            desktop.value(QLatin1String("desktop_name")).toString()});
    }
    return targets;
}
} // namespace

namespace RecordedDeletions {

QHash<QString, RecordedDeletion> fromEntries(const QList<QJsonObject> &entries, const QSet<QString> &runIds)
{
    QHash<QString, Builder> builders;
    QHash<QString, QString> runOfJob;
    for (const QJsonObject &entry : entries) {
        // Lines of this version and of earlier ones, read alike (docs/AUDIT-RECORD.md).
        const AuditRecord::Event event = AuditRecord::eventOf(entry);
        const QString runId = entry.value(QLatin1String("run_id")).toString();
        const QString jobId = entry.value(QLatin1String("job_id")).toString();
        const int chunk = entry.value(QLatin1String("chunk")).toInt(-1);
        Builder *builder = nullptr;
        if (!runId.isEmpty() && runIds.contains(runId)) {
            builder = &builders[runId];
            builder->deletion.runId = runId;
        } else if (!jobId.isEmpty() && runOfJob.contains(jobId)) {
            builder = &builders[runOfJob.value(jobId)];
        }
        if (!builder)
            continue;
        switch (event) {
        case AuditRecord::Event::Intent: {
            if (AuditRecord::kindOf(entry) != QLatin1String("delete"))
                break;
            const QDateTime time = QDateTime::fromString(entry.value(QLatin1String("time")).toString(), Qt::ISODateWithMs);
            if (time.isValid() && (!builder->deletion.confirmedAt.isValid() || time < builder->deletion.confirmedAt))
                builder->deletion.confirmedAt = time.toUTC();
            QStringList ids;
            for (const auto &[id, name] : intentTargets(entry)) {
                ids.append(id);
                DesktopResult *result = builder->row(id);
                result->desktopName = name;
                result->outcome = DeletionOutcome::Unknown;
                result->reason = QCoreApplication::translate(
                    "RecordedDeletions", "Sent before the restart; its outcome was not recorded.");
            }
            builder->chunkDesktops.insert(chunk, ids);
            break;
        }
        case AuditRecord::Event::Done:
        case AuditRecord::Event::JobFound: {
            runOfJob.insert(jobId, runId);
            const QStringList ids = builder->chunkDesktops.value(chunk);
            builder->set(ids, DeletionOutcome::Submitted,
                         QCoreApplication::translate("RecordedDeletions",
                                                     "In a job that had not ended when the app was closed."));
            for (const QString &id : ids)
                builder->row(id)->jobId = jobId;
            break;
        }
        case AuditRecord::Event::Failed:
            builder->set(builder->chunkDesktops.value(chunk), DeletionOutcome::Failed,
                         entry.value(QLatin1String("summary")).toString(),
                         entry.value(QLatin1String("error_code")).toString());
            break;
        case AuditRecord::Event::NotSent:
            builder->set(AuditRecord::outcomeTargetIds(entry), DeletionOutcome::NotSent,
                         entry.value(QLatin1String("reason")).toString());
            break;
        case AuditRecord::Event::OutcomeUnknown: {
            QStringList ids = AuditRecord::outcomeTargetIds(entry);
            if (ids.isEmpty())
                ids = builder->chunkDesktops.value(chunk);
            QString reason = entry.value(QLatin1String("reason")).toString();
            if (reason.isEmpty())
                reason = entry.value(QLatin1String("summary")).toString();
            builder->set(ids, DeletionOutcome::Unknown, reason, entry.value(QLatin1String("error_code")).toString());
            break;
        }
        case AuditRecord::Event::JobFinished:
        case AuditRecord::Event::JobLost: {
            const QJsonObject results = entry.value(QLatin1String("results")).toObject();
            builder->set(stringsOf(results.value(QLatin1String("deleted"))), DeletionOutcome::Deleted, QString());
            for (const QJsonValue &value : results.value(QLatin1String("not_deleted")).toArray()) {
                const QJsonObject desktop = value.toObject();
                QString reason = desktop.value(QLatin1String("reason")).toString();
                if (reason.isEmpty())
                    reason = desktop.value(QLatin1String("fail_reason")).toString();
                builder->set({desktop.value(QLatin1String("desktop_id")).toString()},
                             outcomeNamed(desktop.value(QLatin1String("outcome")).toString()), reason,
                             desktop.value(QLatin1String("error_code")).toString());
            }
            break;
        }
        default:
            break;
        }
    }
    QHash<QString, RecordedDeletion> deletions;
    for (auto it = builders.cbegin(); it != builders.cend(); ++it)
        deletions.insert(it.key(), it->deletion);
    return deletions;
}

QHash<QString, RecordedDeletion> read(const QString &auditFilePath, const QSet<QString> &runIds)
{
    QFile file(auditFilePath);
    if (runIds.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    // The log holds every deletion ever made here: only the lines naming one of these runs, and
    // the job ends (which name only their job), are parsed.
    QList<QByteArray> needles{QByteArrayLiteral("\"job_finished\""), QByteArrayLiteral("\"job_lost\"")};
    for (const QString &runId : runIds)
        needles.append(runId.toUtf8());
    QList<QJsonObject> entries;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        if (!std::any_of(needles.cbegin(), needles.cend(), [&line](const QByteArray &needle) { return line.contains(needle); }))
            continue;
        const QJsonDocument document = QJsonDocument::fromJson(line);
        if (document.isObject())
            entries.append(document.object());
    }
    return fromEntries(entries, runIds);
}

} // namespace RecordedDeletions
