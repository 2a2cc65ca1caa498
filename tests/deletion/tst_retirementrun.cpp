// A retirement and a restore of desktops, step by step through the recorded change run: against the
// in-process simulator (the state the desktops end in, only the tool's tags touched, nothing sent
// after an unknown outcome) and against a scripted server for faults the simulator cannot produce
// (one desktop refused by a power action, a request refused in the second batch).
#include "api/apiclient.h"
#include "decommission/retirementrun.h"
#include "decommission/retirementstate.h"
#include "deletion/auditlog.h"
#include "deletion/deletionstore.h"
#include "fakeclient.h"
#include "fakenetworkaccessmanager.h"
#include "retirementtesttags.h"
#include "simulatortestsupport.h"
#include "workspacesimulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
const QString kAccessKey = QStringLiteral("RETIRERUNAK0001");
const QString kSecretKey = QStringLiteral("retire-run-secret");
constexpr int kWaitMs = 20000;
const QDateTime kNow(QDate(2026, 12, 7), QTime(10, 0), QTimeZone::utc());

const Desktop* findDesktop(const QList<Desktop>& desktops, const QString& id)
{
    for (const Desktop& desktop : desktops) {
        if (desktop.id == id)
            return &desktop;
    }
    return nullptr;
}

// Desktops the scripted server knows only by id: desk-0, desk-1, … named pc-0, pc-1, …
QList<Desktop> numberedDesktops(int count)
{
    QList<Desktop> desktops;
    for (int i = 0; i < count; ++i) {
        Desktop desktop;
        desktop.id = QStringLiteral("desk-%1").arg(i);
        desktop.computerName = QStringLiteral("pc-%1").arg(i);
        desktops.append(desktop);
    }
    return desktops;
}
} // namespace

class TestRetirementRun : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void retireEndsInMaintenanceTaggedAndStopped();
    void restoreReversesIt();
    void batchesOfAtMost100InTheSettledOrder();
    void unknownOutcomeSendsNothingMore();
    void powerRefusalLeavesThatDesktopHalfWay();
    void refusedRequestStopsTheRunAndNamesEveryDesktop();
    void restoreRemovesTheValuesEachDesktopCarries();
    void cancelBeforeStartSendsNothing();
    void desktopRefusedByTheStartKeepsItsTags();
    void cancelBetweenStepsSendsNothingMore();
    void deadlineOnTheWireIsUnknownAndEndsTheRun();
    void badGraceOrMessageSendsNothing();

private:
    void startSimulator(int desktops);
    void startFake(FakeNetworkAccessManager::RequestHandler handler);
    std::unique_ptr<RetirementRun> makeRun(
        RetirementRun::Mode mode, const QList<Desktop>& desktops);
    bool runToEnd(RetirementRun& run);
    // Desktops that can be retired: running, not being deleted, room for two tags.
    QList<Desktop> retirable(int count);
    // The steps' records, without the run's own start and end lines.
    QList<QJsonObject> auditEntries() const
    {
        QList<QJsonObject> steps;
        for (const QJsonObject& entry : AuditLog::readEntries(m_store->audit().filePath())) {
            if (!entry.value("event"_L1).toString().startsWith("retirement_"_L1))
                steps.append(entry);
        }
        return steps;
    }
    // Every intent has exactly one outcome with its run and chunk; returns the intents' kinds.
    QStringList checkedIntentKinds();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<FakeNetworkAccessManager> m_fake;
    std::unique_ptr<WorkspaceSimulator> m_simulator;
    std::unique_ptr<ApiClient> m_client;
    DeletionStorePtr m_store;
};

void TestRetirementRun::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_shared<DeletionStore>(m_dir->path());
}

void TestRetirementRun::cleanup()
{
    m_client.reset();
    m_simulator.reset();
    m_network.reset();
    m_fake.reset();
    m_store.reset();
    m_dir.reset();
}

