// The window's deletion of desktops of two regions through the deletion controller (no window):
// one dialog whose heading groups the desktops by region, its counts and preview each project's
// own, and once confirmed one run per project in the Jobs panel, each request to its own project
// and endpoint. *Also delete users* looks each project's users up in that project, lists them
// under their region, and reaches each project's request as ticked.
#include "changeactiondialog.h"
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
#include "deletion/auditlog.h"
#include "deletion/deletionrun.h"
#include "deletion/jobjournal.h"
#include "review/multiprojectchange.h"

#include <QAction>
#include <QCheckBox>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTreeView>
#include <QTest>

#include <memory>

namespace {
const QString kAccessKey = QStringLiteral("ACROSSPROJECTSAK001");
const QString kSecretKey = QStringLiteral("across-projects-secret");
constexpr int kWaitMs = 30000;

bool changeable(const Desktop& desktop)
{
    return desktop.taskStatus.isEmpty() && desktop.billingMode != BillingMode::YearlyMonthly
        && !desktop.inMaintenanceMode && !desktop.isConnected() && !desktop.userName.isEmpty();
}

// A changeable desktop whose user has another desktop in its project, or whose user has none.
std::optional<Desktop> desktopOfUserWith(const QList<Desktop>& desktops, bool hasOtherDesktops)
{
    QHash<QString, int> perUser;
    for (const Desktop& desktop : desktops)
        ++perUser[desktop.userName];
    for (const Desktop& desktop : desktops) {
        if (changeable(desktop) && (perUser.value(desktop.userName) > 1) == hasOtherDesktops)
            return desktop;
    }
    return std::nullopt;
}

bool deletesUsers(const WorkspaceSimulator::ReceivedRequest& request)
{
    return QJsonDocument::fromJson(request.body)
        .object()
        .value(QStringLiteral("delete_users"))
        .toBool(false);
}
} // namespace

class TestAcrossProjectsDeletion : public QObject, private ControllerAgainstSimulator {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void oneDialogGroupsTheRegionsAndEachProjectDeletesItsOwn();
    void maintenanceAcrossRegionsRunsProjectAfterProject();
    void theWindowOfEveryRegionDeletesAcrossThem();
    void retirementAcrossRegionsRunsProjectAfterProject();
    void deleteUsersListsEachRegionsUsersAndBothProjectsDeleteThem();
    void deleteUsersOfARegionWhoseLookUpFailsIsOfUnknownImpact();
    void deleteUsersUntickedAgainSendsNoUserDeletion();

private:
    AccountAccess access();
    // Opens the dialog on a desktop of the north whose user has another desktop there (kept)
    // and one of the second region whose user has none (removed).
    DeletionDialog* openDialogOnUsers();
    QList<Desktop> listed(const WorkspaceSimulator& project);
    QList<WorkspaceSimulator::ReceivedRequest> northDeletes() const;
    QList<WorkspaceSimulator::ReceivedRequest> asiaDeletes() const;
    // Confirms the two desktops: each project's preview and its one request say delete_users as
    // `deleteUsers`.
    void confirmSendingDeleteUsers(DeletionDialog* dialog, bool deleteUsers);
    Desktop m_kept;
    Desktop m_removed;
};

void TestAcrossProjectsDeletion::initTestCase()
{
    useTestLocations(QStringLiteral("tst_acrossprojectsdeletion"));
}

void TestAcrossProjectsDeletion::init()
{
    m_asia = startTwoRegions(m_simulator, kAccessKey, kSecretKey, 12, 9);
    QVERIFY(m_asia);
    ResolvedConnection connection = simulatorConnection(*m_simulator, m_dir.path());
    connection.region = m_simulator->config().region;
    QVERIFY(startController(connection));
    m_controller->setConnection(connection, m_client.get());
}

void TestAcrossProjectsDeletion::cleanup()
{
    stopController();
}

AccountAccess TestAcrossProjectsDeletion::access()
{
    return simulatorAccountAccess(*m_simulator, &m_network);
}

