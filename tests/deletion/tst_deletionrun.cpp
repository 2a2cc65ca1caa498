#include "deletion/auditlog.h"
#include "deletion/deletionrun.h"
#include "deletion/deletionstore.h"
#include "deletion/jobjournal.h"
#include "fakeworkspace.h"
#include "testclient.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

namespace {
QStringList makeIds(int count, const QString &prefix = QStringLiteral("desk-"))
{
    QStringList ids;
    for (int i = 0; i < count; ++i)
        ids.append(prefix + QString::number(i));
    return ids;
}

JobTracker::Timing fastTiming()
{
    JobTracker::Timing timing;
    timing.initialIntervalMs = 2;
    timing.backoffFactor = 1.5;
    timing.maxIntervalMs = 10;
    timing.giveUpAfterMs = 60 * 60 * 1000;
    return timing;
}

QList<QJsonObject> eventsOf(const QList<QJsonObject> &entries, const QString &event)
{
    QList<QJsonObject> matching;
    for (const QJsonObject &entry : entries) {
        if (entry.value(QLatin1String("event")).toString() == event)
            matching.append(entry);
    }
    return matching;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Everything one test needs: a scripted server, a client, the data directory's files.
struct Fixture
{
    QTemporaryDir dir;
    FakeWorkspace workspace;
    FakeNetworkAccessManager network{workspace.handler()};
    std::unique_ptr<ApiClient> client = makeTestClient(&network, 200);
    DeletionStorePtr store = std::make_shared<DeletionStore>(dir.path());
    AuditLog &audit = store->audit();
    JobJournal &journal = store->journal();
    DeletionContext context;

    Fixture()
    {
        workspace.pollsUntilDone = 1;
        context.profileName = QStringLiteral("prod");
        context.projectId = QStringLiteral("project-1");
        context.endpointHost = QStringLiteral("workspace.test.example");
        context.osUser = QStringLiteral("alice");
    }

    std::unique_ptr<DeletionRun> makeRun(const QStringList &ids, BatchDeleteOptions options = {})
    {
        auto run = std::make_unique<DeletionRun>(client.get(), DeletionPlan(ids, options), context, store);
        run->setChunkGapMs(0);
        run->setLostJobSearchDelayMs(0);
        run->setTrackerTiming(fastTiming());
        return run;
    }
};
} // namespace

class TestDeletionRun : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sendsChunksOneAfterAnotherAndTracksToTheEnd();
    void startTwiceSendsNothingMore();
    void secondRunForSameDesktopsSendsNothing();
    void postFailureStopsSending_data();
    void postFailureStopsSending();
    void noAuditNoPost();
    void auditAndJournalHoldNoSecret();
    void journalKeepsUnfinishedJobsAndResumeFinishesThem();
    void journaledDesktopsAreNotSentAgain();
    void trackingGivesUpKeepsJobInJournal();
    void mixedOutcomesSummaryAndCsv();
    void cancelDuringGapSendsNoMore();
    void lostJournalEntryIsSettledAsUnknown_data();
    void lostJournalEntryIsSettledAsUnknown();
    void failedJobWithRunningSubJobsLeavesThemUnknown();
    void conflictAfterResendFindsTheJob();
    void lostJobNotFoundStaysUnknown();
    void recoverFollowsTheJobOfAnOrphanIntent_data();
    void recoverFollowsTheJobOfAnOrphanIntent();
    void deadlineEndsSendingAndFollowing();
};

