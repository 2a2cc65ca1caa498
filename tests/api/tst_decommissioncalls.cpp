// The decommissioning calls: their JSON read from fixtures shaped like the documented answers, and
// each call against a fake network (paging bounds, validation before sending, one send for PUT/POST).
#include "api/apicalls.h"
#include "api/apiclient.h"
#include "api/decommissioncalls.h"
#include "callfactory.h"
#include "fakeclient.h"
#include "fakenetworkaccessmanager.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

#include <memory>

namespace {
const QDateTime kNow(QDate(2026, 11, 28), QTime(8, 15, 0), QTimeZone::utc());

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(WORKSPACE_TEST_DATA_DIR "/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

QByteArray usageBody(int count, int first, int items)
{
    QJsonArray array;
    for (int i = first; i < first + items; ++i)
        array.append(QJsonObject{{QStringLiteral("resource_id"), QStringLiteral("d-%1").arg(i)},
                                 {QStringLiteral("resource_name"), QStringLiteral("WKS-%1").arg(i)},
                                 {QStringLiteral("metric"),
                                  QJsonArray{QJsonObject{{QStringLiteral("metric_name"), QStringLiteral("desktop_usage")},
                                                         {QStringLiteral("metric_value"), i * 60}}}}});
    QJsonObject body{{QStringLiteral("items"), array}};
    if (count >= 0)
        body.insert(QStringLiteral("count"), count);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

// Serves `existing` usage entries by offset/limit, announcing `announced` (-1: no count).
FakeNetworkAccessManager::Handler usageServer(int existing, int announced)
{
    return [existing, announced](const RecordedRequest &request, int) {
        const QUrlQuery query(request.url);
        const int offset = query.queryItemValue(QStringLiteral("offset")).toInt();
        const int limit = query.queryItemValue(QStringLiteral("limit")).toInt();
        return FakeResponse::json(200, usageBody(announced, offset, std::clamp(existing - offset, 0, limit)));
    };
}

QStringList ids(int count)
{
    QStringList result;
    for (int i = 0; i < count; ++i)
        result.append(QStringLiteral("d-%1").arg(i));
    return result;
}
} // namespace

class TestDecommissionCalls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void usageFixtureTellsNoDataFromZero();
    void usageRejectsWhatItCannotUse_data();
    void usageRejectsWhatItCannotUse();
    void poolsFixture();
    void poolWithoutAutoscaleFieldMayScale();
    void longNamesAreBounded();
    void requestBodies();
    void desktopListingFiltersOnMaintenanceMode();
    void emptyAnswers_data();
    void emptyAnswers();

    void usagePageRequestCarriesPeriodAndFilters();
    void invalidRequestsAreNotSent_data();
    void invalidRequestsAreNotSent();
    void usageListingStopsAtCount();
    void usageListingFollowsAServerThatPagesByFewer();
    void listingShortOfCountIsIncomplete();
    void listingWithoutNewEntriesStops();
    void listingStopsAtThePageCap();
    void listingWithoutCountEndsOnAShortPage();
    void listingErrorAndCancel();
    void poolsListingUsesLargePages();
    void putAndPostAreSentOnceAndNeverRetried_data();
    void putAndPostAreSentOnceAndNeverRetried();
    void writesSucceedOnEmptyAnswers();

private:
    std::unique_ptr<ApiClient> makeClient();
    static bool waitFor(QObject *call, QSignalSpy &spy);

    std::unique_ptr<FakeNetworkAccessManager> m_network;
    ClientConfig m_config;
};

void TestDecommissionCalls::init()
{
    m_network = std::make_unique<FakeNetworkAccessManager>();
    m_config = ClientConfig();
    m_config.endpoint = QUrl(QStringLiteral("https://workspace.cn-north-4.myhuaweicloud.com"));
    m_config.projectId = QStringLiteral("proj-1");
    m_config.transferTimeoutMs = 5000;
    m_config.retry.maxAttempts = 3;
    m_config.retry.initialDelayMs = 1;
    m_config.retry.maxDelayMs = 5;
}

void TestDecommissionCalls::cleanup()
{
    m_network.reset();
}

std::unique_ptr<ApiClient> TestDecommissionCalls::makeClient()
{
    return clientFor(m_network.get(), m_config, Credentials{QStringLiteral("TESTAK"), QStringLiteral("secret"), {}},
                     kNow);
}

bool TestDecommissionCalls::waitFor(QObject *call, QSignalSpy &spy)
{
    Q_UNUSED(call)
    return spy.count() > 0 || spy.wait(5000);
}

void TestDecommissionCalls::usageFixtureTellsNoDataFromZero()
{
    QString error;
    const std::optional<DesktopUsagePage> page = DecommissionJson::parseUsagePage(fixture("usage-metrics-page.json"), &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->count, 5);
    QCOMPARE(page->items.size(), 5);

    const DesktopUsage &idle = page->items.at(0);
    QCOMPARE(idle.desktopId, QStringLiteral("d-idle"));
    QCOMPARE(idle.desktopName, QStringLiteral("WKS-FIN-00001"));
    QCOMPARE(idle.idleDays(), std::optional<int>(120));
    QCOMPARE(idle.usedHours(), std::optional<double>(0.0)); // zero use is data, not "no data"
    QVERIFY(idle.poolId.isEmpty());

    const DesktopUsage &busy = page->items.at(1);
    QCOMPARE(busy.poolId, QStringLiteral("pool-dev"));
    QCOMPARE(busy.usedHours(), std::optional<double>(36.0));
    QCOMPARE(busy.idleDays(), std::optional<int>(0));

    const DesktopUsage &usageOnly = page->items.at(2);
    QCOMPARE(usageOnly.usageSeconds, std::optional<qint64>(5400)); // a number sent as text
    QVERIFY(!usageOnly.idleDays());

    QVERIFY(!page->items.at(3).idleDays());
    QVERIFY(!page->items.at(3).usedHours());
    // An unknown metric is ignored and a null value is no data.
    QVERIFY(!page->items.at(4).idleSeconds);
    QVERIFY(!page->items.at(4).usageSeconds);
}

void TestDecommissionCalls::usageRejectsWhatItCannotUse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::newRow("negative seconds") << fixture("usage-metrics-bad-value.json") << QStringLiteral("desktop d-1");
    QTest::newRow("not JSON") << fixture("malformed.json") << QStringLiteral("invalid JSON");
    QTest::newRow("array") << fixture("json-array.json") << QStringLiteral("JSON object");
    QTest::newRow("error body behind 200") << fixture("error-standard.json") << QStringLiteral("neither");
    QTest::newRow("items not array") << QByteArray("{\"count\":1,\"items\":{}}") << QStringLiteral("\"items\"");
    QTest::newRow("entry not object") << QByteArray("{\"count\":1,\"items\":[3]}") << QStringLiteral("not an object");
    QTest::newRow("no resource_id") << QByteArray("{\"count\":1,\"items\":[{\"resource_name\":\"x\"}]}")
                                    << QStringLiteral("resource_id");
    QTest::newRow("unusable resource_id") << QByteArray("{\"count\":1,\"items\":[{\"resource_id\":\"../x\"}]}")
                                          << QStringLiteral("resource_id");
    QTest::newRow("id too long") << QByteArray("{\"items\":[{\"resource_id\":\"" + QByteArray(256, 'a') + "\"}]}")
                                 << QStringLiteral("resource_id");
    QTest::newRow("bad pool id") << QByteArray("{\"items\":[{\"resource_id\":\"d\",\"resource_pool_id\":\"a b\"}]}")
                                 << QStringLiteral("resource_pool_id");
    QTest::newRow("negative count") << QByteArray("{\"count\":-1,\"items\":[]}") << QStringLiteral("\"count\"");
    QTest::newRow("text value") << QByteArray("{\"items\":[{\"resource_id\":\"d\",\"metric\":[{\"metric_name\":\"desktop_usage\",\"metric_value\":\"soon\"}]}]}")
                                << QStringLiteral("desktop_usage");
}

