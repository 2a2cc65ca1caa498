#include "api/apicalls.h"
#include "api/apiclient.h"
#include "callfactory.h"
#include "dueevents.h"
#include "fakeclient.h"
#include "fakenetworkaccessmanager.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSemaphore>
#include <QSignalSpy>
#include <QThreadPool>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

#include <memory>

Q_DECLARE_METATYPE(FakeResponse)

namespace {
const QByteArray kAccessKey = QByteArrayLiteral("TESTAK0123456789");
const QByteArray kSecretKey = QByteArrayLiteral("test-secret-key-never-shown");
const QDateTime kNow(QDate(2026, 11, 28), QTime(8, 15, 0), QTimeZone::utc());

QByteArray errorBody(const char *code, const char *message, const char *detail = nullptr,
                     const char *encodedAuthorization = nullptr)
{
    QJsonObject body{{QStringLiteral("error_code"), QLatin1String(code)},
                     {QStringLiteral("error_msg"), QLatin1String(message)}};
    if (detail)
        body.insert(QStringLiteral("error_detail"), QLatin1String(detail));
    if (encodedAuthorization)
        body.insert(QStringLiteral("encoded_authorization_message"), QLatin1String(encodedAuthorization));
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QJsonObject desktopJson(int index)
{
    return {{QStringLiteral("desktop_id"), QStringLiteral("d-%1").arg(index)},
            {QStringLiteral("computer_name"), QStringLiteral("ws-%1").arg(index)},
            {QStringLiteral("status"), QStringLiteral("ACTIVE")}};
}

QByteArray pageBody(int total, int first, int count)
{
    QJsonArray desktops;
    for (int i = first; i < first + count; ++i)
        desktops.append(desktopJson(i));
    return QJsonDocument(QJsonObject{{QStringLiteral("total_count"), total},
                                     {QStringLiteral("desktops"), desktops}})
        .toJson(QJsonDocument::Compact);
}

// Serves `existing` desktops page by page from offset/limit, claiming `claimedTotal`.
FakeNetworkAccessManager::Handler pagingServer(int existing, int claimedTotal)
{
    return [existing, claimedTotal](const RecordedRequest &request, int) {
        const QUrlQuery query(request.url);
        const int offset = query.queryItemValue(QStringLiteral("offset")).toInt();
        const int limit = query.queryItemValue(QStringLiteral("limit")).toInt();
        const int count = std::clamp(existing - offset, 0, limit);
        return FakeResponse::json(200, pageBody(claimedTotal, offset, count),
                                  "req-page-" + QByteArray::number(offset));
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

class TestApiCalls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void everyRequestIsStampedAndSigned();
    void temporaryCredentialsSignTheToken();
    void queryValuesReachTheServerAsData();
    void batchDeleteStatusCodes_data();
    void batchDeleteStatusCodes();
    void hangingReplyTimesOut();
    void getRetriesTransientFailures_data();
    void getRetriesTransientFailures();
    void getDoesNotRetryOtherFailures_data();
    void getDoesNotRetryOtherFailures();
    void retryBacksOffExponentiallyAndGivesUp();
    void retryAfterIsHonouredAndCapped_data();
    void retryAfterIsHonouredAndCapped();
    void postIsSentExactlyOnce_data();
    void postIsSentExactlyOnce();
    void cancelFinishesOnceWithCancelled();
    void cancelDuringRetryWaitSendsNothingMore();
    void cancelFromRetryingSlotStopsTheRetry();
    void closedClientStillFinishesTheCall();
    void zeroTimeoutMeansTheDefault();
    void secondStartAndLateCancelChangeNothing();
    void invalidRequestsFinishWithoutSending_data();
    void invalidRequestsFinishWithoutSending();
    void oversizedBodyIsRefused_data();
    void oversizedBodyIsRefused();
    void tlsFailureIsTyped();
    void tlsAlwaysVerifiesAndAddsTheExtraCa();
    void caFilesLoadAsPemOrDer();
    void unreadableSuccessIsInvalidResponse();
    void showJobAndSubJobs();
    void allSubJobsPageWithoutATotalUntilAShortPage();
    void allSubJobsStopAtTheExpectedTotal();
    void listAllFollowsPagesUntilTotalCount();
    void listAllStopsAtTotalCount();
    void listAllStopsOnAnEmptyPage();
    void listAllAsksForSeveralPagesAtOnceAndReportsThemInOrder();
    void listAllStepsByTheServersPageSize();
    void pageCallCancelledOrDeletedWhileReadingIsSafe();
    void listAllCancelledMidway();
    void listAllCancelledFromPageSlot();
    void listAllErrorOnSecondPageKeepsFirst();
    void listAllCancelledBeforeStartSendsNothing();
    void errorDetailsNeverContainTheSecret();
    void whenFinishedRunsOnceThenDeletesTheCall();

private:
    std::unique_ptr<ApiClient> makeClient(Credentials credentials = {});
    static void verifySignature(const RecordedRequest &request, const QByteArray &secretKey = kSecretKey);

    std::unique_ptr<FakeNetworkAccessManager> m_network;
    ClientConfig m_config;
};

void TestApiCalls::init()
{
    m_network = std::make_unique<FakeNetworkAccessManager>();
    m_config = ClientConfig();
    m_config.endpoint = QUrl(QStringLiteral("https://workspace.cn-north-4.myhuaweicloud.com"));
    m_config.projectId = QStringLiteral("proj-1");
    m_config.transferTimeoutMs = 5000; // a failing test must not wait for the real 30 s
    // Fast, but with distinguishable values so each delay can be told apart in the signals.
    m_config.retry.maxAttempts = 3;
    m_config.retry.initialDelayMs = 2;
    m_config.retry.maxDelayMs = 40;
    m_config.retry.throttleDelayMs = 7;
    m_config.retry.throttleJitter = 0; // the random part is tested in tst_throttlebackoff
}

void TestApiCalls::cleanup()
{
    m_network.reset();
}

std::unique_ptr<ApiClient> TestApiCalls::makeClient(Credentials credentials)
{
    if (credentials.accessKey.isEmpty()) {
        credentials.accessKey = QString::fromLatin1(kAccessKey);
        credentials.secretKey = QString::fromLatin1(kSecretKey);
    }
    return clientFor(m_network.get(), m_config, credentials, kNow);
}

void TestApiCalls::verifySignature(const RecordedRequest &request, const QByteArray &secretKey)
{
    RequestSigner::Request input;
    input.method = request.method;
    input.url = request.url;
    input.body = request.body;
    for (const auto &[name, value] : request.headers) {
        if (name.compare("Authorization", Qt::CaseInsensitive) != 0)
            input.headers.append({name, value});
    }
    QCOMPARE(request.header("Authorization"),
             RequestSigner::authorization(input, kAccessKey, secretKey));
    // The gateway requires host and x-sdk-date among the signed headers.
    const QByteArray authorization = request.header("Authorization");
    QVERIFY(authorization.contains("SignedHeaders="));
    const QByteArray signedHeaders = authorization.mid(authorization.indexOf("SignedHeaders=") + 14)
                                         .split(',')
                                         .constFirst();
    const QList<QByteArray> names = signedHeaders.split(';');
    QVERIFY(names.contains("host"));
    QVERIFY(names.contains("x-sdk-date"));
    QVERIFY(names.contains("content-type"));
}

void TestApiCalls::everyRequestIsStampedAndSigned()
{
    auto client = makeClient();
    m_network->setHandler([](const RecordedRequest &request, int) {
        if (request.method == "POST")
            return FakeResponse::json(202, QByteArrayLiteral("{\"job_id\":\"job-1\"}"), "req-post");
        return FakeResponse::json(200, pageBody(1, 0, 1), "req-get");
    });

    ListDesktopsPageCall list(client.get(), DesktopQuery{}, 0, 500);
    QSignalSpy listFinished(&list, &ApiCall::finished);
    list.start();
    QVERIFY(listFinished.wait());
    QVERIFY2(list.succeeded(), qPrintable(list.error().summary()));
    QCOMPARE(list.result().desktops.size(), 1);
    QCOMPARE(list.requestId(), QStringLiteral("req-get"));

    BatchDeleteCall remove(client.get(), {QStringLiteral("d-0")}, BatchDeleteOptions{});
    QSignalSpy removeFinished(&remove, &ApiCall::finished);
    remove.start();
    QVERIFY(removeFinished.wait());
    QVERIFY2(remove.succeeded(), qPrintable(remove.error().summary()));
    QCOMPARE(remove.jobId(), QStringLiteral("job-1"));

    QCOMPARE(m_network->requestCount(), 2);
    const RecordedRequest &get = m_network->requests().at(0);
    QCOMPARE(get.method, QByteArrayLiteral("GET"));
    QCOMPARE(get.url.path(), QStringLiteral("/v2/proj-1/desktops/detail"));
    const QUrlQuery getQuery(get.url);
    QCOMPARE(getQuery.queryItemValue(QStringLiteral("offset")), QStringLiteral("0"));
    QCOMPARE(getQuery.queryItemValue(QStringLiteral("limit")), QStringLiteral("500"));
    QVERIFY(get.body.isEmpty());

    const RecordedRequest &post = m_network->requests().at(1);
    QCOMPARE(post.method, QByteArrayLiteral("POST"));
    QCOMPARE(post.url.path(), QStringLiteral("/v2/proj-1/desktops/batch-delete"));
    QCOMPARE(post.body, remove.requestBody());
    QCOMPARE(QJsonDocument::fromJson(post.body).object().value(QLatin1String("desktop_ids")).toArray(),
             QJsonArray{QStringLiteral("d-0")});

    for (const RecordedRequest &request : m_network->requests()) {
        QCOMPARE(request.header("Content-Type"), QByteArrayLiteral("application/json"));
        QVERIFY(request.header("User-Agent").startsWith("workspace-admin/" WORKSPACE_ADMIN_VERSION));
        QCOMPARE(request.header("X-Sdk-Date"), QByteArrayLiteral("20261128T081500Z"));
        QCOMPARE(request.header("Host"), QByteArrayLiteral("workspace.cn-north-4.myhuaweicloud.com"));
        QCOMPARE(request.header("X-Project-Id"), QByteArrayLiteral("proj-1"));
        QVERIFY(request.header("Authorization").startsWith(QByteArray("SDK-HMAC-SHA256 Access=" + kAccessKey + ", ")));
        QVERIFY(!request.hasHeader("X-Security-Token"));
        verifySignature(request);
    }
    // A signature made with another secret must not match: the check above can fail.
    RequestSigner::Request tampered{get.method, get.url, {}, get.body};
    for (const auto &header : get.headers) {
        if (header.first != "Authorization")
            tampered.headers.append(header);
    }
    QVERIFY(RequestSigner::authorization(tampered, kAccessKey, "other") != get.header("Authorization"));
}

void TestApiCalls::temporaryCredentialsSignTheToken()
{
    auto client = makeClient(Credentials{QString::fromLatin1(kAccessKey), QString::fromLatin1(kSecretKey),
                                         QStringLiteral("security-token-value")});
    m_network->setResponses({FakeResponse::json(200, QByteArrayLiteral("{\"id\":\"j\",\"status\":\"INIT\"}"))});
    ShowJobCall call(client.get(), QStringLiteral("j"));
    QSignalSpy finished(&call, &ApiCall::finished);
    call.start();
    QVERIFY(finished.wait());
    QVERIFY(call.succeeded());
    const RecordedRequest &request = m_network->lastRequest();
    QCOMPARE(request.header("X-Security-Token"), QByteArrayLiteral("security-token-value"));
    QVERIFY(request.header("Authorization").contains("x-security-token"));
    verifySignature(request);
}

void TestApiCalls::queryValuesReachTheServerAsData()
{
    auto client = makeClient();
    m_network->setResponses({FakeResponse::json(200, pageBody(0, 0, 0))});
    DesktopQuery query;
    query.userName = QStringLiteral("a b+c&d=e/ü");
    query.desktopIds = {QStringLiteral("id-1"), QStringLiteral("id-2")};
    query.tag = QStringLiteral("team=qa,env=dev");
    query.status = QStringLiteral("SHUTOFF");
    query.userNames = {QStringLiteral("alice"), QStringLiteral("bob smith")};
    query.desktopType = QStringLiteral("POOLED");
    query.enterpriseProjectId = QStringLiteral("0");
    query.availabilityZone = QStringLiteral("cn-north-4a");
    ListDesktopsPageCall call(client.get(), query, 500, 100);
    QSignalSpy finished(&call, &ApiCall::finished);
    call.start();
    QVERIFY(finished.wait());
    QVERIFY2(call.succeeded(), qPrintable(call.error().summary()));

    const RecordedRequest &request = m_network->lastRequest();
    const QUrlQuery sent(request.url);
    QCOMPARE(sent.queryItemValue(QStringLiteral("user_name"), QUrl::FullyDecoded), query.userName);
    QCOMPARE(sent.queryItemValue(QStringLiteral("tag"), QUrl::FullyDecoded), query.tag);
    QCOMPARE(sent.queryItemValue(QStringLiteral("status")), QStringLiteral("SHUTOFF"));
    QCOMPARE(sent.allQueryItemValues(QStringLiteral("desktop_id")), query.desktopIds);
    QCOMPARE(sent.allQueryItemValues(QStringLiteral("user_names"), QUrl::FullyDecoded), query.userNames);
    QCOMPARE(sent.queryItemValue(QStringLiteral("desktop_type")), QStringLiteral("POOLED"));
    QCOMPARE(sent.queryItemValue(QStringLiteral("enterprise_project_id")), QStringLiteral("0"));
    QCOMPARE(sent.queryItemValue(QStringLiteral("availability_zone")), QStringLiteral("cn-north-4a"));
    QVERIFY(!sent.hasQueryItem(QStringLiteral("pool_id"))); // empty filters are not sent
    QVERIFY(!sent.hasQueryItem(QStringLiteral("computer_name")));
    QCOMPARE(sent.queryItemValue(QStringLiteral("offset")), QStringLiteral("500"));
    QCOMPARE(sent.queryItemValue(QStringLiteral("limit")), QStringLiteral("100"));
    verifySignature(request);
}

void TestApiCalls::batchDeleteStatusCodes_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("encodedAuthorization");
    QTest::addColumn<bool>("authenticationFailure");

    QTest::newRow("400") << 400 << errorBody("WKS.0001", "Invalid parameter.", "desktop_ids is empty")
                         << QStringLiteral("WKS.0001") << QStringLiteral("Invalid parameter.")
                         << QStringLiteral("desktop_ids is empty") << QString() << false;
    QTest::newRow("401") << 401
                         << QByteArrayLiteral("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect "
                                              "IAM authentication information\"}")
                         << QStringLiteral("APIGW.0301")
                         << QStringLiteral("Incorrect IAM authentication information") << QString()
                         << QString() << true;
    QTest::newRow("403") << 403
                         << errorBody("WKS.0403", "Forbidden.", nullptr, "ENCODED-REASON-abc123")
                         << QStringLiteral("WKS.0403") << QStringLiteral("Forbidden.") << QString()
                         << QStringLiteral("ENCODED-REASON-abc123") << false;
    QTest::newRow("404") << 404 << errorBody("WKS.0404", "Project not found.")
                         << QStringLiteral("WKS.0404") << QStringLiteral("Project not found.") << QString()
                         << QString() << false;
    QTest::newRow("409") << 409 << errorBody("WKS.0409", "A job is running.", "retry later")
                         << QStringLiteral("WKS.0409") << QStringLiteral("A job is running.")
                         << QStringLiteral("retry later") << QString() << false;
    QTest::newRow("500") << 500 << errorBody("WKS.0202", "The resource is not found.")
                         << QStringLiteral("WKS.0202") << QStringLiteral("The resource is not found.")
                         << QString() << QString() << false;
    QTest::newRow("429") << 429
                         << QByteArrayLiteral("{\"error_code\":\"APIG.0308\",\"error_msg\":\"The "
                                              "throttling threshold has been reached\"}")
                         << QStringLiteral("APIG.0308")
                         << QStringLiteral("The throttling threshold has been reached") << QString()
                         << QString() << false;
}

void TestApiCalls::batchDeleteStatusCodes()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QString, detail);
    QFETCH(QString, encodedAuthorization);
    QFETCH(bool, authenticationFailure);

