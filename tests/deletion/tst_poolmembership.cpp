// Pools from documented sources, held to the listings' standard: which pool holds a desktop comes
// from the pools' own desktop listings (a desktop's details do not name its pool), every pools
// listing runs under the deadline and the documented bounds, a pool listed twice with different
// answers counts as scaling, and after autoscale is turned off every pool is read back.
#include "api/apiclient.h"
#include "api/decommissioncalls.h"
#include "api/poolcalls.h"
#include "decommission/deletionafterautoscaleoff.h"
#include "decommission/deletionimpact.h"
#include "decommission/poolautoscalecheck.h"
#include "decommission/poolmembership.h"
#include "deletion/auditlog.h"
#include "deletion/jobjournal.h"
#include "fakeclient.h"
#include "fakenetworkaccessmanager.h"
#include "freshrecord.h"
#include "misbehavingserver.h"
#include "simulatortestsupport.h"
#include "workspacesimulator.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

namespace {
const QString kAccessKey = QStringLiteral("POOLMEMBERSHIPAK0001");
const QString kSecretKey = QStringLiteral("pool-membership-secret");
constexpr int kWaitMs = 30000;

// Four pooled desktops in two pools.
bool listenWithPools(MisbehavingServer &server)
{
    server.setDesktopCount(4);
    server.setPoolCount(2);
    return server.listen();
}

Desktop pooledDesktop(int index)
{
    Desktop desktop;
    desktop.id = QStringLiteral("d-%1").arg(index, 5, 10, QLatin1Char('0'));
    desktop.desktopType = QStringLiteral("POOLED");
    return desktop;
}
} // namespace

class TestPoolMembership : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    // Against the simulator, the listing's pool_id left out.
    void pooledDesktopWithoutPoolIdLeadsToTheAutoscaleOffer();
    void everyPoolPlacesTheWholeTable();
    // Against misbehaving servers.
    void poolsListingThatNeverAnswersEndsAtTheDeadline();
    void endlessPoolsListingStopsAtTheDocumentedOffsetIncomplete();
    void hugePoolNamesAreBounded();
    void poolListedTwiceWithDifferentAnswersCountsAsScaling();
    void poolThatStaysOnAfterA200StopsTheDeletion();
    void poolsReadOffLetTheDeletionGo();
    void unusablePoolIdIsRefusedWhilePlanning();
    void firstPoolNotTurnedOffStopsTheOthers();
    void billingFromTheProductAsWellAsChargingMode();
    void poolDesktopsPageAsksTheDocumentedRouteAndLimits();

private:
    std::unique_ptr<ApiClient> misbehavingClient(const MisbehavingServer &server, int transferTimeoutMs = 10000);
    std::unique_ptr<DeletionAfterAutoscaleOff> deletionOf(ApiClient *client, const QList<DesktopPool> &pools);
    QStringList auditEvents() const;

    QTemporaryDir m_dir;
    std::unique_ptr<QNetworkAccessManager> m_network;
    DeletionStorePtr m_store;
    AuditLog *m_audit = nullptr;
    JobJournal *m_journal = nullptr;
};

void TestPoolMembership::init()
{
    m_network = std::make_unique<QNetworkAccessManager>();
    QVERIFY(m_dir.isValid());
    openFreshRecord(m_dir.path(), &m_store, &m_audit, &m_journal);
}

void TestPoolMembership::cleanup()
{
    m_network.reset();
}

std::unique_ptr<ApiClient> TestPoolMembership::misbehavingClient(const MisbehavingServer &server, int transferTimeoutMs)
{
    ClientConfig config;
    config.endpoint = server.endpoint();
    config.projectId = QStringLiteral("p");
    config.transferTimeoutMs = transferTimeoutMs;
    config.retry.maxAttempts = 1;
    return clientFor(m_network.get(), config, Credentials { QStringLiteral("AK"), QStringLiteral("SK"), {} });
}

std::unique_ptr<DeletionAfterAutoscaleOff> TestPoolMembership::deletionOf(ApiClient *client,
                                                                          const QList<DesktopPool> &pools)
{
    DeletionContext context;
    context.profileName = QStringLiteral("test");
    context.projectId = QStringLiteral("p");
    return std::make_unique<DeletionAfterAutoscaleOff>(
        client, m_store, context,
        DeletionPlan({ QStringLiteral("d-00000") }, BatchDeleteOptions {}), pools);
}

QStringList TestPoolMembership::auditEvents() const
{
    QStringList events;
    for (const QJsonObject &entry : AuditLog::readEntries(m_audit->filePath()))
        events.append(entry.value(QLatin1String("event")).toString());
    return events;
}

