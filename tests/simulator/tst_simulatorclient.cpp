// Integration tests: the app's real API client (ApiClient and the calls of apicalls.h) against the
// real simulator over loopback.

#include "api/apicalls.h"
#include "api/apiclient.h"
#include "fakeclient.h"
#include "workspacesimulator.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

const QString kAccessKey = QStringLiteral("SIMTESTAK0000000001");
const QString kSecretKey = QStringLiteral("sim-test-secret/+=key");
constexpr int kCallTimeoutMs = 10000;

struct RawReply
{
    int status = 0;
    QByteArray body;
    QByteArray requestId;
    QByteArray contentType;
    QByteArray retryAfter;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString errorCode() const { return json().value(QLatin1String("error_code")).toString(); }
};

} // namespace

class TestSimulatorClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void listsAllPagesOfThousandsOfDesktops();
    void servesTenThousandDesktopsCompletely();
    void filters_data();
    void filters();
    void maintenanceModeAndDesktopTypeFilters();
    void badQueryValuesAre400_data();
    void badQueryValuesAre400();
    void everyAnswerHasRequestIdAndJsonContentType();

    void batchDeleteWithEveryOptionRunsToSuccess();
    void outcomesFollowTheDesktop();
    void forceDeletesConnectedDesktop();
    void deleteUsersKeepsUsersWithAnotherDesktop();
    void deletedDesktopsCanRemainAsDeleted();
    void secondDeleteOfSameDesktopIs409();
    void unknownDesktopIs404();
    void invalidBatchBodiesAre400_data();
    void invalidBatchBodiesAre400();
    void batchDeleteWithoutJsonContentTypeIs400();
    void subJobsPageAndFilterByStatus();

    void unknownPathAndUnknownJobAre404();
    void wrongSecretIs401();
    void skewedClockIs401();
    void smallClockSkewIsAccepted();
    void projectMismatchIs403();
    void securityTokenIsAccepted();

    void throttlingIsRetriedHonouringRetryAfter();
    void throttlingWithoutRetryAfterUsesClientDelay();
    void throttledShareEventuallySucceeds();
    void serverErrorIsRetriedForGetOnly();
    void brokenJsonIsInvalidResponse_data();
    void brokenJsonIsInvalidResponse();
    void neverAnsweringServerTimesOut();
    void closingMidBodyIsNetworkError();
    void latencyDelaysTheAnswer();
    void delayedAnswerToAGoneClientIsDropped();
    void pathFilterRestrictsFaults();

    void servesHttpsWithItsCertificate();
    void untrustedCertificateIsTlsError();
    void executablePrintsUrlAndLogsWithoutSecrets();

private:
    void startSimulator(SimulatorConfig config = {});
    std::unique_ptr<ApiClient> makeClient(Credentials credentials = {}, const QString &projectId = {},
                                          ClientConfig overrides = {});
    QList<Desktop> listAll(const DesktopQuery &query, ApiError *error = nullptr);
    RawReply rawGet(const QString &relativePath, const QUrlQuery &query = {});
    RawReply rawSend(const QByteArray &method, const QUrl &url, const QByteArray &body);
    QString deleteDesktops(const QStringList &ids, BatchDeleteOptions options, ApiError *error = nullptr);
    Job waitForJob(const QString &jobId);
    Job showJob(const QString &jobId, ApiError *error = nullptr);

    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<WorkspaceSimulator> m_simulator;
    std::unique_ptr<ApiClient> m_client;
};

void TestSimulatorClient::init()
{
    m_network = std::make_unique<QNetworkAccessManager>();
    startSimulator();
}

void TestSimulatorClient::cleanup()
{
    m_client.reset();
    m_simulator.reset();
    m_network.reset();
}

void TestSimulatorClient::startSimulator(SimulatorConfig config)
{
    config.accessKey = kAccessKey;
    config.secretKey = kSecretKey;
    if (config.jobDurationMs == SimulatorConfig().jobDurationMs)
        config.jobDurationMs = 200;
    m_client.reset();
    m_simulator = std::make_unique<WorkspaceSimulator>(config);
    QVERIFY(m_simulator->listen());
    m_client = makeClient();
}

std::unique_ptr<ApiClient> TestSimulatorClient::makeClient(Credentials credentials, const QString &projectId,
                                                           ClientConfig overrides)
{
    if (credentials.accessKey.isEmpty())
        credentials = Credentials{kAccessKey, kSecretKey, {}};
    ClientConfig config = overrides;
    config.endpoint = m_simulator->url();
    config.projectId = projectId.isEmpty() ? m_simulator->config().projectId : projectId;
    if (overrides.transferTimeoutMs == ClientConfig().transferTimeoutMs)
        config.transferTimeoutMs = 5000;
    if (overrides.retry.initialDelayMs == RetryPolicy().initialDelayMs) {
        config.retry.initialDelayMs = 10;
        config.retry.throttleDelayMs = 10;
    }
    return clientFor(m_network.get(), config, credentials);
}

QList<Desktop> TestSimulatorClient::listAll(const DesktopQuery &query, ApiError *error)
{
    ListAllDesktopsCall call(m_client.get(), query);
    QList<Desktop> desktops;
    connect(&call, &ListAllDesktopsCall::pageLoaded, this,
            [&desktops](const QList<Desktop> &page) { desktops.append(page); });
    call.start();
    [&] { QTRY_VERIFY_WITH_TIMEOUT(call.isFinished(), kCallTimeoutMs); }();
    if (error)
        *error = call.error();
    else if (!call.succeeded())
        qWarning() << "listing failed:" << call.error().details();
    return desktops;
}

RawReply TestSimulatorClient::rawSend(const QByteArray &method, const QUrl &url, const QByteArray &body)
{
    RawReply result;
    std::unique_ptr<QNetworkReply> reply(m_client->send(method, url, body));
    [&] {
        QVERIFY(reply);
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(reply->isFinished() || finished.wait(kCallTimeoutMs));
    }();
    if (!reply)
        return result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.requestId = reply->rawHeader("X-Request-Id");
    result.contentType = reply->rawHeader("Content-Type");
    result.retryAfter = reply->rawHeader("Retry-After");
    result.error = reply->error();
    return result;
}

RawReply TestSimulatorClient::rawGet(const QString &relativePath, const QUrlQuery &query)
{
    return rawSend("GET", m_client->urlFor(relativePath, query), {});
}

QString TestSimulatorClient::deleteDesktops(const QStringList &ids, BatchDeleteOptions options, ApiError *error)
{
    BatchDeleteCall call(m_client.get(), ids, options);
    call.start();
    [&] { QTRY_VERIFY_WITH_TIMEOUT(call.isFinished(), kCallTimeoutMs); }();
    if (error)
        *error = call.error();
    return call.jobId();
}

Job TestSimulatorClient::showJob(const QString &jobId, ApiError *error)
{
    ShowJobCall call(m_client.get(), jobId);
    call.start();
    [&] { QTRY_VERIFY_WITH_TIMEOUT(call.isFinished(), kCallTimeoutMs); }();
    if (error)
        *error = call.error();
    return call.result();
}

