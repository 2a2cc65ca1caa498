// The fault matrix of docs/RELIABILITY.md: listing, deleting and job polling against the
// in-process simulator, each under every injected fault. In every case the event loop keeps
// turning, the error says what happened, the audit log and the journal keep what they must, and
// the batch-delete POST is sent exactly once.
#include "freshrecord.h"
#include "api/apicalls.h"
#include "api/apiclient.h"
#include "deletion/auditlog.h"
#include "deletion/deletionrun.h"
#include "deletion/recordsettlement.h"
#include "deletion/jobjournal.h"
#include "eventloopwatch.h"
#include "simulatortestsupport.h"
#include "workspacesimulator.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(SimulatorFaults)

namespace {
const QString kAccessKey = QStringLiteral("FAULTMATRIXAK0000001");
const QString kSecretKey = QStringLiteral("fault-matrix-secret/+=");
constexpr int kWaitMs = 30000;
// Longest pause of the event loop we accept; generous for sanitizer builds on a busy machine,
// still far below anything that would be a frozen window.
constexpr qint64 kMaxStallMs = 1500;
constexpr int kTransferTimeoutMs = 250;
constexpr qint64 kGiveUpAfterMs = 700;
constexpr qint64 kFiftyMegabytes = 50LL * 1024 * 1024;

QStringList auditEvents(const QString &path)
{
    QStringList events;
    const QList<QJsonObject> entries = AuditLog::readEntries(path);
    for (const QJsonObject &entry : entries)
        events.append(entry.value(QLatin1String("event")).toString());
    return events;
}
} // namespace

class TestFaultMatrix : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void listing_data();
    void listing();
    void deleting_data();
    void deleting();
    void polling_data();
    void polling();
    void droppedConnectionAfterTheServerRanThePost();

private:
    static void addFaultRows(const QString &pathFilter, bool forPolling);
    QList<Desktop> listAll();
    QStringList deletableDesktopIds(int count);
    std::unique_ptr<DeletionRun> makeRun(const QStringList &ids);

    QTemporaryDir m_dir;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<WorkspaceSimulator> m_simulator;
    std::unique_ptr<ApiClient> m_client;
    DeletionStorePtr m_store;
    AuditLog *m_audit = nullptr;
    JobJournal *m_journal = nullptr;
};

void TestFaultMatrix::initTestCase()
{
    qRegisterMetaType<SimulatorFaults>();
    QVERIFY(m_dir.isValid());
}

