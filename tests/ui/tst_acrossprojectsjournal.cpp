// The deletion controller of a connection to every region and the journal: at start it follows
// the unfinished jobs of every project of the account, each through its own project's endpoint,
// and leaves those of a project the account does not have; Retry Failed of another region's run
// looks its desktops up and sends its request in that run's own project.
#include "deletioncontroller.h"
#include "deletiondialog.h"
#include "desktoptablemodel.h"
#include "jobmodel.h"
#include "mainwindow.h"
#include "simulatortestsupport.h"
#include "testlocations.h"
#include "windowsimulatorsupport.h"
#include "workspacesimulator.h"

#include "api/apiclient.h"
#include "api/requestsigner.h"
#include "deletion/auditlog.h"
#include "deletion/deletionrun.h"
#include "deletion/deletionstore.h"
#include "deletion/jobjournal.h"

#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {
constexpr int kWaitMs = 30000;
// A region the simulated account has no project in.
const QString kOtherRegion = QStringLiteral("la-north-2");
const QString kOtherProjectId = QStringLiteral("0f0e0d0c0b0a09080706050403020100");
} // namespace

class TestAcrossProjectsJournal : public QObject, private ControllerAgainstSimulator {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void theSecondRegionsJournalJobIsFollowedAtStart();
    void aSingleRegionConnectionFollowsItsOwnProjectOnly();
    void theWindowOfEveryRegionShowsTheFollowedJobsRegion();
    void retryFailedOfTheSecondRegionSendsToItsProject();
    void retryFailedOfAnotherProjectWithoutTheAccountSaysWhy();

private:
    // Every project of the account at "localhost", the connection's own client at the simulator's
    // address: a request of the account's clients shows by its Host.
    AccountAccess access() const;
    QString accountHost() const { return QStringLiteral("localhost:%1").arg(m_simulator->port()); }
    WorkspaceProject secondProject() const;
    // One desktop of the second region submitted for deletion and left in the journal, as after
    // a crash; its job id.
    QString journalSecondRegionJob();
    ResolvedConnection connection() const;
    // A deletion of the second region's desktops through the controller, confirmed; its run.
    DeletionRun* deleteInSecondRegion(const QStringList& ids);
};

void TestAcrossProjectsJournal::initTestCase()
{
    useTestLocations(QStringLiteral("tst_acrossprojectsjournal"));
}

void TestAcrossProjectsJournal::init()
{
    m_asia = startTwoRegions(m_simulator, QStringLiteral("ACROSSJOURNALAK001"),
        QStringLiteral("across-journal-secret"), 6, 6);
    QVERIFY(m_asia);
    QVERIFY(startController(connection()));
}

void TestAcrossProjectsJournal::cleanup()
{
    stopController();
}

AccountAccess TestAcrossProjectsJournal::access() const
{
    QUrl endpoint = m_simulator->url();
    endpoint.setHost(QStringLiteral("localhost"));
    AccountAccess access
        = simulatorAccountAccess(*m_simulator, const_cast<QNetworkAccessManager*>(&m_network));
    access.iamEndpoint = endpoint;
    access.explicitEndpoint = endpoint;
    return access;
}

WorkspaceProject TestAcrossProjectsJournal::secondProject() const
{
    return twoRegionProjects(*m_simulator).at(1);
}

ResolvedConnection TestAcrossProjectsJournal::connection() const
{
    ResolvedConnection connection = simulatorConnection(*m_simulator, m_dir.path());
    connection.region = m_simulator->config().region;
    return connection;
}

QString TestAcrossProjectsJournal::journalSecondRegionJob()
{
    const QStringList ids = changeableDesktopIds(*m_simulator, *m_asia, &m_network, 1, kWaitMs);
    if (ids.size() != 1)
        return {};
    const WorkspaceProject project = secondProject();
    const std::unique_ptr<ApiClient> client = access().projectClient(project);
    const DeletionStorePtr store = std::make_shared<DeletionStore>(m_dir.path());
    if (!store->journal().load())
        return {};
    DeletionContext context;
    context.projectId = project.id;
    context.region = project.region;
    context.endpointHost = QString::fromLatin1(RequestSigner::hostHeader(project.endpoint));
    DeletionRun run(client.get(), DeletionPlan(ids, BatchDeleteOptions {}), context, store);
    run.setTrackJobs(false); // the process "ends" once the job is submitted
    run.setChunkGapMs(0);
    QSignalSpy sent(&run, &DeletionRun::sendingFinished);
    run.start();
    if (!sent.wait(kWaitMs) || store->journal().entries().size() != 1)
        return {};
    // And one job of a project the account does not have.
    JournalEntry foreign;
    foreign.jobId = QStringLiteral("job-of-another-account");
    foreign.projectId = kOtherProjectId;
    foreign.region = kOtherRegion;
    foreign.desktopIds = { QStringLiteral("desktop-elsewhere") };
    foreign.submittedAt = QDateTime::currentDateTimeUtc();
    if (!store->journal().add(foreign))
        return {};
    return store->journal().entries().constFirst().jobId;
}

