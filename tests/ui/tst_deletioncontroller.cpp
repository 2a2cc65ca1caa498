// The deletion controller on its own, without a window: given the models, a plain widget and a
// client of the in-process simulator, it looks up, offers, deletes, and asks for a refresh.
#include "changeactiondialog.h"
#include "deletioncontroller.h"
#include "deletiondialog.h"
#include "desktoploader.h"
#include "desktoptablemodel.h"
#include "jobmodel.h"
#include "simulatortestsupport.h"
#include "testlocations.h"
#include "windowsimulatorsupport.h"
#include "workspacesimulator.h"

#include "api/apiclient.h"
#include "api/decommissioncalls.h"
#include "deletion/auditlog.h"
#include "deletion/deletionrun.h"
#include "deletion/deletionstore.h"
#include "deletion/jobjournal.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QPointer>
#include <QTreeView>
#include <QWidget>

#include <functional>
#include <memory>

namespace {
const QString kAccessKey = QStringLiteral("CONTROLLERAK0000001");
const QString kSecretKey = QStringLiteral("controller-secret/+=");
constexpr int kWaitMs = 30000;
} // namespace

class TestDeletionController : public QObject, private ControllerAgainstSimulator
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void withoutAConnectionNothingIsLookedUp();
    void deletesWithoutAWindowAndAsksForARefresh();
    void turnsAutoscaleOffBeforeDeleting_data();
    void turnsAutoscaleOffBeforeDeleting();
    void retryTakesTheFailuresOfEveryPart();
    void retryStartsFromTheRunsOptions();
    void maintenanceIsAuditedInTheProjectsLog();
    void usersOfAFilteredTableAreLookedUpInTheProject();
    void lookedUpStateReachesTheTableBeforeTheChangeStarts();

private:
    ResolvedConnection connection() const;
    void useSimulatorOf(int desktops);
    bool loadTable();
    // Deletable desktops of the table that a deletion without Force deletes.
    QStringList plainDesktops(int count, const std::function<bool(const Desktop &)> &also = {}) const;
    QStringList auditEvents() const;
};

void TestDeletionController::initTestCase()
{
    useTestLocations(QStringLiteral("tst_deletioncontroller"));
}

void TestDeletionController::init()
{
    m_simulator = std::make_unique<WorkspaceSimulator>(simulatorConfig(kAccessKey, kSecretKey, 20, 100));
    QVERIFY(m_simulator->listen());
    QVERIFY(startController(connection()));
}

void TestDeletionController::cleanup()
{
    stopController();
}