void TestDecommissionCalls::usageRejectsWhatItCannotUse()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!DecommissionJson::parseUsagePage(body, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestDecommissionCalls::poolsFixture()
{
    QString error;
    const std::optional<DesktopPoolPage> page = DecommissionJson::parsePoolPage(fixture("desktop-pools-page.json"), &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->totalCount, 2);
    QCOMPARE(page->pools.size(), 2);
    const DesktopPool &dev = page->pools.at(0);
    QCOMPARE(dev.id, QStringLiteral("pool-dev"));
    QCOMPARE(dev.name, QStringLiteral("Developers"));
    QCOMPARE(dev.type, QStringLiteral("DYNAMIC"));
    QCOMPARE(dev.desktopCount, 12);
    QCOMPARE(dev.desktopUsed, 7);
    QCOMPARE(dev.autoscaleEnabled, std::optional<bool>(true));
    QVERIFY(dev.autoscalePolicy);
    QCOMPARE(dev.autoscalePolicy->autoscaleType, QStringLiteral("AUTO_CREATED"));
    QCOMPARE(dev.autoscalePolicy->maxAutoCreated, std::optional<int>(20));
    QCOMPARE(dev.autoscalePolicy->minIdle, std::optional<int>(2));
    QCOMPARE(dev.inMaintenanceMode, std::optional<bool>(false));
    QCOMPARE(dev.billingMode, BillingMode::PayPerUse);
    QVERIFY(dev.mayCreateDesktops());

    const DesktopPool &fin = page->pools.at(1);
    QCOMPARE(fin.billingMode, BillingMode::YearlyMonthly);
    QCOMPARE(fin.inMaintenanceMode, std::optional<bool>(true));
    QVERIFY(!fin.autoscalePolicy);
}

void TestDecommissionCalls::poolWithoutAutoscaleFieldMayScale()
{
    QString error;
    const auto page = DecommissionJson::parsePoolPage(
        "{\"total_count\":2,\"desktop_pools\":[{\"id\":\"p1\"},{\"id\":\"p2\",\"enable_autoscale\":false}]}", &error);
    QVERIFY2(page, qPrintable(error));
    QVERIFY(!page->pools.at(0).autoscaleEnabled);
    QVERIFY(page->pools.at(0).mayCreateDesktops()); // not told: assume it may
    QVERIFY(!page->pools.at(1).mayCreateDesktops());
    QCOMPARE(page->pools.at(0).billingMode, BillingMode::Unknown);

    QVERIFY(!DecommissionJson::parsePoolPage("{\"total_count\":1,\"desktop_pools\":[{\"name\":\"x\"}]}", &error));
    QVERIFY(error.contains(QLatin1String("id")));
    QVERIFY(!DecommissionJson::parsePoolPage("{\"total_count\":1,\"desktop_pools\":[{\"id\":\"p\",\"desktop_count\":\"many\"}]}", &error));
    QVERIFY(error.contains(QLatin1String("desktop_count")));
}

void TestDecommissionCalls::longNamesAreBounded()
{
    const QString huge(100000, QLatin1Char('n'));
    const QByteArray body = QJsonDocument(QJsonObject{
                                              {QStringLiteral("desktop_pools"),
                                               QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("p")},
                                                                      {QStringLiteral("name"), huge}}}}})
                                .toJson();
    QString error;
    const auto page = DecommissionJson::parsePoolPage(body, &error);
    QVERIFY2(page, qPrintable(error));
    const QString name = page->pools.at(0).name;
    QVERIFY(name.size() < DecommissionJson::kMaxTextChars + 100);
    QVERIFY(name.startsWith(huge.left(DecommissionJson::kMaxTextChars)));
    QVERIFY(name.contains(QLatin1String("100000"))); // says that it was shortened
    QCOMPARE(DecommissionJson::boundedText(QStringLiteral("short")), QStringLiteral("short"));
}

