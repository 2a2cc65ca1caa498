#include "desktopfilterproxy.h"
#include "desktoploader.h"
#include "desktoptablemodel.h"
#include "errorbanner.h"
#include "fakedesktopnetwork.h"
#include "mainwindow.h"

#include <QComboBox>
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

private Q_SLOTS:
    void initTestCase()
    {
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
        QVERIFY(!window.deleteAction()->isEnabled()); // nothing selected yet
    }

    void searchAndQuickFiltersNarrowTheRows()
    {
        FakeDesktopNetwork network;
        fill(network, 12);
        MainWindow window;
        window.setNetworkAccessManager(&network);
        QVERIFY(loadAndWait(window));
        QTest::keyClicks(window.searchField(), QStringLiteral("SALES"));
        QCOMPARE(window.filterProxy()->rowCount(), 6);
        window.statusFilter()->setCurrentIndex(window.statusFilter()->findData(QStringLiteral("SHUTOFF")));
        QCOMPARE(window.filterProxy()->rowCount(), 2); // 3 and 9
        QTRY_COMPARE(window.countText(), QStringLiteral("12 desktops · 2 shown · 0 selected"));
        window.searchField()->clear();
        window.statusFilter()->setCurrentIndex(0);
        QTest::keyClicks(window.searchField(), QStringLiteral("10.1.0.11"));
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

        window.tableView()->sortByColumn(DesktopTableModel::IdColumn, Qt::DescendingOrder);
        QCOMPARE(selectedSorted(), chosen);
        window.tableView()->sortByColumn(DesktopTableModel::UserColumn, Qt::AscendingOrder);
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
        window.searchField()->setText(QStringLiteral("sales")); // 1, 3, 5
        window.tableView()->selectAll();
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
        QVERIFY(window.errorBanner()->isVisible());
        QVERIFY(window.errorBanner()->text().contains(QStringLiteral("APIG.0301")));
        QVERIFY(window.errorBanner()->detailsText().contains(QStringLiteral("req-fake-401")));

        network.failStatus = 0;
        fill(network, 3);
        QSignalSpy loaded(&window, &MainWindow::desktopsLoaded);
        QTest::mouseClick(window.errorBanner()->retryButton(), Qt::LeftButton);
        QVERIFY(loaded.wait());
        QVERIFY(!loaded.at(0).at(0).value<ApiError>().isError());
        QVERIFY(!window.errorBanner()->isVisible());
        QCOMPARE(window.desktopModel()->rowCount(), 3);
    }

    void csvHasTheShownRowsInViewOrder()
    {
        FakeDesktopNetwork network;
        fill(network, 4);
        MainWindow window;
        window.setNetworkAccessManager(&network);
        QVERIFY(loadAndWait(window));
        window.searchField()->setText(QStringLiteral("dev"));
        window.tableView()->sortByColumn(DesktopTableModel::IdColumn, Qt::DescendingOrder);
        const QList<QByteArray> lines = window.csvForShown(false).split('\n');
        QCOMPARE(lines.size(), 4); // header, two rows, trailing empty
        QVERIFY(lines.at(0).startsWith("Name,Status,User"));
        QVERIFY(lines.at(1).startsWith("dev-desk-2,"));
        QVERIFY(lines.at(2).startsWith("dev-desk-0,"));
    }

    void columnLayoutIsRemembered()
    {
        {
            MainWindow window;
            QHeaderView *header = window.tableView()->horizontalHeader();
            header->setSectionHidden(DesktopTableModel::TagsColumn, true);
            header->setSectionHidden(DesktopTableModel::ZoneColumn, false);
            header->moveSection(header->visualIndex(DesktopTableModel::IdColumn), 0);
            window.show();
            window.close();
        }
        MainWindow window;
        const QHeaderView *header = window.tableView()->horizontalHeader();
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
        window.show();
        window.showWelcome();
        const QList<QPushButton *> buttons = window.findChildren<QPushButton *>();
        QPushButton *demoButton = nullptr;
        for (QPushButton *button : buttons) {
            if (button->text().contains(QStringLiteral("Demo")) && button->isVisible())
                demoButton = button;
        }
        QVERIFY(demoButton);
        QTest::mouseClick(demoButton, Qt::LeftButton);
        QCOMPARE(demo.count(), 1);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
