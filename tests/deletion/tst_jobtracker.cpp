#include "deletion/jobtracker.h"
#include "deletion/pollingbudget.h"
#include "fakeworkspace.h"
#include "testclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

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

QJsonObject subJobJson(const QString &id, const QString &desktopId, const QString &status,
                       int process = 100)
{
    return QJsonObject{{QLatin1String("id"), id},
                       {QLatin1String("job_id"), QLatin1String("job-1")},
                       {QLatin1String("status"), status},
                       {QLatin1String("process"), process},
                       {QLatin1String("entities"),
                        QJsonObject{{QLatin1String("desktop_id"), desktopId}}}};
}

QByteArray jobJson(const QString &status, int subJobsTotal)
{
    QJsonObject job{{QLatin1String("id"), QLatin1String("job-1")},
                    {QLatin1String("job_type"), QLatin1String("deleteDesktops")},
                    {QLatin1String("status"), status}};
    if (subJobsTotal >= 0)
        job.insert(QLatin1String("sub_jobs_total"), subJobsTotal);
    return QJsonDocument(job).toJson(QJsonDocument::Compact);
}

QByteArray pageJson(const QJsonArray &subJobs, qint64 totalCount)
{
    return QJsonDocument(QJsonObject{{QLatin1String("total_count"), totalCount},
                                     {QLatin1String("jobs"), subJobs}})
        .toJson(QJsonDocument::Compact);
}

// A server with one job whose ShowJob answer and sub-job pages the test writes.
FakeNetworkAccessManager::RequestHandler scriptedJob(std::function<QByteArray()> showJob,
                                     std::function<QByteArray(int offset)> subJobPage)
{
    return [showJob = std::move(showJob), subJobPage = std::move(subJobPage)](
               const RecordedRequest &request) {
        if (request.url.path().contains(QLatin1String("/workspace-jobs/")))
            return FakeResponse::json(200, showJob());
        const int offset = QUrlQuery(request.url).queryItemValue(QStringLiteral("offset")).toInt();
        return FakeResponse::json(200, subJobPage(offset));
    };
}

// A fast-polling tracker of job-1 for these desktops.
std::unique_ptr<JobTracker> trackerOfJob1(ApiClient *client, const QStringList &desktopIds)
{
    auto tracker = std::make_unique<JobTracker>(client, QStringLiteral("job-1"));
    tracker->setRequestedDesktopIds(desktopIds);
    tracker->setTiming(fastTiming());
    return tracker;
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
    void repeatedDesktopDoesNotEndARunningJob();
    void endedSubJobsDoNotEndARunningJob();
    void foreignSubJobsAreIgnoredAndLogged();
    void failedJobWithRunningSubJobEnds();
    void endlessSubJobPagesStopAtTheOffsetLimit();
    void repeatingSubJobPagesStopAtOnce();
    void deadlineHoldsInTheMiddleOfPaging();
    void vanishedJobIsLost_data();
    void vanishedJobIsLost();
    void notFoundMustComeInARow();
    void unusableJobIdIsLostWithoutARequest();
    void trackersShareTheClientsBudget();
};

void TestJobTracker::pollsToTheEndWithBackoff()
{
    FakeWorkspace workspace;
    workspace.pollsUntilDone = 4;
    addJob(workspace, QStringLiteral("job-1"), {QStringLiteral("d1"), QStringLiteral("d2")});
    FakeNetworkAccessManager network(workspace.handler());
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
    QCOMPARE(network.countRequests("GET", QStringLiteral("/workspace-jobs/job-1")), 5);

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
    FakeNetworkAccessManager network(workspace.handler());
    auto client = makeTestClient(&network);
    JobTracker tracker(client.get(), QStringLiteral("job-1"));
    tracker.setTiming(fastTiming());
    QSignalSpy finished(&tracker, &JobTracker::finished);
    tracker.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(network.countRequests("GET", QStringLiteral("workspace-sub-jobs")), 0);
    QCOMPARE(tracker.subJobs().size(), 1);
}

