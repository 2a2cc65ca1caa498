// Every listing under one set of bounds, against the misbehaving server of tests/common: a deadline
// for a listing that does not answer, a bound on the bytes a listing takes in, counts that
// contradict the pages, repeated and conflicting usage entries, idle times beyond what the period
// can tell; and the log-off message refused before anything is sent.
#include "api/apicalls.h"
#include "api/apiclient.h"
#include "api/decommissioncalls.h"
#include "deletion/auditlog.h"
#include "deletion/changerun.h"
#include "deletion/deletionstore.h"
#include "decommission/usersdesktopslookup.h"
#include "deletion/auditlog.h"
#include "fakeclient.h"
#include "misbehavingserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

#include <memory>

namespace {
const QDateTime kNow(QDate(2026, 11, 28), QTime(8, 15, 0), QTimeZone::utc());

QJsonObject usageEntry(int index, qint64 idleSeconds, qint64 usageSeconds, const QString &name = {})
{
    return QJsonObject{
        {QStringLiteral("resource_id"), QStringLiteral("d-%1").arg(index)},
        {QStringLiteral("resource_name"), name.isEmpty() ? QStringLiteral("WKS-%1").arg(index) : name},
        {QStringLiteral("metric"),
         QJsonArray{QJsonObject{{QStringLiteral("metric_name"), QStringLiteral("desktop_idle_duration")},
                                {QStringLiteral("metric_value"), double(idleSeconds)}},
                    QJsonObject{{QStringLiteral("metric_name"), QStringLiteral("desktop_usage")},
                                {QStringLiteral("metric_value"), double(usageSeconds)}}}}};
}

QByteArray usagePage(const QJsonArray &items, int count)
{
    QJsonObject body{{QStringLiteral("items"), items}};
    if (count >= 0)
        body.insert(QStringLiteral("count"), count);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

// `existing` usage entries served by offset and limit, announcing `announced` (-1: no count).
MisbehavingServer::Route usageRoute(int existing, int announced, const QString &name = {})
{
    return [existing, announced, name](const QByteArray &, const QUrl &url) {
        const QUrlQuery query(url);
        const int offset = query.queryItemValue(QStringLiteral("offset")).toInt();
        const int limit = query.queryItemValue(QStringLiteral("limit")).toInt();
        QJsonArray items;
        for (int i = offset; i < std::min(existing, offset + limit); ++i)
            items.append(usageEntry(i, 86400LL * (i % 20), 60 * i, name));
        return std::optional<MisbehavingServer::Answer>({200, usagePage(items, announced)});
    };
}
} // namespace

class TestListingBounds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void usageListingWithoutAnswerEndsAtItsDeadline();
    void deadlinePassedBeforeTheUsageStartsEndsItAtOnce();
    void endlessUsagePagesStopAtTheByteBound();
    void hugeDesktopPagesStopAtTheByteBound();
    void countThePagesContradictIsIgnored_data();
    void countThePagesContradictIsIgnored();
    void repeatedAndConflictingUsageIsReported();
    void repeatsWithinTheCountAreCountedRight();
    void usagePagesAreAskedForInAStableOrder();
    void idleBeyondThePeriodIsALowerBound();
    void usersLookUpStopsAtItsByteBound();
    void usersLookUpFailureKeepsStatusAndCode();
    void logoffMessageRules_data();
    void logoffMessageRules();
    void logoffMessageBytesMustBeUtf8();
    void invalidLogoffMessageIsNeverSent_data();
    void invalidLogoffMessageIsNeverSent();
    void statusFilterTakesOnlyDocumentedValues();

private:
    std::unique_ptr<ApiClient> makeClient();

