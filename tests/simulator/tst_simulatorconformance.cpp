// The simulator held to the published definitions (tests/data/workspace-api-definitions.json, the
// project's compact copy of them): every route it serves is called the ways the app calls it and
// the ways the definitions refuse, and every answer is checked field by field: only documented
// fields, with the documented types, values, lengths and counts, required ones present; only
// documented statuses; the documented error codes.
#include "definitionchecker.h"
#include "fakeclient.h"
#include "simulatortestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {
const QString kAccessKey = QStringLiteral("CONFORMANCEAK00001");
const QString kSecretKey = QStringLiteral("conformance-secret");
constexpr int kDesktops = 620; // more than one page of 500
constexpr int kJobDurationMs = 400;
constexpr int kWaitMs = 15000;
const QString kInvalidParameter = QStringLiteral("APIGW.0201");
const QString kEmptyRequest = QStringLiteral("WKS.0001");
const QString kNotFound = QStringLiteral("WKS.0202");
const QString kConflict = QStringLiteral("WKS.00010032");
const QString kTime = QStringLiteral("start_time=2026-01-01T00:00:00Z&end_time=2036-01-01T00:00:00Z");

struct Answer {
    int status = 0;
    QByteArray body;
    QStringList problems; // where the answer breaks the definitions
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString errorCode() const { return json().value(QLatin1String("error_code")).toString(); }
};

QByteArray idsBody(const QStringList &ids, const QJsonObject &more = {})
{
    QJsonObject body = more;
    body.insert(QStringLiteral("desktop_ids"), QJsonArray::fromStringList(ids));
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}
} // namespace

// The answer breaks no definition; with a status, that status too.
#define CONFORMS(answer, expectedStatus)                                                                               \
    do {                                                                                                               \
        const Answer &checked = (answer);                                                                              \
        QVERIFY2(checked.problems.isEmpty(), qPrintable(checked.problems.mid(0, 20).join(QLatin1Char('\n'))));         \
        QVERIFY2(checked.status == (expectedStatus),                                                                   \
            qPrintable(QStringLiteral("%1: %2").arg(checked.status).arg(QString::fromUtf8(checked.body.left(300)))));  \
    } while (false)
#define REFUSED(answer, expectedStatus, expectedCode)                                                                  \
    do {                                                                                                               \
        const Answer &refusal = (answer);                                                                              \
        CONFORMS(refusal, expectedStatus);                                                                             \
        QCOMPARE(refusal.errorCode(), expectedCode);                                                                   \
    } while (false)

class TestSimulatorConformance : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void checkerCatchesInventions_data();
    void checkerCatchesInventions();

    void desktopListing();
    void desktopListingRefusals_data();
    void desktopListingRefusals();
    void usageListing();
    void usageRefusals_data();
    void usageRefusals();
    void poolsListing();
    void poolDesktopsListing();
    void deletionJobAndSubJobs();
    void deletionRefusals();
    void maintenanceAndLogoff();
    void poolUpdate();
    void wrongSignature();
    void everyOperationWasCalled();

private:
    Answer call(const QString &operation, const QByteArray &method, const QString &path, const QString &query = {},
        const QByteArray &body = {});
    QStringList desktopIds(const QString &query, int most);

    std::unique_ptr<DefinitionChecker> m_checker;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<WorkspaceSimulator> m_simulator;
    std::unique_ptr<ApiClient> m_client;
    ApiClient *m_caller = nullptr; // the client of the next call
    QSet<QString> m_called; // operations answered with a success status
    QSet<QString> m_notServed;
};

void TestSimulatorConformance::initTestCase()
{
    m_checker = std::make_unique<DefinitionChecker>(
        QStringLiteral(WORKSPACE_TEST_DATA_DIR "/workspace-api-definitions.json"));
    QVERIFY2(m_checker->isValid(), qPrintable(m_checker->error()));
    m_network = std::make_unique<QNetworkAccessManager>();
    SimulatorConfig documented = simulatorConfig(kAccessKey, kSecretKey, kDesktops, kJobDurationMs);
    documented.poolIdInDesktopDetails = false; // the documented answer (assumption POOL-ID)
    m_simulator = std::make_unique<WorkspaceSimulator>(documented);
    QVERIFY(m_simulator->listen());
    ClientConfig config;
    config.transferTimeoutMs = kWaitMs;
    config.retry.maxAttempts = 1;
    m_client = clientFor(*m_simulator, m_network.get(), config);
    m_caller = m_client.get();
}

