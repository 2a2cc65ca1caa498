#include "widgetbyname.h"
#include "applanguage.h"
#include "desktopdetailsdialog.h"
#include "desktopfilterproxy.h"
#include "desktoploader.h"
#include "desktoptablemodel.h"
#include "errorbanner.h"
#include "fakedesktopnetwork.h"
#include "mainwindow.h"

#include <QComboBox>
#include <QItemSelectionModel>
#include <QToolBar>
#include <QToolButton>
#include <QHeaderView>
#include <QSettings>
#include <QIcon>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

class TestMainWindow : public QObject
{
    Q_OBJECT
private:
    static ResolvedConnection connection()
    {
        ResolvedConnection connection;
        connection.config.endpoint = QUrl(QStringLiteral("http://127.0.0.1:9"));
        connection.config.projectId = QStringLiteral("project");
        connection.config.retry.maxAttempts = 1;
        connection.credentials = {QStringLiteral("AK"), QStringLiteral("SK"), {}};
        connection.protectedTags = {QStringLiteral("protected=true")};
        return connection;
    }

    static void fill(FakeDesktopNetwork &network, int count)
    {
        for (int i = 0; i < count; ++i) {
            network.desktops.append(FakeDesktopNetwork::desktop(
                QStringLiteral("id-%1").arg(i, 3, 10, QLatin1Char('0')),
                QStringLiteral("%1-desk-%2").arg(i % 2 ? QStringLiteral("sales") : QStringLiteral("dev")).arg(i),
                i % 3 ? QStringLiteral("ACTIVE") : QStringLiteral("SHUTOFF"),
                QStringLiteral("user%1").arg(i), QStringLiteral("10.1.0.%1").arg(i)));
        }
    }

    static bool loadAndWait(MainWindow &window)
    {
        QSignalSpy loaded(&window, &MainWindow::desktopsLoaded);
        window.connectTo(connection());
        return loaded.wait(5000);
    }

