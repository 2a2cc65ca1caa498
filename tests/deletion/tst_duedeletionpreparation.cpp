// From the project's retiring desktops to the deletion review of the due ones: on fixture bytes
// through the fake network (every verdict, the records' period, incomplete evidence, a desktop
// that changes under the review), and against the simulator's demo examples.
#include "api/apiclient.h"
#include "fakeclient.h"
#include "fakenetworkaccessmanager.h"
#include "review/duedeletionpreparation.h"
#include "simulatortestsupport.h"
#include "workspacesimulator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QDateTime kNow(QDate(2027, 1, 10), QTime(12, 0, 30), QTimeZone::utc());

QByteArray fixture(const char* name)
{
    QFile file(QStringLiteral(WORKSPACE_TEST_DATA_DIR "/") + QLatin1String(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The fixture's desktops; a look-up by id answers with those asked for, through `change`.
FakeResponse desktopsAnswer(
    const RecordedRequest& request, const std::function<void(QJsonObject&)>& change)
{
    const QJsonArray all = QJsonDocument::fromJson(fixture("desktops-retiring.json"))
                               .object()
                               .value(u"desktops"_s)
                               .toArray();
    const QStringList asked = QUrlQuery(request.url).allQueryItemValues(u"desktop_id"_s);
    QJsonArray desktops;
    for (const QJsonValue& value : all) {
        QJsonObject desktop = value.toObject();
        if (asked.isEmpty())
            desktops.append(desktop);
        else if (asked.contains(desktop.value(u"desktop_id"_s).toString())) {
            if (change)
                change(desktop);
            desktops.append(desktop);
        }
    }
    const QJsonObject page { { u"total_count"_s, desktops.size() }, { u"desktops"_s, desktops } };
    return FakeResponse::json(200, QJsonDocument(page).toJson(QJsonDocument::Compact));
}

QStringList idsOf(const QList<DueDeletion::Judgement>& judgements)
{
    QStringList ids;
    for (const DueDeletion::Judgement& judgement : judgements)
        ids.append(judgement.desktopId);
    return ids;
}

DueDeletion::Verdict verdictOf(const DueDeletionPreparation& preparation, const QString& id)
{
    for (const DueDeletion::Judgement& judgement : preparation.judgements()) {
        if (judgement.desktopId == id)
            return judgement.verdict;
    }
    return DueDeletion::Verdict::NotRetiring;
}

} // namespace

class TestDueDeletionPreparation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void everyVerdictAndTheDeletionReview();
    void theRecordsCoverTheEarliestRetirementThatMayGo();
    void incompleteRecordsDeleteNobody_data();
    void incompleteRecordsDeleteNobody();
    void aDesktopChangedUnderTheReviewIsKept();
    void nothingPastItsDateReadsNoRecords();
    void aFailedListingFails();
    void cancelEndsOnce();
    void theDemosUsedDesktopIsKeptAndTheDueOneReviewed();

private:
    void startFake();
    std::unique_ptr<DueDeletionPreparation> preparation(ApiClient* client);
    bool runToEnd(DueDeletionPreparation& preparation);

    std::unique_ptr<FakeNetworkAccessManager> m_network;
    std::unique_ptr<ApiClient> m_client;
    FakeResponse m_recordsAnswer;
    std::function<void(QJsonObject&)> m_lookUpChange;
};

void TestDueDeletionPreparation::init()
{
    m_recordsAnswer = FakeResponse::json(200, fixture("login-records-retiring.json"));
    m_lookUpChange = nullptr;
    startFake();
}

void TestDueDeletionPreparation::startFake()
{
    m_network = std::make_unique<FakeNetworkAccessManager>([this](const RecordedRequest& request) {
        const QString path = request.url.path();
        if (path.endsWith(QLatin1String("/desktops/detail")))
            return desktopsAnswer(request, m_lookUpChange);
        if (path.endsWith(QLatin1String("/connections/desktops")))
            return m_recordsAnswer;
        return FakeResponse::json(404, "{}");
    });
    ClientConfig config;
    config.endpoint = QUrl(QStringLiteral("https://workspace.example.test"));
    config.projectId = QStringLiteral("project-1");
    config.retry.maxAttempts = 1;
    m_client = clientFor(
        m_network.get(), config, Credentials { QStringLiteral("AK"), QStringLiteral("SK"), {} });
}

std::unique_ptr<DueDeletionPreparation> TestDueDeletionPreparation::preparation(ApiClient* client)
{
    DueDeletionPreparation::Request request;
    request.deletion.projectId = client->config().projectId;
    request.deletion.protectedTags = { QStringLiteral("protected=true") };
    request.deletion.knownPools = QList<DesktopPool> {};
    request.now = kNow;
    return std::make_unique<DueDeletionPreparation>(client, request, nullptr);
}

bool TestDueDeletionPreparation::runToEnd(DueDeletionPreparation& preparation)
{
    QSignalSpy finished(&preparation, &DueDeletionPreparation::finished);
    preparation.start();
    return (finished.count() == 1 || finished.wait(20000)) && finished.count() == 1;
}

void TestDueDeletionPreparation::everyVerdictAndTheDeletionReview()
{
    const auto prepared = preparation(m_client.get());
    QVERIFY(runToEnd(*prepared));
    QVERIFY2(prepared->succeeded(), qPrintable(prepared->error().summary()));

    // The desktop without the tags is no candidate; the others are judged in the order listed.
    QCOMPARE(idsOf(prepared->judgements()),
        QStringList({ u"d-due"_s, u"d-used"_s, u"d-waiting"_s, u"d-awake"_s, u"d-started"_s,
            u"d-protected"_s }));
    QCOMPARE(verdictOf(*prepared, u"d-due"_s),
        DueDeletion::Verdict::Delete); // its record is the retirement day's
    QCOMPARE(verdictOf(*prepared, u"d-used"_s), DueDeletion::Verdict::LoggedInSinceRetirement);
    QCOMPARE(verdictOf(*prepared, u"d-waiting"_s), DueDeletion::Verdict::NotDueYet);
    QCOMPARE(verdictOf(*prepared, u"d-awake"_s), DueDeletion::Verdict::NotInMaintenance);
    QCOMPARE(verdictOf(*prepared, u"d-started"_s), DueDeletion::Verdict::NotStopped);
    QCOMPARE(prepared->dueIds(), QStringList({ u"d-due"_s, u"d-protected"_s }));
    QCOMPARE(idsOf(prepared->keptPastTheirDate()),
        QStringList({ u"d-used"_s, u"d-awake"_s, u"d-started"_s }));
    QCOMPARE(prepared->notDueYetCount(), 1);
    QVERIFY(!prepared->evidenceIncomplete());
    QVERIFY(prepared->listingProblem().isEmpty());
    const QString usedLine = DueDeletion::keptLine(prepared->keptPastTheirDate().constFirst());
    QVERIFY2(usedLine.startsWith(QLatin1String("WKS-USED (d-used): "))
            && usedLine.contains(u"2026-12-05 10:15"_s),
        qPrintable(usedLine));

    // The deletion review's own rules apply to the due ones: the protected one is left out.
    const ChangeReview& review = prepared->review();
    QVERIFY(review.isDeletion());
    QCOMPARE(review.targetIds(), QStringList({ u"d-due"_s }));
    QCOMPARE(review.leftOut().size(), 1);
    QCOMPARE(review.leftOut().constFirst().desktopId, u"d-protected"_s);
    QCOMPARE(review.leftOut().constFirst().reason, LeftOutReason::Protected);
    QVERIFY(prepared->summaryText().startsWith(QLatin1String("6 retiring desktop")));
}

void TestDueDeletionPreparation::theRecordsCoverTheEarliestRetirementThatMayGo()
{
    const auto prepared = preparation(m_client.get());
    QVERIFY(runToEnd(*prepared));
    QCOMPARE(m_network->countRequests("GET", QStringLiteral("connections/desktops")), 1);
    const QUrlQuery query(m_network->requests().at(1).url);
    // d-used was retired first among those that may go (d-waiting retired earlier but is not due;
    // d-awake and d-started go whatever the records say), and the end is the next whole minute.
    QCOMPARE(query.queryItemValue(u"start_time"_s, QUrl::FullyDecoded),
        QStringLiteral("2026-11-25T00:00Z"));
    QCOMPARE(query.queryItemValue(u"end_time"_s, QUrl::FullyDecoded),
        QStringLiteral("2027-01-10T12:01Z"));
}

void TestDueDeletionPreparation::incompleteRecordsDeleteNobody_data()
{
    QTest::addColumn<FakeResponse>("answer");
    QTest::addColumn<QString>("said");
    QTest::newRow("no permission")
        << FakeResponse::json(403, R"({"error_code":"WKS.00000403","error_msg":"not allowed"})")
        << QStringLiteral("403");
    QTest::newRow("fewer than announced")
        << FakeResponse::json(200, R"({u"total_count"_s:5,"records":[]})") << QString();
    QTest::newRow("unreadable") << FakeResponse::json(200, "{\"records\": 7}") << QString();
}

void TestDueDeletionPreparation::incompleteRecordsDeleteNobody()
{
    QFETCH(FakeResponse, answer);
    QFETCH(QString, said);
    m_recordsAnswer = answer;
    const auto prepared = preparation(m_client.get());
    QVERIFY(runToEnd(*prepared));
    QVERIFY(prepared->succeeded());
    QVERIFY(prepared->evidenceIncomplete());
    QVERIFY(prepared->evidenceProblem().contains(said));
    QVERIFY(prepared->dueIds().isEmpty());
    QCOMPARE(prepared->review().targetCount(), 0);
    for (const QString& id : { u"d-due"_s, u"d-used"_s, u"d-protected"_s })
        QCOMPARE(verdictOf(*prepared, id), DueDeletion::Verdict::UseUnknown);
    // Nothing is looked up for a deletion when nothing is due.
    QCOMPARE(m_network->countRequests("GET", QStringLiteral("desktops/detail")), 1);
}

void TestDueDeletionPreparation::aDesktopChangedUnderTheReviewIsKept()
{
    // Between the listing and the review's look-up, someone ends d-due's maintenance.
    m_lookUpChange = [](QJsonObject& desktop) {
        if (desktop.value(u"desktop_id"_s).toString() == u"d-due"_s)
            desktop.insert(u"in_maintenance_mode"_s, false);
    };
    const auto prepared = preparation(m_client.get());
    QVERIFY(runToEnd(*prepared));
    QVERIFY(prepared->succeeded());
    QCOMPARE(verdictOf(*prepared, u"d-due"_s), DueDeletion::Verdict::NotInMaintenance);
    QCOMPARE(prepared->dueIds(), QStringList({ u"d-protected"_s }));
    QCOMPARE(prepared->review().targetCount(), 0);
    QVERIFY(idsOf(prepared->keptPastTheirDate()).contains(u"d-due"_s));
    // The listing, then two look-ups: the second without the changed desktop.
    QCOMPARE(m_network->countRequests("GET", QStringLiteral("desktops/detail")), 3);
}

void TestDueDeletionPreparation::nothingPastItsDateReadsNoRecords()
{
    DueDeletionPreparation::Request request;
    request.deletion.projectId = m_client->config().projectId;
    request.deletion.knownPools = QList<DesktopPool> {};
    request.now = QDateTime(QDate(2026, 12, 20), QTime(8, 0), QTimeZone::utc());
    DueDeletionPreparation prepared(m_client.get(), request, nullptr);
    QVERIFY(runToEnd(prepared));
    QVERIFY(prepared.succeeded());
    QCOMPARE(m_network->countRequests("GET", QStringLiteral("connections/desktops")), 0);
    QCOMPARE(prepared.notDueYetCount(), 6);
    QVERIFY(prepared.keptPastTheirDate().isEmpty());
    QVERIFY(prepared.review().isDeletion());
    QCOMPARE(prepared.review().targetCount(), 0);
}

void TestDueDeletionPreparation::aFailedListingFails()
{
    m_network->setHandler([](const RecordedRequest&, int) {
        return FakeResponse::json(500, R"({"error_code":"WKS.00000500","error_msg":"down"})");
    });
    const auto prepared = preparation(m_client.get());
    QVERIFY(runToEnd(*prepared));
    QVERIFY(!prepared->succeeded());
    QCOMPARE(prepared->error().httpStatus, 500);
    QVERIFY(prepared->judgements().isEmpty());
}

void TestDueDeletionPreparation::cancelEndsOnce()
{
    m_network->setHandler([](const RecordedRequest&, int) { return FakeResponse::hanging(); });
    const auto prepared = preparation(m_client.get());
    QSignalSpy finished(prepared.get(), &DueDeletionPreparation::finished);
    prepared->start();
    QTRY_COMPARE(m_network->requestCount(), 1);
    prepared->cancel();
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(prepared->wasCancelled());
    prepared->cancel();
    QCOMPARE(finished.count(), 1);
}

void TestDueDeletionPreparation::theDemosUsedDesktopIsKeptAndTheDueOneReviewed()
{
    SimulatorConfig config
        = simulatorConfig(QStringLiteral("SIM-AK"), QStringLiteral("SIM-SK"), 30, 60000);
    config.retiringExamples = true;
    WorkspaceSimulator simulator(config);
    QVERIFY(simulator.listen());
    QNetworkAccessManager network;
    const std::unique_ptr<ApiClient> client = clientFor(simulator, &network);
    DueDeletionPreparation::Request request;
    request.deletion.projectId = client->config().projectId;
    request.deadline = QDeadlineTimer(60000);
    DueDeletionPreparation prepared(client.get(), request, nullptr);
    QVERIFY(runToEnd(prepared));
    QVERIFY2(prepared.succeeded(), qPrintable(prepared.error().summary()));

    // The demo's three: one due and unused, one logged in to during its grace period, one waiting.
    QCOMPARE(prepared.retiringCount(), 3);
    QCOMPARE(prepared.notDueYetCount(), 1);
    const QList<DueDeletion::Judgement> kept = prepared.keptPastTheirDate();
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.constFirst().verdict, DueDeletion::Verdict::LoggedInSinceRetirement);
    QCOMPARE(prepared.dueIds().size(), 1);
    QCOMPARE(prepared.review().targetIds(), prepared.dueIds());
    QVERIFY(!prepared.review().targetIds().contains(kept.constFirst().desktopId));
}

QTEST_GUILESS_MAIN(TestDueDeletionPreparation)
#include "tst_duedeletionpreparation.moc"
