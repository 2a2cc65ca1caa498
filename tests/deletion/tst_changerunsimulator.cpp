// The recorded change run's kinds against the in-process simulator: requests of at most 100
// desktops, an audited intent and outcome for each, nothing sent after a lost answer, cancel between
// requests, and the settlement of an intent whose process died.
#include "api/apiclient.h"
#include "api/decommissioncalls.h"
#include "deletion/auditlog.h"
#include "deletion/changerun.h"
#include "deletion/deletionstore.h"
#include "deletion/jobjournal.h"
#include "deletion/recordsettlement.h"
#include "simulatortestsupport.h"
#include "workspacesimulator.h"

#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
const QString kAccessKey = QStringLiteral("ACTIONRUNSIMAK00001");
const QString kSecretKey = QStringLiteral("action-run-secret/+=");
constexpr int kWaitMs = 30000;

QStringList events(const QList<QJsonObject> &entries)
{
    QStringList names;
    for (const QJsonObject &entry : entries)
        names.append(entry.value(QLatin1String("event")).toString());
    return names;
}
} // namespace

class TestChangeRunSimulator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void maintenanceInRequestsOfAtMost100();
    void logoffCarriesTheMessage();
    void refusalIsAuditedWithItsCodeAndRequestId();
    void lostAnswerIsUnknownAndNotResent();
    void cancelStopsBeforeTheNextRequest();
    void autoscaleOffOnePoolPerRequest();
    void noIntentNoRequest();
    void leftOverIntentIsSettledOnce();

private:
    std::unique_ptr<ChangeRun> makeRun(const ChangeKind &kind, const QStringList &ids);
    QStringList desktopIds(int count);
    bool runToEnd(ChangeRun &run);
    QList<QJsonObject> auditEntries() const { return AuditLog::readEntries(m_audit->filePath()); }

    QTemporaryDir m_dir;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<WorkspaceSimulator> m_simulator;
    std::unique_ptr<ApiClient> m_client;
    DeletionStorePtr m_store;
    AuditLog *m_audit = nullptr;
};

void TestChangeRunSimulator::init()
{
    m_simulator = std::make_unique<WorkspaceSimulator>(simulatorConfig(kAccessKey, kSecretKey, 260, 150));
    QVERIFY(m_simulator->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    ClientConfig config = clientConfigFor(*m_simulator);
    config.transferTimeoutMs = 500;
    config.retry.initialDelayMs = 10;
    m_client = std::make_unique<ApiClient>(m_network.get(), config, Credentials{kAccessKey, kSecretKey, {}});
    QVERIFY(m_dir.isValid());
    QFile::remove(AuditLog::defaultFilePath(m_dir.path()));
    m_store = std::make_shared<DeletionStore>(m_dir.path());
    m_audit = &m_store->audit();
}

void TestChangeRunSimulator::cleanup()
{
    m_client.reset();
    m_simulator.reset();
    m_network.reset();
}

QStringList TestChangeRunSimulator::desktopIds(int count)
{
    QStringList ids;
    for (const Desktop &desktop : listAllDesktops(m_client.get(), kWaitMs)) {
        if (ids.size() < count)
            ids.append(desktop.id);
    }
    return ids;
}

std::unique_ptr<ChangeRun> TestChangeRunSimulator::makeRun(const ChangeKind &kind, const QStringList &ids)
{
    QList<ChangeTarget> targets;
    for (const QString &id : ids)
        targets.append({id, QStringLiteral("name of ") + id});
    DeletionContext context;
    context.profileName = QStringLiteral("test");
    context.projectId = m_client->config().projectId;
    return std::make_unique<ChangeRun>(m_client.get(), m_store, context, kind, targets);
}

bool TestChangeRunSimulator::runToEnd(ChangeRun &run)
{
    QSignalSpy finished(&run, &ChangeRun::finished);
    run.start();
    if (!finished.wait(kWaitMs))
        return false;
    QCoreApplication::processEvents(); // nothing more may come
    return finished.size() == 1;
}

void TestChangeRunSimulator::maintenanceInRequestsOfAtMost100()
{
    const QStringList ids = desktopIds(230);
    QCOMPARE(ids.size(), 230);
    auto run = makeRun(ChangeKinds::maintenance(true), ids);
    QSignalSpy progress(run.get(), &ChangeRun::progress);
    QVERIFY(runToEnd(*run));
    QVERIFY2(run->allDone(), qPrintable(run->summary()));
    QCOMPARE(m_simulator->requestCount("PUT", QStringLiteral("maintenance-mode")), 3);
    QCOMPARE(run->requests().size(), 3);
    QCOMPARE(run->requests().at(0).targets.size(), 100);
    QCOMPARE(run->requests().at(2).targets.size(), 30);
    QCOMPARE(progress.size(), 3);
    QCOMPARE(progress.last().at(0).toInt(), 230);

    const QList<Desktop> listed = listAllDesktops(m_client.get(), kWaitMs);
    for (const Desktop &desktop : listed) {
        if (ids.contains(desktop.id)) {
            QVERIFY(desktop.inMaintenanceMode);
            QVERIFY(!desktop.isConnected());
        }
    }
    const QList<QJsonObject> entries = auditEntries();
    QCOMPARE(events(entries),
             (QStringList{u"intent"_s, u"done"_s, u"intent"_s, u"done"_s, u"intent"_s, u"done"_s}));
    const QJsonObject intent = entries.first();
    QCOMPARE(intent.value(u"kind"_s).toString(), QStringLiteral("maintenance_on"));
    QCOMPARE(intent.value(u"project_id"_s).toString(), m_client->config().projectId);
    QCOMPARE(intent.value(u"targets"_s).toArray().size(), 100);
    QCOMPARE(intent.value(u"targets"_s).toArray().first().toObject().value(u"name"_s).toString(),
             QStringLiteral("name of ") + ids.first());
    QVERIFY(!entries.at(1).value(u"request_id"_s).toString().isEmpty());
    QVERIFY(RecordSettlement::openIntents(entries).isEmpty());
}

void TestChangeRunSimulator::logoffCarriesTheMessage()
{
    const QStringList ids = desktopIds(3);
    auto run = makeRun(ChangeKinds::logoff(QStringLiteral("This desktop is being retired: please save your work.")), ids);
    QVERIFY(runToEnd(*run));
    QVERIFY(run->allDone());
    QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("logoff")), 1);
    const QJsonObject intent = auditEntries().first();
    QCOMPARE(intent.value(u"kind"_s).toString(), QStringLiteral("logoff"));
    QCOMPARE(intent.value(u"parameters"_s).toObject().value(u"message"_s).toString(),
             QStringLiteral("This desktop is being retired: please save your work."));
}

