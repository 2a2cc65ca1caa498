#pragma once

#include "api/apierror.h"
#include "api/workspacetypes.h"
#include "deletion/changekind.h"
#include "deletion/deletioncontext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class UnknownOutcomes;

// Which request of which run an outcome line is about.
struct AuditedRequest
{
    QString kind; // ChangeKind::name
    QString runId;
    int chunk = -1; // the request's index in its run; -1 for targets that never had a request
    QString projectId;
    QStringList targetIds;
};

// The append-only record of every change the app makes at the service: <dataDir>/audit.jsonl, one
// JSON object per line, in the one schema of docs/AUDIT-RECORD.md for every kind of change.
// Each line is written with a single write and flushed before the call returns, so a crash at any
// moment leaves every earlier line intact (at worst the last line is cut short, and readers skip
// it). Never records a credential: nothing here ever receives one.
class AuditLog
{
    Q_DECLARE_TR_FUNCTIONS(AuditLog)
public:
    using Clock = std::function<QDateTime()>; // UTC

    explicit AuditLog(QString filePath);
    ~AuditLog();
    static QString defaultFilePath(const QString &dataDir); // <dataDir>/audit.jsonl

    QString filePath() const { return m_filePath; }
    void setClock(Clock clock) { m_clock = std::move(clock); }
    // The reason the last append failed, translated.
    QString lastError() const { return m_lastError; }

    // Before a request that changes something at the service: who, where, which kind, which
    // targets. The request must not be sent when this fails.
    bool appendIntent(const DeletionContext &context, const ChangeKind &kind, const QString &runId, int chunk,
                      const QList<ChangeTarget> &targets);
    // The service accepted the request (jobId: the job it started, when the kind starts one;
    // failedTargets: the targets its answer named as refused, [{"id", "error_code", "error_msg"}]).
    bool appendDone(const AuditedRequest &request, const QString &requestId, const QString &jobId = QString(),
                    const QJsonArray &failedTargets = QJsonArray());
    // The service refused it: HTTP status, error_code, error_msg, request id.
    bool appendFailed(const AuditedRequest &request, const ApiError &error);
    // No usable answer: the change may or may not have been made. `ambiguity` names why, for
    // scripts ("no_usable_answer", "conflict_after_possible_resend", "deadline", "app_ended").
    bool appendOutcomeUnknown(const AuditedRequest &request, const QString &reason, const QString &ambiguity,
                              const ApiError &error = ApiError());
    // Targets the run did not send, with the reason (chunk -1: they never had an intent, so the
    // line names the project's region itself when it is known).
    bool appendNotSent(const AuditedRequest &request, const QString &reason, const QString &region = QString());
    // A job's end: counts and per-desktop outcomes (failed desktops with code and reason).
    bool appendJobFinished(const QString &jobId, const QString &jobStatus, const QJsonObject &results);
    bool appendJobGaveUp(const QString &jobId, const QString &reason);
    // A job that can never be followed (the service no longer knows it, or its id is unusable):
    // its desktops' outcome is unknown.
    bool appendJobLost(const QString &jobId, const QString &projectId, const QString &reason,
                       const QJsonObject &results);
    // The job of a request whose answer was lost, found in the service's deletion sub-jobs.
    bool appendJobFound(const QString &runId, int chunkIndex, const QString &jobId,
                        const QStringList &desktopIds);
    bool appendJobNotFound(const QString &runId, int chunkIndex, const QString &reason);
    // A listing made after an unknown outcome showed what became of these desktops.
    bool appendOutcomeResolved(const QString &projectId, const QStringList &desktopIds,
                               const QString &resolution);

    // The schema version every line written now carries ("schema"); lines without it are older.
    static constexpr int kSchemaVersion = 2;
    // Any event; "time" (UTC, ISO-8601 with ms), "event" and "schema" are added.
    bool append(const QString &event, QJsonObject fields);

    // Desktops of a project whose latest recorded deletion outcome is unknown. The file is read
    // once, at the first question; from then on this log's own appends keep the answer current, so
    // a deletion never re-reads the log (the log is this process's: another process appending to
    // the same file is seen at the next start).
    QSet<QString> unknownOutcomeDesktopIds(const QString &projectId);
    // The same for any kind of change (ChangeKind::name).
    QSet<QString> unknownOutcomeTargetIds(const QString &projectId, const QString &kind);

    // Every complete line of the file, oldest first; a torn last line is skipped.
    static QList<QJsonObject> readEntries(const QString &filePath, QString *error = nullptr);

private:
    QString m_filePath;
    Clock m_clock;
    QString m_lastError;
    std::unique_ptr<UnknownOutcomes> m_unknownOutcomes; // built at the first question
};
