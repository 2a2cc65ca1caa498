#include "desktopfilterproxy.h"
#include "desktoploader.h"
#include "desktoptablemodel.h"
#include "fakeaccountnetwork.h"

#include <QSignalSpy>
#include <QTest>

// A connection to every region: each Workspace project of the account (IAM's fixture:
// cn-north-4, its sub-project cn-north-4_dev, ap-southeast-3, af-south-1) listed into one table,
// the same desktop id in two projects kept as two rows, one failing project named with its error
// while the others are shown, and each project's usage statistics from its own project.
class TestAllRegionsLoader : public QObject {
    Q_OBJECT

private:
    static constexpr const char* kNorth = FakeAccountNetwork::kNorth;
    static constexpr const char* kNorthDev = FakeAccountNetwork::kNorthDev;
    static constexpr const char* kSoutheast = FakeAccountNetwork::kSoutheast;
    static constexpr const char* kAfrica = FakeAccountNetwork::kAfrica;

    static QString projectOf(const RecordedRequest& request)
    {
        return FakeAccountNetwork::projectOf(request);
    }

    struct Account {
        explicit Account(const QString& failing)
            : network(failing)
        {
            loader.setAllRegions(network.access());
            proxy.setDesktopModel(&model);
        }

        FakeAccountNetwork network;
        DesktopTableModel model;
        DesktopFilterProxy proxy;
        DesktopLoader loader { &model };
    };

    static int projectIndex(const DesktopTableModel& model, const QString& projectId)
    {
        for (int project = 1; project < model.projectCount(); ++project) {
            if (model.project(project).id == projectId)
                return project;
        }
        return -1;
    }

private Q_SLOTS:
    void oneRegionFailingIsNamedAndTheOthersShown()
    {
        Account account { QLatin1String(kSoutheast) };
        QSignalSpy finished(&account.loader, &DesktopLoader::loadingFinished);
        account.loader.load();
        QVERIFY(account.loader.isLoading());
        QVERIFY(finished.wait());
        QCOMPARE(finished.count(), 1);
        // One project of four failing is not the listing failing.
        QVERIFY(!finished.constFirst().constFirst().value<ApiError>().isError());
        QCOMPARE(account.model.rowCount(), 6);
        QCOMPARE(account.model.projectCount(), 5); // index 0 is the single-region project
        const QString banner = account.loader.warnings().join(QLatin1Char('\n'));
        QVERIFY2(banner.contains(
                     QLatin1String("ap-southeast-3 (project 0c33cc3e7ca132034b7de22aaedbc4c3)")),
            qPrintable(banner));
        QVERIFY2(banner.contains(QLatin1String("403")) && banner.contains(QLatin1String("WKS.0403"))
                && banner.contains(QLatin1String("no permission here"))
                && banner.contains(QLatin1String(FakeAccountNetwork::kFailureRequestId)),
            qPrintable(banner));
        QCOMPARE(account.loader.warnings().size(), 1);
        QVERIFY(account.model.rowsOfId(QStringLiteral("own-0c33cc")).isEmpty());

        // A reload in which it answers keeps the others and adds its desktops.
        account.network.failingProject = QLatin1String(kAfrica);
        account.loader.load();
        QVERIFY(finished.wait());
        QCOMPARE(account.model.rowCount(), 8);
        QVERIFY(
            account.loader.warnings().join(QLatin1Char(' ')).contains(QLatin1String("af-south-1")));
        // The failed project's rows stay as the earlier listing showed them.
        QCOMPARE(account.model.rowsOfId(QStringLiteral("own-06f1cb")).size(), 1);
    }

    void sameIdInTwoProjectsIsTwoRows()
    {
        Account account { QString() };
        QSignalSpy finished(&account.loader, &DesktopLoader::loadingFinished);
        account.loader.load();
        QVERIFY(finished.wait());
        QCOMPARE(account.model.rowCount(), 8);
        const QList<int> rows = account.model.rowsOfId(QStringLiteral("shared"));
        QCOMPARE(rows.size(), 4);
        QStringList regions;
        for (int row : rows)
            regions.append(
                account.model.index(row, DesktopTableModel::RegionColumn).data().toString());
        regions.sort();
        QCOMPARE(regions,
            (QStringList { QStringLiteral("af-south-1"), QStringLiteral("ap-southeast-3"),
                QStringLiteral("cn-north-4"), QStringLiteral("cn-north-4_dev") }));
        const int dev = projectIndex(account.model, QLatin1String(kNorthDev));
        const int row = account.model.rowOf(dev, QStringLiteral("shared"));
        QVERIFY(row >= 0);
        QCOMPARE(account.model.projectAt(row).name, QStringLiteral("cn-north-4_dev"));
        QCOMPARE(account.model.index(row, 0).data(DesktopTableModel::ProjectIdRole).toString(),
            QLatin1String(kNorthDev));
        const ProjectDesktop desktop = account.model.projectDesktopAt(row);
        QCOMPARE(desktop.project.id, QLatin1String(kNorthDev));
        QCOMPARE(desktop.desktopId, QStringLiteral("shared"));
        QCOMPARE(account.model.rowOf(desktop), row);
        // A listing that says one of them is deleted removes that project's row alone.
        Desktop deleted;
        deleted.id = QStringLiteral("shared");
        deleted.status = QStringLiteral("DELETED");
        account.model.upsertDesktops({ deleted }, dev);
        QCOMPARE(account.model.rowsOfId(QStringLiteral("shared")).size(), 3);
        QCOMPARE(account.model.rowOf(dev, QStringLiteral("shared")), -1);
    }