void TestChangeRunSimulator::refusalIsAuditedWithItsCodeAndRequestId()
{
    QStringList ids = desktopIds(2);
    ids.append(QStringLiteral("no-such-desktop")); // the simulator refuses the whole request
    auto run = makeRun(ChangeKinds::maintenance(true), ids);
    QVERIFY(runToEnd(*run));
    QVERIFY(!run->allDone());
    QCOMPARE(run->targetIds(ChangeRun::Outcome::Failed), ids);
    const ChangeRun::Request &outcome = run->requests().first();
    QVERIFY(!outcome.reason.isEmpty());
    const QJsonObject failed = auditEntries().last();
    QCOMPARE(failed.value(u"event"_s).toString(), QStringLiteral("failed"));
    QCOMPARE(failed.value(u"http_status"_s).toInt(), outcome.error.httpStatus);
    QVERIFY(failed.value(u"http_status"_s).toInt() >= 400);
    QVERIFY(!failed.value(u"error_code"_s).toString().isEmpty());
    QVERIFY(!failed.value(u"error_msg"_s).toString().isEmpty());
    QVERIFY(!failed.value(u"request_id"_s).toString().isEmpty());
}

void TestChangeRunSimulator::lostAnswerIsUnknownAndNotResent()
{
    const QStringList ids = desktopIds(150);
    SimulatorFaults faults;
    faults.neverAnswer = true;
    faults.pathFilter = QStringLiteral("maintenance-mode");
    m_simulator->setFaults(faults);
    auto run = makeRun(ChangeKinds::maintenance(true), ids);
    QVERIFY(runToEnd(*run));
    // Sent once; a lost answer is unknown, not failed, and nothing more of the run is sent.
    QCOMPARE(m_simulator->requestCount("PUT", QStringLiteral("maintenance-mode")), 1);
    QCOMPARE(run->targetIds(ChangeRun::Outcome::Unknown).size(), 100);
    QCOMPARE(run->targetIds(ChangeRun::Outcome::NotSent), ids.mid(100));
    QVERIFY(run->targetIds(ChangeRun::Outcome::Failed).isEmpty());
    QCOMPARE(events(auditEntries()), (QStringList{u"intent"_s, u"outcome_unknown"_s, u"not_sent"_s}));
}

void TestChangeRunSimulator::cancelStopsBeforeTheNextRequest()
{
    const QStringList ids = desktopIds(250);
    auto run = makeRun(ChangeKinds::maintenance(false), ids);
    connect(run.get(), &ChangeRun::requestFinished, run.get(), &ChangeRun::cancel);
    QVERIFY(runToEnd(*run));
    QVERIFY(run->isCancelled());
    QCOMPARE(m_simulator->requestCount("PUT", QStringLiteral("maintenance-mode")), 1);
    QCOMPARE(run->targetIds(ChangeRun::Outcome::Done).size(), 100);
    QCOMPARE(run->targetIds(ChangeRun::Outcome::NotSent).size(), 150);
    QCOMPARE(events(auditEntries()), (QStringList{u"intent"_s, u"done"_s, u"not_sent"_s}));
}

