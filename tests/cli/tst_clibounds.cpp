// workspace-admin-cli as a process against the misbehaving server: the run's deadline reaches the
// usage statistics, statistics that do not add up are said and end in exit code 4, idle times
// beyond the period are lower bounds, a log-off message the service would refuse is refused with
// nothing sent, and a dry run whose users' look-up failed says the impact is unknown and fails.
#include "clirun.h"
#include "misbehavingserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <functional>

namespace {
using Answer = std::optional<MisbehavingServer::Answer>;

QByteArray usageBody(const QJsonArray &items, int count)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("count"), count}, {QStringLiteral("items"), items}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject usageEntry(const QString &id, double idleSeconds, double usageSeconds)
{
    return QJsonObject{{QStringLiteral("resource_id"), id},
                       {QStringLiteral("metric"),
                        QJsonArray{QJsonObject{{QStringLiteral("metric_name"), QStringLiteral("desktop_idle_duration")},
                                               {QStringLiteral("metric_value"), idleSeconds}},
                                   QJsonObject{{QStringLiteral("metric_name"), QStringLiteral("desktop_usage")},
                                               {QStringLiteral("metric_value"), usageSeconds}}}}};
}

QString desktopId(int index)
{
    return QStringLiteral("d-%1").arg(index, 5, 10, QLatin1Char('0'));
}
} // namespace

class TestCliBounds : public QObject
{
    Q_OBJECT

private:
    struct Result : CliResult
    {
        qint64 elapsedMs = 0;
    };

    // The CLI with these arguments; through /bin/sh when `shellArgument` is set, so that a test can
    // hand it bytes that are not UTF-8 (printf's output, one more argument after the others).
    Result run(const QStringList &arguments, const QByteArray &shellArgument = {})
    {
        const QString endpoint = m_server->endpoint().toString();
        const QProcessEnvironment env = sandboxedCliEnvironment(m_home);
        QElapsedTimer clock;
        clock.start();
        Result result;
        static_cast<CliResult &>(result) = shellArgument.isEmpty()
            ? runCli(arguments + QStringList{QStringLiteral("--endpoint"), endpoint}, env)
            : runProgram(QStringLiteral("/bin/sh"),
                         QStringList{QStringLiteral("-c"),
                                     QStringLiteral("exec \"$0\" \"$@\" \"$(printf '%1')\" --endpoint '%2'")
                                         .arg(QString::fromLatin1(shellArgument), endpoint),
                                     QStringLiteral(WORKSPACE_CLI_PATH)}
                             + arguments,
                         env);
        result.elapsedMs = clock.elapsed();
        return result;
    }

    void serveUsage(std::function<QByteArray(int offset, int limit)> page)
    {
        m_server->setRoute(QStringLiteral("/statistics/metrics/desktops"), [page](const QByteArray &, const QUrl &url) {
            const QUrlQuery query(url);
            return Answer({200, page(query.queryItemValue(QStringLiteral("offset")).toInt(),
                                     query.queryItemValue(QStringLiteral("limit")).toInt())});
        });
    }

