#include "api/endpoint.h"

#include <QTest>

class TestEndpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void regionsMapToPublicEndpoints_data();
    void regionsMapToPublicEndpoints();
    void knownRegionsIncludeTheSdkList();
    void environmentOverridesARegion();
    void regionThatIsNotAPlainNameIsRefused_data();
    void regionThatIsNotAPlainNameIsRefused();
    void validation_data();
    void validation();
};

void TestEndpoint::regionsMapToPublicEndpoints_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("url");
    QTest::newRow("cn-north-4") << QStringLiteral("cn-north-4")
                                << QStringLiteral("https://workspace.cn-north-4.myhuaweicloud.com");
    QTest::newRow("ap-southeast-1") << QStringLiteral("ap-southeast-1")
                                    << QStringLiteral("https://workspace.ap-southeast-1.myhuaweicloud.com");
    QTest::newRow("typed with spaces and capitals")
        << QStringLiteral("  CN-East-3 ") << QStringLiteral("https://workspace.cn-east-3.myhuaweicloud.com");
    QTest::newRow("a region the app does not list")
        << QStringLiteral("xx-new-9") << QStringLiteral("https://workspace.xx-new-9.myhuaweicloud.com");
    QTest::newRow("eu-west-101: its own domain")
        << QStringLiteral("eu-west-101") << QStringLiteral("https://workspace.eu-west-101.myhuaweicloud.eu");
    QTest::newRow("an eu-west-1* region the app does not list")
        << QStringLiteral("EU-West-102") << QStringLiteral("https://workspace.eu-west-102.myhuaweicloud.eu");
    QTest::newRow("eu-west-0 is not one of them")
        << QStringLiteral("eu-west-0") << QStringLiteral("https://workspace.eu-west-0.myhuaweicloud.com");
}

void TestEndpoint::regionsMapToPublicEndpoints()
{
    QFETCH(QString, region);
    QFETCH(QString, url);
    const QUrl endpoint = Endpoint::forRegion(region, QProcessEnvironment());
    QCOMPARE(endpoint.toString(), url);
    QString error;
    const std::optional<QUrl> validated = Endpoint::validate(endpoint, &error);
    QVERIFY2(validated, qPrintable(error));
    QCOMPARE(validated->toString(), url);
}

void TestEndpoint::knownRegionsIncludeTheSdkList()
{
    QStringList regions = Endpoint::knownRegions();
    for (const char *region : {"cn-east-3", "cn-north-4", "cn-south-1", "cn-southwest-2", "la-south-2",
                               "sa-brazil-1", "la-north-2", "ap-southeast-3", "cn-north-9",
                               "ap-southeast-1", "cn-east-5", "me-east-1", "af-south-1", "tr-west-1",
                               "cn-north-11", "af-north-1", "ap-southeast-2", "eu-west-101"})
        QVERIFY2(regions.contains(QLatin1String(region)), region);
    QCOMPARE(regions.removeDuplicates(), 0);
    QVERIFY(regions.contains(QLatin1String("na-mexico-1"))); // named by the API reference
    // One table: every listed region's endpoint is built from its own entry.
    for (const Endpoint::Region &region : Endpoint::regions()) {
        QCOMPARE(Endpoint::domainFor(region.name), region.domain);
        QCOMPARE(region.domain, region.name.startsWith(QLatin1String("eu-west-1")) ? QStringLiteral("myhuaweicloud.eu")
                                                                                 : QStringLiteral("myhuaweicloud.com"));
        QCOMPARE(Endpoint::forRegion(region.name, QProcessEnvironment()).host(),
                 QStringLiteral("workspace.%1.%2").arg(region.name, region.domain));
    }
}

