#include "deletionresult.h"

#include "api/apierror.h"

#include <QJsonArray>
#include <QSaveFile>

#include <algorithm>

namespace {
// RFC 4180: quote a field holding a separator, quote or line break; double inner quotes. A cell
// starting like a formula gets a leading ' so that a spreadsheet shows it instead of running it
// (desktop names and server messages are not ours to trust).
QByteArray csvField(const QString &value)
{
    QString text = value;
    if (!text.isEmpty()) {
        const QChar first = text.at(0);
        if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-')
            || first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r'))
            text.prepend(QLatin1Char('\''));
    }
    QByteArray bytes = text.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') || bytes.contains('\r')) {
        bytes.replace('"', QByteArrayLiteral("\"\""));
        bytes = '"' + bytes + '"';
    }
    return bytes;
}

QString reasonOf(const ApiError &error)
{
    if (!error.errorMessage.isEmpty())
        return error.errorMessage;
    return error.summary();
}
} // namespace

bool DesktopResult::isFinal() const
{
    return outcome != DeletionOutcome::Pending && outcome != DeletionOutcome::Submitted;
}

DeletionResult::DeletionResult(const QStringList &desktopIds,
                               const QHash<QString, QString> &desktopNames)
{
    for (const QString &id : desktopIds) {
        if (m_index.contains(id))
            continue;
        DesktopResult row;
        row.desktopId = id;
        row.desktopName = desktopNames.value(id);
        m_index.insert(id, int(m_rows.size()));
        m_rows.append(row);
    }
}

DesktopResult DeletionResult::row(const QString &desktopId) const
{
    const auto it = m_index.constFind(desktopId);
    return it == m_index.cend() ? DesktopResult{} : m_rows.at(it.value());
}

DesktopResult *DeletionResult::find(const QString &desktopId)
{
    const auto it = m_index.constFind(desktopId);
    return it == m_index.cend() ? nullptr : &m_rows[it.value()];
}

int DeletionResult::count(DeletionOutcome outcome) const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [outcome](const DesktopResult &row) { return row.outcome == outcome; }));
}

bool DeletionResult::isComplete() const
{
    return std::all_of(m_rows.cbegin(), m_rows.cend(),
                       [](const DesktopResult &row) { return row.isFinal(); });
}

void DeletionResult::setSubmitted(const QStringList &desktopIds, const QString &jobId)
{
    for (const QString &id : desktopIds) {
        if (DesktopResult *row = find(id)) {
            row->outcome = DeletionOutcome::Submitted;
            row->jobId = jobId;
        }
    }
}

void DeletionResult::setPostFailed(const QStringList &desktopIds, const ApiError &error)
{
    // After an ambiguous failure the request may have reached the server: nobody knows yet.
    // A configuration error stops the call before anything goes on the wire.
    DeletionOutcome outcome = DeletionOutcome::Failed;
    if (isAmbiguousPostFailure(error))
        outcome = DeletionOutcome::Unknown;
    else if (error.kind == ApiError::Kind::Configuration || error.kind == ApiError::Kind::Cancelled)
        outcome = DeletionOutcome::NotSent;
    for (const QString &id : desktopIds) {
        if (DesktopResult *row = find(id)) {
            row->outcome = outcome;
            row->errorCode = error.errorCode.isEmpty() && error.httpStatus
                ? QString::number(error.httpStatus)
                : error.errorCode;
            row->reason = outcome == DeletionOutcome::Unknown
                ? reasonOf(error) + QLatin1Char(' ') + unknownOutcomeAdvice()
                : reasonOf(error);
        }
    }
}

bool DeletionResult::isAmbiguousPostFailure(const ApiError &error)
{
    return error.isAmbiguous() || (error.kind == ApiError::Kind::Http && error.httpStatus == 409);
}

QString DeletionResult::unknownOutcomeAdvice()
{
    return tr("Outcome unknown — re-list the desktops before deciding.");
}

void DeletionResult::setNotSent(const QStringList &desktopIds, const QString &reason)
{
    setOutcome(desktopIds, DeletionOutcome::NotSent, reason);
}