// Waits for the simulator's own end-of-job signal (no polling loop, no sleep), then asks the API.
Job TestSimulatorClient::waitForJob(const QString &jobId)
{
    QSignalSpy finished(m_simulator.get(), &WorkspaceSimulator::jobFinished);
    const auto isThisJob = [&finished, &jobId] {
        for (const QList<QVariant> &arguments : std::as_const(finished)) {
            if (arguments.at(0).toString() == jobId)
                return true;
        }
        return false;
    };
    Job job = showJob(jobId);
    if (job.state() == JobState::InProgress)
        [&] { QTRY_VERIFY_WITH_TIMEOUT(isThisJob(), kCallTimeoutMs); }();
    return showJob(jobId);
}

void TestSimulatorClient::listsAllPagesOfThousandsOfDesktops()
{
    SimulatorConfig config;
    config.desktopCount = 3000;
    startSimulator(config);

    ListAllDesktopsCall call(m_client.get(), {});
    QList<int> pageSizes;
    QSet<QString> ids;
    connect(&call, &ListAllDesktopsCall::pageLoaded, this, [&](const QList<Desktop> &page, int loaded, int total) {
        pageSizes.append(static_cast<int>(page.size()));
        QCOMPARE(total, 3000);
        QCOMPARE(loaded, static_cast<int>(ids.size() + page.size()));
        for (const Desktop &desktop : page)
            ids.insert(desktop.id);
    });
    call.start();
    QTRY_VERIFY_WITH_TIMEOUT(call.isFinished(), kCallTimeoutMs);
    QVERIFY2(call.succeeded(), qPrintable(call.error().details()));
    QCOMPARE(ids.size(), 3000);
    QCOMPARE(pageSizes, QList<int>({500, 500, 500, 500, 500, 500}));
    QCOMPARE(m_simulator->requestCount("GET", QStringLiteral("desktops/detail")), 6);

    // Realistic content: every kind of desktop the app must handle is there.
    const QList<Desktop> desktops = listAll({});
    const auto count = [&desktops](auto predicate) {
        return std::count_if(desktops.cbegin(), desktops.cend(), predicate);
    };
    QVERIFY(count([](const Desktop &d) { return d.isConnected(); }) > 100);
    QVERIFY(count([](const Desktop &d) { return d.billingMode == BillingMode::YearlyMonthly; }) > 100);
    QVERIFY(count([](const Desktop &d) { return d.billingMode == BillingMode::PayPerUse; }) > 2000);
    QVERIFY(count([](const Desktop &d) { return d.hasTag(QStringLiteral("protected"), QStringLiteral("true")); }) > 50);
    QVERIFY(count([](const Desktop &d) { return d.status == QLatin1String("SHUTOFF"); }) > 100);
    QVERIFY(count([](const Desktop &d) { return !d.taskStatus.isEmpty(); }) > 10);
    QVERIFY(count([](const Desktop &d) { return !d.created.isValid() || d.ipAddresses.isEmpty(); }) == 0);
}

void TestSimulatorClient::servesTenThousandDesktopsCompletely()
{
    SimulatorConfig config;
    config.desktopCount = 10000;
    startSimulator(config);

    // How fast is the benchmark's list_10k_loopback_ms; here: every desktop, once, in full pages.
    QSet<QString> ids;
    for (int offset = 0; offset < 10000; offset += 500) {
        const RawReply page = rawGet(QStringLiteral("desktops/detail"),
                                     QUrlQuery{{QStringLiteral("offset"), QString::number(offset)},
                                               {QStringLiteral("limit"), QStringLiteral("500")}});
        QCOMPARE(page.status, 200);
        const QJsonObject object = page.json();
        QCOMPARE(object.value(QLatin1String("total_count")).toInt(), 10000);
        const QJsonArray desktops = object.value(QLatin1String("desktops")).toArray();
        QCOMPARE(desktops.size(), 500);
        for (const QJsonValue &desktop : desktops) {
            const QString id = desktop.toObject().value(QLatin1String("desktop_id")).toString();
            QVERIFY2(!id.isEmpty(), qPrintable(QStringLiteral("a desktop without id at offset %1").arg(offset)));
            QVERIFY2(!ids.contains(id), qPrintable(id));
            ids.insert(id);
        }
    }
    QCOMPARE(ids.size(), 10000);
}

void TestSimulatorClient::filters_data()
{
    QTest::addColumn<DesktopQuery>("query");
    QTest::addColumn<std::function<bool(const Desktop &)>>("expected");

    DesktopQuery status;
    status.status = QStringLiteral("SHUTOFF");
    QTest::newRow("status") << status << std::function<bool(const Desktop &)>([](const Desktop &d) {
        return d.status == QLatin1String("SHUTOFF");
    });
    DesktopQuery computerName;
    computerName.computerName = QStringLiteral("fin-0");
    QTest::newRow("computer_name substring, any case")
        << computerName << std::function<bool(const Desktop &)>([](const Desktop &d) {
               return d.computerName.contains(QLatin1String("FIN-0"));
           });
    DesktopQuery tag;
    tag.tag = QStringLiteral("protected=true");
    QTest::newRow("tag") << tag << std::function<bool(const Desktop &)>([](const Desktop &d) {
        return d.hasTag(QStringLiteral("protected"), QStringLiteral("true"));
    });
    DesktopQuery twoTags;
    twoTags.tag = QStringLiteral("department=dev,env=test");
    QTest::newRow("two tags") << twoTags << std::function<bool(const Desktop &)>([](const Desktop &d) {
        return d.hasTag(QStringLiteral("department"), QStringLiteral("dev"))
            && d.hasTag(QStringLiteral("env"), QStringLiteral("test"));
    });
    DesktopQuery yearly;
    yearly.chargeMode = QStringLiteral("0");
    QTest::newRow("charge_mode 0 yearly/monthly") << yearly << std::function<bool(const Desktop &)>([](const Desktop &d) {
        return d.billingMode == BillingMode::YearlyMonthly;
    });
    DesktopQuery payPerUse;
    payPerUse.chargeMode = QStringLiteral("1");
    QTest::newRow("charge_mode 1 pay-per-use") << payPerUse << std::function<bool(const Desktop &)>([](const Desktop &d) {
        return d.billingMode == BillingMode::PayPerUse;
    });
}

void TestSimulatorClient::filters()
{
    QFETCH(DesktopQuery, query);
    QFETCH(std::function<bool(const Desktop &)>, expected);

    const QList<Desktop> all = listAll({});
    QCOMPARE(all.size(), 300);
    ApiError error;
    const QList<Desktop> filtered = listAll(query, &error);
    QVERIFY2(!error.isError(), qPrintable(error.details()));
    const qsizetype expectedCount = std::count_if(all.cbegin(), all.cend(), expected);
    QVERIFY(expectedCount > 0);
    QVERIFY(expectedCount < all.size());
    QCOMPARE(filtered.size(), expectedCount);
    for (const Desktop &desktop : filtered)
        QVERIFY2(expected(desktop), qPrintable(desktop.id));
}