void TestFaultMatrix::init()
{
    m_simulator = std::make_unique<WorkspaceSimulator>(simulatorConfig(kAccessKey, kSecretKey, 120, 150));
    QVERIFY(m_simulator->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    ClientConfig clientConfig = clientConfigFor(*m_simulator);
    // The simulator shares this thread: building and sending 50 MB can keep the client's progress
    // timer from seeing data for longer than the short timeout (slow under sanitizers), and that
    // row is about the size limit, not about timeouts.
    const bool hugeBody = qstrcmp(QTest::currentDataTag(), "50 MB body") == 0;
    clientConfig.transferTimeoutMs = hugeBody ? 10000 : kTransferTimeoutMs;
    clientConfig.retry.maxAttempts = 2;
    clientConfig.retry.initialDelayMs = 10;
    clientConfig.retry.maxDelayMs = 20; // also caps Retry-After: 1 s from the server
    clientConfig.retry.throttleDelayMs = 10;
    m_client = std::make_unique<ApiClient>(m_network.get(), clientConfig,
                                           Credentials{kAccessKey, kSecretKey, {}});
    openFreshRecord(m_dir.path(), &m_store, &m_audit, &m_journal);
    QVERIFY(m_journal->load());
}

void TestFaultMatrix::cleanup()
{
    m_client.reset();
    m_simulator.reset();
    m_network.reset();
}

// Columns: the faults, the error kind expected (None: the answer is still understood), the HTTP
// status expected for HTTP errors, and a piece of the message the administrator reads.
void TestFaultMatrix::addFaultRows(const QString &pathFilter, bool forPolling)
{
    QTest::addColumn<SimulatorFaults>("faults");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("fragment");

    const auto add = [&pathFilter](const char *name, SimulatorFaults faults, ApiError::Kind kind,
                                   int status, const QString &fragment) {
        faults.pathFilter = pathFilter;
        QTest::newRow(name) << faults << int(kind) << status << fragment;
    };
    SimulatorFaults faults;
    faults.throttleShare = 1.0;
    faults.retryAfterSeconds = 1;
    faults.withoutRetryAfterShare = 0;
    add("429 with Retry-After", faults, ApiError::Kind::Http, 429, QStringLiteral("HTTP 429 with APIGW.0308"));
    faults.retryAfterSeconds = -1;
    add("429 without Retry-After", faults, ApiError::Kind::Http, 429, QStringLiteral("HTTP 429 with APIGW.0308"));
    for (int status : {500, 502, 503, 504}) {
        faults = {};
        faults.serverErrorShare = 1.0;
        faults.serverErrorStatus = status;
        add(QByteArray("HTTP " + QByteArray::number(status)).constData(), faults, ApiError::Kind::Http,
            status, QStringLiteral("HTTP %1 with WKS.0500").arg(status));
    }
    faults = {};
    faults.neverAnswer = true;
    add("never answers", faults, ApiError::Kind::Timeout, 0, QStringLiteral("did not answer in time"));
    faults = {};
    faults.closeMidBody = true;
    add("reset mid-body", faults, ApiError::Kind::Network, 0, QStringLiteral("Network error"));
    faults = {};
    faults.malformedJson = true;
    add("malformed JSON", faults, ApiError::Kind::InvalidResponse, 0, QStringLiteral("could not be understood"));
    faults = {};
    faults.truncatedJson = true;
    add("truncated JSON", faults, ApiError::Kind::InvalidResponse, 0, QStringLiteral("could not be understood"));
    faults = {};
    faults.paddedBodyBytes = kFiftyMegabytes;
    add("50 MB body", faults, ApiError::Kind::InvalidResponse, 0, QStringLiteral("larger than"));
    faults = {};
    faults.arrayForObject = true;
    add("array for object", faults, ApiError::Kind::InvalidResponse, 0, QStringLiteral("could not be understood"));
    faults = {};
    faults.stringsForNumbers = true;
    // Numbers sent as text mean the same numbers: the parsers read them, nothing is lost.
    add("strings for numbers", faults, ApiError::Kind::None, 0, QString());
    faults = {};
    faults.htmlErrorPage = true;
    add("HTML error page", faults, ApiError::Kind::Http, 502, QStringLiteral("Bad Gateway"));
    if (forPolling) {
        faults = {};
        faults.jobsNeverEnd = true;
        add("job stays RUNNING", faults, ApiError::Kind::None, 0, QStringLiteral("did not end within"));
    }
}

QList<Desktop> TestFaultMatrix::listAll()
{
    ListAllDesktopsCall call(m_client.get(), {});
    call.setPageSize(50);
    QList<Desktop> desktops;
    connect(&call, &ListAllDesktopsCall::pageLoaded, this,
            [&desktops](const QList<Desktop> &page) { desktops.append(page); });
    QSignalSpy finished(&call, &ListAllDesktopsCall::finished);
    call.start();
    if (!finished.wait(kWaitMs) || !call.succeeded())
        return {};
    return desktops;
}

// Desktops the simulator deletes without refusing (not yearly/monthly, nobody connected).
QStringList TestFaultMatrix::deletableDesktopIds(int count)
{
    QStringList ids;
    const QList<Desktop> desktops = listAll();
    for (const Desktop &desktop : desktops) {
        if (desktop.billingMode != BillingMode::YearlyMonthly && !desktop.isConnected() && ids.size() < count)
            ids.append(desktop.id);
    }
    return ids;
}

std::unique_ptr<DeletionRun> TestFaultMatrix::makeRun(const QStringList &ids)
{
    DeletionContext context;
    context.profileName = QStringLiteral("fault-matrix");
    context.projectId = m_client->config().projectId;
    context.endpointHost = m_simulator->url().authority();
    auto run = std::make_unique<DeletionRun>(m_client.get(), DeletionPlan(ids, {}), context,
                                             m_store);
    run->setChunkGapMs(5);
    run->setLostJobSearchDelayMs(0);
    JobTracker::Timing timing;
    timing.initialIntervalMs = 10;
    timing.maxIntervalMs = 40;
    timing.giveUpAfterMs = kGiveUpAfterMs;
    run->setTrackerTiming(timing);
    return run;
}

void TestFaultMatrix::listing_data()
{
    addFaultRows(QStringLiteral("desktops/detail"), false);
}

void TestFaultMatrix::listing()
{
    QFETCH(SimulatorFaults, faults);
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(QString, fragment);
    m_simulator->setFaults(faults);

    EventLoopWatch watch;
    ListAllDesktopsCall call(m_client.get(), {});
    call.setPageSize(50);
    QList<Desktop> desktops;
    connect(&call, &ListAllDesktopsCall::pageLoaded, this,
            [&desktops](const QList<Desktop> &page) { desktops.append(page); });
    QSignalSpy finished(&call, &ListAllDesktopsCall::finished);
    call.start();
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(finished.count(), 1);
    QVERIFY2(watch.longestGapMs() < kMaxStallMs, QByteArray::number(watch.longestGapMs()).constData());

    QCOMPARE(int(call.error().kind), kind);
    if (kind == int(ApiError::Kind::None)) {
        QCOMPARE(desktops.size(), 120);
        QCOMPARE(call.totalCount(), 120);
        return;
    }
    QVERIFY(desktops.isEmpty()); // the first page already failed: nothing half-read is shown
    if (status)
        QCOMPARE(call.error().httpStatus, status);
    const QString summary = call.error().summary();
    QVERIFY2(summary.contains(fragment), qPrintable(summary));
    // Bounded: a failing GET is tried at most maxAttempts times, then the failure is reported.
    QVERIFY(m_simulator->requestCount("GET", QStringLiteral("desktops/detail")) <= 2);
}

void TestFaultMatrix::deleting_data()
{
    addFaultRows(QStringLiteral("batch-delete"), false);
}

void TestFaultMatrix::deleting()
{
    QFETCH(SimulatorFaults, faults);
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(QString, fragment);
    const QStringList ids = deletableDesktopIds(3);
    QCOMPARE(ids.size(), 3);
    m_simulator->setFaults(faults);

    EventLoopWatch watch;
    auto run = makeRun(ids);
    QSignalSpy finished(run.get(), &DeletionRun::finished);
    run->start();
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY2(watch.longestGapMs() < kMaxStallMs, QByteArray::number(watch.longestGapMs()).constData());

    // Never a second POST, whatever the answer to the first one was.
    QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 1);
    QCOMPARE(run->postCount(), 1);
    const QString auditPath = m_audit->filePath();
    if (kind == int(ApiError::Kind::None)) {
        QCOMPARE(run->result().count(DeletionOutcome::Deleted), 3);
        QCOMPARE(auditEvents(auditPath),
                 (QStringList{QStringLiteral("intent"), QStringLiteral("done"), QStringLiteral("job_finished")}));
        QVERIFY(m_journal->entries().isEmpty());
        return;
    }
    const ApiError &error = run->postError();
    QCOMPARE(int(error.kind), kind);
    if (status)
        QCOMPARE(error.httpStatus, status);
    QVERIFY2(error.summary().contains(fragment), qPrintable(error.summary()));
    // An answer that may hide a deletion the server did start is "unknown", never "failed":
    // the run then looks for the request's job among the service's deletion sub-jobs.
    const bool ambiguous = DeletionResult::isAmbiguousPostFailure(error);
    const QList<QJsonObject> entries = AuditLog::readEntries(auditPath);
    const QStringList events = auditEvents(auditPath);
    QCOMPARE(events.mid(0, 2), (QStringList{QStringLiteral("intent"),
                                            ambiguous ? QStringLiteral("outcome_unknown") : QStringLiteral("failed")}));
    QCOMPARE(entries.at(1).value(QLatin1String("summary")).toString(), error.summary());
    JobJournal reloaded(m_journal->filePath());
    QVERIFY(reloaded.load());
    QVERIFY(reloaded.entries().isEmpty()); // nothing stale: either never learned or followed to its end
    if (!ambiguous) {
        QCOMPARE(events.size(), 2);
        QCOMPARE(run->chunks().at(0).status, DeletionRun::Chunk::Status::Failed);
        QCOMPARE(run->result().count(DeletionOutcome::Failed), 3);
        return;
    }
    if (error.kind == ApiError::Kind::Http) {
        // A gateway error before the simulator ran anything: no job exists, the outcome stays unknown.
        QCOMPARE(events.mid(2), QStringList{QStringLiteral("job_not_found")});
        QCOMPARE(run->result().count(DeletionOutcome::Unknown), 3);
        QCOMPARE(RecordSettlement::unknownOutcomeDesktopIds(auditPath, m_client->config().projectId),
                 QSet<QString>(ids.cbegin(), ids.cend()));
        return;
    }
    // The simulator carried the request out and only the answer was spoilt: the job is found,
    // its real id recorded, and it is followed to its end.
    QCOMPARE(events.mid(2), (QStringList{QStringLiteral("job_found"), QStringLiteral("job_finished")}));
    QVERIFY(!entries.at(2).value(QLatin1String("job_id")).toString().isEmpty());
    QCOMPARE(run->jobIds().size(), 1);
    QCOMPARE(run->result().count(DeletionOutcome::Deleted), 3);
    QVERIFY(RecordSettlement::unknownOutcomeDesktopIds(auditPath, m_client->config().projectId).isEmpty());
}