void TestDecommissionCalls::desktopListingFiltersOnMaintenanceMode()
{
    DesktopQuery query;
    QVERIFY(!query.toUrlQuery().hasQueryItem(QStringLiteral("in_maintenance_mode"))); // unset: not sent
    query.inMaintenanceMode = true;
    QCOMPARE(query.toUrlQuery().queryItemValue(QStringLiteral("in_maintenance_mode")), QStringLiteral("true"));
    query.inMaintenanceMode = false;
    QCOMPARE(query.toUrlQuery().queryItemValue(QStringLiteral("in_maintenance_mode")), QStringLiteral("false"));
}

void TestDecommissionCalls::requestBodies()
{
    QCOMPARE(DecommissionJson::maintenanceModeBody({QStringLiteral("d-1"), QStringLiteral("d-2")}, true),
             QByteArray("{\"desktop_ids\":[\"d-1\",\"d-2\"],\"in_maintenance_mode\":true}"));
    QCOMPARE(DecommissionJson::logoffBody({QStringLiteral("d-1")}, QStringLiteral("Saving \"work\" now")),
             QByteArray("{\"desktop_ids\":[\"d-1\"],\"message\":\"Saving \\\"work\\\" now\"}"));
    QCOMPARE(DecommissionJson::poolAutoscaleBody(false), QByteArray("{\"enable_autoscale\":false}"));
}

