// The deletion flow of the window end to end against the in-process simulator over loopback:
// selection → dialog → DeletionRun → jobs panel → refreshed table, plus the failure paths.
#include "widgetbyname.h"
#include "deletioncontroller.h"
#include "deletiondialog.h"
#include "desktoploader.h"
#include "desktoptablemodel.h"
#include "fakenetworkreply.h"
#include "failureexplanation.h"
#include "jobmodel.h"
#include "jobspanel.h"
#include "mainwindow.h"
#include "simulatortestsupport.h"
#include "windowsimulatorsupport.h"
#include "workspacesimulator.h"

#include "deletion/jobjournal.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeView>

namespace {
const QString kAccessKey = QStringLiteral("DELETIONUIAK0000001");
const QString kSecretKey = QStringLiteral("deletion-ui-secret/+=");
constexpr int kWaitMs = 30000;
const QByteArray kEncodedMessage = "c2ltdWxhdGVkIGRlbmlhbA==";

// The real network, except that batch-delete POSTs are refused with a 403 carrying an encoded
// authorization message (the simulator only sends those for a wrong project, which would also
// refuse the listing).
class ForbiddingNetwork : public QNetworkAccessManager
{
public:
    int refusedPosts = 0;
    QByteArray errorCode = "APIGW.0302";
    int status = 403;

protected:
    QNetworkReply *createRequest(Operation operation, const QNetworkRequest &request, QIODevice *data) override
    {
        if (operation != GetOperation && request.url().path().endsWith(QLatin1String("batch-delete"))) {
            ++refusedPosts;
            const QByteArray body = "{\"error_code\":\"" + errorCode + "\",\"error_msg\":\"The IAM user is not "
                                    "authorized\",\"encoded_authorization_message\":\""
                + kEncodedMessage + "\"}";
            return new FakeNetworkReply(operation, request, FakeResponse::json(status, body, "req-forbidden-1"), this);
        }
        return QNetworkAccessManager::createRequest(operation, request, data);
    }
};
} // namespace

class TestDeletionFlow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void deletesInChunksAndShowsTheResult();
    void retryOffersOnlyFailedDesktopsThatStillExist();
    void repeatedConfirmationsNeverSendTwice();
    void forbiddenPostShowsTheEncodedMessage();
    void timeoutAfterSendIsNotResentAndRefreshes();
    void restartResumesAJournalJob();
    void submittedDesktopsAreGreyedAtOnce();
    void resumedPartsStayOneDeletion();
    void protectedDesktopsAreLeftOut();
    void closingWhileDeletingAsksFirst();
    void theQuitQuestionStaysTrue();
    void aDocumentedCodeIsExplainedInTheJobsPanel();
    void aResumedDeletionComesBackWholeWithANotice();
    void progressCountsTheRequests();

private:
    static QStringList sorted(QStringList list)
    {
        list.sort();
        return list;
    }
    std::unique_ptr<MainWindow> makeWindow(QNetworkAccessManager *network = nullptr, int transferTimeoutMs = 5000,
                                           const QStringList &protectedTags = {});
    // Deletable desktops of the loaded table, in model order.
    static QStringList deletableIds(const MainWindow &window, int count, bool (*accept)(const Desktop &) = nullptr);
    // Selects ids, opens the dialog through the Delete action and returns it.
    static DeletionDialog *openDialog(MainWindow &window, const QStringList &ids);
    static void confirm(DeletionDialog *dialog);

    // Jobs that take long enough to watch them run (and to outlive a window).
    bool useSlowJobs();

    QTemporaryDir m_dir;
    std::unique_ptr<WorkspaceSimulator> m_simulator;
};

bool TestDeletionFlow::useSlowJobs()
{
    SimulatorConfig config = m_simulator->config();
    config.jobDurationMs = 1500;
    m_simulator = std::make_unique<WorkspaceSimulator>(config);
    return m_simulator->listen();
}

void TestDeletionFlow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WorkspaceAdminTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_deletionflow"));
}

void TestDeletionFlow::init()
{
    m_simulator = std::make_unique<WorkspaceSimulator>(simulatorConfig(kAccessKey, kSecretKey, 300, 100));
    QVERIFY(m_simulator->listen());
    QVERIFY(m_dir.isValid());
    QFile::remove(JobJournal::defaultFilePath(m_dir.path()));
}

