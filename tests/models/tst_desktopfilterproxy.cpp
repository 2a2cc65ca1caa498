#include "desktopfilterproxy.h"
#include "desktoptablemodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTimeZone>

#include <algorithm>
#include <QTest>

class TestDesktopFilterProxy : public QObject
{
    Q_OBJECT
private:
    static Desktop desktop(const QString &id, const QString &name, const QString &status,
                           const QString &login, BillingMode billing)
    {
        Desktop d;
        d.id = id;
        d.computerName = name;
        d.status = status;
        d.loginStatus = login;
        d.billingMode = billing;
        d.userName = QStringLiteral("u.") + name;
        d.ipAddresses = {QStringLiteral("192.168.1.") + id.mid(1)};
        return d;
    }

    static QStringList shownIds(const DesktopFilterProxy &proxy)
    {
        QStringList ids;
        for (int row = 0; row < proxy.rowCount(); ++row)
            ids.append(proxy.sourceIdAt(row));
        return ids;
    }

    // Each shown row as "project/id", in the proxy's order.
    static QStringList shownRows(const DesktopFilterProxy &proxy)
    {
        QStringList rows;
        for (int row = 0; row < proxy.rowCount(); ++row) {
            const QModelIndex index = proxy.index(row, 0);
            rows.append(index.data(DesktopTableModel::ProjectIdRole).toString() + QLatin1Char('/')
                        + index.data(DesktopTableModel::DesktopIdRole).toString());
        }
        return rows;
    }

    // Three projects' pages of 500, interleaved as an all-regions listing brings them, each
    // upserted whole. Names and ids repeat across projects, creation times within them too.
    static void listThreeProjects(DesktopTableModel &model)
    {
        QList<int> projects;
        for (const char *region : {"cn-north-4", "ap-southeast-3", "la-south-2"}) {
            WorkspaceProject project;
            project.region = QLatin1String(region);
            project.name = project.region;
            project.id = QStringLiteral("project-") + project.region;
            projects.append(model.addProject(project));
        }
        const QDateTime epoch(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
        for (int first = 0; first < 1500; first += 500) {
            for (int p = 0; p < projects.size(); ++p) {
                QList<Desktop> page;
                for (int i = first; i < first + 500; ++i) {
                    Desktop d = desktop(QStringLiteral("d%1").arg(i),
                                        QStringLiteral("%1-%2").arg(i % 3 ? QStringLiteral("ws") : QStringLiteral("WS")).arg((i * 7919 + p * 13) % 2000),
                                        i % 5 ? QStringLiteral("ACTIVE") : QStringLiteral("SHUTOFF"),
                                        QStringLiteral("REGISTERED"), BillingMode::PayPerUse);
                    d.created = epoch.addSecs(60 * ((i * 7919 + p * 13) % 700));
                    page.append(d);
                }
                model.upsertDesktops(page, projects.at(p));
            }
        }
    }

private Q_SLOTS:
    void filters()
    {
        DesktopTableModel model;
        model.upsertDesktops({desktop(QStringLiteral("d1"), QStringLiteral("Sales-01"), QStringLiteral("ACTIVE"), QStringLiteral("CONNECTED"), BillingMode::PayPerUse),
                              desktop(QStringLiteral("d2"), QStringLiteral("sales-02"), QStringLiteral("SHUTOFF"), QStringLiteral("REGISTERED"), BillingMode::YearlyMonthly),
                              desktop(QStringLiteral("d3"), QStringLiteral("Dev-01"), QStringLiteral("ACTIVE"), QStringLiteral("REGISTERED"), BillingMode::PayPerUse)});
        DesktopFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setDesktopModel(&model);
        proxy.sort(DesktopTableModel::IdColumn);
        QCOMPARE(proxy.rowCount(), 3);

        proxy.setSearchText(QStringLiteral("SALES"));
        QCOMPARE(shownIds(proxy), (QStringList{QStringLiteral("d1"), QStringLiteral("d2")}));
        proxy.setSearchText(QStringLiteral("sales 01"));
        QCOMPARE(shownIds(proxy), QStringList{QStringLiteral("d1")});
        proxy.setSearchText(QStringLiteral("192.168.1.3"));
        QCOMPARE(shownIds(proxy), QStringList{QStringLiteral("d3")});
        proxy.setSearchText(QStringLiteral("u.dev"));
        QCOMPARE(shownIds(proxy), QStringList{QStringLiteral("d3")});
        proxy.setSearchText(QStringLiteral("d2"));
        QCOMPARE(shownIds(proxy), QStringList{QStringLiteral("d2")});
        proxy.setSearchText(QString());

        proxy.setStatusFilter(QStringLiteral("active"));
        QCOMPARE(shownIds(proxy), (QStringList{QStringLiteral("d1"), QStringLiteral("d3")}));
        proxy.setLoginStatusFilter(QStringLiteral("REGISTERED"));
        QCOMPARE(shownIds(proxy), QStringList{QStringLiteral("d3")});
        proxy.setStatusFilter(QString());
        proxy.setLoginStatusFilter(QString());
        proxy.setBillingFilter(BillingMode::YearlyMonthly);
        QCOMPARE(shownIds(proxy), QStringList{QStringLiteral("d2")});
        proxy.setBillingFilter(std::nullopt);
        QCOMPARE(proxy.rowCount(), 3);
    }

    void newRowsAreFilteredAndSorted()
    {
        DesktopTableModel model;
        DesktopFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setDesktopModel(&model);
        proxy.sort(DesktopTableModel::NameColumn, Qt::DescendingOrder);
        proxy.setStatusFilter(QStringLiteral("ACTIVE"));
        model.upsertDesktops({desktop(QStringLiteral("d1"), QStringLiteral("b"), QStringLiteral("ACTIVE"), {}, BillingMode::Unknown),
                              desktop(QStringLiteral("d2"), QStringLiteral("c"), QStringLiteral("ERROR"), {}, BillingMode::Unknown),
                              desktop(QStringLiteral("d3"), QStringLiteral("a"), QStringLiteral("ACTIVE"), {}, BillingMode::Unknown),
                              desktop(QStringLiteral("d4"), QStringLiteral("d"), QStringLiteral("ACTIVE"), {}, BillingMode::Unknown)});
        QCOMPARE(shownIds(proxy), (QStringList{QStringLiteral("d4"), QStringLiteral("d1"), QStringLiteral("d3")}));
    }

    // A page that falls between every row shown: one insertion and one re-sort, which views and
    // persistent indexes (a selection, the current row) follow.
    void interleavedPageIsSortedInOneStep()
    {
        auto names = [](int first) {
            QList<Desktop> desktops;
            for (int i = first; i < 400; i += 2)
                desktops.append(desktop(QStringLiteral("d%1").arg(i), QStringLiteral("Desk-%1").arg(i, 3, 10, QLatin1Char('0')),
                                        QStringLiteral("ACTIVE"), {}, BillingMode::PayPerUse));
            return desktops;
        };
        DesktopTableModel model;
        DesktopFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setDesktopModel(&model);
        proxy.sort(DesktopTableModel::NameColumn);
        model.upsertDesktops(names(0));
        const QPersistentModelIndex chosen = proxy.index(100, DesktopTableModel::StatusColumn);
        QCOMPARE(proxy.sourceIdAt(100), QStringLiteral("d200"));
        QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);
        QSignalSpy sorted(&proxy, &QAbstractItemModel::layoutChanged);

        model.upsertDesktops(names(1));

        QCOMPARE(inserted.count(), 1);
        QCOMPARE(sorted.count(), 1);
        QCOMPARE(proxy.rowCount(), 400);
        for (int row = 0; row < proxy.rowCount(); ++row)
            QCOMPARE(proxy.sourceIdAt(row), QStringLiteral("d%1").arg(row));
        QCOMPARE(chosen.row(), 200);
        QCOMPARE(chosen.column(), int(DesktopTableModel::StatusColumn));
        QCOMPARE(chosen.data(DesktopTableModel::DesktopIdRole).toString(), QStringLiteral("d200"));
    }

