#include "desktopformatter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

class TestDesktopFormatter : public QObject
{
    Q_OBJECT

private:
    static Desktop sample()
    {
        Desktop desktop;
        desktop.id = QStringLiteral("d-1");
        desktop.computerName = QStringLiteral("pc, \"one\"");
        desktop.status = QStringLiteral("ACTIVE");
        desktop.taskStatus = QStringLiteral("deleting");
        desktop.userName = QStringLiteral("alice");
        desktop.loginStatus = QStringLiteral("CONNECTED");
        desktop.billingMode = BillingMode::YearlyMonthly;
        desktop.ipAddresses = {QStringLiteral("10.0.0.1"), QStringLiteral("10.0.0.2")};
        desktop.created = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
        desktop.tags = {{QStringLiteral("env"), QStringLiteral("prod")}};
        return desktop;
    }

private Q_SLOTS:
    void formatNames()
    {
        QCOMPARE(DesktopFormatter::formatFromName(QStringLiteral("csv")), DesktopFormatter::Format::Csv);
        QCOMPARE(DesktopFormatter::formatFromName(QStringLiteral("json")), DesktopFormatter::Format::Json);
        QCOMPARE(DesktopFormatter::formatFromName(QStringLiteral("table")), DesktopFormatter::Format::Table);
        QVERIFY(!DesktopFormatter::formatFromName(QStringLiteral("xml")));
    }

