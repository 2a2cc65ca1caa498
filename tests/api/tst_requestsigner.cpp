#include "api/requestsigner.h"
#include "signingvectors.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QTest>
#include <QTimeZone>

class TestRequestSigner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void officialVectors_data();
    void officialVectors();
    void signStampsHeadersAndMatchesStaticSigning();
    void canonicalUriAppendsSlashAndEncodesSegments();
    void canonicalQuerySortsKeysAndRepeatedValues();
    void percentEncodingKeepsOnlyUnreserved();
    void hostHeaderKeepsExplicitPort();
    void bodyByteChangesSignature();
};

void TestRequestSigner::officialVectors_data()
{
    QTest::addColumn<QJsonObject>("vector");
    const QJsonObject vectors = loadSigningVectors();
    const QJsonArray list = vectors.value(QLatin1String("vectors")).toArray();
    QVERIFY(!list.isEmpty());
    for (const QJsonValue &value : list) {
        const QJsonObject vector = value.toObject();
        QTest::newRow(qPrintable(vector.value(QLatin1String("name")).toString())) << vector;
    }
}

void TestRequestSigner::officialVectors()
{
    QFETCH(QJsonObject, vector);
    const QJsonObject all = loadSigningVectors();
    RequestSigner::Request request;
    request.method = vector.value(QLatin1String("method")).toString().toLatin1();
    request.url = QUrl(vector.value(QLatin1String("url")).toString(), QUrl::StrictMode);
    QVERIFY(request.url.isValid());
    const QJsonObject headers = vector.value(QLatin1String("headers")).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it)
        request.headers.append({it.key().toLatin1(), it.value().toString().toUtf8()});
    request.body = vector.value(QLatin1String("body")).toString().toUtf8();

    QCOMPARE(RequestSigner::hostHeader(request.url),
             vector.value(QLatin1String("expected_host")).toString().toLatin1());
    const QByteArray authorization = RequestSigner::authorization(
        request, all.value(QLatin1String("access_key")).toString().toLatin1(),
        all.value(QLatin1String("secret_key")).toString().toLatin1());
    QCOMPARE(authorization, vector.value(QLatin1String("expected_authorization")).toString().toLatin1());
}

void TestRequestSigner::signStampsHeadersAndMatchesStaticSigning()
{
    const QDateTime fixed(QDate(2026, 11, 28), QTime(8, 15, 0), QTimeZone::utc());
    RequestSigner signer(Credentials{QStringLiteral("AK"), QStringLiteral("SK"), QStringLiteral("TOKEN")},
                         [fixed] { return fixed; });
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:8080/v2/p/desktops/detail?limit=1")));
    request.setRawHeader("Content-Type", "application/json");
    signer.sign(request, "GET", {});

    QCOMPARE(request.rawHeader("X-Sdk-Date"), QByteArray("20261128T081500Z"));
    QCOMPARE(request.rawHeader("Host"), QByteArray("127.0.0.1:8080"));
    QCOMPARE(request.rawHeader("X-Security-Token"), QByteArray("TOKEN"));
    const QByteArray authorization = request.rawHeader("Authorization");
    QVERIFY(authorization.contains("SignedHeaders=content-type;host;x-sdk-date;x-security-token,"));
    QVERIFY(!authorization.contains("SK"));

    RequestSigner::Request manual{"GET", request.url(), {}, {}};
    manual.headers = {{"Content-Type", "application/json"},
                      {"X-Sdk-Date", "20261128T081500Z"},
                      {"X-Security-Token", "TOKEN"}};
    QCOMPARE(authorization, RequestSigner::authorization(manual, "AK", "SK"));
}

void TestRequestSigner::canonicalUriAppendsSlashAndEncodesSegments()
{
    QCOMPARE(RequestSigner::canonicalUri(QUrl(QStringLiteral("https://h/v2/p/desktops/detail"))),
             QByteArray("/v2/p/desktops/detail/"));
    QCOMPARE(RequestSigner::canonicalUri(QUrl(QStringLiteral("https://h/v2/p/"))), QByteArray("/v2/p/"));
    QCOMPARE(RequestSigner::canonicalUri(QUrl(QStringLiteral("https://h/a%20b/c+d"))),
             QByteArray("/a%20b/c%2Bd/"));
}

void TestRequestSigner::canonicalQuerySortsKeysAndRepeatedValues()
{
    const QUrl url(QStringLiteral("https://h/p?status=ACTIVE&desktop_id=b&desktop_id=a&limit=5"));
    QCOMPARE(RequestSigner::canonicalQuery(url),
             QByteArray("desktop_id=a&desktop_id=b&limit=5&status=ACTIVE"));
    QCOMPARE(RequestSigner::canonicalQuery(QUrl(QStringLiteral("https://h/p"))), QByteArray());
    QCOMPARE(RequestSigner::canonicalQuery(QUrl(QStringLiteral("https://h/p?tag=k%3Dv%2Cx"))),
             QByteArray("tag=k%3Dv%2Cx"));
}

void TestRequestSigner::percentEncodingKeepsOnlyUnreserved()
{
    QCOMPARE(RequestSigner::percentEncode("Az09-_.~ +=/\xe6\xa1\x8c"),
             QByteArray("Az09-_.~%20%2B%3D%2F%E6%A1%8C"));
}

void TestRequestSigner::hostHeaderKeepsExplicitPort()
{
    QCOMPARE(RequestSigner::hostHeader(QUrl(QStringLiteral("https://workspace.cn-north-4.myhuaweicloud.com/x"))),
             QByteArray("workspace.cn-north-4.myhuaweicloud.com"));
    QCOMPARE(RequestSigner::hostHeader(QUrl(QStringLiteral("http://[::1]:9/x"))), QByteArray("[::1]:9"));
}

void TestRequestSigner::bodyByteChangesSignature()
{
    RequestSigner::Request request{"POST", QUrl(QStringLiteral("https://h/v2/p/desktops/batch-delete")),
                                   {{"X-Sdk-Date", "20261128T081500Z"}}, "{}"};
    const QByteArray first = RequestSigner::authorization(request, "AK", "SK");
    request.body = "{}\n";
    QVERIFY(first != RequestSigner::authorization(request, "AK", "SK"));
}

QTEST_GUILESS_MAIN(TestRequestSigner)
#include "tst_requestsigner.moc"
