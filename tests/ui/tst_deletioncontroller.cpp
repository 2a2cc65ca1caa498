// The deletion controller on its own, without a window: given the models, a plain widget and a
// client of the in-process simulator, it looks up, offers, deletes, and asks for a refresh.
#include "deletioncontroller.h"
#include "deletiondialog.h"
#include "desktoploader.h"
#include "desktoptablemodel.h"
#include "jobmodel.h"
#include "simulatortestsupport.h"
#include "workspacesimulator.h"

#include "api/apiclient.h"
#include "deletion/jobjournal.h"

#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

#include <memory>

namespace {
const QString kAccessKey = QStringLiteral("CONTROLLERAK0000001");
const QString kSecretKey = QStringLiteral("controller-secret/+=");
constexpr int kWaitMs = 30000;
} // namespace

class TestDeletionController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void withoutAConnectionNothingIsLookedUp();
    void deletesWithoutAWindowAndAsksForARefresh();

private:
    ResolvedConnection connection() const;

    QTemporaryDir m_dir;
    std::unique_ptr<WorkspaceSimulator> m_simulator;
    QNetworkAccessManager m_network;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<QWidget> m_window;
    std::unique_ptr<DesktopTableModel> m_desktops;
    std::unique_ptr<JobModel> m_jobs;
    std::unique_ptr<DeletionController> m_controller;
};

void TestDeletionController::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WorkspaceAdminTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_deletioncontroller"));
}

void TestDeletionController::init()
{
    m_simulator = std::make_unique<WorkspaceSimulator>(simulatorConfig(kAccessKey, kSecretKey, 20, 100));
    QVERIFY(m_simulator->listen());
    QVERIFY(m_dir.isValid());
    QFile::remove(JobJournal::defaultFilePath(m_dir.path()));
    const ResolvedConnection resolved = connection();
    m_client = std::make_unique<ApiClient>(&m_network, resolved.config, resolved.credentials);
    m_window = std::make_unique<QWidget>();
    m_desktops = std::make_unique<DesktopTableModel>();
    m_jobs = std::make_unique<JobModel>();
    m_controller = std::make_unique<DeletionController>(m_jobs.get(), m_desktops.get(), m_window.get());
    m_controller->setChunkGapMs(5);
    JobTracker::Timing timing;
    timing.initialIntervalMs = 20;
    timing.maxIntervalMs = 100;
    m_controller->setTrackerTiming(timing);
}

void TestDeletionController::cleanup()
{
    // Runs go before the models that show them and the client they talk through.
    m_controller.reset();
    m_jobs.reset();
    m_desktops.reset();
    m_window.reset();
    m_client.reset();
    m_simulator.reset();
}

ResolvedConnection TestDeletionController::connection() const
{
    ResolvedConnection connection;
    connection.config = clientConfigFor(*m_simulator);
    connection.config.retry.initialDelayMs = 10;
    connection.config.retry.throttleDelayMs = 10;
    connection.credentials = {kAccessKey, kSecretKey, {}};
    connection.dataDir = m_dir.path();
    return connection;
}

void TestDeletionController::withoutAConnectionNothingIsLookedUp()
{
    QSignalSpy prepared(m_controller.get(), &DeletionController::preparationFinished);
    m_controller->requestDeletion({QStringLiteral("any-desktop")});
    QVERIFY(!m_controller->preparation());
    QVERIFY(!m_controller->dialog());
    QCOMPARE(prepared.size(), 0);
    QCOMPARE(m_simulator->requestCount("GET", QStringLiteral("desktops")), 0);
}

void TestDeletionController::deletesWithoutAWindowAndAsksForARefresh()
{
    // The table as the window would have it: loaded through the same client.
    DesktopLoader loader(m_desktops.get());
    loader.setClient(m_client.get());
    QSignalSpy loaded(&loader, &DesktopLoader::loadingFinished);
    loader.load();
    QVERIFY(loaded.wait(kWaitMs));
    QCOMPARE(m_desktops->rowCount(), 20);
    QStringList ids;
    for (int row = 0; row < m_desktops->rowCount() && ids.size() < 3; ++row) {
        const Desktop &desktop = m_desktops->desktopAt(row);
        if (m_desktops->index(row, 0).data(DesktopTableModel::DeletableRole).toBool()
            && desktop.billingMode != BillingMode::YearlyMonthly && !desktop.isConnected())
            ids.append(desktop.id);
    }
    QCOMPARE(ids.size(), 3);

    m_controller->setConnection(connection(), m_client.get());
    QSignalSpy prepared(m_controller.get(), &DeletionController::preparationFinished);
    m_controller->requestDeletion(ids);
    QVERIFY(prepared.wait(kWaitMs));
    QCOMPARE(prepared.constFirst().constFirst().toInt(), 3);
    DeletionDialog *dialog = m_controller->dialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->parentWidget(), m_window.get());
    QCOMPARE(dialog->desktopIds().size(), 3);

    QSignalSpy started(m_controller.get(), &DeletionController::runStarted);
    QSignalSpy finished(m_controller.get(), &DeletionController::runFinished);
    QSignalSpy refresh(m_controller.get(), &DeletionController::refreshRequested);
    QSignalSpy notified(m_controller.get(), &DeletionController::notified);
    QTest::keyClicks(dialog->confirmationField(), QStringLiteral("3"));
    QTest::mouseClick(dialog->deleteButton(), Qt::LeftButton);
    QCOMPARE(started.size(), 1);
    QCOMPARE(m_jobs->runCount(), 1);
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 1);
    QCOMPARE(m_controller->runs().constFirst()->result().summaryText(), QStringLiteral("3 deleted"));

    // The controller updates the table it was given and leaves the re-listing to its owner.
    QCOMPARE(refresh.size(), 1);
    QCOMPARE(m_desktops->rowCount(), 17);
    for (const QString &id : std::as_const(ids))
        QCOMPARE(m_desktops->rowOf(id), -1);
    // The widget it was given is not active (never shown): the end is notified.
    QCOMPARE(notified.size(), 1);
    QCOMPARE(notified.constFirst().at(1).toString(), QStringLiteral("3 deleted"));
    QCOMPARE(m_controller->activeRunCount(), 0);
}

QTEST_MAIN(TestDeletionController)
#include "tst_deletioncontroller.moc"
