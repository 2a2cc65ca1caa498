// The decommissioning calls of the app's client against the in-process simulator: usage derived
// from last-use times, maintenance mode that ends and blocks log-ins, log-off, pools with autoscale.
#include "api/apicalls.h"
#include "api/apiclient.h"
#include "api/decommissioncalls.h"
#include "api/poolcalls.h"
#include "decommissionroutes.h"
#include "fakeclient.h"
#include "simulatortestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <memory>

namespace {
const QString kAccessKey = QStringLiteral("DECOMMISSIONAK00001");
const QString kSecretKey = QStringLiteral("decommission-secret");
constexpr int kDesktops = 160;
constexpr int kWaitMs = 10000;

struct RawAnswer
{
    int status = 0;
    QJsonObject json;
    QString errorCode() const { return json.value(QLatin1String("error_code")).toString(); }
};
} // namespace

class TestSimulatorDecommission : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void usageOfEveryDesktopInThePeriod();
    void usageFiltersAndSorts();
    void usageRequiresAPeriod_data();
    void usageRequiresAPeriod();
    void maintenanceModeEndsAndBlocksLogIns();
    void generatedDesktopsInMaintenanceAreNeverConnected();
    void changesAreRefusedAsTheOtherRoutesRefuse();
    void logoffLeavesDesktopsWaitingForAUser();
    void poolsWithAutoscaleAndTheirUpdate();
    void poolDesktopsListingAndPoolFilters();
    void wrongSignatureIs401();

private:
    std::unique_ptr<ApiClient> makeClient(const QString &secretKey = kSecretKey);
    QList<QJsonObject> listDesktops();
    QJsonObject desktop(const QString &id);
    RawAnswer send(const QByteArray &method, const QString &path, const QUrlQuery &query = {},
                   const QByteArray &body = {});
    bool run(ApiCall &call);
    bool run(PagedListingCall &call);

    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<WorkspaceSimulator> m_simulator;
    std::unique_ptr<ApiClient> m_client;
};

void TestSimulatorDecommission::init()
{
    m_network = std::make_unique<QNetworkAccessManager>();
    m_simulator = std::make_unique<WorkspaceSimulator>(simulatorConfig(kAccessKey, kSecretKey, kDesktops, 60000));
    QVERIFY(m_simulator->listen());
    m_client = makeClient();
}

void TestSimulatorDecommission::cleanup()
{
    m_client.reset();
    m_simulator.reset();
    m_network.reset();
}

std::unique_ptr<ApiClient> TestSimulatorDecommission::makeClient(const QString &secretKey)
{
    ClientConfig config = clientConfigFor(*m_simulator);
    config.transferTimeoutMs = kWaitMs;
    config.retry.maxAttempts = 1;
    return clientFor(m_network.get(), config, Credentials{kAccessKey, secretKey, {}});
}

bool TestSimulatorDecommission::run(ApiCall &call)
{
    QSignalSpy finished(&call, &ApiCall::finished);
    call.start();
    return (finished.count() > 0 || finished.wait(kWaitMs)) && finished.count() == 1;
}

bool TestSimulatorDecommission::run(PagedListingCall &call)
{
    QSignalSpy finished(&call, &PagedListingCall::finished);
    call.start();
    return (finished.count() > 0 || finished.wait(kWaitMs)) && finished.count() == 1;
}

RawAnswer TestSimulatorDecommission::send(const QByteArray &method, const QString &path, const QUrlQuery &query,
                                          const QByteArray &body)
{
    std::unique_ptr<QNetworkReply> reply(m_client->send(method, m_client->urlFor(path, query), body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(kWaitMs);
    RawAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.json = QJsonDocument::fromJson(reply->readAll()).object();
    return answer;
}

QList<QJsonObject> TestSimulatorDecommission::listDesktops()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("500"));
    const RawAnswer answer = send("GET", QStringLiteral("desktops/detail"), query);
    QList<QJsonObject> desktops;
    for (const QJsonValue &value : answer.json.value(QLatin1String("desktops")).toArray())
        desktops.append(value.toObject());
    return desktops;
}

