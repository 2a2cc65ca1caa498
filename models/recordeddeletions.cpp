#include "recordeddeletions.h"

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

namespace RecordedDeletions {

QHash<QString, RecordedDeletion> fromEntries(const QList<QJsonObject> &entries, const QSet<QString> &runIds)
{
    QHash<QString, Builder> builders;
    QHash<QString, QString> runOfJob;
    for (const QJsonObject &entry : entries) {
        const QString event = entry.value(QLatin1String("event")).toString();
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
        if (event == QLatin1String("intent")) {
            const QDateTime time = QDateTime::fromString(entry.value(QLatin1String("time")).toString(), Qt::ISODateWithMs);
            if (time.isValid() && (!builder->deletion.confirmedAt.isValid() || time < builder->deletion.confirmedAt))
                builder->deletion.confirmedAt = time.toUTC();
            QStringList ids;
            for (const QJsonValue &value : entry.value(QLatin1String("desktops")).toArray()) {
                const QJsonObject desktop = value.toObject();
                const QString id = desktop.value(QLatin1String("desktop_id")).toString();
                if (id.isEmpty())
                    continue;
                ids.append(id);
                DesktopResult *result = builder->row(id);
                result->desktopName = desktop.value(QLatin1String("desktop_name")).toString();
                result->outcome = DeletionOutcome::Unknown;
                result->reason = QCoreApplication::translate(
                    "RecordedDeletions", "Sent before the restart; its outcome was not recorded.");
            }
            builder->chunkDesktops.insert(chunk, ids);
        } else if (event == QLatin1String("submitted") || event == QLatin1String("job_found")) {
            runOfJob.insert(jobId, runId);
            const QStringList ids = builder->chunkDesktops.value(chunk);
            builder->set(ids, DeletionOutcome::Submitted,
                         QCoreApplication::translate("RecordedDeletions",
                                                     "In a job that had not ended when the app was closed."));
            for (const QString &id : ids)
                builder->row(id)->jobId = jobId;
        } else if (event == QLatin1String("post_failed")) {
            const bool ambiguous = entry.value(QLatin1String("ambiguous")).toBool();
            builder->set(builder->chunkDesktops.value(chunk),
                         ambiguous ? DeletionOutcome::Unknown : DeletionOutcome::Failed,
                         entry.value(QLatin1String("summary")).toString(),
                         entry.value(QLatin1String("error_code")).toString());
        } else if (event == QLatin1String("not_sent")) {
            builder->set(stringsOf(entry.value(QLatin1String("desktop_ids"))), DeletionOutcome::NotSent,
                         entry.value(QLatin1String("reason")).toString());
        } else if (event == QLatin1String("outcome_unknown")) {
            builder->set(stringsOf(entry.value(QLatin1String("desktop_ids"))), DeletionOutcome::Unknown,
                         entry.value(QLatin1String("reason")).toString());
        } else if (event == QLatin1String("job_finished") || event == QLatin1String("job_lost")) {
            const QJsonObject results = entry.value(QLatin1String("results")).toObject();
            builder->set(stringsOf(results.value(QLatin1String("deleted"))), DeletionOutcome::Deleted, QString());
            for (const QJsonValue &value : results.value(QLatin1String("not_deleted")).toArray()) {
                const QJsonObject desktop = value.toObject();
                builder->set({desktop.value(QLatin1String("desktop_id")).toString()},
                             outcomeNamed(desktop.value(QLatin1String("outcome")).toString()),
                             desktop.value(QLatin1String("fail_reason")).toString(),
                             desktop.value(QLatin1String("error_code")).toString());
            }
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