void TestDecommissionCalls::emptyAnswers_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("blank") << QByteArray(" \n") << true;
    QTest::newRow("object") << QByteArray("{}") << true;
    QTest::newRow("html") << fixture("proxy-error.html") << false;
    QTest::newRow("array") << QByteArray("[]") << false;
}

void TestDecommissionCalls::emptyAnswers()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, accepted);
    QString error;
    QCOMPARE(DecommissionJson::parseEmptyAnswer(body, &error), accepted);
    QCOMPARE(error.isEmpty(), accepted);
}

void TestDecommissionCalls::usagePageRequestCarriesPeriodAndFilters()
{
    auto client = makeClient();
    m_network->setResponses({FakeResponse::json(200, fixture("usage-metrics-page.json"))});
    UsageQuery query = UsageQuery::lastDays(30, kNow);
    query.resourceName = QStringLiteral("WKS FIN+1");
    query.minIdleDays = 14;
    query.usageMaxHours = 2;
    query.sortField = QStringLiteral("desktop_idle_duration");
    query.sortType = QStringLiteral("DESC");
    ListUsagePageCall call(client.get(), query, 200, 100);
    QSignalSpy finished(&call, &ApiCall::finished);
    call.start();
    QVERIFY(waitFor(&call, finished));
    QVERIFY2(call.succeeded(), qPrintable(call.error().summary()));
    QCOMPARE(call.takeResult().items.size(), 5);

    const RecordedRequest &request = m_network->lastRequest();
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.url.path(), QStringLiteral("/v2/proj-1/statistics/metrics/desktops"));
    const QUrlQuery sent(request.url);
    QCOMPARE(sent.queryItemValue(QStringLiteral("start_time"), QUrl::FullyDecoded), QStringLiteral("2026-10-29T08:15:00Z"));
    QCOMPARE(sent.queryItemValue(QStringLiteral("end_time"), QUrl::FullyDecoded), QStringLiteral("2026-11-28T08:15:00Z"));
    QCOMPARE(sent.queryItemValue(QStringLiteral("resource_name"), QUrl::FullyDecoded), QStringLiteral("WKS FIN+1"));
    QCOMPARE(sent.queryItemValue(QStringLiteral("min_idle_days")), QStringLiteral("14"));
    QVERIFY(!sent.hasQueryItem(QStringLiteral("max_idle_days")));
    QCOMPARE(sent.queryItemValue(QStringLiteral("usage_max_hours")), QStringLiteral("2"));
    QVERIFY(!sent.hasQueryItem(QStringLiteral("usage_min_hours")));
    QCOMPARE(sent.queryItemValue(QStringLiteral("sort_field")), QStringLiteral("desktop_idle_duration"));
    QCOMPARE(sent.queryItemValue(QStringLiteral("sort_type")), QStringLiteral("DESC"));
    QCOMPARE(sent.queryItemValue(QStringLiteral("offset")), QStringLiteral("200"));
    QCOMPARE(sent.queryItemValue(QStringLiteral("limit")), QStringLiteral("100"));
}

