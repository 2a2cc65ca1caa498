#include "deletion/jobtracker.h"
#include "fakeworkspace.h"
#include "testclient.h"

#include <QSignalSpy>
#include <QTest>

namespace {
JobTracker::Timing fastTiming()
{
    JobTracker::Timing timing;
    timing.initialIntervalMs = 5;
    timing.backoffFactor = 2.0;
    timing.maxIntervalMs = 20;
    timing.giveUpAfterMs = 60 * 60 * 1000;
    return timing;
}

void addJob(FakeWorkspace &workspace, const QString &jobId, const QStringList &desktopIds)
{
    FakeWorkspace::FakeJob job;
    job.id = jobId;
    job.desktopIds = desktopIds;
    workspace.jobs.insert(jobId, job);
}
} // namespace

class TestJobTracker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pollsToTheEndWithBackoff();
    void usesSubJobsFromShowJob();
    void survivesTransientErrors();
    void givesUpAfterConfiguredTime();
    void stopsAtOnceOnAuthenticationFailure();
    void reportsFailedSubJobs();
};

void TestJobTracker::pollsToTheEndWithBackoff()
{
    FakeWorkspace workspace;
    workspace.pollsUntilDone = 4;
    addJob(workspace, QStringLiteral("job-1"), {QStringLiteral("d1"), QStringLiteral("d2")});
    ScriptedNetwork network(workspace.handler());
    auto client = makeTestClient(&network);
    JobTracker tracker(client.get(), QStringLiteral("job-1"));
    tracker.setTiming(fastTiming());
    QSignalSpy finished(&tracker, &JobTracker::finished);
    QSignalSpy gaveUp(&tracker, &JobTracker::gaveUp);
    QSignalSpy scheduled(&tracker, &JobTracker::pollScheduled);
    QSignalSpy progress(&tracker, &JobTracker::progressChanged);
    tracker.start();
    tracker.start(); // harmless
    QVERIFY(finished.wait(5000));
    QCOMPARE(gaveUp.count(), 0);
    QCOMPARE(tracker.state(), JobTracker::State::Finished);
    QCOMPARE(tracker.pollCount(), 5);
    QCOMPARE(network.count("GET", QStringLiteral("/workspace-jobs/job-1")), 5);

    QList<int> delays;
    for (const QList<QVariant> &arguments : std::as_const(scheduled))
        delays.append(arguments.at(0).toInt());
    QCOMPARE(delays, (QList<int>{5, 10, 20, 20})); // ×2, capped at 20

    QCOMPARE(tracker.overallPercent(), 100);
    QCOMPARE(progress.last().at(0).toInt(), 100);
    int previous = -1;
    for (const QList<QVariant> &arguments : std::as_const(progress)) {
        QVERIFY(arguments.at(0).toInt() > previous);
        previous = arguments.at(0).toInt();
    }
    QCOMPARE(tracker.subJobs().size(), 2);
    for (const SubJob &subJob : tracker.subJobs())
        QCOMPARE(subJob.state(), JobState::Succeeded);

    // Ended means ended: the final answer scheduled no further poll.
    QCOMPARE(scheduled.count(), 4);
}

void TestJobTracker::usesSubJobsFromShowJob()
{
    FakeWorkspace workspace;
    workspace.pollsUntilDone = 1;
    workspace.subJobsInShowJob = true;
    addJob(workspace, QStringLiteral("job-1"), {QStringLiteral("d1")});
    ScriptedNetwork network(workspace.handler());
    auto client = makeTestClient(&network);
    JobTracker tracker(client.get(), QStringLiteral("job-1"));
    tracker.setTiming(fastTiming());
    QSignalSpy finished(&tracker, &JobTracker::finished);
    tracker.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(network.count("GET", QStringLiteral("workspace-sub-jobs")), 0);
    QCOMPARE(tracker.subJobs().size(), 1);
}

