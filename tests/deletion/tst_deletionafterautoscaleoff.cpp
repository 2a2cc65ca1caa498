// "Turn autoscale off, then delete" against the in-process simulator: the pools stop scaling before
// any desktop is deleted, and when one cannot be stopped nothing is deleted.
#include "freshrecord.h"
#include "api/apiclient.h"
#include "decommission/deletionafterautoscaleoff.h"
#include "decommission/deletionimpact.h"
#include "deletion/auditlog.h"
#include "deletion/jobjournal.h"
#include "simulatortestsupport.h"
#include "workspacesimulator.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
const QString kAccessKey = QStringLiteral("AUTOSCALEFIRSTAK0001");
const QString kSecretKey = QStringLiteral("autoscale-first-secret");
constexpr int kWaitMs = 30000;
} // namespace

class TestDeletionAfterAutoscaleOff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void stopsThePoolsThenDeletes();
    void refusedPoolDeletesNothing();
    void withoutPoolsDeletesAtOnce();
    void cancelBeforeTheDeletionDeletesNothing();

private:
    QList<DesktopPool> listPools();
    // A desktop of a pool whose autoscale is on, and that pool.
    bool desktopOfScalingPool(Desktop *desktop, DesktopPool *pool);
    std::unique_ptr<DeletionAfterAutoscaleOff> makeDeletion(const QStringList &ids, const QList<DesktopPool> &pools);
    QStringList auditEvents() const;

    QTemporaryDir m_dir;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<WorkspaceSimulator> m_simulator;
    std::unique_ptr<ApiClient> m_client;
    DeletionStorePtr m_store;
    AuditLog *m_audit = nullptr;
    JobJournal *m_journal = nullptr;
};

void TestDeletionAfterAutoscaleOff::init()
{
    m_simulator = std::make_unique<WorkspaceSimulator>(simulatorConfig(kAccessKey, kSecretKey, 60, 50));
    QVERIFY(m_simulator->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    ClientConfig config;
    config.transferTimeoutMs = 2000;
    config.retry.initialDelayMs = 10;
    m_client = clientFor(*m_simulator, m_network.get(), config);
    QVERIFY(m_dir.isValid());
    openFreshRecord(m_dir.path(), &m_store, &m_audit, &m_journal);
}

void TestDeletionAfterAutoscaleOff::cleanup()
{
    m_client.reset();
    m_simulator.reset();
    m_network.reset();
}

QList<DesktopPool> TestDeletionAfterAutoscaleOff::listPools()
{
    return listAllPools(m_client.get(), kWaitMs);
}

bool TestDeletionAfterAutoscaleOff::desktopOfScalingPool(Desktop *desktop, DesktopPool *pool)
{
    const QList<DesktopPool> pools = listPools();
    // The listing does not name a desktop's pool (assumption POOL-ID, the default): the simulator's
    // own record does, and finding the pool is not this suite's subject.
    const QHash<QString, QString> poolOfDesktop = m_simulator->poolOfDesktop();
    for (Desktop candidate : listAllDesktops(m_client.get(), kWaitMs)) {
        if (!candidate.taskStatus.isEmpty() || candidate.isConnected())
            continue;
        candidate.poolId = poolOfDesktop.value(candidate.id);
        const QList<DesktopPool> scaling = DeletionImpact::scalingPools({candidate}, pools);
        if (scaling.size() == 1 && scaling.first().autoscaleEnabled.value_or(false)) {
            *desktop = candidate;
            *pool = scaling.first();
            return true;
        }
    }
    return false;
}

std::unique_ptr<DeletionAfterAutoscaleOff> TestDeletionAfterAutoscaleOff::makeDeletion(const QStringList &ids,
                                                                                      const QList<DesktopPool> &pools)
{
    DeletionContext context;
    context.profileName = QStringLiteral("test");
    context.projectId = m_client->config().projectId;
    return std::make_unique<DeletionAfterAutoscaleOff>(m_client.get(), m_store, context,
                                                       DeletionPlan(ids, BatchDeleteOptions{}), pools);
}

QStringList TestDeletionAfterAutoscaleOff::auditEvents() const
{
    QStringList events;
    for (const QJsonObject &entry : AuditLog::readEntries(m_audit->filePath()))
        events.append(entry.value(QLatin1String("event")).toString());
    return events;
}

void TestDeletionAfterAutoscaleOff::stopsThePoolsThenDeletes()
{
    Desktop desktop;
    DesktopPool pool;
    QVERIFY(desktopOfScalingPool(&desktop, &pool));
    auto deletion = makeDeletion({desktop.id}, {pool});
    QVERIFY(deletion->autoscaleRun());
    QSignalSpy ready(deletion.get(), &DeletionAfterAutoscaleOff::deletionReady);
    QSignalSpy refused(deletion.get(), &DeletionAfterAutoscaleOff::notDeleted);
    QSignalSpy autoscaleDone(deletion.get(), &DeletionAfterAutoscaleOff::autoscaleFinished);
    deletion->start();
    QVERIFY(ready.wait(kWaitMs));
    QCOMPARE(autoscaleDone.size(), 1);
    QVERIFY(refused.isEmpty());
    DeletionRun *run = deletion->deletionRun();
    QVERIFY(run);
    QSignalSpy finished(run, &DeletionRun::finished);
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(run->result().count(DeletionOutcome::Deleted), 1);

    QCOMPARE(m_simulator->requestCount("PUT", QStringLiteral("desktop-pools/") + pool.id), 1);
    for (const DesktopPool &listed : listPools()) {
        if (listed.id == pool.id)
            QCOMPARE(listed.autoscaleEnabled, std::optional<bool>(false));
    }
    // The pool's intent and outcome and its read-back, before the deletion's intent.
    const QStringList events = auditEvents();
    QCOMPARE(events.mid(0, 4), (QStringList{QStringLiteral("intent"), QStringLiteral("done"),
                                            QStringLiteral("autoscale_checked"), QStringLiteral("intent")}));
}

void TestDeletionAfterAutoscaleOff::refusedPoolDeletesNothing()
{
    Desktop desktop;
    DesktopPool pool;
    QVERIFY(desktopOfScalingPool(&desktop, &pool));
    SimulatorFaults faults;
    faults.serverErrorShare = 1.0;
    faults.serverErrorStatus = 500;
    faults.pathFilter = QStringLiteral("desktop-pools/"); // the update, not the listing
    m_simulator->setFaults(faults);
    auto deletion = makeDeletion({desktop.id}, {pool});
    QSignalSpy ready(deletion.get(), &DeletionAfterAutoscaleOff::deletionReady);
    QSignalSpy refused(deletion.get(), &DeletionAfterAutoscaleOff::notDeleted);
    deletion->start();
    QVERIFY(refused.wait(kWaitMs));
    QCoreApplication::processEvents(); // nothing more may come
    QCOMPARE(refused.size(), 1);
    QVERIFY(ready.isEmpty());
    QVERIFY(!deletion->deletionRun());
    const QString reason = refused.first().first().toString();
    QVERIFY2(reason.contains(QStringLiteral("nothing was deleted")) && reason.contains(pool.id), qPrintable(reason));
    QCOMPARE(deletion->poolsNotStopped().size(), 1);
    // Sent once, never re-sent; no deletion was asked for.
    QCOMPARE(m_simulator->requestCount("PUT", QStringLiteral("desktop-pools/")), 1);
    QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 0);
    QCOMPARE(auditEvents(), (QStringList{QStringLiteral("intent"), QStringLiteral("failed")}));
}