    std::unique_ptr<MisbehavingServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestListingBounds::init()
{
    m_server = std::make_unique<MisbehavingServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestListingBounds::cleanup()
{
    m_network.reset();
    m_server.reset();
}

std::unique_ptr<ApiClient> TestListingBounds::makeClient()
{
    ClientConfig config;
    config.endpoint = m_server->endpoint();
    config.projectId = QStringLiteral("proj");
    config.retry.maxAttempts = 1;
    return clientFor(m_network.get(), config, Credentials{QStringLiteral("AK"), QStringLiteral("SK"), {}}, kNow);
}

void TestListingBounds::usageListingWithoutAnswerEndsAtItsDeadline()
{
    m_server->setRoute(QStringLiteral("/statistics/metrics/desktops"),
                       [](const QByteArray &, const QUrl &) { return std::optional<MisbehavingServer::Answer>(); });
    auto client = makeClient();
    ListAllUsageCall call(client.get(), UsageQuery::lastDays(30, kNow));
    call.setDeadline(QDeadlineTimer(300));
    QSignalSpy finished(&call, &PagedListingCall::finished);
    QElapsedTimer clock;
    clock.start();
    call.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(call.error().kind, ApiError::Kind::Timeout);
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(call.error().summary().contains(QLatin1String("usage")), qPrintable(call.error().summary()));
    QCOMPARE(m_server->requestCount(QStringLiteral("/statistics/metrics/desktops")), 1);
}

void TestListingBounds::deadlinePassedBeforeTheUsageStartsEndsItAtOnce()
{
    m_server->setRoute(QStringLiteral("/statistics/metrics/desktops"), usageRoute(10, 10));
    auto client = makeClient();
    ListAllUsageCall call(client.get(), UsageQuery::lastDays(30, kNow));
    call.setDeadline(QDeadlineTimer(0)); // what the listing before it left: nothing
    QSignalSpy finished(&call, &PagedListingCall::finished);
    call.start();
    QVERIFY(finished.count() > 0 || finished.wait(2000));
    QCOMPARE(call.error().kind, ApiError::Kind::Timeout);
}

void TestListingBounds::endlessUsagePagesStopAtTheByteBound()
{
    // Pages of long names without end, and a count that keeps the listing going.
    m_server->setRoute(QStringLiteral("/statistics/metrics/desktops"),
                       usageRoute(100000000, 100000000, QString(2000, QLatin1Char('n'))));
    auto client = makeClient();
    ListAllUsageCall call(client.get(), UsageQuery::lastDays(30, kNow));
    call.setMaxBytes(1024 * 1024);
    QSignalSpy finished(&call, &PagedListingCall::finished);
    call.start();
    QVERIFY(finished.wait(20000));
    QVERIFY(call.succeeded());
    QCOMPARE(call.completeness(), PagedListingCall::Completeness::SizeLimitReached);
    QVERIFY(!call.isComplete());
    QVERIFY(call.bytesRead() <= 1024 * 1024);
    QVERIFY(call.loadedCount() > 0 && call.loadedCount() < 600);
    QVERIFY2(call.incompletenessText().contains(QLatin1String("incomplete")), qPrintable(call.incompletenessText()));
    QVERIFY(call.warnings().contains(call.incompletenessText()));
}

void TestListingBounds::hugeDesktopPagesStopAtTheByteBound()
{
    m_server->setDesktopCount(5000);
    m_server->setDesktopName(QString(4000, QLatin1Char('x')));
    auto client = makeClient();
    ListAllDesktopsCall call(client.get(), {});
    call.setMaxBytes(3 * 1024 * 1024);
    QList<Desktop> desktops;
    connect(&call, &ListAllDesktopsCall::pageLoaded, this,
            [&desktops](const QList<Desktop> &page) { desktops += page; });
    QSignalSpy finished(&call, &PagedListingCall::finished);
    call.start();
    QVERIFY(finished.wait(20000));
    QVERIFY(call.succeeded());
    QCOMPARE(call.completeness(), PagedListingCall::Completeness::SizeLimitReached);
    QVERIFY(call.bytesRead() <= 3 * 1024 * 1024);
    QVERIFY(desktops.size() < 5000);
    QCOMPARE(desktops.size(), call.loadedCount());
    QVERIFY2(call.incompletenessText().contains(QLatin1String("incomplete")), qPrintable(call.incompletenessText()));
}

void TestListingBounds::countThePagesContradictIsIgnored_data()
{
    QTest::addColumn<int>("existing");
    QTest::addColumn<int>("announced");
    // Not 100 desktops and "150 without statistics": every page is read.
    QTest::newRow("count of 0 beside full pages") << 250 << 0;
    QTest::newRow("first page longer than its count") << 230 << 50;
}

void TestListingBounds::countThePagesContradictIsIgnored()
{
    QFETCH(int, existing);
    QFETCH(int, announced);
    m_server->setRoute(QStringLiteral("/statistics/metrics/desktops"), usageRoute(existing, announced));
    auto client = makeClient();
    ListAllUsageCall call(client.get(), UsageQuery::lastDays(30, kNow));
    QSignalSpy finished(&call, &PagedListingCall::finished);
    call.start();
    QVERIFY(finished.wait(5000));
    QVERIFY(call.isComplete());
    QCOMPARE(call.usage().size(), existing);
    QCOMPARE(m_server->requestCount(QStringLiteral("/statistics/metrics/desktops")), 3);
    QVERIFY(call.countContradicted());
    QCOMPARE(call.contradictedTotal(), announced);
    QVERIFY2(call.countContradictionText().contains(QString::number(existing)), qPrintable(call.countContradictionText()));
    QVERIFY(call.warnings().contains(call.countContradictionText()));
}

void TestListingBounds::repeatedAndConflictingUsageIsReported()
{
    // d-1 twice alike, d-2 twice with different values (and an idle time far beyond the period).
    QFile fixture(QStringLiteral(WORKSPACE_TEST_DATA_DIR "/usage-metrics-conflicting.json"));
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    const QByteArray body = fixture.readAll();
    m_server->setRoute(QStringLiteral("/statistics/metrics/desktops"), [body](const QByteArray &, const QUrl &) {
        return std::optional<MisbehavingServer::Answer>({200, body});
    });
    auto client = makeClient();
    ListAllUsageCall call(client.get(), UsageQuery::lastDays(30, kNow));
    QSignalSpy finished(&call, &PagedListingCall::finished);
    call.start();
    QVERIFY(finished.wait(5000));
    QVERIFY(call.succeeded());
    QCOMPARE(call.usage().size(), 2);
    QCOMPARE(call.conflictingIds(), QStringList{QStringLiteral("d-2")});
    QCOMPARE(call.repeatedDesktopCount(), 2);
    QCOMPARE(call.duplicateCount(), 2);
    const DesktopUsage &conflicting = call.usage().at(1);
    QCOMPARE(conflicting.desktopId, QStringLiteral("d-2"));
    QVERIFY(!conflicting.idleSeconds && !conflicting.usageSeconds); // unknown, neither answer taken
    QCOMPARE(call.usage().at(0).idleDays(), std::optional<int>(10));
    QVERIFY2(call.conflictsText().contains(QLatin1String("d-2")), qPrintable(call.conflictsText()));
    QVERIFY2(call.duplicatesText().contains(QLatin1String("2 desktop")), qPrintable(call.duplicatesText()));
    QVERIFY(call.warnings().contains(call.conflictsText()));
    // The count of 4 counted the repeats: the text says what was sent, not "2 of the 4".
    QVERIFY2(call.incompletenessText().contains(QLatin1String("sent 4")), qPrintable(call.incompletenessText()));
}

void TestListingBounds::repeatsWithinTheCountAreCountedRight()
{
    // 251 entries announced and sent, one of them a repeat: 250 desktops.
    m_server->setRoute(QStringLiteral("/statistics/metrics/desktops"), [](const QByteArray &, const QUrl &url) {
        const int offset = QUrlQuery(url).queryItemValue(QStringLiteral("offset")).toInt();
        QJsonArray items;
        for (int i = offset; i < std::min(251, offset + 100); ++i)
            items.append(usageEntry(i == 250 ? 3 : i, 86400LL * (i == 250 ? 3 : i) % 1000, 60));
        return std::optional<MisbehavingServer::Answer>({200, usagePage(items, 251)});
    });
    auto client = makeClient();
    ListAllUsageCall call(client.get(), UsageQuery::lastDays(30, kNow));
    QSignalSpy finished(&call, &PagedListingCall::finished);
    call.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(call.usage().size(), 250);
    QCOMPARE(call.receivedCount(), 251);
    QCOMPARE(call.duplicateCount(), 1);
    const QString text = call.incompletenessText();
    QVERIFY2(text.contains(QLatin1String("251")) && text.contains(QLatin1String("250")), qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String("Only 250 of the 251")), qPrintable(text));
    QVERIFY2(call.duplicatesText().contains(QLatin1String("1 desktop")), qPrintable(call.duplicatesText()));
}

void TestListingBounds::usagePagesAreAskedForInAStableOrder()
{
    m_server->setRoute(QStringLiteral("/statistics/metrics/desktops"), usageRoute(150, 150));
    auto client = makeClient();
    ListAllUsageCall call(client.get(), UsageQuery::lastDays(30, kNow));
    QSignalSpy finished(&call, &PagedListingCall::finished);
    call.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(m_server->requests().size(), 2);
    for (const QUrl &url : m_server->requests()) {
        const QUrlQuery query(url);
        QCOMPARE(query.queryItemValue(QStringLiteral("sort_field")), QStringLiteral("desktop_idle_duration"));
        QCOMPARE(query.queryItemValue(QStringLiteral("sort_type")), QStringLiteral("DESC"));
    }
    // A query's own order is kept.
    UsageQuery byUse = UsageQuery::lastDays(30, kNow);
    byUse.sortField = QStringLiteral("desktop_usage");
    byUse.sortType = QStringLiteral("ASC");
    ListAllUsageCall ordered(client.get(), byUse);
    QSignalSpy orderedFinished(&ordered, &PagedListingCall::finished);
    ordered.start();
    QVERIFY(orderedFinished.wait(5000));
    QCOMPARE(QUrlQuery(m_server->requests().constLast()).queryItemValue(QStringLiteral("sort_field")),
             QStringLiteral("desktop_usage"));
}

void TestListingBounds::idleBeyondThePeriodIsALowerBound()
{
    DesktopUsage usage;
    usage.knowableIdleDays = DesktopUsage::knowableIdleDaysOf(kNow.addDays(-30), kNow);
    QCOMPARE(usage.knowableIdleDays, 30);
    usage.idleSeconds = 100000000000LL; // 1,157,407 days
    QCOMPARE(usage.idleDays(), std::optional<int>(30));
    QVERIFY(usage.idleBeyondKnowable());
    usage.idleSeconds = 30 * 86400;
    QCOMPARE(usage.idleDays(), std::optional<int>(30));
    QVERIFY(!usage.idleBeyondKnowable());
    // Never beyond the 180 days the service keeps, whatever the period.
    QCOMPARE(DesktopUsage::knowableIdleDaysOf(kNow.addDays(-400), kNow), 180);
    QCOMPARE(DesktopUsage::knowableIdleDaysOf(kNow.addSecs(-3600), kNow), 1);

    // The listing sets the bound of its period on every entry.
    m_server->setRoute(QStringLiteral("/statistics/metrics/desktops"), [](const QByteArray &, const QUrl &) {
        return std::optional<MisbehavingServer::Answer>(
            {200, usagePage(QJsonArray{usageEntry(1, 100000000000LL, 0)}, 1)});
    });
    auto client = makeClient();
    ListAllUsageCall call(client.get(), UsageQuery::lastDays(7, kNow));
    QSignalSpy finished(&call, &PagedListingCall::finished);
    call.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(call.usage().size(), 1);
    QCOMPARE(call.usage().constFirst().idleDays(), std::optional<int>(7));
    QVERIFY(call.usage().constFirst().idleBeyondKnowable());
}

void TestListingBounds::usersLookUpStopsAtItsByteBound()
{
    m_server->setPaging(MisbehavingServer::Paging::Endless);
    m_server->setTotalCountJson(QByteArray());
    m_server->setDesktopName(QString(3000, QLatin1Char('y')));
    auto client = makeClient();
    UsersDesktopsLookUp lookUp(client.get(), {QStringLiteral("ann")});
    lookUp.setMaxBytes(2 * 1024 * 1024);
    QSignalSpy finished(&lookUp, &UsersDesktopsLookUp::finished);
    lookUp.start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.count(), 1);
    QVERIFY(!lookUp.succeeded());
    QVERIFY(lookUp.wasIncomplete());
    QVERIFY2(lookUp.failureText().contains(QLatin1String("incomplete")), qPrintable(lookUp.failureText()));
    QVERIFY(lookUp.desktops().size() < 2000);
}