void TestAcrossProjectsDeletion::oneDialogGroupsTheRegionsAndEachProjectDeletesItsOwn()
{
    const QStringList north
        = changeableDesktopIds(*m_simulator, *m_simulator, &m_network, 2, kWaitMs);
    const QStringList asia = changeableDesktopIds(*m_simulator, *m_asia, &m_network, 1, kWaitMs);
    QCOMPARE(north.size() + asia.size(), 3);
    QList<ProjectDesktopId> desktops;
    for (const QString& id : north)
        desktops.append({ m_simulator->config().projectId, id });
    desktops.append({ kSecondRegionProjectId, asia.first() });

    QSignalSpy opened(m_controller.get(), &DeletionController::dialogOpened);
    m_controller->requestAcrossProjects(
        ReviewedChange::Delete, desktops, twoRegionProjects(*m_simulator), access());
    QVERIFY(opened.wait(kWaitMs));
    auto* dialog = opened.first().first().value<DeletionDialog*>();
    QVERIFY(dialog && dialog->acrossProjects());
    QVERIFY2(dialog->headingText().contains(QStringLiteral("in cn-north-4"))
            && dialog->headingText().contains(QStringLiteral("1 in ap-southeast-3")),
        qPrintable(dialog->headingText()));
    QCOMPARE(dialog->desktopIds(), north + asia);
    // Two requests, one a project: the counts and the preview say each project's own.
    QVERIFY2(dialog->countsText().contains(QStringLiteral("2 request")),
        qPrintable(dialog->countsText()));
    QVERIFY(
        dialog->previewText().contains(QStringLiteral("localhost:%1/v2/%2/desktops/batch-delete")
                                           .arg(m_simulator->port())
                                           .arg(kSecondRegionProjectId)));
    // Left unticked: no project is asked to delete users.
    QVERIFY(dialog->deleteUsersBox()->isEnabled());
    QVERIFY(!dialog->deleteUsersBox()->isChecked());
    dialog->emailBox()->setChecked(false);

    QSignalSpy runs(m_controller.get(), &DeletionController::runStarted);
    dialog->confirmationField()->setText(QStringLiteral("3"));
    QVERIFY(dialog->deleteButton()->isEnabled());
    dialog->deleteButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(runs.size(), 2, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_controller->activeRunCount(), 0, kWaitMs);
    QCOMPARE(m_jobs->runCount(), 2);

    const auto northPosts = m_simulator->receivedRequests(
        "POST", m_simulator->config().projectId + QStringLiteral("/desktops/batch-delete"));
    const auto asiaPosts = m_asia->receivedRequests("POST", QStringLiteral("batch-delete"));
    QCOMPARE(northPosts.size(), 1);
    QCOMPARE(asiaPosts.size(), 1);
    QCOMPARE(asiaPosts.first().host, QStringLiteral("localhost:%1").arg(m_simulator->port()));
    for (const auto& post : northPosts + asiaPosts)
        QCOMPARE(QJsonDocument::fromJson(post.body)
                     .object()
                     .value(QStringLiteral("delete_users"))
                     .toBool(true),
            false);
    // The choice made in the dialog went to both projects.
    const QList<QJsonObject> entries
        = AuditLog::readEntries(AuditLog::defaultFilePath(m_dir.path()));
    QStringList regions;
    for (const QJsonObject& entry : entries) {
        if (entry.value(QStringLiteral("event")).toString() != QLatin1String("intent"))
            continue;
        regions.append(entry.value(QStringLiteral("region")).toString());
        QCOMPARE(entry.value(QStringLiteral("parameters"))
                     .toObject()
                     .value(QStringLiteral("email_notification"))
                     .toBool(),
            false);
    }
    QCOMPARE(regions, (QStringList { m_simulator->config().region, kSecondRegion }));
}