void TestDeletionFlow::cleanup()
{
    m_simulator.reset();
}

std::unique_ptr<MainWindow> TestDeletionFlow::makeWindow(QNetworkAccessManager *network, int transferTimeoutMs,
                                                        const QStringList &protectedTags)
{
    auto window = std::make_unique<MainWindow>();
    if (network)
        window->setNetworkAccessManager(network);
    useTestPace(*window->deletionController());

    ResolvedConnection connection = simulatorConnection(*m_simulator, m_dir.path());
    connection.config.transferTimeoutMs = transferTimeoutMs;
    connection.config.retry.initialDelayMs = 10;
    connection.config.retry.throttleDelayMs = 10;
    connection.protectedTags = protectedTags;
    QSignalSpy loaded(window.get(), &MainWindow::desktopsLoaded);
    window->connectTo(connection);
    if (!loaded.wait(kWaitMs))
        return nullptr;
    return window;
}

QStringList TestDeletionFlow::deletableIds(const MainWindow &window, int count, bool (*accept)(const Desktop &))
{
    const DesktopTableModel *model = window.desktopModel();
    QStringList ids;
    for (int row = 0; row < model->rowCount() && ids.size() < count; ++row) {
        if (model->index(row, 0).data(DesktopTableModel::DeletableRole).toBool()
            && (!accept || accept(model->desktopAt(row))))
            ids.append(model->idAt(row));
    }
    return ids;
}

DeletionDialog *TestDeletionFlow::openDialog(MainWindow &window, const QStringList &ids)
{
    window.selectDesktopIds(ids);
    // The action follows the selection once the window has counted it (a queued update).
    if (!QTest::qWaitFor([&window] { return byName<QAction>(window, "deleteAction")->isEnabled(); }))
        return nullptr;
    // The controller looks the selection up first, as the CLI does, then opens the dialog.
    QSignalSpy prepared(window.deletionController(), &DeletionController::preparationFinished);
    byName<QAction>(window, "deleteAction")->trigger();
    if (!prepared.wait(kWaitMs) || prepared.constFirst().constFirst().toInt() == 0)
        return nullptr;
    DeletionDialog *dialog = window.deletionController()->dialog();
    // These flows send what was selected, the yearly/monthly desktops too, to see their failures,
    // and start at once: turning a pool's autoscale off first is tst_deletioncontroller's.
    if (dialog) {
        dialog->leaveOutYearlyMonthlyBox()->setChecked(false);
        dialog->turnAutoscaleOffBox()->setChecked(false);
    }
    return dialog;
}

void TestDeletionFlow::confirm(DeletionDialog *dialog)
{
    QTest::keyClicks(dialog->confirmationField(), QString::number(dialog->desktopIds().size()));
    QTest::mouseClick(dialog->deleteButton(), Qt::LeftButton);
}

