// The calls a retirement needs: request shapes (paths, methods, bodies, limits), validation before
// anything is sent, and their answers read from fixtures shaped like the documented ones.
#include "api/apiclient.h"
#include "api/retirementcalls.h"
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
const QDateTime kNow(QDate(2026, 12, 7), QTime(9, 30, 0), QTimeZone::utc());

QByteArray fixture(const char* name)
{
    QFile file(QStringLiteral(WORKSPACE_TEST_DATA_DIR "/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

QStringList ids(int count)
{
    QStringList result;
    for (int i = 0; i < count; ++i)
        result.append(QStringLiteral("d-%1").arg(i));
    return result;
}

QList<DesktopTag> tags(int count)
{
    QList<DesktopTag> result;
    for (int i = 0; i < count; ++i)
        result.append(DesktopTag { QStringLiteral("k%1").arg(i), QStringLiteral("v") });
    return result;
}
} // namespace

class TestRetirementCalls : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();

    void tagRules_data();
    void tagRules();
    void tagCallsSendTheDocumentedShape_data();
    void tagCallsSendTheDocumentedShape();
    void invalidTagRequestsAreNotSent_data();
    void invalidTagRequestsAreNotSent();
    void powerActionSendsTheDocumentedShape();
    void powerActionAnswers_data();
    void powerActionAnswers();
    void powerActionIsSentOnceAndNeverRetried();
    void loginRecordsFixture();
    void loginRecordsRejectWhatTheyCannotUse_data();
    void loginRecordsRejectWhatTheyCannotUse();
    void loginRecordsListingPagesWithThePeriod();
    void loginRecordsNeedAPeriod();

private:
    std::unique_ptr<ApiClient> makeClient();
    QList<RecordedRequest> runToEnd(ApiCall* call);

    std::unique_ptr<FakeNetworkAccessManager> m_network;
    ClientConfig m_config;
};

void TestRetirementCalls::init()
{
    m_network = std::make_unique<FakeNetworkAccessManager>();
    m_config = ClientConfig();
    m_config.endpoint = QUrl(QStringLiteral("https://workspace.cn-north-4.myhuaweicloud.com"));
    m_config.projectId = QStringLiteral("proj-1");
    m_config.retry.maxAttempts = 3;
    m_config.retry.initialDelayMs = 1;
    m_config.retry.maxDelayMs = 5;
}

std::unique_ptr<ApiClient> TestRetirementCalls::makeClient()
{
    return clientFor(m_network.get(), m_config,
        Credentials { QStringLiteral("TESTAK"), QStringLiteral("secret"), {} }, kNow);
}

QList<RecordedRequest> TestRetirementCalls::runToEnd(ApiCall* call)
{
    QSignalSpy finished(call, &ApiCall::finished);
    call->start();
    if (finished.isEmpty())
        finished.wait(5000);
    [&] { QCOMPARE(finished.count(), 1); }();
    return m_network->requests();
}

void TestRetirementCalls::tagRules_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("the tool's key and a date")
        << QStringLiteral("workspace-admin-retire-after") << QStringLiteral("2027-01-06") << true;
    QTest::newRow("letters of any language")
        << QStringLiteral("部门") << QStringLiteral("财务 二") << true;
    QTest::newRow("documented punctuation")
        << QStringLiteral("a_b.c:d=e+f-g@h") << QString() << true;
    QTest::newRow("empty key") << QString() << QStringLiteral("v") << false;
    QTest::newRow("key of 129") << QString(129, QLatin1Char('k')) << QString() << false;
    QTest::newRow("key of 128") << QString(128, QLatin1Char('k')) << QString() << true;
    QTest::newRow("value of 44") << QStringLiteral("k") << QString(44, QLatin1Char('v')) << false;
    QTest::newRow("system prefix") << QStringLiteral("_sys_enterprise") << QString() << false;
    QTest::newRow("leading space") << QStringLiteral(" k") << QString() << false;
    QTest::newRow("trailing space in value")
        << QStringLiteral("k") << QStringLiteral("v ") << false;
    QTest::newRow("slash") << QStringLiteral("a/b") << QString() << false;
    QTest::newRow("comma in value") << QStringLiteral("k") << QStringLiteral("a,b") << false;
    QTest::newRow("control character") << QStringLiteral("k\x01") << QString() << false;
}

