#include "api/apicalls.h"
#include "api/apiclient.h"
#include "api/decommissioncalls.h"
#include "api/sendoncebody.h"
#include "callfactory.h"
#include "droppingserver.h"
#include "fakeclient.h"
#include "fakenetworkaccessmanager.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <memory>

// A request that changes something reaches the service at most once: Qt's HTTP layer re-sends a
// request on a new connection when the old one drops before the answer, and these tests pin that
// the app's body device refuses the re-send for every changing call (the call then ends with an
// unknown outcome), while a request that never left still goes out on a fresh connection, and GETs
// keep their retries.
class TestExactlyOnce : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void bodyRewindsOnlyBeforeAByteLeft();
    void changingRequestsGoOutAsOneHttp1BodyThatCannotRepeat();
    void droppedAfterReadingIsSentOnceAndUnknown_data();
    void droppedAfterReadingIsSentOnceAndUnknown();
    void idleConnectionClosedBeforeAChangeIsNoFalseUnknown_data();
    void idleConnectionClosedBeforeAChangeIsNoFalseUnknown();
    void changeWithoutBodyIsRefusedBeforeSending();
    void getIsStillRetriedAfterADrop();

private:
    std::unique_ptr<ApiClient> clientOf(QNetworkAccessManager *network, const QUrl &endpoint) const;

    ClientConfig m_config;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

namespace {
// Every call in app/api whose method changes state. A new one belongs here.
void addChangingCalls()
{
    QTest::addColumn<CallFactory>("makeCall");
    QTest::addColumn<QByteArray>("method");
    const QStringList ids { QStringLiteral("d-1"), QStringLiteral("d-2") };
    QTest::newRow("batch-delete") << CallFactory([ids](ApiClient *client) -> std::unique_ptr<ApiCall> {
        return std::make_unique<BatchDeleteCall>(client, ids, BatchDeleteOptions {});
    }) << QByteArray("POST");
    QTest::newRow("maintenance on") << CallFactory([ids](ApiClient *client) -> std::unique_ptr<ApiCall> {
        return std::make_unique<SetMaintenanceModeCall>(client, ids, true);
    }) << QByteArray("PUT");
    QTest::newRow("maintenance off") << CallFactory([ids](ApiClient *client) -> std::unique_ptr<ApiCall> {
        return std::make_unique<SetMaintenanceModeCall>(client, ids, false);
    }) << QByteArray("PUT");
    QTest::newRow("log-off") << CallFactory([ids](ApiClient *client) -> std::unique_ptr<ApiCall> {
        return std::make_unique<LogoffDesktopsCall>(client, ids, QStringLiteral("Saving your work is advised."));
    }) << QByteArray("POST");
    QTest::newRow("pool autoscale") << CallFactory([](ApiClient *client) -> std::unique_ptr<ApiCall> {
        return std::make_unique<UpdatePoolAutoscaleCall>(client, QStringLiteral("pool-1"), false);
    }) << QByteArray("PUT");
}

// The answer a changing call can read: batch-delete wants a job id, the others nothing.
QByteArray answerFor(const DroppingServer::Received &request)
{
    return request.url.path().endsWith(QLatin1String("batch-delete")) ? QByteArray("{\"job_id\":\"job-1\"}")
                                                                      : QByteArray("{}");
}
} // namespace

void TestExactlyOnce::init()
{
    m_network = std::make_unique<QNetworkAccessManager>();
    m_config = ClientConfig();
    m_config.projectId = QStringLiteral("p");
    m_config.transferTimeoutMs = 10000;
    m_config.retry.maxAttempts = 2;
    m_config.retry.initialDelayMs = 1;
    m_config.retry.maxDelayMs = 5;
}

std::unique_ptr<ApiClient> TestExactlyOnce::clientOf(QNetworkAccessManager *network, const QUrl &endpoint) const
{
    ClientConfig config = m_config;
    config.endpoint = endpoint;
    return clientFor(network, config, Credentials { QStringLiteral("AK"), QStringLiteral("SK"), {} });
}

