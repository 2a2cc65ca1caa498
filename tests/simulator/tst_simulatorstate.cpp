// The demo service's memory across restarts: SimulatorStore's database (what it keeps, what a change
// costs), the migration of earlier versions' JSON state files, and a simulator that goes on where the
// previous one stopped.
#include "api/apicalls.h"
#include "api/apiclient.h"
#include "api/decommissioncalls.h"
#include "simulatorstate.h"
#include "simulatorstore.h"
#include "simulatortestsupport.h"
#include "workspacesimulator.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSqlDatabase>
#include <QSqlQuery>
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
    void storeRoundTrip();
    void refusesWhatIsNotAState();
    void restartGoesOnWhereItStopped();
    void stateOfOtherDesktopsIsIgnored();
    void maintenanceAndAutoscaleOutliveARestart();
    void creationTimesOutliveARestart();
    void aDeletionWritesInProportionToItself();
    void earlierStateFileIsMigratedOnce();

private:
    SimulatorConfig config(int jobDurationMs) const
    {
        SimulatorConfig result = simulatorConfig(kAccessKey, kSecretKey, 20, jobDurationMs);
        result.stateFilePath = m_dir.filePath(QStringLiteral("state.sqlite"));
        return result;
    }
    // Removes the database with its write-ahead log: the next simulator starts afresh.
    void removeState() const;
    // The rows written by a simulator of `desktopCount` desktops deleting `count` of them, from the
    // request to the job's end; -1 when that fails.
    qint64 rowsWrittenByDeleting(int desktopCount, int count);
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

