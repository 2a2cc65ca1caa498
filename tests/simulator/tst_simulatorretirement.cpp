// The simulator's retirement calls, driven by the app's own calls: tags added and removed in their
// documented shapes (unknown desktops skipped, other tags untouched, the limits refused), power
// actions, the log-in records, and the demo's retiring examples as the app's due rule reads them.
#include "api/apicalls.h"
#include "api/apiclient.h"
#include "api/retirementcalls.h"
#include "decommission/duedeletion.h"
#include "fakeclient.h"
#include "retirementroutes.h"
#include "simulatortestsupport.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <memory>
#include <optional>

namespace {
const QString kAccessKey = QStringLiteral("RETIREAK");
const QString kSecretKey = QStringLiteral("retire-secret");
constexpr int kDesktops = 40;
constexpr int kWaitMs = 10000;

// A copy: the listing it comes from is a temporary.
std::optional<Desktop> findDesktop(const QList<Desktop> &desktops, const QString &id)
{
    for (const Desktop &desktop : desktops) {
        if (desktop.id == id)
            return desktop;
    }
    return std::nullopt;
}
} // namespace

class TestSimulatorRetirement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void tagsAreAddedAndRemovedLeavingOthers();
    void unknownDesktopsAreSkippedSilently();
    void tooManyTagsOnADesktopAreRefused();
    void powerActionsChangeTheStatus();
    void powerActionsOnUnknownDesktopsAreRefused();
    void logInRecordsCarryTheDesktopsSid();
    void retiringExamplesReadAsDueUsedAndWaiting();

private:
    void startSimulator(bool retiringExamples);
    bool run(ApiCall &call);
    bool run(PagedListingCall &call);

    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<WorkspaceSimulator> m_simulator;
    std::unique_ptr<ApiClient> m_client;
};

void TestSimulatorRetirement::init()
{
    m_network = std::make_unique<QNetworkAccessManager>();
    startSimulator(false);
}

void TestSimulatorRetirement::cleanup()
{
    m_client.reset();
    m_simulator.reset();
    m_network.reset();
}

void TestSimulatorRetirement::startSimulator(bool retiringExamples)
{
    m_client.reset();
    SimulatorConfig config = simulatorConfig(kAccessKey, kSecretKey, kDesktops, 60000);
    config.retiringExamples = retiringExamples;
    m_simulator = std::make_unique<WorkspaceSimulator>(config);
    QVERIFY(m_simulator->listen());
    ClientConfig clientConfig = clientConfigFor(*m_simulator);
    clientConfig.retry.maxAttempts = 1;
    m_client = clientFor(*m_simulator, m_network.get(), clientConfig);
}

bool TestSimulatorRetirement::run(ApiCall &call)
{
    QSignalSpy finished(&call, &ApiCall::finished);
    call.start();
    return (finished.count() > 0 || finished.wait(kWaitMs)) && finished.count() == 1;
}

bool TestSimulatorRetirement::run(PagedListingCall &call)
{
    QSignalSpy finished(&call, &PagedListingCall::finished);
    call.start();
    return (finished.count() > 0 || finished.wait(kWaitMs)) && finished.count() == 1;
}

void TestSimulatorRetirement::tagsAreAddedAndRemovedLeavingOthers()
{
    const QList<Desktop> before = listAllDesktops(m_client.get(), kWaitMs);
    QVERIFY(before.size() >= 2);
    const QString id = before.first().id;
    const auto otherTags = before.first().tags;
    const QList<DesktopTag> retirement{{QStringLiteral("workspace-admin-retired-on"), QStringLiteral("2026-12-07")},
                                       {QStringLiteral("workspace-admin-retire-after"), QStringLiteral("2027-01-06")}};
    BatchDesktopTagsCall add(m_client.get(), BatchDesktopTagsCall::Change::Add, {id}, retirement);
    QVERIFY(run(add));
    QVERIFY2(add.succeeded(), qPrintable(add.error().summary()));

    std::optional<Desktop> tagged = findDesktop(listAllDesktops(m_client.get(), kWaitMs), id);
    QVERIFY(tagged);
    QCOMPARE(tagged->tags.size(), otherTags.size() + 2);
    QVERIFY(tagged->hasTag(QStringLiteral("workspace-admin-retire-after"), QStringLiteral("2027-01-06")));
    for (const auto &tag : otherTags)
        QVERIFY(tagged->tags.contains(tag));

    // Overwriting an existing key keeps one tag of that key.
    BatchDesktopTagsCall again(m_client.get(), BatchDesktopTagsCall::Change::Add, {id},
                               {{QStringLiteral("workspace-admin-retire-after"), QStringLiteral("2027-02-01")}});
    QVERIFY(run(again) && again.succeeded());
    tagged = findDesktop(listAllDesktops(m_client.get(), kWaitMs), id);
    QCOMPARE(tagged->tags.size(), otherTags.size() + 2);

    BatchDesktopTagsCall remove(m_client.get(), BatchDesktopTagsCall::Change::Remove, {id}, retirement);
    QVERIFY(run(remove));
    QVERIFY2(remove.succeeded(), qPrintable(remove.error().summary()));
    const std::optional<Desktop> restored = findDesktop(listAllDesktops(m_client.get(), kWaitMs), id);
    QCOMPARE(restored->tags, otherTags);
}