void TestEndpoint::environmentOverridesARegion()
{
    QCOMPARE(Endpoint::overrideVariable(QStringLiteral("cn-north-4")),
             QStringLiteral("HUAWEICLOUD_SDK_REGION_WORKSPACE_CN_NORTH_4"));
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("HUAWEICLOUD_SDK_REGION_WORKSPACE_CN_NORTH_4"),
                       QStringLiteral("https://workspace.internal.example:8443/gateway"));
    QCOMPARE(Endpoint::forRegion(QStringLiteral("cn-north-4"), environment),
             QUrl(QStringLiteral("https://workspace.internal.example:8443/gateway")));
    // A European region too: the override wins over its own domain.
    environment.insert(QStringLiteral("HUAWEICLOUD_SDK_REGION_WORKSPACE_EU_WEST_101"),
                       QStringLiteral("https://workspace.eu-proxy.example"));
    QCOMPARE(Endpoint::forRegion(QStringLiteral("eu-west-101"), environment),
             QUrl(QStringLiteral("https://workspace.eu-proxy.example")));
    // Other regions are not affected.
    QCOMPARE(Endpoint::forRegion(QStringLiteral("cn-north-9"), environment),
             QUrl(QStringLiteral("https://workspace.cn-north-9.myhuaweicloud.com")));

    // The override goes through the same validation as a typed URL.
    environment.insert(QStringLiteral("HUAWEICLOUD_SDK_REGION_WORKSPACE_CN_EAST_3"),
                       QStringLiteral("http://workspace.internal.example"));
    QString error;
    QVERIFY(!Endpoint::validate(Endpoint::forRegion(QStringLiteral("cn-east-3"), environment), &error));
    QVERIFY(!error.isEmpty());

    // The one-argument form reads the process environment.
    qputenv("HUAWEICLOUD_SDK_REGION_WORKSPACE_LA_SOUTH_2", "https://proxy.example");
    const QUrl fromProcess = Endpoint::forRegion(QStringLiteral("la-south-2"));
    qunsetenv("HUAWEICLOUD_SDK_REGION_WORKSPACE_LA_SOUTH_2");
    QCOMPARE(fromProcess, QUrl(QStringLiteral("https://proxy.example")));
}

void TestEndpoint::regionThatIsNotAPlainNameIsRefused_data()
{
    QTest::addColumn<QString>("region");
    QTest::newRow("empty") << QString();
    QTest::newRow("host injection") << QStringLiteral("evil.example/x");
    QTest::newRow("user info") << QStringLiteral("a@evil.example");
    QTest::newRow("dots") << QStringLiteral("cn-north-4.evil");
    QTest::newRow("dangling dash") << QStringLiteral("cn-north-");
}

void TestEndpoint::regionThatIsNotAPlainNameIsRefused()
{
    QFETCH(QString, region);
    const QUrl endpoint = Endpoint::forRegion(region, QProcessEnvironment());
    QString error;
    QVERIFY(!Endpoint::validate(endpoint, &error));
    QVERIFY(!error.isEmpty());
}

void TestEndpoint::validation_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // empty: refused
    QTest::newRow("https") << QStringLiteral("https://workspace.cn-north-4.myhuaweicloud.com")
                           << QStringLiteral("https://workspace.cn-north-4.myhuaweicloud.com");
    QTest::newRow("https with port and path, trailing slashes dropped")
        << QStringLiteral("https://gw.example:8443/ws//") << QStringLiteral("https://gw.example:8443/ws");
    QTest::newRow("http to localhost") << QStringLiteral("http://localhost:8080")
                                       << QStringLiteral("http://localhost:8080");
    QTest::newRow("http to 127.0.0.1") << QStringLiteral("http://127.0.0.1:9/")
                                       << QStringLiteral("http://127.0.0.1:9");
    QTest::newRow("http to ::1") << QStringLiteral("http://[::1]:8080") << QStringLiteral("http://[::1]:8080");
    QTest::newRow("http to a network host") << QStringLiteral("http://workspace.example") << QString();
    QTest::newRow("http to a LAN address") << QStringLiteral("http://192.168.1.10") << QString();
    QTest::newRow("http to localhost lookalike") << QStringLiteral("http://localhost.evil.example")
                                                 << QString();
    QTest::newRow("query") << QStringLiteral("https://gw.example/?x=1") << QString();
    QTest::newRow("fragment") << QStringLiteral("https://gw.example/#top") << QString();
    QTest::newRow("user info") << QStringLiteral("https://user:pw@gw.example") << QString();
    QTest::newRow("ftp") << QStringLiteral("ftp://gw.example") << QString();
    QTest::newRow("no host") << QStringLiteral("https://") << QString();
    QTest::newRow("no scheme") << QStringLiteral("workspace.example") << QString();
}

void TestEndpoint::validation()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QString error;
    const std::optional<QUrl> validated = Endpoint::validate(QUrl(input, QUrl::StrictMode), &error);
    if (expected.isEmpty()) {
        QVERIFY2(!validated, qPrintable(validated ? validated->toString() : QString()));
        QVERIFY(!error.isEmpty());
    } else {
        QVERIFY2(validated, qPrintable(error));
        QCOMPARE(validated->toString(), expected);
    }
}

QTEST_GUILESS_MAIN(TestEndpoint)
#include "tst_endpoint.moc"
