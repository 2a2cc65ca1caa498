#pragma once

#include "api/workspacetypes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <memory>

// One submitted batch-delete job that has not been seen to end.
struct JournalEntry
{
    QString jobId;
    QString runId;
    QString profileName;
    QString projectId;
    QString endpointHost;
    QString region; // empty in entries of earlier versions
    QStringList desktopIds;
    QHash<QString, QString> desktopNames;
    BatchDeleteOptions options;
    QDateTime submittedAt; // UTC

    QJsonObject toJson() const;
    static JournalEntry fromJson(const QJsonObject &object);
};

// <dataDir>/jobs.json: the jobs submitted and not yet finished, so tracking resumes after a restart
// or a crash. Every change rewrites the whole file through QSaveFile (write to a temporary file,
// then rename), so the file on disk is always either the old or the new complete version. A new
// job is written at once (it must be on disk before the next request is sent); removals of ended
// jobs may be gathered (setRemovalDelayMs), so that 100 jobs ending one after another do not
// rewrite the file 100 times: an ended job still on disk after a crash is only looked at again.
class JobJournal
{
    Q_DECLARE_TR_FUNCTIONS(JobJournal)
public:
    explicit JobJournal(QString filePath);
    ~JobJournal(); // writes what is pending
    static QString defaultFilePath(const QString &dataDir); // <dataDir>/jobs.json

    QString filePath() const { return m_filePath; }
    QString lastError() const { return m_lastError; }

    // Reads the file; a missing file is an empty journal. An unreadable file is kept aside as
    // jobs.json.corrupt (never silently overwritten) and the journal starts empty.
    bool load();

    const QList<JournalEntry> &entries() const { return m_entries; }
    bool contains(const QString &jobId) const;
    JournalEntry entry(const QString &jobId) const;
    // Unfinished jobs of one project, e.g. to resume tracking for the active connection.
    QList<JournalEntry> entriesForProject(const QString &projectId) const;
    // Desktop ids of a project that sit in an unfinished job (must not be submitted again).
    QHash<QString, QString> pendingDesktopJobs(const QString &projectId) const; // desktop → job

    bool add(const JournalEntry &entry); // replaces an entry with the same job id
    bool remove(const QString &jobId);
    // Removals are written at most once per delayMs (0, the default: each at once).
    void setRemovalDelayMs(int delayMs) { m_removalDelayMs = delayMs; }
    // Writes a pending change now (before a request is sent, at exit). True when nothing failed.
    bool flush();
    int writeCount() const { return m_writeCount; }

private:
    bool save();

    QString m_filePath;
    QList<JournalEntry> m_entries;
    QString m_lastError;
    int m_removalDelayMs = 0;
    int m_writeCount = 0;
    bool m_dirty = false;
    std::unique_ptr<QTimer> m_flushTimer;
    QHash<QString, QByteArray> m_serialized; // job id → its entry as compact JSON
};
