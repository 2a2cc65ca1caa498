// The deletion engine against the in-process Workspace simulator over loopback: real signatures,
// real HTTP, asynchronous jobs.
#include "freshrecord.h"
#include "api/apicalls.h"
#include "api/apiclient.h"
#include "deletion/auditlog.h"
#include "deletion/deletionrun.h"
#include "deletion/jobjournal.h"
#include "simulatortestsupport.h"
#include "workspacesimulator.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kAccessKey = QStringLiteral("DELETIONSIMAK000001");
const QString kSecretKey = QStringLiteral("deletion-sim-secret/+=");
constexpr int kWaitMs = 30000;
} // namespace

class TestDeletionSimulator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void deletesInChunksWithMixedOutcomes();
    void timeoutAfterSendIsNotResent();

private:
    QList<Desktop> listAll();
    std::unique_ptr<DeletionRun> makeRun(const QList<Desktop> &desktops);

    QTemporaryDir m_dir;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<WorkspaceSimulator> m_simulator;
    std::unique_ptr<ApiClient> m_client;
    DeletionStorePtr m_store;
    AuditLog *m_audit = nullptr;
    JobJournal *m_journal = nullptr;
};

void TestDeletionSimulator::init()
{
    m_simulator = std::make_unique<WorkspaceSimulator>(simulatorConfig(kAccessKey, kSecretKey, 260, 150));
    QVERIFY(m_simulator->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    ClientConfig clientConfig = clientConfigFor(*m_simulator);
    clientConfig.transferTimeoutMs = 5000;
    clientConfig.retry.initialDelayMs = 10;
    clientConfig.retry.throttleDelayMs = 10;
    m_client = std::make_unique<ApiClient>(m_network.get(), clientConfig,
                                           Credentials{kAccessKey, kSecretKey, {}});
    QVERIFY(m_dir.isValid());
    openFreshRecord(m_dir.path(), &m_store, &m_audit, &m_journal);
    QVERIFY(m_journal->load());
}

void TestDeletionSimulator::cleanup()
{
    m_client.reset();
    m_simulator.reset();
    m_network.reset();
}

QList<Desktop> TestDeletionSimulator::listAll()
{
    ListAllDesktopsCall call(m_client.get(), {});
    QList<Desktop> desktops;
    connect(&call, &ListAllDesktopsCall::pageLoaded, this,
            [&desktops](const QList<Desktop> &page) { desktops.append(page); });
    QSignalSpy finished(&call, &ListAllDesktopsCall::finished);
    call.start();
    if (!finished.wait(kWaitMs) || !call.succeeded())
        return {};
    return desktops;
}

std::unique_ptr<DeletionRun> TestDeletionSimulator::makeRun(const QList<Desktop> &desktops)
{
    QStringList ids;
    QHash<QString, QString> names;
    for (const Desktop &desktop : desktops) {
        ids.append(desktop.id);
        names.insert(desktop.id, desktop.computerName);
    }
    DeletionContext context;
    context.profileName = QStringLiteral("simulator");
    context.projectId = m_client->config().projectId;
    context.endpointHost = m_simulator->url().authority();
    auto run = std::make_unique<DeletionRun>(m_client.get(), DeletionPlan(ids, {}, names), context,
                                             m_store);
    run->setChunkGapMs(5);
    JobTracker::Timing timing;
    timing.initialIntervalMs = 20;
    timing.maxIntervalMs = 100;
    run->setTrackerTiming(timing);
    return run;
}

void TestDeletionSimulator::deletesInChunksWithMixedOutcomes()
{
    const QList<Desktop> all = listAll();
    QCOMPARE(all.size(), 260);
    const QList<Desktop> selected = all.mid(0, 250);
    SimulatorFaults faults;
    faults.failingDesktopIds = {selected.at(3).id, selected.at(120).id, selected.at(249).id};
    m_simulator->setFaults(faults);

    // The simulator refuses yearly/monthly desktops and connected ones (without force), as the
    // real service does; with the injected faults those are the expected failures.
    QSet<QString> expectedFailed(faults.failingDesktopIds.cbegin(), faults.failingDesktopIds.cend());
    for (const Desktop &desktop : selected) {
        if (desktop.billingMode == BillingMode::YearlyMonthly || desktop.isConnected())
            expectedFailed.insert(desktop.id);
    }
    QVERIFY(expectedFailed.size() > 3);
    const int expectedDeleted = 250 - int(expectedFailed.size());

    auto run = makeRun(selected);
    QSignalSpy finished(run.get(), &DeletionRun::finished);
    run->start();
    run->start();
    QVERIFY(finished.wait(kWaitMs));

    QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 3);
    QCOMPARE(run->result().count(DeletionOutcome::Deleted), expectedDeleted);
    const QStringList failed = run->result().failedDesktopIds();
    QCOMPARE(QSet<QString>(failed.cbegin(), failed.cend()), expectedFailed);
    for (const QString &id : failed)
        QVERIFY(!run->result().row(id).errorCode.isEmpty());
    QCOMPARE(run->result().summaryText(), QStringLiteral("%1 deleted, %2 failed")
                                               .arg(expectedDeleted)
                                               .arg(expectedFailed.size()));
    QCOMPARE(m_simulator->desktopCount(), 260 - expectedDeleted);
    QVERIFY(m_journal->entries().isEmpty());

    QFile audit(m_audit->filePath());
    QVERIFY(audit.open(QIODevice::ReadOnly));
    const QByteArray content = audit.readAll();
    QVERIFY(!content.contains(kSecretKey.toUtf8()));
    QCOMPARE(content.count("\"event\":\"intent\""), 3);
    QCOMPARE(content.count("\"event\":\"job_finished\""), 3);
}

void TestDeletionSimulator::timeoutAfterSendIsNotResent()
{
    const QList<Desktop> all = listAll();
    QCOMPARE(all.size(), 260);
    SimulatorFaults faults;
    faults.neverAnswer = true;
    faults.pathFilter = QStringLiteral("batch-delete");
    m_simulator->setFaults(faults);
    ClientConfig config = m_client->config();
    config.transferTimeoutMs = 300;
    m_client = std::make_unique<ApiClient>(m_network.get(), config,
                                           Credentials{kAccessKey, kSecretKey, {}});

    auto run = makeRun(all.mid(0, 150));
    run->setLostJobSearchDelayMs(0);
    QSignalSpy finished(run.get(), &DeletionRun::finished);
    QSignalSpy found(run.get(), &DeletionRun::lostJobFound);
    run->start();
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 1);
    QCOMPARE(run->postError().kind, ApiError::Kind::Timeout);
    // The simulator did run the request: its job is found by its desktops and followed, so each
    // of the 100 ends deleted or failed with the service's reason, none as a guess.
    QCOMPARE(found.count(), 1);
    QCOMPARE(run->jobIds().size(), 1);
    QCOMPARE(run->result().count(DeletionOutcome::Unknown), 0);
    QCOMPARE(run->result().count(DeletionOutcome::Deleted) + run->result().count(DeletionOutcome::Failed), 100);
    QCOMPARE(run->result().count(DeletionOutcome::NotSent), 50);
    QVERIFY(m_journal->entries().isEmpty());
}

QTEST_GUILESS_MAIN(TestDeletionSimulator)
#include "tst_deletionsimulator.moc"