void TestListingBounds::usersLookUpFailureKeepsStatusAndCode()
{
    m_server->setErrorStatus(500);
    m_server->setFailReason(QStringLiteral("internal error"));
    auto client = makeClient();
    UsersDesktopsLookUp lookUp(client.get(), {QStringLiteral("ann")});
    QSignalSpy finished(&lookUp, &UsersDesktopsLookUp::finished);
    lookUp.start();
    QVERIFY(finished.wait(10000));
    QVERIFY(!lookUp.succeeded());
    QVERIFY(!lookUp.wasIncomplete());
    QVERIFY2(lookUp.failureText().contains(QLatin1String("500")) && lookUp.failureText().contains(QLatin1String("WKS.0001")),
             qPrintable(lookUp.failureText()));
}

void TestListingBounds::logoffMessageRules_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("plain") << QStringLiteral("Please save your work.") << true;
    QTest::newRow("255 characters") << QString(255, QLatin1Char('a')) << true;
    QTest::newRow("256 characters") << QString(256, QLatin1Char('a')) << false;
    QTest::newRow("300 characters") << QString(300, QLatin1Char('a')) << false;
    QTest::newRow("120 KB") << QString(120 * 1024, QLatin1Char('a')) << false;
    // The service counts UTF-16 code units: 127 emoji are 254, 128 are 256.
    QTest::newRow("127 emoji") << QString::fromUtf8("\xF0\x9F\x98\x80").repeated(127) << true;
    QTest::newRow("128 emoji") << QString::fromUtf8("\xF0\x9F\x98\x80").repeated(128) << false;
    QTest::newRow("255 Chinese characters") << QString::fromUtf8("\xE6\xA1\x8C").repeated(255) << true;
    QTest::newRow("lines") << QStringLiteral("Retired tonight.\nSave your work.\tThanks") << true;
    QTest::newRow("blank") << QStringLiteral("   \n ") << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("escape sequence") << QStringLiteral("hello \x1b[2J") << false;
    QTest::newRow("nul") << QStringLiteral("a") + QChar(0) + QStringLiteral("b") << false;
    QTest::newRow("replacement character") << QStringLiteral("caf") + QChar(QChar::ReplacementCharacter) << false;
    QTest::newRow("lone surrogate") << QStringLiteral("a") + QChar(0xD800) << false;
}

