#include "auditlog.h"

#include "deletion/unknownoutcomes.h"

#include "api/apierror.h"

#include <QCoreApplication>
#include <QSysInfo>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace {
const QString kDeleteKind = QStringLiteral("delete");

QJsonObject requestFields(const AuditedRequest &request)
{
    QJsonObject fields{{QLatin1String("kind"), request.kind}, {QLatin1String("run_id"), request.runId}};
    if (request.chunk >= 0)
        fields.insert(QLatin1String("chunk"), request.chunk);
    return fields;
}

void insertError(QJsonObject &fields, const ApiError &error)
{
    // ApiError carries no credential; its details are what support needs to trace the call.
    fields.insert(QLatin1String("http_status"), error.httpStatus);
    fields.insert(QLatin1String("error_code"), error.errorCode);
    fields.insert(QLatin1String("error_msg"), error.errorMessage);
    fields.insert(QLatin1String("error_detail"), error.errorDetail);
    fields.insert(QLatin1String("encoded_authorization_message"), error.encodedAuthorizationMessage);
    fields.insert(QLatin1String("request_id"), error.requestId);
    fields.insert(QLatin1String("transport_message"), error.transportMessage);
    fields.insert(QLatin1String("summary"), error.summary());
}

bool endsWithNewline(const QString &filePath)
{
    QFile file(filePath);
    if (file.size() == 0 || !file.open(QIODevice::ReadOnly) || !file.seek(file.size() - 1))
        return true;
    char last = '\n';
    return !file.getChar(&last) || last == '\n';
}
} // namespace

AuditLog::AuditLog(QString filePath)
    : m_filePath(std::move(filePath))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

AuditLog::~AuditLog() = default;

QString AuditLog::defaultFilePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("audit.jsonl"));
}

bool AuditLog::appendIntent(const DeletionContext &context, const ChangeKind &kind, const QString &runId, int chunk,
                            const QList<ChangeTarget> &targets)
{
    QJsonArray list;
    for (const ChangeTarget &target : targets)
        list.append(QJsonObject{{QLatin1String("id"), target.id}, {QLatin1String("name"), target.name}});
    return append(QStringLiteral("intent"),
                  QJsonObject{{QLatin1String("kind"), kind.name},
                              {QLatin1String("run_id"), runId},
                              {QLatin1String("chunk"), chunk},
                              {QLatin1String("os_user"), context.osUser},
                              {QLatin1String("profile"), context.profileName},
                              {QLatin1String("project_id"), context.projectId},
                              {QLatin1String("endpoint_host"), context.endpointHost},
                              {QLatin1String("region"), context.region},
                              {QLatin1String("target_type"), kind.targetType},
                              {QLatin1String("targets"), list},
                              {QLatin1String("parameters"), kind.parameters},
                              // Lets a later start tell an intent whose process died from one
                              // whose request is still on the wire in another process.
                              {QLatin1String("process_id"), QCoreApplication::applicationPid()},
                              {QLatin1String("host"), QSysInfo::machineHostName()}});
}

bool AuditLog::appendDone(const AuditedRequest &request, const QString &requestId, const QString &jobId,
                          const QJsonArray &failedTargets)
{
    QJsonObject fields = requestFields(request);
    fields.insert(QLatin1String("request_id"), requestId);
    if (!jobId.isEmpty())
        fields.insert(QLatin1String("job_id"), jobId);
    if (!failedTargets.isEmpty())
        fields.insert(QLatin1String("failed_targets"), failedTargets);
    return append(QStringLiteral("done"), fields);
}

bool AuditLog::appendFailed(const AuditedRequest &request, const ApiError &error)
{
    QJsonObject fields = requestFields(request);
    insertError(fields, error);
    return append(QStringLiteral("failed"), fields);
}

bool AuditLog::appendOutcomeUnknown(const AuditedRequest &request, const QString &reason, const QString &ambiguity,
                                    const ApiError &error)
{
    QJsonObject fields = requestFields(request);
    fields.insert(QLatin1String("project_id"), request.projectId);
    fields.insert(QLatin1String("target_ids"), QJsonArray::fromStringList(request.targetIds));
    if (error.isError())
        insertError(fields, error);
    fields.insert(QLatin1String("reason"), reason);
    fields.insert(QLatin1String("ambiguity"), ambiguity);
    return append(QStringLiteral("outcome_unknown"), fields);
}

bool AuditLog::appendNotSent(const AuditedRequest &request, const QString &reason, const QString &region)
{
    QJsonObject fields = requestFields(request);
    fields.insert(QLatin1String("project_id"), request.projectId);
    if (!region.isEmpty())
        fields.insert(QLatin1String("region"), region);
    fields.insert(QLatin1String("target_ids"), QJsonArray::fromStringList(request.targetIds));
    fields.insert(QLatin1String("reason"), reason);
    return append(QStringLiteral("not_sent"), fields);
}

