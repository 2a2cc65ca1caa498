// Unit tests of the simulator's parts: desktop generation, query parsing, signature verification
// and the deletion job's life cycle.

#include "deletionjob.h"
#include "desktopgenerator.h"
#include "desktoplistfilter.h"
#include "signatureverifier.h"
#include "signingvectors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

class TestSimulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generatorIsDeterministicPerSeed();
    void generatedDesktopsAreDistinctAndComplete();
    void filterParsesPagingAndDefaults();
    void filterRejectsBadValues_data();
    void filterRejectsBadValues();
    void filterMatchesTagsAndChargeMode();
    void verifierAcceptsOfficialVectors_data();
    void verifierAcceptsOfficialVectors();
    void verifierRejects_data();
    void verifierRejects();
    void deletionJobRunsToItsOutcome();
};

void TestSimulator::generatorIsDeterministicPerSeed()
{
    const QList<SimulatedDesktop> first = DesktopGenerator::generate(50, 7);
    const QList<SimulatedDesktop> again = DesktopGenerator::generate(50, 7);
    const QList<SimulatedDesktop> other = DesktopGenerator::generate(50, 8);
    QCOMPARE(first.size(), 50);
    for (qsizetype i = 0; i < first.size(); ++i)
        QCOMPARE(first.at(i).compactJson(), again.at(i).compactJson());
    QVERIFY(first.first().id != other.first().id);
}

void TestSimulator::generatedDesktopsAreDistinctAndComplete()
{
    const QList<SimulatedDesktop> desktops = DesktopGenerator::generate(2000, 1);
    QSet<QString> ids;
    QSet<QString> names;
    QSet<QString> ips;
    QSet<QString> users;
    int assigned = 0;
    for (const SimulatedDesktop &desktop : desktops) {
        ids.insert(desktop.id);
        names.insert(desktop.computerName);
        ips.insert(desktop.ipAddress);
        if (!desktop.userName.isEmpty()) {
            users.insert(desktop.userName);
            ++assigned;
        }
        const QJsonObject json = QJsonDocument::fromJson(desktop.compactJson()).object();
        QCOMPARE(json.value(QLatin1String("desktop_id")).toString(), desktop.id);
        QCOMPARE(json.value(QLatin1String("product")).toObject().value(QLatin1String("charge_mode")).toString(),
                 desktop.yearlyMonthly ? QStringLiteral("0") : QStringLiteral("1"));
        for (const char *key : {"computer_name", "status", "login_status", "created", "product_id",
                                "availability_zone", "desktop_type", "root_volume", "flavor", "tags"})
            QVERIFY2(json.contains(QLatin1String(key)), key);
        QVERIFY(desktop.created.isValid());
    }
    QCOMPARE(ids.size(), 2000);
    QCOMPARE(names.size(), 2000);
    QCOMPARE(ips.size(), 2000);
    QVERIFY2(users.size() < assigned, "some users must own more than one desktop");
    QVERIFY(assigned < 2000); // and some desktops belong to nobody
}

void TestSimulator::filterParsesPagingAndDefaults()
{
    QString error;
    const auto defaults = DesktopListFilter::parse(QUrlQuery(), &error);
    QVERIFY(defaults);
    QCOMPARE(defaults->offset(), 0);
    QCOMPARE(defaults->limit(), 500);
    const auto paged = DesktopListFilter::parse(QUrlQuery(QStringLiteral("offset=1000&limit=0")), &error);
    QVERIFY(paged);
    QCOMPARE(paged->offset(), 1000);
    QCOMPARE(paged->limit(), 0);
}

void TestSimulator::filterRejectsBadValues_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("limit") << QStringLiteral("limit=600");
    QTest::newRow("offset") << QStringLiteral("offset=-5");
    QTest::newRow("status") << QStringLiteral("status=active");
    QTest::newRow("ip") << QStringLiteral("desktop_ip=host");
    QTest::newRow("empty id") << QStringLiteral("desktop_id=");
    QTest::newRow("tag") << QStringLiteral("tag=%3Dvalue");
    QTest::newRow("charge") << QStringLiteral("charge_mode=yearly");
    QTest::newRow("maintenance") << QStringLiteral("in_maintenance_mode=1");
    QTest::newRow("type") << QStringLiteral("desktop_type=PERSONAL");
    QTest::newRow("user attached") << QStringLiteral("user_attached=yes");
    QTest::newRow("sort field") << QStringLiteral("sort_field=status");
    QTest::newRow("sort type") << QStringLiteral("sort_field=created&sort_type=asc");
}

void TestSimulator::filterRejectsBadValues()
{
    QFETCH(QString, query);
    QString error;
    QVERIFY(!DesktopListFilter::parse(QUrlQuery(query), &error));
    QVERIFY(!error.isEmpty());
}