void TestListingBounds::logoffMessageRules()
{
    QFETCH(QString, message);
    QFETCH(bool, accepted);
    const std::optional<QString> problem = DecommissionJson::logoffMessageProblem(message);
    QCOMPARE(!problem.has_value(), accepted);
    if (problem)
        QVERIFY(!problem->isEmpty());
    QCOMPARE(DecommissionJson::logoffMessageUnitsLeft(message), 255 - message.size());
}

void TestListingBounds::logoffMessageBytesMustBeUtf8()
{
    QString problem;
    QCOMPARE(DecommissionJson::logoffMessageFromUtf8("caf\xC3\xA9", &problem), std::optional<QString>(QString::fromUtf8("caf\xC3\xA9")));
    QVERIFY(!DecommissionJson::logoffMessageFromUtf8("caf\xE9", &problem)); // Latin-1, not UTF-8
    QVERIFY(problem.contains(QLatin1String("UTF-8")));
    QVERIFY(!DecommissionJson::logoffMessageFromUtf8("\xF0\x9F\x98", &problem)); // cut short
    QVERIFY(!DecommissionJson::logoffMessageFromUtf8("\xED\xA0\x80", &problem)); // an encoded surrogate
}

void TestListingBounds::invalidLogoffMessageIsNeverSent_data()
{
    QTest::addColumn<QString>("message");
    QTest::newRow("300 characters") << QString(300, QLatin1Char('m'));
    QTest::newRow("120 KB") << QString(120 * 1024, QLatin1Char('m'));
    QTest::newRow("blank") << QStringLiteral("  ");
    QTest::newRow("replacement characters") << QString(3, QChar(QChar::ReplacementCharacter));
}

