// The demo service's memory across restarts: SimulatorState's JSON, and a simulator that goes on
// where the previous one stopped.
#include "api/apicalls.h"
#include "api/apiclient.h"
#include "api/decommissioncalls.h"
#include "simulatorstate.h"
#include "simulatortestsupport.h"
#include "workspacesimulator.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
const QString kAccessKey = QStringLiteral("STATEAK000000001");
const QString kSecretKey = QStringLiteral("state-secret");
constexpr int kWaitMs = 30000;
} // namespace

class TestSimulatorState : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip();
    void refusesWhatIsNotAState();
    void restartGoesOnWhereItStopped();
    void stateOfOtherDesktopsIsIgnored();
    void maintenanceAndAutoscaleOutliveARestart();

private:
    SimulatorConfig config(int jobDurationMs) const
    {
        SimulatorConfig result = simulatorConfig(kAccessKey, kSecretKey, 20, jobDurationMs);
        result.stateFilePath = m_dir.filePath(QStringLiteral("state.json"));
        return result;
    }
    // Submits a batch-delete for the first `count` desktops; returns the job id.
    QString deleteFirst(WorkspaceSimulator &simulator, int count, QStringList *ids);
    Job showJob(WorkspaceSimulator &simulator, const QString &jobId, ApiError *error);
    // A simulator without saved state deletes `count` desktops and stops; returns the job id.
    QString submitOnAFreshSimulator(int jobDurationMs, int count);

    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
};

QString TestSimulatorState::deleteFirst(WorkspaceSimulator &simulator, int count, QStringList *ids)
{
    const std::unique_ptr<ApiClient> client = clientFor(simulator, &m_network);
    ListAllDesktopsCall list(client.get(), {});
    connect(&list, &ListAllDesktopsCall::pageLoaded, this, [ids, count](const QList<Desktop> &page) {
        for (const Desktop &desktop : page) {
            if (ids->size() < count && desktop.taskStatus.isEmpty())
                ids->append(desktop.id);
        }
    });
    QSignalSpy listed(&list, &ListAllDesktopsCall::finished);
    list.start();
    if (!listed.wait(kWaitMs))
        return {};
    BatchDeleteCall call(client.get(), *ids, {});
    QSignalSpy finished(&call, &ApiCall::finished);
    call.start();
    if (!finished.wait(kWaitMs))
        return {};
    return call.jobId();
}

QString TestSimulatorState::submitOnAFreshSimulator(int jobDurationMs, int count)
{
    QFile::remove(config(0).stateFilePath);
    WorkspaceSimulator simulator(config(jobDurationMs));
    if (!simulator.listen())
        return {};
    QStringList ids;
    const QString jobId = deleteFirst(simulator, count, &ids);
    return simulator.desktopCount() == 20 && ids.size() == count ? jobId : QString();
}

Job TestSimulatorState::showJob(WorkspaceSimulator &simulator, const QString &jobId, ApiError *error)
{
    ClientConfig clientConfig;
    clientConfig.retry.maxAttempts = 1;
    const std::unique_ptr<ApiClient> client = clientFor(simulator, &m_network, clientConfig);
    ShowJobCall call(client.get(), jobId);
    QSignalSpy finished(&call, &ApiCall::finished);
    call.start();
    if (!finished.wait(kWaitMs))
        return {};
    *error = call.error();
    return call.result();
}

