#include "changekind.h"

#include "api/apicalls.h"
#include "api/apierror.h"
#include "api/decommissioncalls.h"
#include "api/decommissionjson.h"
#include "api/retirementcalls.h"
#include "api/workspacejson.h"

#include <QJsonArray>
#include <QUrl>

namespace {
// A desktop batch takes ids the API can name: not empty, not too long (duplicates are dropped
// when the targets are gathered).
QString desktopRefusal(const QString &id)
{
    if (id.isEmpty() || id.size() > DecommissionJson::kMaxIdChars)
        return QCoreApplication::translate("ChangeKind", "A desktop id must have 1 to 255 characters.");
    return {};
}

ChangeKind desktopBatch(QString name, QString displayName)
{
    ChangeKind kind;
    kind.name = std::move(name);
    kind.displayName = std::move(displayName);
    kind.targetType = QStringLiteral("desktop");
    kind.maxTargetsPerRequest = DesktopBatchCall::kMaxDesktops;
    kind.refusal = desktopRefusal;
    return kind;
}
} // namespace

bool ChangeKind::isUnknownOutcome(const ApiError &error) const
{
    return error.isAmbiguous()
        || (conflictMayAnswerACopy && error.kind == ApiError::Kind::Http && error.httpStatus == 409);
}

namespace ChangeKinds {

QJsonObject deleteOptionsJson(const BatchDeleteOptions &options)
{
    return QJsonObject{{QLatin1String("delete_users"), options.deleteUsers},
                       {QLatin1String("email_notification"), options.emailNotification},
                       {QLatin1String("is_force_delete"), options.forceDelete}};
}

BatchDeleteOptions deleteOptionsFrom(const QJsonObject &parameters)
{
    BatchDeleteOptions options;
    options.deleteUsers = parameters.value(QLatin1String("delete_users")).toBool(false);
    options.emailNotification = parameters.value(QLatin1String("email_notification")).toBool(true);
    options.forceDelete = parameters.value(QLatin1String("is_force_delete")).toBool(false);
    return options;
}

ChangeKind batchDelete(const BatchDeleteOptions &options)
{
    ChangeKind kind = desktopBatch(QStringLiteral("delete"), QCoreApplication::translate("ChangeKind", "Delete desktops"));
    kind.maxTargetsPerRequest = BatchDeleteCall::kMaxDesktops;
    kind.parameters = deleteOptionsJson(options);
    kind.conflictMayAnswerACopy = true;
    kind.plan = [options](const QStringList &ids) {
        return PlannedRequest{QByteArrayLiteral("POST"), QStringLiteral("desktops/batch-delete"),
                              WorkspaceJson::batchDeleteBody(ids, options)};
    };
    kind.send = [options](ApiClient *client, const QStringList &ids) -> ApiCall * {
        return new BatchDeleteCall(client, ids, options);
    };
    kind.acceptedJobId = [](const ApiCall &call) { return static_cast<const BatchDeleteCall &>(call).jobId(); };
    return kind;
}

ChangeKind maintenance(bool on)
{
    ChangeKind kind = on ? desktopBatch(QStringLiteral("maintenance_on"), QCoreApplication::translate("ChangeKind", "Start maintenance"))
                         : desktopBatch(QStringLiteral("maintenance_off"), QCoreApplication::translate("ChangeKind", "End maintenance"));
    kind.plan = [on](const QStringList &ids) {
        return PlannedRequest{QByteArrayLiteral("PUT"), QStringLiteral("desktops/maintenance-mode"),
                              DecommissionJson::maintenanceModeBody(ids, on)};
    };
    kind.send = [on](ApiClient *client, const QStringList &ids) -> ApiCall * {
        return new SetMaintenanceModeCall(client, ids, on);
    };
    return kind;
}

ChangeKind logoff(const QString &message)
{
    ChangeKind kind = desktopBatch(QStringLiteral("logoff"), QCoreApplication::translate("ChangeKind", "Log users off"));
    kind.parameters = QJsonObject{{QLatin1String("message"), message}};
    // A message the service would refuse is refused here, before an intent is written or anything
    // sent (a 120 KB text would otherwise be audited and sent with each request).
    if (const std::optional<QString> problem = DecommissionJson::logoffMessageProblem(message))
        kind.refusal = [reason = *problem](const QString &) { return reason; };
    kind.plan = [message](const QStringList &ids) {
        return PlannedRequest{QByteArrayLiteral("POST"), QStringLiteral("desktops/logoff"),
                              DecommissionJson::logoffBody(ids, message)};
    };
    kind.send = [message](ApiClient *client, const QStringList &ids) -> ApiCall * {
        return new LogoffDesktopsCall(client, ids, message);
    };
    return kind;
}

ChangeKind poolAutoscale(bool enable)
{
    ChangeKind kind;
    kind.name = enable ? QStringLiteral("autoscale_on") : QStringLiteral("autoscale_off");
    kind.displayName = enable ? QCoreApplication::translate("ChangeKind", "Turn autoscale on") : QCoreApplication::translate("ChangeKind", "Turn autoscale off");
    kind.targetType = QStringLiteral("pool");
    kind.maxTargetsPerRequest = 1; // the API changes one pool a request
    kind.parameters = QJsonObject{{QLatin1String("enable_autoscale"), enable}};
    kind.refusal = [](const QString &id) {
        // The id goes into the path: refused here, not encoded into a path to another resource.
        return DecommissionJson::isUsableId(id)
            ? QString()
            : QCoreApplication::translate("ChangeKind", "A pool id must be 1 to 255 letters, digits, '-', '_', '.' or ':'.");
    };
    kind.plan = [enable](const QStringList &ids) {
        return PlannedRequest{QByteArrayLiteral("PUT"),
                              QStringLiteral("desktop-pools/") + QString::fromLatin1(QUrl::toPercentEncoding(ids.value(0))),
                              DecommissionJson::poolAutoscaleBody(enable)};
    };
    kind.send = [enable](ApiClient *client, const QStringList &ids) -> ApiCall * {
        return new UpdatePoolAutoscaleCall(client, ids.value(0), enable);
    };
    return kind;
}

namespace {
QJsonArray tagsJson(const QList<DesktopTag> &tags)
{
    QJsonArray array;
    for (const DesktopTag &tag : tags)
        array.append(QJsonObject{{QLatin1String("key"), tag.key}, {QLatin1String("value"), tag.value}});
    return array;
}

// Why these tags cannot be sent at all (translated), empty when they can: checked before any
// intent is written, like the log-off's message.
QString tagsProblem(const QList<DesktopTag> &tags)
{
    if (tags.isEmpty() || tags.size() > RetirementJson::kMaxTagsPerDesktop)
        return QCoreApplication::translate("ChangeKind", "A tag request takes 1 to %1 tags, not %2.")
            .arg(RetirementJson::kMaxTagsPerDesktop)
            .arg(tags.size());
    QStringList keys;
    for (const DesktopTag &tag : tags) {
        const QString problem = RetirementJson::tagProblem(tag);
        if (!problem.isEmpty())
            return problem;
        if (keys.contains(tag.key))
            return QCoreApplication::translate("ChangeKind", "The tag key %1 is named twice.").arg(tag.key);
        keys.append(tag.key);
    }
    return {};
}

ChangeKind tagChange(bool add, const QList<DesktopTag> &tags)
{
    ChangeKind kind = add ? desktopBatch(QStringLiteral("tags_add"), QCoreApplication::translate("ChangeKind", "Tag desktops"))
                          : desktopBatch(QStringLiteral("tags_remove"), QCoreApplication::translate("ChangeKind", "Remove tags"));
    kind.maxTargetsPerRequest = RetirementJson::kMaxDesktopsPerTagRequest;
    kind.parameters = QJsonObject{{QLatin1String("tags"), tagsJson(tags)}};
    const QString problem = tagsProblem(tags);
    kind.refusal = [problem](const QString &id) -> QString {
        if (!problem.isEmpty())
            return problem;
        // The tag calls name desktops of at most 128 characters.
        if (id.isEmpty() || id.size() > 128)
            return QCoreApplication::translate("ChangeKind", "A desktop id to tag must have 1 to 128 characters.");
        return {};
    };
    const BatchDesktopTagsCall::Change change = add ? BatchDesktopTagsCall::Change::Add : BatchDesktopTagsCall::Change::Remove;
    kind.plan = [add, tags](const QStringList &ids) {
        return PlannedRequest{add ? QByteArrayLiteral("POST") : QByteArrayLiteral("DELETE"), QStringLiteral("desktops/batch-tags"),
                              RetirementJson::batchTagsBody(ids, tags)};
    };
    kind.send = [change, tags](ApiClient *client, const QStringList &ids) -> ApiCall * {
        return new BatchDesktopTagsCall(client, change, ids, tags);
    };
    return kind;
}
} // namespace

ChangeKind addTags(const QList<DesktopTag> &tags)
{
    return tagChange(true, tags);
}

ChangeKind removeTags(const QList<DesktopTag> &tags)
{
    return tagChange(false, tags);
}

ChangeKind power(PowerOperation operation)
{
    const QString operationName = RetirementJson::powerOperationName(operation);
    ChangeKind kind;
    switch (operation) {
    case PowerOperation::Start:
        kind = desktopBatch(QStringLiteral("power_start"), QCoreApplication::translate("ChangeKind", "Start desktops"));
        break;
    case PowerOperation::Stop:
        kind = desktopBatch(QStringLiteral("power_stop"), QCoreApplication::translate("ChangeKind", "Stop desktops"));
        break;
    case PowerOperation::Reboot:
        kind = desktopBatch(QStringLiteral("power_reboot"), QCoreApplication::translate("ChangeKind", "Restart desktops"));
        break;
    case PowerOperation::Hibernate:
        kind = desktopBatch(QStringLiteral("power_hibernate"), QCoreApplication::translate("ChangeKind", "Hibernate desktops"));
        break;
    }
    kind.parameters = QJsonObject{{QLatin1String("op_type"), operationName}, {QLatin1String("type"), QStringLiteral("SOFT")}};
    kind.plan = [operation](const QStringList &ids) {
        return PlannedRequest{QByteArrayLiteral("POST"), QStringLiteral("desktops/action"),
                              RetirementJson::powerActionBody(ids, operation, false)};
    };
    kind.send = [operation](ApiClient *client, const QStringList &ids) -> ApiCall * {
        return new BatchPowerActionCall(client, ids, operation, false);
    };
    kind.acceptedJobId = [](const ApiCall &call) { return static_cast<const BatchPowerActionCall &>(call).result().jobId; };
    kind.acceptedTargetFailures = [](const ApiCall &call) {
        QList<TargetFailure> failures;
        for (const PowerActionFailure &failure : static_cast<const BatchPowerActionCall &>(call).result().failures)
            failures.append({failure.desktopId, failure.errorCode, failure.errorMessage});
        return failures;
    };
    return kind;
}

ChangeKind forAction(DecommissionAction action, const QString &message)
{
    switch (action) {
    case DecommissionAction::StartMaintenance:
        return maintenance(true);
    case DecommissionAction::EndMaintenance:
        return maintenance(false);
    case DecommissionAction::LogOff:
        return logoff(message);
    case DecommissionAction::TurnAutoscaleOff:
        break;
    }
    return poolAutoscale(false);
}

} // namespace ChangeKinds
