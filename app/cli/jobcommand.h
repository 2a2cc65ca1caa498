#pragma once

#include "api/apicalls.h"
#include "clicommand.h"

#include <QDeadlineTimer>
#include <QSet>
#include <QTimer>

// `job JOB_ID [--wait]`: the job and its per-desktop sub-jobs. With wait, polls until the job ends
// (or the timeout passes), printing progress to stderr.
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
    };

    JobCommand(ApiClient *client, Options options, QTextStream &out, QTextStream &err,
               QObject *parent = nullptr);

    void start() override;

    // The report printed at the end; pure, for tests.
    static QString report(const Job &job, const QList<SubJob> &subJobs);
    // 0 when the job and every sub-job succeeded or it is still running, 1 when any failed.
    static int exitCodeFor(const Job &job, const QList<SubJob> &subJobs);

private:
    void fetchJob();
    void onJobFetched();
    void fetchSubJobs(int offset);
    void onSubJobsFetched();
    void roundComplete();

    Options m_options;
    QDeadlineTimer m_deadline;
    QTimer m_pollTimer;
    QPointer<ShowJobCall> m_jobCall;
    QPointer<ListSubJobsCall> m_subJobsCall;
    Job m_job;
    QList<SubJob> m_subJobs;
    QSet<QString> m_seenSubJobs;
};