void TestDeletionRun::sendsChunksOneAfterAnotherAndTracksToTheEnd()
{
    Fixture f;
    BatchDeleteOptions options;
    options.deleteUsers = true;
    options.emailNotification = false;
    const QStringList ids = makeIds(250);
    // The intent must be on disk before each POST: count it from inside the server.
    QList<int> intentsSeenAtPost;
    f.workspace.postOverride = [&f, &intentsSeenAtPost](int) -> std::optional<FakeResponse> {
        intentsSeenAtPost.append(int(eventsOf(AuditLog::readEntries(f.audit.filePath()),
                                              QStringLiteral("intent")).size()));
        return std::nullopt;
    };
    auto run = f.makeRun(ids, options);
    QSignalSpy finished(run.get(), &DeletionRun::finished);
    QSignalSpy submitted(run.get(), &DeletionRun::chunkSubmitted);
    run->start();
    QVERIFY(finished.wait(10000));

    QCOMPARE(f.network.countRequests("POST", QStringLiteral("batch-delete")), 3);
    QCOMPARE(f.workspace.postedDesktopIds.size(), 3);
    QCOMPARE(f.workspace.postedDesktopIds.at(0), ids.mid(0, 100));
    QCOMPARE(f.workspace.postedDesktopIds.at(1), ids.mid(100, 100));
    QCOMPARE(f.workspace.postedDesktopIds.at(2), ids.mid(200));
    int post = 0;
    for (const RecordedRequest &request : f.network.requests()) {
        if (request.method != "POST")
            continue;
        QCOMPARE(request.body, run->plan().requestBody(post));
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        QCOMPARE(body.value(QLatin1String("delete_users")).toBool(), true);
        QCOMPARE(body.value(QLatin1String("email_notification")).toBool(), false);
        QCOMPARE(body.value(QLatin1String("is_force_delete")).toBool(), false);
        ++post;
    }
    QCOMPARE(intentsSeenAtPost, (QList<int>{1, 2, 3}));
    QCOMPARE(submitted.count(), 3);
    QCOMPARE(run->jobIds(), (QStringList{QStringLiteral("job-1"), QStringLiteral("job-2"),
                                         QStringLiteral("job-3")}));

    QCOMPARE(run->state(), DeletionRun::State::Finished);
    QCOMPARE(run->result().count(DeletionOutcome::Deleted), 250);
    QCOMPARE(run->result().summaryText(), QStringLiteral("250 deleted"));
    QCOMPARE(run->result().row(QStringLiteral("desk-120")).jobId, QStringLiteral("job-2"));

    const QList<QJsonObject> entries = AuditLog::readEntries(f.audit.filePath());
    QCOMPARE(eventsOf(entries, QStringLiteral("intent")).size(), 3);
    QCOMPARE(eventsOf(entries, QStringLiteral("done")).size(), 3);
    QCOMPARE(eventsOf(entries, QStringLiteral("job_finished")).size(), 3);
    QCOMPARE(eventsOf(entries, QStringLiteral("done")).at(0).value(QLatin1String("request_id")).toString(),
             QStringLiteral("req-post-1"));
    // Finished jobs leave the journal.
    JobJournal reloaded(f.journal.filePath());
    QVERIFY(reloaded.load());
    QVERIFY(reloaded.entries().isEmpty());
}

void TestDeletionRun::startTwiceSendsNothingMore()
{
    Fixture f;
    auto run = f.makeRun(makeIds(250));
    QSignalSpy finished(run.get(), &DeletionRun::finished);
    run->start();
    run->start(); // a repeated click or Enter press
    QVERIFY(finished.wait(10000));
    run->start(); // and once more after the end
    QCoreApplication::processEvents();
    QCOMPARE(f.network.countRequests("POST", QStringLiteral("batch-delete")), 3);
    QCOMPARE(run->postCount(), 3);
}

void TestDeletionRun::secondRunForSameDesktopsSendsNothing()
{
    Fixture f;
    f.workspace.jobsNeverEnd = true;
    const QStringList ids = makeIds(10);
    auto first = f.makeRun(ids);
    first->setTrackJobs(false);
    QSignalSpy firstFinished(first.get(), &DeletionRun::finished);
    first->start();
    // A second dialog for an overlapping selection while the first run lives.
    auto second = f.makeRun(ids + QStringList{QStringLiteral("other")});
    second->setTrackJobs(false);
    QSignalSpy secondFinished(second.get(), &DeletionRun::finished);
    second->start();
    QVERIFY(firstFinished.wait(5000));
    if (secondFinished.isEmpty())
        QVERIFY(secondFinished.wait(5000));
    QCOMPARE(f.network.countRequests("POST", QStringLiteral("batch-delete")), 2);
    QCOMPARE(f.workspace.postedDesktopIds.at(1), QStringList{QStringLiteral("other")});
    QCOMPARE(second->result().count(DeletionOutcome::NotSent), 10);
    QCOMPARE(second->result().row(QStringLiteral("other")).outcome, DeletionOutcome::Submitted);
}