    void csvQuoting_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "abc" << "abc";
        QTest::newRow("comma") << "a,b" << "\"a,b\"";
        QTest::newRow("quote") << "say \"hi\"" << "\"say \"\"hi\"\"\"";
        QTest::newRow("newline") << "a\nb" << "\"a\nb\"";
        QTest::newRow("empty") << "" << "";
    }

    void csvQuoting()
    {
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QCOMPARE(DesktopFormatter::csvField(value), expected);
    }

    void csvRows()
    {
        const QString csv = DesktopFormatter::csv({sample()});
        const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0), DesktopFormatter::columns().join(QLatin1Char(',')));
        // task_status wins over status, like the console.
        // Login state and billing mode as scripts match them: the API's value, a fixed key.
        QCOMPARE(lines.at(1), QStringLiteral("d-1,\"pc, \"\"one\"\"\",deleting,alice,CONNECTED,yearly_monthly,"
                                             "10.0.0.1 10.0.0.2,,2026-01-02T03:04:05Z,env=prod,false,"));
    }

    void tableAligns()
    {
        Desktop shortOne;
        shortOne.id = QStringLiteral("x");
        const QString table = DesktopFormatter::table({sample(), shortOne});
        const QStringList lines = table.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        const qsizetype nameColumn = lines.at(0).indexOf(QStringLiteral("COMPUTER_NAME"));
        QVERIFY(nameColumn > 0);
        QCOMPARE(lines.at(1).indexOf(QStringLiteral("pc, ")), nameColumn);
        // Login state and billing by their names, unknown ones shown as such.
        QVERIFY(lines.at(0).contains(QStringLiteral("LOGIN_STATUS")));
        QVERIFY(lines.at(0).contains(QStringLiteral("BILLING_MODE")));
        QVERIFY(lines.at(1).contains(QStringLiteral("In use")));
        QVERIFY(lines.at(1).contains(QStringLiteral("Yearly/monthly")));
        QVERIFY(lines.at(2).contains(QStringLiteral("Unknown")));
        QVERIFY(!lines.at(2).contains(QStringLiteral("Pay-per-use")));
    }

    // The last column keeps its whole text: the advice at the end of a reason is not cut off.
    void lastColumnIsNeverCut()
    {
        const QString reason = QStringLiteral("A user is connected to the desktop; delete it with is_force_delete "
                                              "to disconnect the user.");
        const QString longName(60, QLatin1Char('n'));
        const QString table = DesktopFormatter::alignedTable({QStringLiteral("NAME"), QStringLiteral("REASON")},
                                                             {{longName, reason}});
        QVERIFY(table.contains(reason));
        QVERIFY(!table.contains(longName));
        QVERIFY(table.contains(longName.left(DesktopFormatter::kMaxColumnWidth - 1) + QChar(0x2026)));
    }

    void loginStatesByName_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("shown");
        QTest::newRow("UNREGISTER") << "UNREGISTER" << "Not registered";
        QTest::newRow("REGISTERED") << "REGISTERED" << "Ready";
        QTest::newRow("CONNECTED") << "CONNECTED" << "In use";
        QTest::newRow("DISCONNECTED") << "DISCONNECTED" << "Disconnected";
        QTest::newRow("unknown value: as sent") << "OFFLINE" << "OFFLINE";
    }

    void loginStatesByName()
    {
        QFETCH(QString, raw);
        QFETCH(QString, shown);
        Desktop desktop;
        desktop.id = QStringLiteral("d-9");
        desktop.loginStatus = raw;
        const QStringList lines = DesktopFormatter::table({desktop}).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const qsizetype column = lines.at(0).indexOf(QStringLiteral("LOGIN_STATUS"));
        QCOMPARE(lines.at(1).mid(column, shown.size()), shown);
        QCOMPARE(DesktopFormatter::cells(desktop).at(DesktopFormatter::columns().indexOf(QStringLiteral("login_status"))), raw);
    }

    void jsonSaysTheRetirement()
    {
        Desktop due = sample();
        due.tags = {{QStringLiteral("workspace-admin-retired-on"), QStringLiteral("2020-01-01")},
                    {QStringLiteral("workspace-admin-retire-after"), QStringLiteral("2020-01-31")}};
        Desktop waiting = sample();
        waiting.tags = {{QStringLiteral("workspace-admin-retire-after"), QStringLiteral("2999-12-31")}};
        Desktop unreadable = sample();
        unreadable.tags = {{QStringLiteral("workspace-admin-retire-after"), QStringLiteral("soon")}};
        const QJsonArray array =
            QJsonDocument::fromJson(DesktopFormatter::json({due, waiting, unreadable, sample()}).toUtf8()).array();
        QCOMPARE(array.at(0).toObject().value(QStringLiteral("retire_after")).toString(), QStringLiteral("2020-01-31"));
        QCOMPARE(array.at(0).toObject().value(QStringLiteral("retire_due")).toBool(false), true);
        QCOMPARE(array.at(1).toObject().value(QStringLiteral("retire_after")).toString(), QStringLiteral("2999-12-31"));
        QCOMPARE(array.at(1).toObject().value(QStringLiteral("retire_due")).toBool(true), false);
        QVERIFY(array.at(2).toObject().value(QStringLiteral("retire_after")).isNull());
        QCOMPARE(array.at(2).toObject().value(QStringLiteral("retiring")).toBool(false), true);
        QCOMPARE(array.at(2).toObject().value(QStringLiteral("retire_due")).toBool(true), false);
        QCOMPARE(array.at(3).toObject().value(QStringLiteral("retiring")).toBool(true), false);
        QVERIFY(array.at(3).toObject().value(QStringLiteral("retire_after")).isNull());
    }

    void jsonKeepsTypes()
    {
        const QJsonDocument document = QJsonDocument::fromJson(DesktopFormatter::json({sample()}).toUtf8());
        const QJsonObject object = document.array().first().toObject();
        QCOMPARE(object.value(QStringLiteral("status")).toString(), QStringLiteral("ACTIVE"));
        QCOMPARE(object.value(QStringLiteral("task_status")).toString(), QStringLiteral("deleting"));
        QCOMPARE(object.value(QStringLiteral("ip_addresses")).toArray().size(), 2);
        QCOMPARE(object.value(QStringLiteral("login_status")).toString(), QStringLiteral("CONNECTED"));
        QCOMPARE(object.value(QStringLiteral("billing_mode")).toString(), QStringLiteral("yearly_monthly"));
        QCOMPARE(object.value(QStringLiteral("tags")).toObject().value(QStringLiteral("env")).toString(),
                 QStringLiteral("prod"));
        QCOMPARE(object.value(QStringLiteral("billing")).toString(), QStringLiteral("yearly_monthly"));
        QCOMPARE(object.value(QStringLiteral("in_maintenance_mode")).toBool(true), false);
        QVERIFY(object.value(QStringLiteral("pool_id")).isNull());
        QVERIFY(!object.contains(QStringLiteral("idle_days"))); // no usage asked for
    }

    void usageWithoutDataIsNeverZero()
    {
        Desktop used = sample();
        used.id = QStringLiteral("d-used");
        used.poolId = QStringLiteral("pool-dev");
        used.inMaintenanceMode = true;
        Desktop unknown = sample();
        unknown.id = QStringLiteral("d-unknown");
        DesktopUsage usage;
        usage.desktopId = used.id;
        usage.idleSeconds = 95 * 86400 + 3600;
        usage.usageSeconds = 5400;
        const DesktopFormatter::UsageById byId = QHash<QString, DesktopUsage>{{used.id, usage}};

        const QJsonArray array = QJsonDocument::fromJson(DesktopFormatter::json({used, unknown}, byId).toUtf8()).array();
        QCOMPARE(array.at(0).toObject().value(QStringLiteral("idle_days")).toInt(), 95);
        QCOMPARE(array.at(0).toObject().value(QStringLiteral("used_hours")).toDouble(), 1.5);
        QCOMPARE(array.at(0).toObject().value(QStringLiteral("pool_id")).toString(), QStringLiteral("pool-dev"));
        QVERIFY(array.at(0).toObject().value(QStringLiteral("in_maintenance_mode")).toBool());
        QVERIFY(array.at(1).toObject().value(QStringLiteral("idle_days")).isNull());
        QVERIFY(array.at(1).toObject().value(QStringLiteral("used_hours")).isNull());

        const QStringList csv = DesktopFormatter::csv({used, unknown}, byId).split(QStringLiteral("\r\n"));
        QVERIFY(csv.at(0).endsWith(QStringLiteral(",in_maintenance_mode,pool_id,idle_days,used_hours")));
        QVERIFY(csv.at(1).endsWith(QStringLiteral(",true,pool-dev,95,1.5")));
        QVERIFY(csv.at(2).endsWith(QStringLiteral(",false,,,")));

        const QStringList table = DesktopFormatter::table({used, unknown}, byId).split(QLatin1Char('\n'));
        QVERIFY(table.at(0).contains(QStringLiteral("IDLE_DAYS")));
        static const QRegularExpression noData(QStringLiteral("no data +no data$"));
        QVERIFY2(table.at(2).contains(noData), qPrintable(table.at(2)));
    }
};

QTEST_GUILESS_MAIN(TestDesktopFormatter)
#include "tst_desktopformatter.moc"