void TestJobTracker::survivesTransientErrors()
{
    FakeWorkspace workspace;
    workspace.pollsUntilDone = 1;
    workspace.transientJobErrors = 2; // two 503s before the first real answer
    addJob(workspace, QStringLiteral("job-1"), {QStringLiteral("d1")});
    FakeNetworkAccessManager network(workspace.handler());
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
    FakeNetworkAccessManager network(workspace.handler());
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
    FakeNetworkAccessManager network([](const RecordedRequest &) {
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
    FakeNetworkAccessManager network(workspace.handler());
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

// The listing names d1 twice and never d2: the job is RUNNING and d2 has no result, so the job
// has not ended, however many sub-jobs were counted.
void TestJobTracker::repeatedDesktopDoesNotEndARunningJob()
{
    FakeNetworkAccessManager network(scriptedJob([] { return jobJson(QStringLiteral("RUNNING"), 2); },
                                        [](int) {
                                            return pageJson({subJobJson(QStringLiteral("s1"), QStringLiteral("d1"), QStringLiteral("SUCCESS")),
                                                             subJobJson(QStringLiteral("s2"), QStringLiteral("d1"), QStringLiteral("SUCCESS"))},
                                                            2);
                                        }));
    auto client = makeTestClient(&network);
    auto owned = trackerOfJob1(client.get(), {QStringLiteral("d1"), QStringLiteral("d2")});
    JobTracker &tracker = *owned;
    JobTracker::Timing timing = fastTiming();
    timing.giveUpAfterMs = 30000;
    tracker.setTiming(timing);
    qint64 fakeNow = 0;
    tracker.setClock([&fakeNow] { return fakeNow; });
    connect(&tracker, &JobTracker::pollScheduled, &tracker, [&fakeNow] { fakeNow += 10000; });
    QSignalSpy finished(&tracker, &JobTracker::finished);
    QSignalSpy gaveUp(&tracker, &JobTracker::gaveUp);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("more than once")));
    tracker.start();
    QVERIFY(gaveUp.wait(5000));
    QCOMPARE(finished.count(), 0);
    QCOMPARE(tracker.state(), JobTracker::State::GaveUp);
    QCOMPARE(tracker.subJobs().size(), 1);
    QCOMPARE(tracker.subJobs().constFirst().desktopId, QStringLiteral("d1"));
    QCOMPARE(tracker.overallPercent(), 50);
}

void TestJobTracker::endedSubJobsDoNotEndARunningJob()
{
    int shows = 0;
    FakeNetworkAccessManager network(scriptedJob(
        [&shows] { return jobJson(++shows < 3 ? QStringLiteral("RUNNING") : QStringLiteral("SUCCESS"), 1); },
        [](int) {
            return pageJson({subJobJson(QStringLiteral("s1"), QStringLiteral("d1"), QStringLiteral("SUCCESS"))}, 1);
        }));
    auto client = makeTestClient(&network);
    auto owned = trackerOfJob1(client.get(), {QStringLiteral("d1")});
    JobTracker &tracker = *owned;
    QSignalSpy finished(&tracker, &JobTracker::finished);
    tracker.start();
    QVERIFY(finished.wait(5000));
    // Only the third answer, SUCCESS, ended it.
    QCOMPARE(tracker.pollCount(), 3);
    QCOMPARE(tracker.job().status, QStringLiteral("SUCCESS"));
}

void TestJobTracker::foreignSubJobsAreIgnoredAndLogged()
{
    FakeNetworkAccessManager network(scriptedJob([] { return jobJson(QStringLiteral("SUCCESS"), 3); },
                                        [](int) {
                                            return pageJson({subJobJson(QStringLiteral("s1"), QStringLiteral("d1"), QStringLiteral("SUCCESS")),
                                                             subJobJson(QStringLiteral("s9"), QStringLiteral("other"), QStringLiteral("FAILED")),
                                                             subJobJson(QStringLiteral("s2"), QStringLiteral("d2"), QStringLiteral("SUCCESS"))},
                                                            3);
                                        }));
    auto client = makeTestClient(&network);
    auto owned = trackerOfJob1(client.get(), {QStringLiteral("d2"), QStringLiteral("d1")});
    JobTracker &tracker = *owned;
    QSignalSpy finished(&tracker, &JobTracker::finished);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("\"other\" which was not in the request")));
    tracker.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(tracker.foreignSubJobCount(), 1);
    QCOMPARE(tracker.subJobs().size(), 2);
    QCOMPARE(tracker.subJobs().at(0).desktopId, QStringLiteral("d2")); // in the order of the request
    QCOMPARE(tracker.subJobs().at(1).desktopId, QStringLiteral("d1"));
}

void TestJobTracker::failedJobWithRunningSubJobEnds()
{
    FakeNetworkAccessManager network(scriptedJob([] { return jobJson(QStringLiteral("FAIL"), 2); },
                                        [](int) {
                                            return pageJson({subJobJson(QStringLiteral("s1"), QStringLiteral("d1"), QStringLiteral("FAILED")),
                                                             subJobJson(QStringLiteral("s2"), QStringLiteral("d2"), QStringLiteral("RUNNING"), 40)},
                                                            2);
                                        }));
    auto client = makeTestClient(&network);
    auto owned = trackerOfJob1(client.get(), {QStringLiteral("d1"), QStringLiteral("d2")});
    JobTracker &tracker = *owned;
    QSignalSpy finished(&tracker, &JobTracker::finished);
    tracker.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(tracker.pollCount(), 1);
    QCOMPARE(tracker.subJobs().at(1).state(), JobState::InProgress); // DeletionResult makes it Unknown
}