    QTemporaryDir m_home;
    std::unique_ptr<MisbehavingServer> m_server;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_home.isValid());
        m_server = std::make_unique<MisbehavingServer>();
        QVERIFY(m_server->listen());
    }

    void usageWithoutAnswerEndsAtTheRunsTimeout()
    {
        m_server->setDesktopCount(3);
        m_server->setRoute(QStringLiteral("/statistics/metrics/desktops"),
                           [](const QByteArray &, const QUrl &) { return Answer(); });
        const Result result = run({QStringLiteral("list"), QStringLiteral("--idle-days"), QStringLiteral("5"),
                                   QStringLiteral("--timeout"), QStringLiteral("0.5")});
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(result.elapsedMs < 10000, qPrintable(QString::number(result.elapsedMs)));
        QVERIFY2(result.err.contains(QLatin1String("in time")), qPrintable(result.err));
    }

    void conflictingUsageIsSaidAndIncomplete()
    {
        m_server->setDesktopCount(3);
        serveUsage([](int, int) {
            return usageBody(QJsonArray{usageEntry(desktopId(0), 86400 * 40, 0), usageEntry(desktopId(1), 86400 * 40, 0),
                                        usageEntry(desktopId(1), 86400 * 2, 7200)},
                             3);
        });
        const Result result = run({QStringLiteral("list"), QStringLiteral("--idle-days"), QStringLiteral("10"),
                                   QStringLiteral("--period-days"), QStringLiteral("60")});
        QCOMPARE(result.exitCode, 4);
        QVERIFY2(result.err.contains(QLatin1String("different usage statistics")) && result.err.contains(desktopId(1)),
                 qPrintable(result.err));
        QVERIFY2(result.out.contains(desktopId(0)) && !result.out.contains(desktopId(1)), qPrintable(result.out));
    }

    void countOfZeroBesideFullPagesListsEveryDesktop()
    {
        m_server->setDesktopCount(250);
        serveUsage([](int offset, int limit) {
            QJsonArray items;
            for (int i = offset; i < std::min(250, offset + limit); ++i)
                items.append(usageEntry(desktopId(i), 86400 * 3, 60));
            return usageBody(items, 0);
        });
        const Result result = run({QStringLiteral("list"), QStringLiteral("--idle-days"), QStringLiteral("1"),
                                   QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out.count(QLatin1Char('\n')), 251); // header and every desktop
        QVERIFY2(!result.err.contains(QLatin1String("without usage statistics")), qPrintable(result.err));
        QVERIFY2(result.err.contains(QLatin1String("counted 0")), qPrintable(result.err));
    }

    void idleBeyondThePeriodIsALowerBound()
    {
        m_server->setDesktopCount(2);
        serveUsage([](int, int) {
            return usageBody(QJsonArray{usageEntry(desktopId(0), 1e11, 0), usageEntry(desktopId(1), 86400 * 4, 60)}, 2);
        });
        const QStringList list{QStringLiteral("list"), QStringLiteral("--period-days"), QStringLiteral("30"),
                               QStringLiteral("--format")};
        const Result json = run(list + QStringList{QStringLiteral("json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray desktops = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(desktops.size(), 2);
        QCOMPARE(desktops.at(0)[QLatin1String("idle_days")].toInt(), 30);
        QCOMPARE(desktops.at(0)[QLatin1String("idle_days_more_than")].toBool(), true);
        QCOMPARE(desktops.at(1)[QLatin1String("idle_days")].toInt(), 4);
        QCOMPARE(desktops.at(1)[QLatin1String("idle_days_more_than")].toBool(), false);
        const Result table = run(list + QStringList{QStringLiteral("table")});
        QVERIFY2(table.out.contains(QLatin1String("more than 30")) && !table.out.contains(QLatin1String("1157407")),
                 qPrintable(table.out));
        const Result csv = run(list + QStringList{QStringLiteral("csv")});
        QVERIFY2(csv.out.contains(QLatin1String(",>30,")), qPrintable(csv.out));
    }

    void logoffMessageTheServiceWouldRefuseIsNotSent_data()
    {
        QTest::addColumn<QString>("message");
        QTest::newRow("300 characters") << QString(300, QLatin1Char('m'));
        QTest::newRow("120 KB") << QString(120 * 1024, QLatin1Char('m'));
        QTest::newRow("blank") << QStringLiteral("   ");
    }

    void logoffMessageTheServiceWouldRefuseIsNotSent()
    {
        QFETCH(QString, message);
        const Result result = run({QStringLiteral("logoff"), QStringLiteral("--ids"), QStringLiteral("d-00000"),
                                   QStringLiteral("--yes"), QStringLiteral("--message"), message});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QLatin1String("Nothing was sent")) || result.err.contains(QLatin1String("empty")),
                 qPrintable(result.err.left(300)));
        QCOMPARE(m_server->requests().size(), 0);
    }

    void logoffMessageOfInvalidUtf8IsNotSent()
    {
        // "caf" and a Latin-1 é: bytes that are not UTF-8.
        const Result result = run({QStringLiteral("logoff"), QStringLiteral("--ids"), QStringLiteral("d-00000"),
                                   QStringLiteral("--yes"), QStringLiteral("--message")},
                                  QByteArrayLiteral("caf\\351"));
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QLatin1String("UTF-8")), qPrintable(result.err));
        QCOMPARE(m_server->requests().size(), 0);
    }

    void dryRunWithAFailedUsersLookUpSaysTheImpactIsUnknown()
    {
        // The desktops are found by id; the look-up of their users' other desktops fails.
        m_server->setRoute(QStringLiteral("/desktops/detail"), [](const QByteArray &, const QUrl &url) {
            const QUrlQuery query(url);
            if (query.hasQueryItem(QStringLiteral("user_names")))
                return Answer({500, QByteArray("{\"error_code\":\"WKS.0001\",\"error_msg\":\"internal error\"}")});
            QJsonArray desktops;
            const QStringList ids = query.allQueryItemValues(QStringLiteral("desktop_id"));
            for (const QString &id : ids) {
                desktops.append(QJsonObject{{QStringLiteral("desktop_id"), id},
                                            {QStringLiteral("computer_name"), QStringLiteral("pc")},
                                            {QStringLiteral("status"), QStringLiteral("SHUTOFF")},
                                            {QStringLiteral("login_status"), QStringLiteral("UNREGISTER")},
                                            {QStringLiteral("user_name"), QString(QStringLiteral("u") + id)},
                                            {QStringLiteral("product"), QJsonObject{{QStringLiteral("charge_mode"), QStringLiteral("1")}}}});
            }
            const QJsonObject page{{QStringLiteral("total_count"), int(ids.size())}, {QStringLiteral("desktops"), desktops}};
            return Answer({200, QJsonDocument(page).toJson(QJsonDocument::Compact)});
        });
        const Result result = run({QStringLiteral("delete"), QStringLiteral("--ids"), QStringLiteral("d-1,d-2"),
                                   QStringLiteral("--delete-users"), QStringLiteral("--dry-run")});
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(result.err.contains(QLatin1String("impact on users is unknown")), qPrintable(result.err));
        QVERIFY2(result.err.contains(QLatin1String("500")) && result.err.contains(QLatin1String("WKS.0001")),
                 qPrintable(result.err));
        QVERIFY2(!result.err.contains(QLatin1String("would be deleted (no other desktop)")), qPrintable(result.err));
    }
};

QTEST_MAIN(TestCliBounds)
#include "tst_clibounds.moc"