void TestListingBounds::invalidLogoffMessageIsNeverSent()
{
    QFETCH(QString, message);
    auto client = makeClient();
    {
        LogoffDesktopsCall call(client.get(), {QStringLiteral("d-1")}, message);
        QSignalSpy finished(&call, &ApiCall::finished);
        call.start();
        QVERIFY(finished.wait(2000));
        QCOMPARE(call.error().kind, ApiError::Kind::Configuration);
    }
    // A run of 250 desktops (three requests) writes no intent and sends nothing.
    QTemporaryDir dir;
    const DeletionStorePtr store = std::make_shared<DeletionStore>(dir.path());
    QList<ChangeTarget> targets;
    for (int i = 0; i < 250; ++i)
        targets.append({QStringLiteral("d-%1").arg(i), QStringLiteral("WKS-%1").arg(i)});
    ChangeRun run(client.get(), store, DeletionContext(), ChangeKinds::logoff(message), targets);
    QSignalSpy finished(&run, &ChangeRun::finished);
    run.start();
    QVERIFY(finished.count() > 0 || finished.wait(2000));
    int notSent = 0;
    for (const ChangeRun::TargetOutcome &outcome : run.targetOutcomes()) {
        if (outcome.outcome == ChangeRun::Outcome::NotSent) {
            ++notSent;
            QVERIFY(!outcome.reason.isEmpty());
        }
    }
    QCOMPARE(notSent, 250);
    QCOMPARE(m_server->requests().size(), 0);
    for (const QJsonObject &entry : AuditLog::readEntries(store->audit().filePath()))
        QVERIFY(entry.value(QLatin1String("event")).toString() != QLatin1String("intent"));
}

