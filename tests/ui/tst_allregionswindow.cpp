#include "desktopfilterproxy.h"
#include "desktoploader.h"
#include "desktoptablemodel.h"
#include "fakeaccountnetwork.h"
#include "listingwarningbanner.h"
#include "mainwindow.h"
#include "testlocations.h"
#include "widgetbyname.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// The window connected to every region of an account: a Region column and filter, one region
// failing named in the listing banner while the others are shown, and a single-region connection
// looking as it always did.
class TestAllRegionsWindow : public QObject {
    Q_OBJECT

private:
    ResolvedConnection connection(bool allRegions) const
    {
        ResolvedConnection connection;
        connection.config.endpoint
            = QUrl(QStringLiteral("https://workspace.cn-north-4.myhuaweicloud.com"));
        connection.config.projectId = QLatin1String(FakeAccountNetwork::kNorth);
        connection.config.retry.maxAttempts = 1;
        connection.credentials = { QStringLiteral("AK"), QStringLiteral("SK"), {} };
        connection.region = QStringLiteral("cn-north-4");
        connection.iamEndpoint = QUrl(QStringLiteral("https://iam.cn-north-4.myhuaweicloud.com"));
        connection.dataDir = m_dataDir.path();
        connection.allRegions = allRegions;
        return connection;
    }

    static bool connectAndWait(MainWindow& window, const ResolvedConnection& connection)
    {
        QSignalSpy loaded(&window, &MainWindow::desktopsLoaded);
        window.connectTo(connection);
        return loaded.wait(5000);
    }

    QTemporaryDir m_dataDir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dataDir.isValid());
        useTestLocations(QStringLiteral("tst_allregionswindow"));
    }

    void oneRegionFailingIsNamedInTheBanner()
    {
        FakeAccountNetwork network(QLatin1String(FakeAccountNetwork::kSoutheast));
        MainWindow window;
        window.setNetworkAccessManager(&network);
        window.show();
        QVERIFY(connectAndWait(window, connection(true)));
        QVERIFY(window.loader()->isAllRegions());
        QCOMPARE(window.desktopModel()->rowCount(), 6);
        auto* banner = byName<ListingWarningBanner>(window, "listingWarningBanner");
        QTRY_VERIFY(banner->isVisible());
        QVERIFY2(
            banner->text().contains(QLatin1String("ap-southeast-3")), qPrintable(banner->text()));
        QVERIFY(banner->text().contains(QLatin1String("WKS.0403")));
        QVERIFY(banner->text().contains(QLatin1String(FakeAccountNetwork::kFailureRequestId)));
        QVERIFY(window.windowTitle().contains(QLatin1String("all regions")));

        // The Region column is shown, next to the name, with each row's region or sub-project.
        auto* view = byName<QTableView>(window, "desktopTable");
        QHeaderView* header = view->horizontalHeader();
        QVERIFY(!header->isSectionHidden(DesktopTableModel::RegionColumn));
        QCOMPARE(header->visualIndex(DesktopTableModel::RegionColumn),
            header->visualIndex(DesktopTableModel::NameColumn) + 1);
        QCOMPARE(window.desktopModel()->rowsOfId(QStringLiteral("shared")).size(), 3);

        // The Region filter lists every project the account showed, failed or not.
        auto* filter = byName<QComboBox>(window, "regionFilter");
        QVERIFY(filter->isVisible());
        QStringList entries;
        for (int i = 0; i < filter->count(); ++i)
            entries.append(filter->itemText(i));
        QCOMPARE(entries,
            (QStringList { QStringLiteral("All regions"), QStringLiteral("af-south-1"),
                QStringLiteral("ap-southeast-3"), QStringLiteral("cn-north-4"),
                QStringLiteral("cn-north-4_dev") }));
        filter->setCurrentIndex(entries.indexOf(QStringLiteral("cn-north-4_dev")));
        QCOMPARE(window.filterProxy()->rowCount(), 2);
        for (int row = 0; row < 2; ++row)
            QCOMPARE(
                window.filterProxy()->index(row, DesktopTableModel::RegionColumn).data().toString(),
                QStringLiteral("cn-north-4_dev"));

        // The selection hands out each desktop with its project, to which its change is sent.
        QCOMPARE(window.selectDesktopIds({ QStringLiteral("shared") }), 1);
        const QList<ProjectDesktop> selected = window.selectedProjectDesktops();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.constFirst().project.id, QLatin1String(FakeAccountNetwork::kNorthDev));
        QTRY_VERIFY(byName<QAction>(window, "deleteAction")->isEnabled());
        filter->setCurrentIndex(0);
        QCOMPARE(window.filterProxy()->rowCount(), 6);
        QCOMPARE(window.selectDesktopIds({ QStringLiteral("shared") }), 3);
    }

    void usageIsLoadedForEveryRegion()
    {
        FakeAccountNetwork network;
        MainWindow window;
        window.setNetworkAccessManager(&network);
        QSignalSpy usage(window.loader(), &DesktopLoader::usageLoaded);
        QVERIFY(connectAndWait(window, connection(true)));
        QTRY_COMPARE(usage.count(), 1);
        QCOMPARE(network.countRequests("GET", QStringLiteral("/statistics/")), 4);
        const DesktopTableModel* model = window.desktopModel();
        for (int row : model->rowsOfId(QStringLiteral("shared"))) {
            const int expected = QStringList { QLatin1String(FakeAccountNetwork::kNorth),
                QLatin1String(FakeAccountNetwork::kNorthDev),
                QLatin1String(FakeAccountNetwork::kSoutheast),
                QLatin1String(FakeAccountNetwork::kAfrica) }
                                     .indexOf(model->projectAt(row).id)
                + 1;
            QCOMPARE(model->index(row, DesktopTableModel::IdleDaysColumn).data().toString(),
                QString::number(expected));
        }
    }

    void oneRegionLooksAsBefore()
    {
        FakeAccountNetwork network;
        MainWindow window;
        window.setNetworkAccessManager(&network);
        window.show();
        // After a connection to every region, one region again: no Region column, no filter.
        QVERIFY(connectAndWait(window, connection(true)));
        QVERIFY(connectAndWait(window, connection(false)));
        QVERIFY(!window.loader()->isAllRegions());
        QCOMPARE(window.desktopModel()->rowCount(), 2);
        QCOMPARE(window.desktopModel()->projectCount(), 1);
        auto* view = byName<QTableView>(window, "desktopTable");
        QVERIFY(view->horizontalHeader()->isSectionHidden(DesktopTableModel::RegionColumn));
        QVERIFY(!byName<QComboBox>(window, "regionFilter")->isVisible());
        QVERIFY(!window.windowTitle().contains(QLatin1String("all regions")));
        QCOMPARE(network.countRequests("GET", QStringLiteral("/v3/auth/projects")), 1);
        QCOMPARE(window.filterProxy()->projectFilter(), -1);
    }
};

QTEST_MAIN(TestAllRegionsWindow)
#include "tst_allregionswindow.moc"
