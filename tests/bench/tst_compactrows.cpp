// The compact storage and the fast paths that the benchmarks rely on must give the same answers as
// the plain ones: the row rebuilds its desktop, shared values stay apart, the direct comparison
// sorts like QSortFilterProxyModel's own, ids read from selection ranges match selectedRows(), and
// the full JSON the rows no longer keep can be fetched again (over loopback from the simulator).

#include "desktopfilterproxy.h"
#include "desktoploader.h"
#include "desktoptablemodel.h"
#include "pagefixture.h"
#include "workspacesimulator.h"

#include "api/apiclient.h"
#include "api/workspacejson.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

namespace {

QList<Desktop> generatedDesktops(int pageCount, int pageSize)
{
    QList<Desktop> desktops;
    for (const QByteArray &body : PageFixture::desktopPages(pageCount, pageSize, 3)) {
        QString error;
        const std::optional<DesktopPage> page = WorkspaceJson::parseDesktopPage(body, &error);
        if (!page)
            qFatal("fixture page does not parse");
        desktops.append(page->desktops);
    }
    return desktops;
}

// The order QSortFilterProxyModel gives with its own lessThan (QVariant of the sort role).
class PlainProxy : public QSortFilterProxyModel
{
public:
    PlainProxy()
    {
        setSortRole(DesktopTableModel::SortRole);
        setSortCaseSensitivity(Qt::CaseInsensitive);
    }
};

QStringList idsInProxyOrder(const QAbstractItemModel &proxy)
{
    QStringList ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids.append(proxy.index(row, 0).data(DesktopTableModel::DesktopIdRole).toString());
    return ids;
}

} // namespace