QJsonObject TestSimulatorDecommission::desktop(const QString &id)
{
    for (const QJsonObject &object : listDesktops()) {
        if (object.value(QLatin1String("desktop_id")).toString() == id)
            return object;
    }
    return {};
}

namespace {
QStringList idsWhere(const QList<QJsonObject> &desktops, const std::function<bool(const QJsonObject &)> &test, int most)
{
    QStringList ids;
    for (const QJsonObject &desktop : desktops) {
        if (ids.size() < most && test(desktop))
            ids.append(desktop.value(QLatin1String("desktop_id")).toString());
    }
    return ids;
}

bool loginIs(const QJsonObject &desktop, const char *status)
{
    return desktop.value(QLatin1String("login_status")).toString() == QLatin1String(status);
}
} // namespace

void TestSimulatorDecommission::usageOfEveryDesktopInThePeriod()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ListAllUsageCall call(m_client.get(), UsageQuery::lastDays(30, now));
    QVERIFY(run(call));
    QVERIFY2(call.isComplete(), qPrintable(call.error().summary() + call.incompletenessText()));
    QCOMPARE(call.pagesRequested(), 2); // 100 a page at the most
    QCOMPARE(m_simulator->requestCount("GET", QStringLiteral("statistics/metrics/desktops")), 2);

    QHash<QString, DesktopUsage> usage;
    for (const DesktopUsage &entry : call.usage())
        usage.insert(entry.desktopId, entry);
    const QList<QJsonObject> desktops = listDesktops();
    QCOMPARE(desktops.size(), kDesktops);
    int tooNew = 0;
    int idleForMonths = 0;
    for (const QJsonObject &object : desktops) {
        const QString id = object.value(QLatin1String("desktop_id")).toString();
        const QDateTime created = QDateTime::fromString(object.value(QLatin1String("created")).toString(), Qt::ISODateWithMs);
        if (created >= DecommissionRoutes::dataEnd(now)) { // in no daily aggregation yet: no entry, no data
            ++tooNew;
            QVERIFY2(!usage.contains(id), qPrintable(id));
            continue;
        }
        QVERIFY2(usage.contains(id), qPrintable(id));
        const DesktopUsage &entry = usage.value(id);
        QVERIFY(entry.idleSeconds && entry.usedHours());
        // What the simulator sends (the app reads no more than the period's 30 days of it).
        const qint64 idleDays = *entry.idleSeconds / 86400;
        QVERIFY(idleDays <= 181);
        QVERIFY(*entry.idleDays() <= 30);
        QCOMPARE(entry.desktopName, object.value(QLatin1String("computer_name")).toString());
        // resource_pool_id only for the desktops of a pool.
        QCOMPARE(!entry.poolId.isEmpty(), object.value(QLatin1String("desktop_type")).toString() == QLatin1String("POOLED"));
        if (loginIs(object, "CONNECTED"))
            QVERIFY2(idleDays <= 1, qPrintable(id)); // in use: idle at most since the last aggregation
        idleForMonths += idleDays >= 60 ? 1 : 0;
    }
    QVERIFY(tooNew > 0);
    QVERIFY(idleForMonths > kDesktops / 10);
    QCOMPARE(call.usage().size(), kDesktops - tooNew);
}