// Every page brings 1,000 sub-jobs never seen before and total_count claims two billion: one
// poll asks for offsets 0 to 10,000 and no more.
void TestJobTracker::endlessSubJobPagesStopAtTheOffsetLimit()
{
    FakeNetworkAccessManager network(scriptedJob([] { return jobJson(QStringLiteral("SUCCESS"), -1); },
                                        [](int offset) {
                                            QJsonArray page;
                                            for (int i = 0; i < 1000; ++i) {
                                                const QString n = QString::number(offset + i);
                                                page.append(subJobJson(QStringLiteral("s") + n, QStringLiteral("x") + n, QStringLiteral("RUNNING")));
                                            }
                                            return pageJson(page, 2000000000LL);
                                        }));
    auto client = makeTestClient(&network);
    auto owned = trackerOfJob1(client.get(), {});
    JobTracker &tracker = *owned;
    QSignalSpy finished(&tracker, &JobTracker::finished);
    tracker.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(tracker.subJobPageRequests(), JobTracker::kMaxSubJobPagesPerPoll);
    QCOMPARE(network.countRequests("GET", QStringLiteral("workspace-sub-jobs")), 11);
    int highestOffset = 0;
    for (const RecordedRequest &request : network.requests())
        highestOffset = std::max(highestOffset, QUrlQuery(request.url).queryItemValue(QStringLiteral("offset")).toInt());
    QCOMPARE(highestOffset, JobTracker::kMaxSubJobOffset);
}

void TestJobTracker::repeatingSubJobPagesStopAtOnce()
{
    FakeNetworkAccessManager network(scriptedJob([] { return jobJson(QStringLiteral("SUCCESS"), 500); },
                                        [](int) {
                                            return pageJson({subJobJson(QStringLiteral("s1"), QStringLiteral("d1"), QStringLiteral("SUCCESS"))},
                                                            500);
                                        }));
    auto client = makeTestClient(&network);
    auto owned = trackerOfJob1(client.get(), {QStringLiteral("d1")});
    JobTracker &tracker = *owned;
    QSignalSpy finished(&tracker, &JobTracker::finished);
    tracker.start();
    QVERIFY(finished.wait(5000));
    // The second page brought nothing new: the server ignores offset.
    QCOMPARE(tracker.subJobPageRequests(), 2);
    QCOMPARE(tracker.subJobs().size(), 1);
}

// --timeout maps to giveUpAfterMs: an endless listing cannot carry a poll past it.
void TestJobTracker::deadlineHoldsInTheMiddleOfPaging()
{
    qint64 fakeNow = 0;
    FakeNetworkAccessManager network(scriptedJob([] { return jobJson(QStringLiteral("RUNNING"), -1); },
                                        [&fakeNow](int offset) {
                                            fakeNow += 1000; // each page takes a second
                                            return pageJson({subJobJson(QStringLiteral("s%1").arg(offset), QStringLiteral("d1"), QStringLiteral("RUNNING"), 1)},
                                                            2000000000LL);
                                        }));
    auto client = makeTestClient(&network);
    auto owned = trackerOfJob1(client.get(), {});
    JobTracker &tracker = *owned;
    JobTracker::Timing timing = fastTiming();
    timing.giveUpAfterMs = 4500;
    tracker.setTiming(timing);
    tracker.setClock([&fakeNow] { return fakeNow; });
    QSignalSpy gaveUp(&tracker, &JobTracker::gaveUp);
    QSignalSpy scheduled(&tracker, &JobTracker::pollScheduled);
    tracker.start();
    QVERIFY(gaveUp.wait(5000));
    QCOMPARE(scheduled.count(), 0); // still in the first poll's paging
    QCOMPARE(tracker.pollCount(), 1);
    QCOMPARE(tracker.subJobPageRequests(), 5); // at 1 s … 5 s; the sixth is never asked for
    QVERIFY(tracker.gaveUpReason().contains(QLatin1String("job-1")));
}

void TestJobTracker::vanishedJobIsLost_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("404") << 404 << QByteArray(R"({"error_code":"WKS.0404","error_msg":"job not found"})");
    QTest::newRow("500 WKS.0202") << 500 << QByteArray(R"({"error_code":"WKS.0202","error_msg":"The resource not found"})");
}

void TestJobTracker::vanishedJobIsLost()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    FakeNetworkAccessManager network([status, body](const RecordedRequest &) { return FakeResponse::json(status, body); });
    auto client = makeTestClient(&network);
    auto owned = trackerOfJob1(client.get(), {});
    JobTracker &tracker = *owned;
    QSignalSpy lost(&tracker, &JobTracker::lost);
    QSignalSpy gaveUp(&tracker, &JobTracker::gaveUp);
    tracker.start();
    QVERIFY(lost.wait(5000));
    QCOMPARE(gaveUp.count(), 0);
    QCOMPARE(tracker.state(), JobTracker::State::Lost);
    QCOMPARE(tracker.pollCount(), JobTracker::kNotFoundInARowMeansGone);
    QCOMPARE(network.requests().size(), JobTracker::kNotFoundInARowMeansGone);
    QVERIFY(tracker.lostReason().contains(QLatin1String("job-1")));
    QVERIFY(tracker.lostReason().contains(QLatin1String("re-list")));
}