    auto client = makeClient();
    m_network->setResponses({FakeResponse::json(status, body, "req-" + QByteArray::number(status))});
    BatchDeleteCall call(client.get(), ids(3), BatchDeleteOptions{});
    QSignalSpy finished(&call, &ApiCall::finished);
    call.start();
    QCOMPARE(finished.count(), 0); // never finished inside start()
    QVERIFY(finished.wait());

    QVERIFY(!call.succeeded());
    const ApiError &error = call.error();
    QCOMPARE(error.kind, ApiError::Kind::Http);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.errorCode, code);
    QCOMPARE(error.errorMessage, message);
    QCOMPARE(error.errorDetail, detail);
    QCOMPARE(error.encodedAuthorizationMessage, encodedAuthorization);
    const QString requestId = QStringLiteral("req-%1").arg(status);
    QCOMPARE(error.requestId, requestId);
    QCOMPARE(error.isAuthenticationFailure(), authenticationFailure);
    QCOMPARE(error.isThrottled(), status == 429);
    QVERIFY(!error.isAmbiguous());

    const QString summary = error.summary();
    QVERIFY2(summary.contains(QString::number(status)), qPrintable(summary));
    QVERIFY2(summary.contains(code), qPrintable(summary));
    QVERIFY2(summary.contains(message), qPrintable(summary));
    QVERIFY2(summary.contains(requestId), qPrintable(summary));
    if (!encodedAuthorization.isEmpty())
        QVERIFY(error.details().contains(encodedAuthorization));
    if (!detail.isEmpty())
        QVERIFY(error.details().contains(detail));

    QCOMPARE(m_network->countRequests("POST"), 1);
    QCOMPARE(call.attempts(), 1);
    QCOMPARE(finished.count(), 1);
}

