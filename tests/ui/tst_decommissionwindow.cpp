// The window's decommissioning views and actions against the in-process simulator: usage
// statistics loaded after the listing (idle days, hours of use, "No data" for desktops too new to
// have any), the idle filter, a new period loading the statistics again, the pools by name, and
// maintenance mode and log-off for the selection, confirmed and audited, and the status bar's Cancel
// stopping the statistics.

#include "widgetbyname.h"
#include "changeactiondialog.h"
#include "deletioncontroller.h"
#include "desktopfilterproxy.h"
#include "desktoploader.h"
#include "desktoptablemodel.h"
#include "mainwindow.h"
#include "simulatortestsupport.h"
#include "windowsimulatorsupport.h"

#include "deletion/auditlog.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QMessageBox>
#include <QTreeView>
#include <QPushButton>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

namespace {
// Clicks the confirmation's action button once the question is open.
bool confirmQuestion(const MainWindow &window)
{
    ChangeActionDialog *box = nullptr;
    if (!QTest::qWaitFor([&] { return (box = window.findChild<ChangeActionDialog *>(QStringLiteral("decommissionQuestion"))) != nullptr; }))
        return false;
    auto *go = box->findChild<QPushButton *>(QStringLiteral("decommissionConfirmButton"));
    if (!go)
        return false;
    go->click();
    return true;
}

const QString kAccessKey = QStringLiteral("DECOMMISSIONWINDOWKEY");
const QString kSecretKey = QStringLiteral("decommission-window-secret");
constexpr int kWaitMs = 20000;
} // namespace

class TestDecommissionWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void maintenanceAndLogoffForTheSelection()
    {
        WorkspaceSimulator simulator(simulatorConfig(kAccessKey, kSecretKey, 150, 100));
        QVERIFY(simulator.listen());
        QTemporaryDir dir;
        MainWindow window;
        auto *start = byName<QAction>(window, "startMaintenanceAction");
        auto *end = byName<QAction>(window, "endMaintenanceAction");
        auto *logoff = byName<QAction>(window, "logoffAction");
        QVERIFY(!start->isEnabled() && !end->isEnabled() && !logoff->isEnabled());
        QVERIFY(!start->icon().isNull() && !end->icon().isNull() && !logoff->icon().isNull());
        QSignalSpy loaded(&window, &MainWindow::desktopsLoaded);
        window.connectTo(simulatorConnection(simulator, dir.path()));
        QVERIFY(loaded.wait(kWaitMs));
        QVERIFY(!start->isEnabled()); // nothing selected

        // 120 desktops not in maintenance: two requests (100 and 20).
        const DesktopTableModel *model = window.desktopModel();
        QStringList ids;
        for (int row = 0; row < model->rowCount() && ids.size() < 120; ++row) {
            const Desktop desktop = model->desktopAt(row);
            if (!desktop.inMaintenanceMode && !desktop.isBeingDeleted())
                ids.append(desktop.id);
        }
        QCOMPARE(ids.size(), 120);
        QCOMPARE(window.selectDesktopIds(ids), 120);
        // None of them is in maintenance mode: End Maintenance would leave every one out.
        QTRY_VERIFY(start->isEnabled() && !end->isEnabled() && logoff->isEnabled());
        start->trigger();
        QVERIFY(confirmQuestion(window));
        QVERIFY(!start->isEnabled()); // one run at a time
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 2, kWaitMs); // the refresh after the run
        QCOMPARE(simulator.requestCount("PUT", QStringLiteral("maintenance-mode")), 2);
        for (const QString &id : std::as_const(ids))
            QCOMPARE(model->index(model->rowOf(id), DesktopTableModel::MaintenanceColumn).data().toString(),
                     QStringLiteral("Yes"));
        byName<QComboBox>(window, "maintenanceFilter")->setCurrentIndex(1); // in maintenance
        QVERIFY(window.filterProxy()->rowCount() >= 120);

        // Log-off asks for the message first; cancelling the question sends nothing.
        QCOMPARE(window.selectDesktopIds(ids.mid(0, 3)), 3);
        QTRY_VERIFY(logoff->isEnabled());
        logoff->trigger();
        QInputDialog *message = nullptr;
        QTRY_VERIFY((message = window.findChild<QInputDialog *>(QStringLiteral("logoffMessageDialog"))) != nullptr);
        // The field counts what is left of the service's 255 characters and goes no further with
        // a message the service would refuse.
        QPushButton *go = message->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        message->setTextValue(QString(300, QLatin1Char('x')));
        QVERIFY(!go->isEnabled());
        QVERIFY2(message->labelText().contains(QLatin1String("300")), qPrintable(message->labelText()));
        message->setTextValue(QStringLiteral("   "));
        QVERIFY(!go->isEnabled());
        message->setTextValue(QStringLiteral("Retiring this desktop today."));
        QVERIFY(go->isEnabled());
        QVERIFY2(message->labelText().contains(QLatin1String("227 character")), qPrintable(message->labelText()));
        message->accept();
        ChangeActionDialog *question = nullptr;
        QTRY_VERIFY((question = window.findChild<ChangeActionDialog *>(QStringLiteral("decommissionQuestion"))) != nullptr);
        QVERIFY(question->headingText().contains(QLatin1String("3")));
        // The desktops by name and id, and the message the users see.
        QCOMPARE(question->desktopList()->model()->rowCount(), 3);
        QVERIFY(question->previewText().contains(QStringLiteral("Retiring this desktop today.")));
        question->cancelButton()->click();
        QTRY_VERIFY(!window.findChild<ChangeActionDialog *>(QStringLiteral("decommissionQuestion")));
        QCOMPARE(simulator.requestCount("POST", QStringLiteral("logoff")), 0);
        logoff->trigger();
        QTRY_VERIFY((message = window.findChild<QInputDialog *>(QStringLiteral("logoffMessageDialog"))) != nullptr);
        message->accept();
        QVERIFY(confirmQuestion(window));
        QTRY_VERIFY_WITH_TIMEOUT(simulator.requestCount("POST", QStringLiteral("logoff")) == 1, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(logoff->isEnabled(), kWaitMs);

        // Each request is in the audit log with its outcome.
        QFile audit(dir.filePath(QStringLiteral("audit.jsonl")));
        QVERIFY2(audit.open(QIODevice::ReadOnly), qPrintable(audit.fileName()));
        const QByteArray log = audit.readAll();
        QCOMPARE(log.count("\"kind\":\"maintenance_on\""), 4); // the intent of each request and its outcome
        QCOMPARE(log.count("\"kind\":\"logoff\""), 2);
        QCOMPARE(log.count("\"event\":\"intent\""), 3);
        QCOMPARE(log.count("\"event\":\"done\""), 3);
    }

    // The window's Cancel: the request on the wire is let finish, the rest of the change is not sent
    // and is recorded as not sent.
    void cancelStopsTheRunningChange()
    {
        WorkspaceSimulator simulator(simulatorConfig(kAccessKey, kSecretKey, 150, 100));
        QVERIFY(simulator.listen());
        SimulatorFaults faults;
        faults.latencyMs = 1000; // the first request is still on the wire when Cancel comes
        faults.pathFilter = QStringLiteral("maintenance-mode");
        simulator.setFaults(faults);
        QTemporaryDir dir;
        MainWindow window;
        auto *start = byName<QAction>(window, "startMaintenanceAction");
        auto *cancel = byName<QAction>(window, "cancelChangeAction");
        QVERIFY(!cancel->isEnabled());
        QSignalSpy loaded(&window, &MainWindow::desktopsLoaded);
        window.connectTo(simulatorConnection(simulator, dir.path()));
        QVERIFY(loaded.wait(kWaitMs));
        const DesktopTableModel *model = window.desktopModel();
        QStringList ids;
        for (int row = 0; row < model->rowCount() && ids.size() < 120; ++row) {
            const Desktop desktop = model->desktopAt(row);
            if (!desktop.inMaintenanceMode && !desktop.isBeingDeleted())
                ids.append(desktop.id);
        }
        QCOMPARE(window.selectDesktopIds(ids), 120);
        QTRY_VERIFY(start->isEnabled());
        start->trigger();
        QVERIFY(confirmQuestion(window));
        QVERIFY(cancel->isEnabled());
        // The intent is written just before the request leaves: then it is on the wire.
        const QString auditPath = AuditLog::defaultFilePath(dir.path());
        QTRY_VERIFY_WITH_TIMEOUT(!AuditLog::readEntries(auditPath).isEmpty(), kWaitMs);
        cancel->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(start->isEnabled() && !cancel->isEnabled(), kWaitMs);
        QCOMPARE(simulator.requestCount("PUT", QStringLiteral("maintenance-mode")), 1);
        QStringList events;
        for (const QJsonObject &entry : AuditLog::readEntries(auditPath))
            events.append(entry.value(QStringLiteral("event")).toString());
        QCOMPARE(events, (QStringList{QStringLiteral("intent"), QStringLiteral("not_sent"), QStringLiteral("done")}));
    }

    void usageFollowsTheListingAndThePeriod()
    {
        WorkspaceSimulator simulator(simulatorConfig(kAccessKey, kSecretKey, 120, 100));
        QVERIFY(simulator.listen());
        QTemporaryDir dir;
        MainWindow window;
        const ResolvedConnection connection = simulatorConnection(simulator, dir.path());
        QSignalSpy usage(window.loader(), &DesktopLoader::usageLoaded);
        QSignalSpy pools(window.loader(), &DesktopLoader::poolsLoaded);
        window.connectTo(connection);
        QVERIFY(usage.wait(kWaitMs));
        QVERIFY(!usage.at(0).at(0).value<ApiError>().isError());
        QCOMPARE(simulator.requestCount("GET", QStringLiteral("metrics")) > 0, true);
        QTRY_VERIFY_WITH_TIMEOUT(!pools.isEmpty(), kWaitMs);
        QVERIFY(!pools.at(0).at(1).value<ApiError>().isError());
        QVERIFY(!window.loader()->pools().isEmpty());
        QCOMPARE(window.deletionController()->pools().size(), window.loader()->pools().size());

        const DesktopTableModel *model = window.desktopModel();
        QCOMPARE(model->rowCount(), 120);
        int withData = 0;
        int maxIdle = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            QString idle = model->index(row, DesktopTableModel::IdleDaysColumn).data().toString();
            // Idle beyond the 30 days of the period is "more than 30", never a larger number.
            if (idle.startsWith(QLatin1String("more than ")))
                idle = idle.mid(10);
            bool isNumber = false;
            const int days = idle.toInt(&isNumber);
            QVERIFY2(isNumber || idle == QLatin1String("No data"), qPrintable(idle));
            QVERIFY(!isNumber || days <= 30);
            if (isNumber) {
                ++withData;
                maxIdle = std::max(maxIdle, days);
            }
        }
        QVERIFY(withData > 0);
        // A desktop of a pool is shown by the pool's name.
        const DesktopPool &pool = window.loader()->pools().constFirst();
        bool poolShown = false;
        for (int row = 0; row < model->rowCount() && !poolShown; ++row) {
            if (model->desktopAt(row).poolId == pool.id)
                poolShown = model->index(row, DesktopTableModel::PoolColumn).data().toString() == pool.name;
        }
        QVERIFY(poolShown);
        QVERIFY(maxIdle > 0);
        QVERIFY(byName<QLabel>(window, "usageLabel")->text().contains(QLatin1String("30")));

        // "Idle at least" hides the less idle and those without data.
        auto *idleFilter = byName<QSpinBox>(window, "idleFilter");
        idleFilter->setValue(maxIdle);
        QVERIFY(window.filterProxy()->rowCount() >= 1);
        QVERIFY(window.filterProxy()->rowCount() < withData + 1);
        idleFilter->setValue(0);
        QCOMPARE(window.filterProxy()->rowCount(), 120);

        // Another period loads the statistics again.
        const int requestsBefore = simulator.requestCount("GET", QStringLiteral("metrics"));
        auto *period = byName<QComboBox>(window, "usagePeriod");
        period->setCurrentIndex(period->findData(180));
        QVERIFY(usage.wait(kWaitMs));
        QVERIFY(simulator.requestCount("GET", QStringLiteral("metrics")) > requestsBefore);
        QVERIFY(byName<QLabel>(window, "usageLabel")->text().contains(QLatin1String("180")));
    }

    void cancelStopsTheUsageStatistics()
    {
        WorkspaceSimulator simulator(simulatorConfig(kAccessKey, kSecretKey, 30, 100));
        QVERIFY(simulator.listen());
        // The listing answers; the statistics loaded after it never do, until cancelled.
        SimulatorFaults faults;
        faults.neverAnswer = true;
        faults.pathFilter = QStringLiteral("metrics");
        simulator.setFaults(faults);
        QTemporaryDir dir;
        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::desktopsLoaded);
        QSignalSpy usage(window.loader(), &DesktopLoader::usageLoaded);
        window.connectTo(simulatorConnection(simulator, dir.path()));
        QVERIFY(loaded.wait(kWaitMs));
        QVERIFY(window.loader()->isLoadingUsage());
        QTRY_VERIFY_WITH_TIMEOUT(simulator.requestCount("GET", QStringLiteral("metrics")) > 0, kWaitMs);

        auto *cancel = byName<QPushButton>(window, "cancelLoadingButton");
        QVERIFY(!cancel->isHidden()); // the listing is done, the usage is not
        cancel->click();
        QCOMPARE(usage.size(), 1);
        QCOMPARE(usage.constFirst().constFirst().value<ApiError>().kind, ApiError::Kind::Cancelled);
        QVERIFY(!window.loader()->isLoadingUsage());
        QVERIFY(cancel->isHidden());
        QVERIFY(byName<QLabel>(window, "usageLabel")->text().contains(QLatin1String("stopped")));
        QVERIFY2(window.statusBar()->currentMessage().contains(QLatin1String("usage statistics cancelled")),
                 qPrintable(window.statusBar()->currentMessage()));
        QCOMPARE(window.desktopModel()->rowCount(), 30); // the listing stays
        simulator.setFaults({});
    }
};

QTEST_MAIN(TestDecommissionWindow)
#include "tst_decommissionwindow.moc"
