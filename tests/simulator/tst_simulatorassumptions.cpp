// The app against both answers to what the documents leave open (docs/SIMULATOR-ASSUMPTIONS.md):
// a batch deletion holding a yearly/monthly desktop (or a connected one without is_force_delete)
// refused as a whole call, with 400 or 409, instead of failing those desktops one by one; an
// unknown desktop or job answered 404 or 500; addresses as a map or a list; pool_id sent or not;
// the deletion job's type under another name.
#include "freshrecord.h"
#include "api/apicalls.h"
#include "api/apiclient.h"
#include "api/workspacejson.h"
#include "deletion/auditlog.h"
#include "deletion/deletionresult.h"
#include "deletion/deletionrun.h"
#include "deletion/jobjournal.h"
#include "deletion/jobtracker.h"
#include "deletion/lostjobsearch.h"
#include "simulatortestsupport.h"
#include "workspacesimulator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

Q_DECLARE_METATYPE(UnconfirmedDeletion)
Q_DECLARE_METATYPE(NotFoundAnswer)

namespace {
const QString kAccessKey = QStringLiteral("ASSUMPTIONSAK00001");
const QString kSecretKey = QStringLiteral("assumption-secret");
constexpr int kWaitMs = 30000;
constexpr int kDesktops = 260;
} // namespace

class TestSimulatorAssumptions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wholeCallRefusedDeletesNothingAndResendsNothing_data();
    void wholeCallRefusedDeletesNothingAndResendsNothing();
    void batchWithoutUnconfirmedDesktopsIsAccepted();
    void notFoundEitherWay_data();
    void notFoundEitherWay();
    void addressesEitherShape_data();
    void addressesEitherShape();
    void poolIdEitherWay_data();
    void poolIdEitherWay();
    void lostJobSearchEitherJobType_data();
    void lostJobSearchEitherJobType();

private:
    void start(UnconfirmedDeletion mode);
    void startWith(const SimulatorConfig &config);
    SimulatorConfig baseConfig() const;
    std::unique_ptr<DeletionRun> makeRun(const QList<Desktop> &desktops);

    QTemporaryDir m_dir;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<WorkspaceSimulator> m_simulator;
    std::unique_ptr<ApiClient> m_client;
    DeletionStorePtr m_store;
    AuditLog *m_audit = nullptr;
    JobJournal *m_journal = nullptr;
};

SimulatorConfig TestSimulatorAssumptions::baseConfig() const
{
    return simulatorConfig(kAccessKey, kSecretKey, kDesktops, 150);
}

void TestSimulatorAssumptions::start(UnconfirmedDeletion mode)
{
    SimulatorConfig config = baseConfig();
    config.unconfirmedDeletion = mode;
    startWith(config);
}

void TestSimulatorAssumptions::startWith(const SimulatorConfig &config)
{
    m_client.reset();
    m_simulator.reset();
    m_simulator = std::make_unique<WorkspaceSimulator>(config);
    QVERIFY(m_simulator->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    ClientConfig clientConfig;
    clientConfig.transferTimeoutMs = 5000;
    m_client = clientFor(*m_simulator, m_network.get(), clientConfig);
    QVERIFY(m_dir.isValid());
    openFreshRecord(m_dir.path(), &m_store, &m_audit, &m_journal);
    QVERIFY(m_journal->load());
}

std::unique_ptr<DeletionRun> TestSimulatorAssumptions::makeRun(const QList<Desktop> &desktops)
{
    QStringList ids;
    for (const Desktop &desktop : desktops)
        ids.append(desktop.id);
    DeletionContext context;
    context.profileName = QStringLiteral("simulator");
    context.projectId = m_client->config().projectId;
    context.endpointHost = m_simulator->url().authority();
    auto run = std::make_unique<DeletionRun>(m_client.get(), DeletionPlan(ids, {}), context, m_store);
    run->setChunkGapMs(5);
    JobTracker::Timing timing;
    timing.initialIntervalMs = 20;
    timing.maxIntervalMs = 100;
    run->setTrackerTiming(timing);
    return run;
}

void TestSimulatorAssumptions::wholeCallRefusedDeletesNothingAndResendsNothing_data()
{
    QTest::addColumn<UnconfirmedDeletion>("mode");
    QTest::addColumn<int>("status");
    QTest::newRow("400") << UnconfirmedDeletion::RefuseWholeCall400 << 400;
    QTest::newRow("409") << UnconfirmedDeletion::RefuseWholeCall409 << 409;
}

void TestSimulatorAssumptions::wholeCallRefusedDeletesNothingAndResendsNothing()
{
    QFETCH(UnconfirmedDeletion, mode);
    QFETCH(int, status);
    start(mode);
    const QList<Desktop> all = listAllDesktops(m_client.get(), kWaitMs);
    QCOMPARE(all.size(), kDesktops);
    // 150 desktops, two requests; the first holds yearly/monthly ones.
    const QList<Desktop> selected = all.mid(0, 150);
    const bool firstHoldsYearly = std::any_of(selected.cbegin(), selected.cbegin() + 100, [](const Desktop &d) {
        return d.billingMode == BillingMode::YearlyMonthly;
    });
    QVERIFY(firstHoldsYearly);

    auto run = makeRun(selected);
    QSignalSpy finished(run.get(), &DeletionRun::finished);
    run->start();
    QVERIFY(finished.wait(kWaitMs));

    // Refused once, not re-sent, and the rest not sent after the refusal.
    QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 1);
    QCOMPARE(run->postCount(), 1);
    QCOMPARE(run->postError().httpStatus, status);
    QVERIFY(!run->postError().errorCode.isEmpty());
    QVERIFY(!run->postError().errorMessage.isEmpty());
    QVERIFY(run->jobIds().isEmpty());
    // No desktop recorded as deleted, none deleted.
    QCOMPARE(run->result().count(DeletionOutcome::Deleted), 0);
    QCOMPARE(m_simulator->desktopCount(), kDesktops);
    const QList<Desktop> after = listAllDesktops(m_client.get(), kWaitMs);
    QCOMPARE(after.size(), kDesktops);
    for (const Desktop &desktop : after)
        QVERIFY(!desktop.isBeingDeleted());
}