void TestDeletionFlow::deletesInChunksAndShowsTheResult()
{
    auto window = makeWindow();
    QVERIFY(window);
    QAbstractItemModelTester tester(window->jobModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QStringList ids = deletableIds(*window, 250);
    QCOMPARE(ids.size(), 250);
    QSet<QString> expectedFailed;
    for (const QString &id : ids) {
        const Desktop &desktop = window->desktopModel()->desktopAt(window->desktopModel()->rowOf(id));
        if (desktop.billingMode == BillingMode::YearlyMonthly || desktop.isConnected())
            expectedFailed.insert(id);
    }
    QVERIFY(!expectedFailed.isEmpty());

    DeletionDialog *dialog = openDialog(*window, ids);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->desktopIds().size(), 250);
    QVERIFY(dialog->warningsText().contains(QStringLiteral("(CONNECTED)")));
    QVERIFY(dialog->warningsText().contains(QStringLiteral("yearly/monthly")));
    dialog->emailBox()->setChecked(false);

    QSignalSpy finished(window->deletionController(), &DeletionController::runFinished);
    QSignalSpy notified(window->deletionController(), &DeletionController::notified);
    QSignalSpy reloaded(window.get(), &MainWindow::desktopsLoaded);
    confirm(dialog);
    QVERIFY(byName<JobsPanel>(window, "jobsPanel")->isVisibleTo(window.get()));
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 3);

    const int deleted = 250 - int(expectedFailed.size());
    const QString summary = QStringLiteral("%1 deleted, %2 failed").arg(deleted).arg(expectedFailed.size());
    QCOMPARE(byName<JobsPanel>(window, "jobsPanel")->summaryText(), summary);
    JobModel *model = window->jobModel();
    QCOMPARE(model->runCount(), 1);
    const QModelIndex top = model->index(0, JobModel::StatusColumn);
    QCOMPARE(top.data().toString(), summary);
    QCOMPARE(top.siblingAtColumn(JobModel::ProgressColumn).data(JobModel::ProgressRole).toInt(), 100);
    QCOMPARE(model->rowCount(model->index(0, 0)), 250);
    int failedRows = 0;
    for (int row = 0; row < 250; ++row) {
        const QModelIndex child = model->index(row, JobModel::ErrorCodeColumn, model->index(0, 0));
        if (child.data(JobModel::OutcomeRole).toInt() == int(DeletionOutcome::Failed)) {
            ++failedRows;
            QVERIFY(!child.data().toString().isEmpty());
            QVERIFY(!child.siblingAtColumn(JobModel::ReasonColumn).data().toString().isEmpty());
        }
    }
    QCOMPARE(failedRows, expectedFailed.size());
    QVERIFY(notified.size() == 1); // the window is not active under the offscreen platform
    QCOMPARE(notified.at(0).at(1).toString(), summary);

    // The table is refreshed: deleted desktops are gone, failed ones are still there.
    QVERIFY(reloaded.wait(kWaitMs));
    QCOMPARE(window->desktopModel()->rowCount(), 300 - deleted);
    for (const QString &id : ids)
        QCOMPARE(window->desktopModel()->rowOf(id) >= 0, expectedFailed.contains(id));

    // The request went with the dialog's options: users are not emailed.
    QVERIFY(!window->deletionController()->runs().at(0)->plan().options().emailNotification);

    // CSV export of the result.
    const QString csvPath = m_dir.filePath(QStringLiteral("results.csv"));
    QString error;
    QVERIFY2(byName<JobsPanel>(window, "jobsPanel")->exportCsv(csvPath, &error), qPrintable(error));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray content = csv.readAll();
    QCOMPARE(content.count('\n'), 251);
    QVERIFY(!content.contains(kSecretKey.toUtf8()));

    // View › Jobs Panel follows and toggles the dock (on a shown window).
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QAction *toggle = byName<JobsPanel>(window, "jobsPanel")->toggleViewAction();
    QVERIFY(toggle->isChecked());
    toggle->trigger();
    QVERIFY(byName<JobsPanel>(window, "jobsPanel")->isHidden());
    toggle->trigger();
    QVERIFY(!byName<JobsPanel>(window, "jobsPanel")->isHidden());
}