void TestApiCalls::hangingReplyTimesOut()
{
    m_config.transferTimeoutMs = 50;
    auto client = makeClient();
    m_network->setResponses({FakeResponse::hanging()});
    ShowJobCall call(client.get(), QStringLiteral("job-1"));
    QSignalSpy finished(&call, &ApiCall::finished);
    call.start();
    QVERIFY(finished.wait());
    QCOMPARE(call.error().kind, ApiError::Kind::Timeout);
    QVERIFY(call.error().isAmbiguous());
    QVERIFY(call.error().summary().contains(QLatin1String("0.05")));
    QVERIFY(m_network->replies().constFirst().isNull() || m_network->replies().constFirst()->wasAborted());
    // A timed-out GET is reported, not repeated: the user decides.
    QCOMPARE(m_network->requestCount(), 1);
    QCOMPARE(finished.count(), 1);
}

void TestApiCalls::getRetriesTransientFailures_data()
{
    QTest::addColumn<FakeResponse>("failure");
    QTest::newRow("429") << FakeResponse::json(429, errorBody("APIGW.0308", "throttled"));
    QTest::newRow("502") << FakeResponse::json(502, QByteArrayLiteral("<html>bad gateway</html>"));
    QTest::newRow("503") << FakeResponse::json(503, QByteArray());
    QTest::newRow("504") << FakeResponse::json(504, QByteArray());
    QTest::newRow("connection reset")
        << FakeResponse::failure(QNetworkReply::RemoteHostClosedError, QStringLiteral("closed"));
    QTest::newRow("throttling code on a 200-less answer")
        << FakeResponse::json(403, QByteArrayLiteral("{\"code\":\"APIG.0308\",\"message\":\"slow down\"}"));
}

void TestApiCalls::getRetriesTransientFailures()
{
    QFETCH(FakeResponse, failure);
    auto client = makeClient();
    m_network->setResponses({failure, FakeResponse::json(200, pageBody(2, 0, 2))});
    ListDesktopsPageCall call(client.get(), {}, 0, 500);
    QSignalSpy finished(&call, &ApiCall::finished);
    QSignalSpy retrying(&call, &ApiCall::retrying);
    call.start();
    QVERIFY(finished.wait());
    QVERIFY2(call.succeeded(), qPrintable(call.error().summary()));
    QCOMPARE(call.result().desktops.size(), 2);
    QCOMPARE(m_network->countRequests("GET"), 2);
    QCOMPARE(call.attempts(), 2);
    QCOMPARE(retrying.count(), 1);
    QCOMPARE(retrying.at(0).at(0).toInt(), 2);
    QCOMPARE(finished.count(), 1);
    // The retry is the same request, signed afresh.
    QCOMPARE(m_network->requests().at(1).url, m_network->requests().at(0).url);
    verifySignature(m_network->requests().at(1));
}

void TestApiCalls::getDoesNotRetryOtherFailures_data()
{
    QTest::addColumn<FakeResponse>("failure");
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::addColumn<int>("networkError");
    QTest::newRow("400") << FakeResponse::json(400, errorBody("WKS.0001", "bad")) << ApiError::Kind::Http << 0;
    QTest::newRow("401") << FakeResponse::json(401, errorBody("APIG.0301", "bad signature"))
                         << ApiError::Kind::Http << 0;
    QTest::newRow("401 throttled body") // never retried, whatever the body says
        << FakeResponse::json(401, QByteArrayLiteral("{\"error_code\":\"APIG.0308\"}"))
        << ApiError::Kind::Http << 0;
    QTest::newRow("404") << FakeResponse::json(404, errorBody("WKS.0404", "no")) << ApiError::Kind::Http << 0;
    QTest::newRow("500") << FakeResponse::json(500, errorBody("WKS.0500", "oops")) << ApiError::Kind::Http << 0;
    QTest::newRow("connection refused")
        << FakeResponse::failure(QNetworkReply::ConnectionRefusedError, QStringLiteral("refused"))
        << ApiError::Kind::Network << int(QNetworkReply::ConnectionRefusedError);
    QTest::newRow("host not found")
        << FakeResponse::failure(QNetworkReply::HostNotFoundError, QStringLiteral("no such host"))
        << ApiError::Kind::Network << int(QNetworkReply::HostNotFoundError);
    QTest::newRow("proxy refused")
        << FakeResponse::failure(QNetworkReply::ProxyConnectionRefusedError, QStringLiteral("proxy"))
        << ApiError::Kind::Network << int(QNetworkReply::ProxyConnectionRefusedError);
    QTest::newRow("Qt transfer timeout")
        << FakeResponse::failure(QNetworkReply::TimeoutError, QStringLiteral("timed out"))
        << ApiError::Kind::Timeout << int(QNetworkReply::TimeoutError);
}

void TestApiCalls::getDoesNotRetryOtherFailures()
{
    QFETCH(FakeResponse, failure);
    QFETCH(ApiError::Kind, kind);
    QFETCH(int, networkError);
    auto client = makeClient();
    m_network->setResponses({failure, FakeResponse::json(200, pageBody(1, 0, 1))});
    ListDesktopsPageCall call(client.get(), {}, 0, 500);
    QSignalSpy finished(&call, &ApiCall::finished);
    QSignalSpy retrying(&call, &ApiCall::retrying);
    call.start();
    QVERIFY(finished.wait());
    QVERIFY(!call.succeeded());
    QCOMPARE(call.error().kind, kind);
    QCOMPARE(call.error().networkError, networkError);
    if (kind != ApiError::Kind::Http) {
        QVERIFY(!call.error().transportMessage.isEmpty());
        QVERIFY(call.error().summary().contains(call.error().transportMessage));
    }
    QCOMPARE(m_network->requestCount(), 1);
    QCOMPARE(retrying.count(), 0);
}

