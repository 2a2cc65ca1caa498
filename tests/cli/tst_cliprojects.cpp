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

    // Two more projects behind the simulator: ap-southeast-3 (7 desktops) and cn-north-4_dev (3).
    QPair<SimulatorConfig, SimulatorConfig> addProjects()
    {
        const SimulatorConfig asia = secondRegionConfig({}, {}, 7, 100);
        m_simulator->addProject(asia);
        SimulatorConfig dev = asia;
        dev.projectId = QStringLiteral("6f708192a3b4c5d6e7f8091a2b3c4d5e");
        dev.region = QStringLiteral("cn-north-4_dev");
        dev.desktopCount = 3;
        m_simulator->addProject(dev);
        return {asia, dev};
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
        const auto [asia, dev] = addProjects();
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

    void listAllRegionsNamesEveryDesktopsProject()
    {
        const auto [asia, dev] = addProjects();
        const Result result = runDiscovering(
            {QStringLiteral("list"), QStringLiteral("--all-regions"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QJsonArray desktops = QJsonDocument::fromJson(result.out.toUtf8()).array();
        QCOMPARE(desktops.size(), 50);
        QHash<QString, int> perProject;
        for (const QJsonValue &value : desktops) {
            const QJsonObject desktop = value.toObject();
            QVERIFY(desktop.contains(QStringLiteral("region")) && desktop.contains(QStringLiteral("project_id")));
            ++perProject[desktop.value(QStringLiteral("region")).toString() + QLatin1Char('/')
                         + desktop.value(QStringLiteral("project_id")).toString()];
        }
        QCOMPARE(perProject.value(m_simulator->config().region + QLatin1Char('/') + m_simulator->config().projectId), 40);
        QCOMPARE(perProject.value(QStringLiteral("cn-north-4/") + dev.projectId), 3);
        QCOMPARE(perProject.value(asia.region + QLatin1Char('/') + asia.projectId), 7);
        QCOMPARE(m_simulator->requestCount("GET", QStringLiteral("/v3/projects")), 0);
    }

    void listAllRegionsShowsTheOthersWhenOneFails()
    {
        addProjects();
        m_simulator->iam().addProject(QStringLiteral("8192a3b4c5d6e7f8091a2b3c4d5e6f70"), QStringLiteral("af-south-1"));
        const Result result = runDiscovering({QStringLiteral("list"), QStringLiteral("--all-regions"), QStringLiteral("--format"),
                                              QStringLiteral("csv")});
        QCOMPARE(result.exitCode, 3);
        QCOMPARE(result.out.count(QStringLiteral("\r\n")), 51); // the header and 50 desktops
        QVERIFY(result.out.startsWith(QStringLiteral("region,project_name,project_id,")));
        QVERIFY2(result.err.contains(QStringLiteral("af-south-1")) && result.err.contains(QStringLiteral("403")),
                 qPrintable(result.err));
    }

    void listAllRegionsTable()
    {
        addProjects();
        const Result result = runDiscovering({QStringLiteral("list"), QStringLiteral("--all-regions")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QStringList lines = result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 51);
        QVERIFY(lines.first().startsWith(QStringLiteral("REGION")));
        QVERIFY(lines.last().startsWith(QStringLiteral("ap-southeast-3")));
    }

    void allRegionsTakesNoUsage()
    {
        const Result result = runDiscovering({QStringLiteral("list"), QStringLiteral("--all-regions"),
                                              QStringLiteral("--idle-days"), QStringLiteral("30")});
        QCOMPARE(result.exitCode, 2);
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
