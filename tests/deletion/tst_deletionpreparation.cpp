// DeletionPreparation against the in-process simulator: the look-up by id in batches, the
// classification of what it found, exactly one finished().
#include "api/apicalls.h"
#include "api/apiclient.h"
#include "deletion/auditlog.h"
#include "deletion/deletionpreparation.h"
#include "deletion/inflightregistry.h"
#include "deletion/jobjournal.h"
#include "deletion/recordsettlement.h"
#include "misbehavingserver.h"
#include "simulatortestsupport.h"
#include "workspacesimulator.h"

#include <QLocale>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kAccessKey = QStringLiteral("PREPARATIONAK00001");
const QString kSecretKey = QStringLiteral("preparation-secret");
constexpr int kWaitMs = 30000;
} // namespace

class TestDeletionPreparation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void looksUpInBatchesAndClassifies();
    void cancelFinishesOnce();
    void failedLookUpNamesTheError();
    void incompleteLookUpClassifiesNothing();
    void freshLookUpSettlesUnknownOutcomes();

private:
    QList<Desktop> listAll();

    QTemporaryDir m_dir;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<WorkspaceSimulator> m_simulator;
    std::unique_ptr<ApiClient> m_client;
};

void TestDeletionPreparation::init()
{
    m_simulator = std::make_unique<WorkspaceSimulator>(simulatorConfig(kAccessKey, kSecretKey, 260, 150));
    QVERIFY(m_simulator->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    ClientConfig config;
    config.transferTimeoutMs = 5000;
    config.retry.maxAttempts = 1;
    m_client = clientFor(*m_simulator, m_network.get(), config);
    QVERIFY(m_dir.isValid());
}

void TestDeletionPreparation::cleanup()
{
    m_client.reset();
    m_simulator.reset();
}

QList<Desktop> TestDeletionPreparation::listAll()
{
    ListAllDesktopsCall call(m_client.get(), {});
    QList<Desktop> desktops;
    connect(&call, &ListAllDesktopsCall::pageLoaded, this,
            [&desktops](const QList<Desktop> &page) { desktops += page; });
    QSignalSpy finished(&call, &ListAllDesktopsCall::finished);
    call.start();
    if (!finished.wait(kWaitMs) || !call.succeeded())
        return {};
    return desktops;
}

void TestDeletionPreparation::looksUpInBatchesAndClassifies()
{
    const QList<Desktop> all = listAll();
    QCOMPARE(all.size(), 260);
    QStringList plain;
    QString protectedId;
    for (const Desktop &desktop : all) {
        if (desktop.hasTag(QStringLiteral("protected"), QStringLiteral("true")))
            protectedId = protectedId.isEmpty() ? desktop.id : protectedId;
        else if (!desktop.isBeingDeleted())
            plain.append(desktop.id);
    }
    QVERIFY(!protectedId.isEmpty());
    QVERIFY(plain.size() >= 210);

    JobJournal journal(JobJournal::defaultFilePath(m_dir.path()));
    JournalEntry entry;
    entry.jobId = QStringLiteral("job-earlier");
    entry.projectId = m_simulator->config().projectId;
    entry.desktopIds = {plain.at(1)};
    QVERIFY(journal.add(entry));
    const QString runOwner = QStringLiteral("test-owner");
    InFlightRegistry inFlight;
    QCOMPARE(inFlight.claim(entry.projectId, {plain.at(2)}, runOwner, nullptr).size(), 1);

    DeletionPreparation::Request request;
    request.desktopIds = plain.mid(0, 205);
    request.desktopIds << protectedId << QStringLiteral("no-such-desktop") << plain.at(0) << plain.at(3);
    request.projectId = entry.projectId;
    request.protectedTags = {QStringLiteral("protected=true")};
    request.outcomeUnknown = {plain.at(3)};
    request.options.forceDelete = true;
    request.inFlight = &inFlight;

    const int listingsBefore = m_simulator->requestCount("GET", QStringLiteral("desktops/detail"));
    DeletionPreparation preparation(m_client.get(), request, &journal);
    QSignalSpy finished(&preparation, &DeletionPreparation::finished);
    QSignalSpy progress(&preparation, &DeletionPreparation::progress);
    preparation.start();
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY2(preparation.succeeded(), qPrintable(preparation.error().summary()));
    // 207 distinct ids: three look-ups of at most 100.
    QCOMPARE(m_simulator->requestCount("GET", QStringLiteral("desktops/detail")) - listingsBefore, 3);
    QCOMPARE(progress.size(), 3);
    QCOMPARE(progress.constLast().at(0).toInt(), 207);

    const DeletionClassification &result = preparation.classification();
    QCOMPARE(result.count(LeftOutReason::InJournal), 1);
    QCOMPARE(result.count(LeftOutReason::InFlight), 1);
    QCOMPARE(result.count(LeftOutReason::OutcomeUnknown), 1);
    QCOMPARE(result.count(LeftOutReason::Protected), 1);
    QCOMPARE(result.count(LeftOutReason::NotFound), 1);
    QCOMPARE(result.count(LeftOutReason::Duplicate), 2);
    QCOMPARE(result.leftOut.size(), 7);
    QCOMPARE(result.deletable.size(), 202);
    const DeletionPlan plan = preparation.plan();
    QCOMPARE(plan.desktopIds(), result.deletableIds());
    QCOMPARE(plan.chunkCount(), 3);
    QVERIFY(plan.options().forceDelete);
    QVERIFY(!plan.desktopIds().contains(protectedId));
    QVERIFY(!plan.desktopName(plan.desktopIds().first()).isEmpty());
    QCOMPARE(finished.size(), 1);
    QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 0);
}