void TestDeletionFlow::retryOffersOnlyFailedDesktopsThatStillExist()
{
    auto window = makeWindow();
    QVERIFY(window);
    // Two connected desktops (refused without force) and one yearly/monthly one.
    QStringList ids = deletableIds(*window, 2, [](const Desktop &desktop) {
        return desktop.isConnected() && desktop.billingMode == BillingMode::PayPerUse;
    });
    ids += deletableIds(*window, 1, [](const Desktop &desktop) {
        return desktop.billingMode == BillingMode::YearlyMonthly && !desktop.isConnected();
    });
    ids += deletableIds(*window, 2, [](const Desktop &desktop) {
        return !desktop.isConnected() && desktop.billingMode == BillingMode::PayPerUse;
    });
    QCOMPARE(ids.size(), 5);
    QSignalSpy finished(window->deletionController(), &DeletionController::runFinished);
    confirm(openDialog(*window, ids));
    QVERIFY(finished.wait(kWaitMs));
    DeletionRun *run = window->deletionController()->runs().constLast();
    QCOMPARE(sorted(run->result().failedDesktopIds()), sorted(ids.mid(0, 3)));
    QVERIFY(byName<JobsPanel>(window, "jobsPanel")->retryButton()->isEnabled());

    // One failed desktop goes away meanwhile (force-deleted by someone else).
    QSignalSpy reloaded(window.get(), &MainWindow::desktopsLoaded);
    if (window->loader()->isLoading())
        QVERIFY(reloaded.wait(kWaitMs));
    DeletionDialog *forced = openDialog(*window, {ids.at(0)});
    QVERIFY(forced);
    QCOMPARE(forced->desktopIds(), QStringList{ids.at(0)});
    forced->forceBox()->setChecked(true);
    confirm(forced);
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(window->deletionController()->runs().constLast()->result().summaryText(), QStringLiteral("1 deleted"));
    // Export All Results: both deletions of the panel, the retry too, and the panel says where and how many.
    {
        JobsPanel *panel = byName<JobsPanel>(window, "jobsPanel");
        const QString path = m_dir.filePath(QStringLiteral("all-results.csv"));
        panel->writeExport(path, JobsPanel::ExportScope::AllDeletions);
        QVERIFY2(panel->exportNoteText().contains(QDir::toNativeSeparators(path)), qPrintable(panel->exportNoteText()));
        QVERIFY(panel->exportNoteText().contains(QStringLiteral("6 desktop result")));
        QFile csv(path);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll().count('\n'), 7);
    }

    // Retry Failed on the first deletion: re-listed; of the two that still exist only the one in use
    // is worth retrying (with Force, suggested); the yearly/monthly one is to be unsubscribed.
    byName<JobsPanel>(window, "jobsPanel")->setCurrentRun(run);
    QSignalSpy lookedUp(window->deletionController(), &DeletionController::retryLookUpFinished);
    QTest::mouseClick(byName<JobsPanel>(window, "jobsPanel")->retryButton(), Qt::LeftButton);
    QVERIFY(window->statusBar()->currentMessage().startsWith(QStringLiteral("Looking up")));
    QVERIFY(lookedUp.wait(kWaitMs));
    QCOMPARE(lookedUp.at(0).at(0).toInt(), 1);
    // The look-up is over: its message does not outlive it (nor the dialog it opened).
    QVERIFY(window->statusBar()->currentMessage().isEmpty());
    DeletionDialog *retry = window->deletionController()->dialog();
    QVERIFY(retry && retry->isVisible());
    QCOMPARE(retry->desktopIds(), QStringList{ids.at(1)});
    QVERIFY(retry->retryAdviceText().contains(QStringLiteral("Force delete")));
    retry->reject();
}

void TestDeletionFlow::repeatedConfirmationsNeverSendTwice()
{
    auto window = makeWindow();
    QVERIFY(window);
    const QStringList ids = deletableIds(*window, 6, [](const Desktop &desktop) {
        return !desktop.isConnected() && desktop.billingMode == BillingMode::PayPerUse;
    });
    QCOMPARE(ids.size(), 6);
    const QStringList first = ids.mid(0, 3);
    const QStringList second = ids.mid(3, 3);
    QSignalSpy started(window->deletionController(), &DeletionController::runStarted);
    QSignalSpy finished(window->deletionController(), &DeletionController::runFinished);

    // A second request while the dialog is open raises the same dialog.
    DeletionDialog *dialog = openDialog(*window, first);
    QVERIFY(dialog);
    byName<QAction>(window, "deleteAction")->trigger();
    QCOMPARE(window->deletionController()->dialog(), dialog);

    // Double click on Delete.
    QTest::keyClicks(dialog->confirmationField(), QStringLiteral("3"));
    QTest::mouseDClick(dialog->deleteButton(), Qt::LeftButton);
    QTest::mouseClick(dialog->deleteButton(), Qt::LeftButton);
    // A second dialog for the same desktops while they are in flight: nothing to offer.
    QSignalSpy prepared(window->deletionController(), &DeletionController::preparationFinished);
    window->deletionController()->requestDeletion(first);
    QVERIFY(prepared.wait(kWaitMs));
    QCOMPARE(prepared.constLast().constFirst().toInt(), 0);
    QVERIFY(!window->deletionController()->dialog() || !window->deletionController()->dialog()->isVisible()
            || window->deletionController()->dialog() == dialog);
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(started.size(), 1);
    QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 1);

    // Enter twice on the focused Delete button.
    QSignalSpy reloaded(window.get(), &MainWindow::desktopsLoaded);
    if (window->loader()->isLoading())
        QVERIFY(reloaded.wait(kWaitMs));
    dialog = openDialog(*window, second);
    QVERIFY(dialog);
    QTest::keyClicks(dialog->confirmationField(), QStringLiteral("3"));
    dialog->deleteButton()->setFocus();
    QTest::keyClick(dialog->deleteButton(), Qt::Key_Return);
    QTest::keyClick(dialog->deleteButton(), Qt::Key_Return);
    QTest::keyClick(dialog->deleteButton(), Qt::Key_Enter);
    // The engine's own guard: a run for desktops already in flight sends nothing for them.
    window->deletionController()->requestDeletion(second);
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(started.size(), 2);
    QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 2);
    QCOMPARE(window->deletionController()->runs().constLast()->result().summaryText(), QStringLiteral("3 deleted"));
}