ResolvedConnection TestDeletionController::connection() const
{
    ResolvedConnection connection = simulatorConnection(*m_simulator, m_dir.path());
    connection.config.retry.initialDelayMs = 10;
    connection.config.retry.throttleDelayMs = 10;
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

void TestDeletionController::useSimulatorOf(int desktops)
{
    m_client.reset();
    m_simulator = std::make_unique<WorkspaceSimulator>(simulatorConfig(kAccessKey, kSecretKey, desktops, 100));
    QVERIFY(m_simulator->listen());
    const ResolvedConnection resolved = connection();
    m_client = std::make_unique<ApiClient>(&m_network, resolved.config, resolved.credentials);
}

bool TestDeletionController::loadTable()
{
    DesktopLoader loader(m_desktops.get());
    loader.setClient(m_client.get());
    QSignalSpy loaded(&loader, &DesktopLoader::loadingFinished);
    loader.load();
    return loaded.wait(kWaitMs) && m_desktops->rowCount() > 0;
}

QStringList TestDeletionController::plainDesktops(int count, const std::function<bool(const Desktop &)> &also) const
{
    QStringList ids;
    for (int row = 0; row < m_desktops->rowCount() && ids.size() < count; ++row) {
        const Desktop desktop = m_desktops->desktopAt(row);
        if (m_desktops->index(row, 0).data(DesktopTableModel::DeletableRole).toBool()
            && desktop.billingMode != BillingMode::YearlyMonthly && !desktop.isConnected() && (!also || also(desktop)))
            ids.append(desktop.id);
    }
    return ids;
}

QStringList TestDeletionController::auditEvents() const
{
    QStringList events;
    for (const QJsonObject &entry : AuditLog::readEntries(AuditLog::defaultFilePath(m_dir.path())))
        events.append(entry.value(QLatin1String("event")).toString());
    return events;
}

void TestDeletionController::turnsAutoscaleOffBeforeDeleting_data()
{
    QTest::addColumn<bool>("refused");
    QTest::newRow("turned off, then deleted") << false;
    QTest::newRow("refused: nothing deleted") << true;
}

void TestDeletionController::turnsAutoscaleOffBeforeDeleting()
{
    useSimulatorOf(200);
    QFile::remove(AuditLog::defaultFilePath(m_dir.path()));
    QVERIFY(loadTable());
    // The pools and their desktops as the window loads them: the table learns each desktop's pool
    // from the pools' desktop listings.
    DesktopLoader poolLoader(m_desktops.get());
    poolLoader.setClient(m_client.get());
    QSignalSpy poolsLoaded(&poolLoader, &DesktopLoader::poolsLoaded);
    poolLoader.loadPools();
    QVERIFY(poolsLoaded.wait(kWaitMs));
    QVERIFY2(poolLoader.poolProblems().isEmpty(), qPrintable(poolLoader.poolProblems().join(QLatin1Char('\n'))));
    const QList<DesktopPool> pools = poolLoader.pools();
    QSet<QString> scaling;
    for (const DesktopPool &pool : pools) {
        if (pool.mayCreateDesktops())
            scaling.insert(pool.id);
    }
    QVERIFY(!scaling.isEmpty());
    // The listing does not name pools (the simulator's default, assumption POOL-ID), so the
    // controller must find the pool itself; which desktops are in a scaling pool is the
    // simulator's own record.
    QVERIFY(!m_simulator->config().poolIdInDesktopDetails);
    QSet<QString> inScalingPool;
    const QHash<QString, QString> poolOfDesktop = m_simulator->poolOfDesktop();
    for (auto pooled = poolOfDesktop.cbegin(); pooled != poolOfDesktop.cend(); ++pooled) {
        if (scaling.contains(pooled.value()))
            inScalingPool.insert(pooled.key());
    }
    const QStringList ids = plainDesktops(1, [&inScalingPool](const Desktop &desktop) {
        return inScalingPool.contains(desktop.id);
    });
    QCOMPARE(ids.size(), 1);

    m_controller->setPools(pools);
    m_controller->setConnection(connection(), m_client.get());
    QSignalSpy prepared(m_controller.get(), &DeletionController::preparationFinished);
    m_controller->requestDeletion(ids);
    QVERIFY(prepared.wait(kWaitMs));
    DeletionDialog *dialog = m_controller->dialog();
    QVERIFY(dialog);
    QVERIFY(dialog->poolsWarningText().contains(QStringLiteral("may create new desktops")));
    QVERIFY(dialog->turnAutoscaleOffBox()->isChecked());
    QSignalSpy finished(m_controller.get(), &DeletionController::runFinished);
    QSignalSpy started(m_controller.get(), &DeletionController::runStarted);
    QSignalSpy status(m_controller.get(), &DeletionController::statusMessage);
    QFETCH(bool, refused);
    if (refused) {
        SimulatorFaults faults;
        faults.serverErrorShare = 1.0;
        faults.serverErrorStatus = 500;
        faults.pathFilter = QStringLiteral("desktop-pools/"); // the update, not the listing
        m_simulator->setFaults(faults);
    }
    QTest::keyClicks(dialog->confirmationField(), QStringLiteral("1"));
    QTest::mouseClick(dialog->deleteButton(), Qt::LeftButton);
    if (refused) {
        QVERIFY(QTest::qWaitFor([&status] {
            return !status.isEmpty() && status.constLast().first().toString().contains(QStringLiteral("nothing was deleted"));
        }, kWaitMs));
        QVERIFY(started.isEmpty());
        QCOMPARE(m_simulator->requestCount("PUT", QStringLiteral("desktop-pools/")), 1);
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 0);
        QCOMPARE(auditEvents(), (QStringList{QStringLiteral("intent"), QStringLiteral("failed")}));
        return;
    }
    QVERIFY(finished.wait(kWaitMs));
    // Audited, and done and read back before the deletion's request.
    const QStringList events = auditEvents();
    QCOMPARE(events.mid(0, 4), (QStringList{QStringLiteral("intent"), QStringLiteral("done"),
                                            QStringLiteral("autoscale_checked"), QStringLiteral("intent")}));
    QCOMPARE(m_simulator->requestCount("PUT", QStringLiteral("desktop-pools")), 1);
    ListAllPoolsCall again(m_client.get());
    QSignalSpy relisted(&again, &ListAllPoolsCall::finished);
    again.start();
    QVERIFY(relisted.wait(kWaitMs));
    int stillScaling = 0;
    for (const DesktopPool &pool : again.pools())
        stillScaling += pool.mayCreateDesktops() ? 1 : 0;
    QCOMPARE(stillScaling, int(scaling.size()) - 1);
}