void TestSimulatorConformance::cleanupTestCase()
{
    m_client.reset();
    m_simulator.reset();
}

void TestSimulatorConformance::checkerCatchesInventions_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("problem");
    const auto desktops = [](const char *desktop) -> QByteArray {
        return QByteArray(R"({"total_count":1,"desktops":[)") + desktop + "]}";
    };
    QTest::newRow("empty user name") << QStringLiteral("ListDesktopsDetail") << 200
                                     << desktops(R"({"desktop_id":"d","user_name":""})") << QStringLiteral("user_name");
    QTest::newRow("pool_id") << QStringLiteral("ListDesktopsDetail") << 200
                             << desktops(R"({"desktop_id":"d","pool_id":"p"})")
                             << QStringLiteral("pool_id is not documented");
    QTest::newRow("is_freeze") << QStringLiteral("ListDesktopsDetail") << 200
                               << desktops(R"({"desktop_id":"d","is_freeze":false})") << QStringLiteral("is_freeze");
    QTest::newRow("DELETED") << QStringLiteral("ListDesktopsDetail") << 200
                             << desktops(R"({"desktop_id":"d","status":"DELETED"})") << QStringLiteral("DELETED");
    QTest::newRow("addresses as an array")
        << QStringLiteral("ListDesktopsDetail") << 200 << desktops(R"({"addresses":[{"addr":"10.0.0.1"}]})")
        << QStringLiteral("addresses");
    QTest::newRow("version as a number") << QStringLiteral("ListDesktopsDetail") << 200
                                         << desktops(R"({"addresses":{"n":[{"addr":"10.0.0.1","version":4}]}})")
                                         << QStringLiteral("version");
    QTest::newRow("empty flavor links") << QStringLiteral("ListDesktopsDetail") << 200
                                        << desktops(R"({"flavor":{"id":"f","links":[]}})") << QStringLiteral("links");
    QTest::newRow("tag without key") << QStringLiteral("ListDesktopsDetail") << 200
                                     << desktops(R"({"tags":[{"value":"v"}]})") << QStringLiteral("key is required");
    QTest::newRow("empty end time") << QStringLiteral("ListItaSubJobs") << 200
                                    << QByteArray(R"({"total_count":1,"jobs":[{"id":"s","end_time":""}]})")
                                    << QStringLiteral("end_time");
    QTest::newRow("sub-job status") << QStringLiteral("ListItaSubJobs") << 200
                                    << QByteArray(R"({"jobs":[{"status":"DONE"}]})") << QStringLiteral("DONE");
    QTest::newRow("204") << QStringLiteral("BatchLogoffDesktops") << 204 << QByteArray() << QStringLiteral("204");
    QTest::newRow("a body where none is documented")
        << QStringLiteral("SetMaintenanceMode") << 200 << QByteArray("{}") << QStringLiteral("no body");
    QTest::newRow("long error detail") << QStringLiteral("BatchDeleteDesktops") << 404
                                       << QByteArray(R"({"error_code":"WKS.0202","error_detail":")")
            + QByteArray(1001, 'x') + "\"}"
                                       << QStringLiteral("error_detail");
    QTest::newRow("undocumented status") << QStringLiteral("ListDesktopUsageMetric") << 404 << QByteArray("{}")
                                         << QStringLiteral("404");
}

void TestSimulatorConformance::checkerCatchesInventions()
{
    QFETCH(QString, operation);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, problem);
    const QStringList problems = m_checker->check(operation, status, body);
    QVERIFY2(problems.join(QLatin1Char('\n')).contains(problem), qPrintable(problems.join(QLatin1Char('\n'))));
}

