#pragma once

#include "api/workspacetypes.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

struct ApiError;

enum class DeletionOutcome {
    Pending,   // not sent yet
    Submitted, // in a job that is still running
    Deleted,
    Failed,    // the server said no (the POST was refused, or the desktop's sub-job failed)
    NotSent,   // never sent: an earlier request failed, the run was cancelled, or a duplicate
    Unknown,   // sent, but the outcome could not be learned (ambiguous failure, tracking gave up)
};

// One row of the result: one desktop.
struct DesktopResult
{
    QString desktopId;
    QString desktopName;
    DeletionOutcome outcome = DeletionOutcome::Pending;
    QString errorCode;
    QString reason;
    QString jobId;
    int process = 0; // 0–100, the sub-job's progress
    QDateTime endTime; // UTC: when the service says the desktop's (sub-)job ended; invalid if not known

    bool isFinal() const;
};

// The per-desktop outcome of a deletion run, in the order of the selection: what the jobs panel
// shows, what the summary counts, what the CSV export writes and what "Retry failed" starts from.
class DeletionResult
{
    Q_DECLARE_TR_FUNCTIONS(DeletionResult)
public:
    DeletionResult() = default;
    DeletionResult(const QStringList &desktopIds, const QHash<QString, QString> &desktopNames);

    const QList<DesktopResult> &rows() const { return m_rows; }
    int size() const { return int(m_rows.size()); }
    bool contains(const QString &desktopId) const { return m_index.contains(desktopId); }
    DesktopResult row(const QString &desktopId) const;
    int count(DeletionOutcome outcome) const;
    // True when no desktop is Pending or Submitted.
    bool isComplete() const;

    void setSubmitted(const QStringList &desktopIds, const QString &jobId);
    // Failed, or Unknown after an ambiguous error (isAmbiguousPostFailure), or NotSent when the
    // call never left the app.
    void setPostFailed(const QStringList &desktopIds, const ApiError &error);
    // A failed batch-delete POST whose desktops may be being deleted all the same: no usable
    // answer (isAmbiguous()), or a 409, which Qt's one silent resend of a request whose connection
    // dropped makes indistinguishable from "the first copy was carried out". A 409 is never proof
    // that nothing happened.
    static bool isAmbiguousPostFailure(const ApiError &error);
    // The advice every "unknown" outcome carries (translated).
    static QString unknownOutcomeAdvice();
    void setNotSent(const QStringList &desktopIds, const QString &reason);
    void setUnknown(const QStringList &desktopIds, const QString &reason);
    // Applies a job's sub-jobs (one per desktop); with jobEnded, desktops of that job still
    // unresolved become Unknown (their sub-job still ran, or the service gave no result for them),
    // or Failed with the job's reason when a failed job had no sub-job at all.
    void applyJob(const Job &job, const QList<SubJob> &subJobs, bool jobEnded);
    // Tracking stopped before the job ended: its unresolved desktops become Unknown.
    void setJobAbandoned(const QString &jobId, const QString &reason);

    // Desktops the server refused to delete: "Retry failed" re-lists them and offers those that
    // still exist.
    QStringList failedDesktopIds() const;
    // Failed, NotSent and Unknown: every desktop that may still exist after this run.
    QStringList unresolvedDesktopIds() const;
    // One job's part, as the audit log's job-end record.
    QJsonObject jobResultsJson(const QString &jobId) const;

    // "97 deleted, 3 failed" (translated, plural-aware); zero counts are left out.
    QString summaryText() const;
    // The same text from counts per outcome, e.g. summed over the runs of one deletion.
    static QString summaryText(const std::function<int(DeletionOutcome)> &countOf);

    // CSV with a header row: desktop id, desktop name, outcome, error code, reason, job id, the
    // end time (ISO-8601 UTC) and the options of the deletion (true/false; empty when not given).
    // RFC 4180 quoting; cells a spreadsheet would run as a formula are defused with a leading '.
    QByteArray toCsv(const std::optional<BatchDeleteOptions> &options = std::nullopt) const;
    // Written via QSaveFile.
    bool exportCsv(const QString &filePath, QString *error,
                   const std::optional<BatchDeleteOptions> &options = std::nullopt) const;

    static QString outcomeName(DeletionOutcome outcome);  // stable, untranslated: "deleted", …
    static QString outcomeText(DeletionOutcome outcome);  // translated, for the UI

private:
    DesktopResult *find(const QString &desktopId);
    void setOutcome(const QStringList &desktopIds, DeletionOutcome outcome, const QString &reason);

    QList<DesktopResult> m_rows;
    QHash<QString, int> m_index;
};

Q_DECLARE_METATYPE(DeletionOutcome)