void TestDeletionRun::postFailureStopsSending_data()
{
    QTest::addColumn<int>("status"); // 0: the request hangs until the client times out
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("expectedOutcome");
    QTest::newRow("500") << 500
                         << QByteArray(R"({"error_code":"WKS.0202","error_msg":"resource not found"})")
                         << int(DeletionOutcome::Failed);
    // A 409 may answer Qt's silent resend of a request that was carried out: never "failed".
    QTest::newRow("409") << 409
                         << QByteArray(R"({"error_code":"WKS.00010032","error_msg":"Operation conflict.","error_detail":"desktop busy"})")
                         << int(DeletionOutcome::Unknown);
    QTest::newRow("400") << 400
                         << QByteArray(R"({"error_code":"WKS.0001","error_msg":"invalid","error_detail":"bad id"})")
                         << int(DeletionOutcome::Failed);
    QTest::newRow("403 encoded") << 403
                                 << QByteArray(R"({"error_code":"WKS.0403","error_msg":"forbidden","encoded_authorization_message":"ENC-abc123"})")
                                 << int(DeletionOutcome::Failed);
    QTest::newRow("429") << 429
                         << QByteArray(R"({"error_code":"APIG.0308","error_msg":"throttled"})")
                         << int(DeletionOutcome::Failed);
    QTest::newRow("timeout after send") << 0 << QByteArray() << int(DeletionOutcome::Unknown);
    QTest::newRow("connection reset") << -1 << QByteArray() << int(DeletionOutcome::Unknown);
}

void TestDeletionRun::postFailureStopsSending()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, expectedOutcome);
    Fixture f;
    // The first POST works, the second fails.
    f.workspace.postOverride = [status, body](int index) -> std::optional<FakeResponse> {
        if (index != 1)
            return std::nullopt;
        FakeResponse response = FakeResponse::json(status, body, "req-failed");
        response.neverFinishes = status == 0;
        if (status == -1) {
            response.transportError = QNetworkReply::RemoteHostClosedError;
            response.transportErrorString = QStringLiteral("simulated transport failure");
        }
        return response;
    };
    const QStringList ids = makeIds(250);
    auto run = f.makeRun(ids);
    QSignalSpy finished(run.get(), &DeletionRun::finished);
    QSignalSpy failed(run.get(), &DeletionRun::chunkFailed);
    QSignalSpy notSent(run.get(), &DeletionRun::desktopsNotSent);
    run->start();
    QVERIFY(finished.wait(10000));

    // Never re-sent, and nothing after the failure.
    QCOMPARE(f.network.countRequests("POST", QStringLiteral("batch-delete")), 2);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(0).toInt(), 1);
    QCOMPARE(notSent.count(), 1);
    QCOMPARE(notSent.at(0).at(0).toStringList(), ids.mid(200));

    const DeletionResult &result = run->result();
    QCOMPARE(result.count(DeletionOutcome::Deleted), 100);
    QCOMPARE(int(result.row(QStringLiteral("desk-150")).outcome), expectedOutcome);
    QCOMPARE(result.count(DeletionOutcome::NotSent), 50);
    QCOMPARE(run->chunks().at(1).status, DeletionRun::Chunk::Status::Failed);
    QCOMPARE(run->chunks().at(2).status, DeletionRun::Chunk::Status::NotSent);

    const ApiError &error = run->postError();
    QVERIFY(error.isError());
    const QList<QJsonObject> entries = AuditLog::readEntries(f.audit.filePath());
    QCOMPARE(eventsOf(entries, QStringLiteral("intent")).size(), 2);
    const bool ambiguous = expectedOutcome == int(DeletionOutcome::Unknown);
    // A refusal is "failed"; an answer that may hide a carried-out request is "outcome_unknown".
    const QList<QJsonObject> failures =
        eventsOf(entries, ambiguous ? QStringLiteral("outcome_unknown") : QStringLiteral("failed"));
    QCOMPARE(failures.size(), 1);
    QCOMPARE(failures.at(0).value(QLatin1String("chunk")).toInt(), 1);
    QCOMPARE(eventsOf(entries, QStringLiteral("not_sent")).size(), 1);
    if (status > 0) {
        const QJsonObject expected = QJsonDocument::fromJson(body).object();
        QCOMPARE(error.httpStatus, status);
        QCOMPARE(error.requestId, QStringLiteral("req-failed"));
        QCOMPARE(failures.at(0).value(QLatin1String("http_status")).toInt(), status);
        QCOMPARE(failures.at(0).value(QLatin1String("request_id")).toString(), QStringLiteral("req-failed"));
        for (const QString &key : {QStringLiteral("error_code"), QStringLiteral("error_msg"),
                                   QStringLiteral("error_detail"),
                                   QStringLiteral("encoded_authorization_message")}) {
            QCOMPARE(failures.at(0).value(key).toString(), expected.value(key).toString());
        }
    }
    QCOMPARE(DeletionResult::isAmbiguousPostFailure(error), ambiguous);
    QCOMPARE(failures.at(0).value(QLatin1String("kind")).toString(), QStringLiteral("delete"));
}

