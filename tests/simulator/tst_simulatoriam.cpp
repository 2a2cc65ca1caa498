#include "api/apicalls.h"
#include "api/iamcalls.h"
#include "api/projectdiscovery.h"
#include "iamroutes.h"
#include "simulatortestsupport.h"
#include "workspacesimulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

// The simulator's IAM (GET /v3/projects, GET /v3/auth/projects) and several projects behind one
// server, with the app's project discovery and listing against them.
class TestSimulatorIam : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WorkspaceSimulator> m_simulator;
    QNetworkAccessManager m_network;

    ProjectDiscovery::Request discoveryRequest(const QString &secretKey = {}) const
    {
        ProjectDiscovery::Request request;
        request.region = m_simulator->config().region;
        request.iamEndpoint = m_simulator->url();
        request.credentials = {m_simulator->config().accessKey,
                               secretKey.isEmpty() ? m_simulator->config().secretKey : secretKey, {}};
        return request;
    }

    std::unique_ptr<ProjectDiscovery> discover(const ProjectDiscovery::Request &request)
    {
        auto discovery = std::make_unique<ProjectDiscovery>(&m_network, request);
        QSignalSpy finished(discovery.get(), &ProjectDiscovery::finished);
        discovery->start();
        if (!finished.wait(10000))
            return nullptr;
        return discovery;
    }

    // The raw answer of an IAM call, read through the app's signed client.
    QJsonObject rawIamAnswer(const QString &path, QByteArray *traceId)
    {
        ClientConfig config;
        config.endpoint = m_simulator->url();
        ApiClient client(&m_network, config, {m_simulator->config().accessKey, m_simulator->config().secretKey, {}});
        QUrl url = m_simulator->url();
        url.setPath(path);
        QNetworkReply *reply = client.send("GET", url, {});
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!finished.wait(10000))
            return {};
        reply->deleteLater();
        *traceId = reply->rawHeader("X-IAM-Trace-Id");
        return QJsonDocument::fromJson(reply->readAll()).object();
    }

private Q_SLOTS:
    void init()
    {
        ProjectDiscovery::clearCache();
        m_simulator = std::make_unique<WorkspaceSimulator>(
            simulatorConfig(QStringLiteral("IAM-AK"), QStringLiteral("IAM-SK"), 12, 100));
        QVERIFY(m_simulator->listen());
    }

    void answersInTheDocumentedShape()
    {
        QByteArray traceId;
        const QJsonObject answer = rawIamAnswer(QStringLiteral("/v3/auth/projects"), &traceId);
        QVERIFY(!traceId.isEmpty());
        QVERIFY(answer.value(QStringLiteral("links")).toObject().contains(QStringLiteral("self")));
        const QJsonArray projects = answer.value(QStringLiteral("projects")).toArray();
        QVERIFY(projects.size() >= 2);
        for (const QJsonValue &value : projects) {
            const QJsonObject project = value.toObject();
            for (const char *field : {"id", "name", "domain_id", "enabled", "is_domain", "parent_id", "description", "links"})
                QVERIFY2(project.contains(QLatin1String(field)), field);
            QCOMPARE(project.value(QStringLiteral("is_domain")).toBool(true), false);
        }
        const QJsonObject byName = rawIamAnswer(QStringLiteral("/v3/projects"), &traceId);
        const QJsonObject links = byName.value(QStringLiteral("links")).toObject();
        QVERIFY(links.contains(QStringLiteral("next")) && links.value(QStringLiteral("next")).isNull());
    }

    void findsTheProject()
    {
        const auto discovery = discover(discoveryRequest());
        QVERIFY(discovery);
        QVERIFY2(discovery->succeeded(), qPrintable(discovery->errorText()));
        QCOMPARE(discovery->projectId(), m_simulator->config().projectId);
        QVERIFY(!discovery->usedFallback());
        QCOMPARE(m_simulator->requestCount("GET", QStringLiteral("/v3/projects")), 1);
    }

    void checksTheSignature()
    {
        const auto discovery = discover(discoveryRequest(QStringLiteral("WRONG-SK")));
        QVERIFY(discovery);
        QCOMPARE(discovery->failure(), ProjectDiscovery::Failure::Iam);
        QCOMPARE(discovery->iamError().httpStatus, 401);
        QVERIFY(!discovery->iamError().iamTraceId.isEmpty());
        QVERIFY(discovery->errorText().contains(discovery->iamError().iamTraceId));
    }

    void fallsBackAfterForbidden()
    {
        m_simulator->iam().setListProjectsForbidden(true);
        m_simulator->iam().addProject(QStringLiteral("1f2e3d4c5b6a79880a1b2c3d4e5f6a7b"),
                                      m_simulator->config().region + QStringLiteral("_dev"));
        const auto discovery = discover(discoveryRequest());
        QVERIFY(discovery);
        QVERIFY2(discovery->succeeded(), qPrintable(discovery->errorText()));
        QVERIFY(discovery->usedFallback());
        QCOMPARE(discovery->projectId(), m_simulator->config().projectId);
        QCOMPARE(m_simulator->requestCount("GET", QStringLiteral("/v3/auth/projects")), 1);
    }

    void noProjectOfTheRegion()
    {
        m_simulator->iam().projects().removeIf(
            [this](const IamProjectRecord &project) { return project.name == m_simulator->config().region; });
        const auto discovery = discover(discoveryRequest());
        QVERIFY(discovery);
        QCOMPARE(discovery->failure(), ProjectDiscovery::Failure::NoProject);
        QVERIFY(discovery->errorText().contains(m_simulator->config().region));
        QVERIFY(!discovery->iamTraceId().isEmpty());
        QVERIFY(discovery->errorText().contains(discovery->iamTraceId()));
    }

    void severalProjectsOfTheRegion()
    {
        const QString second = QStringLiteral("2a3b4c5d6e7f80911a2b3c4d5e6f7a8b");
        m_simulator->iam().addProject(second, m_simulator->config().region);
        const auto discovery = discover(discoveryRequest());
        QVERIFY(discovery);
        QCOMPARE(discovery->failure(), ProjectDiscovery::Failure::SeveralProjects);
        QVERIFY(discovery->errorText().contains(second));
        QVERIFY(discovery->errorText().contains(m_simulator->config().projectId));
    }

    void servesOtherProjectsBehindOneServer()
    {
        SimulatorConfig other = simulatorConfig({}, {}, 7, 100);
        other.projectId = QStringLiteral("3c4d5e6f708192a3b4c5d6e7f8091a2b");
        other.region = QStringLiteral("ap-southeast-3");
        other.seed = 7;
        m_simulator->addProject(other);

        ClientConfig config = clientConfigFor(*m_simulator);
        config.projectId = other.projectId;
        ApiClient client(&m_network, config, {m_simulator->config().accessKey, m_simulator->config().secretKey, {}});
        QCOMPARE(listAllDesktops(&client, 10000).size(), 7);
        const std::unique_ptr<ApiClient> home = clientFor(*m_simulator, &m_network);
        QCOMPARE(listAllDesktops(home.get(), 10000).size(), 12);

        // IAM lists it; discovery finds it by its region.
        ProjectDiscovery::Request request = discoveryRequest();
        request.region = other.region;
        const auto discovery = discover(request);
        QVERIFY(discovery);
        QCOMPARE(discovery->projectId(), other.projectId);
    }
};

QTEST_GUILESS_MAIN(TestSimulatorIam)
#include "tst_simulatoriam.moc"
