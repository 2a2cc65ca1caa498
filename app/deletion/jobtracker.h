#pragma once

#include "api/apicalls.h"
#include "api/apierror.h"
#include "api/workspacetypes.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

class ApiClient;
class ApiCall;
class ListAllSubJobsCall;
class ShowJobCall;
class PollingBudget;

// Follows one batch-delete job until the service says it ended: polls ShowJob, then the job's
// sub-jobs, with a growing interval. Every request waits for a slot of the PollingBudget that all
// trackers of the client share (at most a few requests per second in total, round-robin). The job is finished only in a terminal status (SUCCESS or
// COMPLETE, FAILED or FAIL); any other value is "in progress" until giveUpAfterMs. Each requested
// desktop is judged by its own sub-job: a repeated desktop counts once, sub-jobs of desktops that
// were not requested are ignored (and logged).
//
// Transient errors (5xx, throttling, network, timeouts) are counted and polling goes on; an
// authentication or permission error stops at once (a 401 must never be repeated blindly: five in
// a row lock the access key). A job the service no longer knows (404, or WKS.0202 which arrives
// as 500) kNotFoundInARowMeansGone times in a row, or a job id that cannot be used in a request at
// all, is lost: it can never be followed, so the caller settles its desktops as unknown. After
// giveUpAfterMs it stops and says so (also in the middle of paging); the job then stays in the
// journal for a later resume. Ends exactly once: finished(), gaveUp() or lost().
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
    enum class State { Idle, Polling, Finished, GaveUp, Lost };
    Q_ENUM(State)
    // Milliseconds from any fixed origin; injected by tests to move time without waiting.
    using Clock = std::function<qint64()>;

    static constexpr int kNotFoundInARowMeansGone = 3;
    // The sub-job listing's documented bounds; with the largest page that is 11 pages.
    static constexpr int kMaxSubJobOffset = ListSubJobsCall::kMaxOffset;
    static constexpr int kMaxSubJobPagesPerPoll = ListSubJobsCall::kMaxPages;

    JobTracker(ApiClient *client, QString jobId, QObject *parent = nullptr);
    ~JobTracker() override;

    // Whether a job id can be put in a request path at all (length, characters, no "." or "..").
    static bool isFollowableJobId(const QString &jobId);

    void setTiming(const Timing &timing) { m_timing = timing; }
    const Timing &timing() const { return m_timing; }
    void setClock(Clock clock) { m_clock = std::move(clock); }
    // The shared request rate; without one, PollingBudget::forClient() of the client.
    void setPollingBudget(PollingBudget *budget);
    PollingBudget *pollingBudget() const;
    // The desktops of the request; without them every listed desktop is taken as requested.
    void setRequestedDesktopIds(const QStringList &desktopIds);

    void start();
    // Stops polling without ending: no signal follows (e.g. the window closes).
    void stop();

    QString jobId() const { return m_jobId; }
    State state() const { return m_state; }
    const Job &job() const { return m_job; }
    // One sub-job per requested desktop that the service has listed, in the order of the request.
    const QList<SubJob> &subJobs() const { return m_subJobs; }
    int overallPercent() const;
    int pollCount() const { return m_pollCount; }
    int subJobPageRequests() const { return m_subJobPageRequests; }
    // Sub-jobs of the latest listing that named a desktop outside the request.
    int foreignSubJobCount() const { return m_foreignSubJobs; }
    int transientErrorCount() const { return m_transientErrors; }
    int currentIntervalMs() const { return m_intervalMs; }
    const ApiError &lastError() const { return m_lastError; }
    QString gaveUpReason() const { return m_gaveUpReason; }
    QString lostReason() const { return m_lostReason; }

Q_SIGNALS:
    void progressChanged(int percent);
    void transientError(const ApiError &error, int count);
    // The next look at the job follows in delayMs (for "next check in …" and for tests).
    void pollScheduled(int delayMs);
    void finished();
    void gaveUp(const QString &reason);
    // The job cannot be followed any more (gone from the service, or an unusable id).
    void lost(const QString &reason);

private:
    // The next request goes out when the budget grants it, not before delayMs.
    void askForSlot(int delayMs, std::function<void()> send);
    void withdrawFromBudget();
    void noteThrottling(const ApiError &error);
    void poll();
    void onShowJobFinished(ShowJobCall *call);
    void listSubJobs();
    // Lets a sub-job page go out when the budget grants it, unless the deadline has passed.
    void gateSubJobPage(std::function<void()> send);
    void onSubJobsListed(ListAllSubJobsCall *listing);
    void cancelCall();
    void onPollFailed(const ApiError &error);
    void judgeSubJobs(const QList<SubJob> &listed);
    bool coversRequest(const QList<SubJob> &listed) const;
    void completePoll();
    void scheduleNextPoll();
    bool deadlinePassed() const;
    void giveUpAtDeadline();
    void giveUp(const QString &reason);
    void becomeLost(const QString &reason);
    qint64 now() const;

    QPointer<ApiClient> m_client;
    QString m_jobId;
    QStringList m_requestedIds;
    Timing m_timing;
    Clock m_clock;
    State m_state = State::Idle;
    QPointer<PollingBudget> m_budget;
    // The request of this poll: a ShowJobCall or a ListAllSubJobsCall.
    QPointer<QObject> m_call;
    Job m_job;
    QList<SubJob> m_subJobs;
    int m_subJobPageRequests = 0;
    int m_foreignSubJobs = 0;
    ApiError m_lastError;
    QString m_gaveUpReason;
    QString m_lostReason;
    qint64 m_startedAt = 0;
    int m_intervalMs = 0;
    int m_pollCount = 0;
    int m_transientErrors = 0;
    int m_notFoundInARow = 0;
    int m_lastPercent = -1;
    bool m_lastPollFailed = false;
};
