#pragma once

#include "api/apierror.h"
#include "api/workspacetypes.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <functional>

class ApiClient;
class ApiCall;

// Follows one batch-delete job until it ends: polls ShowJob, then the job's sub-jobs, with a
// growing interval. Transient errors (5xx, throttling, network, timeouts) are counted and polling
// goes on; an authentication or permission error stops at once (a 401 must never be repeated
// blindly: five in a row lock the access key). After giveUpAfterMs it stops and says so; the job
// then stays in the journal for a later resume. Ends exactly once: finished() or gaveUp().
class JobTracker : public QObject
{
    Q_OBJECT
public:
    struct Timing
    {
        int initialIntervalMs = 2000;
        double backoffFactor = 1.5;
        int maxIntervalMs = 15000;
        qint64 giveUpAfterMs = 30 * 60 * 1000;
    };
    enum class State { Idle, Polling, Finished, GaveUp };
    Q_ENUM(State)
    // Milliseconds from any fixed origin; injected by tests to move time without waiting.
    using Clock = std::function<qint64()>;

    JobTracker(ApiClient *client, QString jobId, QObject *parent = nullptr);
    ~JobTracker() override;

    void setTiming(const Timing &timing) { m_timing = timing; }
    const Timing &timing() const { return m_timing; }
    void setClock(Clock clock) { m_clock = std::move(clock); }

    void start();
    // Stops polling without ending: no signal follows (e.g. the window closes).
    void stop();

    QString jobId() const { return m_jobId; }
    State state() const { return m_state; }
    const Job &job() const { return m_job; }
    const QList<SubJob> &subJobs() const { return m_subJobs; }
    int overallPercent() const;
    int pollCount() const { return m_pollCount; }
    int transientErrorCount() const { return m_transientErrors; }
    int currentIntervalMs() const { return m_intervalMs; }
    const ApiError &lastError() const { return m_lastError; }
    QString gaveUpReason() const { return m_gaveUpReason; }

Q_SIGNALS:
    void progressChanged(int percent);
    void transientError(const ApiError &error, int count);
    // The next look at the job follows in delayMs (for "next check in …" and for tests).
    void pollScheduled(int delayMs);
    void finished();
    void gaveUp(const QString &reason);

private:
    void poll();
    void onShowJobFinished();
    void onSubJobsFinished();
    void onPollFailed(const ApiError &error);
    void completePoll();
    void scheduleNextPoll();
    bool allSubJobsEnded() const;
    void giveUp(const QString &reason);
    qint64 now() const;

    QPointer<ApiClient> m_client;
    QString m_jobId;
    Timing m_timing;
    Clock m_clock;
    State m_state = State::Idle;
    QTimer m_pollTimer;
    QPointer<ApiCall> m_call;
    Job m_job;
    QList<SubJob> m_subJobs;
    QList<SubJob> m_pendingSubJobs;
    ApiError m_lastError;
    QString m_gaveUpReason;
    qint64 m_startedAt = 0;
    int m_intervalMs = 0;
    int m_pollCount = 0;
    int m_transientErrors = 0;
    int m_lastPercent = -1;
    bool m_lastPollFailed = false;
};
