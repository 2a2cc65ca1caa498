#pragma once

#include "api/apicalls.h"
#include "clicommand.h"

#include <QDeadlineTimer>

#include <memory>

class DeletionRun;
class JobTracker;
class DeletionStore;

// `job JOB_ID [--wait]`: the job and its per-desktop sub-jobs, read by the JobTracker the window
// follows jobs with (the client's polling budget, bounded sub-job paging). With wait, polls until
// the job ends (or the timeout passes), printing progress to stderr; a failed look is retried. A job of the journal that is seen to end
// is settled the way the window settles it (DeletionRun::resume: `job_finished` in the audit log,
// the entry leaves the journal).
class JobCommand : public CliCommand
{
    Q_OBJECT
public:
    struct Options
    {
        QString jobId;
        bool wait = false;
        int pollIntervalMs = 5000;
        int timeoutMs = 60 * 60 * 1000;
        QString dataDir;   // where the journal and the audit log are; empty: settle nothing
        QString projectId; // only the journal's entries of this project are settled
    };

    JobCommand(ApiClient *client, Options options, QTextStream &out, QTextStream &err,
               QObject *parent = nullptr);
    ~JobCommand() override;

    void start() override;

    // The report printed at the end; pure, for tests.
    static QString report(const Job &job, const QList<SubJob> &subJobs);
    // 0 when the job and every sub-job succeeded or it is still running, 1 when any failed.
    static int exitCodeFor(const Job &job, const QList<SubJob> &subJobs);

private:
    void onStillRunning();
    void onTransientError(const ApiError &error);
    void onGaveUp(const QString &reason);
    void report();
    bool settleFromJournal();

    Options m_options;
    QDeadlineTimer m_deadline;
    JobTracker *m_tracker = nullptr;
    bool m_pollFailed = false;
    std::shared_ptr<DeletionStore> m_store;
    DeletionRun *m_settlement = nullptr;
};
