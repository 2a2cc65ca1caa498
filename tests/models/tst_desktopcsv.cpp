#include "desktopcsv.h"
#include "desktoptablemodel.h"

#include <QTest>

class TestDesktopCsv : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void escapes()
    {
        QCOMPARE(DesktopCsv::escapeCell(QStringLiteral("plain")), QByteArray("plain"));
        QCOMPARE(DesktopCsv::escapeCell(QStringLiteral("a,b")), QByteArray("\"a,b\""));
        QCOMPARE(DesktopCsv::escapeCell(QStringLiteral("say \"hi\"")), QByteArray("\"say \"\"hi\"\"\""));
        QCOMPARE(DesktopCsv::escapeCell(QStringLiteral("=SUM(A1)")), QByteArray("'=SUM(A1)"));
        QCOMPARE(DesktopCsv::escapeCell(QStringLiteral("Zürich")), QStringLiteral("Zürich").toUtf8());
    }

    void writesHeaderAndChosenRows()
    {
        DesktopTableModel model;
        Desktop a;
        a.id = QStringLiteral("d1");
        a.computerName = QStringLiteral("alpha");
        a.ipAddresses = {QStringLiteral("10.0.0.1"), QStringLiteral("10.0.0.2")};
        Desktop b;
        b.id = QStringLiteral("d2");
        b.computerName = QStringLiteral("beta");
        model.upsertDesktops({a, b});
        const QByteArray csv = DesktopCsv::write(model, {1, 0},
            {DesktopTableModel::NameColumn, DesktopTableModel::IpColumn, DesktopTableModel::IdColumn});
        QCOMPARE(csv, QByteArray("Name,IP address,Desktop ID\r\nbeta,,d2\r\nalpha,\"10.0.0.1, 10.0.0.2\",d1\r\n"));
    }

    void writesUsagePoolAndMaintenanceAsNumbersAndApiValues()
    {
        DesktopTableModel model;
        Desktop a;
        a.id = QStringLiteral("d1");
        a.poolId = QStringLiteral("pool-1");
        a.inMaintenanceMode = true;
        Desktop b;
        b.id = QStringLiteral("d2");
        model.upsertDesktops({a, b});
        DesktopUsage usage;
        usage.desktopId = QStringLiteral("d1");
        usage.idleSeconds = 12 * 86400 + 5;
        usage.usageSeconds = 4500;
        model.setUsage({usage});
        DesktopPool pool;
        pool.id = QStringLiteral("pool-1");
        pool.name = QStringLiteral("Finance");
        model.setPools({pool});
        const QByteArray csv = DesktopCsv::write(model, {0, 1},
            {DesktopTableModel::IdColumn, DesktopTableModel::IdleDaysColumn, DesktopTableModel::UsedHoursColumn,
             DesktopTableModel::PoolColumn, DesktopTableModel::MaintenanceColumn});
        // No data is an empty cell, never 0.
        QCOMPARE(csv, QByteArray("Desktop ID,Idle (days),Used (hours),Pool,pool_id,In maintenance,in_maintenance_mode\r\n"
                                 "d1,12,1.3,Finance,pool-1,Yes,true\r\n"
                                 "d2,,,,,No,false\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestDesktopCsv)
#include "tst_desktopcsv.moc"