void TestApiCalls::retryBacksOffExponentiallyAndGivesUp()
{
    auto client = makeClient();
    m_network->setResponses({FakeResponse::json(503, errorBody("SYS.0503", "busy"), "req-busy")});
    ListSubJobsCall call(client.get(), QStringLiteral("job-1"));
    QSignalSpy finished(&call, &ApiCall::finished);
    QSignalSpy retrying(&call, &ApiCall::retrying);
    call.start();
    QVERIFY(finished.wait());
    QCOMPARE(call.error().kind, ApiError::Kind::Http);
    QCOMPARE(call.error().httpStatus, 503);
    QCOMPARE(call.error().requestId, QStringLiteral("req-busy"));
    QCOMPARE(m_network->requestCount(), 3); // maxAttempts
    QCOMPARE(call.attempts(), 3);
    QCOMPARE(retrying.count(), 2);
    QCOMPARE(retrying.at(0).at(1).toInt(), 2); // initialDelayMs
    QCOMPARE(retrying.at(1).at(1).toInt(), 4); // doubled
    QCOMPARE(retrying.at(1).at(2).value<ApiError>().httpStatus, 503);

    // The cap holds for long back-offs too.
    m_config.retry.maxAttempts = 6;
    m_config.retry.initialDelayMs = 15;
    m_network->clear();
    auto capped = makeClient();
    ListSubJobsCall longer(capped.get(), QStringLiteral("job-1"));
    QSignalSpy longerFinished(&longer, &ApiCall::finished);
    QSignalSpy longerRetrying(&longer, &ApiCall::retrying);
    longer.start();
    QVERIFY(longerFinished.wait());
    QList<int> delays;
    for (const QList<QVariant> &arguments : std::as_const(longerRetrying))
        delays.append(arguments.at(1).toInt());
    QCOMPARE(delays, (QList<int>{15, 30, 40, 40, 40}));
    QCOMPARE(m_network->requestCount(), 6);
}

void TestApiCalls::retryAfterIsHonouredAndCapped_data()
{
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<int>("expectedDelay");
    QTest::newRow("no Retry-After: throttle delay") << QByteArray() << 7;
    QTest::newRow("0 seconds") << QByteArrayLiteral("0") << 0;
    QTest::newRow("120 seconds, capped") << QByteArrayLiteral("120") << 40;
    QTest::newRow("HTTP date in the past") << QByteArrayLiteral("Wed, 21 Oct 2015 07:28:00 GMT") << 0;
    QTest::newRow("HTTP date in the future, capped") << QByteArrayLiteral("Fri, 01 Jan 2100 00:00:00 GMT") << 40;
    QTest::newRow("garbage: throttle delay") << QByteArrayLiteral("soon") << 7;
}

void TestApiCalls::retryAfterIsHonouredAndCapped()
{
    QFETCH(QByteArray, retryAfter);
    QFETCH(int, expectedDelay);
    auto client = makeClient();
    FakeResponse throttled = FakeResponse::json(429, errorBody("APIGW.0308", "throttled"));
    if (!retryAfter.isEmpty())
        throttled.withHeader("Retry-After", retryAfter);
    m_network->setResponses({throttled, FakeResponse::json(200, pageBody(0, 0, 0))});
    ListDesktopsPageCall call(client.get(), {}, 0, 10);
    QSignalSpy finished(&call, &ApiCall::finished);
    QSignalSpy retrying(&call, &ApiCall::retrying);
    call.start();
    QVERIFY(finished.wait());
    QVERIFY(call.succeeded());
    QCOMPARE(retrying.count(), 1);
    QCOMPARE(retrying.at(0).at(1).toInt(), expectedDelay);
    QCOMPARE(m_network->requestCount(), 2);
}

void TestApiCalls::postIsSentExactlyOnce_data()
{
    QTest::addColumn<FakeResponse>("failure");
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::addColumn<bool>("ambiguous");
    QTest::newRow("500") << FakeResponse::json(500, errorBody("WKS.0500", "internal"))
                         << ApiError::Kind::Http << false;
    QTest::newRow("502") << FakeResponse::json(502, QByteArray()) << ApiError::Kind::Http << true;
    QTest::newRow("503") << FakeResponse::json(503, QByteArray()) << ApiError::Kind::Http << false;
    QTest::newRow("504") << FakeResponse::json(504, QByteArray()) << ApiError::Kind::Http << true;
    QTest::newRow("429") << FakeResponse::json(429, errorBody("APIGW.0308", "throttled")).withHeader("Retry-After", "0")
                         << ApiError::Kind::Http << false;
    QTest::newRow("timeout") << FakeResponse::hanging() << ApiError::Kind::Timeout << true;
    QTest::newRow("connection reset")
        << FakeResponse::failure(QNetworkReply::RemoteHostClosedError, QStringLiteral("reset"))
        << ApiError::Kind::Network << true;
}

void TestApiCalls::postIsSentExactlyOnce()
{
    QFETCH(FakeResponse, failure);
    QFETCH(ApiError::Kind, kind);
    QFETCH(bool, ambiguous);
    m_config.transferTimeoutMs = 50;
    // A wrongly scheduled retry would be due at once.
    m_config.retry.initialDelayMs = 0;
    m_config.retry.maxDelayMs = 0;
    m_config.retry.throttleDelayMs = 0;
    auto client = makeClient();
    m_network->setResponses({failure, FakeResponse::json(202, QByteArrayLiteral("{\"job_id\":\"x\"}"))});
    BatchDeleteCall call(client.get(), ids(100), BatchDeleteOptions{});
    QSignalSpy finished(&call, &ApiCall::finished);
    QSignalSpy retrying(&call, &ApiCall::retrying);
    call.start();
    QVERIFY(finished.wait());
    QCOMPARE(call.error().kind, kind);
    QCOMPARE(call.error().isAmbiguous(), ambiguous);
    QCOMPARE(retrying.count(), 0);
    runDueEvents();
    QCOMPARE(m_network->countRequests("POST"), 1);
    QCOMPARE(finished.count(), 1);
}

void TestApiCalls::cancelFinishesOnceWithCancelled()
{
    auto client = makeClient();
    FakeResponse slow = FakeResponse::json(200, pageBody(1, 0, 1));
    slow.deliveryDelayMs = 20;
    m_network->setResponses({slow});
    ListDesktopsPageCall call(client.get(), {}, 0, 500);
    QSignalSpy finished(&call, &ApiCall::finished);
    call.start();
    QCOMPARE(m_network->requestCount(), 1);
    call.cancel();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(call.error().kind, ApiError::Kind::Cancelled);
    QVERIFY(!call.succeeded());
    // The request was on the wire: the server may have acted on it.
    QVERIFY(call.error().cancelledInFlight);
    QVERIFY(call.error().isAmbiguous());
    // The reply is aborted and released; nothing of it reaches the call afterwards.
    QTRY_VERIFY(m_network->replies().constFirst().isNull());
    call.cancel();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(call.error().kind, ApiError::Kind::Cancelled);
}

void TestApiCalls::cancelDuringRetryWaitSendsNothingMore()
{
    m_config.retry.initialDelayMs = 60000;
    m_config.retry.maxDelayMs = 60000;
    auto client = makeClient();
    m_network->setResponses({FakeResponse::json(503, QByteArray())});
    ShowJobCall call(client.get(), QStringLiteral("job-1"));
    QSignalSpy finished(&call, &ApiCall::finished);
    QSignalSpy retrying(&call, &ApiCall::retrying);
    call.start();
    QVERIFY(retrying.wait());
    QCOMPARE(retrying.at(0).at(1).toInt(), 60000);
    QCOMPARE(finished.count(), 0);
    call.cancel();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(call.error().kind, ApiError::Kind::Cancelled);
    QVERIFY(!call.error().cancelledInFlight); // nothing was outstanding
    QVERIFY(!call.error().isAmbiguous());
    QCOMPARE(m_network->requestCount(), 1);
}

