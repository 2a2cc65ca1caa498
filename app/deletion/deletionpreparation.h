#pragma once

#include "api/apierror.h"
#include "api/workspacetypes.h"
#include "deletion/deletionclassification.h"
#include "deletion/deletionplan.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

class ApiClient;
class AuditLog;
class InFlightRegistry;
class JobJournal;
class ListAllDesktopsCall;

// From desktop ids to what a deletion would send, for the window and the CLI alike: looks the
// desktops up by id in batches (the desktop_id filter, at most kLookUpBatch ids per listing),
// then classifies every requested id (DeletionClassifier) against the profile's protected tags,
// the journal's unfinished jobs, the runs of this process and the desktops whose earlier deletion
// has no known outcome. The journal and the in-flight registry are read when the look-up ends,
// so the answer is as fresh as the look-up. Sends nothing. finished() is emitted exactly once:
// after success, a failed look-up (error()) or cancel().
class DeletionPreparation : public QObject
{
    Q_OBJECT
public:
    static constexpr int kLookUpBatch = 100; // repeated desktop_id keys stay well under URL limits

    struct Request
    {
        QStringList desktopIds; // as asked; duplicates are reported, not looked up twice
        BatchDeleteOptions options;
        QString projectId;
        QStringList protectedTags;
        // Ids whose earlier deletion has no known outcome: left out. With an audit log, the
        // record decides instead: the fresh look-up first settles what it shows (gone, or present
        // and not being deleted), and what is still unknown is left out.
        QSet<QString> outcomeUnknown;
        AuditLog *audit = nullptr;
        // The deletions of this data directory in flight (its DeletionStore's): left out.
        const InFlightRegistry *inFlight = nullptr;
    };

    // journal may be null (nothing is in an unfinished job then).
    DeletionPreparation(ApiClient *client, Request request, const JobJournal *journal,
                        QObject *parent = nullptr);
    ~DeletionPreparation() override;

    void start();
    // Stops the look-up; finished() follows (queued) with wasCancelled() true.
    void cancel();

    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_finished && !m_cancelled && !m_error.isError(); }
    bool wasCancelled() const { return m_cancelled; }
    const ApiError &error() const { return m_error; }
    const Request &request() const { return m_request; }

    // Valid once succeeded().
    const DeletionClassification &classification() const { return m_classification; }
    // Every requested desktop the look-up returned (its fresh state), by id.
    const QHash<QString, Desktop> &found() const { return m_found; }
    // Exactly what a DeletionRun for this request sends: the deletable desktops, chunked.
    DeletionPlan plan() const;

Q_SIGNALS:
    void progress(int lookedUp, int total);
    void retrying(int nextAttempt, int delayMs, const ApiError &error);
    void finished();

private:
    void lookUpNextBatch();
    void onBatchFinished(ListAllDesktopsCall *call);
    void classify();
    void finish();

    QPointer<ApiClient> m_client;
    Request m_request;
    const JobJournal *m_journal;
    QStringList m_uniqueIds;
    qsizetype m_offset = 0;
    QHash<QString, Desktop> m_found;
    QSet<QString> m_batch; // ids of the batch being looked up: answers for others are ignored
    QPointer<ListAllDesktopsCall> m_call;
    DeletionClassification m_classification;
    ApiError m_error;
    bool m_started = false;
    bool m_cancelled = false;
    bool m_finished = false;
};