void TestExactlyOnce::bodyRewindsOnlyBeforeAByteLeft()
{
    SendOnceBody body(QByteArrayLiteral("{\"a\":1}"));
    QVERIFY(body.isOpen());
    QVERIFY(!body.isSequential()); // a sequential device would be copied into a buffer that rewinds
    QCOMPARE(body.size(), 7);
    QVERIFY(body.reset()); // nothing has left: a fresh connection may still carry it
    QVERIFY(body.seek(0));
    QVERIFY(!body.seek(3)); // only back to the start
    char first = 0;
    QCOMPARE(body.read(&first, 1), 1);
    QCOMPARE(first, '{');
    QVERIFY(body.anyByteHandedOut());
    QVERIFY(!body.reset());
    QVERIFY(!body.seek(0));
    QCOMPARE(body.refusedRewinds(), 2);
    QVERIFY(body.seek(1)); // where it is: no rewind
    QCOMPARE(body.readAll(), QByteArray("\"a\":1}"));
    QVERIFY(body.atEnd());
}

void TestExactlyOnce::changingRequestsGoOutAsOneHttp1BodyThatCannotRepeat()
{
    FakeNetworkAccessManager network([](const RecordedRequest &) { return FakeResponse::json(200, "{}"); });
    auto client = clientOf(&network, QUrl(QStringLiteral("https://workspace.example.com")));
    SetMaintenanceModeCall change(client.get(), { QStringLiteral("d-1") }, true);
    QSignalSpy changed(&change, &ApiCall::finished);
    change.start();
    QVERIFY(changed.wait());
    ShowJobCall read(client.get(), QStringLiteral("j"));
    QSignalSpy readDone(&read, &ApiCall::finished);
    read.start();
    QVERIFY(readDone.wait());
    QCOMPARE(network.requestCount(), 2);
    const RecordedRequest &put = network.requests().at(0);
    QCOMPARE(put.method, QByteArray("PUT"));
    QCOMPARE(put.body, QByteArray("{\"desktop_ids\":[\"d-1\"],\"in_maintenance_mode\":true}"));
    QCOMPARE(put.request.attribute(QNetworkRequest::Http2AllowedAttribute).toBool(), false);
    // A GET keeps Qt's default: HTTP/2 where the server offers it.
    QVERIFY(!network.requests().at(1).request.attribute(QNetworkRequest::Http2AllowedAttribute).isValid());
}

void TestExactlyOnce::droppedAfterReadingIsSentOnceAndUnknown_data()
{
    addChangingCalls();
}

void TestExactlyOnce::droppedAfterReadingIsSentOnceAndUnknown()
{
    QFETCH(CallFactory, makeCall);
    QFETCH(QByteArray, method);
    DroppingServer server;
    QVERIFY(server.listen());
    server.setRule([](const DroppingServer::Received &) {
        return DroppingServer::Reaction { DroppingServer::Reaction::Kind::Drop, 0, {} };
    });
    auto client = clientOf(m_network.get(), server.endpoint());
    std::unique_ptr<ApiCall> call = makeCall(client.get());
    QSignalSpy finished(call.get(), &ApiCall::finished);
    QSignalSpy retrying(call.get(), &ApiCall::retrying);
    call->start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.count(), 1);
    // Qt gave up when the body could not be rewound, instead of sending a second copy.
    QCOMPARE(server.received().size(), 1);
    QCOMPARE(server.received().constFirst().method, method);
    QVERIFY(!server.received().constFirst().body.isEmpty());
    QCOMPARE(call->error().networkError, int(QNetworkReply::ContentReSendError));
    QCOMPARE(call->error().kind, ApiError::Kind::Network);
    QVERIFY(call->error().isAmbiguous()); // outcome unknown, never a definite failure
    QCOMPARE(call->attempts(), 1);
    QCOMPARE(retrying.count(), 0);
}