void TestJobTracker::survivesTransientErrors()
{
    FakeWorkspace workspace;
    workspace.pollsUntilDone = 1;
    workspace.transientJobErrors = 2; // two 503s before the first real answer
    addJob(workspace, QStringLiteral("job-1"), {QStringLiteral("d1")});
    ScriptedNetwork network(workspace.handler());
    auto client = makeTestClient(&network);
    JobTracker tracker(client.get(), QStringLiteral("job-1"));
    tracker.setTiming(fastTiming());
    QSignalSpy finished(&tracker, &JobTracker::finished);
    QSignalSpy transient(&tracker, &JobTracker::transientError);
    tracker.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(tracker.transientErrorCount(), 2);
    QCOMPARE(transient.count(), 2);
    QCOMPARE(transient.at(0).at(0).value<ApiError>().httpStatus, 503);
    QCOMPARE(tracker.subJobs().value(0).state(), JobState::Succeeded);
}

void TestJobTracker::givesUpAfterConfiguredTime()
{
    FakeWorkspace workspace;
    workspace.jobsNeverEnd = true;
    addJob(workspace, QStringLiteral("job-1"), {QStringLiteral("d1")});
    ScriptedNetwork network(workspace.handler());
    auto client = makeTestClient(&network);
    JobTracker tracker(client.get(), QStringLiteral("job-1"));
    JobTracker::Timing timing = fastTiming();
    timing.giveUpAfterMs = 30000;
    tracker.setTiming(timing);
    // Each scheduled poll moves the injected clock on by 10 s: the give-up time is reached
    // after a few polls, without waiting for it.
    qint64 fakeNow = 1000;
    tracker.setClock([&fakeNow] { return fakeNow; });
    connect(&tracker, &JobTracker::pollScheduled, &tracker, [&fakeNow] { fakeNow += 10000; });
    QSignalSpy finished(&tracker, &JobTracker::finished);
    QSignalSpy gaveUp(&tracker, &JobTracker::gaveUp);
    tracker.start();
    QVERIFY(gaveUp.wait(5000));
    QCOMPARE(finished.count(), 0);
    QCOMPARE(tracker.state(), JobTracker::State::GaveUp);
    QCOMPARE(tracker.pollCount(), 4); // at 0 s, 10 s, 20 s, 30 s → gives up
    QVERIFY(gaveUp.at(0).at(0).toString().contains(QLatin1String("job-1")));
    QCOMPARE(tracker.gaveUpReason(), gaveUp.at(0).at(0).toString());
}

void TestJobTracker::stopsAtOnceOnAuthenticationFailure()
{
    ScriptedNetwork network([](const ScriptedRequest &) {
        return FakeResponse::json(
            401, R"({"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information"})");
    });
    auto client = makeTestClient(&network);
    JobTracker tracker(client.get(), QStringLiteral("job-1"));
    tracker.setTiming(fastTiming());
    QSignalSpy gaveUp(&tracker, &JobTracker::gaveUp);
    tracker.start();
    QVERIFY(gaveUp.wait(5000));
    QCOMPARE(network.requests().size(), 1);
    QCOMPARE(tracker.transientErrorCount(), 0);
    QVERIFY(tracker.lastError().isAuthenticationFailure());
}

void TestJobTracker::reportsFailedSubJobs()
{
    FakeWorkspace workspace;
    workspace.pollsUntilDone = 0;
    workspace.failingDesktopIds = {QStringLiteral("d2")};
    addJob(workspace, QStringLiteral("job-1"), {QStringLiteral("d1"), QStringLiteral("d2")});
    ScriptedNetwork network(workspace.handler());
    auto client = makeTestClient(&network);
    JobTracker tracker(client.get(), QStringLiteral("job-1"));
    tracker.setTiming(fastTiming());
    QSignalSpy finished(&tracker, &JobTracker::finished);
    tracker.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(tracker.job().state(), JobState::Failed);
    const SubJob failed = tracker.subJobs().at(1);
    QCOMPARE(failed.desktopId, QStringLiteral("d2"));
    QCOMPARE(failed.state(), JobState::Failed);
    QCOMPARE(failed.errorCode, QStringLiteral("WKS.0110"));
    QVERIFY(!failed.failReason.isEmpty());
}

QTEST_GUILESS_MAIN(TestJobTracker)
#include "tst_jobtracker.moc"