void TestPoolMembership::pooledDesktopWithoutPoolIdLeadsToTheAutoscaleOffer()
{
    WorkspaceSimulator simulator(simulatorConfig(kAccessKey, kSecretKey, 80, 50));
    QVERIFY(simulator.listen());
    auto client = clientFor(simulator, m_network.get());
    // The desktops as the listing shows them by default: POOLED says only "some pool". Which pool
    // holds each is the simulator's own record, never the answer under test.
    QVERIFY(!simulator.config().poolIdInDesktopDetails);
    const QHash<QString, QString> truth = simulator.poolOfDesktop();
    QList<Desktop> pooled;
    for (const Desktop &desktop : listAllDesktops(client.get(), kWaitMs)) {
        if (desktop.desktopType != QLatin1String("POOLED"))
            continue;
        QVERIFY(desktop.poolId.isEmpty());
        QVERIFY(truth.contains(desktop.id));
        pooled.append(desktop);
    }
    QVERIFY(pooled.size() >= 2);
    QVERIFY(DeletionImpact::scalingPools(pooled, listAllPools(client.get(), kWaitMs)).isEmpty()); // the old way

    PoolMembershipLookUp lookUp(client.get(), pooled);
    QSignalSpy finished(&lookUp, &PoolMembershipLookUp::finished);
    lookUp.start();
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY2(lookUp.isComplete(), qPrintable(lookUp.problems().join(QLatin1Char('\n'))));
    for (const Desktop &desktop : std::as_const(pooled))
        QCOMPARE(lookUp.poolOfDesktop().value(desktop.id), truth.value(desktop.id));
    // The simulator's scaling pool is among them: the autoscale offer is made.
    const QList<DesktopPool> scaling = DeletionImpact::scalingPools(lookUp.placed(pooled), lookUp.pools());
    QVERIFY(!scaling.isEmpty());
    QVERIFY(scaling.constFirst().autoscaleEnabled.value_or(false));
    // Asked through the documented route, never the listing's pool_id.
    QVERIFY(simulator.requestCount("GET", QStringLiteral("/desktops")) >= 1);
}

void TestPoolMembership::everyPoolPlacesTheWholeTable()
{
    WorkspaceSimulator simulator(simulatorConfig(kAccessKey, kSecretKey, 80, 50));
    QVERIFY(simulator.listen());
    auto client = clientFor(simulator, m_network.get());
    PoolMembershipLookUp lookUp(client.get(), {});
    lookUp.setListEveryPool(true);
    QSignalSpy finished(&lookUp, &PoolMembershipLookUp::finished);
    lookUp.start();
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY(lookUp.isComplete());
    // Checked against the simulator's own record: the listing does not name pools by default.
    const QHash<QString, QString> truth = simulator.poolOfDesktop();
    QVERIFY(!truth.isEmpty());
    QCOMPARE(lookUp.poolOfDesktop(), truth);
}

void TestPoolMembership::poolsListingThatNeverAnswersEndsAtTheDeadline()
{
    MisbehavingServer server;
    QVERIFY(listenWithPools(server));
    server.setPoolListing(MisbehavingServer::PoolListing::NeverAnswers);
    auto client = misbehavingClient(server, 60000); // the transfer timeout would wait a minute
    PoolMembershipLookUp lookUp(client.get(), { pooledDesktop(0) });
    lookUp.setDeadline(QDeadlineTimer(300));
    QSignalSpy finished(&lookUp, &PoolMembershipLookUp::finished);
    lookUp.start();
    QVERIFY(finished.wait(10000));
    QVERIFY(!lookUp.succeeded());
    QCOMPARE(lookUp.error().kind, ApiError::Kind::Timeout);
    QVERIFY(!lookUp.isComplete());
}

void TestPoolMembership::endlessPoolsListingStopsAtTheDocumentedOffsetIncomplete()
{
    MisbehavingServer server;
    QVERIFY(server.listen());
    server.setPoolListing(MisbehavingServer::PoolListing::Endless);
    auto client = misbehavingClient(server);
    ListAllPoolsCall call(client.get());
    QSignalSpy finished(&call, &PagedListingCall::finished);
    call.start();
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY(call.succeeded());
    QVERIFY(!call.isComplete());
    QCOMPARE(call.completeness(), PagedListingCall::Completeness::PageLimitReached);
    QCOMPARE(call.pagesRequested(), ListAllPoolsCall::kMaxOffset / ListPoolsPageCall::kMaxLimit + 1);
    // Through the look-up: said, never taken for the whole.
    PoolMembershipLookUp lookUp(client.get(), { pooledDesktop(0) });
    QSignalSpy lookedUp(&lookUp, &PoolMembershipLookUp::finished);
    lookUp.start();
    QVERIFY(lookedUp.wait(kWaitMs));
    QVERIFY(!lookUp.isComplete());
    QVERIFY(!lookUp.problems().isEmpty());
}

