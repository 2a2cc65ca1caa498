#include "deletionjob.h"

#include <QJsonArray>
#include <QUuid>

#include <algorithm>

namespace {
// A failing sub-job gives up half-way, like a real one that hits its error mid-deletion.
constexpr int kFailureProcess = 50;

// Documented strings have a minimum length of 1: a value not there yet is left out, never "".
void insertIfAny(QJsonObject &object, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}
} // namespace

DeletionJob::DeletionJob(QString id, QList<DeletionTarget> targets, int durationMs, QObject *parent)
    : QObject(parent)
    , m_id(std::move(id))
    , m_durationMs(qMax(1, durationMs))
    , m_createdUtc(QDateTime::currentDateTimeUtc())
{
    const qsizetype count = targets.size();
    for (qsizetype i = 0; i < count; ++i) {
        SubJob subJob;
        subJob.target = std::move(targets[i]);
        subJob.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        subJob.beginMs = m_durationMs / 10 + m_durationMs * 3 * i / (10 * count);
        const qint64 runMs = m_durationMs * 6 / 10;
        subJob.endMs = subJob.beginMs + (subJob.target.errorCode.isEmpty() ? runMs : runMs / 2);
        m_subJobs.append(std::move(subJob));
    }
    m_tick.setInterval(qBound(5, m_durationMs / 20, 500));
    connect(&m_tick, &QTimer::timeout, this, &DeletionJob::update);
}

void DeletionJob::start()
{
    m_elapsed.start();
    m_tick.start();
}

void DeletionJob::resume(const QDateTime &createdUtc, const QStringList &subJobIds)
{
    m_createdUtc = createdUtc;
    m_elapsedBeforeStartMs = std::max<qint64>(0, createdUtc.msecsTo(QDateTime::currentDateTimeUtc()));
    for (qsizetype i = 0; i < m_subJobs.size() && i < subJobIds.size(); ++i)
        m_subJobs[i].id = subJobIds.at(i);
    start();
}

QList<DeletionTarget> DeletionJob::targets() const
{
    QList<DeletionTarget> result;
    for (const SubJob &subJob : m_subJobs)
        result.append(subJob.target);
    return result;
}

QStringList DeletionJob::subJobIds() const
{
    QStringList result;
    for (const SubJob &subJob : m_subJobs)
        result.append(subJob.id);
    return result;
}

void DeletionJob::update()
{
    if (!m_elapsed.isValid())
        return;
    const qint64 now = m_elapsedBeforeStartMs + m_elapsed.elapsed();
    struct Ended
    {
        qint64 atMs;
        QString desktopId;
        bool succeeded;
    };
    QList<Ended> ended;
    for (SubJob &subJob : m_subJobs) {
        if (subJob.status == QLatin1String("SUCCESS") || subJob.status == QLatin1String("FAILED"))
            continue;
        const bool fails = !subJob.target.errorCode.isEmpty();
        if (m_neverEnds) {
            if (now >= subJob.beginMs) {
                subJob.status = QStringLiteral("RUNNING");
                subJob.process = static_cast<int>(qMin<qint64>(99, 100 * (now - subJob.beginMs) / (subJob.endMs - subJob.beginMs)));
            }
            continue;
        }
        if (now >= subJob.endMs) {
            subJob.status = fails ? QStringLiteral("FAILED") : QStringLiteral("SUCCESS");
            subJob.process = fails ? kFailureProcess : 100;
            ended.append({subJob.endMs, subJob.target.desktopId, !fails});
        } else if (now >= subJob.beginMs) {
            subJob.status = QStringLiteral("RUNNING");
            const int target = fails ? kFailureProcess : 100;
            subJob.process = static_cast<int>(target * (now - subJob.beginMs) / (subJob.endMs - subJob.beginMs));
        }
    }
    // A late tick (a busy machine) can end several sub-jobs at once: they are told in the order
    // they ended, as the service would have.
    std::stable_sort(ended.begin(), ended.end(), [](const Ended &a, const Ended &b) { return a.atMs < b.atMs; });
    for (const Ended &end : ended)
        Q_EMIT subJobFinished(end.desktopId, end.succeeded);
    if (isFinished() && !m_finishedEmitted) {
        m_finishedEmitted = true;
        m_tick.stop();
        Q_EMIT finished();
    }
}