void DeletionResult::setUnknown(const QStringList &desktopIds, const QString &reason)
{
    setOutcome(desktopIds, DeletionOutcome::Unknown, reason);
}

void DeletionResult::setOutcome(const QStringList &desktopIds, DeletionOutcome outcome,
                                const QString &reason)
{
    for (const QString &id : desktopIds) {
        if (DesktopResult *row = find(id)) {
            row->outcome = outcome;
            row->reason = reason;
        }
    }
}

void DeletionResult::applyJob(const Job &job, const QList<SubJob> &subJobs, bool jobEnded)
{
    for (const SubJob &subJob : subJobs) {
        DesktopResult *row = find(subJob.desktopId);
        if (!row || row->jobId != job.id)
            continue;
        row->process = subJob.process;
        switch (subJob.state()) {
        case JobState::Succeeded:
            row->outcome = DeletionOutcome::Deleted;
            row->endTime = subJob.endTime;
            row->process = 100;
            row->errorCode.clear();
            row->reason.clear();
            break;
        case JobState::Failed:
            row->outcome = DeletionOutcome::Failed;
            row->endTime = subJob.endTime;
            row->errorCode = subJob.errorCode;
            row->reason = subJob.failReason;
            break;
        case JobState::InProgress:
            break;
        }
    }
    if (!jobEnded)
        return;
    QSet<QString> listed;
    for (const SubJob &subJob : subJobs)
        listed.insert(subJob.desktopId);
    const bool jobFailed = job.state() == JobState::Failed;
    // A failed job that never had a sub-job refused the whole request; otherwise the job's
    // failure says nothing certain about a desktop whose own part had not ended.
    const bool refusedAsAWhole = jobFailed && subJobs.isEmpty() && job.subJobsTotal == 0;
    for (DesktopResult &row : m_rows) {
        if (row.jobId != job.id || row.isFinal())
            continue;
        if (refusedAsAWhole) {
            row.outcome = DeletionOutcome::Failed;
            row.endTime = job.endTime;
            row.errorCode = job.jobErrorCode;
            row.reason = job.failReason;
            continue;
        }
        row.outcome = DeletionOutcome::Unknown;
        const QString what = listed.contains(row.desktopId)
            ? tr("The job ended (%1) while this desktop's part was still running.").arg(job.status)
            : tr("The job ended (%1) without a result for this desktop.").arg(job.status);
        row.reason = what + QLatin1Char(' ') + unknownOutcomeAdvice();
    }
}

void DeletionResult::setJobAbandoned(const QString &jobId, const QString &reason)
{
    for (DesktopResult &row : m_rows) {
        if (row.jobId == jobId && !row.isFinal()) {
            row.outcome = DeletionOutcome::Unknown;
            row.reason = reason;
        }
    }
}

QStringList DeletionResult::failedDesktopIds() const
{
    QStringList ids;
    for (const DesktopResult &row : m_rows) {
        if (row.outcome == DeletionOutcome::Failed)
            ids.append(row.desktopId);
    }
    return ids;
}

QStringList DeletionResult::unresolvedDesktopIds() const
{
    QStringList ids;
    for (const DesktopResult &row : m_rows) {
        if (row.outcome == DeletionOutcome::Failed || row.outcome == DeletionOutcome::NotSent
            || row.outcome == DeletionOutcome::Unknown)
            ids.append(row.desktopId);
    }
    return ids;
}

QJsonObject DeletionResult::jobResultsJson(const QString &jobId) const
{
    QJsonObject counts;
    QJsonArray notDeleted;
    QJsonArray deleted;
    for (const DesktopResult &row : m_rows) {
        if (row.jobId != jobId)
            continue;
        const QString name = outcomeName(row.outcome);
        counts.insert(name, counts.value(name).toInt() + 1);
        if (row.outcome == DeletionOutcome::Deleted) {
            deleted.append(row.desktopId);
        } else {
            notDeleted.append(QJsonObject{{QLatin1String("desktop_id"), row.desktopId},
                                          {QLatin1String("outcome"), name},
                                          {QLatin1String("error_code"), row.errorCode},
                                          {QLatin1String("fail_reason"), row.reason}});
        }
    }
    return QJsonObject{{QLatin1String("counts"), counts},
                       {QLatin1String("deleted"), deleted},
                       {QLatin1String("not_deleted"), notDeleted}};
}