void TestSimulatorClient::maintenanceModeAndDesktopTypeFilters()
{
    const QList<Desktop> all = listAll({});
    QVERIFY(!all.isEmpty());

    // Filters the client's DesktopQuery does not carry: sent as raw signed requests.
    const Desktop &sample = all.at(7);
    const auto listRaw = [this](const QUrlQuery &query) {
        const RawReply reply = rawGet(QStringLiteral("desktops/detail"), query);
        return reply.json();
    };
    const QJsonObject byUser = listRaw(QUrlQuery{{QStringLiteral("user_name"), sample.userName}});
    for (const QJsonValue &desktop : byUser.value(QLatin1String("desktops")).toArray())
        QCOMPARE(desktop.toObject().value(QLatin1String("user_name")).toString(), sample.userName);
    QVERIFY(byUser.value(QLatin1String("total_count")).toInt() >= 1);

    const QJsonObject byIp = listRaw(QUrlQuery{{QStringLiteral("desktop_ip"), sample.ipAddresses.first()}});
    QCOMPARE(byIp.value(QLatin1String("total_count")).toInt(), 1);
    QCOMPARE(byIp.value(QLatin1String("desktops")).toArray().first().toObject().value(QLatin1String("desktop_id")).toString(),
             sample.id);

    QUrlQuery twoIds;
    twoIds.addQueryItem(QStringLiteral("desktop_id"), all.at(1).id);
    twoIds.addQueryItem(QStringLiteral("desktop_id"), all.at(2).id);
    QCOMPARE(listRaw(twoIds).value(QLatin1String("total_count")).toInt(), 2);

    const int inMaintenance = listRaw(QUrlQuery{{QStringLiteral("in_maintenance_mode"), QStringLiteral("true")}})
                                  .value(QLatin1String("total_count")).toInt();
    const int notInMaintenance = listRaw(QUrlQuery{{QStringLiteral("in_maintenance_mode"), QStringLiteral("false")}})
                                     .value(QLatin1String("total_count")).toInt();
    QVERIFY(inMaintenance > 0);
    QCOMPARE(inMaintenance + notInMaintenance, 300);

    const int pooled = listRaw(QUrlQuery{{QStringLiteral("desktop_type"), QStringLiteral("POOLED")}})
                           .value(QLatin1String("total_count")).toInt();
    QVERIFY(pooled > 0 && pooled < 300);

    // Sorting: by computer name descending, and by creation time ascending.
    DesktopQuery byName;
    byName.sortField = QStringLiteral("computer_name");
    byName.sortType = QStringLiteral("DESC");
    const QList<Desktop> names = listAll(byName);
    QCOMPARE(names.size(), 300);
    for (qsizetype i = 1; i < names.size(); ++i)
        QVERIFY(names.at(i - 1).computerName >= names.at(i).computerName);
    DesktopQuery byCreated;
    byCreated.sortField = QStringLiteral("created");
    byCreated.sortType = QStringLiteral("ASC");
    const QList<Desktop> created = listAll(byCreated);
    for (qsizetype i = 1; i < created.size(); ++i)
        QVERIFY(created.at(i - 1).created <= created.at(i).created);

    // limit 0 counts without listing.
    const QJsonObject countOnly = listRaw(QUrlQuery{{QStringLiteral("limit"), QStringLiteral("0")}});
    QCOMPARE(countOnly.value(QLatin1String("total_count")).toInt(), 300);
    QVERIFY(countOnly.value(QLatin1String("desktops")).toArray().isEmpty());
}

void TestSimulatorClient::badQueryValuesAre400_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("status") << QStringLiteral("status") << QStringLiteral("RUNNING");
    QTest::newRow("limit too large") << QStringLiteral("limit") << QStringLiteral("501");
    QTest::newRow("limit negative") << QStringLiteral("limit") << QStringLiteral("-1");
    QTest::newRow("offset not a number") << QStringLiteral("offset") << QStringLiteral("ten");
    QTest::newRow("desktop_ip") << QStringLiteral("desktop_ip") << QStringLiteral("10.0.0.300");
    QTest::newRow("tag without value") << QStringLiteral("tag") << QStringLiteral("protected");
    QTest::newRow("charge_mode") << QStringLiteral("charge_mode") << QStringLiteral("2");
    QTest::newRow("in_maintenance_mode") << QStringLiteral("in_maintenance_mode") << QStringLiteral("yes");
    QTest::newRow("sort_field") << QStringLiteral("sort_field") << QStringLiteral("user_name");
    QTest::newRow("sort_type") << QStringLiteral("sort_type") << QStringLiteral("UP");
}

void TestSimulatorClient::badQueryValuesAre400()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    const RawReply reply = rawGet(QStringLiteral("desktops/detail"), QUrlQuery{{key, value}});
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errorCode(), QStringLiteral("APIGW.0201")); // the gateway's documented "invalid parameters"
    QVERIFY(reply.json().value(QLatin1String("error_detail")).toString().contains(key));
}

void TestSimulatorClient::everyAnswerHasRequestIdAndJsonContentType()
{
    const QList<RawReply> replies = {
        rawGet(QStringLiteral("desktops/detail"), QUrlQuery{{QStringLiteral("limit"), QStringLiteral("1")}}),
        rawGet(QStringLiteral("desktops/detail"), QUrlQuery{{QStringLiteral("limit"), QStringLiteral("x")}}),
        rawGet(QStringLiteral("no-such-thing")),
        rawGet(QStringLiteral("workspace-jobs/none")),
    };
    QList<int> statuses;
    for (const RawReply &reply : replies) {
        statuses.append(reply.status);
        QVERIFY(!QUuid::fromString(QString::fromLatin1(reply.requestId)).isNull());
        QVERIFY(reply.contentType.startsWith("application/json"));
        QVERIFY(!QJsonDocument::fromJson(reply.body).isNull());
    }
    // An unknown job: 404 as ShowJob documents (500 is the other answer, an assumption).
    QCOMPARE(statuses, QList<int>({200, 400, 404, 404}));
}

void TestSimulatorClient::batchDeleteWithEveryOptionRunsToSuccess()
{
    SimulatorConfig config;
    config.jobDurationMs = 600; // long enough to see the job in progress, short for the suite
    startSimulator(config);
    const QList<Desktop> all = listAll({});
    QStringList ids;
    for (const Desktop &desktop : all) {
        if (desktop.billingMode == BillingMode::PayPerUse && ids.size() < 5)
            ids.append(desktop.id);
    }
    QCOMPARE(ids.size(), 5);

    BatchDeleteOptions options;
    options.deleteUsers = true;
    options.emailNotification = false;
    options.forceDelete = true;
    ApiError error;
    const QString jobId = deleteDesktops(ids, options, &error);
    QVERIFY2(!error.isError(), qPrintable(error.details()));
    QVERIFY(!jobId.isEmpty());

    // While the job runs, its desktops show task_status deleting and cannot be deleted again.
    const Job running = showJob(jobId);
    QCOMPARE(running.state(), JobState::InProgress);
    QVERIFY(running.status == QLatin1String("WAITING") || running.status == QLatin1String("RUNNING"));
    DesktopQuery selected;
    selected.desktopIds = ids;
    const QList<Desktop> deleting = listAll(selected);
    QCOMPARE(deleting.size(), 5);
    for (const Desktop &desktop : deleting)
        QVERIFY(desktop.isBeingDeleted());

    const Job done = waitForJob(jobId);
    QCOMPARE(done.status, QStringLiteral("SUCCESS"));
    QCOMPARE(done.jobType, QStringLiteral("deleteDesktops"));
    QCOMPARE(done.subJobsTotal, 5);
    QVERIFY(done.beginTime.isValid());
    QVERIFY(done.endTime >= done.beginTime);
    QCOMPARE(done.subJobs.size(), 5);
    QSet<QString> subJobDesktops;
    for (const SubJob &subJob : done.subJobs) {
        QCOMPARE(subJob.status, QStringLiteral("SUCCESS"));
        QCOMPARE(subJob.process, 100);
        QCOMPARE(subJob.jobId, jobId);
        QVERIFY(subJob.errorCode.isEmpty());
        QVERIFY(subJob.endTime.isValid());
        subJobDesktops.insert(subJob.desktopId);
    }
    QCOMPARE(subJobDesktops, QSet<QString>(ids.cbegin(), ids.cend()));
    QCOMPARE(listAll(selected).size(), 0);
    QCOMPARE(m_simulator->desktopCount(), 295);
    QCOMPARE(listAll({}).size(), 295);
}

