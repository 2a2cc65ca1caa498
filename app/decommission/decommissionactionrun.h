#pragma once

#include "api/apierror.h"
#include "deletion/actionrecord.h"
#include "deletion/deletioncontext.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

class ApiCall;
class ApiClient;
class AuditLog;

// The changes that prepare a decommissioning, for the window and the CLI alike.
enum class DecommissionAction {
    StartMaintenance, // users can no longer log in
    EndMaintenance,
    LogOff,           // users are logged off, shown a message
    TurnAutoscaleOff, // a pool stops creating desktops; the targets are pools
};

// What became of one request of a run.
struct ActionRequestOutcome
{
    enum class Kind { Succeeded, Failed, Unknown, NotSent };

    QStringList targetIds;
    Kind kind = Kind::NotSent;
    ApiError error;    // set for Failed and Unknown (and NotSent when a check refused it)
    QString requestId; // X-Request-Id of the answer, when there was one
    QString reason;    // translated, for Failed, Unknown and NotSent
};

// Carries out one DecommissionAction on its targets: desktops in requests of at most 100 ids, or
// one request per pool. Each request is audited like a deletion (ActionRecord): its intent before
// it is sent — nothing is sent when that cannot be written — and its outcome after. The requests
// change state, so they are sent once: a request without a usable answer is "outcome unknown" and
// is never re-sent. finished() is emitted exactly once; cancel() stops before the next request
// (the one on the wire is let finish, so that its outcome is known).
class DecommissionActionRun : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxDesktopsPerRequest = 100;

    DecommissionActionRun(ApiClient *client, AuditLog *audit, DeletionContext context,
                          DecommissionAction action, QList<ActionRecord::Target> targets,
                          QObject *parent = nullptr);
    ~DecommissionActionRun() override;

    // The message the users see when they are logged off (LogOff only).
    void setLogoffMessage(const QString &message) { m_message = message; }

    void start();
    void cancel();

    DecommissionAction action() const { return m_action; }
    QString runId() const { return m_runId; }
    bool isFinished() const { return m_finished; }
    bool isCancelled() const { return m_cancelled; }
    const QList<ActionRequestOutcome> &outcomes() const { return m_outcomes; }
    QStringList targetIds(ActionRequestOutcome::Kind kind) const;
    bool allSucceeded() const;
    int targetCount() const { return int(m_targets.size()); }

    // The audit log's name of the action ("maintenance_on", …).
    static QString actionKey(DecommissionAction action);
    // What a person reads for the action, translated ("Start maintenance").
    static QString actionDisplayName(DecommissionAction action);
    // One translated sentence on the whole run (counts per outcome).
    QString summary() const;

    // Exactly the requests start() will send, for a dry run: method, path below /v2/{project_id}/
    // and body.
    struct PlannedRequest
    {
        QByteArray method;
        QString path;
        QByteArray body;
    };
    QList<PlannedRequest> plannedRequests() const;

Q_SIGNALS:
    void progress(int targetsDone, int targetsTotal);
    void requestFinished(const ActionRequestOutcome &outcome);
    void finished();

private:
    QList<QList<ActionRecord::Target>> requests() const;
    ApiCall *createCall(const QStringList &ids);
    void sendNext();
    void onCallFinished();
    void record(ActionRequestOutcome outcome);
    void leaveRestUnsent(const QString &reason);
    void finish();

    QPointer<ApiClient> m_client;
    AuditLog *m_audit;
    DeletionContext m_context;
    DecommissionAction m_action;
    QList<ActionRecord::Target> m_targets;
    QList<QList<ActionRecord::Target>> m_requests;
    QString m_message;
    QString m_runId;
    QList<ActionRequestOutcome> m_outcomes;
    QPointer<ApiCall> m_call;
    int m_next = 0;
    int m_done = 0;
    bool m_started = false;
    bool m_cancelled = false;
    bool m_finished = false;
};

Q_DECLARE_METATYPE(ActionRequestOutcome)