void TestDecommissionCalls::invalidRequestsAreNotSent_data()
{
    QTest::addColumn<CallFactory>("makeCall");
    QTest::addColumn<QString>("expected");
    const auto usagePage = [](UsageQuery query, int limit) -> CallFactory {
        return [query, limit](ApiClient *client) { return std::make_unique<ListUsagePageCall>(client, query, 0, limit); };
    };
    const UsageQuery period = UsageQuery::lastDays(30, kNow);
    UsageQuery reversed = period;
    std::swap(reversed.startTime, reversed.endTime);
    UsageQuery badSort = period;
    badSort.sortField = QStringLiteral("created");
    UsageQuery badIdle = period;
    badIdle.minIdleDays = 10;
    badIdle.maxIdleDays = 5;
    UsageQuery badHours = period;
    badHours.usageMinHours = -1;
    QTest::newRow("usage limit 0") << usagePage(period, 0) << QStringLiteral("1 to 100");
    QTest::newRow("usage limit 101") << usagePage(period, 101) << QStringLiteral("1 to 100");
    QTest::newRow("usage without period") << usagePage(UsageQuery{}, 10) << QStringLiteral("period");
    QTest::newRow("usage period reversed") << usagePage(reversed, 10) << QStringLiteral("end after");
    QTest::newRow("usage bad sort") << usagePage(badSort, 10) << QStringLiteral("sort");
    QTest::newRow("pools limit 1001") << CallFactory([](ApiClient *client) {
        return std::make_unique<ListPoolsPageCall>(client, 0, 1001);
    }) << QStringLiteral("1 to 1000");
    QTest::newRow("maintenance no ids") << CallFactory([](ApiClient *client) {
        return std::make_unique<SetMaintenanceModeCall>(client, QStringList{}, true);
    }) << QStringLiteral("1 to 100 desktops");
    QTest::newRow("maintenance 101 ids") << CallFactory([](ApiClient *client) {
        return std::make_unique<SetMaintenanceModeCall>(client, ids(101), true);
    }) << QStringLiteral("not 101");
    QTest::newRow("logoff duplicate") << CallFactory([](ApiClient *client) {
        return std::make_unique<LogoffDesktopsCall>(client, QStringList{QStringLiteral("a"), QStringLiteral("a")}, QString());
    }) << QStringLiteral("twice");
    QTest::newRow("logoff empty id") << CallFactory([](ApiClient *client) {
        return std::make_unique<LogoffDesktopsCall>(client, QStringList{QString()}, QString());
    }) << QStringLiteral("1 to 255");
    QTest::newRow("pool bad id") << CallFactory([](ApiClient *client) {
        return std::make_unique<UpdatePoolAutoscaleCall>(client, QStringLiteral("../p"), false);
    }) << QStringLiteral("pool id");
    QTest::newRow("usage idle days reversed") << usagePage(badIdle, 10) << QStringLiteral("idle days");
    QTest::newRow("usage hours negative") << usagePage(badHours, 10) << QStringLiteral("hours of use");
}

void TestDecommissionCalls::invalidRequestsAreNotSent()
{
    QFETCH(CallFactory, makeCall);
    QFETCH(QString, expected);
    auto client = makeClient();
    const std::unique_ptr<ApiCall> call = makeCall(client.get());
    QSignalSpy finished(call.get(), &ApiCall::finished);
    call->start();
    QCOMPARE(finished.count(), 0); // never inside start()
    QVERIFY(waitFor(call.get(), finished));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(call->error().kind, ApiError::Kind::Configuration);
    QVERIFY2(call->error().summary().contains(expected), qPrintable(call->error().summary()));
    QCOMPARE(m_network->requestCount(), 0);
}