    void regionFilterShowsOneProject()
    {
        Account account { QString() };
        QSignalSpy finished(&account.loader, &DesktopLoader::loadingFinished);
        account.loader.load();
        QVERIFY(finished.wait());
        QCOMPARE(account.proxy.rowCount(), 8);
        const int dev = projectIndex(account.model, QLatin1String(kNorthDev));
        account.proxy.setProjectFilter(dev);
        QCOMPARE(account.proxy.rowCount(), 2);
        for (int row = 0; row < account.proxy.rowCount(); ++row)
            QCOMPARE(account.proxy.index(row, DesktopTableModel::RegionColumn).data().toString(),
                QStringLiteral("cn-north-4_dev"));
        // The selection hands out each desktop with its project.
        QItemSelection all(
            account.proxy.index(0, 0), account.proxy.index(1, DesktopTableModel::ColumnCount - 1));
        const QList<ProjectDesktop> selected = account.proxy.projectDesktopsIn(all);
        QCOMPARE(selected.size(), 2);
        for (const ProjectDesktop& desktop : selected)
            QCOMPARE(desktop.project.id, QLatin1String(kNorthDev));
        account.proxy.setProjectFilter(-1);
        QCOMPARE(account.proxy.rowCount(), 8);
    }

    void usageLoadsPerRegion()
    {
        Account account { QLatin1String(kAfrica) };
        QSignalSpy finished(&account.loader, &DesktopLoader::loadingFinished);
        account.loader.load();
        QVERIFY(finished.wait());
        account.network.clear();
        // Its listing failed, but its statistics are asked for as every project's: a project the
        // table knows from an earlier listing has rows to fill.
        account.network.failingProject = QLatin1String(kSoutheast);
        QSignalSpy usageLoaded(&account.loader, &DesktopLoader::usageLoaded);
        account.loader.loadUsage(30);
        QVERIFY(account.loader.isLoadingUsage());
        QVERIFY(usageLoaded.wait());
        QCOMPARE(usageLoaded.count(), 1);
        QVERIFY(!usageLoaded.constFirst().constFirst().value<ApiError>().isError());
        QVERIFY(!account.loader.isLoadingUsage());
        QCOMPARE(account.network.requestCount(), 4);
        for (const RecordedRequest& request : account.network.requests()) {
            QVERIFY(request.url.path().contains(QLatin1String("/statistics/")));
            QCOMPARE(request.header("X-Project-Id"), projectOf(request).toUtf8());
        }
        // Each project's own answer for its own row of the shared id.
        auto idleDays = [&account](const char* projectId) {
            const int row = account.model.rowOf(
                projectIndex(account.model, QLatin1String(projectId)), QStringLiteral("shared"));
            return row < 0
                ? QString()
                : account.model.index(row, DesktopTableModel::IdleDaysColumn).data().toString();
        };
        QCOMPARE(idleDays(kNorth), QStringLiteral("1"));
        QCOMPARE(idleDays(kNorthDev), QStringLiteral("2"));
        QCOMPARE(idleDays(kSoutheast), QString()); // its statistics failed: nothing is said
        const QString banner = account.loader.warnings().join(QLatin1Char('\n'));
        QVERIFY2(banner.contains(QLatin1String("ap-southeast-3"))
                && banner.contains(QLatin1String("usage statistics")),
            qPrintable(banner));
    }

    void iamFailingFailsTheListing()
    {
        Account account { QString() };
        account.network.setHandler([](const RecordedRequest&, int) {
            return FakeResponse::json(401, R"({"error":{"code":401,"message":"bad key"}})");
        });
        QSignalSpy finished(&account.loader, &DesktopLoader::loadingFinished);
        account.loader.load();
        QVERIFY(finished.wait());
        QVERIFY(finished.constFirst().constFirst().value<ApiError>().isError());
        QVERIFY(account.loader.warnings().join(QLatin1Char(' ')).contains(QLatin1String("IAM")));
        QCOMPARE(account.model.rowCount(), 0);
    }

    void cancellingStopsEveryProject()
    {
        Account account { QString() };
        QSignalSpy finished(&account.loader, &DesktopLoader::loadingFinished);
        account.loader.load();
        account.loader.cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(
            finished.constFirst().constFirst().value<ApiError>().kind, ApiError::Kind::Cancelled);
        QVERIFY(!account.loader.isLoading());
        QVERIFY(account.loader.warnings().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAllRegionsLoader)
#include "tst_allregionsloader.moc"
