#include "desktoploader.h"
#include "desktoptablemodel.h"
#include "listingwarningbanner.h"
#include "mainwindow.h"
#include "simulatortestsupport.h"
#include "testlocations.h"
#include "widgetbyname.h"
#include "windowsimulatorsupport.h"
#include "workspacesimulator.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
constexpr int kWaitMs = 30000;
} // namespace

// The Pool column of the window connected to every region: each project's pools listed through
// its own client, so that the pooled desktops of both regions name their pool (the simulated
// regions' pool ids repeat), and a region whose pools cannot be listed named in the banner while
// its desktops stay shown.
class TestAllRegionsPools : public QObject {
    Q_OBJECT

private:
    ResolvedConnection connection() const
    {
        ResolvedConnection connection = simulatorConnection(*m_simulator, m_dir.path());
        connection.config.retry.maxAttempts = 1;
        connection.region = m_simulator->config().region;
        connection.iamEndpoint = m_simulator->url();
        connection.explicitEndpoint = true;
        connection.allRegions = true;
        return connection;
    }

    // Connects the window and waits for the listing and the pools.
    bool connectAndLoad(MainWindow& window)
    {
        QSignalSpy loaded(&window, &MainWindow::desktopsLoaded);
        QSignalSpy pools(window.loader(), &DesktopLoader::poolsLoaded);
        window.connectTo(connection());
        return loaded.wait(kWaitMs) && (!pools.isEmpty() || pools.wait(kWaitMs));
    }

    static int projectIndex(const DesktopTableModel& model, const QString& projectId)
    {
        for (int project = 1; project < model.projectCount(); ++project) {
            if (model.project(project).id == projectId)
                return project;
        }
        return -1;
    }

    // The Pool column of every pooled desktop the simulator of a region holds, in that region's
    // rows: the pool's name as the pools listing gives it.
    static void verifyPoolsShown(const MainWindow& window, const WorkspaceSimulator& region)
    {
        const DesktopTableModel& model = *window.desktopModel();
        const int project = projectIndex(model, region.config().projectId);
        QVERIFY(project > 0);
        const QHash<QString, QString> poolOfDesktop = region.poolOfDesktop();
        QVERIFY(!poolOfDesktop.isEmpty());
        for (auto it = poolOfDesktop.cbegin(); it != poolOfDesktop.cend(); ++it) {
            const int row = model.rowOf(project, it.key());
            QVERIFY2(row >= 0, qPrintable(it.key()));
            QString expected;
            for (const DesktopPool& pool : window.loader()->pools()) {
                if (pool.id == it.value())
                    expected = pool.name;
            }
            QVERIFY2(!expected.isEmpty(), qPrintable(it.value()));
            QCOMPARE(model.index(row, DesktopTableModel::PoolColumn).data().toString(), expected);
        }
    }

    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
    std::unique_ptr<WorkspaceSimulator> m_simulator;
    WorkspaceSimulator* m_asia = nullptr;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        useTestLocations(QStringLiteral("tst_allregionspools"));
    }

    void init()
    {
        m_asia = startTwoRegions(m_simulator, QStringLiteral("ALLREGIONSPOOLSAK01"),
            QStringLiteral("all-regions-pools-secret"), 80, 60);
        QVERIFY(m_asia);
    }

    void cleanup()
    {
        m_asia = nullptr;
        m_simulator.reset();
    }

    void poolColumnIsFilledForEveryRegion()
    {
        MainWindow window;
        window.setNetworkAccessManager(&m_network);
        QVERIFY(connectAndLoad(window));
        QVERIFY(window.loader()->isAllRegions());
        QCOMPARE(window.desktopModel()->rowCount(), 140);
        // Each region's pools were asked of that region's own project.
        QVERIFY(m_simulator->requestCount("GET", QStringLiteral("desktop-pools")) > 0);
        QVERIFY(m_asia->requestCount("GET", QStringLiteral("desktop-pools")) > 0);
        verifyPoolsShown(window, *m_simulator);
        verifyPoolsShown(window, *m_asia);
        QVERIFY(window.loader()->poolProblems().isEmpty());
        QVERIFY(!byName<ListingWarningBanner>(window, "listingWarningBanner")->isVisible());
    }

    void aRegionWhosePoolsFailIsNamedAndKeepsItsDesktops()
    {
        SimulatorFaults faults;
        faults.serverErrorShare = 1.0;
        faults.pathFilter = QStringLiteral("desktop-pools");
        m_asia->setFaults(faults);
        MainWindow window;
        window.setNetworkAccessManager(&m_network);
        window.show();
        QSignalSpy pools(window.loader(), &DesktopLoader::poolsLoaded);
        QVERIFY(connectAndLoad(window));
        // One region's pools are pools: the load as a whole did not fail.
        QVERIFY(!pools.constFirst().at(1).value<ApiError>().isError());
        QCOMPARE(window.desktopModel()->rowCount(), 140);
        verifyPoolsShown(window, *m_simulator);
        auto* banner = byName<ListingWarningBanner>(window, "listingWarningBanner");
        QTRY_VERIFY(banner->isVisible());
        QVERIFY2(
            banner->text().contains(QLatin1String("ap-southeast-3")), qPrintable(banner->text()));
        QVERIFY2(
            banner->text().contains(QLatin1String("pools not listed")), qPrintable(banner->text()));
        QVERIFY(!banner->text().contains(m_simulator->config().projectId));
        // Reloaded without the fault, the banner no longer names it.
        m_asia->setFaults({});
        QVERIFY(connectAndLoad(window));
        QTRY_VERIFY(!banner->isVisible());
        verifyPoolsShown(window, *m_asia);
    }
};

QTEST_MAIN(TestAllRegionsPools)
#include "tst_allregionspools.moc"