void TestDeletionRun::noAuditNoPost()
{
    Fixture f;
    // The audit log's place is taken by a folder: no line can be written.
    QVERIFY(QDir().mkpath(f.audit.filePath()));
    auto run = f.makeRun(makeIds(150));
    QSignalSpy finished(run.get(), &DeletionRun::finished);
    run->start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(f.network.requests().size(), 0);
    QCOMPARE(run->result().count(DeletionOutcome::NotSent), 150);
    QCOMPARE(run->postError().kind, ApiError::Kind::Configuration);
}

void TestDeletionRun::auditAndJournalHoldNoSecret()
{
    Fixture f;
    f.workspace.jobsNeverEnd = true;
    f.workspace.postOverride = [](int index) -> std::optional<FakeResponse> {
        if (index == 1)
            return FakeResponse::json(500, R"({"error_code":"WKS.0001","error_msg":"x"})");
        return std::nullopt;
    };
    auto run = f.makeRun(makeIds(150));
    run->setTrackJobs(false);
    QSignalSpy finished(run.get(), &DeletionRun::finished);
    run->start();
    QVERIFY(finished.wait(5000));

    const QByteArray audit = readAll(f.audit.filePath());
    const QByteArray journal = readAll(f.journal.filePath());
    QVERIFY(!audit.isEmpty());
    QVERIFY(!journal.isEmpty());
    // Every line is a JSON object.
    const QList<QByteArray> lines = audit.trimmed().split('\n');
    QCOMPARE(lines.size(), 4); // intent, done, intent, failed
    for (const QByteArray &line : lines)
        QVERIFY2(QJsonDocument::fromJson(line).isObject(), line.constData());
    for (const QByteArray &content : {audit, journal}) {
        QVERIFY(!content.contains(kTestSecretKey));
        QVERIFY(!content.contains(kTestSecurityToken));
        QVERIFY(!content.contains("Signature="));
    }
}

void TestDeletionRun::journalKeepsUnfinishedJobsAndResumeFinishesThem()
{
    Fixture f;
    f.workspace.jobsNeverEnd = true;
    QHash<QString, QString> names{{QStringLiteral("desk-0"), QStringLiteral("pc-0")}};
    {
        auto run = std::make_unique<DeletionRun>(f.client.get(), DeletionPlan(makeIds(150), {}, names),
                                                 f.context, f.store);
        run->setChunkGapMs(0);
        run->setTrackJobs(false); // as if the app were killed while the jobs run
        QSignalSpy finished(run.get(), &DeletionRun::finished);
        run->start();
        QVERIFY(finished.wait(5000));
    }
    // "Restart": a fresh record reads the files.
    const DeletionStorePtr restarted = std::make_shared<DeletionStore>(f.dir.path());
    JobJournal &journal = restarted->journal();
    QVERIFY(journal.load());
    QCOMPARE(journal.entries().size(), 2);
    const JournalEntry first = journal.entry(QStringLiteral("job-1"));
    QCOMPARE(first.desktopIds, makeIds(100));
    QCOMPARE(first.desktopNames.value(QStringLiteral("desk-0")), QStringLiteral("pc-0"));
    QCOMPARE(first.profileName, QStringLiteral("prod"));
    QCOMPARE(first.projectId, QStringLiteral("project-1"));
    QVERIFY(first.submittedAt.isValid());

    f.workspace.jobsNeverEnd = false;
    const int postsBefore = f.network.countRequests("POST", QStringLiteral("batch-delete"));
    const QList<JournalEntry> entries = journal.entriesForProject(QStringLiteral("project-1"));
    std::vector<std::unique_ptr<DeletionRun>> resumed;
    for (const JournalEntry &entry : entries) {
        resumed.emplace_back(DeletionRun::resume(f.client.get(), entry, restarted));
        resumed.back()->setTrackerTiming(fastTiming());
    }
    for (auto &run : resumed) {
        QSignalSpy finished(run.get(), &DeletionRun::finished);
        run->start();
        QVERIFY(finished.wait(5000));
        QVERIFY(run->result().isComplete());
        QCOMPARE(run->result().count(DeletionOutcome::Deleted), run->result().size());
    }
    QCOMPARE(f.network.countRequests("POST", QStringLiteral("batch-delete")), postsBefore); // nothing re-sent
    QVERIFY(journal.entries().isEmpty());
    JobJournal reloaded(f.journal.filePath());
    QVERIFY(reloaded.load());
    QVERIFY(reloaded.entries().isEmpty());
}