void TestRetirementRun::startSimulator(int desktops)
{
    m_simulator = std::make_unique<WorkspaceSimulator>(
        simulatorConfig(kAccessKey, kSecretKey, desktops, 60000));
    QVERIFY(m_simulator->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    ClientConfig config = clientConfigFor(*m_simulator);
    config.retry.maxAttempts = 1;
    m_client = clientFor(*m_simulator, m_network.get(), config);
}

void TestRetirementRun::startFake(FakeNetworkAccessManager::RequestHandler handler)
{
    m_fake = std::make_unique<FakeNetworkAccessManager>(std::move(handler));
    ClientConfig config;
    config.endpoint = QUrl(QStringLiteral("https://workspace.test.example"));
    config.projectId = QStringLiteral("project-1");
    config.retry.maxAttempts = 1;
    m_client = clientFor(m_fake.get(), config, Credentials { kAccessKey, kSecretKey, {} });
}

std::unique_ptr<RetirementRun> TestRetirementRun::makeRun(
    RetirementRun::Mode mode, const QList<Desktop>& desktops)
{
    QList<RetirementTarget> targets;
    for (const Desktop& desktop : desktops)
        targets.append({ desktop.id, desktop.computerName, desktop.tags });
    DeletionContext context;
    context.profileName = QStringLiteral("test");
    context.projectId = m_client->config().projectId;
    auto run = std::make_unique<RetirementRun>(m_client.get(), m_store, context, mode, targets);
    run->setClock([] { return kNow; });
    return run;
}

bool TestRetirementRun::runToEnd(RetirementRun& run)
{
    QSignalSpy finished(&run, &RetirementRun::finished);
    run.start();
    if (finished.isEmpty() && !finished.wait(kWaitMs))
        return false;
    QCoreApplication::processEvents(); // nothing more may come
    return finished.size() == 1 && run.isFinished();
}

QList<Desktop> TestRetirementRun::retirable(int count)
{
    QList<Desktop> chosen;
    for (const Desktop& desktop : listAllDesktops(m_client.get(), kWaitMs)) {
        if (chosen.size() < count && desktop.status == QLatin1String("ACTIVE")
            && !desktop.isBeingDeleted() && desktop.tags.size() <= 18
            && !Retirement::stateOf(desktop.tags).isRetiring())
            chosen.append(desktop);
    }
    return chosen;
}

QStringList TestRetirementRun::checkedIntentKinds()
{
    const QList<QJsonObject> entries = auditEntries();
    QStringList kinds;
    QHash<QString, int> outcomes; // run_id/chunk → outcomes seen
    for (const QJsonObject& entry : entries) {
        const QString event = entry.value("event"_L1).toString();
        const QString key = entry.value("run_id"_L1).toString() + u'/'
            + QString::number(entry.value("chunk"_L1).toInt(-1));
        if (event == "intent"_L1) {
            kinds.append(entry.value("kind"_L1).toString());
            outcomes.insert(key, 0);
        } else if (entry.contains("chunk"_L1)) {
            if (!outcomes.contains(key))
                qWarning("an outcome without an intent: %s", qPrintable(key));
            outcomes[key] += 1;
        }
        if (entry.value("kind"_L1).toString().isEmpty())
            qWarning("a line without a kind");
    }
    for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it) {
        if (it.value() != 1) {
            qWarning("intent %s has %d outcomes", qPrintable(it.key()), it.value());
            return {};
        }
    }
    return kinds;
}

void TestRetirementRun::retireEndsInMaintenanceTaggedAndStopped()
{
    startSimulator(40);
    const QList<Desktop> chosen = retirable(3);
    QCOMPARE(chosen.size(), 3);
    auto run = makeRun(RetirementRun::Mode::Retire, chosen);
    run->setGraceDays(30);
    run->setMessage(QStringLiteral("This desktop is being retired."));
    QVERIFY(runToEnd(*run));
    QVERIFY2(run->unfinishedLines().isEmpty(), qPrintable(run->unfinishedLines().join(u'\n')));
    QCOMPARE(run->completedIds().size(), 3);

    const QList<Desktop> after = listAllDesktops(m_client.get(), kWaitMs);
    for (const Desktop& before : chosen) {
        const Desktop* desktop = findDesktop(after, before.id);
        QVERIFY(desktop);
        QVERIFY(desktop->inMaintenanceMode);
        QCOMPARE(desktop->status, QStringLiteral("SHUTOFF"));
        QCOMPARE(tagValue(*desktop, Retirement::retiredOnKey()), QStringLiteral("2026-12-07"));
        QCOMPARE(tagValue(*desktop, Retirement::retireAfterKey()), QStringLiteral("2027-01-06"));
        // Only the tool's two keys were added; every other tag is as it was.
        QCOMPARE(desktop->tags.size(), before.tags.size() + 2);
        QCOMPARE(othersOf(desktop->tags), before.tags);
    }
    QCOMPARE(checkedIntentKinds(),
        (QStringList { u"maintenance_on"_s, u"logoff"_s, u"tags_add"_s, u"power_stop"_s }));
    QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("desktops/action")), 1);
}

