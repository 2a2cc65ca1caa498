#include "simulatorstate.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
constexpr int kFormat = 1;

QStringList toStringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        list.append(item.toString());
    return list;
}

DeletionTarget targetFrom(const QJsonObject &object)
{
    return {object.value(QStringLiteral("desktop_id")).toString(), object.value(QStringLiteral("desktop_name")).toString(),
            object.value(QStringLiteral("user_name")).toString(),  object.value(QStringLiteral("ip_address")).toString(),
            object.value(QStringLiteral("product_id")).toString(), object.value(QStringLiteral("error_code")).toString(),
            object.value(QStringLiteral("fail_reason")).toString()};
}
} // namespace

std::optional<SimulatorState> SimulatorState::fromJson(const QByteArray &bytes, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (!document.isObject() || document.object().value(QStringLiteral("format")).toInt() != kFormat) {
        if (error)
            *error = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                  : QStringLiteral("not a simulator state");
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    SimulatorState state;
    state.projectId = root.value(QStringLiteral("project_id")).toString();
    state.desktopCount = root.value(QStringLiteral("desktop_count")).toInt();
    state.seed = quint32(root.value(QStringLiteral("seed")).toInteger());
    const QJsonArray desktopArray = root.value(QStringLiteral("desktops")).toArray();
    for (const QJsonValue &value : desktopArray) {
        const QJsonObject object = value.toObject();
        state.desktops.append({object.value(QStringLiteral("id")).toString(),
                               object.value(QStringLiteral("status")).toString(),
                               object.value(QStringLiteral("task_status")).toString(),
                               object.value(QStringLiteral("login_status")).toString(),
                               object.value(QStringLiteral("removed")).toBool(),
                               object.value(QStringLiteral("in_maintenance_mode")).toBool(),
                               QDateTime(), // not kept then
                               std::nullopt}); // nor the tags: the generated ones hold
    }
    const QJsonObject before = root.value(QStringLiteral("task_status_before_deletion")).toObject();
    for (auto it = before.constBegin(); it != before.constEnd(); ++it)
        state.taskStatusBeforeDeletion.insert(it.key(), it.value().toString());
    state.deletedUsers = toStringList(root.value(QStringLiteral("deleted_users")));
    const QJsonObject autoscale = root.value(QStringLiteral("pool_autoscale")).toObject();
    for (auto it = autoscale.constBegin(); it != autoscale.constEnd(); ++it)
        state.poolAutoscale.insert(it.key(), it.value().toBool());
    const QJsonArray jobArray = root.value(QStringLiteral("jobs")).toArray();
    for (const QJsonValue &value : jobArray) {
        const QJsonObject object = value.toObject();
        Job job;
        job.id = object.value(QStringLiteral("id")).toString();
        const QJsonArray targets = object.value(QStringLiteral("targets")).toArray();
        for (const QJsonValue &target : targets)
            job.targets.append(targetFrom(target.toObject()));
        job.subJobIds = toStringList(object.value(QStringLiteral("sub_job_ids")));
        job.durationMs = object.value(QStringLiteral("duration_ms")).toInt();
        job.createdUtc = QDateTime::fromString(object.value(QStringLiteral("created")).toString(), Qt::ISODateWithMs);
        job.deleteUsers = object.value(QStringLiteral("delete_users")).toBool();
        job.settledDesktopIds = toStringList(object.value(QStringLiteral("settled")));
        if (job.id.isEmpty() || job.targets.isEmpty() || !job.createdUtc.isValid()) {
            if (error)
                *error = QStringLiteral("a job without id, desktops or start time");
            return std::nullopt;
        }
        state.jobs.append(std::move(job));
    }
    return state;
}

std::optional<SimulatorState> SimulatorState::load(const QString &filePath, QString *error)
{
    QFile file(filePath);
    if (!file.exists())
        return std::nullopt;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return std::nullopt;
    }
    return fromJson(file.readAll(), error);
}