void TestFaultMatrix::polling_data()
{
    // Both workspace-jobs/{id} and workspace-sub-jobs.
    addFaultRows(QStringLiteral("workspace-"), true);
}

void TestFaultMatrix::polling()
{
    QFETCH(SimulatorFaults, faults);
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(QString, fragment);
    const QStringList ids = deletableDesktopIds(3);
    QCOMPARE(ids.size(), 3);
    m_simulator->setFaults(faults);

    EventLoopWatch watch;
    auto run = makeRun(ids);
    QSignalSpy finished(run.get(), &DeletionRun::finished);
    QSignalSpy gaveUp(run.get(), &DeletionRun::jobGaveUp);
    run->start();
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY2(watch.longestGapMs() < kMaxStallMs, QByteArray::number(watch.longestGapMs()).constData());

    QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 1);
    QCOMPARE(run->jobIds().size(), 1);
    const QString jobId = run->jobIds().constFirst();
    const QString auditPath = m_audit->filePath();
    JobJournal reloaded(m_journal->filePath());
    QVERIFY(reloaded.load());

    if (fragment.isEmpty()) { // the job is followed to its end despite the odd answers
        QCOMPARE(gaveUp.count(), 0);
        QCOMPARE(run->result().count(DeletionOutcome::Deleted), 3);
        QVERIFY(!reloaded.contains(jobId));
        QCOMPARE(auditEvents(auditPath).constLast(), QStringLiteral("job_finished"));
        return;
    }
    // Polling gave up after the configured time, said why, and kept the job for a later resume.
    QCOMPARE(gaveUp.count(), 1);
    const QString reason = gaveUp.at(0).at(1).toString();
    QVERIFY2(reason.contains(jobId), qPrintable(reason));
    QVERIFY2(reason.contains(fragment), qPrintable(reason));
    QVERIFY(reloaded.contains(jobId));
    QCOMPARE(reloaded.entry(jobId).desktopIds, ids);
    QCOMPARE(run->result().count(DeletionOutcome::Unknown), 3);
    const QList<QJsonObject> entries = AuditLog::readEntries(auditPath);
    QCOMPARE(auditEvents(auditPath),
             (QStringList{QStringLiteral("intent"), QStringLiteral("done"), QStringLiteral("job_gave_up")}));
    QCOMPARE(entries.at(2).value(QLatin1String("reason")).toString(), reason);

    JobTracker *tracker = run->tracker(jobId);
    QVERIFY(tracker);
    if (kind == int(ApiError::Kind::None)) { // the server answered well; the job just never ended
        QCOMPARE(tracker->transientErrorCount(), 0);
        QCOMPARE(tracker->job().state(), JobState::InProgress);
        return;
    }
    QVERIFY(tracker->transientErrorCount() > 0);
    QCOMPARE(int(tracker->lastError().kind), kind);
    if (status)
        QCOMPARE(tracker->lastError().httpStatus, status);
}

