#include "actionrecord.h"

#include "api/apierror.h"
#include "deletion/auditlog.h"

#include <QHash>
#include <QJsonArray>
#include <QSysInfo>

namespace {
const QString kIntent = QStringLiteral("action_intent");
const QString kSucceeded = QStringLiteral("action_succeeded");
const QString kFailed = QStringLiteral("action_failed");
const QString kNotSent = QStringLiteral("action_not_sent");
const QString kOutcomeUnknown = QStringLiteral("action_outcome_unknown");

QJsonObject requestFields(const QString &runId, int chunk)
{
    return QJsonObject{{QLatin1String("run_id"), runId}, {QLatin1String("chunk"), chunk}};
}

QString chunkKey(const QJsonObject &entry)
{
    return entry.value(QLatin1String("run_id")).toString() + QLatin1Char('#')
        + QString::number(entry.value(QLatin1String("chunk")).toInt(-1));
}
} // namespace

namespace ActionRecord {

bool appendIntent(AuditLog &audit, const DeletionContext &context, const QString &runId, int chunk,
                  const QString &action, const QString &targetKey, const QList<Target> &targets,
                  const QJsonObject &parameters)
{
    QJsonArray list;
    for (const Target &target : targets)
        list.append(QJsonObject{{QLatin1String("id"), target.id}, {QLatin1String("name"), target.name}});
    QJsonObject fields = requestFields(runId, chunk);
    fields.insert(QLatin1String("action"), action);
    fields.insert(QLatin1String("os_user"), context.osUser);
    fields.insert(QLatin1String("profile"), context.profileName);
    fields.insert(QLatin1String("project_id"), context.projectId);
    fields.insert(QLatin1String("endpoint_host"), context.endpointHost);
    fields.insert(targetKey, list);
    fields.insert(QLatin1String("parameters"), parameters);
    // As for deletions: tells a dead process's intent from one whose request is still on the wire.
    fields.insert(QLatin1String("process_id"), QCoreApplication::applicationPid());
    fields.insert(QLatin1String("host"), QSysInfo::machineHostName());
    return audit.append(kIntent, fields);
}

bool appendSucceeded(AuditLog &audit, const QString &runId, int chunk, const QString &requestId)
{
    QJsonObject fields = requestFields(runId, chunk);
    fields.insert(QLatin1String("request_id"), requestId);
    return audit.append(kSucceeded, fields);
}

bool appendFailed(AuditLog &audit, const QString &runId, int chunk, const ApiError &error)
{
    QJsonObject fields = requestFields(runId, chunk);
    fields.insert(QLatin1String("http_status"), error.httpStatus);
    fields.insert(QLatin1String("error_code"), error.errorCode);
    fields.insert(QLatin1String("error_msg"), error.errorMessage);
    fields.insert(QLatin1String("error_detail"), error.errorDetail);
    fields.insert(QLatin1String("encoded_authorization_message"), error.encodedAuthorizationMessage);
    fields.insert(QLatin1String("request_id"), error.requestId);
    fields.insert(QLatin1String("summary"), error.summary());
    return audit.append(kFailed, fields);
}

bool appendNotSent(AuditLog &audit, const QString &runId, int chunk, const QString &reason)
{
    QJsonObject fields = requestFields(runId, chunk);
    fields.insert(QLatin1String("reason"), reason);
    return audit.append(kNotSent, fields);
}

bool appendOutcomeUnknown(AuditLog &audit, const QString &runId, int chunk, const QString &reason,
                          const QString &requestId)
{
    QJsonObject fields = requestFields(runId, chunk);
    fields.insert(QLatin1String("reason"), reason);
    fields.insert(QLatin1String("request_id"), requestId);
    return audit.append(kOutcomeUnknown, fields);
}

QList<OpenIntent> openIntents(const QList<QJsonObject> &entries)
{
    QList<OpenIntent> intents;
    QHash<QString, qsizetype> indexByKey;
    for (const QJsonObject &entry : entries) {
        const QString event = entry.value(QLatin1String("event")).toString();
        if (event == kIntent) {
            OpenIntent intent;
            intent.runId = entry.value(QLatin1String("run_id")).toString();
            intent.chunk = entry.value(QLatin1String("chunk")).toInt();
            intent.action = entry.value(QLatin1String("action")).toString();
            intent.projectId = entry.value(QLatin1String("project_id")).toString();
            intent.targetCount = int(entry.value(QLatin1String("desktops")).toArray().size()
                                     + entry.value(QLatin1String("pools")).toArray().size());
            intent.processId = entry.value(QLatin1String("process_id")).toInteger();
            intent.host = entry.value(QLatin1String("host")).toString();
            indexByKey.insert(chunkKey(entry), intents.size());
            intents.append(intent);
        } else if (event == kSucceeded || event == kFailed || event == kNotSent || event == kOutcomeUnknown) {
            const auto found = indexByKey.constFind(chunkKey(entry));
            if (found != indexByKey.cend())
                intents[*found].runId.clear(); // answered
        }
    }
    intents.removeIf([](const OpenIntent &intent) { return intent.runId.isEmpty(); });
    return intents;
}

Settlement settleAtStart(AuditLog &audit, const QList<QJsonObject> &entries,
                         const std::function<bool(const OpenIntent &)> &isLive)
{
    Settlement settlement;
    for (const OpenIntent &intent : openIntents(entries)) {
        if (isLive && isLive(intent))
            continue;
        const QString reason = QCoreApplication::translate(
            "ActionRecord", "The app ended before the answer to this request was recorded; "
                            "the change may or may not have been made.");
        if (appendOutcomeUnknown(audit, intent.runId, intent.chunk, reason, QString())) {
            ++settlement.settled;
            settlement.messages.append(
                QCoreApplication::translate("ActionRecord",
                                            "The outcome of a request (%1) for %n desktop(s) or pool(s) is "
                                            "unknown (the app ended while it was being sent); re-list "
                                            "before deciding.",
                                            nullptr, intent.targetCount)
                    .arg(intent.action));
        } else {
            ++settlement.failedWrites;
            settlement.messages.append(audit.lastError());
        }
    }
    return settlement;
}

} // namespace ActionRecord