void TestAcrossProjectsDeletion::maintenanceAcrossRegionsRunsProjectAfterProject()
{
    const QStringList north
        = changeableDesktopIds(*m_simulator, *m_simulator, &m_network, 1, kWaitMs);
    const QStringList asia = changeableDesktopIds(*m_simulator, *m_asia, &m_network, 2, kWaitMs);
    const QList<ProjectDesktopId> desktops { { m_simulator->config().projectId, north.first() },
        { kSecondRegionProjectId, asia.at(0) }, { kSecondRegionProjectId, asia.at(1) } };

    QSignalSpy opened(m_controller.get(), &DeletionController::actionDialogOpened);
    m_controller->requestAcrossProjects(
        ReviewedChange::StartMaintenance, desktops, twoRegionProjects(*m_simulator), access());
    QVERIFY(opened.wait(kWaitMs));
    auto* dialog = opened.first().first().value<ChangeActionDialog*>();
    QVERIFY2(dialog->headingText().contains(QStringLiteral("in cn-north-4"))
            && dialog->headingText().contains(QStringLiteral("2 in ap-southeast-3")),
        qPrintable(dialog->headingText()));
    QVERIFY(dialog->previewText().contains(QStringLiteral("localhost:%1/v2/%2/")
                                               .arg(m_simulator->port())
                                               .arg(kSecondRegionProjectId)));

    QSignalSpy started(m_controller.get(), &DeletionController::actionStarted);
    QSignalSpy finished(m_controller.get(), &DeletionController::actionFinished);
    dialog->confirmButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kWaitMs);
    QCOMPARE(started.size(), 2);
    const auto asiaPuts = m_asia->receivedRequests("PUT", QStringLiteral("maintenance"));
    QCOMPARE(asiaPuts.size(), 1);
    QCOMPARE(asiaPuts.first().host, QStringLiteral("localhost:%1").arg(m_simulator->port()));
    QCOMPARE(m_simulator
                 ->receivedRequests("PUT",
                     m_simulator->config().projectId + QStringLiteral("/desktops/maintenance"))
                 .size(),
        1);
}

void TestAcrossProjectsDeletion::theWindowOfEveryRegionDeletesAcrossThem()
{
    const QStringList north
        = changeableDesktopIds(*m_simulator, *m_simulator, &m_network, 1, kWaitMs);
    const QStringList asia = changeableDesktopIds(*m_simulator, *m_asia, &m_network, 1, kWaitMs);
    // Every region of the account, found through the simulator's IAM, all behind its address.
    ResolvedConnection connection = simulatorConnection(*m_simulator, m_dir.path());
    connection.region = m_simulator->config().region;
    connection.iamEndpoint = m_simulator->url();
    connection.explicitEndpoint = true;
    connection.allRegions = true;
    MainWindow window;
    window.setNetworkAccessManager(&m_network);
    window.show();
    QSignalSpy loaded(&window, &MainWindow::desktopsLoaded);
    window.connectTo(connection);
    QVERIFY(loaded.wait(kWaitMs));
    QCOMPARE(window.selectDesktopIds(north + asia), 2);
    auto* deleteAction = window.findChild<QAction*>(QStringLiteral("deleteAction"));
    QTRY_VERIFY(deleteAction->isEnabled());

    QSignalSpy opened(window.deletionController(), &DeletionController::dialogOpened);
    deleteAction->trigger();
    QVERIFY(opened.wait(kWaitMs));
    auto* dialog = opened.first().first().value<DeletionDialog*>();
    QVERIFY(dialog->acrossProjects());
    QVERIFY2(dialog->headingText().contains(QStringLiteral("1 in ap-southeast-3")),
        qPrintable(dialog->headingText()));
    // The window names the connection's own project for a change of one project only.
    QVERIFY2(dialog->targetText().startsWith(QStringLiteral("Projects: "))
            && dialog->targetText().contains(QStringLiteral("ap-southeast-3")),
        qPrintable(dialog->targetText()));
    // Names may repeat from region to region: each desktop's region stands beside it.
    const QAbstractItemModel* list = dialog->desktopList()->model();
    QCOMPARE(list->headerData(1, Qt::Horizontal).toString(), QStringLiteral("Region"));
    QCOMPARE(list->rowCount(), 2);
    for (int row = 0; row < list->rowCount(); ++row) {
        const QString id = list->index(row, 2).data().toString();
        QVERIFY2(north.contains(id) || asia.contains(id), qPrintable(id));
        QCOMPARE(list->index(row, 1).data().toString(),
            asia.contains(id) ? QStringLiteral("ap-southeast-3") : m_simulator->config().region);
    }
    dialog->confirmationField()->setText(QStringLiteral("2"));
    dialog->deleteButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(window.deletionController()->runs().size(), 2, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(window.deletionController()->activeRunCount(), 0, kWaitMs);
    QCOMPARE(m_asia->receivedRequests("POST", QStringLiteral("batch-delete")).size(), 1);
    QCOMPARE(m_simulator
                 ->receivedRequests("POST",
                     m_simulator->config().projectId + QStringLiteral("/desktops/batch-delete"))
                 .size(),
        1);
}

void TestAcrossProjectsDeletion::retirementAcrossRegionsRunsProjectAfterProject()
{
    const QStringList north
        = changeableDesktopIds(*m_simulator, *m_simulator, &m_network, 1, kWaitMs);
    const QStringList asia = changeableDesktopIds(*m_simulator, *m_asia, &m_network, 1, kWaitMs);
    const QList<ProjectDesktopId> desktops { { m_simulator->config().projectId, north.first() },
        { kSecondRegionProjectId, asia.first() } };
    QSignalSpy opened(m_controller.get(), &DeletionController::actionDialogOpened);
    m_controller->requestAcrossProjects(
        ReviewedChange::Retire, desktops, twoRegionProjects(*m_simulator), access());
    QVERIFY(opened.wait(kWaitMs));
    auto* dialog = opened.first().first().value<ChangeActionDialog*>();
    QVERIFY2(dialog->headingText().contains(QStringLiteral("1 in ap-southeast-3")),
        qPrintable(dialog->headingText()));
    QSignalSpy finished(m_controller.get(), &DeletionController::retirementFinished);
    QVERIFY(dialog->confirmButton()->isEnabled());
    dialog->confirmButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kWaitMs);
    const auto asiaPuts = m_asia->receivedRequests("PUT", QStringLiteral("maintenance"));
    QCOMPARE(asiaPuts.size(), 1);
    QCOMPARE(asiaPuts.first().host, QStringLiteral("localhost:%1").arg(m_simulator->port()));
}