void TestSimulatorState::roundTrip()
{
    SimulatorState state;
    state.projectId = QStringLiteral("p");
    state.desktopCount = 3;
    state.seed = 7;
    state.desktops = {{QStringLiteral("d1"), QStringLiteral("ACTIVE"), QStringLiteral("deleting"),
                       QStringLiteral("UNREGISTER"), false},
                      {QStringLiteral("d2"), QStringLiteral("SHUTOFF"), QString(), QString(), true, true}};
    state.poolAutoscale = {{QStringLiteral("pool-dev"), false}, {QStringLiteral("pool-ops"), true}};
    state.taskStatusBeforeDeletion = {{QStringLiteral("d1"), QStringLiteral("rebooting")}};
    state.deletedUsers = {QStringLiteral("alice")};
    SimulatorState::Job job;
    job.id = QStringLiteral("job-1");
    job.targets = {DeletionTarget{QStringLiteral("d1"), QStringLiteral("pc-1"), QStringLiteral("bob"),
                                  QStringLiteral("10.0.0.1"), QStringLiteral("prod"), QStringLiteral("WKS.0243"),
                                  QStringLiteral("billed yearly")}};
    job.subJobIds = {QStringLiteral("sub-1")};
    job.durationMs = 4000;
    job.createdUtc = QDateTime(QDate(2026, 12, 1), QTime(8, 15, 0, 250), Qt::UTC);
    job.deleteUsers = true;
    job.settledDesktopIds = {QStringLiteral("d1")};
    state.jobs = {job};

    QString error;
    const std::optional<SimulatorState> read = SimulatorState::fromJson(state.toJson(), &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(read->toJson(), state.toJson());
    QCOMPARE(read->jobs.size(), 1);
    QCOMPARE(read->jobs.first().createdUtc, job.createdUtc);
    QCOMPARE(read->jobs.first().targets.first().failReason, QStringLiteral("billed yearly"));
    QCOMPARE(read->desktops.at(1).removed, true);
    QCOMPARE(read->desktops.at(1).inMaintenanceMode, true);
    QCOMPARE(read->desktops.at(0).inMaintenanceMode, false);
    QCOMPARE(read->poolAutoscale, state.poolAutoscale);
    QCOMPARE(read->seed, quint32(7));
}

void TestSimulatorState::refusesWhatIsNotAState()
{
    QString error;
    QVERIFY(!SimulatorState::fromJson("{\"jobs\": []}", &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(!SimulatorState::fromJson("not json", &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(!SimulatorState::fromJson("{\"format\":1,\"jobs\":[{\"id\":\"j\"}]}", &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(!SimulatorState::load(m_dir.filePath(QStringLiteral("missing.json")), &error));
    QVERIFY(error.isEmpty()); // a missing file is simply no state yet
}

void TestSimulatorState::restartGoesOnWhereItStopped()
{
    const QString jobId = submitOnAFreshSimulator(1500, 2); // which stops while its job runs
    QVERIFY(!jobId.isEmpty());
    QVERIFY(QFile::exists(config(0).stateFilePath));

    WorkspaceSimulator second(config(1500));
    QVERIFY(second.listen());
    ApiError error;
    const Job job = showJob(second, jobId, &error);
    QVERIFY2(!error.isError(), qPrintable(error.summary()));
    QCOMPARE(job.id, jobId);
    // Its clock went on while nobody ran it; it ends, and its desktops go.
    QSignalSpy ended(&second, &WorkspaceSimulator::jobFinished);
    if (second.desktopCount() != 18)
        QVERIFY(ended.wait(kWaitMs));
    QTRY_COMPARE_WITH_TIMEOUT(second.desktopCount(), 18, kWaitMs);
    QVERIFY(showJob(second, jobId, &error).status == QLatin1String("SUCCESS"));

    // A third start finds them still gone, the job still known and nothing done twice.
    WorkspaceSimulator third(config(1500));
    QVERIFY(third.listen());
    QCOMPARE(third.desktopCount(), 18);
    QCOMPARE(showJob(third, jobId, &error).status, QStringLiteral("SUCCESS"));
}

void TestSimulatorState::stateOfOtherDesktopsIsIgnored()
{
    const QString jobId = submitOnAFreshSimulator(60000, 1);
    QVERIFY(!jobId.isEmpty());
    // Other generated desktops: the saved jobs are not theirs.
    SimulatorConfig other = config(60000);
    other.seed = 2;
    WorkspaceSimulator second(other);
    QVERIFY(second.listen());
    ApiError error;
    showJob(second, jobId, &error);
    // Not found, as documented: HTTP 404 with WKS.0202.
    QCOMPARE(error.httpStatus, 404);
    QCOMPARE(error.errorCode, QStringLiteral("WKS.0202"));
    // The same generation still finds it.
    WorkspaceSimulator third(config(60000));
    QVERIFY(third.listen());
    QCOMPARE(showJob(third, jobId, &error).id, jobId);
    QVERIFY(!error.isError());
}

void TestSimulatorState::maintenanceAndAutoscaleOutliveARestart()
{
    QFile::remove(config(0).stateFilePath);
    const auto clientOf = [this](WorkspaceSimulator &simulator) {
        ClientConfig clientConfig;
        clientConfig.endpoint = simulator.url();
        clientConfig.projectId = simulator.config().projectId;
        return std::make_unique<ApiClient>(&m_network, clientConfig, Credentials{kAccessKey, kSecretKey, {}});
    };
    const auto run = [](ApiCall &call) {
        QSignalSpy finished(&call, &ApiCall::finished);
        call.start();
        return finished.wait(kWaitMs) && call.succeeded();
    };
    const auto listPools = [](ApiClient *client) {
        ListAllPoolsCall pools(client);
        QSignalSpy finished(&pools, &ListAllPoolsCall::finished);
        pools.start();
        finished.wait(kWaitMs);
        return pools.pools();
    };
    const auto maintenanceOf = [](ApiClient *client, const QString &id) {
        DesktopQuery query;
        query.desktopIds = {id};
        ListAllDesktopsCall list(client, query);
        bool inMaintenance = false;
        QObject::connect(&list, &ListAllDesktopsCall::pageLoaded, &list, [&inMaintenance](const QList<Desktop> &page) {
            for (const Desktop &desktop : page)
                inMaintenance = desktop.inMaintenanceMode;
        });
        QSignalSpy finished(&list, &ListAllDesktopsCall::finished);
        list.start();
        finished.wait(kWaitMs);
        return inMaintenance;
    };
    QString desktopId;
    QString poolId;
    {
        WorkspaceSimulator first(config(60000));
        QVERIFY(first.listen());
        auto client = clientOf(first);
        ListAllDesktopsCall list(client.get(), {});
        connect(&list, &ListAllDesktopsCall::pageLoaded, this, [&desktopId](const QList<Desktop> &page) {
            for (const Desktop &desktop : page) {
                if (desktopId.isEmpty() && !desktop.inMaintenanceMode)
                    desktopId = desktop.id;
            }
        });
        QSignalSpy listed(&list, &ListAllDesktopsCall::finished);
        list.start();
        QVERIFY(listed.wait(kWaitMs));
        QVERIFY(!desktopId.isEmpty());
        for (const DesktopPool &pool : listPools(client.get())) {
            if (pool.mayCreateDesktops())
                poolId = pool.id;
        }
        QVERIFY(!poolId.isEmpty());
        SetMaintenanceModeCall maintenance(client.get(), {desktopId}, true);
        QVERIFY(run(maintenance));
        UpdatePoolAutoscaleCall autoscale(client.get(), poolId, false);
        QVERIFY(run(autoscale));
    }
    WorkspaceSimulator second(config(60000));
    QVERIFY(second.listen());
    auto client = clientOf(second);
    QVERIFY(maintenanceOf(client.get(), desktopId));
    for (const DesktopPool &pool : listPools(client.get())) {
        if (pool.id == poolId)
            QVERIFY(!pool.mayCreateDesktops());
    }
}

QTEST_GUILESS_MAIN(TestSimulatorState)
#include "tst_simulatorstate.moc"