Answer TestSimulatorConformance::call(const QString &operation, const QByteArray &method, const QString &path,
    const QString &query, const QByteArray &body)
{
    std::unique_ptr<QNetworkReply> reply(m_caller->send(method, m_caller->urlFor(path, QUrlQuery(query)), body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(kWaitMs);
    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    answer.problems = m_checker->check(operation, answer.status, answer.body);
    if (answer.status >= 200 && answer.status < 300)
        m_called.insert(operation);
    return answer;
}

QStringList TestSimulatorConformance::desktopIds(const QString &query, int most)
{
    const Answer answer = call(QStringLiteral("ListDesktopsDetail"), "GET", QStringLiteral("desktops/detail"), query);
    QStringList ids;
    for (const QJsonValue &desktop : answer.json().value(QLatin1String("desktops")).toArray()) {
        if (ids.size() < most)
            ids.append(desktop.toObject().value(QLatin1String("desktop_id")).toString());
    }
    return ids;
}

void TestSimulatorConformance::desktopListing()
{
    int listed = 0;
    for (int offset = 0; offset < kDesktops; offset += 500) {
        const Answer page = call(QStringLiteral("ListDesktopsDetail"), "GET", QStringLiteral("desktops/detail"),
            QStringLiteral("offset=%1&limit=500").arg(offset));
        CONFORMS(page, 200);
        listed += int(page.json().value(QLatin1String("desktops")).toArray().size());
    }
    QCOMPARE(listed, kDesktops);
    // Filters that bring out the desktops whose fields are absent or unusual.
    const QStringList filters = { QStringLiteral("user_attached=false"), QStringLiteral("desktop_type=POOLED"),
        QStringLiteral("desktop_type=SHARED"), QStringLiteral("in_maintenance_mode=true"),
        QStringLiteral("charge_mode=0"), QStringLiteral("status=HIBERNATED"),
        QStringLiteral("sort_field=computer_name&sort_type=DESC&limit=3"),
        QStringLiteral("computer_name=no-such-desktop") };
    for (const QString &filter : filters) {
        const Answer page
            = call(QStringLiteral("ListDesktopsDetail"), "GET", QStringLiteral("desktops/detail"), filter);
        CONFORMS(page, 200);
    }
    // Nobody assigned: no user fields at all (a documented user_name has at least one character).
    const Answer unassigned = call(QStringLiteral("ListDesktopsDetail"), "GET", QStringLiteral("desktops/detail"),
        QStringLiteral("user_attached=false"));
    const QJsonArray desktops = unassigned.json().value(QLatin1String("desktops")).toArray();
    QVERIFY(!desktops.isEmpty());
    for (const QJsonValue &desktop : desktops) {
        QVERIFY(!desktop.toObject().contains(QLatin1String("user_name")));
        QVERIFY(!desktop.toObject().contains(QLatin1String("user_group")));
    }
}

void TestSimulatorConformance::desktopListingRefusals_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("limit above 500") << QStringLiteral("limit=501");
    QTest::newRow("negative offset") << QStringLiteral("offset=-1");
    QTest::newRow("undocumented status") << QStringLiteral("status=DELETED");
    QTest::newRow("undocumented sort field") << QStringLiteral("sort_field=user_name");
    QTest::newRow("undocumented sort type") << QStringLiteral("sort_field=created&sort_type=UP");
    QTest::newRow("undocumented desktop type") << QStringLiteral("desktop_type=SHARED_POOL");
    QTest::newRow("user name of 37 characters") << QStringLiteral("user_names=") + QString(37, QLatin1Char('u'));
    QTest::newRow("enterprise project of 37 characters")
        << QStringLiteral("enterprise_project_id=") + QString(37, QLatin1Char('e'));
    QTest::newRow("tag of 256 characters") << QStringLiteral("tag=k=") + QString(254, QLatin1Char('v'));
}

void TestSimulatorConformance::desktopListingRefusals()
{
    QFETCH(QString, query);
    REFUSED(call(QStringLiteral("ListDesktopsDetail"), "GET", QStringLiteral("desktops/detail"), query), 400,
        kInvalidParameter);
}

void TestSimulatorConformance::usageListing()
{
    int offset = 0;
    int count = -1;
    do {
        const Answer page = call(QStringLiteral("ListDesktopUsageMetric"), "GET",
            QStringLiteral("statistics/metrics/desktops"), kTime + QStringLiteral("&limit=100&offset=%1").arg(offset));
        CONFORMS(page, 200);
        count = page.json().value(QLatin1String("count")).toInt();
        offset += 100;
    } while (offset < count);
    QVERIFY(count > 0);

    // The documented default order is DESC.
    const Answer sorted
        = call(QStringLiteral("ListDesktopUsageMetric"), "GET", QStringLiteral("statistics/metrics/desktops"),
            kTime + QStringLiteral("&limit=100&sort_field=desktop_idle_duration&resource_name=WKS"));
    CONFORMS(sorted, 200);
    double previous = std::numeric_limits<double>::max();
    const QJsonArray items = sorted.json().value(QLatin1String("items")).toArray();
    QVERIFY(items.size() > 10);
    for (const QJsonValue &item : items) {
        for (const QJsonValue &metric : item.toObject().value(QLatin1String("metric")).toArray()) {
            if (metric.toObject().value(QLatin1String("metric_name")).toString()
                != QLatin1String("desktop_idle_duration"))
                continue;
            const double idle = metric.toObject().value(QLatin1String("metric_value")).toDouble();
            QVERIFY(idle <= previous);
            previous = idle;
        }
    }
    const Answer bounds
        = call(QStringLiteral("ListDesktopUsageMetric"), "GET", QStringLiteral("statistics/metrics/desktops"),
            kTime + QStringLiteral("&min_idle_days=0&max_idle_days=180&usage_max_hours=2147483646"));
    CONFORMS(bounds, 200);
}

void TestSimulatorConformance::usageRefusals_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("no period") << QString();
    QTest::newRow("min idle days above 180") << kTime + QStringLiteral("&min_idle_days=181");
    QTest::newRow("max idle days above 180") << kTime + QStringLiteral("&max_idle_days=181");
    QTest::newRow("name of 65 characters") << kTime + QStringLiteral("&resource_name=") + QString(65, QLatin1Char('W'));
    QTest::newRow("empty name") << kTime + QStringLiteral("&resource_name=");
    QTest::newRow("limit 0") << kTime + QStringLiteral("&limit=0");
    QTest::newRow("limit 101") << kTime + QStringLiteral("&limit=101");
    QTest::newRow("hours above the maximum") << kTime + QStringLiteral("&usage_min_hours=2147483647");
    QTest::newRow("undocumented sort field") << kTime + QStringLiteral("&sort_field=created");
}