void TestSimulator::filterMatchesTagsAndChargeMode()
{
    QList<SimulatedDesktop> desktops = DesktopGenerator::generate(400, 3);
    QString error;
    const auto filter = DesktopListFilter::parse(
        QUrlQuery(QStringLiteral("tag=protected%3Dtrue&charge_mode=1&sort_field=computer_name&sort_type=DESC")), &error);
    QVERIFY2(filter, qPrintable(error));
    const QList<const SimulatedDesktop *> matching = filter->apply(desktops);
    QVERIFY(!matching.isEmpty());
    for (const SimulatedDesktop *desktop : matching) {
        QVERIFY(desktop->hasTag(QStringLiteral("protected"), QStringLiteral("true")));
        QVERIFY(!desktop->yearlyMonthly);
    }
    for (qsizetype i = 1; i < matching.size(); ++i)
        QVERIFY(matching.at(i - 1)->computerName > matching.at(i)->computerName);

    // A removed desktop is never listed.
    desktops[static_cast<qsizetype>(matching.first() - desktops.constData())].removed = true;
    QCOMPARE(filter->apply(desktops).size(), matching.size() - 1);
}

void TestSimulator::verifierAcceptsOfficialVectors_data()
{
    QTest::addColumn<QJsonObject>("vector");
    const QJsonArray vectors = loadSigningVectors().value(QLatin1String("vectors")).toArray();
    QVERIFY(!vectors.isEmpty());
    for (const QJsonValue &value : vectors)
        QTest::newRow(qPrintable(value.toObject().value(QLatin1String("name")).toString())) << value.toObject();
}

void TestSimulator::verifierAcceptsOfficialVectors()
{
    QFETCH(QJsonObject, vector);
    const QJsonObject all = loadSigningVectors();
    const SignatureVerifier verifier(all.value(QLatin1String("access_key")).toString().toLatin1(),
                                     all.value(QLatin1String("secret_key")).toString().toLatin1());
    RequestSigner::HeaderList headers;
    const QJsonObject vectorHeaders = vector.value(QLatin1String("headers")).toObject();
    QByteArray date;
    for (auto it = vectorHeaders.begin(); it != vectorHeaders.end(); ++it) {
        headers.append({it.key().toLatin1(), it.value().toString().toUtf8()});
        if (it.key().compare(QLatin1String("X-Sdk-Date"), Qt::CaseInsensitive) == 0)
            date = it.value().toString().toLatin1();
    }
    headers.append({"Host", vector.value(QLatin1String("expected_host")).toString().toLatin1()});
    headers.append({"Authorization", vector.value(QLatin1String("expected_authorization")).toString().toLatin1()});
    const QUrl url(vector.value(QLatin1String("url")).toString(), QUrl::StrictMode);
    const QByteArray body = vector.value(QLatin1String("body")).toString().toUtf8();
    const QByteArray method = vector.value(QLatin1String("method")).toString().toLatin1();
    const QDateTime now = RequestSigner::parseSdkDate(date).addSecs(60);

    const SignatureVerifier::Result accepted = verifier.verify(method, url, headers, body, now);
    QVERIFY2(accepted.accepted, qPrintable(accepted.reason));
    QVERIFY(!verifier.verify(method, url, headers, body + ' ', now).accepted);
}

void TestSimulator::verifierRejects_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("reason");
    QTest::newRow("other access key") << QStringLiteral("ak") << QStringLiteral("unknown access key");
    QTest::newRow("other secret") << QStringLiteral("sk") << QStringLiteral("signature");
    QTest::newRow("clock 16 minutes behind") << QStringLiteral("skew") << QStringLiteral("15 minutes");
    QTest::newRow("host not signed") << QStringLiteral("nohost") << QStringLiteral("host");
    QTest::newRow("date not signed") << QStringLiteral("nodate") << QStringLiteral("x-sdk-date");
    QTest::newRow("token not signed") << QStringLiteral("token") << QStringLiteral("x-security-token");
    QTest::newRow("query changed") << QStringLiteral("query") << QStringLiteral("signature");
    QTest::newRow("no authorization") << QStringLiteral("unsigned") << QStringLiteral("not signed");
}