void TestDeletionController::retryTakesTheFailuresOfEveryPart()
{
    QFile::remove(AuditLog::defaultFilePath(m_dir.path()));
    QVERIFY(loadTable());
    const QStringList ids = plainDesktops(4);
    QCOMPARE(ids.size(), 4);
    SimulatorFaults faults;
    faults.failingDesktopIds = {ids.at(1), ids.at(3)}; // one failure in each part
    m_simulator->setFaults(faults);
    {
        // A deletion of two requests whose process ended after sending: two jobs of one run in
        // the journal, which the next start follows as two parts of one deletion.
        const DeletionStorePtr store = std::make_shared<DeletionStore>(m_dir.path());
        JobJournal &journal = store->journal();
        QVERIFY(journal.load());
        DeletionContext context;
        context.projectId = connection().config.projectId;
        DeletionRun run(m_client.get(), DeletionPlan(ids, BatchDeleteOptions{}, {}, 2), context, store);
        run.setTrackJobs(false);
        run.setChunkGapMs(0);
        QSignalSpy sent(&run, &DeletionRun::sendingFinished);
        run.start();
        QVERIFY(sent.wait(kWaitMs));
        QCOMPARE(journal.entries().size(), 2);
    }
    m_controller->setConnection(connection(), m_client.get());
    QCOMPARE(m_controller->runs().size(), 2);
    QCOMPARE(m_controller->runs().at(0)->runId(), m_controller->runs().at(1)->runId());
    QTRY_COMPARE_WITH_TIMEOUT(m_controller->activeRunCount(), 0, kWaitMs);

    QSignalSpy lookedUp(m_controller.get(), &DeletionController::retryLookUpFinished);
    m_controller->retryFailed(m_controller->runs().first());
    QVERIFY(lookedUp.wait(kWaitMs));
    QCOMPARE(lookedUp.constFirst().constFirst().toInt(), 2);
    QStringList offered = m_controller->dialog()->desktopIds();
    offered.sort();
    QStringList failed{ids.at(1), ids.at(3)};
    failed.sort();
    QCOMPARE(offered, failed);
}

void TestDeletionController::retryStartsFromTheRunsOptions()
{
    QFile::remove(AuditLog::defaultFilePath(m_dir.path()));
    QVERIFY(loadTable());
    const QStringList ids = plainDesktops(3);
    QCOMPARE(ids.size(), 3);
    SimulatorFaults faults;
    faults.failingDesktopIds = {ids.at(0), ids.at(1)};
    m_simulator->setFaults(faults);
    m_controller->setConnection(connection(), m_client.get());
    QPointer<DeletionDialog> dialog;
    connect(m_controller.get(), &DeletionController::dialogOpened, this,
            [&dialog](DeletionDialog *opened) { dialog = opened; });
    m_controller->requestDeletion(ids);
    QTRY_VERIFY_WITH_TIMEOUT(dialog, kWaitMs);
    dialog->deleteUsersBox()->setChecked(true);
    dialog->emailBox()->setChecked(false);
    dialog->confirmationField()->setText(QStringLiteral("3"));
    QSignalSpy finished(m_controller.get(), &DeletionController::runFinished);
    dialog->deleteButton()->click();
    QVERIFY(finished.wait(kWaitMs));
    DeletionRun *original = m_controller->runs().constLast();
    QCOMPARE(original->result().failedDesktopIds().size(), 2);

    // The retry opens with the original run's options, and offers the two failures.
    m_simulator->setFaults({});
    QSignalSpy lookedUp(m_controller.get(), &DeletionController::retryLookUpFinished);
    m_controller->retryFailed(original);
    QVERIFY(lookedUp.wait(kWaitMs));
    QCOMPARE(lookedUp.constLast().constFirst().toInt(), 2);
    QTRY_VERIFY(m_controller->dialog());
    DeletionDialog *retry = m_controller->dialog();
    QVERIFY(retry->deleteUsersBox()->isChecked());
    QVERIFY(!retry->emailBox()->isChecked());
    QVERIFY(!retry->forceBox()->isChecked());
    QCOMPARE(retry->review().targetCount(), 2);
    retry->confirmationField()->setText(QStringLiteral("2"));
    retry->deleteButton()->click();
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(m_controller->runs().constLast()->result().failedDesktopIds().size(), 0);

    // Retried again: what the later run deleted is not offered; nothing is left to offer.
    lookedUp.clear();
    m_controller->retryFailed(original);
    QVERIFY(lookedUp.wait(kWaitMs));
    QCOMPARE(lookedUp.constLast().constFirst().toInt(), 0);
}