void TestRetirementCalls::tagRules()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(bool, allowed);
    const QString problem = RetirementJson::tagProblem(DesktopTag { key, value });
    QCOMPARE(problem.isEmpty(), allowed);
}

void TestRetirementCalls::tagCallsSendTheDocumentedShape_data()
{
    QTest::addColumn<int>("change");
    QTest::addColumn<QByteArray>("method");
    QTest::newRow("add") << int(BatchDesktopTagsCall::Change::Add) << QByteArray("POST");
    QTest::newRow("remove: a DELETE with a body")
        << int(BatchDesktopTagsCall::Change::Remove) << QByteArray("DELETE");
}

void TestRetirementCalls::tagCallsSendTheDocumentedShape()
{
    QFETCH(int, change);
    QFETCH(QByteArray, method);
    m_network->setHandler([](const RecordedRequest&, int) { return FakeResponse::json(204, {}); });
    auto client = makeClient();
    BatchDesktopTagsCall call(client.get(), BatchDesktopTagsCall::Change(change),
        { QStringLiteral("d-1"), QStringLiteral("d-2") },
        { DesktopTag {
            QStringLiteral("workspace-admin-retire-after"), QStringLiteral("2027-01-06") } });
    const QList<RecordedRequest> sent = runToEnd(&call);
    QVERIFY2(call.succeeded(), qPrintable(call.error().summary()));
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().method, method);
    QCOMPARE(sent.first().url.path(), QStringLiteral("/v2/proj-1/desktops/batch-tags"));
    QCOMPARE(sent.first().header("content-type"), QByteArray("application/json"));
    const QJsonObject body = QJsonDocument::fromJson(sent.first().body).object();
    const QJsonArray desktops = body.value(QStringLiteral("desktops")).toArray();
    QCOMPARE(desktops.size(), 2);
    const QJsonObject first = desktops.first().toObject();
    QCOMPARE(first.value(QStringLiteral("desktop_id")).toString(), QStringLiteral("d-1"));
    const QJsonArray tagArray = first.value(QStringLiteral("tags")).toArray();
    QCOMPARE(tagArray.size(), 1);
    QCOMPARE(tagArray.first().toObject().value(QStringLiteral("key")).toString(),
        QStringLiteral("workspace-admin-retire-after"));
    QCOMPARE(tagArray.first().toObject().value(QStringLiteral("value")).toString(),
        QStringLiteral("2027-01-06"));
}

void TestRetirementCalls::invalidTagRequestsAreNotSent_data()
{
    QTest::addColumn<QStringList>("desktopIds");
    QTest::addColumn<QList<DesktopTag>>("tagList");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no desktop") << QStringList() << tags(1) << QStringLiteral("1 to 100 desktops");
    QTest::newRow("101 desktops") << ids(101) << tags(1) << QStringLiteral("1 to 100 desktops");
    QTest::newRow("no tag") << ids(1) << QList<DesktopTag>() << QStringLiteral("1 to 20 tags");
    QTest::newRow("21 tags") << ids(1) << tags(21) << QStringLiteral("1 to 20 tags");
    QTest::newRow("a desktop twice") << QStringList { QStringLiteral("d"), QStringLiteral("d") }
                                     << tags(1) << QStringLiteral("twice");
    QTest::newRow("a key twice") << ids(
        1) << QList<DesktopTag> { { QStringLiteral("k"), {} }, { QStringLiteral("k"), {} } }
                                 << QStringLiteral("twice");
    QTest::newRow("a bad key") << ids(1) << QList<DesktopTag> { { QStringLiteral("a/b"), {} } }
                               << QStringLiteral("key");
}

void TestRetirementCalls::invalidTagRequestsAreNotSent()
{
    QFETCH(QStringList, desktopIds);
    QFETCH(QList<DesktopTag>, tagList);
    QFETCH(QString, expected);
    auto client = makeClient();
    BatchDesktopTagsCall call(client.get(), BatchDesktopTagsCall::Change::Add, desktopIds, tagList);
    const QList<RecordedRequest> sent = runToEnd(&call);
    QVERIFY(sent.isEmpty());
    QVERIFY(!call.succeeded());
    QVERIFY2(call.error().summary().contains(expected), qPrintable(call.error().summary()));
}