void TestDeletionFlow::forbiddenPostShowsTheEncodedMessage()
{
    ForbiddingNetwork network;
    auto window = makeWindow(&network);
    QVERIFY(window);
    const QStringList ids = deletableIds(*window, 150);
    QSignalSpy finished(window->deletionController(), &DeletionController::runFinished);
    confirm(openDialog(*window, ids));
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(network.refusedPosts, 1); // the second request is not sent after a refusal
    const QString error = byName<JobsPanel>(window, "jobsPanel")->errorText();
    QVERIFY2(error.contains(QStringLiteral("403")), qPrintable(error));
    QVERIFY(error.contains(QStringLiteral("APIGW.0302")));
    QVERIFY(error.contains(QStringLiteral("req-forbidden-1")));
    QVERIFY(error.contains(QString::fromLatin1(kEncodedMessage)));
    QPushButton *copy = byName<JobsPanel>(window, "jobsPanel")->copyButton();
    QVERIFY(!copy->isHidden());
    QApplication::clipboard()->clear();
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), QString::fromLatin1(kEncodedMessage));
    QCOMPARE(window->jobModel()->index(0, JobModel::ErrorCodeColumn).data().toString(), QStringLiteral("APIGW.0302"));
}

void TestDeletionFlow::timeoutAfterSendIsNotResentAndRefreshes()
{
    auto window = makeWindow(nullptr, 400);
    QVERIFY(window);
    const QStringList ids = deletableIds(*window, 150);
    SimulatorFaults faults;
    faults.neverAnswer = true;
    faults.pathFilter = QStringLiteral("batch-delete");
    m_simulator->setFaults(faults);
    QSignalSpy finished(window->deletionController(), &DeletionController::runFinished);
    QSignalSpy reloaded(window.get(), &MainWindow::desktopsLoaded);
    confirm(openDialog(*window, ids));
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 1);
    DeletionRun *run = window->deletionController()->runs().constLast();
    QCOMPARE(run->postError().kind, ApiError::Kind::Timeout);
    // The simulator did run the request: its job is found among the deletion sub-jobs and
    // followed, so no desktop of it stays a guess.
    QCOMPARE(run->jobIds().size(), 1);
    QCOMPARE(run->result().count(DeletionOutcome::Unknown), 0);
    QCOMPARE(run->result().count(DeletionOutcome::Deleted) + run->result().count(DeletionOutcome::Failed), 100);
    QCOMPARE(run->result().count(DeletionOutcome::NotSent), 50);
    QVERIFY(byName<JobsPanel>(window, "jobsPanel")->errorText().contains(QStringLiteral("Nothing was sent again")));
    // The table is reloaded to show what is still there; the unsent desktops are.
    QVERIFY(reloaded.wait(kWaitMs));
    for (const DesktopResult &row : run->result().rows()) {
        if (row.outcome == DeletionOutcome::NotSent)
            QVERIFY(window->desktopModel()->rowOf(row.desktopId) >= 0);
    }
    QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 1);
}