void TestRetirementRun::restoreReversesIt()
{
    startSimulator(40);
    const QList<Desktop> chosen = retirable(3);
    QCOMPARE(chosen.size(), 3);
    auto retire = makeRun(RetirementRun::Mode::Retire, chosen);
    QVERIFY(runToEnd(*retire));
    QCOMPARE(retire->completedIds().size(), 3);

    QList<Desktop> retired;
    for (const Desktop& desktop : listAllDesktops(m_client.get(), kWaitMs)) {
        if (findDesktop(chosen, desktop.id))
            retired.append(desktop);
    }
    QCOMPARE(retired.size(), 3);
    auto restore = makeRun(RetirementRun::Mode::Restore, retired);
    QVERIFY(runToEnd(*restore));
    QVERIFY2(
        restore->unfinishedLines().isEmpty(), qPrintable(restore->unfinishedLines().join(u'\n')));
    QCOMPARE(restore->completedIds().size(), 3);

    const QList<Desktop> after = listAllDesktops(m_client.get(), kWaitMs);
    for (const Desktop& before : chosen) {
        const Desktop* desktop = findDesktop(after, before.id);
        QVERIFY(desktop);
        QVERIFY(!desktop->inMaintenanceMode);
        QCOMPARE(desktop->status, QStringLiteral("ACTIVE"));
        QCOMPARE(desktop->tags, before.tags);
    }
    QCOMPARE(checkedIntentKinds(),
        (QStringList { u"maintenance_on"_s, u"tags_add"_s, u"power_stop"_s, u"maintenance_off"_s,
            u"power_start"_s, u"tags_remove"_s }));
}

void TestRetirementRun::batchesOfAtMost100InTheSettledOrder()
{
    startSimulator(220);
    const QList<Desktop> chosen = retirable(130);
    QCOMPARE(chosen.size(), 130);
    auto run = makeRun(RetirementRun::Mode::Retire, chosen);
    QVERIFY(runToEnd(*run));
    QCOMPARE(run->completedIds().size(), 130);
    QCOMPARE(run->sentKinds(),
        (QStringList { u"maintenance_on"_s, u"tags_add"_s, u"power_stop"_s, u"maintenance_on"_s,
            u"tags_add"_s, u"power_stop"_s }));
    QCOMPARE(m_simulator->requestCount("PUT", QStringLiteral("maintenance-mode")), 2);
    QCOMPARE(checkedIntentKinds().size(), 6);
}

void TestRetirementRun::unknownOutcomeSendsNothingMore()
{
    startSimulator(40);
    const QList<Desktop> chosen = retirable(3);
    QCOMPARE(chosen.size(), 3);
    SimulatorFaults faults;
    faults.dropConnectionsAfterExecuting = 1;
    faults.pathFilter = QStringLiteral("batch-tags");
    m_simulator->setFaults(faults);
    auto run = makeRun(RetirementRun::Mode::Retire, chosen);
    QVERIFY(runToEnd(*run));
    // The tags were carried out, the answer lost: nothing more is sent, not even the os-stop.
    QCOMPARE(run->sentKinds(), (QStringList { u"maintenance_on"_s, u"tags_add"_s }));
    QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("desktops/action")), 0);
    QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-tags")), 1);
    QVERIFY(run->completedIds().isEmpty());
    const QStringList lines = run->unfinishedLines();
    QCOMPARE(lines.size(), 3);
    for (const RetirementRun::DesktopOutcome& outcome : run->outcomes()) {
        QVERIFY(outcome.stopped);
        QCOMPARE(outcome.stoppedAt, RetirementRun::Step::Tag);
        QCOMPARE(outcome.outcome, ChangeRun::Outcome::Unknown);
        QCOMPARE(
            run->stateText(outcome), QStringLiteral("in maintenance, maybe tagged, not stopped"));
    }
    QVERIFY(lines.first().contains("outcome unknown"_L1));
    const QList<Desktop> after = listAllDesktops(m_client.get(), kWaitMs);
    for (const Desktop& before : chosen)
        QCOMPARE(findDesktop(after, before.id)->status, QStringLiteral("ACTIVE"));
    const QList<QJsonObject> entries = auditEntries();
    QCOMPARE(entries.last().value("event"_L1).toString(), QStringLiteral("outcome_unknown"));
    QCOMPARE(checkedIntentKinds(), (QStringList { u"maintenance_on"_s, u"tags_add"_s }));
}

