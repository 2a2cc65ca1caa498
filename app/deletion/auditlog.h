#pragma once

#include "deletion/deletioncontext.h"
#include "api/workspacetypes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

struct ApiError;
class UnknownOutcomes;

// The append-only audit trail of deletions: <dataDir>/audit.jsonl, one JSON object per line.
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

    // Written before a batch-delete POST; the POST must not be sent when this fails.
    bool appendIntent(const DeletionContext &context, const QString &runId, int chunkIndex,
                      const QStringList &desktopIds, const QHash<QString, QString> &desktopNames,
                      const BatchDeleteOptions &options);
    bool appendSubmitted(const QString &runId, int chunkIndex, const QString &jobId,
                         const QString &requestId);
    bool appendPostFailed(const QString &runId, int chunkIndex, const ApiError &error);
    bool appendNotSent(const QString &runId, const QStringList &desktopIds, const QString &reason);
    // A job's end: counts and per-desktop outcomes (failed desktops with code and reason).
    bool appendJobFinished(const QString &jobId, const QString &jobStatus, const QJsonObject &results);
    bool appendJobGaveUp(const QString &jobId, const QString &reason);
    // A job that can never be followed (the service no longer knows it, or its id is unusable):
    // its desktops' outcome is unknown.
    bool appendJobLost(const QString &jobId, const QString &projectId, const QString &reason,
                       const QJsonObject &results);
    // An intent that never got an outcome (e.g. the process died during its POST), settled.
    bool appendOutcomeUnknown(const QString &runId, int chunkIndex, const QString &projectId,
                              const QStringList &desktopIds, const QString &reason);
    // The job of a request whose answer was lost, found in the service's deletion sub-jobs.
    bool appendJobFound(const QString &runId, int chunkIndex, const QString &jobId,
                        const QStringList &desktopIds);
    bool appendJobNotFound(const QString &runId, int chunkIndex, const QString &reason);
    // A listing made after an unknown outcome showed what became of these desktops.
    bool appendOutcomeResolved(const QString &projectId, const QStringList &desktopIds,
                               const QString &resolution);

    // Any event; "time" (UTC, ISO-8601 with ms) and "event" are added.
    bool append(const QString &event, QJsonObject fields);

    // Desktops of a project whose latest recorded outcome is unknown. The file is read once, at
    // the first question; from then on this log's own appends keep the answer current, so a
    // deletion never re-reads the log (the log is this process's: another process appending to
    // the same file is seen at the next start).
    QSet<QString> unknownOutcomeDesktopIds(const QString &projectId);

    // Every complete line of the file, oldest first; a torn last line is skipped.
    static QList<QJsonObject> readEntries(const QString &filePath, QString *error = nullptr);

private:
    QString m_filePath;
    Clock m_clock;
    QString m_lastError;
    std::unique_ptr<UnknownOutcomes> m_unknownOutcomes; // built at the first question
};