void TestSimulatorConformance::usageRefusals()
{
    QFETCH(QString, query);
    REFUSED(call(QStringLiteral("ListDesktopUsageMetric"), "GET", QStringLiteral("statistics/metrics/desktops"), query),
        400, kInvalidParameter);
    // The documented bounds are the ones refused.
    QCOMPARE(m_checker->queryParameter(QStringLiteral("ListDesktopUsageMetric"), QStringLiteral("min_idle_days"))
                 .value(QLatin1String("maximum"))
                 .toInt(),
        180);
    QCOMPARE(m_checker->queryParameter(QStringLiteral("ListDesktopUsageMetric"), QStringLiteral("resource_name"))
                 .value(QLatin1String("maxLength"))
                 .toInt(),
        64);
}

void TestSimulatorConformance::poolsListing()
{
    CONFORMS(call(QStringLiteral("ListDesktopPools"), "GET", QStringLiteral("desktop-pools")), 200);
    CONFORMS(call(QStringLiteral("ListDesktopPools"), "GET", QStringLiteral("desktop-pools"),
                 QStringLiteral("limit=1&offset=1")),
        200);
    REFUSED(
        call(QStringLiteral("ListDesktopPools"), "GET", QStringLiteral("desktop-pools"), QStringLiteral("limit=1001")),
        400, kInvalidParameter);
}

void TestSimulatorConformance::poolDesktopsListing()
{
    const Answer pools = call(QStringLiteral("ListDesktopPools"), "GET", QStringLiteral("desktop-pools"));
    const QJsonArray list = pools.json().value(QLatin1String("desktop_pools")).toArray();
    QVERIFY(!list.isEmpty());
    const QString pool = list.first().toObject().value(QLatin1String("id")).toString();
    const Answer members = call(QStringLiteral("ListPoolDesktopsDetail"), "GET",
        QStringLiteral("desktop-pools/%1/desktops").arg(pool), QStringLiteral("limit=100"));
    if (members.status == 404 && members.errorCode().startsWith(QLatin1String("APIGW"))) {
        m_notServed.insert(QStringLiteral("ListPoolDesktopsDetail"));
        QSKIP("The simulator does not serve ListPoolDesktopsDetail");
    }
    CONFORMS(members, 200);
    REFUSED(call(QStringLiteral("ListPoolDesktopsDetail"), "GET", QStringLiteral("desktop-pools/%1/desktops").arg(pool),
                QStringLiteral("limit=101")),
        400, kInvalidParameter);
}