void TestDeletionRun::journaledDesktopsAreNotSentAgain()
{
    Fixture f;
    JournalEntry pending;
    pending.jobId = QStringLiteral("job-old");
    pending.projectId = QStringLiteral("project-1");
    pending.desktopIds = {QStringLiteral("desk-1")};
    QVERIFY(f.journal.add(pending));
    auto run = f.makeRun(makeIds(3));
    run->setTrackJobs(false);
    QSignalSpy finished(run.get(), &DeletionRun::finished);
    run->start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(f.workspace.postedDesktopIds,
             (QList<QStringList>{{QStringLiteral("desk-0"), QStringLiteral("desk-2")}}));
    QCOMPARE(run->result().row(QStringLiteral("desk-1")).outcome, DeletionOutcome::NotSent);
}

void TestDeletionRun::trackingGivesUpKeepsJobInJournal()
{
    Fixture f;
    f.workspace.jobsNeverEnd = true;
    auto run = f.makeRun(makeIds(5));
    JobTracker::Timing timing = fastTiming();
    timing.giveUpAfterMs = 20000;
    run->setTrackerTiming(timing);
    qint64 fakeNow = 0;
    run->setTrackerClock([&fakeNow] { return fakeNow += 5000; }); // every look costs 5 s
    QSignalSpy finished(run.get(), &DeletionRun::finished);
    QSignalSpy gaveUp(run.get(), &DeletionRun::jobGaveUp);
    run->start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(gaveUp.count(), 1);
    QCOMPARE(run->result().count(DeletionOutcome::Unknown), 5);
    QVERIFY(f.journal.contains(QStringLiteral("job-1")));
    const QList<QJsonObject> entries = AuditLog::readEntries(f.audit.filePath());
    QCOMPARE(eventsOf(entries, QStringLiteral("job_gave_up")).size(), 1);
}

void TestDeletionRun::mixedOutcomesSummaryAndCsv()
{
    Fixture f;
    const QStringList ids = makeIds(100);
    f.workspace.failingDesktopIds = {QStringLiteral("desk-7"), QStringLiteral("desk-42"),
                                     QStringLiteral("desk-99")};
    auto run = f.makeRun(ids);
    QSignalSpy finished(run.get(), &DeletionRun::finished);
    run->start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(run->result().summaryText(), QStringLiteral("97 deleted, 3 failed"));
    QCOMPARE(run->result().failedDesktopIds(),
             (QStringList{QStringLiteral("desk-7"), QStringLiteral("desk-42"), QStringLiteral("desk-99")}));
    const QString csvPath = f.dir.filePath(QStringLiteral("result.csv"));
    QString error;
    QVERIFY2(run->result().exportCsv(csvPath, &error), qPrintable(error));
    const QList<QByteArray> lines = readAll(csvPath).split('\n');
    QCOMPARE(lines.size(), 102); // header, 100 rows, trailing empty
    QVERIFY(lines.at(8).startsWith("desk-7,,failed,WKS.0110,yearly/monthly desktops must be unsubscribed,job-1"));
    QVERIFY(lines.at(1).startsWith("desk-0,,deleted,,,job-1"));
    const QJsonObject finishedEntry =
        eventsOf(AuditLog::readEntries(f.audit.filePath()), QStringLiteral("job_finished")).value(0);
    QCOMPARE(finishedEntry.value(QLatin1String("results")).toObject().value(QLatin1String("not_deleted"))
                 .toArray().size(),
             3);
}

void TestDeletionRun::cancelDuringGapSendsNoMore()
{
    Fixture f;
    auto run = f.makeRun(makeIds(250));
    run->setChunkGapMs(60 * 1000);
    run->setTrackJobs(false);
    QSignalSpy submitted(run.get(), &DeletionRun::chunkSubmitted);
    QSignalSpy finished(run.get(), &DeletionRun::finished);
    run->start();
    QVERIFY(submitted.wait(5000));
    run->cancel();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(f.network.countRequests("POST", QStringLiteral("batch-delete")), 1);
    QCOMPARE(run->result().count(DeletionOutcome::NotSent), 150);
    QCOMPARE(run->result().count(DeletionOutcome::Submitted), 100);
    QVERIFY(f.journal.contains(QStringLiteral("job-1")));
}