void TestRetirementCalls::powerActionSendsTheDocumentedShape()
{
    m_network->setHandler([](const RecordedRequest&, int) {
        return FakeResponse::json(200, QByteArrayLiteral("{\"job_id\":\"job-1\"}"));
    });
    auto client = makeClient();
    BatchPowerActionCall call(client.get(), ids(100), PowerOperation::Stop);
    const QList<RecordedRequest> sent = runToEnd(&call);
    QVERIFY2(call.succeeded(), qPrintable(call.error().summary()));
    QCOMPARE(call.result().jobId, QStringLiteral("job-1"));
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().method, QByteArray("POST"));
    QCOMPARE(sent.first().url.path(), QStringLiteral("/v2/proj-1/desktops/action"));
    const QJsonObject body = QJsonDocument::fromJson(sent.first().body).object();
    QCOMPARE(body.value(QStringLiteral("op_type")).toString(), QStringLiteral("os-stop"));
    QCOMPARE(body.value(QStringLiteral("type")).toString(), QStringLiteral("SOFT"));
    QCOMPARE(body.value(QStringLiteral("desktop_ids")).toArray().size(), 100);

    BatchPowerActionCall tooMany(client.get(), ids(101), PowerOperation::Start);
    QCOMPARE(runToEnd(&tooMany).size(), 1); // nothing more was sent
    QVERIFY(!tooMany.succeeded());
    QCOMPARE(RetirementJson::powerOperationName(PowerOperation::Start), QStringLiteral("os-start"));
    QCOMPARE(RetirementJson::powerOperationName(PowerOperation::Hibernate),
        QStringLiteral("os-hibernate"));
}

void TestRetirementCalls::powerActionAnswers_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("readable");
    QTest::addColumn<QString>("jobId");
    QTest::addColumn<int>("failures");
    QTest::newRow("fixture") << fixture("power-action-accepted.json") << true
                             << QStringLiteral("a7f2c6e1-5b2d-4d0c-9f7e-2a1b3c4d5e6f") << 1;
    QTest::newRow("empty body") << QByteArray() << true << QString() << 0;
    QTest::newRow("no job named") << QByteArray("{}") << true << QString() << 0;
    QTest::newRow("unusable job id")
        << QByteArray("{\"job_id\":\"../x\"}") << false << QString() << 0;
    QTest::newRow("failures not a list")
        << QByteArray("{\"failed_operation_list\":{}}") << false << QString() << 0;
    QTest::newRow("failure without desktop")
        << QByteArray("{\"failed_operation_list\":[{\"error_code\":\"x\"}]}") << false << QString()
        << 0;
    QTest::newRow("not JSON") << QByteArray("<html>") << false << QString() << 0;
}

void TestRetirementCalls::powerActionAnswers()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, readable);
    QFETCH(QString, jobId);
    QFETCH(int, failures);
    QString error;
    const std::optional<PowerActionAnswer> answer
        = RetirementJson::parsePowerActionAnswer(body, &error);
    QCOMPARE(answer.has_value(), readable);
    if (!readable) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QCOMPARE(answer->jobId, jobId);
    QCOMPARE(answer->failures.size(), failures);
    if (failures > 0) {
        QCOMPARE(answer->failures.first().desktopId, QStringLiteral("d-2"));
        QCOMPARE(answer->failures.first().errorCode, QStringLiteral("WKS.00010032"));
    }
}

void TestRetirementCalls::powerActionIsSentOnceAndNeverRetried()
{
    m_network->setHandler([](const RecordedRequest&, int) { return FakeResponse::json(503, {}); });
    auto client = makeClient();
    BatchPowerActionCall call(client.get(), ids(2), PowerOperation::Stop);
    QCOMPARE(runToEnd(&call).size(), 1);
    QVERIFY(!call.succeeded());
}

void TestRetirementCalls::loginRecordsFixture()
{
    QString error;
    const std::optional<LoginRecordPage> page
        = RetirementJson::parseLoginRecordPage(fixture("login-records-page.json"), &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->totalCount, 3);
    QCOMPARE(page->records.size(), 3);
    const LoginRecord& alice = page->records.first();
    QCOMPARE(alice.userName, QStringLiteral("alice"));
    QCOMPARE(alice.computerName, QStringLiteral("WKS-FIN-00001"));
    QCOMPARE(alice.sid, QStringLiteral("S-1-5-21-1"));
    QCOMPARE(alice.connectionStart, QDateTime(QDate(2026, 11, 20), QTime(8, 1), QTimeZone::utc()));
    QCOMPARE(alice.connectionEnd, QDateTime(QDate(2026, 11, 20), QTime(17, 30), QTimeZone::utc()));
    QVERIFY(!page->records.at(1).connectionEnd.isValid()); // still connected, or not said
    QVERIFY(!page->records.at(2).connectionStart.isValid());
}

