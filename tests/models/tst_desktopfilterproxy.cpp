#include "desktopfilterproxy.h"
#include "desktoptablemodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>

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