QString DeletionResult::summaryText() const
{
    return summaryText([this](DeletionOutcome outcome) { return count(outcome); });
}

QString DeletionResult::summaryText(const std::function<int(DeletionOutcome)> &countOf)
{
    QStringList parts;
    const auto add = [&parts, &countOf](DeletionOutcome outcome, const char *text) {
        const int n = countOf(outcome);
        if (n > 0)
            parts.append(tr(text, nullptr, n));
    };
    add(DeletionOutcome::Deleted, QT_TR_N_NOOP("%n deleted"));
    add(DeletionOutcome::Failed, QT_TR_N_NOOP("%n failed"));
    add(DeletionOutcome::Unknown, QT_TR_N_NOOP("%n unknown"));
    add(DeletionOutcome::NotSent, QT_TR_N_NOOP("%n not sent"));
    add(DeletionOutcome::Submitted, QT_TR_N_NOOP("%n in progress"));
    add(DeletionOutcome::Pending, QT_TR_N_NOOP("%n waiting"));
    if (parts.isEmpty())
        return tr("Nothing to delete");
    return parts.join(tr(", ", "separator between summary counts"));
}

QByteArray DeletionResult::toCsv(const std::optional<BatchDeleteOptions> &options) const
{
    QByteArray csv = QByteArrayLiteral("desktop_id,desktop_name,outcome,error_code,reason,job_id,end_time,"
                                       "delete_users,email_notification,force_delete\r\n");
    const auto flag = [&options](bool BatchDeleteOptions::*option) {
        return options ? QByteArray((*options).*option ? "true" : "false") : QByteArray();
    };
    const QByteArray optionCells = ',' + flag(&BatchDeleteOptions::deleteUsers) + ','
        + flag(&BatchDeleteOptions::emailNotification) + ',' + flag(&BatchDeleteOptions::forceDelete);
    for (const DesktopResult &row : m_rows) {
        const QString endTime = row.endTime.isValid()
            ? row.endTime.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"))
            : QString();
        csv += csvField(row.desktopId) + ',' + csvField(row.desktopName) + ','
            + csvField(outcomeName(row.outcome)) + ',' + csvField(row.errorCode) + ','
            + csvField(row.reason) + ',' + csvField(row.jobId) + ',' + csvField(endTime) + optionCells + "\r\n";
    }
    return csv;
}

bool DeletionResult::exportCsv(const QString &filePath, QString *error,
                               const std::optional<BatchDeleteOptions> &options) const
{
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(filePath, file.errorString());
        return false;
    }
    file.write(toCsv(options));
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(filePath, file.errorString());
        return false;
    }
    return true;
}

QString DeletionResult::outcomeName(DeletionOutcome outcome)
{
    switch (outcome) {
    case DeletionOutcome::Pending:
        return QStringLiteral("pending");
    case DeletionOutcome::Submitted:
        return QStringLiteral("in_progress");
    case DeletionOutcome::Deleted:
        return QStringLiteral("deleted");
    case DeletionOutcome::Failed:
        return QStringLiteral("failed");
    case DeletionOutcome::NotSent:
        return QStringLiteral("not_sent");
    case DeletionOutcome::Unknown:
        return QStringLiteral("unknown");
    }
    return {};
}

QString DeletionResult::outcomeText(DeletionOutcome outcome)
{
    switch (outcome) {
    case DeletionOutcome::Pending:
        return tr("Waiting");
    case DeletionOutcome::Submitted:
        return tr("In progress");
    case DeletionOutcome::Deleted:
        return tr("Deleted");
    case DeletionOutcome::Failed:
        return tr("Failed");
    case DeletionOutcome::NotSent:
        return tr("Not sent");
    case DeletionOutcome::Unknown:
        return tr("Unknown");
    }
    return {};
}