void TestSimulatorClient::outcomesFollowTheDesktop()
{
    const QList<Desktop> all = listAll({});
    QString yearly;
    QString connected;
    QString injected;
    QString plain;
    for (const Desktop &desktop : all) {
        const bool payPerUse = desktop.billingMode == BillingMode::PayPerUse;
        if (!payPerUse && yearly.isEmpty())
            yearly = desktop.id;
        else if (payPerUse && desktop.isConnected() && connected.isEmpty())
            connected = desktop.id;
        else if (payPerUse && !desktop.isConnected() && injected.isEmpty())
            injected = desktop.id;
        else if (payPerUse && !desktop.isConnected() && plain.isEmpty())
            plain = desktop.id;
    }
    QVERIFY(!yearly.isEmpty() && !connected.isEmpty() && !injected.isEmpty() && !plain.isEmpty());
    SimulatorFaults faults;
    faults.failingDesktopIds = {injected};
    m_simulator->setFaults(faults);

    const QString jobId = deleteDesktops({yearly, connected, injected, plain}, {});
    QVERIFY(!jobId.isEmpty());
    const Job job = waitForJob(jobId);
    QCOMPARE(job.status, QStringLiteral("FAILED"));
    QCOMPARE(job.state(), JobState::Failed);
    QVERIFY(!job.jobErrorCode.isEmpty());
    QVERIFY(job.failReason.contains(QLatin1String("3 of 4")));

    QHash<QString, SubJob> byDesktop;
    for (const SubJob &subJob : job.subJobs)
        byDesktop.insert(subJob.desktopId, subJob);
    QCOMPARE(byDesktop.value(yearly).status, QStringLiteral("FAILED"));
    QVERIFY(byDesktop.value(yearly).failReason.contains(QLatin1String("yearly/monthly")));
    QCOMPARE(byDesktop.value(connected).status, QStringLiteral("FAILED"));
    QVERIFY(byDesktop.value(connected).failReason.contains(QLatin1String("connected")));
    QCOMPARE(byDesktop.value(injected).status, QStringLiteral("FAILED"));
    QVERIFY(!byDesktop.value(injected).errorCode.isEmpty());
    QCOMPARE(byDesktop.value(plain).status, QStringLiteral("SUCCESS"));
    QCOMPARE(byDesktop.value(plain).process, 100);
    const QSet<QString> codes = {byDesktop.value(yearly).errorCode, byDesktop.value(connected).errorCode,
                                 byDesktop.value(injected).errorCode};
    QCOMPARE(codes.size(), 3);

    // The failed ones are listed again without task_status deleting; the deleted one is gone.
    DesktopQuery selected;
    selected.desktopIds = {yearly, connected, injected, plain};
    const QList<Desktop> remaining = listAll(selected);
    QCOMPARE(remaining.size(), 3);
    for (const Desktop &desktop : remaining) {
        QVERIFY(desktop.id != plain);
        QVERIFY(!desktop.isBeingDeleted());
    }
}

void TestSimulatorClient::forceDeletesConnectedDesktop()
{
    const QList<Desktop> all = listAll({});
    const auto connected = std::find_if(all.cbegin(), all.cend(), [](const Desktop &d) {
        return d.isConnected() && d.billingMode == BillingMode::PayPerUse;
    });
    QVERIFY(connected != all.cend());
    BatchDeleteOptions force;
    force.forceDelete = true;
    const Job job = waitForJob(deleteDesktops({connected->id}, force));
    QCOMPARE(job.status, QStringLiteral("SUCCESS"));
    QCOMPARE(m_simulator->desktopCount(), 299);
}

void TestSimulatorClient::deleteUsersKeepsUsersWithAnotherDesktop()
{
    const QList<Desktop> all = listAll({});
    QHash<QString, QStringList> desktopsByUser;
    for (const Desktop &desktop : all) {
        if (!desktop.userName.isEmpty() && desktop.billingMode == BillingMode::PayPerUse && !desktop.isConnected())
            desktopsByUser[desktop.userName].append(desktop.id);
    }
    QString soleOwner;
    QString sharedOwner;
    for (auto it = desktopsByUser.cbegin(); it != desktopsByUser.cend(); ++it) {
        const qsizetype owned = std::count_if(all.cbegin(), all.cend(), [&it](const Desktop &d) { return d.userName == it.key(); });
        if (owned == 1 && soleOwner.isEmpty())
            soleOwner = it.key();
        if (owned == 2 && it.value().size() == 2 && sharedOwner.isEmpty())
            sharedOwner = it.key();
    }
    QVERIFY(!soleOwner.isEmpty());
    QVERIFY(!sharedOwner.isEmpty());

    BatchDeleteOptions options;
    options.deleteUsers = true;
    const Job job = waitForJob(deleteDesktops({desktopsByUser.value(soleOwner).first(),
                                               desktopsByUser.value(sharedOwner).first()}, options));
    QCOMPARE(job.status, QStringLiteral("SUCCESS"));
    QCOMPARE(m_simulator->deletedUsers(), QStringList{soleOwner});

    // Once the user's last desktop goes, the user goes too.
    waitForJob(deleteDesktops({desktopsByUser.value(sharedOwner).at(1)}, options));
    QVERIFY(m_simulator->deletedUsers().contains(sharedOwner));

    // Without delete_users, users stay.
    const auto unassignedOwner = std::find_if(desktopsByUser.cbegin(), desktopsByUser.cend(), [&](const QStringList &ids) {
        return ids.size() == 1 && desktopsByUser.key(ids) != soleOwner;
    });
    QVERIFY(unassignedOwner != desktopsByUser.cend());
    waitForJob(deleteDesktops({unassignedOwner.value().first()}, {}));
    QCOMPARE(m_simulator->deletedUsers().size(), 2);
}