    // The English catalogue, for its plural forms ("1 desktop", "2 desktops").
    AppLanguage m_language;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_language.install(QLocale(QLocale::English, QLocale::UnitedStates)));
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("WorkspaceAdminTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    }

    void loadsAndCounts()
    {
        FakeDesktopNetwork network;
        fill(network, 12);
        MainWindow window;
        window.setNetworkAccessManager(&network);
        QVERIFY(loadAndWait(window));
        QCOMPARE(window.desktopModel()->rowCount(), 12);
        QTRY_COMPARE(window.countText(), QStringLiteral("12 desktops · 12 shown · 0 selected"));
        QVERIFY(!window.isLoadingShown());
        QVERIFY(!byName<QAction>(window, "deleteAction")->isEnabled()); // nothing selected yet
        window.selectDesktopIds({QStringLiteral("id-004")});
        QTRY_COMPARE(window.countText(), QStringLiteral("12 desktops · 12 shown · 1 selected"));
        QVERIFY(byName<QAction>(window, "deleteAction")->isEnabled());
        byName<QLineEdit>(window, "searchField")->setText(QStringLiteral("id-004"));
        QTRY_COMPARE(window.countText(), QStringLiteral("12 desktops · 1 shown · 1 selected"));
    }

    void countsAreGroupedByTheLocale()
    {
        FakeDesktopNetwork network;
        fill(network, 1234);
        MainWindow window;
        window.setNetworkAccessManager(&network);
        QVERIFY(loadAndWait(window));
        byName<QTableView>(window, "desktopTable")->selectAll();
        QTRY_COMPARE(window.countText(), QStringLiteral("1,234 desktops · 1,234 shown · 1,234 selected"));
    }

    // Counted from the selection's ranges, once per burst of changes, the same as selectedRows()
    // would count: also when the columns were moved (the view then selects column by column),
    // after a Ctrl+click removed a row, and leaving out rows that cannot be selected.
    void selectionIsCountedOncePerChangeFromItsRanges()
    {
        FakeDesktopNetwork network;
        fill(network, 8);
        QJsonObject deleting = network.desktops.at(6).toObject();
        deleting.insert(QStringLiteral("task_status"), QStringLiteral("deleting"));
        network.desktops.replace(6, deleting);
        MainWindow window;
        window.setNetworkAccessManager(&network);
        QVERIFY(loadAndWait(window));
        byName<QTableView>(window, "desktopTable")->sortByColumn(DesktopTableModel::IdColumn, Qt::AscendingOrder);
        byName<QTableView>(window, "desktopTable")->horizontalHeader()->moveSection(0, 3);
        QTRY_COMPARE(window.countText(), QStringLiteral("8 desktops · 8 shown · 0 selected"));

        QSignalSpy counted(&window, &MainWindow::selectionCountChanged);
        QItemSelectionModel *selection = byName<QTableView>(window, "desktopTable")->selectionModel();
        const QAbstractItemModel *proxy = byName<QTableView>(window, "desktopTable")->model();
        // One range per column, as QTableView makes them when sections were moved.
        QItemSelection perColumn;
        for (int column = 0; column < proxy->columnCount(); ++column)
            perColumn.select(proxy->index(1, column), proxy->index(7, column));
        selection->select(perColumn, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        selection->select(proxy->index(3, 0), QItemSelectionModel::Deselect | QItemSelectionModel::Rows);
        QVERIFY(counted.wait());
        QCOMPARE(counted.count(), 1);
        // Rows 1..7 less row 3, and id-006 (being deleted) is not selectable.
        QCOMPARE(counted.first().first().toInt(), 5);
        QCOMPARE(window.countText(), QStringLiteral("8 desktops · 8 shown · 5 selected"));
        QCOMPARE(window.selectedDesktopIds(),
                 (QStringList{QStringLiteral("id-001"), QStringLiteral("id-002"), QStringLiteral("id-004"),
                              QStringLiteral("id-005"), QStringLiteral("id-007")}));
        QCOMPARE(int(selection->selectedRows().size()), 5); // what the count replaces
    }

    // The header paints without asking the selection about every row (100k rows: 50 ms per
    // change): it has an empty selection model of its own, while rows are selected and sections
    // still sort.
    void headerStaysOutOfTheSelection()
    {
        FakeDesktopNetwork network;
        fill(network, 5);
        MainWindow window;
        window.setNetworkAccessManager(&network);
        QVERIFY(loadAndWait(window));
        QTableView *view = byName<QTableView>(window, "desktopTable");
        QHeaderView *header = view->horizontalHeader();
        QVERIFY(header->selectionModel() != view->selectionModel());
        QCOMPARE(header->selectionModel()->model(), view->model());
        view->selectAll();
        QTRY_COMPARE(window.countText(), QStringLiteral("5 desktops · 5 shown · 5 selected"));
        QVERIFY(!header->selectionModel()->hasSelection());
        QCOMPARE(int(view->selectionModel()->selectedRows().size()), 5);

        const QString firstBefore = view->model()->index(0, DesktopTableModel::NameColumn).data().toString();
        header->setSortIndicator(DesktopTableModel::NameColumn, Qt::DescendingOrder);
        QCOMPARE(view->model()->index(4, DesktopTableModel::NameColumn).data().toString(), firstBefore);
    }

    // The table keeps only the fields it shows: the details ask the server for all of them.
    void detailsFetchEveryFieldAndShowErrors()
    {
        FakeDesktopNetwork network;
        QJsonObject full = FakeDesktopNetwork::desktop(QStringLiteral("id-000"), QStringLiteral("dev-desk-0"),
                                                       QStringLiteral("SHUTOFF"), QStringLiteral("alice"));
        full.insert(QStringLiteral("site_name"), QStringLiteral("field-only-the-server-has"));
        network.desktops.append(full);
        MainWindow window;
        window.setNetworkAccessManager(&network);
        QVERIFY(loadAndWait(window));
        QCOMPARE(window.selectDesktopIds({QStringLiteral("id-000")}), 1);

        auto openDetails = [&window]() -> DesktopDetailsDialog * {
            QAction *details = nullptr;
            for (QAction *action : byName<QToolBar>(window, "mainToolBar")->actions()) {
                if (action->shortcut() == QKeySequence(QStringLiteral("Ctrl+D")))
                    details = action;
            }
            // Enabled with the current row, once the window has handled the selection change.
            if (!details || !QTest::qWaitFor([details] { return details->isEnabled(); }))
                return nullptr;
            details->trigger();
            const QList<DesktopDetailsDialog *> dialogs = window.findChildren<DesktopDetailsDialog *>();
            return dialogs.isEmpty() ? nullptr : dialogs.last();
        };

        DesktopDetailsDialog *dialog = openDetails();
        QVERIFY(dialog);
        // Until the answer arrives: the kept fields and a note.
        QVERIFY(dialog->isFetching());
        QVERIFY(dialog->isNoticeShown());
        QCOMPARE(dialog->noticeText(), QStringLiteral("Loading all fields…"));
        QCOMPARE(dialog->fieldText(QStringLiteral("User:")), QStringLiteral("alice"));
        QCOMPARE(dialog->fieldText(QStringLiteral("Status:")), QStringLiteral("Shut off (SHUTOFF)"));
        QVERIFY(!dialog->jsonText().contains(QStringLiteral("field-only-the-server-has")));
        QSignalSpy fetched(dialog, &DesktopDetailsDialog::fetchFinished);
        QVERIFY(fetched.wait());
        QVERIFY(!fetched.first().first().value<ApiError>().isError());
        QVERIFY(!dialog->isFetching());
        QVERIFY(!dialog->isNoticeShown());
        QVERIFY(dialog->errorBanner()->isHidden());
        QVERIFY(dialog->jsonText().contains(QStringLiteral("field-only-the-server-has")));
        QCOMPARE(dialog->fieldText(QStringLiteral("User:")), QStringLiteral("alice"));
        dialog->close();

        // A failure names status, error code, message and request id, and keeps the kept fields.
        network.failStatus = 500;
        network.failBody = R"({"error_code":"WKS.0202","error_msg":"Resource not found"})";
        dialog = openDetails();
        QVERIFY(dialog);
        QSignalSpy failed(dialog, &DesktopDetailsDialog::fetchFinished);
        QVERIFY(failed.wait());
        QVERIFY(failed.first().first().value<ApiError>().isError());
        QVERIFY(!dialog->isNoticeShown());
        QVERIFY(!dialog->errorBanner()->isHidden());
        const QString error = dialog->errorBanner()->text();
        QVERIFY2(error.contains(QStringLiteral("500")) && error.contains(QStringLiteral("WKS.0202"))
                     && error.contains(QStringLiteral("Resource not found"))
                     && error.contains(QStringLiteral("req-fake-500")),
                 qPrintable(error));
        QCOMPARE(dialog->fieldText(QStringLiteral("User:")), QStringLiteral("alice"));
        QVERIFY(dialog->jsonText().contains(QStringLiteral("dev-desk-0")));

        // Retry fetches again.
        network.failStatus = 0;
        QSignalSpy retried(dialog, &DesktopDetailsDialog::fetchFinished);
        QTest::mouseClick(dialog->errorBanner()->retryButton(), Qt::LeftButton);
        QVERIFY(dialog->isNoticeShown());
        QVERIFY(retried.wait());
        QVERIFY(dialog->jsonText().contains(QStringLiteral("field-only-the-server-has")));
    }

    void statusFilterListsTranslatedNamesAndFiltersByTheApiValue()
    {
        FakeDesktopNetwork network;
        fill(network, 12);
        MainWindow window;
        window.setNetworkAccessManager(&network);
        QVERIFY(loadAndWait(window));
        const int shutOff = byName<QComboBox>(window, "statusFilter")->findData(QStringLiteral("SHUTOFF"));
        QVERIFY(shutOff > 0);
        QCOMPARE(byName<QComboBox>(window, "statusFilter")->itemText(shutOff), QStringLiteral("Shut off"));
        byName<QComboBox>(window, "statusFilter")->setCurrentIndex(shutOff);
        QCOMPARE(window.filterProxy()->rowCount(), 4); // 0, 3, 6, 9
        for (int row = 0; row < window.filterProxy()->rowCount(); ++row)
            QCOMPARE(window.filterProxy()->index(row, DesktopTableModel::StatusColumn).data().toString(),
                     QStringLiteral("Shut off"));
    }

    // Tool buttons show the actions' icon texts: without the mnemonics that translations append
    // as "(&R)", which Qt would show as "(R)".
    void toolBarTextsHaveNoMnemonics()
    {
        AppLanguage chinese;
        QVERIFY(chinese.install(QLocale(QLocale::Chinese, QLocale::China)));
        MainWindow window;
        QStringList texts;
        for (QAction *action : byName<QToolBar>(window, "mainToolBar")->actions()) {
            if (action->isSeparator() || qobject_cast<QToolButton *>(byName<QToolBar>(window, "mainToolBar")->widgetForAction(action)) == nullptr)
                continue;
            texts << action->iconText();
            QVERIFY2(!action->iconText().contains(QLatin1Char('(')) && !action->iconText().contains(QLatin1Char('&')),
                     qPrintable(action->iconText()));
            QVERIFY2(action->text().contains(QLatin1Char('&')), qPrintable(action->text())); // menus keep them
        }
        QCOMPARE(texts, (QStringList{QStringLiteral("刷新"), QStringLiteral("详情"), QStringLiteral("删除")}));
        QVERIFY(m_language.install(QLocale(QLocale::English, QLocale::UnitedStates)));
    }

    void searchAndQuickFiltersNarrowTheRows()
    {
        FakeDesktopNetwork network;
        fill(network, 12);
        MainWindow window;
        window.setNetworkAccessManager(&network);
        QVERIFY(loadAndWait(window));
        QTest::keyClicks(byName<QLineEdit>(window, "searchField"), QStringLiteral("SALES"));
        QCOMPARE(window.filterProxy()->rowCount(), 6);
        byName<QComboBox>(window, "statusFilter")->setCurrentIndex(byName<QComboBox>(window, "statusFilter")->findData(QStringLiteral("SHUTOFF")));
        QCOMPARE(window.filterProxy()->rowCount(), 2); // 3 and 9
        QTRY_COMPARE(window.countText(), QStringLiteral("12 desktops · 2 shown · 0 selected"));
        byName<QLineEdit>(window, "searchField")->clear();
        byName<QComboBox>(window, "statusFilter")->setCurrentIndex(0);
        QTest::keyClicks(byName<QLineEdit>(window, "searchField"), QStringLiteral("10.1.0.11"));
        QCOMPARE(window.filterProxy()->rowCount(), 1);
        QCOMPARE(window.filterProxy()->sourceIdAt(0), QStringLiteral("id-011"));
    }

    void selectionFollowsDesktopsAcrossSortAndRefresh()
    {
        FakeDesktopNetwork network;
        fill(network, 12);
        MainWindow window;
        window.setNetworkAccessManager(&network);
        QVERIFY(loadAndWait(window));
        const QStringList chosen{QStringLiteral("id-002"), QStringLiteral("id-005"), QStringLiteral("id-007")};
        QCOMPARE(window.selectDesktopIds(chosen), 3);
        auto selectedSorted = [&window] {
            QStringList ids = window.selectedDesktopIds();
            ids.sort();
            return ids;
        };
        QCOMPARE(selectedSorted(), chosen);

        byName<QTableView>(window, "desktopTable")->sortByColumn(DesktopTableModel::IdColumn, Qt::DescendingOrder);
        QCOMPARE(selectedSorted(), chosen);
        byName<QTableView>(window, "desktopTable")->sortByColumn(DesktopTableModel::UserColumn, Qt::AscendingOrder);
        QCOMPARE(selectedSorted(), chosen);

        // Refresh: id-005 is gone, a new desktop arrives before the others, id-007 changes.
        network.desktops.removeAt(5);
        network.desktops.prepend(FakeDesktopNetwork::desktop(QStringLiteral("id-100"), QStringLiteral("aaa")));
        network.desktops.replace(7, FakeDesktopNetwork::desktop(QStringLiteral("id-007"), QStringLiteral("renamed"),
                                                                QStringLiteral("SHUTOFF")));
        QSignalSpy loaded(&window, &MainWindow::desktopsLoaded);
        window.refresh();
        QVERIFY(loaded.wait());
        QCOMPARE(window.desktopModel()->rowCount(), 12);
        QCOMPARE(selectedSorted(), (QStringList{QStringLiteral("id-002"), QStringLiteral("id-007")}));
        QTRY_COMPARE(window.countText(), QStringLiteral("12 desktops · 12 shown · 2 selected"));
    }

    void selectAllSelectsOnlyShownAndDeletableExcludesProtected()
    {
        FakeDesktopNetwork network;
        fill(network, 6);
        QJsonObject tagged = network.desktops.at(1).toObject();
        tagged.insert(QStringLiteral("tags"), QJsonArray{QJsonObject{{QStringLiteral("key"), QStringLiteral("protected")},
                                                                     {QStringLiteral("value"), QStringLiteral("true")}}});
        network.desktops.replace(1, tagged);
        QJsonObject deleting = network.desktops.at(3).toObject();
        deleting.insert(QStringLiteral("task_status"), QStringLiteral("deleting"));
        network.desktops.replace(3, deleting);
        MainWindow window;
        window.setNetworkAccessManager(&network);
        QVERIFY(loadAndWait(window));
        byName<QLineEdit>(window, "searchField")->setText(QStringLiteral("sales")); // 1, 3, 5
        byName<QTableView>(window, "desktopTable")->selectAll();
        QStringList selected = window.selectedDesktopIds();
        selected.sort();
        // id-003 is being deleted and cannot be selected at all.
        QCOMPARE(selected, (QStringList{QStringLiteral("id-001"), QStringLiteral("id-005")}));
        QCOMPARE(window.selectedDeletableDesktopIds(), QStringList{QStringLiteral("id-005")});
        const DesktopTableModel *model = window.desktopModel();
        const QModelIndex protectedName = model->index(model->rowOf(QStringLiteral("id-001")), DesktopTableModel::NameColumn);
        QVERIFY(!protectedName.data(Qt::DecorationRole).value<QIcon>().isNull());
        const QModelIndex plainName = model->index(model->rowOf(QStringLiteral("id-005")), DesktopTableModel::NameColumn);
        QVERIFY(plainName.data(Qt::DecorationRole).isNull());
    }

    void selectByIdsOrNamesReportsMisses()
    {
        FakeDesktopNetwork network;
        fill(network, 6);
        MainWindow window;
        window.setNetworkAccessManager(&network);
        QVERIFY(loadAndWait(window));
        const QStringList missing = window.selectByIdsOrNames(
            {QStringLiteral("id-001"), QStringLiteral("DEV-DESK-4"), QStringLiteral("nope"), QString()});
        QCOMPARE(missing, QStringList{QStringLiteral("nope")});
        QStringList selected = window.selectedDesktopIds();
        selected.sort();
        QCOMPARE(selected, (QStringList{QStringLiteral("id-001"), QStringLiteral("id-004")}));
    }

    void progressAndCancel()
    {
        FakeDesktopNetwork network;
        fill(network, 1500);
        network.hangFromOffset = 1000;
        MainWindow window;
        window.setNetworkAccessManager(&network);
        window.show();
        QSignalSpy loaded(&window, &MainWindow::desktopsLoaded);
        window.connectTo(connection());
        QVERIFY(window.isLoadingShown());
        QTRY_COMPARE(window.desktopModel()->rowCount(), 1000);
        QTRY_COMPARE(window.progressText(), QStringLiteral("Loading 1,000 of 1,500…"));
        auto *cancel = window.findChild<QPushButton *>(QStringLiteral("cancelLoadingButton"));
        QVERIFY(cancel && cancel->isVisible());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_COMPARE(loaded.count(), 1);
        QCOMPARE(loaded.at(0).at(0).value<ApiError>().kind, ApiError::Kind::Cancelled);
        QVERIFY(!window.isLoadingShown());
        QCOMPARE(window.desktopModel()->rowCount(), 1000);
    }

    void errorBannerShowsTheTypedErrorAndRetries()
    {
        FakeDesktopNetwork network;
        network.failStatus = 401;
        network.failBody = R"({"error_code":"APIG.0301","error_msg":"Incorrect IAM authentication information"})";
        MainWindow window;
        window.setNetworkAccessManager(&network);
        window.show();
        QVERIFY(loadAndWait(window));
        QVERIFY(byName<ErrorBanner>(window, "errorBanner")->isVisible());
        QVERIFY(byName<ErrorBanner>(window, "errorBanner")->text().contains(QStringLiteral("APIG.0301")));
        QVERIFY(byName<ErrorBanner>(window, "errorBanner")->detailsText().contains(QStringLiteral("req-fake-401")));

        network.failStatus = 0;
        fill(network, 3);
        QSignalSpy loaded(&window, &MainWindow::desktopsLoaded);
        QTest::mouseClick(byName<ErrorBanner>(window, "errorBanner")->retryButton(), Qt::LeftButton);
        QVERIFY(loaded.wait());
        QVERIFY(!loaded.at(0).at(0).value<ApiError>().isError());
        QVERIFY(!byName<ErrorBanner>(window, "errorBanner")->isVisible());
        QCOMPARE(window.desktopModel()->rowCount(), 3);
    }

    void csvHasTheShownRowsInViewOrder()
    {
        FakeDesktopNetwork network;
        fill(network, 4);
        MainWindow window;
        window.setNetworkAccessManager(&network);
        QVERIFY(loadAndWait(window));
        byName<QLineEdit>(window, "searchField")->setText(QStringLiteral("dev"));
        byName<QTableView>(window, "desktopTable")->sortByColumn(DesktopTableModel::IdColumn, Qt::DescendingOrder);
        const QList<QByteArray> lines = window.csvForShown(false).split('\n');
        QCOMPARE(lines.size(), 4); // header, two rows, trailing empty
        // The id next to the name; after the translated status, the API's status and task_status.
        QVERIFY2(lines.at(0).startsWith("Name,Desktop ID,Status,status,task_status,User"), lines.at(0).constData());
        QVERIFY(lines.at(1).startsWith("dev-desk-2,"));
        QVERIFY(lines.at(2).startsWith("dev-desk-0,"));
    }

    void columnLayoutIsRemembered()
    {
        {
            MainWindow window;
            QHeaderView *header = byName<QTableView>(window, "desktopTable")->horizontalHeader();
            header->setSectionHidden(DesktopTableModel::TagsColumn, true);
            header->setSectionHidden(DesktopTableModel::ZoneColumn, false);
            header->moveSection(header->visualIndex(DesktopTableModel::IdColumn), 0);
            window.show();
            window.close();
        }
        MainWindow window;
        const QHeaderView *header = byName<QTableView>(window, "desktopTable")->horizontalHeader();
        QVERIFY(header->isSectionHidden(DesktopTableModel::TagsColumn));
        QVERIFY(!header->isSectionHidden(DesktopTableModel::ZoneColumn));
        QCOMPARE(header->logicalIndex(0), int(DesktopTableModel::IdColumn));
        QSettings().remove(QStringLiteral("MainWindow"));
    }

    void demoModeIsVisible()
    {
        MainWindow window;
        window.setDemoMode(true);
        QVERIFY(window.windowTitle().contains(QStringLiteral("Demo")));
        auto *banner = window.findChild<QWidget *>(QStringLiteral("demoBanner"));
        QVERIFY(banner && !banner->isHidden());
    }

    void welcomeOffersDemo()
    {
        MainWindow window;
        QSignalSpy demo(&window, &MainWindow::demoRequested);
        QSignalSpy allRegionsDemo(&window, &MainWindow::allRegionsDemoRequested);
        window.show();
        window.showWelcome();
        const QList<QPushButton *> buttons = window.findChildren<QPushButton *>();
        QPushButton *demoButton = nullptr;
        QPushButton *allRegionsButton = nullptr;
        for (QPushButton *button : buttons) {
            if (button->text().contains(QStringLiteral("Try the Demo")) && button->isVisible())
                demoButton = button;
            if (button->objectName() == QLatin1String("allRegionsDemoButton") && button->isVisible())
                allRegionsButton = button;
        }
        QVERIFY(demoButton);
        QVERIFY(allRegionsButton);
        QTest::mouseClick(demoButton, Qt::LeftButton);
        QCOMPARE(demo.count(), 1);
        QCOMPARE(allRegionsDemo.count(), 0);
        QTest::mouseClick(allRegionsButton, Qt::LeftButton);
        QCOMPARE(allRegionsDemo.count(), 1);
        QCOMPARE(demo.count(), 1);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