void TestDeletionController::maintenanceIsAuditedInTheProjectsLog()
{
    QFile::remove(AuditLog::defaultFilePath(m_dir.path()));
    QVERIFY(!m_controller->startAction(ChangeReview()));
    QVERIFY(loadTable());
    const QStringList ids = plainDesktops(2);
    QCOMPARE(ids.size(), 2);
    m_controller->setConnection(connection(), m_client.get());
    QSignalSpy finished(m_controller.get(), &DeletionController::actionFinished);
    QSignalSpy refresh(m_controller.get(), &DeletionController::refreshRequested);
    // Looked up afresh and confirmed in the review's dialog, as the window does.
    QPointer<ChangeActionDialog> dialog;
    connect(m_controller.get(), &DeletionController::actionDialogOpened, this,
            [&dialog](ChangeActionDialog *opened) { dialog = opened; });
    m_controller->requestChange(ReviewedChange::StartMaintenance, ids);
    QTRY_VERIFY_WITH_TIMEOUT(dialog, kWaitMs);
    QCOMPARE(dialog->review().targetIds(), ids);
    QCOMPARE(dialog->desktopList()->model()->rowCount(), 2);
    dialog->confirmButton()->click();
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(refresh.size(), 1);
    QCOMPARE(auditEvents(), (QStringList{QStringLiteral("intent"), QStringLiteral("done")}));
    for (const Desktop &desktop : listAllDesktops(m_client.get(), kWaitMs)) {
        if (ids.contains(desktop.id))
            QVERIFY(desktop.inMaintenanceMode);
    }
}

