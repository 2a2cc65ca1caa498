#include "clirun.h"
#include "misbehavingserver.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// workspace-admin-cli run as a process against the misbehaving server of tests/common: what the
// CLI prints and how it exits when the service's answers do not add up.
class TestCliMisbehaving : public QObject
{
    Q_OBJECT

private:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QString err;
    };

    Result list(const QStringList &extra = {}) { return run(QStringList{QStringLiteral("list")} + extra); }

    Result run(const QStringList &arguments)
    {
        QProcess process;
        process.setProcessEnvironment(sandboxedCliEnvironment(m_home));
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(WORKSPACE_CLI_PATH),
                      arguments + QStringList{QStringLiteral("--endpoint"), m_server->endpoint().toString()});
        Result result;
        // The event loop runs while waiting, so that the in-process server can answer.
        if (!finished.wait(60000)) {
            process.kill();
            process.waitForFinished();
            return result;
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        result.out = process.readAllStandardOutput();
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    static int rows(const QByteArray &table) { return int(table.count('\n')) - 1; }

    QTemporaryDir m_home;
    std::unique_ptr<MisbehavingServer> m_server;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_home.isValid());
        m_server = std::make_unique<MisbehavingServer>();
        QVERIFY(m_server->listen());
    }

    void partialListingWarnsAndExitsWithFour_data()
    {
        QTest::addColumn<int>("paging");
        QTest::addColumn<int>("expectedRows");
        QTest::newRow("short middle page") << int(MisbehavingServer::Paging::ShortPage) << 1250;
        QTest::newRow("empty middle page") << int(MisbehavingServer::Paging::EmptyPage) << 500;
        QTest::newRow("offset ignored") << int(MisbehavingServer::Paging::IgnoresOffset) << 500;
    }

    void partialListingWarnsAndExitsWithFour()
    {
        QFETCH(int, paging);
        QFETCH(int, expectedRows);
        m_server->setDesktopCount(1500);
        m_server->setPaging(MisbehavingServer::Paging(paging));
        m_server->setRuleOffset(500);
        const Result result = list();
        QCOMPARE(result.exitCode, 4);
        QCOMPARE(rows(result.out), expectedRows);
        QVERIFY2(result.err.contains(QStringLiteral("incomplete")), qPrintable(result.err));
        QVERIFY2(result.err.contains(QStringLiteral("1,500")), qPrintable(result.err));
    }

    void missingTotalPagesToTheShortPage()
    {
        m_server->setDesktopCount(1200);
        m_server->setTotalCountJson("\"abc\"");
        const Result result = list({QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(rows(result.out), 1200);
        QVERIFY2(result.err.contains(QStringLiteral("1,200 desktops.")), qPrintable(result.err));
    }

    void duplicatesAreListedOnceWithAWarning()
    {
        m_server->setDesktopCount(1500);
        m_server->setTotalCountJson(QByteArray());
        m_server->setPaging(MisbehavingServer::Paging::Overlapping);
        m_server->setOverlap(100);
        const Result result = list();
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(rows(result.out), 1500);
        QVERIFY2(result.err.contains(QStringLiteral("300 duplicate")), qPrintable(result.err));
    }

    // delete with --turn-autoscale-off-first, its dry run and its run: both refuse a pool that
    // cannot be used, and neither prints nor sends a PUT for it.
    void unusablePoolIdIsRefusedByTheDryRunAsByTheRun()
    {
        m_server->setDesktopCount(1);
        m_server->setDesktopPoolId(QStringLiteral("a/../../b%3Fx=1%23f"));
        const QStringList command{QStringLiteral("delete"), QStringLiteral("--ids"), QStringLiteral("d-00000"),
                                  QStringLiteral("--turn-autoscale-off-first")};
        const Result dryRun = run(command + QStringList{QStringLiteral("--dry-run")});
        QCOMPARE(dryRun.exitCode, 4);
        QVERIFY2(!dryRun.out.contains("desktop-pools"), dryRun.out.constData());
        const Result real = run(command + QStringList{QStringLiteral("--yes")});
        QCOMPARE(real.exitCode, 4);
        QVERIFY2(real.err.contains(QStringLiteral("nothing was deleted")), qPrintable(real.err));
        QCOMPARE(m_server->requestCount(QStringLiteral("batch-delete")), 0);
        for (const QUrl &url : m_server->requests())
            QVERIFY2(!url.path().contains(QLatin1String("desktop-pools/")), qPrintable(url.toString()));
    }

    void poolsListingWithoutAnswerEndsAtTimeoutIncomplete()
    {
        m_server->setDesktopCount(1);
        m_server->setPoolCount(1);
        m_server->setPoolListing(MisbehavingServer::PoolListing::NeverAnswers);
        QElapsedTimer clock;
        clock.start();
        const Result result = run({QStringLiteral("delete"), QStringLiteral("--ids"), QStringLiteral("d-00000"),
                                   QStringLiteral("--turn-autoscale-off-first"), QStringLiteral("--dry-run"),
                                   QStringLiteral("--timeout"), QStringLiteral("1")});
        QCOMPARE(result.exitCode, 4);
        QVERIFY(clock.elapsed() < 30000);
        QVERIFY2(result.err.contains(QStringLiteral("pools could not be listed")), qPrintable(result.err));
    }

    void poolThatStaysOnAfterTheChangeKeepsEverything()
    {
        m_server->setDesktopCount(2);
        m_server->setPoolCount(1);
        m_server->setPoolStaysOnAfterUpdate(true);
        const Result result = run({QStringLiteral("delete"), QStringLiteral("--ids"), QStringLiteral("d-00000"),
                                   QStringLiteral("--turn-autoscale-off-first"), QStringLiteral("--yes")});
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(result.err.contains(QStringLiteral("still reads autoscale on")), qPrintable(result.err));
        QCOMPARE(m_server->requestCount(QStringLiteral("desktop-pools/p-0")), 1);
        QCOMPARE(m_server->requestCount(QStringLiteral("batch-delete")), 0);
    }

    void endlessListingStopsAtTimeout()
    {
        m_server->setTotalCountJson(QByteArray());
        m_server->setPaging(MisbehavingServer::Paging::Endless);
        m_server->setTrickle(200, 50);
        QElapsedTimer clock;
        clock.start();
        const Result result = list({QStringLiteral("--timeout"), QStringLiteral("1")});
        QCOMPARE(result.exitCode, 3);
        QVERIFY(clock.elapsed() < 30000);
        QVERIFY2(result.err.contains(QStringLiteral("in time")), qPrintable(result.err));
    }

    void escapeSequencesNeverReachTheTerminal_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("table") << QStringLiteral("table");
        QTest::newRow("csv") << QStringLiteral("csv");
        QTest::newRow("json") << QStringLiteral("json");
    }

    void escapeSequencesNeverReachTheTerminal()
    {
        QFETCH(QString, format);
        m_server->setDesktopCount(2);
        m_server->setDesktopName(QStringLiteral("pc\x1b]0;owned\x07\x1b[2J\rfake\u009b31m\u202e"));
        const Result result = list({QStringLiteral("--format"), format});
        QCOMPARE(result.exitCode, 0);
        QByteArray lines = result.out;
        lines.replace("\r\n", "\n"); // CSV's own line ends
        for (const char control : {'\x1b', '\x07', '\r'})
            QVERIFY2(!lines.contains(control), lines.constData());
        const QString text = QString::fromUtf8(result.out);
        QVERIFY(!text.contains(QChar(0x9b)) && !text.contains(QChar(0x202e)));
        QVERIFY(text.contains(QStringLiteral("owned")));
    }

    void errorMessagesAreCleanedForTheTerminal()
    {
        m_server->setErrorStatus(400);
        m_server->setFailReason(QStringLiteral("bad\x1b[2Jrequest"));
        const Result result = list();
        QCOMPARE(result.exitCode, 3);
        QVERIFY(!result.err.contains(QChar(0x1b)));
        QVERIFY2(result.err.contains(QStringLiteral("request")), qPrintable(result.err));
    }

    // The job's failure line is printed as the service wrote it: the output device cleans it.
    void jobReportIsCleanedForTheTerminal()
    {
        m_server->setFailReason(QStringLiteral("quota\x1b]0;owned\x07\rexceeded\u009b"));
        const Result result = run({QStringLiteral("job"), QStringLiteral("job-1")});
        QCOMPARE(result.exitCode, 1); // FAIL
        QVERIFY2(result.out.contains("exceeded"), result.out.constData());
        for (const char control : {'\x1b', '\x07', '\r'})
            QVERIFY2(!result.out.contains(control), result.out.constData());
        QVERIFY(!result.out.contains("\xc2\x9b"));
    }

    void endlessSubJobPagesEnd()
    {
        m_server->setEndlessSubJobs(true);
        const Result result = run({QStringLiteral("job"), QStringLiteral("job-1")});
        QCOMPARE(result.exitCode, 1);
        // 1,000 a page up to the documented offset bound of 10,000.
        QVERIFY(m_server->requestCount(QStringLiteral("/workspace-sub-jobs")) <= 11);
    }

    void hugeNamesAreCutInTheTable()
    {
        m_server->setDesktopCount(3);
        m_server->setDesktopName(QString(5 * 1024 * 1024, QLatin1Char('n')));
        const Result result = list();
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(rows(result.out), 3);
        QVERIFY2(result.out.size() < 4096, QByteArray::number(result.out.size()).constData());
    }
};

QTEST_GUILESS_MAIN(TestCliMisbehaving)
#include "tst_climisbehaving.moc"