void TestApiCalls::closedClientStillFinishesTheCall()
{
    // Closed while the POST is on the wire: the outcome is unknown, and the call still finishes.
    auto client = makeClient();
    FakeResponse slow = FakeResponse::json(202, QByteArrayLiteral("{\"job_id\":\"j\"}"));
    slow.deliveryDelayMs = 10;
    m_network->setResponses({slow});
    BatchDeleteCall remove(client.get(), ids(1), BatchDeleteOptions{});
    QSignalSpy removeFinished(&remove, &ApiCall::finished);
    remove.start();
    client.reset();
    QVERIFY(removeFinished.wait());
    QCOMPARE(remove.error().kind, ApiError::Kind::Cancelled);
    QVERIFY(remove.error().isAmbiguous());
    QCOMPARE(removeFinished.count(), 1);

    // Closed while a GET waits for its retry.
    m_config.retry.initialDelayMs = 20;
    client = makeClient();
    m_network->clear();
    m_network->setResponses({FakeResponse::json(503, QByteArray())});
    ShowJobCall show(client.get(), QStringLiteral("j"));
    QSignalSpy showFinished(&show, &ApiCall::finished);
    QSignalSpy retrying(&show, &ApiCall::retrying);
    show.start();
    QVERIFY(retrying.wait());
    client.reset();
    QVERIFY(showFinished.wait());
    QCOMPARE(show.error().kind, ApiError::Kind::Configuration);
    QCOMPARE(m_network->requestCount(), 1);
    QCOMPARE(showFinished.count(), 1);
}

void TestApiCalls::zeroTimeoutMeansTheDefault()
{
    m_config.transferTimeoutMs = 0;
    auto client = makeClient();
    FakeResponse slow = FakeResponse::json(200, QByteArrayLiteral("{\"id\":\"j\",\"status\":\"INIT\"}"));
    slow.deliveryDelayMs = 20;
    m_network->setResponses({slow});
    ShowJobCall call(client.get(), QStringLiteral("j"));
    QSignalSpy finished(&call, &ApiCall::finished);
    call.start();
    QVERIFY(finished.wait());
    QVERIFY2(call.succeeded(), qPrintable(call.error().summary()));
}

void TestApiCalls::cancelFromRetryingSlotStopsTheRetry()
{
    m_config.retry.initialDelayMs = 0;
    auto client = makeClient();
    m_network->setResponses({FakeResponse::json(502, QByteArray())});
    ShowJobCall call(client.get(), QStringLiteral("job-1"));
    QSignalSpy finished(&call, &ApiCall::finished);
    connect(&call, &ApiCall::retrying, &call, &ApiCall::cancel);
    call.start();
    QVERIFY(finished.wait());
    QCOMPARE(call.error().kind, ApiError::Kind::Cancelled);
    runDueEvents(); // the retry would be due at once (no delay)
    QCOMPARE(m_network->requestCount(), 1);
    QCOMPARE(finished.count(), 1);
}

void TestApiCalls::secondStartAndLateCancelChangeNothing()
{
    auto client = makeClient();
    m_network->setResponses({FakeResponse::json(200, QByteArrayLiteral("{\"id\":\"j\",\"status\":\"SUCCESS\"}"))});
    ShowJobCall call(client.get(), QStringLiteral("j"));
    QSignalSpy finished(&call, &ApiCall::finished);
    call.start();
    call.start();
    QVERIFY(finished.wait());
    QVERIFY(call.succeeded());
    call.cancel();
    call.start();
    runDueEvents();
    QCOMPARE(finished.count(), 1);
    QVERIFY(call.succeeded());
    QCOMPARE(call.result().state(), JobState::Succeeded);
    QCOMPARE(m_network->requestCount(), 1);
}

void TestApiCalls::invalidRequestsFinishWithoutSending_data()
{
    QTest::addColumn<CallFactory>("makeCall");
    QTest::addColumn<ConfigChange>("configure");
    QTest::addColumn<bool>("withoutNetwork");
    const auto row = [](const char *name, CallFactory makeCall, ConfigChange configure = [](ClientConfig &) {},
                        bool withoutNetwork = false) { QTest::newRow(name) << makeCall << configure << withoutNetwork; };
    const CallFactory usableJob = [](ApiClient *client) {
        return std::make_unique<ShowJobCall>(client, QStringLiteral("job-1"));
    };
    row("batch of 0", [](ApiClient *client) {
        return std::make_unique<BatchDeleteCall>(client, QStringList(), BatchDeleteOptions{});
    });
    row("batch of 101", [](ApiClient *client) {
        return std::make_unique<BatchDeleteCall>(client, ids(101), BatchDeleteOptions{});
    });
    row("job without id", [](ApiClient *client) { return std::make_unique<ShowJobCall>(client, QStringLiteral("  ")); });
    row("sub-jobs without id", [](ApiClient *client) { return std::make_unique<ListSubJobsCall>(client, QString()); });
    row("page limit 501", [](ApiClient *client) {
        return std::make_unique<ListDesktopsPageCall>(client, DesktopQuery{}, 0, 501);
    });
    row("101 user names", [](ApiClient *client) {
        DesktopQuery query;
        query.userNames = ids(101);
        return std::make_unique<ListDesktopsPageCall>(client, query, 0, 500);
    });
    row("http to a network host", usableJob,
        [](ClientConfig &config) { config.endpoint = QUrl(QStringLiteral("http://workspace.example.com")); });
    row("no endpoint", usableJob, [](ClientConfig &config) { config.endpoint = QUrl(); });
    row("no network access manager", usableJob, [](ClientConfig &) {}, true);
}

void TestApiCalls::invalidRequestsFinishWithoutSending()
{
    QFETCH(CallFactory, makeCall);
    QFETCH(ConfigChange, configure);
    QFETCH(bool, withoutNetwork);
    configure(m_config);
    if (withoutNetwork)
        m_network.reset();
    auto client = makeClient();
    if (!m_network)
        m_network = std::make_unique<FakeNetworkAccessManager>();
    m_network->setResponses({FakeResponse::json(200, QByteArrayLiteral("{}"))});
    const std::unique_ptr<ApiCall> call = makeCall(client.get());
    QSignalSpy finished(call.get(), &ApiCall::finished);
    call->start();
    QCOMPARE(finished.count(), 0); // deferred, so callers can connect after start() as well
    QVERIFY(finished.wait());
    QCOMPARE(finished.count(), 1);
    QCOMPARE(call->error().kind, ApiError::Kind::Configuration);
    QVERIFY(!call->error().summary().isEmpty());
    QCOMPARE(m_network->requestCount(), 0);
}

void TestApiCalls::oversizedBodyIsRefused_data()
{
    QTest::addColumn<bool>("reportsProgress");
    QTest::newRow("with download progress") << true;
    QTest::newRow("without download progress") << false;
}

void TestApiCalls::oversizedBodyIsRefused()
{
    QFETCH(bool, reportsProgress);
    m_config.maxResponseBytes = 256;
    auto client = makeClient();
    FakeResponse large = FakeResponse::json(200, pageBody(20, 0, 20), "req-large");
    QVERIFY(large.body.size() > 256);
    large.reportsDownloadProgress = reportsProgress;
    m_network->setResponses({large});
    ListDesktopsPageCall call(client.get(), {}, 0, 20);
    QSignalSpy finished(&call, &ApiCall::finished);
    call.start();
    QVERIFY(finished.wait());
    QCOMPARE(call.error().kind, ApiError::Kind::InvalidResponse);
    QVERIFY(call.error().transportMessage.contains(QLatin1String("256")));
    QVERIFY(call.result().desktops.isEmpty());
    QCOMPARE(m_network->requestCount(), 1);
    QCOMPARE(finished.count(), 1);

    // A body just under the limit is fine.
    m_network->clear();
    m_network->setResponses({FakeResponse::json(200, pageBody(1, 0, 1))});
    ListDesktopsPageCall small(client.get(), {}, 0, 1);
    QSignalSpy smallFinished(&small, &ApiCall::finished);
    small.start();
    QVERIFY(smallFinished.wait());
    QVERIFY2(small.succeeded(), qPrintable(small.error().summary()));
}

void TestApiCalls::tlsFailureIsTyped()
{
    auto client = makeClient();
    m_network->setResponses({FakeResponse::failure(QNetworkReply::SslHandshakeFailedError,
                                                   QStringLiteral("The certificate is self-signed"))});
    ListDesktopsPageCall call(client.get(), {}, 0, 500);
    QSignalSpy finished(&call, &ApiCall::finished);
    call.start();
    QVERIFY(finished.wait());
    QCOMPARE(call.error().kind, ApiError::Kind::Tls);
    QCOMPARE(call.error().networkError, int(QNetworkReply::SslHandshakeFailedError));
    QVERIFY(call.error().summary().contains(QLatin1String("self-signed")));
    QCOMPARE(m_network->requestCount(), 1); // not retried
}