void TestDecommissionCalls::usageListingStopsAtCount()
{
    auto client = makeClient();
    m_network->setHandler(usageServer(250, 250));
    ListAllUsageCall call(client.get(), UsageQuery::lastDays(30, kNow));
    QSignalSpy finished(&call, &PagedListingCall::finished);
    QSignalSpy progress(&call, &PagedListingCall::progress);
    call.start();
    QVERIFY(waitFor(&call, finished));
    QCOMPARE(finished.count(), 1);
    QVERIFY(call.isComplete());
    QCOMPARE(call.usage().size(), 250);
    QCOMPARE(m_network->requestCount(), 3); // 100 + 100 + 50, nothing beyond the count
    QCOMPARE(progress.count(), 3);
    QCOMPARE(progress.last().at(0).toInt(), 250);
    QCOMPARE(progress.last().at(1).toInt(), 250);
    QCOMPARE(QUrlQuery(m_network->requests().at(2).url).queryItemValue(QStringLiteral("offset")), QStringLiteral("200"));
    QCOMPARE(call.usage().at(7).usedHours(), std::optional<double>(7 / 60.0));
}

void TestDecommissionCalls::usageListingFollowsAServerThatPagesByFewer()
{
    auto client = makeClient();
    // Never more than 10 per page, whatever is asked: the next offset follows what came.
    m_network->setHandler([](const RecordedRequest &request, int) {
        const int offset = QUrlQuery(request.url).queryItemValue(QStringLiteral("offset")).toInt();
        return FakeResponse::json(200, usageBody(25, offset, std::clamp(25 - offset, 0, 10)));
    });
    ListAllUsageCall call(client.get(), UsageQuery::lastDays(30, kNow));
    QSignalSpy finished(&call, &PagedListingCall::finished);
    call.start();
    QVERIFY(waitFor(&call, finished));
    QVERIFY(call.isComplete());
    QCOMPARE(call.usage().size(), 25);
    QCOMPARE(m_network->requestCount(), 3);
}

void TestDecommissionCalls::listingShortOfCountIsIncomplete()
{
    auto client = makeClient();
    m_network->setHandler(usageServer(120, 300)); // announces 300, has 120
    ListAllUsageCall call(client.get(), UsageQuery::lastDays(30, kNow));
    QSignalSpy finished(&call, &PagedListingCall::finished);
    call.start();
    QVERIFY(waitFor(&call, finished));
    QVERIFY(call.succeeded());
    QVERIFY(!call.isComplete());
    QVERIFY2(call.incompletenessText().contains(QLatin1String("120 of the 300")), qPrintable(call.incompletenessText()));
    QCOMPARE(call.usage().size(), 120);
}

void TestDecommissionCalls::listingWithoutNewEntriesStops()
{
    auto client = makeClient();
    // A server that ignores the offset: the same first page again and again.
    m_network->setHandler([](const RecordedRequest &, int) { return FakeResponse::json(200, usageBody(1000, 0, 100)); });
    ListAllUsageCall call(client.get(), UsageQuery::lastDays(30, kNow));
    QSignalSpy finished(&call, &PagedListingCall::finished);
    call.start();
    QVERIFY(waitFor(&call, finished));
    QVERIFY(call.succeeded());
    QVERIFY(!call.isComplete());
    QCOMPARE(m_network->requestCount(), 2);
    QCOMPARE(call.usage().size(), 100);
    QCOMPARE(call.duplicateCount(), 100);
    QVERIFY2(call.incompletenessText().contains(QLatin1String("already listed")), qPrintable(call.incompletenessText()));
}

void TestDecommissionCalls::listingStopsAtThePageCap()
{
    auto client = makeClient();
    m_network->setHandler(usageServer(100000, 100000));
    ListAllUsageCall call(client.get(), UsageQuery::lastDays(30, kNow));
    call.setMaxPages(4);
    QSignalSpy finished(&call, &PagedListingCall::finished);
    call.start();
    QVERIFY(waitFor(&call, finished));
    QVERIFY(call.succeeded());
    QVERIFY(!call.isComplete());
    QCOMPARE(m_network->requestCount(), 4);
    QCOMPARE(call.loadedCount(), 400);
    QVERIFY(call.incompletenessText().contains(QLatin1String("4 pages")));
}