void TestPoolMembership::hugePoolNamesAreBounded()
{
    MisbehavingServer server;
    QVERIFY(server.listen());
    server.setPoolCount(3);
    server.setPoolName(QString(1024 * 1024, QLatin1Char('x')));
    auto client = misbehavingClient(server);
    ListAllPoolsCall call(client.get());
    QSignalSpy finished(&call, &PagedListingCall::finished);
    call.start();
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY(call.succeeded());
    QCOMPARE(call.pools().size(), 3);
    for (const DesktopPool &pool : call.pools())
        QVERIFY(pool.name.size() < DecommissionJson::kMaxTextChars + 100);
}

void TestPoolMembership::poolListedTwiceWithDifferentAnswersCountsAsScaling()
{
    MisbehavingServer server;
    QVERIFY(listenWithPools(server));
    server.setPoolListing(MisbehavingServer::PoolListing::ListedTwice);
    auto client = misbehavingClient(server);
    ListAllPoolsCall call(client.get());
    QSignalSpy finished(&call, &PagedListingCall::finished);
    call.start();
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(call.pools().size(), 2);
    QCOMPARE(call.conflictingIds(), (QStringList { QStringLiteral("p-0"), QStringLiteral("p-1") }));
    for (const DesktopPool &pool : call.pools()) {
        QVERIFY(!pool.autoscaleEnabled.has_value()); // neither the first answer (off) nor the last
        QVERIFY(pool.mayCreateDesktops());
    }
    // Read back after a change, the same listing keeps the deletion from starting.
    PoolAutoscaleCheck check(client.get(), { QStringLiteral("p-0") });
    QSignalSpy checked(&check, &PoolAutoscaleCheck::finished);
    check.start();
    QVERIFY(checked.wait(kWaitMs));
    QVERIFY(!check.allOff());
    QCOMPARE(check.notOff().size(), 1);
}

void TestPoolMembership::poolThatStaysOnAfterA200StopsTheDeletion()
{
    MisbehavingServer server;
    QVERIFY(listenWithPools(server));
    server.setPoolStaysOnAfterUpdate(true);
    auto client = misbehavingClient(server);
    DesktopPool pool;
    pool.id = QStringLiteral("p-0");
    pool.autoscaleEnabled = true;
    auto deletion = deletionOf(client.get(), { pool });
    QSignalSpy ready(deletion.get(), &DeletionAfterAutoscaleOff::deletionReady);
    QSignalSpy refused(deletion.get(), &DeletionAfterAutoscaleOff::notDeleted);
    deletion->start();
    QVERIFY(refused.wait(kWaitMs));
    QCOMPARE(ready.count(), 0);
    QCOMPARE(server.requestCount(QStringLiteral("/desktop-pools/p-0")), 1); // the PUT, answered 200
    QCOMPARE(server.requestCount(QStringLiteral("/batch-delete")), 0);
    QVERIFY2(refused.at(0).at(0).toString().contains(QStringLiteral("still reads autoscale on")),
             qPrintable(refused.at(0).at(0).toString()));
    QVERIFY(auditEvents().contains(QStringLiteral("autoscale_checked")));
}

void TestPoolMembership::poolsReadOffLetTheDeletionGo()
{
    MisbehavingServer server;
    QVERIFY(listenWithPools(server));
    auto client = misbehavingClient(server);
    DesktopPool pool;
    pool.id = QStringLiteral("p-1");
    auto deletion = deletionOf(client.get(), { pool });
    QSignalSpy ready(deletion.get(), &DeletionAfterAutoscaleOff::deletionReady);
    QSignalSpy refused(deletion.get(), &DeletionAfterAutoscaleOff::notDeleted);
    connect(deletion.get(), &DeletionAfterAutoscaleOff::deletionReady, this, [](DeletionRun *run) { run->cancel(); });
    deletion->start();
    QVERIFY(ready.wait(kWaitMs));
    QCOMPARE(refused.count(), 0);
    QVERIFY(deletion->autoscaleCheck());
    QVERIFY(deletion->autoscaleCheck()->allOff());
}

void TestPoolMembership::unusablePoolIdIsRefusedWhilePlanning()
{
    MisbehavingServer server;
    QVERIFY(server.listen());
    auto client = misbehavingClient(server);
    DesktopPool good;
    good.id = QStringLiteral("p-0");
    DesktopPool bad;
    bad.id = QStringLiteral("a/../../b%3Fx=1%23f");
    auto deletion = deletionOf(client.get(), { good, bad });
    QVERIFY(!deletion->planningProblem().isEmpty());
    QVERIFY(deletion->plannedAutoscaleRequests().isEmpty()); // the dry run prints no request
    QSignalSpy refused(deletion.get(), &DeletionAfterAutoscaleOff::notDeleted);
    deletion->start();
    QVERIFY(refused.wait(kWaitMs));
    QVERIFY(server.requests().isEmpty()); // not even the good pool was changed
}