void TestSimulatorClient::deletedDesktopsCanRemainAsDeleted()
{
    SimulatorConfig config;
    config.deletedDesktopsRemain = true;
    startSimulator(config);
    const QList<Desktop> all = listAll({});
    const auto target = std::find_if(all.cbegin(), all.cend(), [](const Desktop &d) {
        return d.billingMode == BillingMode::PayPerUse && !d.isConnected();
    });
    QVERIFY(target != all.cend());
    QCOMPARE(waitForJob(deleteDesktops({target->id}, {})).status, QStringLiteral("SUCCESS"));

    DesktopQuery one;
    one.desktopIds = {target->id};
    const QList<Desktop> listed = listAll(one);
    QCOMPARE(listed.size(), 1);
    QVERIFY(listed.first().isGone());
    QCOMPARE(m_simulator->desktopCount(), 299);

    ApiError again;
    deleteDesktops({target->id}, {}, &again);
    QCOMPARE(again.httpStatus, 404);
    QCOMPARE(again.errorCode, QStringLiteral("WKS.0202"));
}

void TestSimulatorClient::secondDeleteOfSameDesktopIs409()
{
    SimulatorConfig config;
    config.jobDurationMs = 2000; // the second request must arrive while the first job runs
    startSimulator(config);
    const QList<Desktop> all = listAll({});
    const QString first = deleteDesktops({all.at(0).id, all.at(1).id}, {});
    QVERIFY(!first.isEmpty());

    ApiError error;
    const QString second = deleteDesktops({all.at(2).id, all.at(1).id}, {}, &error);
    QVERIFY(second.isEmpty());
    QCOMPARE(error.kind, ApiError::Kind::Http);
    QCOMPARE(error.httpStatus, 409);
    QCOMPARE(error.errorCode, QStringLiteral("WKS.00010032")); // the one documented conflict code
    QVERIFY2(error.errorMessage.startsWith(QLatin1String("Operation conflict.")), qPrintable(error.errorMessage));
    QVERIFY(error.errorDetail.contains(all.at(1).id));
    QVERIFY(!error.errorDetail.contains(all.at(2).id));
    QVERIFY(!error.requestId.isEmpty());
    // Nothing of the refused batch was started.
    DesktopQuery third;
    third.desktopIds = {all.at(2).id};
    QVERIFY(!listAll(third).first().isBeingDeleted());
}

void TestSimulatorClient::unknownDesktopIs404()
{
    const QList<Desktop> all = listAll({});
    ApiError error;
    deleteDesktops({all.at(0).id, QStringLiteral("00000000-0000-0000-0000-000000000000")}, {}, &error);
    // Not found: 404 as documented, with WKS.0202 ("the resource not found").
    QCOMPARE(error.httpStatus, 404);
    QCOMPARE(error.errorCode, QStringLiteral("WKS.0202"));
    QVERIFY(error.errorDetail.contains(QLatin1String("00000000-0000-0000-0000-000000000000")));
    QCOMPARE(m_simulator->desktopCount(), 300);
}

void TestSimulatorClient::invalidBatchBodiesAre400_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("no body") << QByteArray();
    QTest::newRow("not JSON") << QByteArray("desktop_ids=1");
    QTest::newRow("not an object") << QByteArray("[\"a\"]");
    QTest::newRow("no desktop_ids") << QByteArray("{\"delete_users\":false}");
    QTest::newRow("desktop_ids not an array") << QByteArray("{\"desktop_ids\":\"a\"}");
    QTest::newRow("empty desktop_ids") << QByteArray("{\"desktop_ids\":[]}");
    QTest::newRow("id not a string") << QByteArray("{\"desktop_ids\":[42]}");
    QTest::newRow("duplicate id") << QByteArray("{\"desktop_ids\":[\"a\",\"a\"]}");
    QTest::newRow("delete_users not boolean") << QByteArray("{\"desktop_ids\":[\"a\"],\"delete_users\":\"yes\"}");
    QTest::newRow("email_notification not boolean") << QByteArray("{\"desktop_ids\":[\"a\"],\"email_notification\":1}");
    QTest::newRow("is_force_delete not boolean") << QByteArray("{\"desktop_ids\":[\"a\"],\"is_force_delete\":null}");
    QByteArray tooMany = "{\"desktop_ids\":[";
    for (int i = 0; i < 101; ++i)
        tooMany += (i ? ",\"" : "\"") + QByteArray::number(i) + '"';
    QTest::newRow("101 ids") << tooMany + "]}";
}

void TestSimulatorClient::invalidBatchBodiesAre400()
{
    QFETCH(QByteArray, body);
    const RawReply reply = rawSend("POST", m_client->urlFor(QStringLiteral("desktops/batch-delete")), body);
    QCOMPARE(reply.status, 400);
    // WKS.0001 is documented for an empty request message; anything else is an invalid parameter.
    QCOMPARE(reply.errorCode(), body.isEmpty() ? QStringLiteral("WKS.0001") : QStringLiteral("APIGW.0201"));
    QVERIFY(!reply.json().value(QLatin1String("error_msg")).toString().isEmpty());
    QCOMPARE(m_simulator->desktopCount(), 300);
}

