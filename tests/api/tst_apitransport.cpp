#include "api/apicalls.h"
#include "api/apiclient.h"
#include "fakeclient.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <functional>
#include <memory>

// The real QNetworkAccessManager against tiny loopback servers that misbehave on purpose: proves
// that Qt's transport failures come out as the typed errors the fake network stands in for.
class TestApiTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void refusedConnectionIsANetworkError();
    void silentServerTimesOut();
    void resetConnectionIsRetriedForGet();
    void resetConnectionIsNotRetriedForPost();
    void garbageInsteadOfTlsIsATlsError();
    void realHttpAnswerIsParsed();

private:
    using Behaviour = std::function<void(QTcpSocket *socket)>;
    // Starts a loopback server that treats every connection with `behaviour`; returns its port.
    quint16 serve(Behaviour behaviour);
    std::unique_ptr<ApiClient> makeClient(const QString &scheme, quint16 port);

    QNetworkAccessManager m_network;
    std::unique_ptr<QTcpServer> m_server;
    int m_connections = 0;
    ClientConfig m_config;
};

void TestApiTransport::init()
{
    m_server.reset();
    m_connections = 0;
    m_network.clearConnectionCache();
    m_config = ClientConfig();
    m_config.projectId = QStringLiteral("p");
    m_config.transferTimeoutMs = 5000;
    m_config.retry.maxAttempts = 2;
    m_config.retry.initialDelayMs = 1;
    m_config.retry.maxDelayMs = 5;
}

quint16 TestApiTransport::serve(Behaviour behaviour)
{
    m_server = std::make_unique<QTcpServer>();
    connect(m_server.get(), &QTcpServer::newConnection, this, [this, behaviour] {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            ++m_connections;
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            behaviour(socket);
        }
    });
    if (!m_server->listen(QHostAddress::LocalHost))
        qFatal("cannot listen on loopback");
    return m_server->serverPort();
}

std::unique_ptr<ApiClient> TestApiTransport::makeClient(const QString &scheme, quint16 port)
{
    m_config.endpoint = QUrl(scheme + QStringLiteral("://127.0.0.1:") + QString::number(port));
    return clientFor(&m_network, m_config, Credentials{QStringLiteral("AK"), QStringLiteral("SK"), {}});
}

void TestApiTransport::refusedConnectionIsANetworkError()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close(); // nobody listens there any more

    auto client = makeClient(QStringLiteral("http"), port);
    ShowJobCall call(client.get(), QStringLiteral("j"));
    QSignalSpy finished(&call, &ApiCall::finished);
    call.start();
    QVERIFY(finished.wait());
    QCOMPARE(call.error().kind, ApiError::Kind::Network);
    QCOMPARE(call.error().networkError, int(QNetworkReply::ConnectionRefusedError));
    QCOMPARE(call.attempts(), 1); // refused is not worth a retry
    QVERIFY(!call.error().summary().isEmpty());
}

void TestApiTransport::silentServerTimesOut()
{
    m_config.transferTimeoutMs = 100;
    const quint16 port = serve([](QTcpSocket *) {}); // accepts, never answers
    auto client = makeClient(QStringLiteral("http"), port);
    BatchDeleteCall call(client.get(), {QStringLiteral("d-1")}, BatchDeleteOptions{});
    QSignalSpy finished(&call, &ApiCall::finished);
    call.start();
    QVERIFY(finished.wait());
    QCOMPARE(call.error().kind, ApiError::Kind::Timeout);
    QVERIFY(call.error().isAmbiguous());
    QCOMPARE(m_connections, 1);
    QCOMPARE(finished.count(), 1);
}

