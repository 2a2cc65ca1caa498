#include "settings/profilestore.h"
#include "simulatortestsupport.h"
#include "workspacesimulator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// `workspace-admin-cli delete` for real, against the Workspace simulator in this process:
// signatures checked, jobs run, faults injected.
class TestCliDelete : public QObject
{
    Q_OBJECT

private:
    struct Result
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_AK"), m_simulator->config().accessKey);
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_SK"), m_simulator->config().secretKey);
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_PROJECT_ID"), m_simulator->config().projectId);
        env.remove(QStringLiteral("HUAWEICLOUD_SDK_SECURITY_TOKEN"));
        return env;
    }

    QStringList connection() const
    {
        return {QStringLiteral("--endpoint"), m_simulator->url().toString(), QStringLiteral("--data-dir"),
                m_dataDir};
    }

    Result run(const QStringList &arguments) const
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(WORKSPACE_CLI_PATH), arguments + connection());
        Result result;
        if (!finished.wait(60000)) {
            process.kill();
            return result;
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    Result runDelete(const QStringList &ids, const QStringList &extra = {}) const
    {
        return run(QStringList{QStringLiteral("delete"), QStringLiteral("--ids"), ids.join(QLatin1Char(',')),
                               QStringLiteral("--yes"), QStringLiteral("--poll-interval"),
                               QStringLiteral("0.05")}
                   + extra);
    }

    // The desktops the CLI itself lists, as JSON objects.
    QList<QJsonObject> listed() const
    {
        const Result result = run({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
        QList<QJsonObject> desktops;
        const QJsonArray array = QJsonDocument::fromJson(result.out.toUtf8()).array();
        for (const QJsonValue &value : array)
            desktops.append(value.toObject());
        return desktops;
    }

    QStringList someIds(int count) const
    {
        QStringList ids;
        const QList<QJsonObject> desktops = listed();
        for (const QJsonObject &desktop : desktops) {
            if (ids.size() == count)
                break;
            if (desktop.value(QStringLiteral("task_status")).toString().isEmpty())
                ids.append(desktop.value(QStringLiteral("desktop_id")).toString());
        }
        return ids;
    }

    QTemporaryDir m_home;
    QString m_dataDir;
    std::unique_ptr<WorkspaceSimulator> m_simulator;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_home.isValid());
        m_dataDir = m_home.filePath(QStringLiteral("cli-data-%1").arg(QLatin1String(QTest::currentTestFunction())));
        m_simulator = std::make_unique<WorkspaceSimulator>(
            simulatorConfig(QStringLiteral("SIM-AK"), QStringLiteral("SIM-SK-SECRET"), 40, 100));
        QVERIFY(m_simulator->listen());
    }

    void cleanup() { m_simulator.reset(); }

    void deletesAndAudits()
    {
        const QStringList ids = someIds(3);
        QCOMPARE(ids.size(), 3);
        const int before = m_simulator->desktopCount();
        const Result result = runDelete(ids);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err + result.out));
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 1);
        QCOMPARE(m_simulator->desktopCount(), before - 3);
        for (const QString &id : ids)
            QVERIFY(result.out.contains(id));
        QCOMPARE(result.out.count(QStringLiteral("deleted")), 3);

        // The audit trail exists and holds no secret.
        QFile audit(m_dataDir + QStringLiteral("/audit.jsonl"));
        QVERIFY(audit.open(QIODevice::ReadOnly));
        const QByteArray log = audit.readAll();
        QVERIFY(log.contains(ids.first().toUtf8()));
        QVERIFY(!log.contains("SIM-SK-SECRET"));
        QVERIFY(!result.out.contains(QStringLiteral("SIM-SK-SECRET")));
        QVERIFY(!result.err.contains(QStringLiteral("SIM-SK-SECRET")));
    }

    void failedSubJobExitsWithOne()
    {
        const QStringList ids = someIds(2);
        QCOMPARE(ids.size(), 2);
        SimulatorFaults faults;
        faults.failingDesktopIds = {ids.last()};
        m_simulator->setFaults(faults);
        const Result result = runDelete(ids);
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.out.contains(QStringLiteral("failed")));
        QVERIFY(result.out.contains(QStringLiteral("deleted")));
    }

    void unknownIdIsNeverSent()
    {
        const Result result = runDelete({QStringLiteral("no-such-desktop")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains(QStringLiteral("not found")));
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 0);
    }

    void protectedDesktopIsNeverSent()
    {
        QString protectedId;
        QString tag;
        QStringList others;
        const QList<QJsonObject> desktops = listed();
        for (const QJsonObject &desktop : desktops) {
            const QJsonObject tags = desktop.value(QStringLiteral("tags")).toObject();
            if (protectedId.isEmpty() && !tags.isEmpty()) {
                protectedId = desktop.value(QStringLiteral("desktop_id")).toString();
                tag = tags.begin().key() + QLatin1Char('=') + tags.begin().value().toString();
            }
        }
        if (protectedId.isEmpty())
            QSKIP("The simulator generated no tagged desktop.");
        ProfileStore profiles(m_home.filePath(QStringLiteral("config/workspace-admin/profiles.ini")));
        ConnectionProfile profile;
        profile.name = QStringLiteral("guarded");
        profile.endpoint = m_simulator->url();
        profile.projectId = m_simulator->config().projectId;
        profile.protectedTags = {tag};
        QVERIFY(profiles.save(profile));

        const Result result = runDelete({protectedId}, {QStringLiteral("--profile"), QStringLiteral("guarded")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QStringLiteral("protected")), qPrintable(result.err));
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 0);
        QVERIFY(profiles.remove(QStringLiteral("guarded")));
    }

    void interruptStopsFollowingAndReports()
    {
        const QStringList ids = someIds(2);
        QCOMPARE(ids.size(), 2);
        // Jobs that outlast the test: the CLI is interrupted while it follows them.
        m_simulator.reset();
        m_simulator = std::make_unique<WorkspaceSimulator>(
            simulatorConfig(QStringLiteral("SIM-AK"), QStringLiteral("SIM-SK-SECRET"), 40, 10 * 60 * 1000));
        QVERIFY(m_simulator->listen());

        QProcess process;
        process.setProcessEnvironment(environment());
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(WORKSPACE_CLI_PATH),
                      QStringList{QStringLiteral("delete"), QStringLiteral("--ids"), ids.join(QLatin1Char(',')),
                                  QStringLiteral("--yes"), QStringLiteral("--poll-interval"), QStringLiteral("0.05")}
                          + connection());
        QByteArray errors;
        QTRY_VERIFY_WITH_TIMEOUT((errors += process.readAllStandardError()).contains("accepted"), 30000);
        process.terminate(); // SIGTERM, handled like Ctrl+C
        QVERIFY(finished.wait(30000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 1);
        errors += process.readAllStandardError();
        QVERIFY2(errors.contains("Interrupted"), errors.constData());
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(out.contains(ids.first()), qPrintable(out));
        // The submitted job stays in the journal, to be followed later.
        QFile journal(m_dataDir + QStringLiteral("/jobs.json"));
        QVERIFY(journal.open(QIODevice::ReadOnly));
        QVERIFY(journal.readAll().contains(ids.first().toUtf8()));
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 1);
    }

    void refusedPostExitsWithThree()
    {
        const QStringList ids = someIds(1);
        QCOMPARE(ids.size(), 1);
        SimulatorFaults faults;
        faults.serverErrorShare = 1.0;
        faults.serverErrorStatus = 500;
        faults.pathFilter = QStringLiteral("batch-delete");
        m_simulator->setFaults(faults);
        const Result result = runDelete(ids);
        QCOMPARE(result.exitCode, 3);
        // A POST is never re-sent automatically.
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliDelete)
#include "tst_clidelete.moc"