void TestApiCalls::tlsAlwaysVerifiesAndAddsTheExtraCa()
{
    QString error;
    m_config.extraCaCertificates =
        ApiClient::loadCaFile(QStringLiteral(WORKSPACE_TEST_DATA_DIR "/extra-ca.pem"), &error);
    QCOMPARE(m_config.extraCaCertificates.size(), 1);
    auto client = makeClient();
    m_network->setResponses({FakeResponse::json(200, QByteArrayLiteral("{\"id\":\"j\",\"status\":\"INIT\"}"))});
    ShowJobCall call(client.get(), QStringLiteral("j"));
    QSignalSpy finished(&call, &ApiCall::finished);
    call.start();
    QVERIFY(finished.wait());
    const QSslConfiguration ssl = m_network->lastRequest().request.sslConfiguration();
    QCOMPARE(ssl.peerVerifyMode(), QSslSocket::VerifyPeer);
    QVERIFY(ssl.caCertificates().contains(m_config.extraCaCertificates.constFirst()));
    // The extra CA is added to the system's trust, it does not replace it.
    QVERIFY(ssl.caCertificates().size() >= QSslConfiguration::defaultConfiguration().caCertificates().size());
    // Redirects are not followed: a signed request must not travel elsewhere.
    QCOMPARE(m_network->lastRequest().request.attribute(QNetworkRequest::RedirectPolicyAttribute).toInt(),
             int(QNetworkRequest::ManualRedirectPolicy));
}

void TestApiCalls::caFilesLoadAsPemOrDer()
{
    QString error;
    const QList<QSslCertificate> pem =
        ApiClient::loadCaFile(QStringLiteral(WORKSPACE_TEST_DATA_DIR "/extra-ca.pem"), &error);
    const QList<QSslCertificate> der =
        ApiClient::loadCaFile(QStringLiteral(WORKSPACE_TEST_DATA_DIR "/extra-ca.der"), &error);
    QCOMPARE(pem.size(), 1);
    QCOMPARE(der, pem);
    QVERIFY(pem.constFirst().subjectDisplayName().contains(QLatin1String("Workspace Admin API Test CA")));

    error.clear();
    QVERIFY(ApiClient::loadCaFile(QStringLiteral(WORKSPACE_TEST_DATA_DIR "/error-standard.json"), &error)
                .isEmpty());
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(ApiClient::loadCaFile(QStringLiteral(WORKSPACE_TEST_DATA_DIR "/does-not-exist.pem"), &error)
                .isEmpty());
    QVERIFY(error.contains(QLatin1String("does-not-exist.pem")));
}

void TestApiCalls::unreadableSuccessIsInvalidResponse()
{
    auto client = makeClient();
    m_network->setResponses({FakeResponse::json(202, QByteArrayLiteral("<html>accepted</html>"), "req-202")});
    BatchDeleteCall remove(client.get(), ids(2), BatchDeleteOptions{});
    QSignalSpy removeFinished(&remove, &ApiCall::finished);
    remove.start();
    QVERIFY(removeFinished.wait());
    QCOMPARE(remove.error().kind, ApiError::Kind::InvalidResponse);
    QCOMPARE(remove.error().httpStatus, 202);
    QCOMPARE(remove.error().requestId, QStringLiteral("req-202"));
    QVERIFY(remove.error().bodyExcerpt.startsWith("<html>"));
    // The server accepted something: the outcome of the deletion is unknown, not failed.
    QVERIFY(remove.error().isAmbiguous());

    m_network->clear();
    m_network->setResponses({FakeResponse::json(200, QByteArrayLiteral("{\"desktops\":"))});
    ListDesktopsPageCall list(client.get(), {}, 0, 500);
    QSignalSpy listFinished(&list, &ApiCall::finished);
    list.start();
    QVERIFY(listFinished.wait());
    QCOMPARE(list.error().kind, ApiError::Kind::InvalidResponse);
    QCOMPARE(m_network->requestCount(), 1); // a parse failure is not retried
}

// Without total_count only a short page ends the listing; sub-jobs without an id are told apart
// by their desktop (and status, progress), not taken for one.
void TestApiCalls::allSubJobsPageWithoutATotalUntilAShortPage()
{
    auto client = makeClient();
    m_network->setHandler([](const RecordedRequest &request, int) {
        const int offset = QUrlQuery(request.url).queryItemValue(QStringLiteral("offset")).toInt();
        QJsonArray jobs;
        for (int i = offset; i < std::min(offset + ListSubJobsCall::kMaxLimit, 1500); ++i)
            jobs.append(QJsonObject{{QLatin1String("job_id"), QLatin1String("job-1")},
                                    {QLatin1String("status"), QLatin1String("RUNNING")},
                                    {QLatin1String("entities"), QJsonObject{{QLatin1String("desktop_id"), QStringLiteral("d-%1").arg(i)}}}});
        return FakeResponse::json(200, QJsonDocument(QJsonObject{{QLatin1String("jobs"), jobs}}).toJson(QJsonDocument::Compact));
    });
    ListAllSubJobsCall listing(client.get(), SubJobFilter::forJob(QStringLiteral("job-1")));
    QSignalSpy finished(&listing, &ListAllSubJobsCall::finished);
    listing.start();
    QVERIFY(finished.wait());
    QVERIFY2(listing.succeeded(), qPrintable(listing.error().summary()));
    QVERIFY(listing.isComplete());
    QCOMPARE(listing.subJobs().size(), 1500);
    QCOMPARE(m_network->requestCount(), 2);
    QCOMPARE(QUrlQuery(m_network->lastRequest().url).queryItemValue(QStringLiteral("offset")), QStringLiteral("1000"));
}

// ShowJob's sub_jobs_total bounds the paging when the pages announce more (or nothing).
void TestApiCalls::allSubJobsStopAtTheExpectedTotal()
{
    auto client = makeClient();
    m_network->setHandler([](const RecordedRequest &request, int) {
        const int offset = QUrlQuery(request.url).queryItemValue(QStringLiteral("offset")).toInt();
        QJsonArray jobs;
        for (int i = offset; i < offset + 10; ++i)
            jobs.append(QJsonObject{{QLatin1String("id"), QStringLiteral("s-%1").arg(i)},
                                    {QLatin1String("status"), QLatin1String("SUCCESS")},
                                    {QLatin1String("entities"), QJsonObject{{QLatin1String("desktop_id"), QStringLiteral("d-%1").arg(i)}}}});
        return FakeResponse::json(200, QJsonDocument(QJsonObject{{QLatin1String("total_count"), 1000000},
                                                                 {QLatin1String("jobs"), jobs}})
                                           .toJson(QJsonDocument::Compact));
    });
    ListAllSubJobsCall listing(client.get(), SubJobFilter::forJob(QStringLiteral("job-1")));
    listing.setExpectedTotal(30);
    QSignalSpy finished(&listing, &ListAllSubJobsCall::finished);
    listing.start();
    QVERIFY(finished.wait());
    QVERIFY(listing.succeeded());
    QCOMPARE(listing.subJobs().size(), 30);
    QCOMPARE(m_network->requestCount(), 3); // the server pages by 10: followed by its page size
}