void TestSimulatorDecommission::usageFiltersAndSorts()
{
    UsageQuery query = UsageQuery::lastDays(30, QDateTime::currentDateTimeUtc());
    query.minIdleDays = 60;
    query.sortField = QStringLiteral("desktop_idle_duration");
    query.sortType = QStringLiteral("DESC");
    ListAllUsageCall call(m_client.get(), query);
    QVERIFY(run(call));
    QVERIFY(call.isComplete());
    QVERIFY(!call.usage().isEmpty());
    for (qsizetype i = 0; i < call.usage().size(); ++i) {
        QVERIFY(*call.usage().at(i).idleSeconds / 86400 >= 60);
        if (i > 0)
            QVERIFY(*call.usage().at(i - 1).idleSeconds >= *call.usage().at(i).idleSeconds);
    }

    UsageQuery unused = UsageQuery::lastDays(30, QDateTime::currentDateTimeUtc());
    unused.usageMaxHours = 0;
    ListAllUsageCall rarelyUsed(m_client.get(), unused);
    QVERIFY(run(rarelyUsed));
    QVERIFY(!rarelyUsed.usage().isEmpty());
    for (const DesktopUsage &entry : rarelyUsed.usage())
        QVERIFY(*entry.usageSeconds < 3600);

    // A period before the 180 days the service keeps has no data at all.
    const QDateTime longAgo = QDateTime::currentDateTimeUtc().addDays(-400);
    ListAllUsageCall old(m_client.get(), UsageQuery::lastDays(30, longAgo));
    QVERIFY(run(old));
    QVERIFY(old.isComplete());
    QCOMPARE(old.usage().size(), 0);
}

void TestSimulatorDecommission::usageRequiresAPeriod_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("no period") << QString();
    QTest::newRow("no end") << QStringLiteral("start_time=2026-11-01T00:00:00Z");
    QTest::newRow("reversed") << QStringLiteral("start_time=2026-11-02T00:00:00Z&end_time=2026-11-01T00:00:00Z");
    QTest::newRow("limit 0") << QStringLiteral("start_time=2026-11-01T00:00:00Z&end_time=2026-11-02T00:00:00Z&limit=0");
    QTest::newRow("limit 101") << QStringLiteral("start_time=2026-11-01T00:00:00Z&end_time=2026-11-02T00:00:00Z&limit=101");
    QTest::newRow("bad sort") << QStringLiteral("start_time=2026-11-01T00:00:00Z&end_time=2026-11-02T00:00:00Z&sort_field=created");
}

void TestSimulatorDecommission::usageRequiresAPeriod()
{
    QFETCH(QString, query);
    const RawAnswer answer = send("GET", QStringLiteral("statistics/metrics/desktops"), QUrlQuery(query));
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.errorCode(), QStringLiteral("APIGW.0201"));
}

void TestSimulatorDecommission::maintenanceModeEndsAndBlocksLogIns()
{
    const QList<QJsonObject> desktops = listDesktops();
    const QStringList connected = idsWhere(desktops, [](const QJsonObject &d) { return loginIs(d, "CONNECTED"); }, 3);
    const QStringList others = idsWhere(desktops, [](const QJsonObject &d) {
        return !loginIs(d, "CONNECTED") && !d.value(QLatin1String("in_maintenance_mode")).toBool();
    }, 2);
    QCOMPARE(connected.size(), 3);
    const QStringList ids = connected + others;

    SetMaintenanceModeCall on(m_client.get(), ids, true);
    QVERIFY(run(on));
    QVERIFY2(on.succeeded(), qPrintable(on.error().summary()));
    for (const QString &id : ids) {
        const QJsonObject object = desktop(id);
        QVERIFY(object.value(QLatin1String("in_maintenance_mode")).toBool());
        QVERIFY2(!loginIs(object, "CONNECTED"), qPrintable(id));
    }
    // The listing's filter sees them.
    QUrlQuery filter;
    filter.addQueryItem(QStringLiteral("in_maintenance_mode"), QStringLiteral("true"));
    filter.addQueryItem(QStringLiteral("limit"), QStringLiteral("500"));
    const RawAnswer inMaintenance = send("GET", QStringLiteral("desktops/detail"), filter);
    QStringList listed;
    for (const QJsonValue &value : inMaintenance.json.value(QLatin1String("desktops")).toArray())
        listed.append(value.toObject().value(QLatin1String("desktop_id")).toString());
    for (const QString &id : ids)
        QVERIFY(listed.contains(id));

    SetMaintenanceModeCall off(m_client.get(), ids, false);
    QVERIFY(run(off));
    QVERIFY(off.succeeded());
    for (const QString &id : ids)
        QVERIFY(!desktop(id).value(QLatin1String("in_maintenance_mode")).toBool());
    QCOMPARE(m_simulator->requestCount("PUT", QStringLiteral("maintenance-mode")), 2);
}