QList<Desktop> TestAcrossProjectsDeletion::listed(const WorkspaceSimulator& project)
{
    ClientConfig config = clientConfigFor(*m_simulator);
    config.projectId = project.config().projectId;
    ApiClient client(&m_network, config, Credentials { kAccessKey, kSecretKey, {} });
    return listAllDesktops(&client, kWaitMs);
}

DeletionDialog* TestAcrossProjectsDeletion::openDialogOnUsers()
{
    const std::optional<Desktop> kept = desktopOfUserWith(listed(*m_simulator), true);
    const std::optional<Desktop> removed = desktopOfUserWith(listed(*m_asia), false);
    if (!kept || !removed)
        return nullptr;
    m_kept = *kept;
    m_removed = *removed;
    const QList<ProjectDesktopId> desktops { { m_simulator->config().projectId, m_kept.id },
        { kSecondRegionProjectId, m_removed.id } };
    QSignalSpy opened(m_controller.get(), &DeletionController::dialogOpened);
    m_controller->requestAcrossProjects(
        ReviewedChange::Delete, desktops, twoRegionProjects(*m_simulator), access());
    if (!opened.wait(kWaitMs))
        return nullptr;
    return opened.first().first().value<DeletionDialog*>();
}

QList<WorkspaceSimulator::ReceivedRequest> TestAcrossProjectsDeletion::northDeletes() const
{
    return m_simulator->receivedRequests(
        "POST", m_simulator->config().projectId + QStringLiteral("/desktops/batch-delete"));
}

QList<WorkspaceSimulator::ReceivedRequest> TestAcrossProjectsDeletion::asiaDeletes() const
{
    return m_asia->receivedRequests("POST", QStringLiteral("batch-delete"));
}

void TestAcrossProjectsDeletion::confirmSendingDeleteUsers(DeletionDialog* dialog, bool deleteUsers)
{
    const QRegularExpression choice(QStringLiteral("\"delete_users\": *%1")
            .arg(deleteUsers ? QStringLiteral("true") : QStringLiteral("false")));
    QCOMPARE(dialog->previewText().count(choice), 2);
    QSignalSpy runs(m_controller.get(), &DeletionController::runStarted);
    dialog->confirmationField()->setText(QStringLiteral("2"));
    QVERIFY(dialog->deleteButton()->isEnabled());
    dialog->deleteButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(runs.size(), 2, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_controller->activeRunCount(), 0, kWaitMs);
    QCOMPARE(northDeletes().size(), 1);
    QCOMPARE(asiaDeletes().size(), 1);
    QCOMPARE(deletesUsers(northDeletes().first()), deleteUsers);
    QCOMPARE(deletesUsers(asiaDeletes().first()), deleteUsers);
}