void TestApiCalls::showJobAndSubJobs()
{
    auto client = makeClient();
    m_network->setHandler([](const RecordedRequest &request, int) {
        if (request.url.path().endsWith(QLatin1String("/workspace-sub-jobs")))
            return FakeResponse::json(
                200, QByteArrayLiteral("{\"total_count\":1,\"jobs\":[{\"id\":\"s1\",\"status\":\"FAILED\","
                                       "\"entities\":{\"desktop_id\":\"d-1\"}}]}"));
        return FakeResponse::json(
            200, QByteArrayLiteral("{\"id\":\"job:1\",\"status\":\"RUNNING\",\"sub_jobs_total\":1}"));
    });
    ShowJobCall show(client.get(), QStringLiteral("job:1"));
    ListSubJobsCall subJobs(client.get(), QStringLiteral("job:1"), 0, 50);
    QSignalSpy showFinished(&show, &ApiCall::finished);
    QSignalSpy subJobsFinished(&subJobs, &ApiCall::finished);
    show.start();
    subJobs.start();
    QVERIFY(showFinished.count() == 1 || showFinished.wait());
    QVERIFY(subJobsFinished.count() == 1 || subJobsFinished.wait());
    QVERIFY(show.succeeded());
    QCOMPARE(show.result().state(), JobState::InProgress);
    QCOMPARE(show.result().subJobsTotal, 1);
    QVERIFY(subJobs.succeeded());
    QCOMPARE(subJobs.result().jobs.constFirst().state(), JobState::Failed);
    QCOMPARE(subJobs.result().jobs.constFirst().desktopId, QStringLiteral("d-1"));

    const RecordedRequest &showRequest = m_network->requests().at(0);
    // The job id is one path segment, percent-encoded (ids with "/" or ".." are refused before).
    QCOMPARE(showRequest.url.path(QUrl::FullyEncoded), QStringLiteral("/v2/proj-1/workspace-jobs/job%3A1"));
    verifySignature(showRequest);
    const QUrlQuery query(m_network->requests().at(1).url);
    QCOMPARE(query.queryItemValue(QStringLiteral("job_id"), QUrl::FullyDecoded), QStringLiteral("job:1"));
    QCOMPARE(query.queryItemValue(QStringLiteral("limit")), QStringLiteral("50"));
    verifySignature(m_network->requests().at(1));
}

void TestApiCalls::listAllFollowsPagesUntilTotalCount()
{
    auto client = makeClient();
    m_network->setHandler(pagingServer(7, 7));
    ListAllDesktopsCall call(client.get(), {});
    call.setPageSize(3);
    QSignalSpy finished(&call, &ListAllDesktopsCall::finished);
    QSignalSpy pages(&call, &ListAllDesktopsCall::pageLoaded);
    call.start();
    QVERIFY(finished.wait());
    QVERIFY2(call.succeeded(), qPrintable(call.error().summary()));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(pages.count(), 3);
    QList<int> loaded;
    QStringList seen;
    for (const QList<QVariant> &page : std::as_const(pages)) {
        loaded.append(page.at(1).toInt());
        QCOMPARE(page.at(2).toInt(), 7);
        for (const Desktop &desktop : page.at(0).value<QList<Desktop>>())
            seen.append(desktop.id);
    }
    QCOMPARE(loaded, (QList<int>{3, 6, 7}));
    QCOMPARE(seen, (QStringList{QStringLiteral("d-0"), QStringLiteral("d-1"), QStringLiteral("d-2"),
                                QStringLiteral("d-3"), QStringLiteral("d-4"), QStringLiteral("d-5"),
                                QStringLiteral("d-6")}));
    QCOMPARE(call.loadedCount(), 7);
    QCOMPARE(call.totalCount(), 7);
    QStringList offsets;
    for (const RecordedRequest &request : m_network->requests())
        offsets.append(QUrlQuery(request.url).queryItemValue(QStringLiteral("offset")));
    QCOMPARE(offsets, (QStringList{QStringLiteral("0"), QStringLiteral("3"), QStringLiteral("6")}));
    QCOMPARE(QUrlQuery(m_network->lastRequest().url).queryItemValue(QStringLiteral("limit")),
             QStringLiteral("3"));
}

void TestApiCalls::listAllStopsAtTotalCount()
{
    auto client = makeClient();
    m_network->setHandler(pagingServer(100, 6)); // more desktops than the count claims
    ListAllDesktopsCall call(client.get(), {});
    call.setPageSize(3);
    QSignalSpy finished(&call, &ListAllDesktopsCall::finished);
    call.start();
    QVERIFY(finished.wait());
    QVERIFY(call.succeeded());
    QCOMPARE(m_network->requestCount(), 2);
    QCOMPARE(call.loadedCount(), 6);
    QCOMPARE(call.totalCount(), 6);
}

void TestApiCalls::listAllStopsOnAnEmptyPage()
{
    auto client = makeClient();
    m_network->setHandler(pagingServer(4, 100)); // the count promises more than there is
    ListAllDesktopsCall call(client.get(), {});
    call.setPageSize(3);
    QSignalSpy finished(&call, &ListAllDesktopsCall::finished);
    QSignalSpy pages(&call, &ListAllDesktopsCall::pageLoaded);
    call.start();
    QVERIFY(finished.wait());
    QVERIFY(call.succeeded());
    // The first page alone, then a window of pages at once: 1 desktop, then empty pages. The
    // page of 1 may top the window up once more before the first empty page is read; nothing
    // is asked after that.
    const int window = ListAllDesktopsCall::kPagesInFlight;
    QVERIFY(m_network->requestCount() >= 1 + window && m_network->requestCount() <= 2 + window);
    QCOMPARE(call.loadedCount(), 4);
    QCOMPARE(call.totalCount(), 4);
    // Pages asked for beyond the empty one are dropped unread.
    QVERIFY(pages.count() <= m_network->requestCount());
    QCOMPARE(finished.count(), 1);
    // 4 of the 100 announced: never presented as complete.
    QVERIFY(!call.isComplete());
    QCOMPARE(call.completeness(), ListAllDesktopsCall::Completeness::FewerThanAnnounced);
}

void TestApiCalls::listAllAsksForSeveralPagesAtOnceAndReportsThemInOrder()
{
    auto client = makeClient();
    // Later pages answer first: within each window, a page's answer is slower than the next one's.
    const FakeNetworkAccessManager::Handler pages = pagingServer(30, 30);
    m_network->setHandler([pages](const RecordedRequest &request, int index) {
        FakeResponse response = pages(request, index);
        const int page = QUrlQuery(request.url).queryItemValue(QStringLiteral("offset")).toInt() / 3;
        const int window = ListAllDesktopsCall::kPagesInFlight;
        response.deliveryDelayMs = page == 0 ? 0 : 10 * (window - (page - 1) % window);
        return response;
    });
    ListAllDesktopsCall call(client.get(), {});
    call.setPageSize(3);
    QSignalSpy finished(&call, &ListAllDesktopsCall::finished);
    QSignalSpy pageSpy(&call, &ListAllDesktopsCall::pageLoaded);
    int mostInFlight = 0;
    connect(m_network.get(), &FakeNetworkAccessManager::requestReceived, this, [&](int) {
        int open = 0;
        for (const QPointer<FakeNetworkReply> &reply : m_network->replies())
            open += reply && !reply->isFinished() ? 1 : 0;
        mostInFlight = std::max(mostInFlight, open);
    });
    call.start();
    QVERIFY(finished.wait());
    QVERIFY2(call.succeeded(), qPrintable(call.error().summary()));
    QCOMPARE(mostInFlight, ListAllDesktopsCall::kPagesInFlight);
    QStringList seen;
    QList<int> loaded;
    for (const QList<QVariant> &page : std::as_const(pageSpy)) {
        loaded.append(page.at(1).toInt());
        for (const Desktop &desktop : page.at(0).value<QList<Desktop>>())
            seen.append(desktop.id);
    }
    QCOMPARE(loaded, (QList<int>{3, 6, 9, 12, 15, 18, 21, 24, 27, 30}));
    QCOMPARE(seen, ids(30));
    QCOMPARE(m_network->requestCount(), 10);
}

