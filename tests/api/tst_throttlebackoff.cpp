#include "api/apicalls.h"
#include "api/apiclient.h"
#include "fakenetworkaccessmanager.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>

// A 429 without Retry-After (the gateway documents none): 2-5 s with jitter, then back-off.
class TestThrottleBackoff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultPolicyWaitsTwoToFiveSeconds();
    void furtherAttemptsBackOffUpToTheCap();
    void callDrawsItsDelayFromTheRange();
};

void TestThrottleBackoff::defaultPolicyWaitsTwoToFiveSeconds()
{
    const RetryPolicy policy;
    QCOMPARE(throttleBackoffMs(policy, 1, 0.0), 2000);
    QCOMPARE(throttleBackoffMs(policy, 1, 0.5), 3500);
    QCOMPARE(throttleBackoffMs(policy, 1, 0.9999), 4999);
    QCOMPARE(throttleBackoffMs(policy, 1, 1.0), 5000);
    // Out-of-range randomness cannot leave the range.
    QCOMPARE(throttleBackoffMs(policy, 1, -3.0), 2000);
    QCOMPARE(throttleBackoffMs(policy, 1, 7.0), 5000);
}

void TestThrottleBackoff::furtherAttemptsBackOffUpToTheCap()
{
    RetryPolicy policy;
    QCOMPARE(throttleBackoffMs(policy, 2, 0.0), 4000);
    QCOMPARE(throttleBackoffMs(policy, 3, 1.0), 20000);
    QCOMPARE(throttleBackoffMs(policy, 12, 0.5), policy.maxDelayMs);
    policy.throttleJitter = 0;
    QCOMPARE(throttleBackoffMs(policy, 1, 0.7), 2000);
}

void TestThrottleBackoff::callDrawsItsDelayFromTheRange()
{
    FakeNetworkAccessManager network;
    network.setResponses({FakeResponse::json(
        429, QByteArrayLiteral("{\"error_code\":\"APIGW.0308\",\"error_msg\":\"throttled\"}"))});
    ClientConfig config;
    config.endpoint = QUrl(QStringLiteral("https://workspace.cn-north-4.myhuaweicloud.com"));
    config.projectId = QStringLiteral("proj-1");
    ApiClient client(&network, config, Credentials{QStringLiteral("AK"), QStringLiteral("SK"), {}});
    QSet<int> delays;
    for (int i = 0; i < 8; ++i) {
        // The call waits for its retry timer: it is dropped as soon as the delay is known.
        ListDesktopsPageCall call(&client, DesktopQuery{}, 0, 10);
        QSignalSpy retrying(&call, &ApiCall::retrying);
        call.start();
        QVERIFY(retrying.count() == 1 || retrying.wait());
        const int delay = retrying.at(0).at(1).toInt();
        QVERIFY2(delay >= 2000 && delay <= 5000, qPrintable(QString::number(delay)));
        delays.insert(delay);
    }
    QVERIFY2(delays.size() > 1, "the delay has no jitter");
}

QTEST_GUILESS_MAIN(TestThrottleBackoff)
#include "tst_throttlebackoff.moc"