    // Pages whose rows go all over the table are appended unsorted and then sorted in one step:
    // the proxy shows the rows that pass the filter, in order, equal ones in the model's order,
    // under every sort and with the region filter, and a chosen row stays chosen.
    void scatteredPagesAreShownSorted_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<Qt::SortOrder>("order");
        QTest::newRow("name") << int(DesktopTableModel::NameColumn) << Qt::AscendingOrder;
        QTest::newRow("name descending") << int(DesktopTableModel::NameColumn) << Qt::DescendingOrder;
        QTest::newRow("created") << int(DesktopTableModel::CreatedColumn) << Qt::AscendingOrder;
        QTest::newRow("created descending") << int(DesktopTableModel::CreatedColumn) << Qt::DescendingOrder;
    }

    void scatteredPagesAreShownSorted()
    {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, order);
        DesktopTableModel model;
        DesktopFilterProxy proxy;
        proxy.setDesktopModel(&model);
        const WorkspaceProject shownProject{QStringLiteral("la-south-2"), QStringLiteral("la-south-2"),
                                            QStringLiteral("project-la-south-2"), QUrl()};
        model.upsertDesktops({desktop(QStringLiteral("chosen"), QStringLiteral("ws-chosen"), QStringLiteral("ACTIVE"),
                                      QStringLiteral("REGISTERED"), BillingMode::PayPerUse)},
                             model.addProject(shownProject));
        proxy.sort(column, order);
        proxy.setProjectFilter(1);
        proxy.setStatusFilter(QStringLiteral("ACTIVE"));
        const QPersistentModelIndex chosen = proxy.index(0, 0);
        QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);

        listThreeProjects(model);

        QVERIFY(inserted.count() <= 3); // one step for each page of the project shown
        QCOMPARE(chosen.data(DesktopTableModel::DesktopIdRole).toString(), QStringLiteral("chosen"));
        QCOMPARE(proxy.rowCount(), 1201); // four in five of la-south-2's 1500 are ACTIVE, and the chosen one
        DesktopTableModel::Filter filter;
        filter.project = 1;
        filter.status = QStringLiteral("ACTIVE");
        QList<int> expected;
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.rowMatches(row, filter))
                expected.append(row);
        }
        const TextOrder textOrder;
        std::stable_sort(expected.begin(), expected.end(), [&](int a, int b) {
            return order == Qt::AscendingOrder ? model.lessThan(column, a, b, textOrder, order)
                                               : model.lessThan(column, b, a, textOrder, order);
        });
        QList<int> shown;
        for (int row = 0; row < proxy.rowCount(); ++row)
            shown.append(proxy.mapToSource(proxy.index(row, 0)).row());
        QCOMPARE(shown, expected);

        // Every project's rows, still in order.
        proxy.setProjectFilter(-1);
        proxy.setStatusFilter(QString());
        QCOMPARE(proxy.rowCount(), 4501);
        const QStringList every = shownRows(proxy);
        QCOMPARE(QSet<QString>(every.cbegin(), every.cend()).size(), 4501);
        for (int row = 1; row < proxy.rowCount(); ++row) {
            const int before = proxy.mapToSource(proxy.index(row - 1, 0)).row();
            const int after = proxy.mapToSource(proxy.index(row, 0)).row();
            QVERIFY(order == Qt::AscendingOrder ? !model.lessThan(column, after, before, textOrder, order)
                                                : !model.lessThan(column, before, after, textOrder, order));
        }
    }

    // 100k desktops arrive in pages of 500 behind a sorted proxy, are searched, refreshed and
    // thinned out. Checks the results; the printed times show where it gets slow.
    void largeProject()
    {
        DesktopTableModel model;
        DesktopFilterProxy proxy;
        proxy.setDesktopModel(&model);
        proxy.sort(DesktopTableModel::NameColumn);
        constexpr int total = 100000;
        auto page = [](int first, const QString &status) {
            QList<Desktop> desktops;
            for (int i = first; i < first + 500; ++i) {
                Desktop d = desktop(QStringLiteral("d%1").arg(i), QStringLiteral("desk-%1").arg(i), status,
                                    QStringLiteral("REGISTERED"), BillingMode::PayPerUse);
                d.raw.insert(QStringLiteral("desktop_id"), d.id);
                d.raw.insert(QStringLiteral("status"), status);
                desktops.append(d);
            }
            return desktops;
        };
        QElapsedTimer timer;
        timer.start();
        for (int first = 0; first < total; first += 500)
            model.upsertDesktops(page(first, QStringLiteral("ACTIVE")));
        QCOMPARE(proxy.rowCount(), total);
        qInfo("load: %lld ms", timer.restart());

        proxy.setSearchText(QStringLiteral("desk-9999"));
        QCOMPARE(proxy.rowCount(), 11); // 9999 and 99990–99999
        proxy.setSearchText(QString());
        qInfo("search: %lld ms", timer.restart());

        for (int first = 0; first < total; first += 500)
            model.upsertDesktops(page(first, first < 1000 ? QStringLiteral("SHUTOFF") : QStringLiteral("ACTIVE")));
        proxy.setStatusFilter(QStringLiteral("SHUTOFF"));
        QCOMPARE(proxy.rowCount(), 1000);
        proxy.setStatusFilter(QString());
        qInfo("refresh: %lld ms", timer.restart());

        // A complete listing that no longer brings every hundredth desktop.
        model.beginListing();
        for (int first = 0; first < total; first += 500) {
            QList<Desktop> listed = page(first, QStringLiteral("ACTIVE"));
            listed.erase(std::remove_if(listed.begin(), listed.end(),
                                        [](const Desktop &d) { return d.id.mid(1).toInt() % 100 == 0; }),
                         listed.end());
            model.upsertDesktops(listed);
        }
        model.removeUnlisted();
        QCOMPARE(model.rowCount(), total - total / 100);
        QCOMPARE(proxy.rowCount(), total - total / 100);
        QCOMPARE(model.rowOf(QStringLiteral("d100")), -1);
        QCOMPARE(model.idAt(model.rowOf(QStringLiteral("d101"))), QStringLiteral("d101"));
        qInfo("relist without 1000 scattered: %lld ms", timer.restart());
    }
};

QTEST_GUILESS_MAIN(TestDesktopFilterProxy)
#include "tst_desktopfilterproxy.moc"
