#include "desktoploader.h"
#include "desktoptablemodel.h"
#include "fakedesktopnetwork.h"
#include "misbehavingserver.h"

#include "api/apiclient.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

class TestDesktopLoader : public QObject
{
    Q_OBJECT
private:
    static ClientConfig config()
    {
        ClientConfig config;
        config.endpoint = QUrl(QStringLiteral("http://127.0.0.1:9"));
        config.projectId = QStringLiteral("project");
        config.retry.maxAttempts = 1;
        config.transferTimeoutMs = 60000;
        return config;
    }
    static Credentials credentials() { return {QStringLiteral("AK"), QStringLiteral("SK"), {}}; }

    // A loader of a model, connected to the misbehaving server.
    struct ServerLoader
    {
        explicit ServerLoader(MisbehavingServer &server)
            : client(&network, serverConfig(server), credentials())
        {
            loader.setClient(&client);
        }
        static ClientConfig serverConfig(const MisbehavingServer &server)
        {
            ClientConfig serverConfig = config();
            serverConfig.endpoint = server.endpoint();
            return serverConfig;
        }
        QNetworkAccessManager network;
        ApiClient client;
        DesktopTableModel model;
        DesktopLoader loader{&model};
    };

private Q_SLOTS:
    void loadsAllPagesWithProgress()
    {
        FakeDesktopNetwork network;
        for (int i = 0; i < 7; ++i)
            network.desktops.append(FakeDesktopNetwork::desktop(QStringLiteral("d%1").arg(i), QStringLiteral("n%1").arg(i)));
        ApiClient client(&network, config(), credentials());
        DesktopTableModel model;
        DesktopLoader loader(&model);
        loader.setClient(&client);
        loader.setPageSize(3);
        QSignalSpy progress(&loader, &DesktopLoader::progress);
        QSignalSpy finished(&loader, &DesktopLoader::loadingFinished);
        QList<int> rowsAtProgress;
        connect(&loader, &DesktopLoader::progress, this, [&] { rowsAtProgress.append(model.rowCount()); });
        loader.load();
        QVERIFY(loader.isLoading());
        QVERIFY(finished.wait());
        QVERIFY(!finished.at(0).at(0).value<ApiError>().isError());
        QCOMPARE(model.rowCount(), 7);
        // The start, the first page at once, the later pages as they come or together when they
        // come faster than DesktopLoader::kShowIntervalMs.
        QVERIFY(progress.count() >= 3 && progress.count() <= 4);
        QCOMPARE(progress.at(1).at(0).toInt(), 3);
        QCOMPARE(progress.at(1).at(1).toInt(), 7);
        QCOMPARE(progress.constLast().at(0).toInt(), 7);
        for (int i = 0; i < progress.count(); ++i) // progress reports what the table shows
            QCOMPARE(rowsAtProgress.at(i), std::max(progress.at(i).at(0).toInt(), 0));
    }

    void pagesArrivingTogetherAreShownTogether()
    {
        FakeDesktopNetwork network;
        for (int i = 0; i < 30; ++i)
            network.desktops.append(FakeDesktopNetwork::desktop(QStringLiteral("d%1").arg(i), QStringLiteral("n%1").arg(i)));
        ApiClient client(&network, config(), credentials());
        DesktopTableModel model;
        DesktopLoader loader(&model);
        loader.setClient(&client);
        loader.setPageSize(2);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy progress(&loader, &DesktopLoader::progress);
        QSignalSpy finished(&loader, &DesktopLoader::loadingFinished);
        QElapsedTimer clock;
        clock.start();
        loader.load();
        QVERIFY(finished.wait());
        QCOMPARE(model.rowCount(), 30);
        QCOMPARE(inserted.count(), 15); // one insertion per page
        // 15 pages answered from memory within a few intervals: far fewer table updates.
        const qint64 intervals = clock.elapsed() / DesktopLoader::kShowIntervalMs + 1;
        QVERIFY2(progress.count() <= 2 + intervals,
                 qPrintable(QStringLiteral("%1 updates in %2 intervals").arg(progress.count()).arg(intervals)));
        QVERIFY(progress.count() < 1 + 15);
    }