void TestDeletionRun::lostJournalEntryIsSettledAsUnknown_data()
{
    QTest::addColumn<QString>("jobId");
    QTest::addColumn<int>("requests");
    QTest::newRow("job gone (404 WKS.0202)") << QStringLiteral("job-gone") << JobTracker::kNotFoundInARowMeansGone;
    QTest::newRow("unusable job id") << QStringLiteral("../desktops") << 0;
}

// A journal entry whose job can never be followed does not block its desktops for ever: the run
// ends, the desktops are Unknown ("re-list"), the loss is audited and the entry leaves the journal.
void TestDeletionRun::lostJournalEntryIsSettledAsUnknown()
{
    QFETCH(QString, jobId);
    QFETCH(int, requests);
    Fixture f;
    JournalEntry entry;
    entry.jobId = jobId;
    entry.runId = QStringLiteral("run-old");
    entry.projectId = QStringLiteral("project-1");
    entry.desktopIds = makeIds(3);
    entry.submittedAt = QDateTime::currentDateTimeUtc();
    QVERIFY(f.journal.add(entry));
    std::unique_ptr<DeletionRun> run(DeletionRun::resume(f.client.get(), entry, f.store));
    run->setTrackerTiming(fastTiming());
    QSignalSpy finished(run.get(), &DeletionRun::finished);
    QSignalSpy lost(run.get(), &DeletionRun::jobLost);
    run->start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(lost.count(), 1);
    QCOMPARE(lost.at(0).at(0).toString(), jobId);
    QCOMPARE(f.network.requests().size(), requests);
    QCOMPARE(run->result().count(DeletionOutcome::Unknown), 3);
    QVERIFY(run->result().row(QStringLiteral("desk-0")).reason.contains(QLatin1String("re-list")));
    JobJournal reloaded(f.journal.filePath());
    QVERIFY(reloaded.load());
    QVERIFY(reloaded.entries().isEmpty());
    const QList<QJsonObject> lostRecords =
        eventsOf(AuditLog::readEntries(f.audit.filePath()), QStringLiteral("job_lost"));
    QCOMPARE(lostRecords.size(), 1);
    QCOMPARE(lostRecords.at(0).value(QLatin1String("job_id")).toString(), jobId);
    QCOMPARE(lostRecords.at(0).value(QLatin1String("project_id")).toString(), QStringLiteral("project-1"));
    QCOMPARE(lostRecords.at(0)
                 .value(QLatin1String("results"))
                 .toObject()
                 .value(QLatin1String("counts"))
                 .toObject()
                 .value(QLatin1String("unknown"))
                 .toInt(),
             3);
}

void TestDeletionRun::failedJobWithRunningSubJobsLeavesThemUnknown()
{
    QTemporaryDir dir;
    FakeNetworkAccessManager network([](const RecordedRequest &request) {
        if (request.method == "POST")
            return FakeResponse::json(202, R"({"job_id":"job-1"})");
        if (request.url.path().contains(QLatin1String("/workspace-jobs/")))
            return FakeResponse::json(200, R"({"id":"job-1","status":"FAIL","sub_jobs_total":2})");
        return FakeResponse::json(
            200, R"({"total_count":2,"jobs":[)"
                 R"({"id":"s1","job_id":"job-1","status":"FAILED","error_code":"WKS.1","fail_reason":"no","entities":{"desktop_id":"a"}},)"
                 R"({"id":"s2","job_id":"job-1","status":"RUNNING","process":40,"entities":{"desktop_id":"b"}}]})");
    });
    auto client = makeTestClient(&network);
    const DeletionStorePtr store = std::make_shared<DeletionStore>(dir.path());
    DeletionContext context;
    context.projectId = QStringLiteral("project-1");
    DeletionRun run(client.get(), DeletionPlan({QStringLiteral("a"), QStringLiteral("b")}, {}), context, store);
    run.setTrackerTiming(fastTiming());
    QSignalSpy finished(&run, &DeletionRun::finished);
    run.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(run.result().row(QStringLiteral("a")).outcome, DeletionOutcome::Failed);
    QCOMPARE(run.result().row(QStringLiteral("b")).outcome, DeletionOutcome::Unknown);
    const QList<QJsonObject> ends = eventsOf(AuditLog::readEntries(store->audit().filePath()), QStringLiteral("job_finished"));
    QCOMPARE(ends.size(), 1);
    const QJsonObject counts = ends.at(0).value(QLatin1String("results")).toObject().value(QLatin1String("counts")).toObject();
    QCOMPARE(counts.value(QLatin1String("failed")).toInt(), 1);
    QCOMPARE(counts.value(QLatin1String("unknown")).toInt(), 1);
}