void TestSimulatorClient::batchDeleteWithoutJsonContentTypeIs400()
{
    const QList<Desktop> all = listAll({});
    const QByteArray body = "{\"desktop_ids\":[\"" + all.first().id.toLatin1() + "\"]}";
    QNetworkRequest request(m_client->urlFor(QStringLiteral("desktops/batch-delete")));
    request.setRawHeader("Content-Type", "text/plain");
    RequestSigner(Credentials{kAccessKey, kSecretKey, {}}).sign(request, "POST", body);
    std::unique_ptr<QNetworkReply> reply(m_network->post(request, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(kCallTimeoutMs));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
    QVERIFY(reply->readAll().contains("Content-Type"));
    QCOMPARE(m_simulator->desktopCount(), 300);
}

void TestSimulatorClient::subJobsPageAndFilterByStatus()
{
    const QList<Desktop> all = listAll({});
    QStringList ids;
    int expectedFailures = 0;
    for (int i = 0; i < 30; ++i) {
        ids.append(all.at(i).id);
        if (all.at(i).billingMode == BillingMode::YearlyMonthly || all.at(i).isConnected())
            ++expectedFailures;
    }
    QVERIFY(expectedFailures > 0);
    const QString jobId = deleteDesktops(ids, {});
    waitForJob(jobId);

    ListSubJobsCall page(m_client.get(), jobId, 10, 15);
    page.start();
    QTRY_VERIFY_WITH_TIMEOUT(page.isFinished(), kCallTimeoutMs);
    QVERIFY2(page.succeeded(), qPrintable(page.error().details()));
    QCOMPARE(page.result().totalCount, 30);
    QCOMPARE(page.result().jobs.size(), 15);
    QCOMPARE(page.result().jobs.first().desktopId, ids.at(10));

    const RawReply failed = rawGet(QStringLiteral("workspace-sub-jobs"),
                                   QUrlQuery{{QStringLiteral("job_id"), jobId}, {QStringLiteral("status"), QStringLiteral("FAILED")}});
    QCOMPARE(failed.status, 200);
    QCOMPARE(failed.json().value(QLatin1String("total_count")).toInt(), expectedFailures);
    const QJsonObject entry = failed.json().value(QLatin1String("jobs")).toArray().first().toObject();
    const QJsonObject entities = entry.value(QLatin1String("entities")).toObject();
    for (const char *key : {"desktop_id", "desktop_name", "ip_address", "product_id"})
        QVERIFY2(!entities.value(QLatin1String(key)).toString().isEmpty(), key);
    QVERIFY(entities.contains(QLatin1String("user_name")));

    QCOMPARE(rawGet(QStringLiteral("workspace-sub-jobs"),
                    QUrlQuery{{QStringLiteral("job_id"), jobId}, {QStringLiteral("status"), QStringLiteral("DONE")}}).status, 400);
    QCOMPARE(rawGet(QStringLiteral("workspace-sub-jobs"),
                    QUrlQuery{{QStringLiteral("job_id"), jobId}, {QStringLiteral("limit"), QStringLiteral("1001")}}).status, 400);
    QCOMPARE(rawGet(QStringLiteral("workspace-sub-jobs"),
                    QUrlQuery{{QStringLiteral("job_id"), jobId}, {QStringLiteral("offset"), QStringLiteral("10001")}}).status, 400);
    // job_id is a filter: an unknown one matches nothing.
    const RawReply unknownJob = rawGet(QStringLiteral("workspace-sub-jobs"), QUrlQuery{{QStringLiteral("job_id"), QStringLiteral("nope")}});
    QCOMPARE(unknownJob.status, 200);
    QCOMPARE(unknownJob.json().value(QLatin1String("total_count")).toInt(), 0);

    // Without a job id, by job_type: the deletion sub-jobs of every job (how a lost job is found).
    const QString secondJob = deleteDesktops({all.at(40).id}, {});
    QVERIFY(!secondJob.isEmpty());
    const RawReply byType = rawGet(QStringLiteral("workspace-sub-jobs"),
                                   QUrlQuery{{QStringLiteral("job_type"), QStringLiteral("deleteDesktops")}});
    QCOMPARE(byType.status, 200);
    QCOMPARE(byType.json().value(QLatin1String("total_count")).toInt(), 31);
    QSet<QString> jobIds;
    for (const QJsonValue &subJob : byType.json().value(QLatin1String("jobs")).toArray())
        jobIds.insert(subJob.toObject().value(QLatin1String("job_id")).toString());
    QCOMPARE(jobIds, (QSet<QString>{jobId, secondJob}));
    QCOMPARE(rawGet(QStringLiteral("workspace-sub-jobs"), QUrlQuery{{QStringLiteral("job_type"), QStringLiteral("createDesktops")}})
                 .json().value(QLatin1String("total_count")).toInt(), 0);
}

void TestSimulatorClient::unknownPathAndUnknownJobAre404()
{
    const RawReply path = rawGet(QStringLiteral("desktops/everything"));
    QCOMPARE(path.status, 404);
    QVERIFY(!path.errorCode().isEmpty());
    const RawReply method = rawSend("DELETE", m_client->urlFor(QStringLiteral("desktops/detail")), {});
    QCOMPARE(method.status, 404);

    ApiError error;
    showJob(QStringLiteral("ffffffff-0000-0000-0000-000000000000"), &error);
    QCOMPARE(error.kind, ApiError::Kind::Http);
    QCOMPARE(error.httpStatus, 404); // as ShowJob documents it
    QCOMPARE(error.errorCode, QStringLiteral("WKS.0202"));
    QVERIFY(!error.errorMessage.isEmpty());
}

void TestSimulatorClient::wrongSecretIs401()
{
    m_client = makeClient(Credentials{kAccessKey, QStringLiteral("not-the-secret"), {}});
    ApiError error;
    listAll({}, &error);
    QCOMPARE(error.httpStatus, 401);
    QCOMPARE(error.errorCode, QStringLiteral("APIGW.0301"));
    QVERIFY(error.isAuthenticationFailure());
    QCOMPARE(m_simulator->requestCount("GET", QStringLiteral("desktops/detail")), 1); // never retried

    m_client = makeClient(Credentials{QStringLiteral("UNKNOWNAK"), kSecretKey, {}});
    listAll({}, &error);
    QCOMPARE(error.httpStatus, 401);
    QVERIFY(error.errorMessage.contains(QLatin1String("access key")));
}

void TestSimulatorClient::skewedClockIs401()
{
    m_client->setClock([] { return QDateTime::currentDateTimeUtc().addSecs(-16 * 60); });
    ApiError error;
    listAll({}, &error);
    QCOMPARE(error.httpStatus, 401);
    QCOMPARE(error.errorCode, QStringLiteral("APIGW.0301"));
    QVERIFY(error.errorMessage.contains(QLatin1String("15 minutes")));

    m_client->setClock([] { return QDateTime::currentDateTimeUtc().addSecs(16 * 60); });
    listAll({}, &error);
    QCOMPARE(error.httpStatus, 401);
}

void TestSimulatorClient::smallClockSkewIsAccepted()
{
    m_client->setClock([] { return QDateTime::currentDateTimeUtc().addSecs(-14 * 60); });
    ApiError error;
    QCOMPARE(listAll({}, &error).size(), 300);
    QVERIFY(!error.isError());
}

void TestSimulatorClient::projectMismatchIs403()
{
    m_client = makeClient({}, QStringLiteral("ffffffffffffffffffffffffffffffff"));
    ApiError error;
    listAll({}, &error);
    QCOMPARE(error.httpStatus, 403);
    QVERIFY(!error.errorCode.isEmpty());
    QVERIFY(!error.encodedAuthorizationMessage.isEmpty());
}

void TestSimulatorClient::securityTokenIsAccepted()
{
    m_client = makeClient(Credentials{kAccessKey, kSecretKey, QStringLiteral("temporary-token-value")});
    ApiError error;
    QCOMPARE(listAll({}, &error).size(), 300);
    QVERIFY2(!error.isError(), qPrintable(error.details()));
}

void TestSimulatorClient::throttlingIsRetriedHonouringRetryAfter()
{
    SimulatorFaults faults;
    faults.throttleShare = 1.0;
    faults.retryAfterSeconds = 1;
    faults.withoutRetryAfterShare = 0;
    m_simulator->setFaults(faults);
    ClientConfig config;
    config.retry.maxAttempts = 2;
    QList<int> waits; // what the retry timer was asked for; the test does not wait for it
    config.retry.realWaitMs = [&waits](int delayMs) {
        waits.append(delayMs);
        return 0;
    };
    m_client = makeClient({}, {}, config);

    ListDesktopsPageCall call(m_client.get(), {}, 0, 10);
    QSignalSpy retrying(&call, &ApiCall::retrying);
    call.start();
    QTRY_VERIFY_WITH_TIMEOUT(call.isFinished(), kCallTimeoutMs);
    QCOMPARE(retrying.size(), 1);
    QCOMPARE(retrying.first().at(1).toInt(), 1000);
    QCOMPARE(waits, QList<int>{1000});
    QCOMPARE(call.error().httpStatus, 429);
    QVERIFY(call.error().isThrottled());
    QCOMPARE(call.error().retryAfterSeconds, 1);
    QCOMPARE(m_simulator->requestCount("GET", QStringLiteral("desktops/detail")), 2);
}

void TestSimulatorClient::throttlingWithoutRetryAfterUsesClientDelay()
{
    SimulatorFaults faults;
    faults.throttleShare = 1.0;
    faults.retryAfterSeconds = -1;
    m_simulator->setFaults(faults);
    const RawReply raw = rawGet(QStringLiteral("desktops/detail"));
    QCOMPARE(raw.status, 429);
    QVERIFY(raw.retryAfter.isEmpty());
    QCOMPARE(raw.errorCode(), QStringLiteral("APIGW.0308"));

    ClientConfig config;
    config.retry.maxAttempts = 3;
    config.retry.initialDelayMs = 10;
    config.retry.throttleDelayMs = 25;
    m_client = makeClient({}, {}, config);
    ListDesktopsPageCall call(m_client.get(), {}, 0, 10);
    QSignalSpy retrying(&call, &ApiCall::retrying);
    call.start();
    QTRY_VERIFY_WITH_TIMEOUT(call.isFinished(), kCallTimeoutMs);
    QCOMPARE(retrying.size(), 2);
    // 25 ms up to 2.5 times that (the default 2-5 s, scaled), doubled for the second retry.
    const int first = retrying.first().at(1).toInt();
    const int second = retrying.at(1).at(1).toInt();
    QVERIFY2(first >= 25 && first <= 62, qPrintable(QString::number(first)));
    QVERIFY2(second >= 50 && second <= 125, qPrintable(QString::number(second)));
    QCOMPARE(call.attempts(), 3);

    // By default the simulator sends Retry-After with some 429s only, as no document promises it.
    faults.retryAfterSeconds = 1;
    faults.withoutRetryAfterShare = SimulatorFaults().withoutRetryAfterShare;
    m_simulator->setFaults(faults);
    int withHeader = 0;
    int withoutHeader = 0;
    for (int i = 0; i < 16; ++i) {
        const RawReply throttled = rawGet(QStringLiteral("desktops/detail"));
        QCOMPARE(throttled.status, 429);
        ++(throttled.retryAfter.isEmpty() ? withoutHeader : withHeader);
    }
    QVERIFY(withHeader > 0);
    QVERIFY(withoutHeader > 0);
}

void TestSimulatorClient::throttledShareEventuallySucceeds()
{
    SimulatorFaults faults;
    faults.throttleShare = 0.4;
    faults.retryAfterSeconds = 0;
    m_simulator->setFaults(faults);
    ClientConfig config;
    config.retry.maxAttempts = 10;
    m_client = makeClient({}, {}, config);

    ListAllDesktopsCall call(m_client.get(), {});
    call.setPageSize(50);
    QSignalSpy retrying(&call, &ListAllDesktopsCall::retrying);
    call.start();
    QTRY_VERIFY_WITH_TIMEOUT(call.isFinished(), kCallTimeoutMs);
    QVERIFY2(call.succeeded(), qPrintable(call.error().details()));
    QCOMPARE(call.loadedCount(), 300);
    QVERIFY(retrying.size() > 0);
    QCOMPARE(m_simulator->requestCount("GET", QStringLiteral("desktops/detail")), 6 + retrying.size());
}

void TestSimulatorClient::serverErrorIsRetriedForGetOnly()
{
    SimulatorFaults faults;
    faults.serverErrorShare = 1.0;
    faults.serverErrorStatus = 503;
    m_simulator->setFaults(faults);
    ClientConfig config;
    config.retry.maxAttempts = 3;
    m_client = makeClient({}, {}, config);

    ApiError error;
    listAll({}, &error);
    QCOMPARE(error.httpStatus, 503);
    QCOMPARE(m_simulator->requestCount("GET", QStringLiteral("desktops/detail")), 3);

    deleteDesktops({QStringLiteral("any")}, {}, &error);
    QCOMPARE(error.httpStatus, 503);
    QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 1);

    faults.serverErrorStatus = 500;
    m_simulator->setFaults(faults);
    listAll({}, &error);
    QCOMPARE(error.httpStatus, 500);
    QCOMPARE(error.errorCode, QStringLiteral("WKS.0500"));
    QCOMPARE(m_simulator->requestCount("GET", QStringLiteral("desktops/detail")), 4); // 500: not retried
}

