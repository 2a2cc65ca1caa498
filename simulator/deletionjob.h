#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

// One desktop of a batch-delete job, with its outcome decided when the job is accepted.
struct DeletionTarget
{
    QString desktopId;
    QString desktopName;
    QString userName;
    QString ipAddress;
    QString productId;
    QString errorCode;  // empty: the deletion succeeds
    QString failReason;
};

// An asynchronous deleteDesktops job: WAITING, then RUNNING with one sub-job per desktop
// whose `process` grows with the elapsed time, then SUCCESS when every sub-job succeeded, FAILED
// otherwise. Sub-jobs start staggered over the first third of the duration; the last one ends at
// durationMs. State follows the elapsed time, so answers are exact whenever they are asked for;
// a timer makes the side effects (desktops disappearing) happen even when nobody asks.
class DeletionJob : public QObject
{
    Q_OBJECT
public:
    // The job_type of a deletion as the Python SDK lists it; the definitions' job_type filter
    // names no deletion type (SimulatorConfig::deletionJobType switches it).
    static constexpr auto kJobType = "deleteDesktops";

    DeletionJob(QString id, QList<DeletionTarget> targets, int durationMs, QObject *parent = nullptr);

    void start();
    // Starts a job saved before a restart (SimulatorState): its clock runs from createdUtc, so the
    // time the service was down counts, and its sub-jobs keep their ids.
    void resume(const QDateTime &createdUtc, const QStringList &subJobIds);
    // From then on no sub-job ends: each stays RUNNING below 100 %, so the job never finishes.
    void setNeverEnds(bool neverEnds) { m_neverEnds = neverEnds; }
    void setJobType(const QString &jobType) { m_jobType = jobType; }
    // Brings every sub-job up to the elapsed time; emits subJobFinished() for those that ended.
    void update();

    QString id() const { return m_id; }
    QList<DeletionTarget> targets() const;
    QStringList subJobIds() const;
    int durationMs() const { return m_durationMs; }
    QDateTime createdUtc() const { return m_createdUtc; }
    QString status() const;
    bool isFinished() const;
    bool containsDesktop(const QString &desktopId) const;

    QJsonObject toJson() const; // ShowJob
    // ListItaSubJobs: sub-jobs with the given status (empty: all), from offset, at most limit.
    QList<QJsonObject> subJobsJson(const QString &status, int offset, int limit, int *totalCount) const;

Q_SIGNALS:
    void subJobFinished(const QString &desktopId, bool succeeded);
    void finished();

private:
    struct SubJob
    {
        DeletionTarget target;
        QString id;
        qint64 beginMs = 0;
        qint64 endMs = 0;
        QString status = QStringLiteral("WAITING");
        int process = 0;
    };

    QJsonObject subJobJson(const SubJob &subJob) const;
    // ISO-8601 with milliseconds and zone, or, with spaceSeparated, the published example's
    // "yyyy-MM-dd HH:mm:ss" without a zone (UTC).
    QString timestamp(qint64 offsetMs, bool spaceSeparated = false) const;

    QString m_id;
    QString m_jobType = QLatin1String(kJobType);
    QList<SubJob> m_subJobs;
    int m_durationMs;
    QDateTime m_createdUtc;
    QElapsedTimer m_elapsed;
    qint64 m_elapsedBeforeStartMs = 0; // resumed jobs: how long they ran before this process
    QTimer m_tick;
    bool m_finishedEmitted = false;
    bool m_neverEnds = false;
};
