#include "jobspanelbenchmark.h"

#include "benchclock.h"
#include "benchreport.h"
#include "jobmodel.h"
#include "jobspanel.h"

#include "deletion/deletionrun.h"
#include "deletion/deletionstore.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTreeView>

#include <memory>

bool runJobsPanelBenchmark(const BenchOptions &options, BenchReport &report)
{
    QStringList ids;
    for (int i = 0; i < options.deleteDesktops; ++i)
        ids.append(QStringLiteral("desktop-%1").arg(i, 5, 10, QLatin1Char('0')));
    DeletionContext context;
    context.projectId = QStringLiteral("bench-project");
    // Never started: the benchmark plays its polls (a run's signals are what the model follows).
    QTemporaryDir neverWritten;
    DeletionRun run(nullptr, DeletionPlan(ids, BatchDeleteOptions()), context,
                    std::make_shared<DeletionStore>(neverWritten.path()));
    JobModel model;
    JobsPanel panel(&model);
    panel.resize(1100, 500);
    panel.show();
    // What the run does to its result as it sends and follows: the benchmark plays it.
    auto &result = const_cast<DeletionResult &>(run.result());
    const QList<QStringList> chunks = run.plan().chunks();
    for (int chunk = 0; chunk < chunks.size(); ++chunk)
        result.setSubmitted(chunks.at(chunk), QStringLiteral("job-%1").arg(chunk));
    model.addRun(&run);
    panel.treeView()->expandAll();
    QCoreApplication::processEvents();

    QList<double> samples;
    const int polls = std::max(options.iterations * 20, 10);
    for (int poll = 0; poll < polls; ++poll) {
        // One tracker's poll: every desktop of its job moved on.
        const int chunk = poll % int(chunks.size());
        Job job;
        job.id = QStringLiteral("job-%1").arg(chunk);
        job.status = QStringLiteral("RUNNING");
        for (const QString &id : chunks.at(chunk)) {
            SubJob subJob;
            subJob.jobId = job.id;
            subJob.desktopId = id;
            subJob.status = QStringLiteral("RUNNING");
            subJob.process = 1 + poll % 99;
            job.subJobs.append(subJob);
        }
        BenchClock timer;
        result.applyJob(job, job.subJobs, false);
        Q_EMIT run.jobProgress(job.id, 1 + poll % 99);
        Q_EMIT run.resultChanged();
        // The turn's announcement, then the repaint it asked for.
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        samples.append(timer.elapsedMs());
    }
    report.add(options.shortMode ? QStringLiteral("jobs_panel_update_short_ms")
                                 : QStringLiteral("jobs_panel_update_10k_ms"),
               samples, QStringLiteral("ms"), 16);
    return true;
}