void TestRetirementRun::powerRefusalLeavesThatDesktopHalfWay()
{
    startFake([](const RecordedRequest& request) {
        if (request.url.path().endsWith("desktops/action"_L1))
            return FakeResponse::json(200, R"({"job_id":"job-9","failed_operation_list":[
                {"desktop_id":"desk-1","desktop_name":"pc-1","error_code":"WKS.00010032","error_msg":"The desktop is being deleted."},
                {"desktop_id":"not-asked","desktop_name":"x","error_code":"E","error_msg":"m"}]})",
                "req-power");
        if (request.url.path().endsWith("batch-tags"_L1))
            return FakeResponse::json(204, "");
        return FakeResponse::json(200, "{}");
    });
    auto run = makeRun(RetirementRun::Mode::Retire, numberedDesktops(3));
    QVERIFY(runToEnd(*run));
    QCOMPARE(run->completedIds(), (QStringList { u"desk-0"_s, u"desk-2"_s }));
    QCOMPARE(run->halfWayIds(), QStringList { u"desk-1"_s });
    const RetirementRun::DesktopOutcome refused = run->outcomes().at(1);
    QCOMPARE(refused.stoppedAt, RetirementRun::Step::Stop);
    QCOMPARE(refused.outcome, ChangeRun::Outcome::Failed);
    QCOMPARE(run->stateText(refused), QStringLiteral("in maintenance and tagged, not stopped"));
    const QStringList lines = run->unfinishedLines();
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().startsWith("pc-1: in maintenance and tagged, not stopped."_L1),
        qPrintable(lines.first()));
    QVERIFY(lines.first().contains("WKS.00010032"_L1));

    // The done line names the refused desktop, and only desktops the request named.
    const QList<QJsonObject> entries = auditEntries();
    const QJsonObject done = entries.last();
    QCOMPARE(done.value("event"_L1).toString(), QStringLiteral("done"));
    QCOMPARE(done.value("kind"_L1).toString(), QStringLiteral("power_stop"));
    QCOMPARE(done.value("job_id"_L1).toString(), QStringLiteral("job-9"));
    const QJsonArray failed = done.value("failed_targets"_L1).toArray();
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().toObject().value("id"_L1).toString(), QStringLiteral("desk-1"));
    QCOMPARE(checkedIntentKinds(),
        (QStringList { u"maintenance_on"_s, u"tags_add"_s, u"power_stop"_s }));
}

void TestRetirementRun::refusedRequestStopsTheRunAndNamesEveryDesktop()
{
    auto tagRequests = std::make_shared<int>(0);
    startFake([tagRequests](const RecordedRequest& request) {
        if (request.url.path().endsWith("batch-tags"_L1)) {
            if (++*tagRequests == 2)
                return FakeResponse::json(
                    400, R"({"error_code":"WKS.0001","error_msg":"invalid tags"})", "req-bad");
            return FakeResponse::json(204, "");
        }
        return FakeResponse::json(200, "{}");
    });
    auto run = makeRun(RetirementRun::Mode::Retire, numberedDesktops(102));
    QVERIFY(runToEnd(*run));
    QCOMPARE(run->completedIds().size(), 100);
    QCOMPARE(run->halfWayIds(), (QStringList { u"desk-100"_s, u"desk-101"_s }));
    QCOMPARE(run->sentKinds(),
        (QStringList { u"maintenance_on"_s, u"tags_add"_s, u"power_stop"_s, u"maintenance_on"_s,
            u"tags_add"_s }));
    const QStringList lines = run->unfinishedLines();
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.first().startsWith(
                 "pc-100: in maintenance, not tagged, not stopped. Tagging failed"_L1),
        qPrintable(lines.first()));
    QVERIFY(lines.first().contains("WKS.0001"_L1));
    QCOMPARE(m_fake->countRequests("POST", QStringLiteral("desktops/action")), 1);
    QCOMPARE(checkedIntentKinds().size(), 5);
    QCOMPARE(auditEntries().last().value("event"_L1).toString(), QStringLiteral("failed"));
}