void TestDeletionFlow::restartResumesAJournalJob()
{
    QVERIFY(useSlowJobs());
    const QStringList ids = [this] {
        auto window = makeWindow();
        if (!window)
            return QStringList();
        const QStringList chosen = deletableIds(*window, 4, [](const Desktop &desktop) {
            return !desktop.isConnected() && desktop.billingMode == BillingMode::PayPerUse;
        });
        confirm(openDialog(*window, chosen));
        DeletionRun *run = window->deletionController()->runs().constLast();
        QSignalSpy submitted(run, &DeletionRun::chunkSubmitted);
        if (!submitted.wait(kWaitMs))
            return QStringList();
        return chosen;
    }(); // the window closes with its job unfinished
    QCOMPARE(ids.size(), 4);
    JobJournal journal(JobJournal::defaultFilePath(m_dir.path()));
    QVERIFY(journal.load());
    QCOMPARE(journal.entries().size(), 1);

    auto window = makeWindow();
    QVERIFY(window);
    QAbstractItemModelTester tester(window->jobModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(window->jobModel()->runCount(), 1);
    DeletionRun *resumed = window->deletionController()->runs().constFirst();
    QCOMPARE(sorted(resumed->plan().desktopIds()), sorted(ids));
    QVERIFY(byName<JobsPanel>(window, "jobsPanel")->isVisibleTo(window.get()));
    if (resumed->state() != DeletionRun::State::Finished) {
        QSignalSpy finished(resumed, &DeletionRun::finished);
        QVERIFY(finished.wait(kWaitMs));
    }
    QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 1);
    QVERIFY(journal.load());
    QVERIFY(journal.entries().isEmpty());
}

void TestDeletionFlow::submittedDesktopsAreGreyedAtOnce()
{
    QVERIFY(useSlowJobs());
    auto window = makeWindow();
    QVERIFY(window);
    const QStringList ids = deletableIds(*window, 3);
    confirm(openDialog(*window, ids));
    DeletionRun *run = window->deletionController()->runs().constLast();
    QSignalSpy submitted(run, &DeletionRun::chunkSubmitted);
    QVERIFY(submitted.wait(kWaitMs));
    QVERIFY(run->state() != DeletionRun::State::Finished); // long before the job ends or a refresh
    const DesktopTableModel *model = window->desktopModel();
    for (const QString &id : ids) {
        const int row = model->rowOf(id);
        QVERIFY(model->isBeingDeletedAt(row));
        QVERIFY(!(model->flags(model->index(row, 0)) & Qt::ItemIsSelectable));
        QVERIFY(model->index(row, DesktopTableModel::StatusColumn).data().toString().contains(QStringLiteral("deleting")));
    }
}

void TestDeletionFlow::resumedPartsStayOneDeletion()
{
    QVERIFY(useSlowJobs());
    {
        auto window = makeWindow();
        QVERIFY(window);
        // The requests are counted from the run's start, whenever the controller starts it.
        int submitted = 0;
        connect(window->deletionController(), &DeletionController::runStarted, this, [&submitted](DeletionRun *run) {
            connect(run, &DeletionRun::chunkSubmitted, run, [&submitted] { ++submitted; });
        });
        confirm(openDialog(*window, deletableIds(*window, 150))); // two requests: 100 and 50
        QVERIFY(QTest::qWaitFor([&submitted] { return submitted == 2; }, kWaitMs));
    } // the window closes with both jobs unfinished
    JobJournal journal(JobJournal::defaultFilePath(m_dir.path()));
    QVERIFY(journal.load());
    QCOMPARE(journal.entries().size(), 2);
    QDateTime submittedAt = journal.entries().at(0).submittedAt;
    for (const JournalEntry &entry : journal.entries())
        submittedAt = std::min(submittedAt, entry.submittedAt);

    auto window = makeWindow();
    QVERIFY(window);
    QAbstractItemModelTester tester(window->jobModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    JobModel *model = window->jobModel();
    QCOMPARE(window->deletionController()->runs().size(), 2);
    QCOMPARE(model->runCount(), 1); // one deletion, as confirmed
    QCOMPARE(model->runsAt(0).size(), 2);
    QCOMPARE(model->rowCount(model->index(0, 0)), 150);
    // Not the restart's time: when it was confirmed, its first request's intent, just before the
    // first job was submitted.
    QVERIFY(model->submittedAt(0) <= submittedAt);
    QVERIFY(model->submittedAt(0) >= submittedAt.addSecs(-5));
    QVERIFY(model->index(0, JobModel::NameColumn).data().toString().contains(QStringLiteral("150")));
    QCOMPARE(byName<JobsPanel>(window, "jobsPanel")->resultsCsv().count('\n'), 151);
}

void TestDeletionFlow::protectedDesktopsAreLeftOut()
{
    auto window = makeWindow(nullptr, 5000, {QStringLiteral("protected=true")});
    QVERIFY(window);
    const DesktopTableModel *model = window->desktopModel();
    QString protectedId;
    for (int row = 0; row < model->rowCount() && protectedId.isEmpty(); ++row) {
        if (model->index(row, 0).data(DesktopTableModel::ProtectedRole).toBool())
            protectedId = model->idAt(row);
    }
    QVERIFY(!protectedId.isEmpty());
    const QStringList deletable = deletableIds(*window, 2);
    DeletionDialog *dialog = openDialog(*window, QStringList(deletable) << protectedId);
    QVERIFY(dialog);
    QCOMPARE(sorted(dialog->desktopIds()), sorted(deletable));
    // The left-out desktop is named, with its reason.
    QCOMPARE(dialog->leftOut().size(), 1);
    QCOMPARE(dialog->leftOut().at(0).desktopId, protectedId);
    QCOMPARE(dialog->leftOut().at(0).reason, LeftOutReason::Protected);
    QVERIFY(cellText(dialog->leftOutList(), 0, 2).contains(QStringLiteral("protected by a tag of the profile")));
    dialog->reject();
    QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 0);
}