void TestSimulatorAssumptions::batchWithoutUnconfirmedDesktopsIsAccepted()
{
    start(UnconfirmedDeletion::RefuseWholeCall409);
    QList<Desktop> deletable;
    for (const Desktop &desktop : listAllDesktops(m_client.get(), kWaitMs)) {
        if (desktop.billingMode == BillingMode::PayPerUse && !desktop.isConnected() && deletable.size() < 5)
            deletable.append(desktop);
    }
    QCOMPARE(deletable.size(), 5);
    auto run = makeRun(deletable);
    QSignalSpy finished(run.get(), &DeletionRun::finished);
    run->start();
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(run->result().count(DeletionOutcome::Deleted), 5);
    QCOMPARE(m_simulator->desktopCount(), kDesktops - 5);
}

void TestSimulatorAssumptions::notFoundEitherWay_data()
{
    QTest::addColumn<NotFoundAnswer>("answer");
    QTest::addColumn<int>("status");
    QTest::newRow("404 as documented") << NotFoundAnswer::Status404 << 404;
    QTest::newRow("500 as observed") << NotFoundAnswer::Status500 << 500;
}

void TestSimulatorAssumptions::notFoundEitherWay()
{
    QFETCH(NotFoundAnswer, answer);
    QFETCH(int, status);
    SimulatorConfig config = baseConfig();
    config.notFoundAnswer = answer;
    startWith(config);

    // An unknown desktop: the deletion plainly failed (never "may have been carried out").
    BatchDeleteCall deletion(m_client.get(), {QStringLiteral("00000000-0000-0000-0000-000000000000")}, {});
    QSignalSpy deleted(&deletion, &ApiCall::finished);
    deletion.start();
    QVERIFY(deleted.count() > 0 || deleted.wait(kWaitMs));
    QCOMPARE(deletion.error().httpStatus, status);
    QCOMPARE(deletion.error().errorCode, QStringLiteral("WKS.0202"));
    QVERIFY(!deletion.error().isAmbiguous());
    QVERIFY(!DeletionResult::isAmbiguousPostFailure(deletion.error()));
    QCOMPARE(m_simulator->desktopCount(), kDesktops);

    // An unknown job: followed a few times, then given up as lost, whichever status says so.
    JobTracker tracker(m_client.get(), QStringLiteral("ffffffff-0000-0000-0000-000000000000"));
    JobTracker::Timing timing;
    timing.initialIntervalMs = 10;
    timing.maxIntervalMs = 20;
    tracker.setTiming(timing);
    QSignalSpy lost(&tracker, &JobTracker::lost);
    QSignalSpy gaveUp(&tracker, &JobTracker::gaveUp);
    tracker.start();
    QVERIFY(lost.wait(kWaitMs));
    QCOMPARE(tracker.state(), JobTracker::State::Lost);
    QCOMPARE(gaveUp.count(), 0);
    QVERIFY(m_simulator->requestCount("GET", QStringLiteral("workspace-jobs/ffffffff")) >= JobTracker::kNotFoundInARowMeansGone);
}

void TestSimulatorAssumptions::addressesEitherShape_data()
{
    QTest::addColumn<bool>("asArray");
    QTest::newRow("documented map") << false;
    QTest::newRow("example's list") << true;
}