// The first copy of the POST was carried out but its answer lost; the resend got 409. The run
// finds the job among the deletion sub-jobs, records its id and follows it to the end.
void TestDeletionRun::conflictAfterResendFindsTheJob()
{
    Fixture f;
    f.workspace.postOverride = [&f](int index) -> std::optional<FakeResponse> {
        f.workspace.addJob(QStringLiteral("job-lost-%1").arg(index), f.workspace.postedDesktopIds.at(index));
        return FakeResponse::json(409, R"({"error_code":"WKS.00010032","error_msg":"Operation conflict."})",
                                  "req-409");
    };
    const QStringList ids = makeIds(3);
    auto run = f.makeRun(ids);
    QSignalSpy finished(run.get(), &DeletionRun::finished);
    QSignalSpy found(run.get(), &DeletionRun::lostJobFound);
    run->start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(found.count(), 1);
    QCOMPARE(found.at(0).at(1).toString(), QStringLiteral("job-lost-0"));
    QCOMPARE(f.network.countRequests("POST", QStringLiteral("batch-delete")), 1);
    QCOMPARE(run->result().count(DeletionOutcome::Deleted), 3);
    QCOMPARE(run->jobIds(), QStringList{QStringLiteral("job-lost-0")});
    const QList<QJsonObject> entries = AuditLog::readEntries(f.audit.filePath());
    QStringList events;
    for (const QJsonObject &entry : entries)
        events.append(entry.value(QLatin1String("event")).toString());
    QCOMPARE(events, (QStringList{QStringLiteral("intent"), QStringLiteral("outcome_unknown"),
                                  QStringLiteral("job_found"), QStringLiteral("job_finished")}));
    QCOMPARE(entries.at(1).value(QLatin1String("ambiguity")).toString(),
             QStringLiteral("conflict_after_possible_resend"));
    QCOMPARE(entries.at(2).value(QLatin1String("job_id")).toString(), QStringLiteral("job-lost-0"));
    QVERIFY(f.journal.entries().isEmpty()); // journaled when found, removed at the end
}

void TestDeletionRun::lostJobNotFoundStaysUnknown()
{
    Fixture f;
    // Another job holds two of the three desktops: not this request's.
    f.workspace.addJob(QStringLiteral("job-other"), makeIds(2));
    f.workspace.postOverride = [](int) -> std::optional<FakeResponse> {
        return FakeResponse::json(409, R"({"error_code":"WKS.00010032","error_msg":"Operation conflict."})");
    };
    auto run = f.makeRun(makeIds(3));
    QSignalSpy finished(run.get(), &DeletionRun::finished);
    QSignalSpy notFound(run.get(), &DeletionRun::lostJobNotFound);
    run->start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(notFound.count(), 1);
    QCOMPARE(run->result().count(DeletionOutcome::Unknown), 3);
    QVERIFY(run->jobIds().isEmpty());
    const QList<QJsonObject> misses = eventsOf(AuditLog::readEntries(f.audit.filePath()), QStringLiteral("job_not_found"));
    QCOMPARE(misses.size(), 1);
    QVERIFY(!misses.at(0).value(QLatin1String("reason")).toString().isEmpty());
    QVERIFY(f.journal.entries().isEmpty());
}

void TestDeletionRun::recoverFollowsTheJobOfAnOrphanIntent_data()
{
    QTest::addColumn<bool>("jobExists");
    QTest::newRow("the POST was carried out") << true;
    QTest::newRow("it never arrived") << false;
}