void TestSimulatorDecommission::generatedDesktopsInMaintenanceAreNeverConnected()
{
    int inMaintenance = 0;
    int inPools = 0;
    for (const QJsonObject &object : listDesktops()) {
        if (object.value(QLatin1String("desktop_type")).toString() == QLatin1String("POOLED"))
            ++inPools;
        if (!object.value(QLatin1String("in_maintenance_mode")).toBool())
            continue;
        ++inMaintenance;
        QVERIFY2(!loginIs(object, "CONNECTED"), qPrintable(object.value(QLatin1String("desktop_id")).toString()));
    }
    QVERIFY(inMaintenance > 0);
    QVERIFY(inPools > 0);
}

void TestSimulatorDecommission::changesAreRefusedAsTheOtherRoutesRefuse()
{
    const QList<QJsonObject> desktops = listDesktops();
    const QStringList two = idsWhere(desktops, [](const QJsonObject &) { return true; }, 2);

    SetMaintenanceModeCall unknown(m_client.get(), {two.at(0), QStringLiteral("no-such-desktop")}, true);
    QVERIFY(run(unknown));
    QCOMPARE(unknown.error().httpStatus, 404);
    QCOMPARE(unknown.error().errorCode, QStringLiteral("WKS.0202"));
    QCOMPARE(desktop(two.at(0)).value(QLatin1String("in_maintenance_mode")).toBool(),
             desktops.at(0).value(QLatin1String("in_maintenance_mode")).toBool()); // nothing changed

    RawAnswer answer = send("PUT", QStringLiteral("desktops/maintenance-mode"), {},
                            QByteArrayLiteral("{\"desktop_ids\":[\"x\"],\"in_maintenance_mode\":\"yes\"}"));
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.errorCode(), QStringLiteral("APIGW.0201"));
    answer = send("POST", QStringLiteral("desktops/logoff"), {}, QByteArrayLiteral("{\"desktop_ids\":[]}"));
    QCOMPARE(answer.status, 400);
    answer = send("PUT", QStringLiteral("desktops/maintenance-mode"), {}, QByteArrayLiteral("not json"));
    QCOMPARE(answer.status, 400);

    // A desktop being deleted is in conflict, as with a second deletion.
    BatchDeleteOptions options;
    options.forceDelete = true;
    BatchDeleteCall deletion(m_client.get(), {two.at(1)}, options);
    QVERIFY(run(deletion));
    QVERIFY(deletion.succeeded());
    LogoffDesktopsCall busy(m_client.get(), {two.at(1)}, QStringLiteral("bye"));
    QVERIFY(run(busy));
    QCOMPARE(busy.error().httpStatus, 409);
    QCOMPARE(busy.error().errorCode, QStringLiteral("WKS.00010032"));
}

void TestSimulatorDecommission::logoffLeavesDesktopsWaitingForAUser()
{
    const QList<QJsonObject> desktops = listDesktops();
    const QStringList ids = idsWhere(desktops, [](const QJsonObject &d) { return loginIs(d, "CONNECTED"); }, 2)
        + idsWhere(desktops, [](const QJsonObject &d) { return loginIs(d, "DISCONNECTED"); }, 2)
        + idsWhere(desktops, [](const QJsonObject &d) { return loginIs(d, "UNREGISTER"); }, 1);
    QCOMPARE(ids.size(), 5);
    LogoffDesktopsCall logoff(m_client.get(), ids, QStringLiteral("This desktop is retired tonight."));
    QVERIFY(run(logoff));
    QVERIFY2(logoff.succeeded(), qPrintable(logoff.error().summary()));
    QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("logoff")), 1);
    for (int i = 0; i < 4; ++i)
        QVERIFY(loginIs(desktop(ids.at(i)), "REGISTERED"));
    QVERIFY(loginIs(desktop(ids.at(4)), "UNREGISTER")); // a shut-down desktop has nobody to log off
}