void TestAcrossProjectsJournal::theSecondRegionsJournalJobIsFollowedAtStart()
{
    const QString jobId = journalSecondRegionJob();
    QVERIFY(!jobId.isEmpty());
    m_controller->setAccountProvider([this] { return std::optional(access()); });
    QSignalSpy resumed(m_controller.get(), &DeletionController::journalRunsResumed);
    QSignalSpy messages(m_controller.get(), &DeletionController::statusMessage);
    m_controller->setConnection(connection(), m_client.get());
    QVERIFY(resumed.wait(kWaitMs));
    // Said last: the other account's job stays, and is named.
    const QString left = messages.constLast().constFirst().toString();
    QVERIFY2(left.contains(kOtherRegion) && left.contains(QStringLiteral("stay in the journal")),
        qPrintable(left));
    QCOMPARE(m_controller->runs().size(), 1);
    DeletionRun* run = m_controller->runs().constFirst();
    QCOMPARE(run->context().projectId, kSecondRegionProjectId);
    QCOMPARE(run->context().region, kSecondRegion);
    QTRY_COMPARE_WITH_TIMEOUT(m_controller->activeRunCount(), 0, kWaitMs);
    QCOMPARE(run->result().failedDesktopIds().size(), 0);

    // Followed at the second project's endpoint, through the account's client.
    const auto polls = m_asia->receivedRequests("GET", jobId);
    QVERIFY(!polls.isEmpty());
    for (const WorkspaceSimulator::ReceivedRequest& poll : polls) {
        QVERIFY2(poll.path.contains(kSecondRegionProjectId), qPrintable(poll.path));
        QCOMPARE(poll.host, accountHost());
    }
    // The Jobs panel's row names the region.
    QCOMPARE(m_jobs->runCount(), 1);
    const QString name = m_jobs->index(0, JobModel::NameColumn).data().toString();
    QVERIFY2(name.contains(kSecondRegion), qPrintable(name));
    // The end audited, the job out of the journal; the other account's job stays.
    bool audited = false;
    for (const QJsonObject& entry :
        AuditLog::readEntries(AuditLog::defaultFilePath(m_dir.path()))) {
        audited = audited
            || (entry.value(QStringLiteral("event")).toString() == QLatin1String("job_finished")
                && entry.value(QStringLiteral("job_id")).toString() == jobId);
    }
    QVERIFY(audited);
    const auto journalJobs = [this] {
        JobJournal journal(JobJournal::defaultFilePath(m_dir.path()));
        journal.load();
        QStringList jobs;
        for (const JournalEntry& entry : journal.entries())
            jobs.append(entry.jobId);
        return jobs;
    };
    QTRY_COMPARE_WITH_TIMEOUT(
        journalJobs(), QStringList { QStringLiteral("job-of-another-account") }, kWaitMs);
}

void TestAcrossProjectsJournal::aSingleRegionConnectionFollowsItsOwnProjectOnly()
{
    QVERIFY(!journalSecondRegionJob().isEmpty());
    m_controller->setConnection(connection(), m_client.get());
    QCOMPARE(m_controller->runs().size(), 0);
    QCOMPARE(m_jobs->runCount(), 0);
    JobJournal journal(JobJournal::defaultFilePath(m_dir.path()));
    QVERIFY(journal.load());
    QCOMPARE(journal.entries().size(), 2);
    QCOMPARE(m_asia->receivedRequests("GET", QStringLiteral("jobs")).size(), 0);
}