void TestDeletionFlow::closingWhileDeletingAsksFirst()
{
    auto window = makeWindow();
    QVERIFY(window);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    const QStringList ids = deletableIds(*window, 3, [](const Desktop &desktop) {
        return !desktop.isConnected() && desktop.billingMode == BillingMode::PayPerUse;
    });
    DeletionDialog *dialog = openDialog(*window, ids);
    QVERIFY(dialog);
    QSignalSpy finished(window->deletionController(), &DeletionController::runFinished);
    confirm(dialog);
    QCOMPARE(window->deletionController()->activeRunCount(), 1);

    // Closing asks, without blocking: the window stays until the answer.
    QVERIFY(!window->close());
    QVERIFY(window->isVisible());
    QMessageBox *question = window->closeQuestion();
    QVERIFY(question);
    QTRY_VERIFY(question->isVisible());
    QVERIFY(question->informativeText().contains(QStringLiteral("journal")));
    // A second close raises the same question.
    QVERIFY(!window->close());
    QCOMPARE(window->closeQuestion(), question);

    // Escape keeps the window open.
    QTest::keyClick(question, Qt::Key_Escape);
    QTRY_VERIFY(!window->closeQuestion());
    QVERIFY(window->isVisible());

    // Quit Anyway closes it, even while the deletion still runs.
    QVERIFY(!window->close());
    question = window->closeQuestion();
    QVERIFY(question);
    auto *quit = question->findChild<QPushButton *>(QStringLiteral("quitAnywayButton"));
    QVERIFY(quit);
    QTest::mouseClick(quit, Qt::LeftButton);
    QTRY_VERIFY(!window->isVisible());

    // Once every run has ended, closing needs no answer.
    if (window->deletionController()->activeRunCount() > 0)
        QVERIFY(finished.wait(kWaitMs));
    window->show();
    QVERIFY(window->close());
    QVERIFY(!window->closeQuestion());
}

void TestDeletionFlow::theQuitQuestionStaysTrue()
{
    auto window = makeWindow();
    QVERIFY(window);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    const QStringList ids = deletableIds(*window, 3, [](const Desktop &desktop) {
        return !desktop.isConnected() && desktop.billingMode == BillingMode::PayPerUse;
    });
    QSignalSpy finished(window->deletionController(), &DeletionController::runFinished);
    confirm(openDialog(*window, ids));
    QVERIFY(!window->close());
    QMessageBox *question = window->closeQuestion();
    QVERIFY(question);
    QVERIFY(question->text().contains(QStringLiteral("1 deletion")));
    // The deletion ends while the question is open: the question says so.
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(question->text(), MainWindow::tr("Every deletion has finished."));
    QVERIFY(!question->informativeText().contains(QStringLiteral("anyway")));
    QTest::keyClick(question, Qt::Key_Escape);
}

