#include "desktopfilterproxy.h"
#include "desktoptablemodel.h"

#include <QAbstractItemModelTester>
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
};

QTEST_GUILESS_MAIN(TestDesktopFilterProxy)
#include "tst_desktopfilterproxy.moc"