void TestPoolMembership::firstPoolNotTurnedOffStopsTheOthers()
{
    MisbehavingServer server;
    QVERIFY(server.listen());
    server.setPoolCount(3);
    auto client = misbehavingClient(server);
    // The second pool is unknown to the server: its PUT is answered 404.
    QList<DesktopPool> pools;
    for (const QString &id : { QStringLiteral("p-0"), QStringLiteral("gone"), QStringLiteral("p-2") }) {
        DesktopPool pool;
        pool.id = id;
        pool.name = QStringLiteral("Pool ") + id;
        pools.append(pool);
    }
    auto deletion = deletionOf(client.get(), pools);
    QSignalSpy refused(deletion.get(), &DeletionAfterAutoscaleOff::notDeleted);
    deletion->start();
    QVERIFY(refused.wait(kWaitMs));
    QCOMPARE(server.requestCount(QStringLiteral("/desktop-pools/p-0")), 1);
    QCOMPARE(server.requestCount(QStringLiteral("/desktop-pools/gone")), 1);
    QCOMPARE(server.requestCount(QStringLiteral("/desktop-pools/p-2")), 0); // never changed
    QCOMPARE(server.requestCount(QStringLiteral("/batch-delete")), 0);
    const QString reason = refused.at(0).at(0).toString();
    QVERIFY2(reason.contains(QStringLiteral("Autoscale was turned off for 1 pool(s): Pool p-0.")), qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("gone")) && reason.contains(QStringLiteral("p-2")), qPrintable(reason));
}

void TestPoolMembership::billingFromTheProductAsWellAsChargingMode()
{
    QString error;
    const auto page = DecommissionJson::parsePoolPage(
        R"({"total_count":4,"desktop_pools":[
            {"id":"a","product":{"charge_mode":"0"}},
            {"id":"b","charging_mode":"1"},
            {"id":"c","charging_mode":"1","product":{"charge_mode":"0"}},
            {"id":"d"}]})",
        &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->pools.at(0).billingMode, BillingMode::YearlyMonthly);
    QCOMPARE(page->pools.at(1).billingMode, BillingMode::PayPerUse);
    QCOMPARE(page->pools.at(2).billingMode, BillingMode::Unknown); // they disagree
    QCOMPARE(page->pools.at(3).billingMode, BillingMode::Unknown);
    const auto desktops = DecommissionJson::parsePoolDesktopPage(
        R"({"total_count":1,"pool_desktops":[{"desktop_id":"d-1","inconsistent_types":[]}]})", &error);
    QVERIFY2(desktops, qPrintable(error));
    QCOMPARE(desktops->desktopIds, QStringList { QStringLiteral("d-1") });
    QVERIFY(!DecommissionJson::parsePoolDesktopPage(R"({"desktops":[]})", &error)); // not this call's answer
}

void TestPoolMembership::poolDesktopsPageAsksTheDocumentedRouteAndLimits()
{
    FakeNetworkAccessManager network(
        [](const RecordedRequest &) { return FakeResponse::json(200, R"({"total_count":0,"pool_desktops":[]})"); });
    ClientConfig config;
    config.endpoint = QUrl(QStringLiteral("https://workspace.example.com"));
    config.projectId = QStringLiteral("p");
    auto client = clientFor(&network, config, Credentials { QStringLiteral("AK"), QStringLiteral("SK"), {} });
    const auto run = [&client](const QString &poolId, int offset, int limit) {
        ListPoolDesktopsPageCall call(client.get(), poolId, offset, limit);
        QSignalSpy finished(&call, &ApiCall::finished);
        call.start();
        finished.wait();
        return call.error();
    };
    QVERIFY(!run(QStringLiteral("pool-1"), 100, 100).isError());
    QCOMPARE(network.requestCount(), 1);
    QCOMPARE(network.lastRequest().url.path(), QStringLiteral("/v2/p/desktop-pools/pool-1/desktops"));
    QCOMPARE(QUrlQuery(network.lastRequest().url).queryItemValue(QStringLiteral("limit")), QStringLiteral("100"));
    // Outside the documented bounds, or an id that would change the path: nothing is sent.
    QCOMPARE(run(QStringLiteral("pool-1"), 0, 101).kind, ApiError::Kind::Configuration);
    QCOMPARE(run(QStringLiteral("pool-1"), 10001, 100).kind, ApiError::Kind::Configuration);
    QCOMPARE(run(QStringLiteral("a/../b"), 0, 100).kind, ApiError::Kind::Configuration);
    QCOMPARE(network.requestCount(), 1);
}

QTEST_MAIN(TestPoolMembership)
#include "tst_poolmembership.moc"