void TestSimulatorRetirement::unknownDesktopsAreSkippedSilently()
{
    const QString id = listAllDesktops(m_client.get(), kWaitMs).first().id;
    BatchDesktopTagsCall add(m_client.get(), BatchDesktopTagsCall::Change::Add, {id, QStringLiteral("no-such-desktop")},
                             {{QStringLiteral("workspace-admin-retire-after"), QStringLiteral("2027-01-06")}});
    QVERIFY(run(add));
    QVERIFY(add.succeeded()); // a 204 that does not prove every desktop was tagged
    QVERIFY(findDesktop(listAllDesktops(m_client.get(), kWaitMs), id)
                ->hasTag(QStringLiteral("workspace-admin-retire-after"), QStringLiteral("2027-01-06")));
}

void TestSimulatorRetirement::tooManyTagsOnADesktopAreRefused()
{
    const Desktop first = listAllDesktops(m_client.get(), kWaitMs).first();
    QList<DesktopTag> many;
    for (int i = 0; i < 20; ++i)
        many.append({QStringLiteral("k%1").arg(i), QStringLiteral("v")});
    BatchDesktopTagsCall add(m_client.get(), BatchDesktopTagsCall::Change::Add, {first.id}, many);
    QVERIFY(run(add));
    QCOMPARE(add.succeeded(), first.tags.isEmpty());
    if (!first.tags.isEmpty())
        QCOMPARE(add.error().httpStatus, 400);
}

void TestSimulatorRetirement::powerActionsChangeTheStatus()
{
    const QList<Desktop> desktops = listAllDesktops(m_client.get(), kWaitMs);
    QString id;
    for (const Desktop &desktop : desktops) {
        if (desktop.status == QLatin1String("ACTIVE") && !desktop.isBeingDeleted()) {
            id = desktop.id;
            break;
        }
    }
    QVERIFY(!id.isEmpty());
    BatchPowerActionCall stop(m_client.get(), {id}, PowerOperation::Stop);
    QVERIFY(run(stop));
    QVERIFY2(stop.succeeded(), qPrintable(stop.error().summary()));
    QVERIFY(stop.result().failures.isEmpty());
    QCOMPARE(findDesktop(listAllDesktops(m_client.get(), kWaitMs), id)->status, QStringLiteral("SHUTOFF"));

    BatchPowerActionCall start(m_client.get(), {id}, PowerOperation::Start);
    QVERIFY(run(start) && start.succeeded());
    QCOMPARE(findDesktop(listAllDesktops(m_client.get(), kWaitMs), id)->status, QStringLiteral("ACTIVE"));
}

void TestSimulatorRetirement::powerActionsOnUnknownDesktopsAreRefused()
{
    BatchPowerActionCall stop(m_client.get(), {QStringLiteral("no-such-desktop")}, PowerOperation::Stop);
    QVERIFY(run(stop));
    QVERIFY(!stop.succeeded());
    QCOMPARE(stop.error().httpStatus, 404);
}

void TestSimulatorRetirement::logInRecordsCarryTheDesktopsSid()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ListAllLoginRecordsCall records(m_client.get(), LoginRecordQuery{now.addDays(-180), now, {}, {}});
    QVERIFY(run(records));
    QVERIFY2(records.isComplete(), qPrintable(records.error().summary()));
    QVERIFY(!records.records().isEmpty());
    const QList<Desktop> desktops = listAllDesktops(m_client.get(), kWaitMs);
    for (const LoginRecord &record : records.records()) {
        bool matched = false;
        for (const Desktop &desktop : desktops)
            matched = matched || desktop.sid == record.sid;
        QVERIFY2(matched, qPrintable(record.sid));
        QVERIFY(record.connectionStart.isValid());
    }
}

void TestSimulatorRetirement::retiringExamplesReadAsDueUsedAndWaiting()
{
    startSimulator(true);
    const QList<Desktop> desktops = listAllDesktops(m_client.get(), kWaitMs);
    QList<DueDeletion::Candidate> candidates;
    for (const Desktop &desktop : desktops) {
        const Retirement::State state = Retirement::stateOf(desktop.tags);
        if (!state.isRetiring())
            continue;
        candidates.append({desktop.id, desktop.computerName, desktop.sid, state, desktop.inMaintenanceMode,
                           desktop.status, desktop.isConnected()});
    }
    QCOMPARE(candidates.size(), 3);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ListAllLoginRecordsCall records(m_client.get(),
                                    LoginRecordQuery{DueDeletion::evidenceStart(candidates), now, {}, {}});
    QVERIFY(run(records));
    const QList<DueDeletion::Judgement> judgements =
        DueDeletion::judge(candidates, DueDeletion::evidenceFrom(records), now.date());
    // In the listing's order, which is not the examples' own: one of each.
    QList<DueDeletion::Verdict> verdicts;
    for (const DueDeletion::Judgement &judgement : judgements)
        verdicts.append(judgement.verdict);
    std::sort(verdicts.begin(), verdicts.end());
    QCOMPARE(verdicts, (QList<DueDeletion::Verdict>{DueDeletion::Verdict::Delete,
                                                     DueDeletion::Verdict::NotDueYet,
                                                     DueDeletion::Verdict::LoggedInSinceRetirement}));
}

QTEST_GUILESS_MAIN(TestSimulatorRetirement)
#include "tst_simulatorretirement.moc"