void TestSimulator::verifierRejects()
{
    QFETCH(QString, change);
    QFETCH(QString, reason);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QUrl url(QStringLiteral("http://127.0.0.1:8443/v2/p/desktops/detail?limit=10"));
    RequestSigner::Request request{"GET", url, {{"Content-Type", "application/json"}, {"X-Sdk-Date", RequestSigner::sdkDate(now)}}, {}};
    if (change == QLatin1String("skew"))
        request.headers[1].second = RequestSigner::sdkDate(now.addSecs(-16 * 60));
    if (change == QLatin1String("nodate"))
        request.headers[1].first = "X-Date-Unsigned";
    QByteArray authorization = RequestSigner::authorization(
        request, change == QLatin1String("ak") ? "OTHER" : "AK", change == QLatin1String("sk") ? "OTHER" : "SK");
    if (change == QLatin1String("nohost"))
        authorization.replace("host;", "");
    RequestSigner::HeaderList headers = request.headers;
    if (change == QLatin1String("nodate"))
        headers.append({"X-Sdk-Date", RequestSigner::sdkDate(now)});
    headers.append({QByteArrayLiteral("Host"), QByteArrayLiteral("127.0.0.1:8443")});
    if (change != QLatin1String("unsigned"))
        headers.append({"Authorization", authorization});
    if (change == QLatin1String("token"))
        headers.append({QByteArrayLiteral("X-Security-Token"), QByteArrayLiteral("token")});
    if (change == QLatin1String("query"))
        url.setQuery(QStringLiteral("limit=11"));

    const SignatureVerifier verifier("AK", "SK");
    const SignatureVerifier::Result result = verifier.verify("GET", url, headers, {}, now);
    QVERIFY(!result.accepted);
    QVERIFY2(result.reason.contains(reason), qPrintable(result.reason));
    QVERIFY(!result.reason.contains(QLatin1String("SK")));
}

void TestSimulator::deletionJobRunsToItsOutcome()
{
    DeletionTarget ok{QStringLiteral("d1"), QStringLiteral("WKS-1"), QStringLiteral("ann"), QStringLiteral("10.0.0.1"),
                      QStringLiteral("p"), {}, {}};
    DeletionTarget failing = ok;
    failing.desktopId = QStringLiteral("d2");
    failing.errorCode = QStringLiteral("WKS.0243");
    failing.failReason = QStringLiteral("yearly/monthly");
    DeletionTarget unassigned = ok;
    unassigned.desktopId = QStringLiteral("d3");
    unassigned.userName.clear();
    DeletionJob job(QStringLiteral("job-1"), {ok, failing, unassigned}, 200);
    QCOMPARE(job.status(), QStringLiteral("WAITING"));
    // What has not happened yet is absent, never an empty string (documented strings have at least
    // one character); so is the user of a desktop nobody had.
    const QJsonObject waiting = job.toJson();
    for (const char *key : {"end_time", "job_error_code", "fail_reason"})
        QVERIFY2(!waiting.contains(QLatin1String(key)), key);
    for (const QJsonValue &subJob : waiting.value(QLatin1String("sub_jobs")).toArray()) {
        for (const char *key : {"begin_time", "end_time", "error_code", "fail_reason"})
            QVERIFY2(!subJob.toObject().contains(QLatin1String(key)), key);
    }
    QVERIFY(!waiting.value(QLatin1String("sub_jobs")).toArray().at(2).toObject().value(QLatin1String("entities"))
                 .toObject().contains(QLatin1String("user_name")));
    QSignalSpy ended(&job, &DeletionJob::subJobFinished);
    QSignalSpy finished(&job, &DeletionJob::finished);
    job.start();
    QTRY_COMPARE_WITH_TIMEOUT(job.status(), QStringLiteral("RUNNING"), 5000);
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(job.status(), QStringLiteral("FAILED"));
    QCOMPARE(ended.size(), 3);
    // The failing one gives up half-way, so it ends first.
    QCOMPARE(ended.at(0).at(0).toString(), QStringLiteral("d2"));
    QCOMPARE(ended.at(0).at(1).toBool(), false);
    QCOMPARE(ended.at(1).at(1).toBool(), true);
    QCOMPARE(ended.at(2).at(1).toBool(), true);

    const QJsonObject json = job.toJson();
    QCOMPARE(json.value(QLatin1String("job_type")).toString(), QStringLiteral("deleteDesktops"));
    QCOMPARE(json.value(QLatin1String("sub_jobs_total")).toInt(), 3);
    QCOMPARE(json.value(QLatin1String("job_error_code")).toString(), QStringLiteral("WKS.0243"));
    QVERIFY(!json.value(QLatin1String("end_time")).toString().isEmpty());
    int total = 0;
    const QList<QJsonObject> failed = job.subJobsJson(QStringLiteral("FAILED"), 0, 10, &total);
    QCOMPARE(total, 1);
    QCOMPARE(failed.first().value(QLatin1String("fail_reason")).toString(), QStringLiteral("yearly/monthly"));
    QCOMPARE(failed.first().value(QLatin1String("process")).toInt(), 50);
    const QList<QJsonObject> succeeded = job.subJobsJson(QStringLiteral("SUCCESS"), 0, 10, &total);
    QCOMPARE(succeeded.first().value(QLatin1String("process")).toInt(), 100);
    QVERIFY(!succeeded.first().contains(QLatin1String("error_code")));
    QVERIFY(!succeeded.first().contains(QLatin1String("fail_reason")));
}

QTEST_GUILESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