void TestSimulatorDecommission::poolDesktopsListingAndPoolFilters()
{
    ListAllPoolsCall pools(m_client.get());
    QVERIFY(run(pools));
    QVERIFY(pools.pools().size() >= 2);
    const QString first = pools.pools().at(0).id;
    const QString second = pools.pools().at(1).id;
    // ListPoolDesktopsDetail: pool_desktops, limit 1–100 (default 10), no pool_id in the entries.
    const RawAnswer page = send("GET", QStringLiteral("desktop-pools/%1/desktops").arg(first));
    QCOMPARE(page.status, 200);
    const QJsonArray held = page.json.value(QLatin1String("pool_desktops")).toArray();
    QVERIFY(!held.isEmpty());
    QVERIFY(held.size() <= 10);
    QCOMPARE(page.json.value(QLatin1String("total_count")).toInt(), pools.pools().at(0).desktopCount);
    QVERIFY(page.json.contains(QLatin1String("on_demand_desktops_num")));
    QVERIFY(page.json.contains(QLatin1String("period_desktops_num")));
    for (const QJsonValue &entry : held) {
        QVERIFY(!entry.toObject().value(QLatin1String("desktop_id")).toString().isEmpty());
        QVERIFY(!entry.toObject().contains(QLatin1String("pool_id")));
    }
    QUrlQuery tooMany;
    tooMany.addQueryItem(QStringLiteral("limit"), QStringLiteral("101"));
    QCOMPARE(send("GET", QStringLiteral("desktop-pools/%1/desktops").arg(first), tooMany).status, 400);
    QUrlQuery none;
    none.addQueryItem(QStringLiteral("limit"), QStringLiteral("0"));
    QCOMPARE(send("GET", QStringLiteral("desktop-pools/%1/desktops").arg(first), none).status, 400);
    QCOMPARE(send("GET", QStringLiteral("desktop-pools/pool-none/desktops")).status, 404);
    ListAllPoolDesktopsCall all(m_client.get(), first);
    QVERIFY(run(all));
    QVERIFY(all.isComplete());
    QCOMPARE(all.desktopIds().size(), pools.pools().at(0).desktopCount);

    // The listing's pool_id filter: comma-separated ids, at most 255 characters in all.
    QUrlQuery both;
    both.addQueryItem(QStringLiteral("pool_id"), first + QLatin1Char(',') + second);
    both.addQueryItem(QStringLiteral("limit"), QStringLiteral("500"));
    const RawAnswer listed = send("GET", QStringLiteral("desktops/detail"), both);
    QCOMPARE(listed.json.value(QLatin1String("total_count")).toInt(),
             pools.pools().at(0).desktopCount + pools.pools().at(1).desktopCount);
    QUrlQuery tooLong;
    tooLong.addQueryItem(QStringLiteral("pool_id"), QString(256, QLatin1Char('a')));
    QCOMPARE(send("GET", QStringLiteral("desktops/detail"), tooLong).status, 400);

    // The pools listing's documented filters.
    QUrlQuery byName;
    byName.addQueryItem(QStringLiteral("name"), pools.pools().at(1).name);
    const RawAnswer named = send("GET", QStringLiteral("desktop-pools"), byName);
    QCOMPARE(named.json.value(QLatin1String("total_count")).toInt(), 1);
    QCOMPARE(named.json.value(QLatin1String("desktop_pools")).toArray().at(0).toObject().value(QLatin1String("id")).toString(),
             second);
    QUrlQuery inMaintenance;
    inMaintenance.addQueryItem(QStringLiteral("in_maintenance_mode"), QStringLiteral("true"));
    QCOMPARE(send("GET", QStringLiteral("desktop-pools"), inMaintenance).json.value(QLatin1String("total_count")).toInt(), 0);
    QUrlQuery byType;
    byType.addQueryItem(QStringLiteral("type"), QStringLiteral("STATIC"));
    QCOMPARE(send("GET", QStringLiteral("desktop-pools"), byType).json.value(QLatin1String("total_count")).toInt(), 0);
    QUrlQuery badProject;
    badProject.addQueryItem(QStringLiteral("enterprise_project_id"), QStringLiteral("a b"));
    QCOMPARE(send("GET", QStringLiteral("desktop-pools"), badProject).status, 400);
    QUrlQuery farOffset;
    farOffset.addQueryItem(QStringLiteral("offset"), QStringLiteral("20001"));
    QCOMPARE(send("GET", QStringLiteral("desktop-pools"), farOffset).status, 400);
}