void TestListingBounds::statusFilterTakesOnlyDocumentedValues()
{
    QVERIFY(isDesktopStatusFilterValue(QStringLiteral("ACTIVE")));
    QVERIFY(isDesktopStatusFilterValue(QStringLiteral("shutoff")));
    QVERIFY(isDesktopStatusFilterValue(QStringLiteral("HIBERNATED")));
    QVERIFY(!isDesktopStatusFilterValue(QStringLiteral("DELETED")));
    QVERIFY(!isDesktopStatusFilterValue(QStringLiteral("STARTING"))); // a status, not a filter value
    QVERIFY(!isDesktopStatusFilterValue(QStringLiteral("ACTIVE&x=1")));
    QVERIFY(transitionalDesktopStatuses().contains(QStringLiteral("STOPPING")));

    auto client = makeClient();
    DesktopQuery query;
    query.status = QStringLiteral("anything");
    ListDesktopsPageCall call(client.get(), query, 0, 10);
    QSignalSpy finished(&call, &ApiCall::finished);
    call.start();
    QVERIFY(finished.wait(2000));
    QCOMPARE(call.error().kind, ApiError::Kind::Configuration);
    QCOMPARE(m_server->requests().size(), 0);
}

QTEST_MAIN(TestListingBounds)
#include "tst_listingbounds.moc"