void TestSimulatorState::removeState() const
{
    const QString path = config(0).stateFilePath;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

QString TestSimulatorState::submitOnAFreshSimulator(int jobDurationMs, int count)
{
    removeState();
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

void TestSimulatorState::storeRoundTrip()
{
    SimulatorState state;
    state.projectId = QStringLiteral("p");
    state.desktopCount = 3;
    state.seed = 7;
    const QDateTime created(QDate(2026, 11, 30), QTime(23, 10, 5, 120), Qt::UTC);
    state.desktops = {{QStringLiteral("d1"), QStringLiteral("ACTIVE"), QStringLiteral("deleting"),
                       QStringLiteral("UNREGISTER"), false, false, created, std::nullopt},
                      {QStringLiteral("d2"), QStringLiteral("SHUTOFF"), QString(), QString(), true, true, QDateTime(), std::nullopt}};
    state.poolAutoscale = {{QStringLiteral("pool-dev"), false}, {QStringLiteral("pool-ops"), true}};
    state.taskStatusBeforeDeletion = {{QStringLiteral("d1"), QStringLiteral("rebooting")}};
    state.deletedUsers = {QStringLiteral("alice")};
    SimulatorState::Job job;
    job.id = QStringLiteral("job-1");
    job.targets = {DeletionTarget{QStringLiteral("d1"), QStringLiteral("pc-1"), QStringLiteral("bob"),
                                  QStringLiteral("10.0.0.1"), QStringLiteral("prod"), QStringLiteral("WKS.0243"),
                                  QStringLiteral("billed yearly")},
                   DeletionTarget{QStringLiteral("d2"), QStringLiteral("pc-2"), QString(), QStringLiteral("10.0.0.2"),
                                  QStringLiteral("prod"), QString(), QString()}};
    job.subJobIds = {QStringLiteral("sub-1"), QStringLiteral("sub-2")};
    job.durationMs = 4000;
    job.createdUtc = QDateTime(QDate(2026, 12, 1), QTime(8, 15, 0, 250), Qt::UTC);
    job.deleteUsers = true;
    job.settledDesktopIds = {QStringLiteral("d1")};
    state.jobs = {job};

    const QString path = m_dir.filePath(QStringLiteral("roundtrip.sqlite"));
    QString error;
    {
        SimulatorStore store(path);
        QVERIFY2(store.open(&error), qPrintable(error));
        QVERIFY(!store.load(&error)); // nothing yet, and no error
        QVERIFY(error.isEmpty());
        store.saveAll(state);
    }
    {
        // Reopened: what was saved, then changes written one by one.
        SimulatorStore store(path);
        QVERIFY2(store.open(&error), qPrintable(error));
        const std::optional<SimulatorState> read = store.load(&error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->projectId, state.projectId);
        QCOMPARE(read->desktopCount, 3);
        QCOMPARE(read->seed, quint32(7));
        QCOMPARE(read->desktops.size(), 2);
        QCOMPARE(read->desktops.at(0).taskStatus, QStringLiteral("deleting"));
        QCOMPARE(read->desktops.at(0).created, created);
        QVERIFY(!read->desktops.at(1).created.isValid());
        QCOMPARE(read->desktops.at(1).removed, true);
        QCOMPARE(read->desktops.at(1).inMaintenanceMode, true);
        QCOMPARE(read->desktops.at(0).inMaintenanceMode, false);
        QCOMPARE(read->poolAutoscale, state.poolAutoscale);
        QCOMPARE(read->taskStatusBeforeDeletion, state.taskStatusBeforeDeletion);
        QCOMPARE(read->deletedUsers, state.deletedUsers);
        QCOMPARE(read->jobs.size(), 1);
        const SimulatorState::Job &readJob = read->jobs.first();
        QCOMPARE(readJob.id, job.id);
        QCOMPARE(readJob.createdUtc, job.createdUtc);
        QCOMPARE(readJob.durationMs, 4000);
        QCOMPARE(readJob.deleteUsers, true);
        QCOMPARE(readJob.subJobIds, job.subJobIds);
        QCOMPARE(readJob.settledDesktopIds, job.settledDesktopIds);
        QCOMPARE(readJob.targets.size(), 2);
        QCOMPARE(readJob.targets.first().failReason, QStringLiteral("billed yearly"));
        QCOMPARE(readJob.targets.last().userName, QString());

        store.saveSettled(job.id, QStringLiteral("d2"));
        store.forgetTaskStatusBeforeDeletion(QStringLiteral("d1"));
        store.saveDeletedUser(QStringLiteral("bob"));
        store.savePoolAutoscale(QStringLiteral("pool-ops"), false);
        QVERIFY(store.commit());
    }
    SimulatorStore store(path);
    QVERIFY2(store.open(&error), qPrintable(error));
    const std::optional<SimulatorState> read = store.load(&error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(read->jobs.first().settledDesktopIds, (QStringList{QStringLiteral("d1"), QStringLiteral("d2")}));
    QVERIFY(read->taskStatusBeforeDeletion.isEmpty());
    QCOMPARE(read->deletedUsers, (QStringList{QStringLiteral("alice"), QStringLiteral("bob")}));
    QCOMPARE(read->poolAutoscale.value(QStringLiteral("pool-ops"), true), false);
}

void TestSimulatorState::refusesWhatIsNotAState()
{
    // The earlier versions' JSON.
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

    // A file that is no database is refused, and a simulator given it keeps nothing (and leaves it).
    const QString notADatabase = m_dir.filePath(QStringLiteral("not-a-database.sqlite"));
    QFile file(notADatabase);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    SimulatorStore store(notADatabase);
    QVERIFY(!store.open(&error));
    QVERIFY(!error.isEmpty());
    SimulatorConfig broken = config(60000);
    broken.stateFilePath = notADatabase;
    WorkspaceSimulator simulator(broken);
    QVERIFY(simulator.listen());
    QVERIFY(!simulator.keepsState());
    QCOMPARE(simulator.desktopCount(), 20);
    QCOMPARE(QFileInfo(notADatabase).size(), 4096);
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
    removeState();
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

void TestSimulatorState::creationTimesOutliveARestart()
{
    // Some demo desktops are "created an hour ago" relative to the simulator's start: the first
    // start's time is kept, whenever the next one is.
    removeState();
    QString desktopId;
    {
        WorkspaceSimulator first(config(60000));
        QVERIFY(first.listen());
        QVERIFY(first.keepsState());
        const QList<Desktop> listed = listAllDesktops(clientFor(first, &m_network).get(), kWaitMs);
        QCOMPARE(listed.size(), 20);
        desktopId = listed.first().id;
    }
    // What the first start kept is what the next one serves: set apart here so that it cannot be a
    // time the generator would make again.
    const QDateTime kept(QDate(2024, 2, 29), QTime(12, 34, 56), Qt::UTC);
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("edit"));
        database.setDatabaseName(config(0).stateFilePath);
        QVERIFY(database.open());
        QSqlQuery update(database);
        QVERIFY(update.prepare(QStringLiteral("UPDATE desktops SET created = ? WHERE id = ?")));
        update.addBindValue(kept.toString(Qt::ISODateWithMs));
        update.addBindValue(desktopId);
        QVERIFY(update.exec());
        QCOMPARE(update.numRowsAffected(), 1);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("edit"));
    QList<Desktop> firstListing;
    {
        WorkspaceSimulator second(config(60000));
        QVERIFY(second.listen());
        firstListing = listAllDesktops(clientFor(second, &m_network).get(), kWaitMs);
    }
    QCOMPARE(firstListing.size(), 20);
    for (const Desktop &desktop : std::as_const(firstListing)) {
        if (desktop.id == desktopId)
            QCOMPARE(desktop.created, kept);
    }
    WorkspaceSimulator third(config(60000));
    QVERIFY(third.listen());
    const QList<Desktop> secondListing = listAllDesktops(clientFor(third, &m_network).get(), kWaitMs);
    QCOMPARE(secondListing.size(), firstListing.size());
    for (qsizetype i = 0; i < secondListing.size(); ++i)
        QCOMPARE(secondListing.at(i).created, firstListing.at(i).created);
}

qint64 TestSimulatorState::rowsWrittenByDeleting(int desktopCount, int count)
{
    removeState();
    SimulatorConfig sized = config(300);
    sized.desktopCount = desktopCount;
    WorkspaceSimulator simulator(sized);
    if (!simulator.listen() || !simulator.keepsState())
        return -1;
    const qint64 before = simulator.stateRowsWritten();
    QStringList ids;
    QSignalSpy ended(&simulator, &WorkspaceSimulator::jobFinished);
    const QString jobId = deleteFirst(simulator, count, &ids);
    if (jobId.isEmpty() || ids.size() != count || (ended.isEmpty() && !ended.wait(kWaitMs)))
        return -1;
    return simulator.stateRowsWritten() - before;
}

void TestSimulatorState::aDeletionWritesInProportionToItself()
{
    // Accepting a job writes its row and, per desktop, its target, the desktop and the task status to
    // go back to; each sub-job's end marks the target settled, writes the desktop and forgets that
    // task status. Nothing else is rewritten, however large the project.
    constexpr int kDeleted = 10;
    constexpr qint64 kRowsPerDesktop = 6;
    const qint64 small = rowsWrittenByDeleting(40, kDeleted);
    const qint64 large = rowsWrittenByDeleting(2000, kDeleted);
    QVERIFY(small > 0);
    QCOMPARE(large, small);
    QVERIFY2(small <= kDeleted * kRowsPerDesktop + 1, qPrintable(QString::number(small)));
}

void TestSimulatorState::earlierStateFileIsMigratedOnce()
{
    // A state file of the JSON format that earlier versions rewrote after every change: 20 desktops of
    // seed 1, two deleted (and a user with them) by a job that ended long ago, one in maintenance,
    // the pools' autoscale off.
    removeState();
    SimulatorConfig migrating = config(60000);
    migrating.legacyStateFilePath = m_dir.filePath(QStringLiteral("simulator-state.json"));
    QFile::remove(migrating.legacyStateFilePath);
    QVERIFY(QFile::copy(QStringLiteral(WORKSPACE_TEST_DATA_DIR "/simulator-state-v1.json"),
                        migrating.legacyStateFilePath));
    QFile::setPermissions(migrating.legacyStateFilePath, QFile::ReadOwner | QFile::WriteOwner);
    const QString jobId = QStringLiteral("6f1c1d2e-0b7a-4c55-9f0e-2a9d3b1c4e01");
    const auto check = [this, &jobId](WorkspaceSimulator &simulator) {
        QCOMPARE(simulator.desktopCount(), 18);
        ApiError error;
        const Job job = showJob(simulator, jobId, &error);
        QVERIFY2(!error.isError(), qPrintable(error.summary()));
        QCOMPARE(job.status, QStringLiteral("SUCCESS"));
        QCOMPARE(simulator.deletedUsers(), QStringList{QStringLiteral("yuki.zhang1")});
        const std::unique_ptr<ApiClient> client = clientFor(simulator, &m_network);
        bool inMaintenance = false;
        for (const Desktop &desktop : listAllDesktops(client.get(), kWaitMs)) {
            if (desktop.id == QLatin1String("2b89faa7-e564-135c-9d96-d53343f6b99b"))
                inMaintenance = desktop.inMaintenanceMode;
        }
        QVERIFY(inMaintenance);
        for (const DesktopPool &pool : listAllPools(client.get(), kWaitMs)) {
            if (pool.id == QLatin1String("pool-dev"))
                QVERIFY(!pool.mayCreateDesktops());
        }
    };
    {
        WorkspaceSimulator first(migrating);
        QVERIFY(first.listen());
        QVERIFY(first.keepsState());
        check(first);
        if (QTest::currentTestFailed())
            return;
    }
    QVERIFY(!QFile::exists(migrating.legacyStateFilePath)); // read once
    WorkspaceSimulator second(config(60000));
    QVERIFY(second.listen());
    check(second);
}

QTEST_GUILESS_MAIN(TestSimulatorState)
#include "tst_simulatorstate.moc"