void TestDecommissionCalls::listingWithoutCountEndsOnAShortPage()
{
    auto client = makeClient();
    m_network->setHandler(usageServer(130, -1));
    ListAllUsageCall call(client.get(), UsageQuery::lastDays(30, kNow));
    QSignalSpy finished(&call, &PagedListingCall::finished);
    call.start();
    QVERIFY(waitFor(&call, finished));
    QVERIFY(call.isComplete());
    QCOMPARE(call.usage().size(), 130);
    QCOMPARE(call.announcedTotal(), -1);
    QCOMPARE(call.totalCount(), 130); // once finished, what arrived
    QCOMPARE(m_network->requestCount(), 2);
}

void TestDecommissionCalls::listingErrorAndCancel()
{
    auto client = makeClient();
    m_network->setHandler([](const RecordedRequest &, int index) {
        if (index == 0)
            return FakeResponse::json(200, usageBody(300, 0, 100));
        return FakeResponse::json(403, fixture("error-forbidden.json"));
    });
    {
        ListAllUsageCall call(client.get(), UsageQuery::lastDays(30, kNow));
        QSignalSpy finished(&call, &PagedListingCall::finished);
        call.start();
        QVERIFY(waitFor(&call, finished));
        QCOMPARE(finished.count(), 1);
        QVERIFY(!call.succeeded());
        QVERIFY(!call.isComplete());
        QCOMPARE(call.error().httpStatus, 403);
    }
    m_network->clear();
    m_network->setResponses({FakeResponse::hanging()});
    ListAllUsageCall call(client.get(), UsageQuery::lastDays(30, kNow));
    QSignalSpy finished(&call, &PagedListingCall::finished);
    call.start();
    QTRY_COMPARE(m_network->requestCount(), 1);
    call.cancel();
    call.cancel();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(call.error().kind, ApiError::Kind::Cancelled);
    QVERIFY(call.error().cancelledInFlight);
    QTRY_VERIFY(m_network->replies().constFirst().isNull() || m_network->replies().constFirst()->wasAborted());
}

void TestDecommissionCalls::poolsListingUsesLargePages()
{
    auto client = makeClient();
    m_network->setResponses({FakeResponse::json(200, fixture("desktop-pools-page.json"))});
    ListAllPoolsCall call(client.get());
    QSignalSpy finished(&call, &PagedListingCall::finished);
    call.start();
    QVERIFY(waitFor(&call, finished));
    QVERIFY(call.isComplete());
    QCOMPARE(call.pools().size(), 2);
    QCOMPARE(m_network->requestCount(), 1);
    const QUrl url = m_network->lastRequest().url;
    QCOMPARE(url.path(), QStringLiteral("/v2/proj-1/desktop-pools"));
    QCOMPARE(QUrlQuery(url).queryItemValue(QStringLiteral("limit")), QStringLiteral("1000"));
}

void TestDecommissionCalls::putAndPostAreSentOnceAndNeverRetried_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<int>("status");
    QTest::newRow("maintenance 503") << 0 << 503;
    QTest::newRow("maintenance 429") << 0 << 429;
    QTest::newRow("logoff 503") << 1 << 503;
    QTest::newRow("logoff reset") << 1 << 0;
    QTest::newRow("pool 502") << 2 << 502;
}

