#include "deletebenchmark.h"

#include "benchreport.h"
#include "simulatortestsupport.h"
#include "workspacesimulator.h"

#include "api/apiclient.h"
#include "deletion/auditlog.h"
#include "deletion/deletionpreparation.h"
#include "deletion/deletionrun.h"
#include "deletion/deletionstore.h"
#include "deletion/jobjournal.h"
#include "deletion/pollingbudget.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextStream>

#include <memory>

namespace {

// What the simulator was asked, by kind, with the times of the job requests.
struct RequestCounts
{
    int lookUps = 0;
    int posts = 0;
    int jobRequests = 0; // ShowJob and sub-job listings
    int others = 0;
    qint64 firstJobRequestMs = -1;
    qint64 lastJobRequestMs = -1;

    int total() const { return lookUps + posts + jobRequests + others; }
};

} // namespace

bool runDeleteBenchmark(const BenchOptions &options, BenchReport &report)
{
    QTextStream err(stderr);
    const int wanted = options.deleteDesktops;
    // Time runs `compression` times faster for the simulator's jobs and for every delay of the
    // engine (budget, back-off, chunk gap): the counts are those of the real durations, and the
    // rate is given per compressed second.
    const double compression = options.deleteTimeCompression;
    SimulatorConfig config = simulatorConfig(QStringLiteral("BENCHDELETEKEY"),
                                             QStringLiteral("bench-delete-secret-not-a-real-one"),
                                             wanted + wanted / 2, int(60000 / compression));
    config.seed = 17;
    WorkspaceSimulator simulator(config);
    if (!simulator.listen()) {
        err << "benchmark failed: the simulator cannot listen on loopback" << Qt::endl;
        return false;
    }
    QNetworkAccessManager network;
    Credentials credentials;
    credentials.accessKey = config.accessKey;
    credentials.secretKey = config.secretKey;
    ApiClient client(&network, clientConfigFor(simulator), credentials);

    // The table the administrator selects from (its listing is not part of the deletion).
    QStringList candidates;
    for (const Desktop &desktop : listAllDesktops(&client, 120000)) {
        if (desktop.billingMode != BillingMode::YearlyMonthly)
            candidates.append(desktop.id);
        if (candidates.size() == wanted + wanted / 10)
            break;
    }

    QTemporaryDir dataDir;
    const DeletionStorePtr store = std::make_shared<DeletionStore>(dataDir.path());
    AuditLog &audit = store->audit();
    JobJournal &journal = store->journal();

    RequestCounts counts;
    QElapsedTimer clock;
    clock.start();
    QObject::connect(&simulator, &WorkspaceSimulator::requestHandled, &simulator,
                     [&counts, &clock](const QByteArray &method, const QString &path, int) {
                         if (method == "POST" && path.contains(QLatin1String("batch-delete"))) {
                             ++counts.posts;
                         } else if (path.contains(QLatin1String("workspace-jobs"))
                                    || path.contains(QLatin1String("workspace-sub-jobs"))) {
                             ++counts.jobRequests;
                             counts.lastJobRequestMs = clock.elapsed();
                             if (counts.firstJobRequestMs < 0)
                                 counts.firstJobRequestMs = counts.lastJobRequestMs;
                         } else if (path.contains(QLatin1String("desktops"))) {
                             ++counts.lookUps;
                         } else {
                             ++counts.others;
                         }
                     });

    DeletionPreparation::Request request;
    request.desktopIds = candidates;
    request.options.forceDelete = true;
    request.projectId = config.projectId;
    request.audit = &audit;
    DeletionPreparation preparation(&client, request, &journal);
    QSignalSpy prepared(&preparation, &DeletionPreparation::finished);
    preparation.start();
    if (!prepared.wait(120000) || !preparation.succeeded()) {
        err << "benchmark failed: the deletion's look-up did not succeed" << Qt::endl;
        return false;
    }
    const DeletionPlan offered = preparation.plan();
    if (offered.desktopIds().size() < wanted) {
        err << "benchmark failed: only " << offered.desktopIds().size() << " deletable desktops, "
            << wanted << " wanted" << Qt::endl;
        return false;
    }
    const DeletionPlan plan(offered.desktopIds().mid(0, wanted), request.options);

    PollingBudget::Settings budget;
    budget.requestsPerSecond *= compression;
    budget.minRequestsPerSecond *= compression;
    budget.recoveryAfterMs = qint64(budget.recoveryAfterMs / compression);
    PollingBudget::forClient(&client)->setSettings(budget);
    JobTracker::Timing timing;
    timing.initialIntervalMs = int(timing.initialIntervalMs / compression);
    timing.maxIntervalMs = int(timing.maxIntervalMs / compression);
    timing.giveUpAfterMs = qint64(timing.giveUpAfterMs / compression);

    DeletionContext context;
    context.projectId = config.projectId;
    DeletionRun run(&client, plan, context, store);
    run.setChunkGapMs(int(500 / compression));
    run.setTrackerTiming(timing);
    QSignalSpy finished(&run, &DeletionRun::finished);
    const qint64 startedMs = clock.elapsed();
    run.start();
    if (!finished.wait(int(30 * 60 * 1000 / compression))) {
        err << "benchmark failed: the deletion did not end" << Qt::endl;
        return false;
    }
    const double durationS = double(clock.elapsed() - startedMs) / 1000.0 * compression;
    const int deleted = run.result().count(DeletionOutcome::Deleted);
    if (deleted != wanted) {
        err << "benchmark failed: " << deleted << " of " << wanted << " desktops deleted ("
            << run.result().summaryText() << ")" << Qt::endl;
        return false;
    }
    const double followedS =
        double(counts.lastJobRequestMs - counts.firstJobRequestMs) / 1000.0 * compression;
    const double rate = followedS > 0 ? counts.jobRequests / followedS : 0.0;
    err << "deletion of " << wanted << " desktops: " << counts.lookUps << " look-ups, " << counts.posts
        << " POSTs, " << counts.jobRequests << " job requests, " << counts.others << " others; "
        << durationS << " s to the last job's end (time compressed " << compression << "x)" << Qt::endl;

    const bool full = !options.shortMode;
    report.add(full ? QStringLiteral("delete_10k_requests_per_s") : QStringLiteral("delete_short_requests_per_s"),
               {rate}, QStringLiteral("req/s"), 2, 2);
    report.add(full ? QStringLiteral("delete_10k_api_calls_per_desktop")
                    : QStringLiteral("delete_short_api_calls_per_desktop"),
               {double(counts.total()) / wanted}, QStringLiteral("calls"), 0.5, 3);
    report.add(full ? QStringLiteral("delete_10k_duration_s") : QStringLiteral("delete_short_duration_s"),
               {durationS}, QStringLiteral("s"), 0);
    return true;
}