void TestDeletionPreparation::cancelFinishesOnce()
{
    SimulatorFaults faults;
    faults.latencyMs = 2000;
    m_simulator->setFaults(faults);
    DeletionPreparation::Request request;
    request.desktopIds = {QStringLiteral("a"), QStringLiteral("b")};
    request.projectId = m_simulator->config().projectId;
    DeletionPreparation preparation(m_client.get(), request, nullptr);
    QSignalSpy finished(&preparation, &DeletionPreparation::finished);
    preparation.start();
    QTRY_COMPARE(m_simulator->requestCount("GET", QStringLiteral("desktops/detail")), 1);
    preparation.cancel();
    preparation.cancel();
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY(preparation.wasCancelled());
    QVERIFY(!preparation.succeeded());
    QCOMPARE(finished.size(), 1);
}

void TestDeletionPreparation::failedLookUpNamesTheError()
{
    SimulatorFaults faults;
    faults.serverErrorShare = 1.0;
    faults.serverErrorStatus = 500;
    m_simulator->setFaults(faults);
    DeletionPreparation::Request request;
    request.desktopIds = {QStringLiteral("a")};
    request.projectId = m_simulator->config().projectId;
    DeletionPreparation preparation(m_client.get(), request, nullptr);
    QSignalSpy finished(&preparation, &DeletionPreparation::finished);
    preparation.start();
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY(!preparation.succeeded());
    QCOMPARE(preparation.error().httpStatus, 500);
    QVERIFY(preparation.classification().deletable.isEmpty());
    QCOMPARE(finished.size(), 1);
}

