#include "fakenetworkaccessmanager.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

// The fake network other test areas build on: it must behave like a real reply where the code
// under test can tell the difference.
class TestFakeNetworkAccessManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordsRequestsAndAnswersAsynchronously();
    void httpErrorsCarryQtsNetworkError_data();
    void httpErrorsCarryQtsNetworkError();
    void transportFailureHasNoStatus();
    void hangingReplyEndsOnlyWhenAborted();
    void delayedDelivery();
    void responsesInSequence();
};

void TestFakeNetworkAccessManager::recordsRequestsAndAnswersAsynchronously()
{
    FakeNetworkAccessManager network;
    network.setHandler([](const RecordedRequest &request, int index) {
        return FakeResponse::json(201, "{\"echo\":\"" + request.body + "\",\"index\":" + QByteArray::number(index) + '}',
                                  "req-1");
    });
    QNetworkRequest request(QUrl(QStringLiteral("https://example.test/a?b=1")));
    request.setRawHeader("X-Custom", "value");
    QSignalSpy received(&network, &FakeNetworkAccessManager::requestReceived);
    QNetworkReply *reply = network.sendCustomRequest(request, "PATCH", QByteArrayLiteral("payload"));
    QCOMPARE(received.count(), 1);
    QVERIFY(!reply->isFinished()); // nothing arrives before the caller could connect
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait());
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
    QCOMPARE(reply->rawHeader("X-Request-Id"), QByteArrayLiteral("req-1"));
    QCOMPARE(reply->readAll(), QByteArrayLiteral("{\"echo\":\"payload\",\"index\":0}"));

    QCOMPARE(network.requestCount(), 1);
    const RecordedRequest &recorded = network.lastRequest();
    QCOMPARE(recorded.method, QByteArrayLiteral("PATCH"));
    QCOMPARE(recorded.url, request.url());
    QCOMPARE(recorded.header("x-custom"), QByteArrayLiteral("value"));
    QVERIFY(!recorded.hasHeader("X-Missing"));
    QCOMPARE(recorded.body, QByteArrayLiteral("payload"));
    QCOMPARE(network.countRequests("PATCH"), 1);
    QCOMPARE(network.countRequests("GET"), 0);

    QNetworkReply *get = network.get(request);
    QSignalSpy getFinished(get, &QNetworkReply::finished);
    QVERIFY(getFinished.wait());
    QCOMPARE(network.lastRequest().method, QByteArrayLiteral("GET"));
    QVERIFY(get->readAll().contains("\"index\":1"));
    delete reply;
    delete get;
}

void TestFakeNetworkAccessManager::httpErrorsCarryQtsNetworkError_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QNetworkReply::NetworkError>("error");
    QTest::newRow("400") << 400 << QNetworkReply::ProtocolInvalidOperationError;
    QTest::newRow("401") << 401 << QNetworkReply::AuthenticationRequiredError;
    QTest::newRow("404") << 404 << QNetworkReply::ContentNotFoundError;
    QTest::newRow("429") << 429 << QNetworkReply::UnknownContentError;
    QTest::newRow("500") << 500 << QNetworkReply::InternalServerError;
    QTest::newRow("502") << 502 << QNetworkReply::UnknownServerError;
    QTest::newRow("202") << 202 << QNetworkReply::NoError;
}

void TestFakeNetworkAccessManager::httpErrorsCarryQtsNetworkError()
{
    QFETCH(int, status);
    QFETCH(QNetworkReply::NetworkError, error);
    FakeNetworkAccessManager network;
    network.setResponses({FakeResponse::json(status, QByteArrayLiteral("{}"))});
    QNetworkReply *reply = network.get(QNetworkRequest(QUrl(QStringLiteral("https://example.test"))));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QSignalSpy errors(reply, &QNetworkReply::errorOccurred);
    QVERIFY(finished.wait());
    QCOMPARE(reply->error(), error);
    QCOMPARE(errors.count(), error == QNetworkReply::NoError ? 0 : 1);
    QCOMPARE(reply->readAll(), QByteArrayLiteral("{}")); // the error body stays readable
    delete reply;
}

void TestFakeNetworkAccessManager::transportFailureHasNoStatus()
{
    FakeNetworkAccessManager network;
    network.setResponses({FakeResponse::failure(QNetworkReply::ConnectionRefusedError,
                                                QStringLiteral("Connection refused"))});
    QNetworkReply *reply = network.get(QNetworkRequest(QUrl(QStringLiteral("https://example.test"))));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait());
    QCOMPARE(reply->error(), QNetworkReply::ConnectionRefusedError);
    QCOMPARE(reply->errorString(), QStringLiteral("Connection refused"));
    QVERIFY(!reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid());
    delete reply;
}

void TestFakeNetworkAccessManager::hangingReplyEndsOnlyWhenAborted()
{
    FakeNetworkAccessManager network;
    network.setResponses({FakeResponse::hanging(), FakeResponse::json(200, QByteArrayLiteral("{}"))});
    QNetworkReply *reply = network.get(QNetworkRequest(QUrl(QStringLiteral("https://example.test"))));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    // A reply asked for later has been delivered: the hanging one would have been by then.
    std::unique_ptr<QNetworkReply> later(network.get(QNetworkRequest(QUrl(QStringLiteral("https://example.test/later")))));
    QSignalSpy laterFinished(later.get(), &QNetworkReply::finished);
    QVERIFY(laterFinished.wait());
    QCOMPARE(finished.count(), 0);
    reply->abort();
    QCOMPARE(finished.count(), 1); // synchronously, like Qt's replies
    QCOMPARE(reply->error(), QNetworkReply::OperationCanceledError);
    QVERIFY(network.replies().constFirst()->wasAborted());
    reply->abort();
    QCOMPARE(finished.count(), 1);
    delete reply;
    QVERIFY(network.replies().constFirst().isNull());
}

void TestFakeNetworkAccessManager::delayedDelivery()
{
    FakeNetworkAccessManager network;
    FakeResponse slow = FakeResponse::json(200, QByteArrayLiteral("{}"));
    slow.deliveryDelayMs = 20;
    network.setResponses({slow});
    QNetworkReply *reply = network.get(QNetworkRequest(QUrl(QStringLiteral("https://example.test"))));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(finished.wait());
    QVERIFY(timer.elapsed() >= 15);
    delete reply;
}

void TestFakeNetworkAccessManager::responsesInSequence()
{
    FakeNetworkAccessManager network;
    network.setResponses({FakeResponse::json(503, {}), FakeResponse::json(200, QByteArrayLiteral("ok"))});
    QList<int> statuses;
    for (int i = 0; i < 3; ++i) {
        QNetworkReply *reply = network.get(QNetworkRequest(QUrl(QStringLiteral("https://example.test"))));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait());
        statuses.append(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
        delete reply;
    }
    QCOMPARE(statuses, (QList<int>{503, 200, 200})); // the last response repeats
    network.clear();
    QCOMPARE(network.requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestFakeNetworkAccessManager)
#include "tst_fakenetworkaccessmanager.moc"