void TestSimulatorClient::brokenJsonIsInvalidResponse_data()
{
    QTest::addColumn<bool>("truncated");
    QTest::newRow("malformed") << false;
    QTest::newRow("truncated") << true;
}

void TestSimulatorClient::brokenJsonIsInvalidResponse()
{
    QFETCH(bool, truncated);
    SimulatorFaults faults;
    faults.malformedJson = !truncated;
    faults.truncatedJson = truncated;
    m_simulator->setFaults(faults);

    ListDesktopsPageCall call(m_client.get(), {}, 0, 20);
    call.start();
    QTRY_VERIFY_WITH_TIMEOUT(call.isFinished(), kCallTimeoutMs);
    QCOMPARE(call.error().kind, ApiError::Kind::InvalidResponse);
    QCOMPARE(call.error().httpStatus, 200);
    QVERIFY(!call.error().bodyExcerpt.isEmpty());
    QCOMPARE(call.attempts(), 1);

    // Errors keep their bodies intact: only successful answers are broken.
    const RawReply notFound = rawGet(QStringLiteral("workspace-jobs/none"));
    QCOMPARE(notFound.status, 404);
    QCOMPARE(notFound.errorCode(), QStringLiteral("WKS.0202"));
}

void TestSimulatorClient::neverAnsweringServerTimesOut()
{
    SimulatorFaults faults;
    faults.neverAnswer = true;
    m_simulator->setFaults(faults);
    ClientConfig config;
    config.transferTimeoutMs = 300;
    m_client = makeClient({}, {}, config);

    ListDesktopsPageCall call(m_client.get(), {}, 0, 20);
    call.start();
    QTRY_VERIFY_WITH_TIMEOUT(call.isFinished(), kCallTimeoutMs);
    QCOMPARE(call.error().kind, ApiError::Kind::Timeout);
    QCOMPARE(call.attempts(), 1);

    // The request did reach the server: a batch delete that is never answered still runs.
    m_simulator->setFaults({});
    const QList<Desktop> all = listAll({});
    const auto victim = std::find_if(all.cbegin(), all.cend(), [](const Desktop &d) {
        return d.billingMode == BillingMode::PayPerUse && !d.isConnected();
    });
    QVERIFY(victim != all.cend());
    m_simulator->setFaults(faults);
    QSignalSpy jobs(m_simulator.get(), &WorkspaceSimulator::jobFinished);
    ApiError error;
    deleteDesktops({victim->id}, {}, &error);
    QCOMPARE(error.kind, ApiError::Kind::Timeout);
    QVERIFY(error.isAmbiguous());
    QVERIFY(!jobs.isEmpty() || jobs.wait(kCallTimeoutMs));
    QCOMPARE(jobs.first().at(1).toString(), QStringLiteral("SUCCESS"));
    QCOMPARE(m_simulator->desktopCount(), 299);
}