// After a kill during the POST: the settled intent's job is looked for and, if the service lists
// it, audited under the intent's run and chunk, journaled and followed. Nothing is sent.
void TestDeletionRun::recoverFollowsTheJobOfAnOrphanIntent()
{
    QFETCH(bool, jobExists);
    Fixture f;
    const QStringList ids = makeIds(3);
    if (jobExists)
        f.workspace.addJob(QStringLiteral("job-before-the-kill"), ids);
    RecordSettlement::OpenIntent intent;
    intent.runId = QStringLiteral("run-killed");
    intent.chunk = 2;
    intent.projectId = QStringLiteral("project-1");
    intent.kind = QStringLiteral("delete");
    intent.targetIds = ids;
    intent.time = QDateTime::currentDateTimeUtc().addSecs(-5);
    std::unique_ptr<DeletionRun> run(DeletionRun::recover(f.client.get(), intent, f.store));
    run->setLostJobSearchDelayMs(0);
    run->setTrackerTiming(fastTiming());
    QSignalSpy finished(run.get(), &DeletionRun::finished);
    run->start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(f.network.countRequests("POST", QStringLiteral("batch-delete")), 0);
    QCOMPARE(run->runId(), intent.runId);
    const QList<QJsonObject> entries = AuditLog::readEntries(f.audit.filePath());
    QVERIFY(f.journal.entries().isEmpty());
    if (!jobExists) {
        QCOMPARE(run->result().count(DeletionOutcome::Unknown), 3);
        QCOMPARE(eventsOf(entries, QStringLiteral("job_not_found")).size(), 1);
        QCOMPARE(eventsOf(entries, QStringLiteral("job_not_found")).at(0).value(QLatin1String("chunk")).toInt(), 2);
        return;
    }
    QCOMPARE(run->result().count(DeletionOutcome::Deleted), 3);
    const QList<QJsonObject> found = eventsOf(entries, QStringLiteral("job_found"));
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.at(0).value(QLatin1String("run_id")).toString(), intent.runId);
    QCOMPARE(found.at(0).value(QLatin1String("chunk")).toInt(), 2);
    QCOMPARE(found.at(0).value(QLatin1String("job_id")).toString(), QStringLiteral("job-before-the-kill"));
    QCOMPARE(eventsOf(entries, QStringLiteral("job_finished")).size(), 1);
}

// The run's one deadline: the request on the wire becomes "outcome unknown" (no job is looked for
// after it), the rest is not sent, and the run ends.
void TestDeletionRun::deadlineEndsSendingAndFollowing()
{
    Fixture f;
    f.client = makeTestClient(&f.network, 60000); // only the deadline ends the hanging request
    f.workspace.postOverride = [](int index) -> std::optional<FakeResponse> {
        if (index == 1)
            return FakeResponse::hanging();
        return std::nullopt;
    };
    f.workspace.jobsNeverEnd = true;
    const QStringList ids = makeIds(250);
    auto run = f.makeRun(ids);
    run->setDeadlineMs(300);
    QSignalSpy finished(run.get(), &DeletionRun::finished);
    run->start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(f.network.countRequests("POST", QStringLiteral("batch-delete")), 2);
    // The request on the wire (100) and the job no longer followed (100) are unknown; 50 not sent.
    QCOMPARE(run->result().count(DeletionOutcome::Unknown), 200);
    QCOMPARE(run->result().count(DeletionOutcome::NotSent), 50);
    // The first job is no longer followed: its desktops' outcome is not known to this run.
    QCOMPARE(run->result().row(QStringLiteral("desk-0")).outcome, DeletionOutcome::Unknown);
    // No lost-job search: no listing of the project's deletion sub-jobs without a job id.
    for (const RecordedRequest &request : f.network.requests())
        QVERIFY(!request.url.path().endsWith(QLatin1String("/workspace-sub-jobs"))
                || QUrlQuery(request.url).hasQueryItem(QStringLiteral("job_id")));
    const QList<QJsonObject> entries = AuditLog::readEntries(f.audit.filePath());
    const QList<QJsonObject> unknown = eventsOf(entries, QStringLiteral("outcome_unknown"));
    QCOMPARE(unknown.size(), 1);
    QCOMPARE(unknown.constFirst().value(QLatin1String("ambiguity")).toString(), QStringLiteral("deadline"));
    QCOMPARE(unknown.constFirst().value(QLatin1String("chunk")).toInt(), 1);
    QCOMPARE(eventsOf(entries, QStringLiteral("not_sent")).size(), 1);
    QCOMPARE(eventsOf(entries, QStringLiteral("job_gave_up")).size(), 1);
    QCOMPARE(f.journal.entries().size(), 1); // the first job is still the journal's to follow
}

QTEST_GUILESS_MAIN(TestDeletionRun)
#include "tst_deletionrun.moc"