void TestApiTransport::resetConnectionIsRetriedForGet()
{
    const quint16 port = serve([](QTcpSocket *socket) {
        // Read the request, then drop the connection without a word.
        connect(socket, &QTcpSocket::readyRead, socket, [socket] {
            socket->readAll();
            socket->abort();
        });
    });
    auto client = makeClient(QStringLiteral("http"), port);
    ShowJobCall call(client.get(), QStringLiteral("j"));
    QSignalSpy finished(&call, &ApiCall::finished);
    QSignalSpy retrying(&call, &ApiCall::retrying);
    call.start();
    QVERIFY(finished.wait());
    QCOMPARE(call.error().kind, ApiError::Kind::Network);
    QCOMPARE(call.error().networkError, int(QNetworkReply::RemoteHostClosedError));
    QCOMPARE(call.attempts(), 2);
    QCOMPARE(retrying.count(), 1);
}

void TestApiTransport::resetConnectionIsNotRetriedForPost()
{
    int requests = 0;
    const quint16 port = serve([&requests](QTcpSocket *socket) {
        connect(socket, &QTcpSocket::readyRead, socket, [socket, &requests] {
            if (socket->readAll().contains("POST"))
                ++requests;
            socket->abort();
        });
    });
    auto client = makeClient(QStringLiteral("http"), port);
    BatchDeleteCall call(client.get(), {QStringLiteral("d-1")}, BatchDeleteOptions{});
    QSignalSpy finished(&call, &ApiCall::finished);
    QSignalSpy retrying(&call, &ApiCall::retrying);
    call.start();
    QVERIFY(finished.wait());
    QCOMPARE(call.error().kind, ApiError::Kind::Network);
    QVERIFY(call.error().isAmbiguous());
    QCOMPARE(retrying.count(), 0);
    QCOMPARE(call.attempts(), 1);
    // Nor does the transport repeat it (see tst_exactlyonce): one copy reached the server.
    QCOMPARE(requests, 1);
    QCOMPARE(call.error().networkError, int(QNetworkReply::ContentReSendError));
}

void TestApiTransport::garbageInsteadOfTlsIsATlsError()
{
    const quint16 port = serve([](QTcpSocket *socket) {
        connect(socket, &QTcpSocket::readyRead, socket, [socket] {
            socket->readAll();
            socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
        });
    });
    auto client = makeClient(QStringLiteral("https"), port);
    ShowJobCall call(client.get(), QStringLiteral("j"));
    QSignalSpy finished(&call, &ApiCall::finished);
    call.start();
    QVERIFY(finished.wait());
    QCOMPARE(call.error().kind, ApiError::Kind::Tls);
    QCOMPARE(call.error().networkError, int(QNetworkReply::SslHandshakeFailedError));
    QCOMPARE(call.attempts(), 1);
}

void TestApiTransport::realHttpAnswerIsParsed()
{
    QByteArray received;
    const quint16 port = serve([&received](QTcpSocket *socket) {
        connect(socket, &QTcpSocket::readyRead, socket, [socket, &received] {
            received += socket->readAll();
            if (!received.contains("\r\n\r\n"))
                return;
            const QByteArray body = QByteArrayLiteral("{\"error_code\":\"WKS.0404\",\"error_msg\":\"gone\"}");
            socket->write("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nX-Request-Id: rid-9\r\n"
                          "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        });
    });
    auto client = makeClient(QStringLiteral("http"), port);
    ShowJobCall call(client.get(), QStringLiteral("j"));
    QSignalSpy finished(&call, &ApiCall::finished);
    call.start();
    QVERIFY(finished.wait());
    QCOMPARE(call.error().kind, ApiError::Kind::Http);
    QCOMPARE(call.error().httpStatus, 404);
    QCOMPARE(call.error().errorCode, QStringLiteral("WKS.0404"));
    QCOMPARE(call.error().requestId, QStringLiteral("rid-9"));
    // What went over the wire carries the stamped headers.
    QVERIFY(received.contains("Content-Type: application/json"));
    QVERIFY(received.contains("X-Sdk-Date: "));
    QVERIFY(received.contains("Authorization: SDK-HMAC-SHA256 Access=AK"));
    QVERIFY(received.contains(QByteArray("Host: 127.0.0.1:" + QByteArray::number(port))));
    QVERIFY(received.contains("User-Agent: workspace-admin/"));
}

QTEST_GUILESS_MAIN(TestApiTransport)
#include "tst_apitransport.moc"