void TestDeletionFlow::aResumedDeletionComesBackWholeWithANotice()
{
    QVERIFY(useSlowJobs());
    QDateTime confirmedBefore;
    {
        auto window = makeWindow();
        QVERIFY(window);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        // The second request waits: the window is closed before it is sent.
        window->deletionController()->setChunkGapMs(600000);
        confirmedBefore = QDateTime::currentDateTimeUtc();
        confirm(openDialog(*window, deletableIds(*window, 150))); // two requests: 100 and 50
        DeletionRun *run = window->deletionController()->runs().constLast();
        QSignalSpy submitted(run, &DeletionRun::chunkSubmitted);
        QVERIFY(submitted.wait(kWaitMs));
        QVERIFY(!window->close());
        QMessageBox *question = window->closeQuestion();
        QVERIFY(question);
        QTest::mouseClick(question->findChild<QPushButton *>(QStringLiteral("quitAnywayButton")), Qt::LeftButton);
        QTRY_VERIFY(!window->isVisible());
    }
    QTest::qWait(1); // the restart's own time differs from the confirmation's
    auto window = makeWindow();
    QVERIFY(window);
    QAbstractItemModelTester tester(window->jobModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    JobModel *model = window->jobModel();
    QCOMPARE(window->deletionController()->runs().size(), 1); // the one job of the journal
    QCOMPARE(model->runCount(), 1);
    // The deletion as it was confirmed: 150 desktops at its own time, 50 of them never sent.
    QCOMPARE(model->rowCount(model->index(0, 0)), 150);
    QVERIFY2(model->index(0, JobModel::NameColumn).data().toString().contains(QStringLiteral("150")),
             qPrintable(model->index(0, JobModel::NameColumn).data().toString()));
    QVERIFY(model->submittedAt(0) >= confirmedBefore.addSecs(-1));
    QVERIFY(model->submittedAt(0) <= window->deletionController()->runs().constFirst()->submittedAt());
    int notSent = 0;
    for (int row = 0; row < 150; ++row) {
        if (model->index(row, 0, model->index(0, 0)).data(JobModel::OutcomeRole).toInt() == int(DeletionOutcome::NotSent))
            ++notSent;
    }
    QCOMPARE(notSent, 50);
    const QString notice = byName<JobsPanel>(window, "jobsPanel")->noticeText();
    QVERIFY2(notice.contains(QStringLiteral("following again 1 deletion")), qPrintable(notice));
    QVERIFY2(notice.contains(QStringLiteral("50 of their desktops")), qPrintable(notice));
    QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 1);
}

void TestDeletionFlow::progressCountsTheRequests()
{
    auto window = makeWindow();
    QVERIFY(window);
    window->deletionController()->setChunkGapMs(600000);
    DeletionDialog *dialog = openDialog(*window, deletableIds(*window, 150));
    QVERIFY(dialog);
    // The look-up is over: "Looking up 150 desktops…" does not stay in the status bar.
    QVERIFY(!window->statusBar()->currentMessage().startsWith(QStringLiteral("Looking up")));
    confirm(dialog);
    DeletionRun *run = window->deletionController()->runs().constLast();
    QSignalSpy submitted(run, &DeletionRun::chunkSubmitted);
    QVERIFY(submitted.wait(kWaitMs));
    // The first request answered, the second waiting for its turn.
    const QString sending = JobModel::tr("Sending request %1 of %2…").arg(2).arg(2);
    QTRY_VERIFY(window->jobModel()->index(0, JobModel::StatusColumn).data().toString().startsWith(sending));
    // The first request's desktops are counted as they end.
    QTRY_VERIFY(window->jobModel()->index(0, JobModel::StatusColumn).data().toString().contains(QStringLiteral("deleted")));
    run->cancel();
}

void TestDeletionFlow::aDocumentedCodeIsExplainedInTheJobsPanel()
{
    // The service's words are English; a documented code comes with its meaning in the user's language.
    ForbiddingNetwork network;
    network.errorCode = "APIGW.0308";
    network.status = 400;
    auto window = makeWindow(&network);
    QVERIFY(window);
    QSignalSpy finished(window->deletionController(), &DeletionController::runFinished);
    confirm(openDialog(*window, deletableIds(*window, 2)));
    QVERIFY(finished.wait(kWaitMs));
    const QString error = byName<JobsPanel>(window, "jobsPanel")->errorText();
    QVERIFY2(error.contains(FailureExplanation::forCode(QStringLiteral("APIGW.0308"))), qPrintable(error));
}

QTEST_MAIN(TestDeletionFlow)
#include "tst_deletionflow.moc"
