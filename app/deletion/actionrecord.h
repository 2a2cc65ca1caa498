#pragma once

#include "deletion/deletioncontext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class AuditLog;
struct ApiError;

// The audit record of the changes that prepare a decommissioning (maintenance mode, log-off, a
// pool's autoscale), kept in the deletions' audit log with their own event kinds so that nothing
// reads them as deletions:
//   action_intent           before the request: who, where, what, on which desktops or pool
//   action_succeeded        the service accepted it (request id)
//   action_failed           the service refused it (HTTP status, error_code, error_msg, request id)
//   action_not_sent         it never left (a bad request, cancelled before sending)
//   action_outcome_unknown  no usable answer: the change may or may not have been made. These
//                           requests are never re-sent; the administrator re-lists.
// Each intent reaches exactly one of the four outcomes; settleAtStart() gives one to the intents
// of a process that died while its request was on the wire.
namespace ActionRecord {

// The "action" field of each line, for scripts reading the log.
inline constexpr char kMaintenanceOn[] = "maintenance_on";
inline constexpr char kMaintenanceOff[] = "maintenance_off";
inline constexpr char kLogoff[] = "logoff";
inline constexpr char kAutoscaleOff[] = "autoscale_off";

struct Target
{
    QString id;
    QString name;
};

// targetKey names the list of the request's targets: "desktops" or "pools".
bool appendIntent(AuditLog &audit, const DeletionContext &context, const QString &runId, int chunk,
                  const QString &action, const QString &targetKey, const QList<Target> &targets,
                  const QJsonObject &parameters);
bool appendSucceeded(AuditLog &audit, const QString &runId, int chunk, const QString &requestId);
bool appendFailed(AuditLog &audit, const QString &runId, int chunk, const ApiError &error);
bool appendNotSent(AuditLog &audit, const QString &runId, int chunk, const QString &reason);
bool appendOutcomeUnknown(AuditLog &audit, const QString &runId, int chunk, const QString &reason,
                          const QString &requestId);

struct OpenIntent
{
    QString runId;
    int chunk = 0;
    QString action;
    QString projectId;
    int targetCount = 0;
    qint64 processId = 0;
    QString host;
};

// Intents of the log without an outcome line, oldest first.
QList<OpenIntent> openIntents(const QList<QJsonObject> &entries);

struct Settlement
{
    int settled = 0;
    int failedWrites = 0;
    QStringList messages; // translated
};

// Records "outcome unknown" for every open intent whose process no longer runs (isLive tells
// which do: their answer may still come). Settled stays settled: a second call writes nothing.
Settlement settleAtStart(AuditLog &audit, const QList<QJsonObject> &entries,
                         const std::function<bool(const OpenIntent &)> &isLive);

} // namespace ActionRecord