class TestCompactRows : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rowRebuildsItsDesktop()
    {
        const QList<Desktop> desktops = generatedDesktops(1, 50);
        DesktopTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.upsertDesktops(desktops);
        QCOMPARE(model.rowCount(), 50);
        for (int row = 0; row < desktops.size(); ++row) {
            const Desktop &sent = desktops.at(row);
            const Desktop kept = model.desktopAt(row);
            QCOMPARE(kept.id, sent.id);
            QCOMPARE(kept.computerName, sent.computerName);
            QCOMPARE(kept.status, sent.status);
            QCOMPARE(kept.taskStatus, sent.taskStatus);
            QCOMPARE(kept.loginStatus, sent.loginStatus);
            QCOMPARE(kept.userName, sent.userName);
            QCOMPARE(kept.userGroup, sent.userGroup);
            QCOMPARE(kept.ipAddresses, sent.ipAddresses);
            QCOMPARE(kept.desktopType, sent.desktopType);
            QCOMPARE(kept.productId, sent.productId);
            QCOMPARE(kept.flavorId, sent.flavorId);
            QCOMPARE(kept.availabilityZone, sent.availabilityZone);
            QCOMPARE(kept.osType, sent.osType);
            QCOMPARE(kept.imageName, sent.imageName);
            QCOMPARE(kept.billingMode, sent.billingMode);
            QCOMPARE(kept.poolId, sent.poolId);
            QCOMPARE(kept.inMaintenanceMode, sent.inMaintenanceMode);
            QCOMPARE(kept.created, sent.created);
            QCOMPARE(kept.tags, sent.tags);
            // The rebuilt JSON parses back to the same fields.
            const Desktop reparsed = WorkspaceJson::desktopFromJson(kept.raw);
            QCOMPARE(reparsed.id, sent.id);
            QCOMPARE(reparsed.tags, sent.tags);
            QCOMPARE(reparsed.billingMode, sent.billingMode);
            QCOMPARE(reparsed.created, sent.created);
            QCOMPARE(reparsed.ipAddresses, sent.ipAddresses);
        }
    }

    void unchangedRefreshChangesNothing()
    {
        const QList<Desktop> desktops = generatedDesktops(1, 20);
        DesktopTableModel model;
        model.upsertDesktops(desktops);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.upsertDesktops(desktops);
        QCOMPARE(changed.count(), 0);
        QList<Desktop> renamed = desktops;
        renamed[5].computerName = QStringLiteral("renamed");
        model.upsertDesktops(renamed);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(5, DesktopTableModel::NameColumn).data().toString(), QStringLiteral("renamed"));
    }

    void flagsFollowTheRowsThroughUpdatesAndRemovals()
    {
        QList<Desktop> desktops = generatedDesktops(1, 100);
        DesktopTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.upsertDesktops(desktops);
        DesktopFilterProxy proxy;
        proxy.setDesktopModel(&model);
        proxy.sort(DesktopTableModel::NameColumn);
        const auto check = [&] {
            for (int row = 0; row < model.rowCount(); ++row) {
                const bool deleting = model.desktopAt(row).isBeingDeleted();
                QCOMPARE(model.isBeingDeletedAt(row), deleting);
                QCOMPARE(bool(model.flags(model.index(row, 3)) & Qt::ItemIsSelectable), !deleting);
                const QModelIndex shown = proxy.mapFromSource(model.index(row, 3));
                QCOMPARE(bool(proxy.flags(shown) & Qt::ItemIsSelectable), !deleting);
            }
        };
        check();
        // Updates in place: every third desktop starts being deleted.
        for (int i = 0; i < desktops.size(); i += 3)
            desktops[i].taskStatus = QStringLiteral("Deleting");
        model.upsertDesktops(desktops);
        check();
        // Scattered removals (one compaction), then a contiguous one, then new rows.
        QSet<QString> scattered;
        for (int i = 1; i < 60; i += 5)
            scattered.insert(desktops.at(i).id);
        model.removeDesktops(scattered);
        check();
        model.removeDesktops({model.idAt(0), model.idAt(1), model.idAt(2)});
        check();
        Desktop fresh;
        fresh.id = QStringLiteral("fresh");
        fresh.taskStatus = QStringLiteral("deleting");
        model.upsertDesktops({fresh});
        check();
        QVERIFY(model.isBeingDeletedAt(model.rowOf(QStringLiteral("fresh"))));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void tagSetsWithTheSameTextStayApart()
    {
        // "a=1, protected=true" as two tags, and as one tag whose value holds ", ".
        Desktop twoTags;
        twoTags.id = QStringLiteral("d1");
        twoTags.tags = {{QStringLiteral("a"), QStringLiteral("1")}, {QStringLiteral("protected"), QStringLiteral("true")}};
        Desktop oneTag;
        oneTag.id = QStringLiteral("d2");
        oneTag.tags = {{QStringLiteral("a"), QStringLiteral("1, protected=true")}};
        DesktopTableModel model;
        model.setProtectedTags({QStringLiteral("protected=true")});
        model.upsertDesktops({twoTags, oneTag});
        QCOMPARE(model.index(0, DesktopTableModel::TagsColumn).data().toString(),
                 model.index(1, DesktopTableModel::TagsColumn).data().toString());
        QVERIFY(model.index(0, 0).data(DesktopTableModel::ProtectedRole).toBool());
        QVERIFY(!model.index(1, 0).data(DesktopTableModel::ProtectedRole).toBool());
        QCOMPARE(model.desktopAt(1).tags, oneTag.tags);
    }

    void searchIgnoresCaseInAndBeyondAscii_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QString>("expectedId");
        QTest::newRow("ascii name") << QStringLiteral("WKS-Dev") << QStringLiteral("d1");
        QTest::newRow("ascii id") << QStringLiteral("D1") << QStringLiteral("d1");
        QTest::newRow("accented") << QStringLiteral("ÉQUIPE-ÄÖ") << QStringLiteral("d2");
        QTest::newRow("greek") << QStringLiteral("σοφια") << QStringLiteral("d3");
        QTest::newRow("status key") << QString() << QStringLiteral("d1");
    }

    void searchIgnoresCaseInAndBeyondAscii()
    {
        QFETCH(QString, search);
        QFETCH(QString, expectedId);
        const auto desktop = [](const char *id, const QString &name, const char *status) {
            Desktop d;
            d.id = QLatin1String(id);
            d.computerName = name;
            d.status = QLatin1String(status);
            return d;
        };
        DesktopTableModel model;
        model.upsertDesktops({desktop("d1", QStringLiteral("wks-dev-01"), "active"),
                              desktop("d2", QStringLiteral("équipe-äö"), "SHUTOFF"),
                              desktop("d3", QStringLiteral("ΣΟΦΙΑ"), "SHUTOFF")});
        DesktopFilterProxy proxy;
        proxy.setDesktopModel(&model);
        proxy.setSearchText(search);
        if (search.isEmpty())
            proxy.setStatusFilter(QStringLiteral("ACTIVE")); // the status key is upper case
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(DesktopTableModel::DesktopIdRole).toString(), expectedId);
    }

    void directComparisonSortsLikeTheDefault_data()
    {
        QTest::addColumn<int>("column");
        for (int column = 0; column < DesktopTableModel::ColumnCount; ++column)
            QTest::addRow("column %d", column) << column;
    }

    void directComparisonSortsLikeTheDefault()
    {
        QFETCH(int, column);
        DesktopTableModel model;
        // More than 1000 rows, so that sorting by name takes the ranked path.
        QList<Desktop> desktops = generatedDesktops(3, 500);
        desktops[3].created = QDateTime(); // an unknown time sorts first, as an invalid QDateTime
        desktops[7].computerName = QStringLiteral("wks-dev-00008"); // differs only in case
        // Beyond the 16 characters packed for ranking: the full names decide.
        desktops[20].computerName = QStringLiteral("wks-dev-00001-long-suffix-b");
        desktops[21].computerName = QStringLiteral("WKS-DEV-00001-long-suffix-a");
        desktops[22].computerName = QStringLiteral("WKS-DEV-00001-long-suffix-a");
        desktops[23].computerName = QStringLiteral("WKS-DEV-00001-long");
        desktops[24].computerName = QString();
        model.upsertDesktops(desktops);
        // Usage for most desktops, with ties; every seventh has none, every fifth only idle time.
        QList<DesktopUsage> usage;
        for (int i = 0; i < desktops.size(); ++i) {
            if (i % 7 == 0)
                continue;
            DesktopUsage entry;
            entry.desktopId = desktops.at(i).id;
            entry.idleSeconds = qint64(i % 50) * 86400 + i % 3;
            if (i % 5 != 0)
                entry.usageSeconds = qint64(i % 40) * 1800;
            usage.append(entry);
        }
        model.setUsage(usage);
        DesktopFilterProxy fast;
        fast.setDesktopModel(&model);
        PlainProxy plain;
        plain.setSourceModel(&model);
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            fast.sort(column, order);
            plain.sort(column, order);
            QStringList expected = idsInProxyOrder(plain);
            if (order == Qt::DescendingOrder) {
                // QSortFilterProxyModel puts values it cannot order (no data) first when descending;
                // the table keeps them last in either order.
                QStringList withoutValue;
                for (const QString &id : std::as_const(expected)) {
                    if (!model.index(model.rowOf(id), column).data(DesktopTableModel::SortRole).isValid())
                        withoutValue.append(id);
                }
                for (const QString &id : std::as_const(withoutValue))
                    expected.removeOne(id);
                expected.append(withoutValue);
            }
            QCOMPARE(idsInProxyOrder(fast), expected);
        }
    }

    void loaderFetchesTheFullDesktopForTheDetails()
    {
        SimulatorConfig config;
        config.desktopCount = 30;
        config.accessKey = QStringLiteral("TESTACCESSKEY");
        config.secretKey = QStringLiteral("test-secret-key");
        WorkspaceSimulator simulator(config);
        QVERIFY(simulator.listen());
        QNetworkAccessManager network;
        ClientConfig clientConfig;
        clientConfig.endpoint = simulator.url();
        clientConfig.projectId = config.projectId;
        ApiClient client(&network, clientConfig, Credentials{config.accessKey, config.secretKey, {}});
        DesktopTableModel model;
        DesktopLoader loader(&model);
        loader.setClient(&client);
        QSignalSpy loaded(&loader, &DesktopLoader::loadingFinished);
        loader.load();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(model.rowCount(), 30);
        const QString id = model.idAt(7);
        QVERIFY(!model.desktopAt(7).raw.contains(QLatin1String("product"))); // not kept per row

        QSignalSpy fetched(&loader, &DesktopLoader::desktopFetched);
        loader.fetchDesktop(id);
        QVERIFY(fetched.wait(10000));
        QCOMPARE(fetched.at(0).at(0).toString(), id);
        const Desktop full = fetched.at(0).at(1).value<Desktop>();
        QVERIFY(!fetched.at(0).at(2).value<ApiError>().isError());
        QCOMPARE(full.id, id);
        QCOMPARE(full.computerName, model.desktopAt(7).computerName);
        QVERIFY(full.raw.contains(QLatin1String("product")));
        QVERIFY(full.raw.contains(QLatin1String("root_volume")));

        loader.fetchDesktop(QStringLiteral("no-such-desktop"));
        QVERIFY(fetched.wait(10000));
        const ApiError missing = fetched.at(1).at(2).value<ApiError>();
        QVERIFY(missing.isError());
        QCOMPARE(missing.httpStatus, 404);
    }

    void idsFromSelectionRangesMatchSelectedRows()
    {
        DesktopTableModel model;
        QList<Desktop> desktops = generatedDesktops(1, 200);
        desktops[10].taskStatus = QStringLiteral("deleting"); // not selectable
        model.upsertDesktops(desktops);
        DesktopFilterProxy proxy;
        proxy.setDesktopModel(&model);
        proxy.sort(DesktopTableModel::NameColumn);
        proxy.setSearchText(QStringLiteral("wks"));
        QItemSelectionModel selection(&proxy);
        const int lastColumn = proxy.columnCount() - 1;
        selection.select(QItemSelection(proxy.index(0, 0), proxy.index(proxy.rowCount() - 1, lastColumn)),
                         QItemSelectionModel::ClearAndSelect);
        // And an overlapping second range, as shift-clicks make.
        selection.select(QItemSelection(proxy.index(5, 0), proxy.index(20, lastColumn)), QItemSelectionModel::Select);

        QStringList expected;
        const QModelIndexList rows = selection.selectedRows();
        for (const QModelIndex &index : rows)
            expected.append(proxy.sourceIdAt(index.row()));
        QStringList ids = proxy.desktopIdsIn(selection.selection());
        QCOMPARE(ids.size(), 199);
        QVERIFY(!ids.contains(desktops.at(10).id));
        expected.sort();
        ids.sort();
        QCOMPARE(ids, expected);
        QCOMPARE(proxy.selectableRowCountIn(selection.selection()), 199);
    }
};

QTEST_MAIN(TestCompactRows)
#include "tst_compactrows.moc"