void TestDeletionController::usersOfAFilteredTableAreLookedUpInTheProject()
{
    useSimulatorOf(80);
    // A user with two desktops, of which the table (filtered on the server) shows one.
    QHash<QString, QList<Desktop>> byUser;
    for (const Desktop &desktop : listAllDesktops(m_client.get(), kWaitMs)) {
        if (!desktop.userName.isEmpty() && !desktop.isConnected() && desktop.billingMode != BillingMode::YearlyMonthly
            && !desktop.isBeingDeleted())
            byUser[desktop.userName].append(desktop);
    }
    QString user;
    for (auto it = byUser.cbegin(); it != byUser.cend() && user.isEmpty(); ++it) {
        if (it->size() >= 2)
            user = it.key();
    }
    QVERIFY(!user.isEmpty());
    const Desktop selected = byUser.value(user).constFirst();
    DesktopLoader loader(m_desktops.get());
    loader.setClient(m_client.get());
    DesktopQuery query;
    query.desktopIds = {selected.id};
    loader.setQuery(query);
    QSignalSpy loaded(&loader, &DesktopLoader::loadingFinished);
    loader.load();
    QVERIFY(loaded.wait(kWaitMs));
    QCOMPARE(m_desktops->rowCount(), 1);
    m_controller->setConnection(connection(), m_client.get());

    const auto openDialog = [this, &selected]() -> DeletionDialog * {
        QSignalSpy prepared(m_controller.get(), &DeletionController::preparationFinished);
        m_controller->requestDeletion({selected.id});
        if (!prepared.wait(kWaitMs))
            return nullptr;
        return m_controller->dialog();
    };
    DeletionDialog *dialog = openDialog();
    QVERIFY(dialog);
    // Nothing is looked up until *Also delete users* matters.
    const int listingsBefore = m_simulator->requestCount("GET", QStringLiteral("desktops/detail"));
    QCoreApplication::processEvents();
    QCOMPARE(m_simulator->requestCount("GET", QStringLiteral("desktops/detail")), listingsBefore);
    QVERIFY(dialog->usersText().isEmpty());

    // The users' section says while it looks the users up that the list may be incomplete.
    dialog->deleteUsersBox()->setChecked(true);
    QVERIFY(dialog->usersSection()->isVisibleTo(dialog));
    QVERIFY2(dialog->usersText().contains(QLatin1String("may be incomplete")), qPrintable(dialog->usersText()));
    // The table alone would have the user removed; the project's listing keeps them.
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->usersText().contains(QLatin1String("may be incomplete")), kWaitMs);
    QVERIFY2(dialog->usersText().contains(QStringLiteral("Users kept (they have another desktop): ") + user),
             qPrintable(dialog->usersText()));
    QVERIFY(!dialog->usersText().contains(QLatin1String("Users removed")));
    QVERIFY(m_simulator->requestCount("GET", QStringLiteral("desktops/detail")) > listingsBefore);
    dialog->reject();
    QTRY_VERIFY(!m_controller->dialog());

    // A failed look-up says that the impact on users is unknown: the user is named, but neither as
    // removed nor as kept.
    dialog = openDialog();
    QVERIFY(dialog);
    SimulatorFaults faults;
    faults.malformedJson = true;
    faults.pathFilter = QStringLiteral("desktops/detail");
    m_simulator->setFaults(faults);
    dialog->deleteUsersBox()->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->usersText().contains(QLatin1String("could not all be listed")), kWaitMs);
    QVERIFY2(dialog->usersText().contains(QLatin1String("impact unknown")), qPrintable(dialog->usersText()));
    QVERIFY(dialog->usersText().contains(user));
    QVERIFY(!dialog->usersText().contains(QLatin1String("Users removed")));
    QVERIFY(!dialog->usersText().contains(QLatin1String("Users kept")));
    // Unticked, the users and what is said of them are hidden together.
    dialog->deleteUsersBox()->setChecked(false);
    QVERIFY(dialog->usersText().isEmpty());
    QVERIFY(dialog->usersSection()->isHidden());
    dialog->deleteUsersBox()->setChecked(true);
    QVERIFY(dialog->usersText().contains(QLatin1String("could not all be listed")));
    m_simulator->setFaults({});
}

void TestDeletionController::lookedUpStateReachesTheTableBeforeTheChangeStarts()
{
    QVERIFY(loadTable());
    const QStringList ids = plainDesktops(2, [](const Desktop &desktop) { return !desktop.inMaintenanceMode; });
    QCOMPARE(ids.size(), 2);
    // The service's state moves on after the table was listed: the look-up sees it, the table not yet.
    auto *maintenance = new SetMaintenanceModeCall(m_client.get(), {ids.at(0)}, true, this);
    QSignalSpy changed(maintenance, &ApiCall::finished);
    maintenance->start();
    QVERIFY(changed.wait(kWaitMs));
    QVERIFY(!m_desktops->desktopAt(m_desktops->rowOf(ids.at(0))).inMaintenanceMode);

    // Confirmed the moment the dialog opens, before the look-up's rows are due in the table: they
    // reach it before the run starts, never afterwards over what the run marks.
    m_controller->setConnection(connection(), m_client.get());
    connect(m_controller.get(), &DeletionController::dialogOpened, this, [](DeletionDialog *dialog) {
        dialog->confirmationField()->setText(QStringLiteral("2"));
        dialog->deleteButton()->click();
    });
    bool lookedUpStateShownAtStart = false;
    connect(m_controller.get(), &DeletionController::runStarted, this, [&] {
        lookedUpStateShownAtStart = m_desktops->desktopAt(m_desktops->rowOf(ids.at(0))).inMaintenanceMode;
    });
    QSignalSpy started(m_controller.get(), &DeletionController::runStarted);
    m_controller->requestDeletion(ids);
    QVERIFY(started.wait(kWaitMs));
    QVERIFY(lookedUpStateShownAtStart);
    QSignalSpy finished(m_controller.get(), &DeletionController::runFinished);
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(m_controller->runs().constLast()->result().summaryText(), QStringLiteral("2 deleted"));
}

QTEST_MAIN(TestDeletionController)
#include "tst_deletioncontroller.moc"