void TestDeletionPreparation::incompleteLookUpClassifiesNothing()
{
    // An answer that announces ten desktops and brings none: they are not "not found", since the
    // service said they exist; without the whole answer nothing may be classified.
    MisbehavingServer server;
    QVERIFY(server.listen());
    server.setDesktopCount(10);
    server.setPaging(MisbehavingServer::Paging::EmptyPage);
    server.setRuleOffset(0);
    ClientConfig config;
    config.endpoint = server.endpoint();
    config.projectId = QStringLiteral("proj");
    config.retry.maxAttempts = 1;
    ApiClient client(m_network.get(), config, Credentials{QStringLiteral("AK"), QStringLiteral("SK"), {}});
    DeletionPreparation::Request request;
    for (int index = 0; index < 10; ++index)
        request.desktopIds.append(QStringLiteral("d-%1").arg(index, 5, 10, QLatin1Char('0')));
    request.projectId = config.projectId;
    DeletionPreparation preparation(&client, request, nullptr);
    QSignalSpy finished(&preparation, &DeletionPreparation::finished);
    preparation.start();
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(finished.size(), 1);
    QVERIFY(!preparation.succeeded());
    QVERIFY2(preparation.error().summary().contains(QLocale().toString(10)), qPrintable(preparation.error().summary()));
    QVERIFY(preparation.classification().deletable.isEmpty());
    QVERIFY(preparation.classification().leftOut.isEmpty());
    QVERIFY(preparation.plan().isEmpty());
}

void TestDeletionPreparation::freshLookUpSettlesUnknownOutcomes()
{
    // An earlier request for two desktops got no usable answer. The look-up shows one of them
    // being deleted (the request did reach the service) and the other untouched: the first stays
    // "outcome unknown", the second is recorded as resolved and may be deleted now.
    const QList<Desktop> all = listAll();
    QStringList plain;
    for (const Desktop &desktop : all) {
        if (!desktop.isBeingDeleted() && !desktop.hasTag(QStringLiteral("protected"), QStringLiteral("true")))
            plain.append(desktop.id);
    }
    QVERIFY(plain.size() >= 2);
    const QString beingDeleted = plain.at(0);
    const QString untouched = plain.at(1);
    SimulatorFaults faults;
    faults.jobsNeverEnd = true; // the desktop stays "deleting"
    m_simulator->setFaults(faults);
    BatchDeleteCall post(m_client.get(), {beingDeleted}, BatchDeleteOptions{});
    QSignalSpy posted(&post, &ApiCall::finished);
    post.start();
    QVERIFY(posted.wait(kWaitMs));
    QVERIFY2(post.succeeded(), qPrintable(post.error().summary()));
    const QString projectId = m_simulator->config().projectId;
    AuditLog audit(AuditLog::defaultFilePath(m_dir.path()));
    DeletionContext context;
    context.projectId = projectId;
    const ChangeKind kind = ChangeKinds::batchDelete({});
    QVERIFY(audit.appendIntent(context, kind, QStringLiteral("run-lost"), 0, {{beingDeleted, {}}, {untouched, {}}}));
    ApiError lost;
    lost.kind = ApiError::Kind::Timeout;
    QVERIFY(audit.appendOutcomeUnknown({kind.name, QStringLiteral("run-lost"), 0, projectId, {beingDeleted, untouched}},
                                       lost.summary(), QStringLiteral("no_usable_answer"), lost));
    QCOMPARE(RecordSettlement::unknownOutcomeDesktopIds(audit.filePath(), projectId),
             (QSet<QString>{beingDeleted, untouched}));

    DeletionPreparation::Request request;
    request.desktopIds = {beingDeleted, untouched};
    request.projectId = projectId;
    request.audit = &audit;
    DeletionPreparation preparation(m_client.get(), request, nullptr);
    QSignalSpy finished(&preparation, &DeletionPreparation::finished);
    preparation.start();
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY2(preparation.succeeded(), qPrintable(preparation.error().summary()));
    const DeletionClassification &result = preparation.classification();
    QCOMPARE(result.deletableIds(), QStringList{untouched});
    QCOMPARE(result.leftOut.size(), 1);
    QCOMPARE(result.leftOut.at(0).desktopId, beingDeleted);
    QCOMPARE(result.leftOut.at(0).reason, LeftOutReason::OutcomeUnknown);
    // Settled in the record, not only in this answer.
    QCOMPARE(RecordSettlement::unknownOutcomeDesktopIds(audit.filePath(), projectId), QSet<QString>{beingDeleted});
}

QTEST_GUILESS_MAIN(TestDeletionPreparation)
#include "tst_deletionpreparation.moc"
