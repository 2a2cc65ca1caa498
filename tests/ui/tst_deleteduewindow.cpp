// Delete Due Desktops in the window against the simulator's demo examples: the search's progress,
// the same deletion dialog on the due desktop alone with the one used during its grace period
// listed as kept with the reason, the deletion carried out and recorded; Cancel ending the search;
// and a project with nothing retiring saying so.
#include "deletioncontroller.h"
#include "deletiondialog.h"
#include "keptdesktopssection.h"
#include "mainwindow.h"
#include "simulatortestsupport.h"
#include "widgetbyname.h"
#include "windowsimulatorsupport.h"

#include "deletion/auditlog.h"
#include "review/duedeletionpreparation.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

namespace {
const QString kAccessKey = QStringLiteral("DELETEDUEWINDOWKEY");
const QString kSecretKey = QStringLiteral("delete-due-window-secret");
constexpr int kWaitMs = 20000;
} // namespace

class TestDeleteDueWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void theDueDesktopIsDeletedAndTheUsedOneKept();
    void cancelEndsTheSearch();
    void nothingRetiringSaysSo();

private:
    bool startWindow(bool retiringExamples);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<WorkspaceSimulator> m_simulator;
    std::unique_ptr<MainWindow> m_window;
};

void TestDeleteDueWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    qRegisterMetaType<QMessageBox*>();
}

void TestDeleteDueWindow::cleanup()
{
    m_window.reset();
    m_simulator.reset();
    m_dir.reset();
}

bool TestDeleteDueWindow::startWindow(bool retiringExamples)
{
    SimulatorConfig config = simulatorConfig(kAccessKey, kSecretKey, 30, 100);
    config.retiringExamples = retiringExamples;
    m_simulator = std::make_unique<WorkspaceSimulator>(config);
    if (!m_simulator->listen())
        return false;
    m_window = std::make_unique<MainWindow>();
    useTestPace(*m_window->deletionController());
    QSignalSpy loaded(m_window.get(), &MainWindow::desktopsLoaded);
    m_window->connectTo(simulatorConnection(*m_simulator, m_dir->path()));
    return loaded.wait(kWaitMs);
}

void TestDeleteDueWindow::theDueDesktopIsDeletedAndTheUsedOneKept()
{
    QVERIFY(startWindow(true));
    auto* deleteDue = byName<QAction>(*m_window, "deleteDueAction");
    // Of the project, not of the selection: enabled with nothing selected.
    QTRY_VERIFY(deleteDue->isEnabled());
    const int desktopsBefore = m_simulator->desktopCount();

    QSignalSpy prepared(m_window->deletionController(), &DeletionController::preparationFinished);
    deleteDue->trigger();
    // The search shows its progress with Cancel while it runs.
    QVERIFY(m_window->findChild<QProgressDialog*>(QStringLiteral("dueDeletionProgress")));
    QVERIFY(prepared.wait(kWaitMs));
    QCOMPARE(prepared.constFirst().constFirst().toInt(), 1);
    QTRY_VERIFY(!m_window->findChild<QProgressDialog*>(QStringLiteral("dueDeletionProgress")));

    // The same deletion dialog, on the due desktop alone.
    DeletionDialog* dialog = m_window->deletionController()->dialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->desktopIds().size(), 1);
    const QString dueId = dialog->desktopIds().constFirst();
    // Beside it, the one used during its grace period, kept with the reason.
    auto* kept = dialog->findChild<KeptDesktopsSection*>(QStringLiteral("keptDesktopsSection"));
    QVERIFY(kept);
    QCOMPARE(kept->kept().size(), 1);
    QCOMPARE(kept->kept().constFirst().verdict, DueDeletion::Verdict::LoggedInSinceRetirement);
    QVERIFY(kept->kept().constFirst().desktopId != dueId);
    QCOMPARE(kept->list()->model()->rowCount(), 1);
    const QString reason = kept->list()->model()->index(0, 2).data().toString();
    QVERIFY2(reason.contains(QLatin1String("logged in")), qPrintable(reason));
    QVERIFY2(kept->summaryText().startsWith(QLatin1String("3 retiring desktop")),
        qPrintable(kept->summaryText()));
    QVERIFY(kept->warningsText().isEmpty());

    // Confirmed as any deletion: the typed count, then Delete.
    QTest::keyClicks(dialog->confirmationField(), QStringLiteral("1"));
    QVERIFY(dialog->deleteButton()->isEnabled());
    QSignalSpy finished(m_window->deletionController(), &DeletionController::runFinished);
    QTest::mouseClick(dialog->deleteButton(), Qt::LeftButton);
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 1);
    QCOMPARE(m_simulator->desktopCount(), desktopsBefore - 1);
    const DeletionRun* run = m_window->deletionController()->runs().constLast();
    QCOMPARE(run->plan().desktopIds(), QStringList { dueId });

    // Recorded like every deletion.
    QFile audit(AuditLog::defaultFilePath(m_dir->path()));
    QVERIFY2(audit.open(QIODevice::ReadOnly), qPrintable(audit.fileName()));
    QVERIFY(audit.readAll().contains(dueId.toUtf8()));
}

void TestDeleteDueWindow::cancelEndsTheSearch()
{
    QVERIFY(startWindow(true));
    auto* deleteDue = byName<QAction>(*m_window, "deleteDueAction");
    QTRY_VERIFY(deleteDue->isEnabled());
    QSignalSpy prepared(m_window->deletionController(), &DeletionController::preparationFinished);
    deleteDue->trigger();
    auto* progress = m_window->findChild<QProgressDialog*>(QStringLiteral("dueDeletionProgress"));
    QVERIFY(progress);
    QPushButton* cancel = progress->findChild<QPushButton*>();
    QVERIFY(cancel);
    cancel->click();
    QVERIFY(prepared.count() == 1 || prepared.wait(kWaitMs));
    QCOMPARE(prepared.constFirst().constFirst().toInt(), 0);
    QVERIFY(!m_window->deletionController()->dialog());
    QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 0);
}

void TestDeleteDueWindow::nothingRetiringSaysSo()
{
    QVERIFY(startWindow(false));
    auto* deleteDue = byName<QAction>(*m_window, "deleteDueAction");
    QTRY_VERIFY(deleteDue->isEnabled());
    QSignalSpy message(
        m_window->deletionController(), &DeletionController::dueDeletionMessageOpened);
    deleteDue->trigger();
    QVERIFY(message.wait(kWaitMs));
    auto* box = m_window->findChild<QMessageBox*>(QStringLiteral("nothingDueMessage"));
    QVERIFY(box);
    QVERIFY2(box->text().contains(QLatin1String("No desktop of the project is retiring.")),
        qPrintable(box->text()));
    QVERIFY(!m_window->deletionController()->dialog());
    // No log-in records are read when nobody could go.
    QCOMPARE(m_simulator->requestCount("GET", QStringLiteral("connections/desktops")), 0);
    box->close();
}

QTEST_MAIN(TestDeleteDueWindow)
#include "tst_deleteduewindow.moc"
