#pragma once

#include "api/apicalls.h"
#include "clicommand.h"
#include "deleterequest.h"
#include "settings/connectionoptions.h"

#include <QHash>

#include <memory>

class AuditLog;
class DeletionRun;
class InterruptWatcher;
class JobJournal;

// `delete`: with dryRun, prints every batch-delete request it would send and sends nothing (not
// even a look-up). Otherwise, with the same safety as the GUI: looks the desktops up first, never
// sends one that is missing, carries a protected tag or is already being deleted, then hands the
// rest to the deletion engine (audit log, job journal, chunks of at most 100, job tracking) and
// prints each desktop's outcome. Ctrl+C (or SIGTERM) stops sending and following, and still prints
// the outcomes; jobs already submitted go on on the server and stay in the journal.
class DeleteCommand : public CliCommand
{
    Q_OBJECT
public:
    struct Timing
    {
        int pollIntervalMs = 0; // 0: the tracker's default
        int giveUpAfterMs = 0;  // 0: the tracker's default
        int chunkGapMs = -1;    // -1: the run's default
    };

    DeleteCommand(ApiClient *client, DeleteRequest request, ResolvedConnection connection,
                  Timing timing, QTextStream &out, QTextStream &err, QObject *parent = nullptr);
    ~DeleteCommand() override;

    void start() override;

    // True when this build can really delete (it has the deletion engine).
    static bool canDelete();
    // "key=value" matches that tag exactly, "key" matches the key with any value.
    static bool isProtected(const Desktop &desktop, const QStringList &protectedTags);

private:
    void printDryRun();
    void lookUpNextBatch();
    void onLookUpFinished();
    void startDeletion();
    void onRunFinished();
    void onInterrupted();
    int exitCodeForRun() const;

    DeleteRequest m_request;
    ResolvedConnection m_connection;
    Timing m_timing;
    qsizetype m_lookUpOffset = 0;
    QPointer<ListAllDesktopsCall> m_lookUp;
    QHash<QString, Desktop> m_found;
    QList<QPair<QString, QString>> m_skipped; // desktop id → reason, never sent
    InterruptWatcher *m_interruptWatcher = nullptr;
    bool m_interrupted = false;
#ifdef WORKSPACE_HAVE_DELETION
    std::unique_ptr<AuditLog> m_auditLog;
    std::unique_ptr<JobJournal> m_journal;
    QPointer<DeletionRun> m_run;
#endif
};