void TestSimulatorAssumptions::addressesEitherShape()
{
    QFETCH(bool, asArray);
    SimulatorConfig config = baseConfig();
    config.addressesAsArray = asArray;
    startWith(config);
    std::unique_ptr<QNetworkReply> reply(m_client->send(
        "GET", m_client->urlFor(QStringLiteral("desktops/detail"), QUrlQuery(QStringLiteral("limit=500"))), {}));
    QSignalSpy answered(reply.get(), &QNetworkReply::finished);
    QVERIFY(reply->isFinished() || answered.wait(kWaitMs));
    const QJsonArray desktops = QJsonDocument::fromJson(reply->readAll()).object().value(QLatin1String("desktops")).toArray();
    QCOMPARE(desktops.size(), kDesktops);
    // Without ip_addresses, both of the client's parsers take the address from either shape.
    QJsonArray withoutIps;
    QStringList expected;
    for (const QJsonValue &value : desktops) {
        QJsonObject desktop = value.toObject();
        QCOMPARE(desktop.value(QLatin1String("addresses")).isArray(), asArray);
        expected.append(desktop.take(QLatin1String("ip_addresses")).toArray().first().toString());
        QCOMPARE(WorkspaceJson::desktopFromJson(desktop).ipAddresses, QStringList{expected.last()});
        withoutIps.append(desktop);
    }
    QString error;
    const std::optional<DesktopPage> page = WorkspaceJson::parseDesktopPage(
        QJsonDocument(QJsonObject{{QStringLiteral("total_count"), kDesktops}, {QStringLiteral("desktops"), withoutIps}})
            .toJson(QJsonDocument::Compact),
        &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->desktops.size(), kDesktops);
    for (qsizetype i = 0; i < page->desktops.size(); ++i)
        QCOMPARE(page->desktops.at(i).ipAddresses, QStringList{expected.at(i)});
}

void TestSimulatorAssumptions::poolIdEitherWay_data()
{
    QTest::addColumn<bool>("sent");
    QTest::newRow("not sent, as documented") << false;
    QTest::newRow("sent") << true;
}

void TestSimulatorAssumptions::poolIdEitherWay()
{
    QFETCH(bool, sent);
    SimulatorConfig config = baseConfig();
    config.poolIdInDesktopDetails = sent;
    startWith(config);
    const QList<Desktop> all = listAllDesktops(m_client.get(), kWaitMs);
    QCOMPARE(all.size(), kDesktops);
    int pooled = 0;
    for (const Desktop &desktop : all) {
        const bool inPool = desktop.desktopType == QLatin1String("POOLED");
        pooled += inPool ? 1 : 0;
        QCOMPARE(!desktop.poolId.isEmpty(), sent && inPool);
    }
    QVERIFY(pooled > 0);
    // The documented source names a pool's desktops either way: the listing's pool_id filter.
    const QList<DesktopPool> pools = listAllPools(m_client.get(), kWaitMs);
    QVERIFY(!pools.isEmpty());
    DesktopQuery members;
    members.poolId = pools.first().id;
    ListAllDesktopsCall listing(m_client.get(), members);
    QList<Desktop> listed;
    connect(&listing, &ListAllDesktopsCall::pageLoaded, this, [&listed](const QList<Desktop> &page) { listed += page; });
    QSignalSpy done(&listing, &ListAllDesktopsCall::finished);
    listing.start();
    QVERIFY(done.wait(kWaitMs));
    QCOMPARE(listed.size(), pools.first().desktopCount);
    for (const Desktop &desktop : std::as_const(listed))
        QCOMPARE(desktop.desktopType, QStringLiteral("POOLED"));
}

void TestSimulatorAssumptions::lostJobSearchEitherJobType_data()
{
    QTest::addColumn<QString>("jobType");
    QTest::addColumn<bool>("found");
    QTest::newRow("deleteDesktops") << QStringLiteral("deleteDesktops") << true;
    QTest::newRow("another name") << QStringLiteral("batchDeleteDesktops") << false;
}

void TestSimulatorAssumptions::lostJobSearchEitherJobType()
{
    QFETCH(QString, jobType);
    QFETCH(bool, found);
    SimulatorConfig config = baseConfig();
    config.deletionJobType = jobType;
    startWith(config);
    QStringList ids;
    for (const Desktop &desktop : listAllDesktops(m_client.get(), kWaitMs)) {
        if (desktop.billingMode == BillingMode::PayPerUse && !desktop.isConnected() && ids.size() < 2)
            ids.append(desktop.id);
    }
    QCOMPARE(ids.size(), 2);
    const QDateTime requestedAt = QDateTime::currentDateTimeUtc();
    BatchDeleteCall deletion(m_client.get(), ids, {});
    QSignalSpy deleted(&deletion, &ApiCall::finished);
    deletion.start();
    QVERIFY(deleted.count() > 0 || deleted.wait(kWaitMs));
    QVERIFY(deletion.succeeded());

    // As if the answer had been lost: the job is looked for among the deletion sub-jobs.
    LostJobSearch search(m_client.get(), ids, requestedAt);
    QSignalSpy searched(&search, &LostJobSearch::finished);
    search.start();
    QVERIFY(searched.count() > 0 || searched.wait(kWaitMs));
    if (found) {
        QCOMPARE(search.outcome(), LostJobSearch::Outcome::Found);
        QCOMPARE(search.jobId(), deletion.result());
    } else {
        // Under another name nothing is found, and nothing wrong is concluded.
        QCOMPARE(search.outcome(), LostJobSearch::Outcome::NotFound);
        QVERIFY(search.jobId().isEmpty());
        QVERIFY(!search.reason().isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestSimulatorAssumptions)
#include "tst_simulatorassumptions.moc"