void TestRetirementRun::restoreRemovesTheValuesEachDesktopCarries()
{
    startFake([](const RecordedRequest& request) {
        if (request.url.path().endsWith("batch-tags"_L1))
            return FakeResponse::json(204, "");
        return FakeResponse::json(200, "{}");
    });
    const auto tagsOf = [](const char* retiredOn, const char* after) {
        return QList<QPair<QString, QString>> { { u"department"_s, u"finance"_s },
            { Retirement::retiredOnKey(), QString::fromLatin1(retiredOn) },
            { Retirement::retireAfterKey(), QString::fromLatin1(after) } };
    };
    QList<Desktop> desktops(4);
    desktops[0].id = u"a"_s;
    desktops[0].tags = tagsOf("2026-11-01", "2026-12-01");
    desktops[1].id = u"b"_s;
    desktops[1].tags = tagsOf("2026-11-20", "2026-12-20");
    desktops[2].id = u"c"_s;
    desktops[2].tags = tagsOf("2026-11-01", "2026-12-01");
    desktops[3].id = u"d"_s; // carries none of the tool's tags: nothing to remove
    desktops[3].tags = { { u"department"_s, u"finance"_s } };
    auto run = makeRun(RetirementRun::Mode::Restore, desktops);
    QVERIFY(runToEnd(*run));
    QCOMPARE(run->completedIds(), (QStringList { u"a"_s, u"b"_s, u"c"_s, u"d"_s }));
    QList<QByteArray> removals;
    for (const RecordedRequest& request : m_fake->requests()) {
        if (request.method == "DELETE")
            removals.append(request.body);
    }
    QCOMPARE(removals.size(), 2);
    const QJsonArray first
        = QJsonDocument::fromJson(removals.at(0)).object().value("desktops"_L1).toArray();
    QCOMPARE(first.size(), 2);
    QCOMPARE(first.at(0).toObject().value("desktop_id"_L1).toString(), u"a"_s);
    QCOMPARE(first.at(1).toObject().value("desktop_id"_L1).toString(), u"c"_s);
    QVERIFY(removals.at(0).contains("2026-12-01"));
    QVERIFY(!removals.at(0).contains("department"));
    QVERIFY(removals.at(1).contains("2026-12-20"));
    QCOMPARE(checkedIntentKinds(),
        (QStringList {
            u"maintenance_off"_s, u"power_start"_s, u"tags_remove"_s, u"tags_remove"_s }));
}

void TestRetirementRun::cancelBeforeStartSendsNothing()
{
    startFake([](const RecordedRequest&) { return FakeResponse::json(200, "{}"); });
    QList<Desktop> desktops(2);
    desktops[0].id = u"a"_s;
    desktops[1].id = u"b"_s;
    auto run = makeRun(RetirementRun::Mode::Retire, desktops);
    QSignalSpy finished(run.get(), &RetirementRun::finished);
    run->cancel();
    run->start();
    QVERIFY(finished.wait(kWaitMs));
    QCoreApplication::processEvents();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(m_fake->requestCount(), 0);
    QCOMPARE(run->unfinishedLines().size(), 2);
    QVERIFY(run->completedIds().isEmpty());
}

void TestRetirementRun::cancelBetweenStepsSendsNothingMore()
{
    startFake([](const RecordedRequest& request) {
        if (request.url.path().endsWith("batch-tags"_L1))
            return FakeResponse::json(204, "");
        return FakeResponse::json(200, "{}");
    });
    auto run = makeRun(RetirementRun::Mode::Retire, numberedDesktops(150));
    // Cancelled as the second batch's first step is about to go: that step is not sent.
    connect(run.get(), &RetirementRun::stepStarted, run.get(),
        [&run](int batch, RetirementRun::Step step) {
            if (batch == 1 && step == RetirementRun::Step::MaintenanceOn)
                run->cancel();
        });
    QVERIFY(runToEnd(*run));
    QVERIFY(run->isCancelled());
    QCOMPARE(run->completedIds().size(), 100);
    QCOMPARE(
        run->sentKinds(), (QStringList { u"maintenance_on"_s, u"tags_add"_s, u"power_stop"_s }));
    QCOMPARE(m_fake->requestCount(), 3);
    QCOMPARE(run->unfinishedLines().size(), 50);
    QVERIFY(run->halfWayIds().isEmpty());
    QVERIFY2(run->unfinishedLines().first().startsWith(
                 "pc-100: not changed. Maintenance on not sent"_L1),
        qPrintable(run->unfinishedLines().first()));
    const QJsonObject last = auditEntries().last();
    QCOMPARE(last.value("event"_L1).toString(), QStringLiteral("not_sent"));
    QCOMPARE(last.value("target_ids"_L1).toArray().size(), 50);
}