void TestJobTracker::notFoundMustComeInARow()
{
    // 404, 404, 503, 404, 404, 404: the 503 breaks the run, so it takes six polls.
    int n = 0;
    FakeNetworkAccessManager network([&n](const RecordedRequest &) {
        return ++n == 3 ? FakeResponse::json(503, R"({"error_code":"WKS.0001","error_msg":"busy"})")
                        : FakeResponse::json(404, R"({"error_code":"WKS.0202","error_msg":"not found"})");
    });
    auto client = makeTestClient(&network);
    auto owned = trackerOfJob1(client.get(), {});
    JobTracker &tracker = *owned;
    QSignalSpy lost(&tracker, &JobTracker::lost);
    tracker.start();
    QVERIFY(lost.wait(5000));
    QCOMPARE(tracker.pollCount(), 6);
}

void TestJobTracker::unusableJobIdIsLostWithoutARequest()
{
    FakeNetworkAccessManager network([](const RecordedRequest &) { return FakeResponse::json(200, "{}"); });
    auto client = makeTestClient(&network);
    for (const QString &id : {QStringLiteral(".."), QStringLiteral("a/b"), QString(), QStringLiteral("job 1"),
                              QString(300, QLatin1Char('a'))}) {
        QVERIFY(!JobTracker::isFollowableJobId(id));
        JobTracker tracker(client.get(), id);
        tracker.setTiming(fastTiming());
        QSignalSpy lost(&tracker, &JobTracker::lost);
        tracker.start();
        QVERIFY(lost.wait(5000));
        QCOMPARE(tracker.state(), JobTracker::State::Lost);
    }
    QCOMPARE(network.requests().size(), 0);
    QVERIFY(JobTracker::isFollowableJobId(QStringLiteral("8a2c9f0e-1b2c-4d5e-9f00-123456789abc")));
}

QTEST_GUILESS_MAIN(TestJobTracker)
#include "tst_jobtracker.moc"

// Many trackers of one client take turns on one budget; a finished job leaves it and is never
// polled again, and a 429 slows every tracker of the client down.
void TestJobTracker::trackersShareTheClientsBudget()
{
    FakeWorkspace workspace;
    workspace.pollsUntilDone = 2;
    addJob(workspace, QStringLiteral("job-1"), {QStringLiteral("d1")});
    addJob(workspace, QStringLiteral("job-2"), {QStringLiteral("d2")});
    FakeNetworkAccessManager network(workspace.handler());
    auto client = makeTestClient(&network);
    PollingBudget *budget = PollingBudget::forClient(client.get());
    JobTracker first(client.get(), QStringLiteral("job-1"));
    JobTracker second(client.get(), QStringLiteral("job-2"));
    for (JobTracker *tracker : {&first, &second}) {
        tracker->setTiming(fastTiming());
        tracker->start();
    }
    QCOMPARE(first.pollingBudget(), budget);
    QCOMPARE(budget->waitingCount(), 2);
    QSignalSpy firstFinished(&first, &JobTracker::finished);
    QSignalSpy secondFinished(&second, &JobTracker::finished);
    QVERIFY(firstFinished.wait(5000));
    QTRY_COMPARE_WITH_TIMEOUT(secondFinished.count(), 1, 5000);
    QCOMPARE(budget->waitingCount(), 0);
    const qint64 grants = budget->grantCount();
    const int requests = network.countRequests("GET", QStringLiteral("/workspace-"));
    QCOMPARE(grants, qint64(requests));

    // A throttled answer slows every tracker of the client down.
    const double rate = budget->currentRate();
    FakeNetworkAccessManager throttling([](const RecordedRequest &) {
        return FakeResponse::json(429, QByteArrayLiteral(
            R"({"error_code":"APIG.0308","error_msg":"The throttling threshold has been reached"})"));
    });
    auto throttledClient = makeTestClient(&throttling);
    PollingBudget *throttledBudget = PollingBudget::forClient(throttledClient.get());
    JobTracker slowed(throttledClient.get(), QStringLiteral("job-1"));
    slowed.setTiming(fastTiming());
    QSignalSpy transient(&slowed, &JobTracker::transientError);
    slowed.start();
    QVERIFY(transient.wait(5000));
    QCOMPARE(throttledBudget->currentRate(), rate * throttledBudget->settings().throttledFactor);
    QCOMPARE(budget->currentRate(), rate);
}