// The connection drops after the simulator ran the POST and before any answer. The transport may
// not send it again (ApiClient::send), so the one copy's outcome is unknown: the record says
// "ambiguous", never "failed", and the real job is found and followed.
void TestFaultMatrix::droppedConnectionAfterTheServerRanThePost()
{
    const QStringList ids = deletableDesktopIds(3);
    QCOMPARE(ids.size(), 3);
    const int desktopsBefore = m_simulator->desktopCount();
    SimulatorFaults faults;
    faults.dropConnectionsAfterExecuting = 1;
    faults.pathFilter = QStringLiteral("batch-delete");
    m_simulator->setFaults(faults);
    QList<int> postStatuses;
    connect(m_simulator.get(), &WorkspaceSimulator::requestHandled, this,
            [&postStatuses](const QByteArray &method, const QString &, int status) {
                if (method == "POST")
                    postStatuses.append(status);
            });

    auto run = makeRun(ids);
    QSignalSpy finished(run.get(), &DeletionRun::finished);
    QSignalSpy found(run.get(), &DeletionRun::lostJobFound);
    run->start();
    QVERIFY(finished.wait(kWaitMs));

    QCOMPARE(run->postCount(), 1); // the app sent it once …
    QCOMPARE(postStatuses, (QList<int>{0})); // … and so did the transport
    QCOMPARE(run->postError().networkError, int(QNetworkReply::ContentReSendError));
    const QString auditPath = m_audit->filePath();
    const QList<QJsonObject> entries = AuditLog::readEntries(auditPath);
    QCOMPARE(auditEvents(auditPath),
             (QStringList{QStringLiteral("intent"), QStringLiteral("outcome_unknown"), QStringLiteral("job_found"),
                          QStringLiteral("job_finished")}));
    QCOMPARE(entries.at(1).value(QLatin1String("ambiguity")).toString(), QStringLiteral("no_usable_answer"));
    QCOMPARE(found.count(), 1);
    const QString jobId = entries.at(2).value(QLatin1String("job_id")).toString();
    QCOMPARE(found.at(0).at(1).toString(), jobId);
    QCOMPARE(entries.at(3).value(QLatin1String("job_id")).toString(), jobId);
    QCOMPARE(run->result().count(DeletionOutcome::Deleted), 3);
    QVERIFY(m_journal->entries().isEmpty());
    QCOMPARE(m_simulator->desktopCount(), desktopsBefore - 3);
}

QTEST_GUILESS_MAIN(TestFaultMatrix)
#include "tst_faultmatrix.moc"