    void reloadRemovesDesktopsThatAreGone()
    {
        FakeDesktopNetwork network;
        for (int i = 0; i < 5; ++i)
            network.desktops.append(FakeDesktopNetwork::desktop(QStringLiteral("d%1").arg(i), QStringLiteral("n%1").arg(i)));
        ApiClient client(&network, config(), credentials());
        DesktopTableModel model;
        DesktopLoader loader(&model);
        loader.setClient(&client);
        QSignalSpy finished(&loader, &DesktopLoader::loadingFinished);
        loader.load();
        QVERIFY(finished.wait());
        network.desktops.removeAt(1);
        network.desktops.replace(2, FakeDesktopNetwork::desktop(QStringLiteral("d3"), QStringLiteral("n3"), QStringLiteral("DELETED")));
        network.desktops.append(FakeDesktopNetwork::desktop(QStringLiteral("d9"), QStringLiteral("n9")));
        loader.load();
        QVERIFY(finished.wait());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.rowOf(QStringLiteral("d1")), -1);
        QCOMPARE(model.rowOf(QStringLiteral("d3")), -1);
        QVERIFY(model.rowOf(QStringLiteral("d9")) >= 0);
    }

    // A listing that did not add up says so, and removes nothing: a desktop missing from it may
    // well still exist. Desktops listed twice are shown once and counted.
    void incompleteLoadRemovesNothing()
    {
        MisbehavingServer server;
        QVERIFY(server.listen());
        server.setDesktopCount(6);
        ServerLoader connected(server);
        DesktopTableModel &model = connected.model;
        DesktopLoader &loader = connected.loader;
        loader.setPageSize(3);
        QSignalSpy finished(&loader, &DesktopLoader::loadingFinished);
        loader.load();
        QVERIFY(finished.wait());
        QVERIFY(loader.lastLoadComplete());
        QVERIFY(loader.lastIncompleteness().isEmpty());
        QCOMPARE(model.rowCount(), 6);

        server.setPaging(MisbehavingServer::Paging::EmptyPage);
        server.setRuleOffset(3);
        loader.load();
        QVERIFY(finished.wait());
        QVERIFY(!loader.lastLoadComplete());
        QVERIFY(!loader.lastIncompleteness().isEmpty());
        QCOMPARE(model.rowCount(), 6);

        server.setPaging(MisbehavingServer::Paging::Overlapping);
        server.setOverlap(1);
        loader.load();
        QVERIFY(finished.wait());
        QVERIFY(!loader.lastDuplicates().isEmpty());
        QCOMPARE(model.rowCount(), 6);
    }

    void cancelKeepsWhatWasLoaded()
    {
        FakeDesktopNetwork network;
        for (int i = 0; i < 6; ++i)
            network.desktops.append(FakeDesktopNetwork::desktop(QStringLiteral("d%1").arg(i), QStringLiteral("n%1").arg(i)));
        network.hangFromOffset = 2;
        ApiClient client(&network, config(), credentials());
        DesktopTableModel model;
        DesktopLoader loader(&model);
        loader.setClient(&client);
        loader.setPageSize(2);
        QSignalSpy progress(&loader, &DesktopLoader::progress);
        QSignalSpy finished(&loader, &DesktopLoader::loadingFinished);
        loader.load();
        QTRY_COMPARE(progress.count(), 2);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(loader.isLoading());
        loader.cancel();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).value<ApiError>().kind, ApiError::Kind::Cancelled);
        QVERIFY(!loader.isLoading());
        QCOMPARE(model.rowCount(), 2);
    }

    void reportsTheTypedError()
    {
        FakeDesktopNetwork network;
        network.failStatus = 403;
        network.failBody = R"({"error_code":"WKS.0001","error_msg":"Forbidden here"})";
        ApiClient client(&network, config(), credentials());
        DesktopTableModel model;
        DesktopLoader loader(&model);
        loader.setClient(&client);
        QSignalSpy finished(&loader, &DesktopLoader::loadingFinished);
        loader.load();
        QVERIFY(finished.wait());
        const ApiError error = finished.at(0).at(0).value<ApiError>();
        QCOMPARE(error.httpStatus, 403);
        QCOMPARE(error.errorCode, QStringLiteral("WKS.0001"));
        QCOMPARE(error.requestId, QStringLiteral("req-fake-403"));
        QVERIFY(error.summary().contains(QStringLiteral("WKS.0001")));
    }

    // A new period replaces a usage load in progress, which then never reports; cancelling keeps
    // what the table showed.
    void usageLoadIsReplacedByANewPeriodAndCancellable()
    {
        FakeDesktopNetwork network;
        network.desktops.append(FakeDesktopNetwork::desktop(QStringLiteral("d1"), QStringLiteral("a")));
        network.hangFromOffset = 0;
        ApiClient client(&network, config(), credentials());
        DesktopTableModel model;
        Desktop desktop;
        desktop.id = QStringLiteral("d1");
        model.upsertDesktops({desktop});
        DesktopUsage known;
        known.desktopId = QStringLiteral("d1");
        known.idleSeconds = 3 * 86400;
        model.setUsage({known});
        DesktopLoader loader(&model);
        loader.setClient(&client);
        const QDateTime now(QDate(2026, 6, 30), QTime(12, 0), QTimeZone::utc());
        loader.setClock([now] { return now; });
        QSignalSpy started(&loader, &DesktopLoader::usageLoadingStarted);
        QSignalSpy loaded(&loader, &DesktopLoader::usageLoaded);
        loader.loadUsage(7);
        QVERIFY(loader.isLoadingUsage());
        QCOMPARE(started.count(), 1);
        QCOMPARE(started.at(0).at(0).toInt(), 7);
        loader.loadUsage(90); // the 7 days' answer is no longer wanted: it never reports
        QCOMPARE(loaded.count(), 0);
        loader.cancelUsage();
        QTRY_COMPARE(loaded.count(), 1);
        QCOMPARE(loaded.at(0).at(0).value<ApiError>().kind, ApiError::Kind::Cancelled);
        QVERIFY(!loader.isLoadingUsage());
        QCOMPARE(model.index(0, DesktopTableModel::IdleDaysColumn).data().toString(), QStringLiteral("3"));
        QCOMPARE(network.requestCount(), 2);
    }

    // Usage statistics that do not add up are among the warnings the window's banner shows, and an
    // idle time beyond what the period can tell reads "more than" the period.
    void usageWarningsAndIdleBeyondThePeriod()
    {
        MisbehavingServer server;
        QVERIFY(server.listen());
        server.setDesktopCount(2);
        server.setRoute(QStringLiteral("/statistics/metrics/desktops"), [](const QByteArray &, const QUrl &) {
            const QByteArray entry = "{\"resource_id\":\"d-%1\",\"metric\":[{\"metric_name\":"
                                     "\"desktop_idle_duration\",\"metric_value\":%2}]}";
            const QByteArray body = "{\"count\":3,\"items\":[" + QByteArray(entry).replace("%1", "00000").replace("%2", "1e11")
                + ',' + QByteArray(entry).replace("%1", "00001").replace("%2", "86400") + ','
                + QByteArray(entry).replace("%1", "00001").replace("%2", "864000") + "]}";
            return std::optional<MisbehavingServer::Answer>({200, body});
        });
        ServerLoader connected(server);
        DesktopTableModel &model = connected.model;
        DesktopLoader &loader = connected.loader;
        QSignalSpy finished(&loader, &DesktopLoader::loadingFinished);
        loader.load();
        QVERIFY(finished.wait());
        QSignalSpy usageLoaded(&loader, &DesktopLoader::usageLoaded);
        loader.loadUsage(30);
        QVERIFY(usageLoaded.wait());
        const QString warnings = loader.warnings().join(QLatin1Char('\n'));
        QVERIFY2(warnings.contains(QLatin1String("different usage statistics")) && warnings.contains(QLatin1String("d-00001")),
                 qPrintable(warnings));
        const QString idle = model.index(model.rowOf(QStringLiteral("d-00000")), DesktopTableModel::IdleDaysColumn).data().toString();
        QVERIFY2(idle.contains(QLatin1String("more than")) && idle.contains(QLatin1String("30")), qPrintable(idle));
        QCOMPARE(model.index(model.rowOf(QStringLiteral("d-00001")), DesktopTableModel::IdleDaysColumn).data().toString(),
                 QStringLiteral("No data"));
        // A new usage load starts without the old warnings.
        server.setRoute(QStringLiteral("/statistics/metrics/desktops"),
                        [](const QByteArray &, const QUrl &) { return std::optional<MisbehavingServer::Answer>(); });
        loader.loadUsage(7);
        QVERIFY(loader.warnings().isEmpty());
        loader.cancelUsage();
    }
};

QTEST_GUILESS_MAIN(TestDesktopLoader)
#include "tst_desktoploader.moc"