void TestAcrossProjectsDeletion::deleteUsersListsEachRegionsUsersAndBothProjectsDeleteThem()
{
    DeletionDialog* dialog = openDialogOnUsers();
    QVERIFY(dialog && dialog->acrossProjects());
    QVERIFY(dialog->deleteUsersBox()->isEnabled());
    QVERIFY(dialog->usersText().isEmpty());
    const int northListings = m_simulator->requestCount(
        "GET", m_simulator->config().projectId + QStringLiteral("/desktops/detail"));
    const int asiaListings = m_asia->requestCount("GET", QStringLiteral("desktops/detail"));

    dialog->deleteUsersBox()->setChecked(true);
    QVERIFY2(dialog->usersText().contains(QStringLiteral("Looking up")),
        qPrintable(dialog->usersText()));
    QTRY_VERIFY2_WITH_TIMEOUT(!dialog->usersText().contains(QStringLiteral("Looking up")),
        qPrintable(dialog->usersText()), kWaitMs);
    // Each project was asked for its own users' desktops.
    QVERIFY(m_simulator->requestCount(
                "GET", m_simulator->config().projectId + QStringLiteral("/desktops/detail"))
        > northListings);
    QVERIFY(m_asia->requestCount("GET", QStringLiteral("desktops/detail")) > asiaListings);
    // The north's user has another desktop there: kept; the second region's has none: removed.
    const QString users = dialog->usersText();
    QVERIFY2(users.contains(QStringLiteral("cn-north-4: Users kept (they have another desktop): ")
                 + m_kept.userName),
        qPrintable(users));
    QVERIFY2(users.contains(QStringLiteral("ap-southeast-3: Users removed (no other desktop): ")
                 + m_removed.userName),
        qPrintable(users));
    QVERIFY(!users.contains(QStringLiteral("impact unknown")));
    // Each project's request says so, in the preview as on the wire.
    confirmSendingDeleteUsers(dialog, true);
    QVERIFY(m_asia->deletedUsers().contains(m_removed.userName));
    QVERIFY(!m_simulator->deletedUsers().contains(m_kept.userName));
}

void TestAcrossProjectsDeletion::deleteUsersOfARegionWhoseLookUpFailsIsOfUnknownImpact()
{
    DeletionDialog* dialog = openDialogOnUsers();
    QVERIFY(dialog);
    // The second region's listings answer broken JSON from now on: its users cannot be known.
    SimulatorFaults faults;
    faults.malformedJson = true;
    faults.methodFilter = "GET";
    faults.pathFilter = QStringLiteral("desktops/detail");
    m_asia->setFaults(faults);

    dialog->deleteUsersBox()->setChecked(true);
    QTRY_VERIFY2_WITH_TIMEOUT(!dialog->usersText().contains(QStringLiteral("Looking up")),
        qPrintable(dialog->usersText()), kWaitMs);
    const QString users = dialog->usersText();
    QVERIFY2(
        users.contains(
            QStringLiteral("ap-southeast-3: Users who may be removed or kept (impact unknown): ")
            + m_removed.userName),
        qPrintable(users));
    QVERIFY2(users.contains(QStringLiteral("ap-southeast-3: The impact on users is unknown")),
        qPrintable(users));
    // The north's look-up answered: its impact stays known.
    QVERIFY2(users.contains(QStringLiteral("cn-north-4: Users kept (they have another desktop): ")
                 + m_kept.userName),
        qPrintable(users));
    // The combined review names the project whose users could not be listed.
    QVERIFY2(dialog->review().facts().usersFailure.startsWith(QStringLiteral("ap-southeast-3: ")),
        qPrintable(dialog->review().facts().usersFailure));
    m_asia->setFaults({});

    confirmSendingDeleteUsers(dialog, true);
}

void TestAcrossProjectsDeletion::deleteUsersUntickedAgainSendsNoUserDeletion()
{
    DeletionDialog* dialog = openDialogOnUsers();
    QVERIFY(dialog);
    dialog->deleteUsersBox()->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->usersText().isEmpty()
            && !dialog->usersText().contains(QStringLiteral("Looking up")),
        kWaitMs);
    dialog->deleteUsersBox()->setChecked(false);
    QVERIFY(dialog->usersText().isEmpty());
    confirmSendingDeleteUsers(dialog, false);
    QVERIFY(m_asia->deletedUsers().isEmpty());
    QVERIFY(m_simulator->deletedUsers().isEmpty());
}

QTEST_MAIN(TestAcrossProjectsDeletion)
#include "tst_acrossprojectsdeletion.moc"