QString DeletionJob::status() const
{
    bool anyStarted = false;
    bool anyFailed = false;
    bool allEnded = true;
    for (const SubJob &subJob : m_subJobs) {
        anyStarted = anyStarted || subJob.status != QLatin1String("WAITING");
        anyFailed = anyFailed || subJob.status == QLatin1String("FAILED");
        allEnded = allEnded && (subJob.status == QLatin1String("SUCCESS") || subJob.status == QLatin1String("FAILED"));
    }
    if (allEnded)
        return anyFailed ? QStringLiteral("FAILED") : QStringLiteral("SUCCESS");
    return anyStarted ? QStringLiteral("RUNNING") : QStringLiteral("WAITING");
}

bool DeletionJob::isFinished() const
{
    const QString current = status();
    return current == QLatin1String("SUCCESS") || current == QLatin1String("FAILED");
}

bool DeletionJob::containsDesktop(const QString &desktopId) const
{
    for (const SubJob &subJob : m_subJobs) {
        if (subJob.target.desktopId == desktopId)
            return true;
    }
    return false;
}

QString DeletionJob::timestamp(qint64 offsetMs, bool spaceSeparated) const
{
    const QDateTime time = m_createdUtc.addMSecs(offsetMs);
    return spaceSeparated ? time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : time.toString(Qt::ISODateWithMs);
}

QJsonObject DeletionJob::subJobJson(const SubJob &subJob) const
{
    const bool ended = subJob.status == QLatin1String("SUCCESS") || subJob.status == QLatin1String("FAILED");
    const bool failed = subJob.status == QLatin1String("FAILED");
    // Both documented forms of a time: every other sub-job in the published example's.
    const bool spaceSeparated = (&subJob - m_subJobs.constData()) % 2 == 1;
    QJsonObject entities{{QStringLiteral("desktop_id"), subJob.target.desktopId}};
    insertIfAny(entities, QStringLiteral("desktop_name"), subJob.target.desktopName);
    insertIfAny(entities, QStringLiteral("user_name"), subJob.target.userName);
    insertIfAny(entities, QStringLiteral("ip_address"), subJob.target.ipAddress);
    insertIfAny(entities, QStringLiteral("product_id"), subJob.target.productId);
    QJsonObject json{
        {QStringLiteral("id"), subJob.id},
        {QStringLiteral("job_id"), m_id},
        {QStringLiteral("job_type"), m_jobType},
        {QStringLiteral("entities"), entities},
        {QStringLiteral("status"), subJob.status},
        {QStringLiteral("process"), subJob.process},
    };
    if (subJob.status != QLatin1String("WAITING"))
        json.insert(QStringLiteral("begin_time"), timestamp(subJob.beginMs, spaceSeparated));
    if (ended)
        json.insert(QStringLiteral("end_time"), timestamp(subJob.endMs, spaceSeparated));
    if (failed) {
        insertIfAny(json, QStringLiteral("error_code"), subJob.target.errorCode);
        insertIfAny(json, QStringLiteral("fail_reason"), subJob.target.failReason);
    }
    return json;
}

QJsonObject DeletionJob::toJson() const
{
    QJsonArray subJobs;
    int failures = 0;
    QString firstErrorCode;
    qint64 lastEndMs = 0;
    for (const SubJob &subJob : m_subJobs) {
        subJobs.append(subJobJson(subJob));
        lastEndMs = qMax(lastEndMs, subJob.endMs);
        if (subJob.status == QLatin1String("FAILED")) {
            ++failures;
            if (firstErrorCode.isEmpty())
                firstErrorCode = subJob.target.errorCode;
        }
    }
    const QString current = status();
    QJsonObject json{
        {QStringLiteral("id"), m_id},
        {QStringLiteral("job_type"), m_jobType},
        {QStringLiteral("status"), current},
        {QStringLiteral("begin_time"), timestamp(0)},
        {QStringLiteral("sub_jobs_total"), static_cast<int>(m_subJobs.size())},
        {QStringLiteral("sub_jobs"), subJobs},
    };
    if (isFinished())
        json.insert(QStringLiteral("end_time"), timestamp(lastEndMs));
    if (current == QLatin1String("FAILED")) {
        insertIfAny(json, QStringLiteral("job_error_code"), firstErrorCode);
        json.insert(QStringLiteral("fail_reason"),
                    QStringLiteral("%1 of %2 desktops could not be deleted").arg(failures).arg(m_subJobs.size()));
    }
    return json;
}

QList<QJsonObject> DeletionJob::subJobsJson(const QString &status, int offset, int limit, int *totalCount) const
{
    QList<QJsonObject> matching;
    for (const SubJob &subJob : m_subJobs) {
        if (status.isEmpty() || subJob.status == status)
            matching.append(subJobJson(subJob));
    }
    if (totalCount)
        *totalCount = static_cast<int>(matching.size());
    return matching.mid(offset, limit);
}