void TestSimulatorConformance::deletionJobAndSubJobs()
{
    // A pay-per-use desktop nobody uses, a yearly/monthly one (its sub-job fails) and an unassigned
    // one.
    QStringList ids = desktopIds(QStringLiteral("charge_mode=1&user_attached=true&status=SHUTOFF"), 1)
        + desktopIds(QStringLiteral("charge_mode=0&status=SHUTOFF"), 1)
        + desktopIds(QStringLiteral("charge_mode=1&user_attached=false&status=SHUTOFF"), 1);
    QCOMPARE(ids.size(), 3);
    QSignalSpy jobEnded(m_simulator.get(), &WorkspaceSimulator::jobFinished);
    const Answer accepted = call(
        QStringLiteral("BatchDeleteDesktops"), "POST", QStringLiteral("desktops/batch-delete"), {}, idsBody(ids));
    CONFORMS(accepted, 202);
    const QString jobId = accepted.json().value(QLatin1String("job_id")).toString();
    QVERIFY(!jobId.isEmpty());
    // While it runs: no end time, no error code, no empty strings.
    CONFORMS(call(QStringLiteral("ShowJob"), "GET", QStringLiteral("workspace-jobs/") + jobId), 200);
    CONFORMS(call(QStringLiteral("ListItaSubJobs"), "GET", QStringLiteral("workspace-sub-jobs"),
                 QStringLiteral("job_id=") + jobId),
        200);
    // The same desktop again while it is being deleted: the documented conflict.
    REFUSED(call(QStringLiteral("BatchDeleteDesktops"), "POST", QStringLiteral("desktops/batch-delete"), {},
                idsBody({ ids.first() })),
        409, kConflict);

    QVERIFY(jobEnded.count() > 0 || jobEnded.wait(kWaitMs));
    const Answer ended = call(QStringLiteral("ShowJob"), "GET", QStringLiteral("workspace-jobs/") + jobId);
    CONFORMS(ended, 200);
    QCOMPARE(ended.json().value(QLatin1String("status")).toString(), QStringLiteral("FAILED"));
    for (const QString &query :
        QStringList { QStringLiteral("job_id=") + jobId, QStringLiteral("job_type=deleteDesktops&status=FAILED"),
            QStringLiteral("job_type=deleteDesktops&status=SUCCESS&limit=1&offset=0") }) {
        const Answer subJobs
            = call(QStringLiteral("ListItaSubJobs"), "GET", QStringLiteral("workspace-sub-jobs"), query);
        CONFORMS(subJobs, 200);
        QVERIFY(!subJobs.json().value(QLatin1String("jobs")).toArray().isEmpty());
    }
    REFUSED(call(QStringLiteral("ListItaSubJobs"), "GET", QStringLiteral("workspace-sub-jobs"),
                QStringLiteral("job_id=%1&status=DONE").arg(jobId)),
        400, kInvalidParameter);
    REFUSED(call(QStringLiteral("ListItaSubJobs"), "GET", QStringLiteral("workspace-sub-jobs"),
                QStringLiteral("limit=1001")),
        400, kInvalidParameter);
    REFUSED(call(QStringLiteral("ShowJob"), "GET", QStringLiteral("workspace-jobs/no-such-job")), 404, kNotFound);
    // A deleted desktop is gone: unknown, as a desktop that never was.
    REFUSED(call(QStringLiteral("BatchDeleteDesktops"), "POST", QStringLiteral("desktops/batch-delete"), {},
                idsBody({ ids.first() })),
        404, kNotFound);
}

void TestSimulatorConformance::deletionRefusals()
{
    const auto refusalOf = [this](const QByteArray &body) {
        return call(QStringLiteral("BatchDeleteDesktops"), "POST", QStringLiteral("desktops/batch-delete"), {}, body);
    };
    REFUSED(refusalOf({}), 400, kEmptyRequest);
    REFUSED(refusalOf(idsBody({})), 400, kInvalidParameter);
    QStringList tooMany;
    for (int i = 0; i < 101; ++i)
        tooMany.append(QStringLiteral("d-%1").arg(i));
    REFUSED(refusalOf(idsBody(tooMany)), 400, kInvalidParameter);
    REFUSED(refusalOf(idsBody({ QString(256, QLatin1Char('d')) })), 400, kInvalidParameter);
    REFUSED(refusalOf(idsBody(desktopIds({}, 1), { { QStringLiteral("delete_users"), QStringLiteral("yes") } })), 400,
        kInvalidParameter);
    // Unknown desktops, a hundred of them: the detail stays within its documented length.
    tooMany.removeLast();
    REFUSED(refusalOf(idsBody(tooMany)), 404, kNotFound);
}

