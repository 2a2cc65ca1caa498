// The app against the other plausible answer to what the documents leave open: a batch deletion
// holding a yearly/monthly desktop (or a connected one without is_force_delete) refused as a whole
// call, with 400 or 409, instead of failing those desktops one by one.
#include "freshrecord.h"
#include "api/apiclient.h"
#include "deletion/auditlog.h"
#include "deletion/deletionrun.h"
#include "deletion/jobjournal.h"
#include "simulatortestsupport.h"
#include "workspacesimulator.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

Q_DECLARE_METATYPE(UnconfirmedDeletion)

namespace {
const QString kAccessKey = QStringLiteral("ASSUMPTIONSAK00001");
const QString kSecretKey = QStringLiteral("assumption-secret");
constexpr int kWaitMs = 30000;
constexpr int kDesktops = 260;
} // namespace

class TestSimulatorAssumptions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wholeCallRefusedDeletesNothingAndResendsNothing_data();
    void wholeCallRefusedDeletesNothingAndResendsNothing();
    void batchWithoutUnconfirmedDesktopsIsAccepted();

private:
    void start(UnconfirmedDeletion mode);
    std::unique_ptr<DeletionRun> makeRun(const QList<Desktop> &desktops);

    QTemporaryDir m_dir;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<WorkspaceSimulator> m_simulator;
    std::unique_ptr<ApiClient> m_client;
    DeletionStorePtr m_store;
    AuditLog *m_audit = nullptr;
    JobJournal *m_journal = nullptr;
};

void TestSimulatorAssumptions::start(UnconfirmedDeletion mode)
{
    m_client.reset();
    m_simulator.reset();
    SimulatorConfig config = simulatorConfig(kAccessKey, kSecretKey, kDesktops, 150);
    config.unconfirmedDeletion = mode;
    m_simulator = std::make_unique<WorkspaceSimulator>(config);
    QVERIFY(m_simulator->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    ClientConfig clientConfig;
    clientConfig.transferTimeoutMs = 5000;
    m_client = clientFor(*m_simulator, m_network.get(), clientConfig);
    QVERIFY(m_dir.isValid());
    openFreshRecord(m_dir.path(), &m_store, &m_audit, &m_journal);
    QVERIFY(m_journal->load());
}

std::unique_ptr<DeletionRun> TestSimulatorAssumptions::makeRun(const QList<Desktop> &desktops)
{
    QStringList ids;
    for (const Desktop &desktop : desktops)
        ids.append(desktop.id);
    DeletionContext context;
    context.profileName = QStringLiteral("simulator");
    context.projectId = m_client->config().projectId;
    context.endpointHost = m_simulator->url().authority();
    auto run = std::make_unique<DeletionRun>(m_client.get(), DeletionPlan(ids, {}), context, m_store);
    run->setChunkGapMs(5);
    JobTracker::Timing timing;
    timing.initialIntervalMs = 20;
    timing.maxIntervalMs = 100;
    run->setTrackerTiming(timing);
    return run;
}

void TestSimulatorAssumptions::wholeCallRefusedDeletesNothingAndResendsNothing_data()
{
    QTest::addColumn<UnconfirmedDeletion>("mode");
    QTest::addColumn<int>("status");
    QTest::newRow("400") << UnconfirmedDeletion::RefuseWholeCall400 << 400;
    QTest::newRow("409") << UnconfirmedDeletion::RefuseWholeCall409 << 409;
}

void TestSimulatorAssumptions::wholeCallRefusedDeletesNothingAndResendsNothing()
{
    QFETCH(UnconfirmedDeletion, mode);
    QFETCH(int, status);
    start(mode);
    const QList<Desktop> all = listAllDesktops(m_client.get(), kWaitMs);
    QCOMPARE(all.size(), kDesktops);
    // 150 desktops, two requests; the first holds yearly/monthly ones.
    const QList<Desktop> selected = all.mid(0, 150);
    const bool firstHoldsYearly = std::any_of(selected.cbegin(), selected.cbegin() + 100, [](const Desktop &d) {
        return d.billingMode == BillingMode::YearlyMonthly;
    });
    QVERIFY(firstHoldsYearly);

    auto run = makeRun(selected);
    QSignalSpy finished(run.get(), &DeletionRun::finished);
    run->start();
    QVERIFY(finished.wait(kWaitMs));

    // Refused once, not re-sent, and the rest not sent after the refusal.
    QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 1);
    QCOMPARE(run->postCount(), 1);
    QCOMPARE(run->postError().httpStatus, status);
    QVERIFY(!run->postError().errorCode.isEmpty());
    QVERIFY(!run->postError().errorMessage.isEmpty());
    QVERIFY(run->jobIds().isEmpty());
    // No desktop recorded as deleted, none deleted.
    QCOMPARE(run->result().count(DeletionOutcome::Deleted), 0);
    QCOMPARE(m_simulator->desktopCount(), kDesktops);
    const QList<Desktop> after = listAllDesktops(m_client.get(), kWaitMs);
    QCOMPARE(after.size(), kDesktops);
    for (const Desktop &desktop : after)
        QVERIFY(!desktop.isBeingDeleted());
}

void TestSimulatorAssumptions::batchWithoutUnconfirmedDesktopsIsAccepted()
{
    start(UnconfirmedDeletion::RefuseWholeCall409);
    QList<Desktop> deletable;
    for (const Desktop &desktop : listAllDesktops(m_client.get(), kWaitMs)) {
        if (desktop.billingMode == BillingMode::PayPerUse && !desktop.isConnected() && deletable.size() < 5)
            deletable.append(desktop);
    }
    QCOMPARE(deletable.size(), 5);
    auto run = makeRun(deletable);
    QSignalSpy finished(run.get(), &DeletionRun::finished);
    run->start();
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(run->result().count(DeletionOutcome::Deleted), 5);
    QCOMPARE(m_simulator->desktopCount(), kDesktops - 5);
}

QTEST_GUILESS_MAIN(TestSimulatorAssumptions)
#include "tst_simulatorassumptions.moc"
