#include "clisimulatorfixture.h"
#include "iamroutes.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <QTest>

// The CLI finding the project from the access key (--region without --project-id) against the
// simulator's IAM, and the account's projects (`regions`).
class TestCliProjects : public QObject, private CliSimulatorFixture
{
    Q_OBJECT

private:
    // The simulator's keys, no project id, IAM at the simulator.
    QProcessEnvironment discoveringEnvironment() const
    {
        QProcessEnvironment env = environment();
        env.remove(QStringLiteral("HUAWEICLOUD_SDK_PROJECT_ID"));
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_IAM_ENDPOINT"), m_simulator->url().toString());
        return env;
    }

    Result runDiscovering(const QStringList &arguments) const
    {
        return runCli(arguments + connection()
                          + QStringList{QStringLiteral("--region"), m_simulator->config().region},
                      discoveringEnvironment());
    }

    int iamRequests() const
    {
        return m_simulator->requestCount("GET", QStringLiteral("/v3/"));
    }

private Q_SLOTS:
    void init() { QVERIFY(startSimulator()); }

    void regionAloneFindsTheProject()
    {
        const Result result = runDiscovering({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QCOMPARE(QJsonDocument::fromJson(result.out.toUtf8()).array().size(), 40);
        QVERIFY2(result.err.contains(m_simulator->config().projectId), qPrintable(result.err));
        QCOMPARE(m_simulator->requestCount("GET", QStringLiteral("/v3/projects")), 1);
    }

    void forbiddenListingFallsBack()
    {
        m_simulator->iam().setListProjectsForbidden(true);
        const Result result = runDiscovering({QStringLiteral("list")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QCOMPARE(m_simulator->requestCount("GET", QStringLiteral("/v3/auth/projects")), 1);
    }

    void noProjectIsAConfigurationError()
    {
        m_simulator->iam().projects().removeIf(
            [this](const IamProjectRecord &project) { return project.name == m_simulator->config().region; });
        const Result result = runDiscovering({QStringLiteral("list")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(m_simulator->config().region) && result.err.contains(QStringLiteral("trace id")),
                 qPrintable(result.err));
        QCOMPARE(m_simulator->requestCount("GET", QStringLiteral("desktops/detail")), 0);
    }

    void severalProjectsAreNamed()
    {
        const QString second = QStringLiteral("4d5e6f708192a3b4c5d6e7f8091a2b3c");
        m_simulator->iam().addProject(second, m_simulator->config().region);
        const Result result = runDiscovering({QStringLiteral("list")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(second) && result.err.contains(m_simulator->config().projectId), qPrintable(result.err));
    }

    void iamErrorIsAnApiError()
    {
        QProcessEnvironment env = discoveringEnvironment();
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_SK"), QStringLiteral("WRONG"));
        const Result result = runCli(QStringList{QStringLiteral("list")} + connection()
                                         + QStringList{QStringLiteral("--region"), m_simulator->config().region},
                                     env);
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(result.err.contains(QStringLiteral("401")) && result.err.contains(QStringLiteral("APIGW.0301"))
                     && result.err.contains(QStringLiteral("IAM trace id")),
                 qPrintable(result.err));
    }

    void explicitProjectIdWins()
    {
        const Result result = runCli(QStringList{QStringLiteral("list"), QStringLiteral("--project-id"),
                                                 m_simulator->config().projectId, QStringLiteral("--region"),
                                                 m_simulator->config().region}
                                         + connection(),
                                     discoveringEnvironment());
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QCOMPARE(iamRequests(), 0);
    }

    void neitherRegionNorProjectIsAUsageError()
    {
        const Result result = runCli(QStringList{QStringLiteral("list")} + connection(), discoveringEnvironment());
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("--region")), qPrintable(result.err));
        QCOMPARE(iamRequests(), 0);
    }

    void regionsListsTheAccountsWorkspaceProjects()
    {
        SimulatorConfig asia = simulatorConfig({}, {}, 7, 100);
        asia.projectId = QStringLiteral("5e6f708192a3b4c5d6e7f8091a2b3c4d");
        asia.region = QStringLiteral("ap-southeast-3");
        asia.seed = 3;
        m_simulator->addProject(asia);
        SimulatorConfig dev = asia;
        dev.projectId = QStringLiteral("6f708192a3b4c5d6e7f8091a2b3c4d5e");
        dev.region = QStringLiteral("cn-north-4_dev");
        dev.desktopCount = 3;
        m_simulator->addProject(dev);
        // Not Workspace's: a region without Workspace (and the built-in MOS).
        m_simulator->iam().addProject(QStringLiteral("708192a3b4c5d6e7f8091a2b3c4d5e6f"), QStringLiteral("cn-east-2"));

        const Result result = runDiscovering({QStringLiteral("regions"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QJsonArray rows = QJsonDocument::fromJson(result.out.toUtf8()).array();
        QCOMPARE(rows.size(), 3);
        const auto row = [&rows](int i) { return rows.at(i).toObject(); };
        QCOMPARE(row(0).value(QStringLiteral("project_name")).toString(), m_simulator->config().region);
        QCOMPARE(row(0).value(QStringLiteral("project_id")).toString(), m_simulator->config().projectId);
        QCOMPARE(row(0).value(QStringLiteral("desktop_count")).toInt(), 40);
        QCOMPARE(row(1).value(QStringLiteral("project_name")).toString(), dev.region);
        QCOMPARE(row(1).value(QStringLiteral("region")).toString(), m_simulator->config().region);
        QCOMPARE(row(1).value(QStringLiteral("desktop_count")).toInt(), 3);
        QCOMPARE(row(2).value(QStringLiteral("region")).toString(), asia.region);
        QCOMPARE(row(2).value(QStringLiteral("desktop_count")).toInt(), 7);
        // The account's projects need no project id: nothing was looked up by name.
        QCOMPARE(m_simulator->requestCount("GET", QStringLiteral("/v3/projects")), 0);
        QCOMPARE(m_simulator->requestCount("GET", QStringLiteral("/v3/auth/projects")), 1);
    }

    void regionsNamesTheProjectThatFails()
    {
        // IAM lists a project no Workspace answers for with this key.
        m_simulator->iam().addProject(QStringLiteral("8192a3b4c5d6e7f8091a2b3c4d5e6f70"), QStringLiteral("af-south-1"));
        const Result result = runDiscovering({QStringLiteral("regions")});
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(result.out.contains(QStringLiteral("af-south-1")) && result.out.contains(QStringLiteral("403"))
                     && result.out.contains(QStringLiteral("40")),
                 qPrintable(result.out));
    }

    void regionsNeedsARegion()
    {
        const Result result = runCli(QStringList{QStringLiteral("regions")} + connection(), environment());
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("--region")), qPrintable(result.err));
    }

    void demoFindsItsProject()
    {
        const Result result = runDemo({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY(!QJsonDocument::fromJson(result.out.toUtf8()).array().isEmpty());
        QVERIFY2(result.err.contains(QStringLiteral("cn-north-4")), qPrintable(result.err));
    }
};

QTEST_GUILESS_MAIN(TestCliProjects)
#include "tst_cliprojects.moc"