void TestDeletionAfterAutoscaleOff::withoutPoolsDeletesAtOnce()
{
    const QList<Desktop> desktops = listAllDesktops(m_client.get(), kWaitMs);
    QVERIFY(!desktops.isEmpty());
    auto deletion = makeDeletion({desktops.first().id}, {});
    QVERIFY(!deletion->autoscaleRun());
    QVERIFY(deletion->plannedAutoscaleRequests().isEmpty());
    QSignalSpy ready(deletion.get(), &DeletionAfterAutoscaleOff::deletionReady);
    deletion->start();
    QCOMPARE(ready.size(), 1); // at once: nothing to wait for
    QSignalSpy finished(deletion->deletionRun(), &DeletionRun::finished);
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(m_simulator->requestCount("PUT", QStringLiteral("desktop-pools")), 0);
}

void TestDeletionAfterAutoscaleOff::cancelBeforeTheDeletionDeletesNothing()
{
    Desktop desktop;
    DesktopPool pool;
    QVERIFY(desktopOfScalingPool(&desktop, &pool));
    auto deletion = makeDeletion({desktop.id}, {pool});
    const QList<PlannedRequest> planned = deletion->plannedAutoscaleRequests();
    QCOMPARE(planned.size(), 1);
    QCOMPARE(planned.first().path, QStringLiteral("desktop-pools/") + pool.id);
    QSignalSpy ready(deletion.get(), &DeletionAfterAutoscaleOff::deletionReady);
    QSignalSpy refused(deletion.get(), &DeletionAfterAutoscaleOff::notDeleted);
    deletion->start();
    deletion->cancel();
    QVERIFY(refused.size() == 1 || refused.wait(kWaitMs));
    QVERIFY(ready.isEmpty());
    QCOMPARE(m_simulator->requestCount("PUT", QStringLiteral("desktop-pools/")), 0);
    QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 0);
    // Nothing was announced; the pool the run did not send is said not sent.
    QCOMPARE(auditEvents(), QStringList{QStringLiteral("not_sent")});
}

QTEST_GUILESS_MAIN(TestDeletionAfterAutoscaleOff)
#include "tst_deletionafterautoscaleoff.moc"