void TestAcrossProjectsJournal::theWindowOfEveryRegionShowsTheFollowedJobsRegion()
{
    const QString jobId = journalSecondRegionJob();
    QVERIFY(!jobId.isEmpty());
    ResolvedConnection every = connection();
    every.iamEndpoint = m_simulator->url();
    every.explicitEndpoint = true;
    every.allRegions = true;
    MainWindow window;
    window.setNetworkAccessManager(&m_network);
    window.show();
    window.connectTo(every);
    DeletionController* controller = window.deletionController();
    QTRY_COMPARE_WITH_TIMEOUT(controller->runs().size(), 1, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(controller->activeRunCount(), 0, kWaitMs);
    DeletionRun* run = controller->runs().constFirst();
    QCOMPARE(run->jobIds(), QStringList { jobId });
    QCOMPARE(run->result().failedDesktopIds().size(), 0);
    const QString name = controller->jobModel()->index(0, JobModel::NameColumn).data().toString();
    QVERIFY2(name.contains(kSecondRegion), qPrintable(name));
    QVERIFY(!m_asia->receivedRequests("GET", jobId).isEmpty());
}

DeletionRun* TestAcrossProjectsJournal::deleteInSecondRegion(const QStringList& ids)
{
    QList<ProjectDesktopId> desktops;
    for (const QString& id : ids)
        desktops.append({ kSecondRegionProjectId, id });
    QSignalSpy opened(m_controller.get(), &DeletionController::dialogOpened);
    m_controller->requestAcrossProjects(
        ReviewedChange::Delete, desktops, { secondProject() }, access());
    if (!opened.wait(kWaitMs))
        return nullptr;
    auto* dialog = opened.constFirst().constFirst().value<DeletionDialog*>();
    QSignalSpy finished(m_controller.get(), &DeletionController::runFinished);
    dialog->confirmationField()->setText(QString::number(ids.size()));
    dialog->deleteButton()->click();
    if (!finished.wait(kWaitMs))
        return nullptr;
    return finished.constFirst().constFirst().value<DeletionRun*>();
}

void TestAcrossProjectsJournal::retryFailedOfTheSecondRegionSendsToItsProject()
{
    m_controller->setAccountProvider([this] { return std::optional(access()); });
    m_controller->setConnection(connection(), m_client.get());
    const QStringList ids = changeableDesktopIds(*m_simulator, *m_asia, &m_network, 2, kWaitMs);
    QCOMPARE(ids.size(), 2);
    SimulatorFaults faults;
    faults.failingDesktopIds = { ids.at(1) };
    m_asia->setFaults(faults);
    DeletionRun* original = deleteInSecondRegion(ids);
    QVERIFY(original);
    QCOMPARE(original->context().projectId, kSecondRegionProjectId);
    QCOMPARE(original->result().failedDesktopIds(), QStringList { ids.at(1) });
    m_asia->setFaults({});
    const int postsBefore
        = int(m_asia->receivedRequests("POST", QStringLiteral("batch-delete")).size());

    QSignalSpy lookedUp(m_controller.get(), &DeletionController::retryLookUpFinished);
    QSignalSpy opened(m_controller.get(), &DeletionController::dialogOpened);
    m_controller->retryFailed(original);
    QVERIFY(lookedUp.wait(kWaitMs));
    QCOMPARE(lookedUp.constFirst().constFirst().toInt(), 1);
    QCOMPARE(opened.size(), 1);
    auto* dialog = opened.constFirst().constFirst().value<DeletionDialog*>();
    QCOMPARE(dialog->desktopIds(), QStringList { ids.at(1) });
    // Looked up in the second project, at its endpoint.
    const auto lookUps = m_asia->receivedRequests("GET", QStringLiteral("desktops/detail"));
    QVERIFY(!lookUps.isEmpty());
    QCOMPARE(lookUps.constLast().host, accountHost());
    QSignalSpy finished(m_controller.get(), &DeletionController::runFinished);
    dialog->confirmationField()->setText(QStringLiteral("1"));
    dialog->deleteButton()->click();
    QVERIFY(finished.wait(kWaitMs));
    const auto posts = m_asia->receivedRequests("POST", QStringLiteral("batch-delete"));
    QCOMPARE(int(posts.size()), postsBefore + 1);
    QVERIFY2(posts.constLast().path.contains(kSecondRegionProjectId),
        qPrintable(posts.constLast().path));
    QCOMPARE(posts.constLast().host, accountHost());
    QCOMPARE(m_simulator->receivedRequests("POST", m_simulator->config().projectId).size(), 0);
    DeletionRun* retry = finished.constFirst().constFirst().value<DeletionRun*>();
    QCOMPARE(retry->context().region, kSecondRegion);
    QCOMPARE(retry->result().failedDesktopIds().size(), 0);

    // Retried again: the later run deleted it, so nothing is offered.
    lookedUp.clear();
    m_controller->retryFailed(original);
    QVERIFY(lookedUp.wait(kWaitMs));
    QCOMPARE(lookedUp.constFirst().constFirst().toInt(), 0);
    QCOMPARE(int(m_asia->receivedRequests("POST", QStringLiteral("batch-delete")).size()),
        postsBefore + 1);
}

void TestAcrossProjectsJournal::retryFailedOfAnotherProjectWithoutTheAccountSaysWhy()
{
    // The run is of the second region, the connection of one region only.
    m_controller->setAccountProvider([this] { return std::optional(access()); });
    m_controller->setConnection(connection(), m_client.get());
    const QStringList ids = changeableDesktopIds(*m_simulator, *m_asia, &m_network, 1, kWaitMs);
    QCOMPARE(ids.size(), 1);
    SimulatorFaults faults;
    faults.failingDesktopIds = ids;
    m_asia->setFaults(faults);
    DeletionRun* original = deleteInSecondRegion(ids);
    QVERIFY(original);
    QCOMPARE(original->result().failedDesktopIds(), ids);
    m_controller->setAccountProvider({});
    QSignalSpy lookedUp(m_controller.get(), &DeletionController::retryLookUpFinished);
    QSignalSpy messages(m_controller.get(), &DeletionController::statusMessage);
    m_controller->retryFailed(original);
    QCOMPARE(lookedUp.size(), 1);
    QCOMPARE(lookedUp.constFirst().constFirst().toInt(), 0);
    QCOMPARE(messages.size(), 1);
    QVERIFY2(messages.constFirst().constFirst().toString().contains(kSecondRegion),
        qPrintable(messages.constFirst().constFirst().toString()));
}

QTEST_MAIN(TestAcrossProjectsJournal)
#include "tst_acrossprojectsjournal.moc"