void TestApiCalls::listAllStepsByTheServersPageSize()
{
    auto client = makeClient();
    // A server that never answers with more than 2 desktops, whatever the limit asked for.
    const FakeNetworkAccessManager::Handler pages = pagingServer(7, 7);
    m_network->setHandler([pages](const RecordedRequest &request, int index) {
        RecordedRequest capped = request;
        QUrlQuery query(request.url);
        query.removeQueryItem(QStringLiteral("limit"));
        query.addQueryItem(QStringLiteral("limit"), QStringLiteral("2"));
        capped.url.setQuery(query);
        return pages(capped, index);
    });
    ListAllDesktopsCall call(client.get(), {});
    call.setPageSize(5);
    QSignalSpy finished(&call, &ListAllDesktopsCall::finished);
    QSignalSpy pageSpy(&call, &ListAllDesktopsCall::pageLoaded);
    call.start();
    QVERIFY(finished.wait());
    QVERIFY(call.succeeded());
    QStringList seen;
    for (const QList<QVariant> &page : std::as_const(pageSpy)) {
        for (const Desktop &desktop : page.at(0).value<QList<Desktop>>())
            seen.append(desktop.id);
    }
    QCOMPARE(seen, ids(7)); // none skipped
}

void TestApiCalls::pageCallCancelledOrDeletedWhileReadingIsSafe()
{
    auto client = makeClient();
    m_network->setHandler(pagingServer(2, 2));
    // The answers are read on the global thread pool: holding its only thread makes them wait.
    QThreadPool *pool = QThreadPool::globalInstance();
    const int threads = pool->maxThreadCount();
    pool->setMaxThreadCount(1);
    QSemaphore held;
    pool->start([&held] { held.acquire(); });

    auto *cancelled = new ListDesktopsPageCall(client.get(), {}, 0, 2);
    auto *deleted = new ListDesktopsPageCall(client.get(), {}, 0, 2);
    QSignalSpy cancelledFinished(cancelled, &ApiCall::finished);
    cancelled->start();
    deleted->start();
    QTRY_VERIFY(m_network->replies().size() == 2 && !m_network->replies().at(0)
                && !m_network->replies().at(1)); // both answers arrived and were let go
    QCOMPARE(cancelledFinished.count(), 0);     // still being read
    cancelled->cancel();
    QCOMPARE(cancelledFinished.count(), 1);
    delete deleted;

    held.release();
    pool->waitForDone();
    pool->setMaxThreadCount(threads);
    runDueEvents(); // the finished parse reports to the cancelled call, which ignores it
    QCOMPARE(cancelledFinished.count(), 1);
    QCOMPARE(cancelled->error().kind, ApiError::Kind::Cancelled);
    QVERIFY(cancelled->result().desktops.isEmpty());
    delete cancelled;
}

void TestApiCalls::listAllCancelledMidway()
{
    auto client = makeClient();
    m_network->setHandler([](const RecordedRequest &request, int index) {
        if (index == 0)
            return pagingServer(9, 9)(request, index);
        return FakeResponse::hanging();
    });
    ListAllDesktopsCall call(client.get(), {});
    call.setPageSize(3);
    QSignalSpy finished(&call, &ListAllDesktopsCall::finished);
    QSignalSpy pages(&call, &ListAllDesktopsCall::pageLoaded);
    call.start();
    QVERIFY(pages.wait());
    QTRY_COMPARE(m_network->requestCount(), 3); // offsets 3 and 6, both hanging
    call.cancel();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(call.error().kind, ApiError::Kind::Cancelled);
    QCOMPARE(call.loadedCount(), 3);
    // The hanging pages were aborted and released.
    QTRY_VERIFY(m_network->replies().at(1).isNull() && m_network->replies().at(2).isNull());
    call.cancel();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(m_network->requestCount(), 3);
}

void TestApiCalls::listAllCancelledFromPageSlot()
{
    auto client = makeClient();
    m_network->setHandler(pagingServer(9, 9));
    ListAllDesktopsCall call(client.get(), {});
    call.setPageSize(3);
    QSignalSpy finished(&call, &ListAllDesktopsCall::finished);
    connect(&call, &ListAllDesktopsCall::pageLoaded, &call, &ListAllDesktopsCall::cancel);
    call.start();
    QVERIFY(finished.wait());
    QCOMPARE(call.error().kind, ApiError::Kind::Cancelled);
    runDueEvents();
    QCOMPARE(m_network->requestCount(), 1);
    QCOMPARE(finished.count(), 1);
}

void TestApiCalls::listAllErrorOnSecondPageKeepsFirst()
{
    auto client = makeClient();
    m_network->setHandler([](const RecordedRequest &request, int index) {
        if (index == 0)
            return pagingServer(9, 9)(request, index);
        return FakeResponse::json(500, errorBody("WKS.0500", "internal error"), "req-page-2");
    });
    ListAllDesktopsCall call(client.get(), {});
    call.setPageSize(3);
    QSignalSpy finished(&call, &ListAllDesktopsCall::finished);
    QSignalSpy pages(&call, &ListAllDesktopsCall::pageLoaded);
    call.start();
    QVERIFY(finished.wait());
    QCOMPARE(finished.count(), 1);
    QVERIFY(!call.succeeded());
    QCOMPARE(call.error().httpStatus, 500);
    QCOMPARE(call.error().errorCode, QStringLiteral("WKS.0500"));
    QCOMPARE(call.error().requestId, QStringLiteral("req-page-2"));
    QCOMPARE(pages.count(), 1);
    QCOMPARE(pages.at(0).at(0).value<QList<Desktop>>().size(), 3);
    QCOMPARE(call.loadedCount(), 3);
    QCOMPARE(m_network->requestCount(), 3); // offsets 3 and 6 were asked at once; 6 was cancelled
}

void TestApiCalls::listAllCancelledBeforeStartSendsNothing()
{
    auto client = makeClient();
    m_network->setHandler(pagingServer(3, 3));
    ListAllDesktopsCall call(client.get(), {});
    QSignalSpy finished(&call, &ListAllDesktopsCall::finished);
    call.cancel();
    QCOMPARE(finished.count(), 1);
    call.start();
    runDueEvents();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(m_network->requestCount(), 0);
    QCOMPARE(call.error().kind, ApiError::Kind::Cancelled);
}

void TestApiCalls::errorDetailsNeverContainTheSecret()
{
    auto client = makeClient(Credentials{QString::fromLatin1(kAccessKey), QString::fromLatin1(kSecretKey),
                                         QStringLiteral("token-secret-part")});
    m_network->setResponses({FakeResponse::json(401, errorBody("APIG.0301", "bad signature"), "req-401")});
    ShowJobCall call(client.get(), QStringLiteral("job"));
    QSignalSpy finished(&call, &ApiCall::finished);
    call.start();
    QVERIFY(finished.wait());
    const QString text = call.error().summary() + call.error().details();
    QVERIFY(text.contains(QLatin1String("req-401")));
    QVERIFY(!text.contains(QString::fromLatin1(kSecretKey)));
    QVERIFY(!text.contains(QLatin1String("token-secret-part")));
}

void TestApiCalls::whenFinishedRunsOnceThenDeletesTheCall()
{
    auto client = makeClient();
    m_network->setHandler(pagingServer(3, 3));
    QPointer<ShowJobCall> job = new ShowJobCall(client.get(), QStringLiteral("job"));
    QPointer<ListAllDesktopsCall> listing = new ListAllDesktopsCall(client.get(), {});
    int jobEnds = 0;
    int listingEnds = 0;
    whenFinished(job.data(), this, [&](const ShowJobCall *call) {
        ++jobEnds;
        QVERIFY(call->isFinished());
    });
    whenFinished(listing.data(), this, [&](const ListAllDesktopsCall *call) {
        ++listingEnds;
        QCOMPARE(call->loadedCount(), 3);
        QVERIFY(call->isComplete());
    });
    job->start();
    listing->start();
    QTRY_VERIFY(job.isNull() && listing.isNull()); // deleted after their handler
    QCOMPARE(jobEnds, 1);
    QCOMPARE(listingEnds, 1);

    // No handler once its context is gone; the call is not leaked either way.
    auto context = std::make_unique<QObject>();
    auto *orphan = new ShowJobCall(client.get(), QStringLiteral("job"), this);
    bool ran = false;
    whenFinished(orphan, context.get(), [&ran](const ShowJobCall *) { ran = true; });
    context.reset();
    QSignalSpy finished(orphan, &ApiCall::finished);
    orphan->start();
    QVERIFY(finished.wait());
    QVERIFY(!ran);
    delete orphan;
}

QTEST_GUILESS_MAIN(TestApiCalls)
#include "tst_apicalls.moc"