void TestSimulatorDecommission::poolsWithAutoscaleAndTheirUpdate()
{
    ListAllPoolsCall pools(m_client.get());
    QVERIFY(run(pools));
    QVERIFY2(pools.isComplete(), qPrintable(pools.error().summary()));
    QVERIFY(pools.pools().size() >= 2);
    QString scalingPool;
    for (const DesktopPool &pool : pools.pools()) {
        // The listing's documented pool_id filter names the pool's desktops.
        QUrlQuery members;
        members.addQueryItem(QStringLiteral("pool_id"), pool.id);
        const RawAnswer listed = send("GET", QStringLiteral("desktops/detail"), members);
        QCOMPARE(pool.desktopCount, listed.json.value(QLatin1String("total_count")).toInt());
        QVERIFY(pool.autoscaleEnabled.has_value());
        if (*pool.autoscaleEnabled) {
            QVERIFY2(scalingPool.isEmpty(), "exactly one pool scales");
            scalingPool = pool.id;
            QVERIFY(pool.autoscalePolicy);
            QCOMPARE(pool.autoscalePolicy->autoscaleType, QStringLiteral("AUTO_CREATED"));
        }
        QCOMPARE(pool.billingMode, BillingMode::PayPerUse);
    }
    QVERIFY(!scalingPool.isEmpty());

    UpdatePoolAutoscaleCall off(m_client.get(), scalingPool, false);
    QVERIFY(run(off));
    QVERIFY2(off.succeeded(), qPrintable(off.error().summary()));
    ListAllPoolsCall again(m_client.get());
    QVERIFY(run(again));
    for (const DesktopPool &pool : again.pools())
        QCOMPARE(pool.autoscaleEnabled, std::optional<bool>(false));

    UpdatePoolAutoscaleCall unknown(m_client.get(), QStringLiteral("pool-none"), false);
    QVERIFY(run(unknown));
    QCOMPARE(unknown.error().errorCode, QStringLiteral("WKS.0202"));
    const RawAnswer badBody = send("PUT", QStringLiteral("desktop-pools/") + scalingPool, {},
                                   QByteArrayLiteral("{\"enable_autoscale\":1}"));
    QCOMPARE(badBody.status, 400);
}

void TestSimulatorDecommission::wrongSignatureIs401()
{
    auto client = makeClient(QStringLiteral("wrong-secret"));
    ListPoolsPageCall pools(client.get(), 0, 10);
    QVERIFY(run(pools));
    QCOMPARE(pools.error().httpStatus, 401);
    SetMaintenanceModeCall maintenance(client.get(), {QStringLiteral("d-1")}, true);
    QVERIFY(run(maintenance));
    QCOMPARE(maintenance.error().httpStatus, 401);
    QCOMPARE(maintenance.error().errorCode, QStringLiteral("APIGW.0301"));
}

QTEST_GUILESS_MAIN(TestSimulatorDecommission)
#include "tst_simulatordecommission.moc"