void TestExactlyOnce::idleConnectionClosedBeforeAChangeIsNoFalseUnknown_data()
{
    addChangingCalls();
}

void TestExactlyOnce::idleConnectionClosedBeforeAChangeIsNoFalseUnknown()
{
    QFETCH(CallFactory, makeCall);
    DroppingServer server;
    QVERIFY(server.listen());
    // The first request is answered on a keep-alive connection that the server then closes.
    server.setRule([&server](const DroppingServer::Received &request) {
        const auto kind = server.received().size() == 1 ? DroppingServer::Reaction::Kind::AnswerThenCloseIdle
                                                        : DroppingServer::Reaction::Kind::AnswerKeepAlive;
        return DroppingServer::Reaction { kind, 200, answerFor(request) };
    });
    QSignalSpy closedByClient(&server, &DroppingServer::closedByClient);
    auto client = clientOf(m_network.get(), server.endpoint());
    std::unique_ptr<ApiCall> first = makeCall(client.get());
    QSignalSpy firstDone(first.get(), &ApiCall::finished);
    first->start();
    QVERIFY(firstDone.wait());
    QVERIFY2(first->succeeded(), qPrintable(first->error().summary()));
    QVERIFY(closedByClient.count() == 1 || closedByClient.wait());

    std::unique_ptr<ApiCall> second = makeCall(client.get());
    QSignalSpy secondDone(second.get(), &ApiCall::finished);
    second->start();
    QVERIFY(secondDone.wait());
    QVERIFY2(second->succeeded(), qPrintable(second->error().summary()));
    QCOMPARE(server.received().size(), 2);
    QCOMPARE(server.received().at(1).connection, 2); // on a fresh connection, once
}

void TestExactlyOnce::changeWithoutBodyIsRefusedBeforeSending()
{
    // A body-less changing request could not be kept from repeating: ApiClient's guard needs a
    // body to refuse the rewind. No call sends one; should one ever try, nothing goes out.
    class BodilessChange : public ApiCallOf<NoResult>
    {
    public:
        explicit BodilessChange(ApiClient *client)
            : ApiCallOf(client, QByteArrayLiteral("DELETE"), nullptr)
        {
        }

    protected:
        QUrl url() const override { return client()->urlFor(QStringLiteral("desktops/d-1")); }
        Parser parser() const override
        {
            return [](const QByteArray &, QString *) { return std::optional<NoResult>(NoResult {}); };
        }
    };
    FakeNetworkAccessManager network;
    auto client = clientOf(&network, QUrl(QStringLiteral("https://workspace.example.com")));
    BodilessChange call(client.get());
    QSignalSpy finished(&call, &ApiCall::finished);
    call.start();
    QVERIFY(finished.wait());
    QCOMPARE(call.error().kind, ApiError::Kind::Configuration);
    QCOMPARE(network.requestCount(), 0);
}

void TestExactlyOnce::getIsStillRetriedAfterADrop()
{
    DroppingServer server;
    QVERIFY(server.listen());
    server.setRule([](const DroppingServer::Received &) {
        return DroppingServer::Reaction { DroppingServer::Reaction::Kind::Drop, 0, {} };
    });
    auto client = clientOf(m_network.get(), server.endpoint());
    ShowJobCall call(client.get(), QStringLiteral("j"));
    QSignalSpy finished(&call, &ApiCall::finished);
    QSignalSpy retrying(&call, &ApiCall::retrying);
    call.start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(call.error().networkError, int(QNetworkReply::RemoteHostClosedError));
    QCOMPARE(call.attempts(), 2);
    QCOMPARE(retrying.count(), 1);
    // Each attempt may also be repeated by Qt itself: a GET changes nothing.
    QVERIFY(server.receivedCount("GET") >= 2);
}

QTEST_GUILESS_MAIN(TestExactlyOnce)
#include "tst_exactlyonce.moc"
