#pragma once

#include "api/retirementjson.h"
#include "api/workspacetypes.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <functional>

class ApiCall;
class ApiClient;
struct ApiError;

// One request exactly as a run would send it: method, path below /v2/{project_id}/ and body. What a
// dry run prints and a confirmation previews.
struct PlannedRequest
{
    QByteArray method;
    QString path;
    QByteArray body;
};

// One thing a change acts on: a desktop or a pool, with the name a person knows it by.
struct ChangeTarget
{
    QString id;
    QString name;
};

// One target that an accepted request names as refused (a power action's failed_operation_list):
// its step failed for that target alone, with the service's code and message.
struct TargetFailure
{
    QString targetId;
    QString errorCode;
    QString errorMessage;
};

// One kind of change the app makes at the service, described for the one recorded run
// (ChangeRun): how its targets are split into requests, what each request is, how its answer is
// read and how it is recorded. A new call that changes something (a power action, a tag) is one
// more of these, not one more engine.
struct ChangeKind
{
    // The record's "kind": "delete", "maintenance_on", "maintenance_off", "logoff",
    // "autoscale_off", … Stable: scripts read it.
    QString name;
    // What a person reads for it, translated ("Start maintenance").
    QString displayName;
    // The record's "target_type": "desktop" or "pool".
    QString targetType;
    int maxTargetsPerRequest = 100;
    // Recorded with every intent: what, besides the targets, the request says (a deletion's
    // options, the log-off message).
    QJsonObject parameters;
    // A 409 may answer a copy of the request that the transport sent again after a dropped
    // connection, so it does not prove that nothing happened: the outcome is unknown.
    bool conflictMayAnswerACopy = false;

    // Why a target cannot be sent (translated), empty when it can. Asked for every target before
    // anything is sent: a run with a refused target sends nothing.
    std::function<QString(const QString &targetId)> refusal;
    // The request for one chunk of targets.
    std::function<PlannedRequest(const QStringList &targetIds)> plan;
    // The call that sends it once and finishes exactly once.
    std::function<ApiCall *(ApiClient *client, const QStringList &targetIds)> send;
    // How an accepted answer is read: the job it started (empty when the kind starts none).
    std::function<QString(const ApiCall &call)> acceptedJobId;
    // The targets an accepted answer says were refused (empty function: the kind names none). The
    // answer is untrusted: the run keeps only targets of that request, each once.
    std::function<QList<TargetFailure>(const ApiCall &call)> acceptedTargetFailures;

    // The requests for these targets, in order, at most maxTargetsPerRequest each: how a run of
    // this kind splits them, and so what a review previews of it.
    template<typename Target>
    QList<QList<Target>> chunksOf(const QList<Target> &targets) const
    {
        const qsizetype size = std::max(1, maxTargetsPerRequest);
        QList<QList<Target>> chunks;
        for (qsizetype i = 0; i < targets.size(); i += size)
            chunks.append(targets.mid(i, size));
        return chunks;
    }
    // Whether a failed request may have been carried out all the same.
    bool isUnknownOutcome(const ApiError &error) const;
};

// The changes that prepare a decommissioning, for the window and the CLI alike.
enum class DecommissionAction {
    StartMaintenance, // users can no longer log in
    EndMaintenance,
    LogOff,           // users are logged off, shown a message
    TurnAutoscaleOff, // a pool stops creating desktops; the targets are pools
};

// The kinds the app knows.
namespace ChangeKinds {
ChangeKind batchDelete(const BatchDeleteOptions &options);
ChangeKind maintenance(bool on);
ChangeKind logoff(const QString &message);
ChangeKind poolAutoscale(bool enable);
// The same tags added to ("tags_add") or removed from ("tags_remove") every target. A restore
// removes the tags with the values each desktop carries (Retirement::ownTags), which may differ
// between desktops: the caller makes one run per distinct tag set, so that every request says
// exactly what it removes and the record's parameters name it, rather than one request whose body
// differs per desktop and a record that cannot say so in one line.
ChangeKind addTags(const QList<DesktopTag> &tags);
ChangeKind removeTags(const QList<DesktopTag> &tags);
// os-start ("power_start"), os-stop ("power_stop"), soft; desktops the answer lists in
// failed_operation_list are failed for this step, the others accepted (the service carries the
// action out through a job, which the run does not follow).
ChangeKind power(PowerOperation operation);
// The kind of a decommissioning change; `message` is the log-off's.
ChangeKind forAction(DecommissionAction action, const QString &message = QString());
// The record's "parameters" of a deletion, and back (defaults where a field is missing).
QJsonObject deleteOptionsJson(const BatchDeleteOptions &options);
BatchDeleteOptions deleteOptionsFrom(const QJsonObject &parameters);
} // namespace ChangeKinds