void TestChangeRunSimulator::autoscaleOffOnePoolPerRequest()
{
    ListAllPoolsCall pools(m_client.get());
    QSignalSpy listed(&pools, &ListAllPoolsCall::finished);
    pools.start();
    QVERIFY(listed.wait(kWaitMs));
    QStringList scaling;
    for (const DesktopPool &pool : pools.pools()) {
        if (pool.mayCreateDesktops())
            scaling.append(pool.id);
    }
    QVERIFY(!scaling.isEmpty());
    // The first pool cannot be turned off: no other pool is changed, and each is said not sent.
    auto refused = makeRun(ChangeKinds::poolAutoscale(false), QStringList{QStringLiteral("pool-unknown")} + scaling);
    QVERIFY(runToEnd(*refused));
    QCOMPARE(m_simulator->requestCount("PUT", QStringLiteral("desktop-pools/")), 1);
    QCOMPARE(refused->targetIds(ChangeRun::Outcome::Failed), QStringList{QStringLiteral("pool-unknown")});
    QCOMPARE(refused->targetIds(ChangeRun::Outcome::NotSent), scaling);
    QCOMPARE(auditEntries().first().value(u"kind"_s).toString(), QStringLiteral("autoscale_off"));
    QCOMPARE(auditEntries().first().value(u"target_type"_s).toString(), QStringLiteral("pool"));
    QCOMPARE(auditEntries().first().value(u"targets"_s).toArray().size(), 1);

    auto run = makeRun(ChangeKinds::poolAutoscale(false), scaling);
    QVERIFY(runToEnd(*run));
    QVERIFY(run->allDone());
    QCOMPARE(run->requests().size(), scaling.size());

    ListAllPoolsCall again(m_client.get());
    QSignalSpy relisted(&again, &ListAllPoolsCall::finished);
    again.start();
    QVERIFY(relisted.wait(kWaitMs));
    for (const DesktopPool &pool : again.pools())
        QVERIFY2(!pool.mayCreateDesktops(), qPrintable(pool.id));
}

void TestChangeRunSimulator::noIntentNoRequest()
{
    const QStringList ids = desktopIds(2);
    // The audit log's folder cannot be made: a file stands where it should be.
    QFile blocker(m_dir.filePath(QStringLiteral("blocked")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    DeletionContext context;
    ChangeRun run(m_client.get(), std::make_shared<DeletionStore>(m_dir.filePath(QStringLiteral("blocked"))), context,
                  ChangeKinds::maintenance(true), {{ids.at(0), {}}, {ids.at(1), {}}});
    QVERIFY(runToEnd(run));
    QCOMPARE(m_simulator->requestCount("PUT", QStringLiteral("maintenance-mode")), 0);
    QCOMPARE(run.targetIds(ChangeRun::Outcome::NotSent), ids);
}

void TestChangeRunSimulator::leftOverIntentIsSettledOnce()
{
    DeletionContext context;
    context.projectId = QStringLiteral("project-1");
    // An intent of a process that died (another host, so that it cannot be running here).
    QJsonObject intent{{u"event"_s, u"action_intent"_s}, {u"run_id"_s, u"run-1"_s}, {u"chunk"_s, 0},
                       {u"action"_s, u"maintenance_on"_s}, {u"project_id"_s, u"project-1"_s},
                       {u"desktops"_s, QJsonArray{QJsonObject{{u"id"_s, u"d-1"_s}}}}, {u"process_id"_s, 1},
                       {u"host"_s, u"another-host.invalid"_s}};
    QVERIFY(m_audit->append(QStringLiteral("action_intent"), intent));
    JobJournal journal(JobJournal::defaultFilePath(m_dir.path()));
    QVERIFY(journal.load());
    const SettlementReport first = RecordSettlement::settleAtStart(*m_audit, journal);
    QCOMPARE(first.settledIntents, 1);
    QVERIFY(first.unknownIntents.isEmpty()); // not a deletion: nothing to look for
    QVERIFY(!first.messages.isEmpty());
    // An earlier version's intent, settled in today's words.
    QCOMPARE(events(auditEntries()), (QStringList{u"action_intent"_s, u"outcome_unknown"_s}));
    // Not a deletion: the desktop's deletion outcome is not unknown.
    QVERIFY(RecordSettlement::unknownOutcomeDesktopIds(auditEntries(), QStringLiteral("project-1")).isEmpty());
    const SettlementReport second = RecordSettlement::settleAtStart(*m_audit, journal);
    QCOMPARE(second.settledIntents, 0);
    QCOMPARE(auditEntries().size(), 2);
}

QTEST_GUILESS_MAIN(TestChangeRunSimulator)
#include "tst_changerunsimulator.moc"