void TestRetirementRun::deadlineOnTheWireIsUnknownAndEndsTheRun()
{
    // The first request is never answered: whatever the machine's load, the deadline finds it on
    // the wire.
    startFake([](const RecordedRequest&) { return FakeResponse::hanging(); });
    auto run = makeRun(RetirementRun::Mode::Retire, numberedDesktops(120));
    run->setDeadlineMs(1000);
    QVERIFY(runToEnd(*run));
    QVERIFY(run->hasExpired());
    QCOMPARE(run->sentKinds(), QStringList { u"maintenance_on"_s });
    QCOMPARE(m_fake->requestCount(), 1);
    const RetirementRun::DesktopOutcome first = run->outcomes().first();
    QCOMPARE(first.outcome, ChangeRun::Outcome::Unknown);
    QCOMPARE(
        run->stateText(first), QStringLiteral("maybe in maintenance, not tagged, not stopped"));
    const RetirementRun::DesktopOutcome later = run->outcomes().last();
    QCOMPARE(later.outcome, ChangeRun::Outcome::NotSent);
    QCOMPARE(run->stateText(later), QStringLiteral("not changed"));
    QCOMPARE(checkedIntentKinds(), QStringList { u"maintenance_on"_s });
    QCOMPARE(run->halfWayIds().size(), 100); // maybe in maintenance; the other 20 not changed
    QCOMPARE(run->unfinishedLines().size(), 120);
}

void TestRetirementRun::badGraceOrMessageSendsNothing()
{
    startFake([](const RecordedRequest&) { return FakeResponse::json(200, "{}"); });
    auto run = makeRun(RetirementRun::Mode::Retire, numberedDesktops(2));
    run->setGraceDays(-1);
    QVERIFY(runToEnd(*run));
    QCOMPARE(m_fake->requestCount(), 0);
    QCOMPARE(run->unfinishedLines().size(), 2);
    QVERIFY(run->unfinishedLines().first().contains("grace period"_L1));

    // A message the log-off would refuse would leave every desktop in maintenance, untagged and
    // running: it is refused before the first step.
    auto longMessage = makeRun(RetirementRun::Mode::Retire, numberedDesktops(2));
    longMessage->setMessage(QString(300, u'x'));
    QVERIFY(runToEnd(*longMessage));
    QCOMPARE(m_fake->requestCount(), 0);
    QVERIFY(longMessage->completedIds().isEmpty());
    QCOMPARE(longMessage->outcomes().first().stoppedAt, RetirementRun::Step::MaintenanceOn);
}

void TestRetirementRun::desktopRefusedByTheStartKeepsItsTags()
{
    startFake([](const RecordedRequest& request) {
        if (request.url.path().endsWith("desktops/action"_L1))
            return FakeResponse::json(200, R"({"failed_operation_list":[
                {"desktop_id":"desk-1","desktop_name":"pc-1","error_code":"WKS.00010032","error_msg":"The desktop is being deleted."}]})");
        if (request.url.path().endsWith("batch-tags"_L1))
            return FakeResponse::json(204, "");
        return FakeResponse::json(200, "{}");
    });
    QList<Desktop> desktops = numberedDesktops(3);
    for (Desktop& desktop : desktops)
        desktop.tags = { { Retirement::retiredOnKey(), u"2026-11-01"_s },
            { Retirement::retireAfterKey(), u"2026-12-01"_s } };
    auto run = makeRun(RetirementRun::Mode::Restore, desktops);
    QVERIFY(runToEnd(*run));
    QCOMPARE(run->completedIds(), (QStringList { u"desk-0"_s, u"desk-2"_s }));
    QCOMPARE(run->halfWayIds(), QStringList { u"desk-1"_s });
    // The refused desktop goes no further: its tags are not removed.
    const RecordedRequest& removal = m_fake->lastRequest();
    QCOMPARE(removal.method, QByteArray("DELETE"));
    QVERIFY(!removal.body.contains("desk-1"));
    QVERIFY(removal.body.contains("desk-2"));
    const QStringList lines = run->unfinishedLines();
    QCOMPARE(lines.size(), 1);
    QVERIFY2(
        lines.first().startsWith(
            "pc-1: out of maintenance, not started, still tagged as retiring. Start failed"_L1),
        qPrintable(lines.first()));
}

QTEST_GUILESS_MAIN(TestRetirementRun)
#include "tst_retirementrun.moc"
