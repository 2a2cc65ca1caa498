#pragma once

#include "api/apierror.h"
#include "deletion/changekind.h"
#include "deletion/deletioncontext.h"
#include "deletion/deletionstore.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>

class ApiCall;
class ApiClient;

// The one recorded run of a change at the service, for every kind (ChangeKind) and both front
// ends. Its targets go out in requests of at most the kind's size, one after another. For each:
// the intent is written to the audit log first (no line, no request), then the request is sent
// exactly once, and its outcome is recorded: done, failed (with the service's status, code,
// message and request id) or unknown (no usable answer: the change may or may not have been made).
//
// One policy for every kind: after the first request that is not done (failed, unknown, or
// refused before it left), nothing more of the run is sent. A failure that is not understood is
// no ground to repeat the same request on the next hundred targets, and after an unknown outcome
// the administrator must see the service's state before anything more changes it. Whatever is
// not sent is said exactly: per target, NotSent with the reason, in the summary and in the audit
// log (not_sent).
//
// One deadline for the whole run (setDeadlineMs(), the CLI's --timeout): when it passes, the
// request on the wire is abandoned and recorded as outcome unknown, and the rest is not sent.
// cancel() (Ctrl+C, the window's Cancel) sends nothing more and lets the request on the wire
// finish so that its outcome is known. finished() is emitted exactly once.
//
// The run shares the ownership of its record (DeletionStore), so the audit log outlives it
// whatever the order its owners end in: a run destroyed with a request on the wire records that
// request's outcome as unknown.
class ChangeRun : public QObject
{
    Q_OBJECT
public:
    enum class Outcome { Pending, Sending, Done, Failed, Unknown, NotSent };
    Q_ENUM(Outcome)

    // One request of the run, in the order they are sent; its index is its "chunk" in the record.
    struct Request
    {
        QList<ChangeTarget> targets;
        Outcome outcome = Outcome::Pending;
        ApiError error;    // for Failed and Unknown (and NotSent when the call refused to leave)
        QString requestId; // X-Request-Id of the answer, when there was one
        QString jobId;     // the job an accepted answer named (a deletion's)
        QString reason;    // translated, for Failed, Unknown and NotSent
        QDateTime sentAt;  // UTC, when its intent was written
        // Targets an accepted answer named as refused (ChangeKind::acceptedTargetFailures): their
        // outcome is Failed though the request was Done.
        QList<TargetFailure> targetFailures;

        QStringList targetIds() const;
    };

    // What became of one target.
    struct TargetOutcome
    {
        ChangeTarget target;
        Outcome outcome = Outcome::Pending;
        QString reason;    // translated, for Failed, Unknown and NotSent
        ApiError error;    // its request's, for Failed and Unknown
        QString requestId; // its request's answer's
        int request = -1;  // the index of its request; -1 when it was left out before sending
    };

    ChangeRun(ApiClient *client, DeletionStorePtr store, DeletionContext context, ChangeKind kind,
              QList<ChangeTarget> targets, QObject *parent = nullptr);
    ~ChangeRun() override;

    // The pause between two requests (default none).
    void setGapMs(int gapMs) { m_gapMs = gapMs; }
    // The whole run's deadline, counted from start(); 0 or less: none.
    void setDeadlineMs(int deadlineMs) { m_deadlineMs = deadlineMs; }
    // Before start(): these targets are not sent (NotSent with the reason, audited); the rest is
    // split into requests again, each as full as the kind allows.
    void leaveOut(const QStringList &targetIds, const QString &reason);

    // Starts sending, from the event loop (no signal is emitted inside start()). Only the first
    // call does anything: a run never sends twice.
    void start();
    // Sends nothing more (the rest is NotSent); the request on the wire is let finish.
    void cancel();
    // The deadline: the request on the wire is abandoned (outcome unknown, unless its answer has
    // come) and the rest is not sent.
    void expire();

    const ChangeKind &kind() const { return m_kind; }
    const DeletionContext &context() const { return m_context; }
    QString runId() const { return m_runId; }
    bool isStarted() const { return m_started; }
    bool isFinished() const { return m_finished; }
    bool isCancelled() const { return m_cancelled; }
    bool hasExpired() const { return m_expired; }
    const QList<Request> &requests() const { return m_requests; }
    int targetCount() const { return m_targetCount; }
    // The targets whose request ended this way (NotSent includes those left out).
    QStringList targetIds(Outcome outcome) const;
    // Every target in the order given, with what became of it.
    QList<TargetOutcome> targetOutcomes() const;
    // Every target's request was done.
    bool allDone() const;
    // How many requests left the app.
    int sentCount() const { return m_sentCount; }
    // The first request that was not done, its error (none when every request was done).
    const ApiError &firstError() const { return m_firstError; }
    // Exactly the requests start() would send (a dry run's and a confirmation's preview).
    QList<PlannedRequest> plannedRequests() const;
    // One translated sentence on the whole run (counts per outcome).
    QString summary() const;

    // The name scripts read for an outcome ("done", "failed", "unknown", "not_sent", …).
    static QString outcomeName(Outcome outcome);

Q_SIGNALS:
    // The request at `index` has left (its intent is on record).
    void requestSent(int index);
    // The request at `index` has its outcome: Done, Failed, Unknown, or NotSent when the call
    // refused to leave.
    void requestFinished(int index);
    // These targets will not be sent, for this reason (translated).
    void targetsNotSent(const QStringList &targetIds, const QString &reason);
    // Targets settled so far (answered or not sent), of all.
    void progress(int settledTargets, int totalTargets);
    void finished();

private:
    struct LeftOut
    {
        QStringList targetIds;
        QString reason;
    };
    void split(const QList<ChangeTarget> &targets);
    QList<TargetFailure> refusedTargets(const Request &request, const ApiCall &call) const;
    static QString targetFailureReason(const TargetFailure &failure);
    void sendNext();
    void onCallFinished(ApiCall *call);
    bool refuseTargets();
    void stopSending(const QString &reason);
    AuditedRequest audited(int index) const;
    void emitProgress();
    void finishIfDone();

    QPointer<ApiClient> m_client;
    DeletionStorePtr m_store;
    DeletionContext m_context;
    ChangeKind m_kind;
    QString m_runId;
    QList<ChangeTarget> m_targets; // each once, in the order given
    QList<Request> m_requests;
    QList<LeftOut> m_leftOut;
    int m_targetCount = 0;
    int m_next = 0;
    int m_sending = -1;
    int m_sentCount = 0;
    int m_gapMs = 0;
    int m_deadlineMs = 0;
    bool m_started = false;
    bool m_cancelled = false;
    bool m_expired = false;
    bool m_stopped = false;
    bool m_finished = false;
    ApiError m_firstError;
    QTimer m_gapTimer;
    QTimer m_deadlineTimer;
    QPointer<ApiCall> m_call;
};
