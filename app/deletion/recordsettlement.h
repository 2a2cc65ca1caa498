#pragma once

#include "api/workspacetypes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

class AuditLog;
class JobJournal;

struct SettlementReport;

// Keeps the record from stating more than is known, at the start of either front end, for every
// kind of change.
//
// An intent is written before its request; the answer then adds "done", "failed",
// "outcome_unknown" or "not_sent" for the same run and chunk (a deletion's lost request may
// later get "job_found"). An intent with none of them means the process died while its request
// was on the wire: the request may or may not have been carried out. settleAtStart() appends
// "outcome_unknown" for each such intent, whatever its kind (unless the process that wrote it
// still runs on this machine: its answer may still come), and settles journal entries whose job
// id cannot be followed. Settled stays settled: a second run appends nothing. Lines of earlier
// versions (intent/submitted/post_failed, action_intent/action_succeeded/…) are read as today's
// (AuditRecord).
//
// A desktop's deletion outcome is unknown after: an outcome_unknown record of a deletion, an
// earlier version's ambiguous post_failed, a job_lost record (the job vanished or its id is
// unusable), or a job_finished that lists it as "unknown". It stops being unknown, in the order
// of the log, when a later record tells what became of it:
//   - "done" for a later request that holds it, or "job_found" (a job holds it again, and the
//     journal follows that job to its end);
//   - "job_finished" listing it as deleted, failed or not sent;
//   - "outcome_resolved": a listing made after the unknown outcome showed it gone, or present
//     without a deletion in progress (the lost request evidently did nothing). resolveByListing()
//     writes it from a fresh look-up; a desktop still being deleted stays unknown.
class RecordSettlement
{
    Q_DECLARE_TR_FUNCTIONS(RecordSettlement)
public:
    struct OpenIntent
    {
        QString runId;
        int chunk = 0;
        QString kind; // ChangeKind::name
        QString projectId;
        QStringList targetIds;
        QDateTime time;
        qint64 processId = 0;
        QString host;
    };

    // Settles orphan intents and unfollowable journal entries; safe to call at every start.
    static SettlementReport settleAtStart(AuditLog &audit, JobJournal &journal);

    // Intents of the log without any outcome record, oldest first.
    static QList<OpenIntent> openIntents(const QList<QJsonObject> &entries);
    // Desktops of a project whose latest recorded outcome is unknown.
    static QSet<QString> unknownOutcomeDesktopIds(const QList<QJsonObject> &entries,
                                                  const QString &projectId);
    static QSet<QString> unknownOutcomeDesktopIds(const QString &auditFilePath,
                                                  const QString &projectId);

    // After a look-up by id made now: each unknown desktop among lookedUpIds that is absent or
    // gone, or present and not being deleted, is recorded as resolved. Returns the desktops of
    // the project whose outcome is still unknown.
    static QSet<QString> resolveByListing(AuditLog &audit, const QString &projectId,
                                          const QStringList &lookedUpIds,
                                          const QHash<QString, Desktop> &found);

    // Whether a record written by this process id on this host may still have its answer coming
    // (that process still runs); never this process, which settles before it sends.
    static bool isLiveProcess(qint64 processId, const QString &host);

private:
    static bool writtenByLiveProcess(const OpenIntent &intent);
    static QString settledMessage(const OpenIntent &intent);
};

// What one settlement wrote.
struct SettlementReport
{
    int settledIntents = 0;        // intents recorded as outcome_unknown
    int settledJournalEntries = 0; // journal entries that could not be followed, settled
    int failedWrites = 0;          // settlements that could not be written (tried again next start)
    QStringList messages;          // translated, one per settlement or failure
    // The deletion intents just recorded as outcome_unknown: DeletionRun::recover() can look for
    // their jobs.
    QList<RecordSettlement::OpenIntent> unknownIntents;

    bool isEmpty() const { return messages.isEmpty(); }
};