bool AuditLog::appendJobFinished(const QString &jobId, const QString &jobStatus,
                                 const QJsonObject &results)
{
    return append(QStringLiteral("job_finished"),
                  QJsonObject{{QLatin1String("kind"), kDeleteKind},
                              {QLatin1String("job_id"), jobId},
                              {QLatin1String("job_status"), jobStatus},
                              {QLatin1String("results"), results}});
}

bool AuditLog::appendJobGaveUp(const QString &jobId, const QString &reason)
{
    return append(QStringLiteral("job_gave_up"),
                  QJsonObject{{QLatin1String("kind"), kDeleteKind},
                              {QLatin1String("job_id"), jobId}, {QLatin1String("reason"), reason}});
}

bool AuditLog::appendJobLost(const QString &jobId, const QString &projectId, const QString &reason,
                             const QJsonObject &results)
{
    return append(QStringLiteral("job_lost"),
                  QJsonObject{{QLatin1String("kind"), kDeleteKind},
                              {QLatin1String("job_id"), jobId},
                              {QLatin1String("project_id"), projectId},
                              {QLatin1String("reason"), reason},
                              {QLatin1String("results"), results}});
}

bool AuditLog::appendJobFound(const QString &runId, int chunkIndex, const QString &jobId,
                              const QStringList &desktopIds)
{
    return append(QStringLiteral("job_found"),
                  QJsonObject{{QLatin1String("kind"), kDeleteKind},
                              {QLatin1String("run_id"), runId},
                              {QLatin1String("chunk"), chunkIndex},
                              {QLatin1String("job_id"), jobId},
                              {QLatin1String("desktop_ids"), QJsonArray::fromStringList(desktopIds)}});
}

bool AuditLog::appendJobNotFound(const QString &runId, int chunkIndex, const QString &reason)
{
    return append(QStringLiteral("job_not_found"),
                  QJsonObject{{QLatin1String("kind"), kDeleteKind},
                              {QLatin1String("run_id"), runId},
                              {QLatin1String("chunk"), chunkIndex},
                              {QLatin1String("reason"), reason}});
}

bool AuditLog::appendOutcomeResolved(const QString &projectId, const QStringList &desktopIds,
                                     const QString &resolution)
{
    return append(QStringLiteral("outcome_resolved"),
                  QJsonObject{{QLatin1String("kind"), kDeleteKind},
                              {QLatin1String("project_id"), projectId},
                              {QLatin1String("desktop_ids"), QJsonArray::fromStringList(desktopIds)},
                              {QLatin1String("resolution"), resolution}});
}

bool AuditLog::append(const QString &event, QJsonObject fields)
{
    fields.insert(QLatin1String("time"), m_clock().toUTC().toString(Qt::ISODateWithMs));
    fields.insert(QLatin1String("event"), event);
    fields.insert(QLatin1String("schema"), kSchemaVersion);
    QByteArray line = QJsonDocument(fields).toJson(QJsonDocument::Compact) + '\n';

    const QFileInfo info(m_filePath);
    if (!QDir().mkpath(info.absolutePath())) {
        m_lastError = tr("Cannot create the folder %1.").arg(info.absolutePath());
        return false;
    }
    // A line torn by a crash must not swallow the next one: start on a fresh line.
    if (!endsWithNewline(m_filePath))
        line.prepend('\n');
    QFile file(m_filePath);
    // Append mode: the OS positions every write at the end, so earlier lines are never touched.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        m_lastError = tr("Cannot open the audit log %1: %2").arg(m_filePath, file.errorString());
        return false;
    }
    if (file.write(line) != line.size() || !file.flush()) {
        m_lastError = tr("Cannot write the audit log %1: %2").arg(m_filePath, file.errorString());
        return false;
    }
    file.close();
    m_lastError.clear();
    if (m_unknownOutcomes)
        m_unknownOutcomes->replay(fields);
    return true;
}

QSet<QString> AuditLog::unknownOutcomeDesktopIds(const QString &projectId)
{
    if (!m_unknownOutcomes) {
        m_unknownOutcomes = std::make_unique<UnknownOutcomes>();
        const QList<QJsonObject> entries = readEntries(m_filePath);
        for (const QJsonObject &entry : entries)
            m_unknownOutcomes->replay(entry);
    }
    return m_unknownOutcomes->of(projectId, kDeleteKind);
}

QSet<QString> AuditLog::unknownOutcomeTargetIds(const QString &projectId, const QString &kind)
{
    unknownOutcomeDesktopIds(projectId); // reads the file at the first question
    return m_unknownOutcomes->of(projectId, kind);
}

QList<QJsonObject> AuditLog::readEntries(const QString &filePath, QString *error)
{
    QList<QJsonObject> entries;
    QFile file(filePath);
    if (!file.exists())
        return entries;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read the audit log %1: %2").arg(filePath, file.errorString());
        return entries;
    }
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QJsonDocument document = QJsonDocument::fromJson(line);
        // A line cut short by a crash is not JSON; the lines before it still are.
        if (document.isObject())
            entries.append(document.object());
    }
    return entries;
}