void TestRetirementCalls::loginRecordsRejectWhatTheyCannotUse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not JSON") << QByteArray("{");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("neither records nor count") << QByteArray("{\"error_code\":\"x\"}");
    QTest::newRow("records not a list") << QByteArray("{\"total_count\":1,\"records\":{}}");
    QTest::newRow("record not an object") << QByteArray("{\"total_count\":1,\"records\":[1]}");
    QTest::newRow("negative count") << QByteArray("{\"total_count\":-1,\"records\":[]}");
    QTest::newRow("fractional count") << QByteArray("{\"total_count\":1.5,\"records\":[]}");
}

void TestRetirementCalls::loginRecordsRejectWhatTheyCannotUse()
{
    QFETCH(QByteArray, body);
    QString error;
    QVERIFY(!RetirementJson::parseLoginRecordPage(body, &error));
    QVERIFY(!error.isEmpty());
}

void TestRetirementCalls::loginRecordsListingPagesWithThePeriod()
{
    static constexpr int kRecords = 130;
    m_network->setHandler([](const RecordedRequest& request, int) {
        const QUrlQuery query(request.url);
        const int offset = query.queryItemValue(QStringLiteral("offset")).toInt();
        const int limit = query.queryItemValue(QStringLiteral("limit")).toInt();
        QJsonArray records;
        for (int i = offset; i < std::min(kRecords, offset + limit); ++i)
            records.append(
                QJsonObject { { QStringLiteral("user_name"), QStringLiteral("u%1").arg(i) },
                    { QStringLiteral("computer_name"), QStringLiteral("WKS-%1").arg(i) },
                    { QStringLiteral("connection_start_time"),
                        QStringLiteral("2026-12-01T10:00:00Z") } });
        const QJsonObject body { { QStringLiteral("total_count"), kRecords },
            { QStringLiteral("records"), records } };
        return FakeResponse::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
    });
    auto client = makeClient();
    LoginRecordQuery query { QDateTime(QDate(2026, 11, 7), QTime(0, 0), QTimeZone::utc()), kNow, {},
        {} };
    ListAllLoginRecordsCall listing(client.get(), query);
    QSignalSpy finished(&listing, &PagedListingCall::finished);
    listing.start();
    QVERIFY(finished.wait(5000));
    QVERIFY2(listing.isComplete(), qPrintable(listing.error().summary()));
    QCOMPARE(listing.records().size(), kRecords);
    const QList<RecordedRequest> sent = m_network->requests();
    QCOMPARE(sent.size(), 2);
    QCOMPARE(sent.first().url.path(), QStringLiteral("/v2/proj-1/connections/desktops"));
    const QUrlQuery first(sent.first().url);
    QCOMPARE(first.queryItemValue(QStringLiteral("start_time"), QUrl::FullyDecoded),
        QStringLiteral("2026-11-07T00:00Z"));
    QCOMPARE(first.queryItemValue(QStringLiteral("end_time"), QUrl::FullyDecoded),
        QStringLiteral("2026-12-07T09:30Z"));
    QCOMPARE(first.queryItemValue(QStringLiteral("limit")), QStringLiteral("100"));
}

void TestRetirementCalls::loginRecordsNeedAPeriod()
{
    auto client = makeClient();
    ListLoginRecordsPageCall noPeriod(client.get(), LoginRecordQuery {}, 0, 100);
    QVERIFY(runToEnd(&noPeriod).isEmpty());
    QVERIFY(!noPeriod.succeeded());
    ListLoginRecordsPageCall backwards(
        client.get(), LoginRecordQuery { kNow, kNow.addDays(-1), {}, {} }, 0, 100);
    QVERIFY(runToEnd(&backwards).isEmpty());
    QVERIFY(!backwards.succeeded());
}

QTEST_GUILESS_MAIN(TestRetirementCalls)
#include "tst_retirementcalls.moc"
