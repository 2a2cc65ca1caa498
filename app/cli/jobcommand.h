#pragma once

#include "api/apicalls.h"
#include "clicommand.h"

#include <QDeadlineTimer>
#include <QTimer>

#include <memory>

class DeletionRun;
struct DeletionStore;

// `job JOB_ID [--wait]`: the job and its per-desktop sub-jobs. With wait, polls until the job ends
// (or the timeout passes), printing progress to stderr. A job of the journal that is seen to end
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
    void fetchJob();
    void onJobFetched(ShowJobCall *call);
    void fetchSubJobs();
    void onSubJobsFetched(ListAllSubJobsCall *listing);
    void roundComplete();
    void report();
    bool settleFromJournal();

    Options m_options;
    QDeadlineTimer m_deadline;
    QTimer m_pollTimer;
    Job m_job;
    QList<SubJob> m_subJobs;
    std::unique_ptr<DeletionStore> m_store;
    DeletionRun *m_settlement = nullptr;
};