void TestSimulatorConformance::maintenanceAndLogoff()
{
    const QStringList ids = desktopIds(QStringLiteral("status=ACTIVE&user_attached=true"), 3);
    QCOMPARE(ids.size(), 3);
    const QString maintenance = QStringLiteral("desktops/maintenance-mode");
    CONFORMS(call(QStringLiteral("SetMaintenanceMode"), "PUT", maintenance, {},
                 idsBody(ids, { { QStringLiteral("in_maintenance_mode"), true } })),
        200);
    CONFORMS(call(QStringLiteral("SetMaintenanceMode"), "PUT", maintenance, {},
                 idsBody(ids, { { QStringLiteral("in_maintenance_mode"), false } })),
        200);
    REFUSED(call(QStringLiteral("SetMaintenanceMode"), "PUT", maintenance, {},
                idsBody({ ids.first(), QStringLiteral("no-such-desktop") },
                    { { QStringLiteral("in_maintenance_mode"), true } })),
        404, kNotFound);
    REFUSED(call(QStringLiteral("SetMaintenanceMode"), "PUT", maintenance, {}, idsBody(ids)), 400, kInvalidParameter);
    REFUSED(call(QStringLiteral("SetMaintenanceMode"), "PUT", maintenance, {}, QByteArrayLiteral("  ")), 400,
        kEmptyRequest);

    const QString logoff = QStringLiteral("desktops/logoff");
    CONFORMS(call(QStringLiteral("BatchLogoffDesktops"), "POST", logoff, {},
                 idsBody(ids, { { QStringLiteral("message"), QString(255, QLatin1Char('m')) } })),
        200);
    REFUSED(call(QStringLiteral("BatchLogoffDesktops"), "POST", logoff, {},
                idsBody(ids, { { QStringLiteral("message"), QString(256, QLatin1Char('m')) } })),
        400, kInvalidParameter);
    REFUSED(
        call(QStringLiteral("BatchLogoffDesktops"), "POST", logoff, {}, idsBody({ QStringLiteral("no-such-desktop") })),
        404, kNotFound);
    REFUSED(call(QStringLiteral("BatchLogoffDesktops"), "POST", logoff, {}, {}), 400, kEmptyRequest);
    // A desktop being deleted: the documented conflict.
    CONFORMS(call(QStringLiteral("BatchDeleteDesktops"), "POST", QStringLiteral("desktops/batch-delete"), {},
                 idsBody({ ids.last() }, { { QStringLiteral("is_force_delete"), true } })),
        202);
    REFUSED(call(QStringLiteral("BatchLogoffDesktops"), "POST", logoff, {}, idsBody({ ids.last() })), 409, kConflict);
}

void TestSimulatorConformance::poolUpdate()
{
    const Answer pools = call(QStringLiteral("ListDesktopPools"), "GET", QStringLiteral("desktop-pools"));
    const QString pool = pools.json()
                             .value(QLatin1String("desktop_pools"))
                             .toArray()
                             .first()
                             .toObject()
                             .value(QLatin1String("id"))
                             .toString();
    QVERIFY(!pool.isEmpty());
    const QByteArray off = QByteArrayLiteral("{\"enable_autoscale\":false}");
    CONFORMS(call(QStringLiteral("UpdateDesktopPool"), "PUT", QStringLiteral("desktop-pools/") + pool, {}, off), 200);
    REFUSED(call(QStringLiteral("UpdateDesktopPool"), "PUT", QStringLiteral("desktop-pools/no-such-pool"), {}, off),
        404, kNotFound);
    REFUSED(call(QStringLiteral("UpdateDesktopPool"), "PUT", QStringLiteral("desktop-pools/") + pool, {},
                QByteArrayLiteral("{\"enable_autoscale\":1}")),
        400, kInvalidParameter);
}

void TestSimulatorConformance::wrongSignature()
{
    ClientConfig config = clientConfigFor(*m_simulator);
    config.retry.maxAttempts = 1;
    const std::unique_ptr<ApiClient> stranger
        = clientFor(m_network.get(), config, Credentials { kAccessKey, QStringLiteral("wrong-secret"), {} });
    m_caller = stranger.get();
    const Answer refused = call(QStringLiteral("ListDesktopsDetail"), "GET", QStringLiteral("desktops/detail"));
    m_caller = m_client.get();
    REFUSED(refused, 401, QStringLiteral("APIGW.0301"));
}

void TestSimulatorConformance::everyOperationWasCalled()
{
    const QStringList operations = m_checker->operations();
    const QSet<QString> documented(operations.cbegin(), operations.cend());
    QCOMPARE(m_called + m_notServed, documented);
}

QTEST_GUILESS_MAIN(TestSimulatorConformance)
#include "tst_simulatorconformance.moc"