void TestDecommissionCalls::putAndPostAreSentOnceAndNeverRetried()
{
    QFETCH(int, which);
    QFETCH(int, status);
    auto client = makeClient();
    m_network->setResponses({status == 0 ? FakeResponse::failure(QNetworkReply::RemoteHostClosedError, QStringLiteral("reset"))
                                         : FakeResponse::json(status, fixture("error-standard.json"))});
    std::unique_ptr<ApiCall> call;
    if (which == 0)
        call = std::make_unique<SetMaintenanceModeCall>(client.get(), ids(2), true);
    else if (which == 1)
        call = std::make_unique<LogoffDesktopsCall>(client.get(), ids(2), QStringLiteral("bye"));
    else
        call = std::make_unique<UpdatePoolAutoscaleCall>(client.get(), QStringLiteral("pool-dev"), false);
    QSignalSpy finished(call.get(), &ApiCall::finished);
    QSignalSpy retrying(call.get(), &ApiCall::retrying);
    call->start();
    QVERIFY(waitFor(call.get(), finished));
    QCOMPARE(finished.count(), 1);
    QVERIFY(!call->succeeded());
    QCOMPARE(retrying.count(), 0);
    QCOMPARE(m_network->requestCount(), 1);
    QCOMPARE(call->attempts(), 1);
}

void TestDecommissionCalls::writesSucceedOnEmptyAnswers()
{
    auto client = makeClient();
    m_network->setHandler([](const RecordedRequest &request, int) {
        return FakeResponse::json(request.method == "POST" ? 200 : 204, {});
    });

    SetMaintenanceModeCall maintenance(client.get(), ids(100), false);
    QSignalSpy maintenanceDone(&maintenance, &ApiCall::finished);
    maintenance.start();
    QVERIFY(waitFor(&maintenance, maintenanceDone));
    QVERIFY2(maintenance.succeeded(), qPrintable(maintenance.error().summary()));
    QCOMPARE(m_network->lastRequest().method, QByteArray("PUT"));
    QCOMPARE(m_network->lastRequest().url.path(), QStringLiteral("/v2/proj-1/desktops/maintenance-mode"));
    QCOMPARE(m_network->lastRequest().body, maintenance.requestBody());
    QCOMPARE(m_network->lastRequest().header("Content-Type"), QByteArray("application/json"));

    LogoffDesktopsCall logoff(client.get(), ids(3), QStringLiteral("Your desktop is retired tonight."));
    QSignalSpy logoffDone(&logoff, &ApiCall::finished);
    logoff.start();
    QVERIFY(waitFor(&logoff, logoffDone));
    QVERIFY(logoff.succeeded());
    QCOMPARE(m_network->lastRequest().method, QByteArray("POST"));
    QCOMPARE(m_network->lastRequest().url.path(), QStringLiteral("/v2/proj-1/desktops/logoff"));
    const QJsonObject sent = QJsonDocument::fromJson(m_network->lastRequest().body).object();
    QCOMPARE(sent.value(QLatin1String("message")).toString(), QStringLiteral("Your desktop is retired tonight."));
    QCOMPARE(sent.value(QLatin1String("desktop_ids")).toArray().size(), 3);

    UpdatePoolAutoscaleCall pool(client.get(), QStringLiteral("pool-dev"), false);
    QSignalSpy poolDone(&pool, &ApiCall::finished);
    pool.start();
    QVERIFY(waitFor(&pool, poolDone));
    QVERIFY(pool.succeeded());
    QCOMPARE(m_network->lastRequest().url.path(), QStringLiteral("/v2/proj-1/desktop-pools/pool-dev"));
    QCOMPARE(m_network->lastRequest().body, QByteArray("{\"enable_autoscale\":false}"));

    // A 2xx whose body is not an answer of these calls is not taken as success.
    m_network->setResponses({FakeResponse::json(200, fixture("proxy-error.html"))});
    SetMaintenanceModeCall garbled(client.get(), ids(1), true);
    QSignalSpy garbledDone(&garbled, &ApiCall::finished);
    garbled.start();
    QVERIFY(waitFor(&garbled, garbledDone));
    QCOMPARE(garbled.error().kind, ApiError::Kind::InvalidResponse);
    QVERIFY(garbled.error().isAmbiguous());
}

QTEST_GUILESS_MAIN(TestDecommissionCalls)
#include "tst_decommissioncalls.moc"