void TestSimulatorClient::closingMidBodyIsNetworkError()
{
    SimulatorFaults faults;
    faults.closeMidBody = true;
    m_simulator->setFaults(faults);
    ClientConfig config;
    config.retry.maxAttempts = 2;
    m_client = makeClient({}, {}, config);

    ListDesktopsPageCall call(m_client.get(), {}, 0, 100);
    call.start();
    QTRY_VERIFY_WITH_TIMEOUT(call.isFinished(), kCallTimeoutMs);
    QCOMPARE(call.error().kind, ApiError::Kind::Network);
    QCOMPARE(call.attempts(), 2); // a connection reset on a GET is retried
}

void TestSimulatorClient::latencyDelaysTheAnswer()
{
    SimulatorFaults faults;
    faults.latencyMs = 300;
    m_simulator->setFaults(faults);
    QElapsedTimer timer;
    timer.start();
    const RawReply reply = rawGet(QStringLiteral("desktops/detail"), QUrlQuery{{QStringLiteral("limit"), QStringLiteral("5")}});
    QCOMPARE(reply.status, 200);
    QVERIFY(timer.elapsed() >= 300);
}

void TestSimulatorClient::delayedAnswerToAGoneClientIsDropped()
{
    SimulatorFaults faults;
    faults.latencyMs = 300;
    m_simulator->setFaults(faults);
    ClientConfig impatient;
    impatient.transferTimeoutMs = 100;
    m_client = makeClient({}, {}, impatient);
    ListDesktopsPageCall abandoned(m_client.get(), {}, 0, 5);
    abandoned.start();
    QTRY_VERIFY_WITH_TIMEOUT(abandoned.isFinished(), kCallTimeoutMs);
    QCOMPARE(abandoned.error().kind, ApiError::Kind::Timeout);

    // A patient second request is answered after the first one's delayed answer was due, so that
    // answer (to a closed connection) has been dropped by then without harm.
    QSignalSpy handled(m_simulator.get(), &WorkspaceSimulator::requestHandled);
    m_client = makeClient();
    ListDesktopsPageCall patient(m_client.get(), {}, 0, 5);
    patient.start();
    QTRY_VERIFY_WITH_TIMEOUT(patient.isFinished(), kCallTimeoutMs);
    QVERIFY2(patient.succeeded(), qPrintable(patient.error().details()));
    QCOMPARE(handled.size(), 1);
    QCOMPARE(m_simulator->requestCount("GET", QStringLiteral("desktops/detail")), 2);
}

void TestSimulatorClient::pathFilterRestrictsFaults()
{
    SimulatorFaults faults;
    faults.serverErrorShare = 1.0;
    faults.pathFilter = QStringLiteral("batch-delete");
    m_simulator->setFaults(faults);
    ApiError error;
    const QList<Desktop> all = listAll({}, &error);
    QVERIFY(!error.isError());
    deleteDesktops({all.first().id}, {}, &error);
    QCOMPARE(error.httpStatus, 503);
    QCOMPARE(m_simulator->desktopCount(), 300);
}

void TestSimulatorClient::servesHttpsWithItsCertificate()
{
    SimulatorConfig config;
    config.accessKey = kAccessKey;
    config.secretKey = kSecretKey;
    m_client.reset();
    m_simulator = std::make_unique<WorkspaceSimulator>(config);
    QString error;
    QVERIFY2(m_simulator->setupTls(QStringLiteral(WORKSPACE_TEST_DATA_DIR "/sim-tls-cert.pem"),
                                   QStringLiteral(WORKSPACE_TEST_DATA_DIR "/sim-tls-key.pem"), &error),
             qPrintable(error));
    QVERIFY(m_simulator->listen());
    QCOMPARE(m_simulator->url().scheme(), QStringLiteral("https"));

    ClientConfig trusting;
    trusting.extraCaCertificates = ApiClient::loadCaFile(QStringLiteral(WORKSPACE_TEST_DATA_DIR "/sim-tls-cert.pem"), &error);
    QVERIFY2(!trusting.extraCaCertificates.isEmpty(), qPrintable(error));
    m_client = makeClient({}, {}, trusting);
    ApiError listError;
    QCOMPARE(listAll({}, &listError).size(), 300);
    QVERIFY2(!listError.isError(), qPrintable(listError.details()));
}

void TestSimulatorClient::untrustedCertificateIsTlsError()
{
    SimulatorConfig config;
    config.accessKey = kAccessKey;
    config.secretKey = kSecretKey;
    m_client.reset();
    m_simulator = std::make_unique<WorkspaceSimulator>(config);
    QString error;
    QVERIFY(m_simulator->setupTls(QStringLiteral(WORKSPACE_TEST_DATA_DIR "/sim-tls-cert.pem"),
                                  QStringLiteral(WORKSPACE_TEST_DATA_DIR "/sim-tls-key.pem"), &error));
    QVERIFY(m_simulator->listen());
    m_client = makeClient();
    ApiError listError;
    listAll({}, &listError);
    QCOMPARE(listError.kind, ApiError::Kind::Tls);

    WorkspaceSimulator missing(config);
    QVERIFY(!missing.setupTls(QStringLiteral("/nonexistent/cert.pem"), QStringLiteral("/nonexistent/key.pem"), &error));
    QVERIFY(error.contains(QLatin1String("/nonexistent/cert.pem")));
}

void TestSimulatorClient::executablePrintsUrlAndLogsWithoutSecrets()
{
    QProcess process;
    process.start(QStringLiteral(WORKSPACE_SIM_EXECUTABLE),
                  {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--desktops"), QStringLiteral("42"),
                   QStringLiteral("--seed"), QStringLiteral("9"), QStringLiteral("--access-key"), kAccessKey,
                   QStringLiteral("--secret-key"), kSecretKey, QStringLiteral("--job-duration-ms"), QStringLiteral("100")});
    QVERIFY(process.waitForStarted(kCallTimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), kCallTimeoutMs);
    const QUrl url(QString::fromUtf8(process.readLine().trimmed()), QUrl::StrictMode);
    QCOMPARE(url.scheme(), QStringLiteral("http"));
    QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(url.port() > 0);

    ClientConfig config;
    config.endpoint = url;
    config.projectId = SimulatorConfig().projectId;
    config.retry.initialDelayMs = 10;
    m_client = clientFor(m_network.get(), config, Credentials{kAccessKey, kSecretKey, {}});
    ApiError error;
    QCOMPARE(listAll({}, &error).size(), 42);
    QVERIFY2(!error.isError(), qPrintable(error.details()));

    QByteArray log;
    QTRY_VERIFY_WITH_TIMEOUT((log += process.readAllStandardError()).contains("desktops/detail 200"), kCallTimeoutMs);
    process.terminate();
    QVERIFY(process.waitForFinished(kCallTimeoutMs));
    const QByteArray rest = process.readAllStandardOutput() + process.readAllStandardError();
    QVERIFY(!QByteArray(log + rest).contains(kSecretKey.toUtf8()));

    QProcess usage;
    usage.start(QStringLiteral(WORKSPACE_SIM_EXECUTABLE), {QStringLiteral("--port"), QStringLiteral("0")});
    QVERIFY(usage.waitForFinished(kCallTimeoutMs));
    QCOMPARE(usage.exitCode(), 2);
    QVERIFY(usage.readAllStandardError().contains("--access-key"));
}

QTEST_GUILESS_MAIN(TestSimulatorClient)
#include "tst_simulatorclient.moc"
