#include "api/endpoint.h"
#include "api/iamprojects.h"
#include "api/projectdiscovery.h"
#include "fakenetworkaccessmanager.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

// Finding a region's project from the access key: IAM's answers read by pure functions from the
// fixtures, the IAM endpoint of a region, and the look-up against a fake IAM (one project, none,
// several, an error, the 403 fallback, the deadline, the process's memory).
class TestProjectDiscovery : public QObject
{
    Q_OBJECT

private:
    static QByteArray fixture(const char *name)
    {
        QFile file(QStringLiteral(WORKSPACE_TEST_DATA_DIR "/") + QLatin1String(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static FakeResponse iamAnswer(int status, const char *fixtureName, const QByteArray &traceId)
    {
        return FakeResponse::json(status, fixture(fixtureName)).withHeader("X-IAM-Trace-Id", traceId);
    }

    static ProjectDiscovery::Request request(const QString &region = QStringLiteral("cn-north-4"))
    {
        ProjectDiscovery::Request request;
        request.region = region;
        request.iamEndpoint = Endpoint::iamForRegion(region, {});
        request.credentials = {QStringLiteral("AK-DISCOVERY"), QStringLiteral("SK-DISCOVERY"), {}};
        request.transport.retry.maxAttempts = 1;
        return request;
    }

    // Runs one look-up to its end.
    static bool discover(ProjectDiscovery &discovery)
    {
        QSignalSpy finished(&discovery, &ProjectDiscovery::finished);
        discovery.start();
        return finished.wait(10000) && finished.count() == 1 && discovery.isFinished();
    }

private Q_SLOTS:
    void init() { ProjectDiscovery::clearCache(); }

    void parsesTheDocumentedAnswer()
    {
        QString error;
        const std::optional<IamProjectList> list = IamJson::parseProjectList(fixture("iam-projects-by-name.json"), &error);
        QVERIFY2(list, qPrintable(error));
        QCOMPARE(list->projects.size(), 1);
        const IamProject &project = list->projects.first();
        QCOMPARE(project.id, QStringLiteral("06f1c15e6f0010672f86c003006c5f17"));
        QCOMPARE(project.name, QStringLiteral("cn-north-4"));
        QCOMPARE(project.domainId, QStringLiteral("d78cbac186b744899480f25bd022f468"));
        QCOMPARE(project.parentId, QStringLiteral("d78cbac186b744899480f25bd022f468"));
        QVERIFY(project.enabled);
    }

    void keepsOnlyUsableIds()
    {
        const std::optional<IamProjectList> list = IamJson::parseProjectList(fixture("iam-auth-projects.json"), nullptr);
        QVERIFY(list);
        QCOMPARE(list->projects.size(), 6);
        QCOMPARE(list->unusableNames, QStringList{QStringLiteral("la-south-2")});
        QCOMPARE(IamProjects::regionProject(*list, QStringLiteral("la-south-2")).outcome,
                 RegionProjectMatch::Outcome::UnusableId);
    }

    void refusesAnswersThatDoNotFit_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("projects not a list") << fixture("iam-projects-not-list.json");
        QTest::newRow("not JSON") << fixture("malformed.json");
        QTest::newRow("an array") << QByteArray("[]");
        QTest::newRow("no projects") << QByteArray(R"({"links":{}})");
        QTest::newRow("an entry not an object") << QByteArray(R"({"projects":["cn-north-4"]})");
        QByteArray many = "{\"projects\":[";
        for (int i = 0; i <= IamJson::kMaxProjects; ++i)
            many += (i ? ",{\"id\":\"p" : "{\"id\":\"p") + QByteArray::number(i) + "\",\"name\":\"x\"}";
        QTest::newRow("too many projects") << QByteArray(many + "]}");
    }

    void refusesAnswersThatDoNotFit()
    {
        QFETCH(QByteArray, body);
        QString error;
        QVERIFY(!IamJson::parseProjectList(body, &error));
        QVERIFY(!error.isEmpty());
    }

    void matchesTheRegionNameExactly()
    {
        const std::optional<IamProjectList> ignored = IamJson::parseProjectList(fixture("iam-projects-name-ignored.json"), nullptr);
        QVERIFY(ignored);
        // IAM did not filter by name: a sub-project, another region and another case are not the region.
        QCOMPARE(IamProjects::regionProject(*ignored, QStringLiteral("cn-north-4")).outcome,
                 RegionProjectMatch::Outcome::None);
        const std::optional<IamProjectList> several = IamJson::parseProjectList(fixture("iam-projects-several.json"), nullptr);
        QVERIFY(several);
        const RegionProjectMatch match = IamProjects::regionProject(*several, QStringLiteral("cn-north-4"));
        QCOMPARE(match.outcome, RegionProjectMatch::Outcome::Several);
        QCOMPARE(match.count, 2);
        QCOMPARE(match.projectIds.size(), 2);
    }

    void tellsWorkspaceRegionsOfProjects()
    {
        const QStringList regions = Endpoint::knownRegions();
        QCOMPARE(IamProjects::workspaceRegionOf(QStringLiteral("cn-north-4"), regions), QStringLiteral("cn-north-4"));
        QCOMPARE(IamProjects::workspaceRegionOf(QStringLiteral("cn-north-4_dev"), regions), QStringLiteral("cn-north-4"));
        QCOMPARE(IamProjects::workspaceRegionOf(QStringLiteral("cn-north-4_"), regions), QString());
        QCOMPARE(IamProjects::workspaceRegionOf(QStringLiteral("cn-east-2"), regions), QString());
        QCOMPARE(IamProjects::workspaceRegionOf(QStringLiteral("MOS"), regions), QString());
        QCOMPARE(IamProjects::workspaceRegionOf(QStringLiteral("cn-north-44"), regions), QString());
    }

    void iamEndpointOfARegion_data()
    {
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("override");
        QTest::addColumn<QString>("expected");
        QTest::newRow("a region") << "cn-north-4" << "" << "https://iam.cn-north-4.myhuaweicloud.com";
        QTest::newRow("typed in capitals") << " AP-SOUTHEAST-3 " << "" << "https://iam.ap-southeast-3.myhuaweicloud.com";
        QTest::newRow("EU") << "eu-west-101" << "" << "https://iam.eu-west-101.myhuaweicloud.eu";
        QTest::newRow("EU, not in the table") << "eu-west-102" << "" << "https://iam.eu-west-102.myhuaweicloud.eu";
        QTest::newRow("override without scheme") << "cn-north-4" << "iam.example.com" << "https://iam.example.com";
        QTest::newRow("override with scheme") << "eu-west-101" << "http://127.0.0.1:8443" << "http://127.0.0.1:8443";
        QTest::newRow("not a region") << "cn-north-4.evil.com/x" << "" << "";
    }

    void iamEndpointOfARegion()
    {
        QFETCH(QString, region);
        QFETCH(QString, override);
        QFETCH(QString, expected);
        QProcessEnvironment environment;
        if (!override.isEmpty())
            environment.insert(QLatin1String(Endpoint::iamEndpointVariable), override);
        QCOMPARE(Endpoint::iamForRegion(region, environment), expected.isEmpty() ? QUrl() : QUrl(expected));
    }

    void findsTheOneProject()
    {
        FakeNetworkAccessManager network;
        network.setResponses({iamAnswer(200, "iam-projects-by-name.json", "trace-1")});
        ProjectDiscovery discovery(&network, request());
        QVERIFY(discover(discovery));
        QVERIFY2(discovery.succeeded(), qPrintable(discovery.errorText()));
        QCOMPARE(discovery.projectId(), QStringLiteral("06f1c15e6f0010672f86c003006c5f17"));
        QVERIFY(!discovery.usedFallback());
        QCOMPARE(network.requestCount(), 1);
        const RecordedRequest &sent = network.lastRequest();
        QCOMPARE(sent.method, QByteArray("GET"));
        QCOMPARE(sent.url.host(), QStringLiteral("iam.cn-north-4.myhuaweicloud.com"));
        QCOMPARE(sent.url.path(), QStringLiteral("/v3/projects"));
        QCOMPARE(sent.url.query(), QStringLiteral("name=cn-north-4"));
        // Signed like a Workspace call, without the project and domain headers.
        QVERIFY(sent.header("Authorization").startsWith("SDK-HMAC-SHA256 Access=AK-DISCOVERY,"));
        QVERIFY(!sent.hasHeader("X-Project-Id"));
        QVERIFY(!sent.hasHeader("X-Domain-Id"));
    }

    void euRegionAsksTheEuropeanIam()
    {
        FakeNetworkAccessManager network;
        network.setResponses({iamAnswer(200, "iam-projects-empty.json", "trace-eu")});
        ProjectDiscovery discovery(&network, request(QStringLiteral("eu-west-101")));
        QVERIFY(discover(discovery));
        QCOMPARE(network.lastRequest().url.host(), QStringLiteral("iam.eu-west-101.myhuaweicloud.eu"));
        QCOMPARE(network.lastRequest().url.query(), QStringLiteral("name=eu-west-101"));
    }

    void environmentOverridesTheIamEndpoint()
    {
        FakeNetworkAccessManager network;
        network.setResponses({iamAnswer(200, "iam-projects-by-name.json", "trace-2")});
        ProjectDiscovery::Request overridden = request();
        QProcessEnvironment environment;
        environment.insert(QLatin1String(Endpoint::iamEndpointVariable), QStringLiteral("iam.proxy.example.com"));
        overridden.iamEndpoint = Endpoint::iamForRegion(overridden.region, environment);
        ProjectDiscovery discovery(&network, overridden);
        QVERIFY(discover(discovery));
        QVERIFY(discovery.succeeded());
        QCOMPARE(network.lastRequest().url.scheme(), QStringLiteral("https"));
        QCOMPARE(network.lastRequest().url.host(), QStringLiteral("iam.proxy.example.com"));
    }

    void noProjectIsAnErrorNamingRegionAndTrace()
    {
        FakeNetworkAccessManager network;
        network.setResponses({iamAnswer(200, "iam-projects-name-ignored.json", "trace-none")});
        ProjectDiscovery discovery(&network, request());
        QVERIFY(discover(discovery));
        QVERIFY(!discovery.succeeded());
        QCOMPARE(discovery.failure(), ProjectDiscovery::Failure::NoProject);
        QVERIFY(discovery.projectId().isEmpty());
        QVERIFY2(discovery.errorText().contains(QStringLiteral("cn-north-4")), qPrintable(discovery.errorText()));
        QVERIFY(discovery.errorText().contains(QStringLiteral("trace-none")));
        QCOMPARE(discovery.iamTraceId(), QStringLiteral("trace-none"));
    }

    void severalProjectsAreNamedNotChosen()
    {
        FakeNetworkAccessManager network;
        network.setResponses({iamAnswer(200, "iam-projects-several.json", "trace-several")});
        ProjectDiscovery discovery(&network, request());
        QVERIFY(discover(discovery));
        QCOMPARE(discovery.failure(), ProjectDiscovery::Failure::SeveralProjects);
        QVERIFY(discovery.projectId().isEmpty());
        const QString text = discovery.errorText();
        QVERIFY2(text.contains(QStringLiteral("06f1c15e6f0010672f86c003006c5f17"))
                     && text.contains(QStringLiteral("17a2d26f7a1121783a97d114117d6a28"))
                     && text.contains(QStringLiteral("cn-north-4")) && text.contains(QStringLiteral("trace-several")),
                 qPrintable(text));
    }

    void iamErrorShowsStatusCodeAndTrace()
    {
        FakeNetworkAccessManager network;
        network.setResponses({iamAnswer(401, "iam-error-auth.json", "trace-401")});
        ProjectDiscovery discovery(&network, request());
        QVERIFY(discover(discovery));
        QCOMPARE(discovery.failure(), ProjectDiscovery::Failure::Iam);
        QCOMPARE(discovery.iamError().httpStatus, 401);
        QCOMPARE(discovery.iamError().errorCode, QStringLiteral("APIGW.0301"));
        QCOMPARE(discovery.iamError().iamTraceId, QStringLiteral("trace-401"));
        const QString text = discovery.errorText();
        QVERIFY2(text.contains(QStringLiteral("401")) && text.contains(QStringLiteral("APIGW.0301"))
                     && text.contains(QStringLiteral("trace-401")) && text.contains(QStringLiteral("cn-north-4")),
                 qPrintable(text));
        QCOMPARE(network.requestCount(), 1); // a 401 is never re-sent: five lock the key
    }

    void forbiddenFallsBackToTheCallersProjects()
    {
        FakeNetworkAccessManager network;
        network.setResponses({iamAnswer(403, "iam-error-forbidden.json", "trace-403"),
                              iamAnswer(200, "iam-auth-projects.json", "trace-auth")});
        ProjectDiscovery discovery(&network, request());
        QVERIFY(discover(discovery));
        QVERIFY2(discovery.succeeded(), qPrintable(discovery.errorText()));
        QVERIFY(discovery.usedFallback());
        // The region's own project, not its sub-project cn-north-4_dev.
        QCOMPARE(discovery.projectId(), QStringLiteral("06f1c15e6f0010672f86c003006c5f17"));
        QCOMPARE(network.requestCount(), 2);
        QCOMPARE(network.lastRequest().url.path(), QStringLiteral("/v3/auth/projects"));
        QVERIFY(!network.lastRequest().url.hasQuery());
        QVERIFY(!network.lastRequest().hasHeader("X-Project-Id"));
    }

    void fallbackErrorIsShown()
    {
        FakeNetworkAccessManager network;
        network.setResponses({iamAnswer(403, "iam-error-forbidden.json", "trace-403"),
                              iamAnswer(403, "iam-error-forbidden.json", "trace-403-again")});
        ProjectDiscovery discovery(&network, request());
        QVERIFY(discover(discovery));
        QCOMPARE(discovery.failure(), ProjectDiscovery::Failure::Iam);
        QVERIFY2(discovery.errorText().contains(QStringLiteral("trace-403-again")), qPrintable(discovery.errorText()));
        QVERIFY(discovery.errorText().contains(QStringLiteral("not authorized")));
    }

    void answersAreRememberedPerKeyAndRegion()
    {
        FakeNetworkAccessManager network;
        network.setResponses({iamAnswer(200, "iam-projects-by-name.json", "trace-1")});
        ProjectDiscovery first(&network, request());
        QVERIFY(discover(first));
        QVERIFY(first.succeeded());
        ProjectDiscovery again(&network, request());
        QVERIFY(discover(again));
        QVERIFY(again.fromCache());
        QCOMPARE(again.projectId(), first.projectId());
        QCOMPARE(network.requestCount(), 1);
        // Another access key asks IAM itself.
        ProjectDiscovery::Request otherKey = request();
        otherKey.credentials.accessKey = QStringLiteral("AK-OTHER");
        ProjectDiscovery other(&network, otherKey);
        QVERIFY(discover(other));
        QVERIFY(!other.fromCache());
        QCOMPARE(network.requestCount(), 2);
    }

    void failuresAreNotRemembered()
    {
        FakeNetworkAccessManager network;
        network.setResponses({iamAnswer(200, "iam-projects-empty.json", "t1"),
                              iamAnswer(200, "iam-projects-by-name.json", "t2")});
        ProjectDiscovery none(&network, request());
        QVERIFY(discover(none));
        QVERIFY(!none.succeeded());
        ProjectDiscovery found(&network, request());
        QVERIFY(discover(found));
        QVERIFY(found.succeeded());
    }

    void deadlineEndsASilentIam()
    {
        FakeNetworkAccessManager network;
        network.setResponses({FakeResponse::hanging()});
        ProjectDiscovery::Request slow = request();
        slow.deadlineMs = 50;
        ProjectDiscovery discovery(&network, slow);
        QVERIFY(discover(discovery));
        QCOMPARE(discovery.failure(), ProjectDiscovery::Failure::Deadline);
        QVERIFY(discovery.errorText().contains(QStringLiteral("cn-north-4")));
    }

    void unusableRegionIsRefusedWithoutARequest()
    {
        FakeNetworkAccessManager network;
        ProjectDiscovery::Request bad = request();
        bad.region = QStringLiteral("cn-north-4/../x");
        bad.iamEndpoint = QUrl(QStringLiteral("https://iam.example.com"));
        ProjectDiscovery discovery(&network, bad);
        QVERIFY(discover(discovery));
        QCOMPARE(discovery.failure(), ProjectDiscovery::Failure::Configuration);
        QCOMPARE(network.requestCount(), 0);
    }

    void cancelFinishesOnce()
    {
        FakeNetworkAccessManager network;
        network.setResponses({FakeResponse::hanging()});
        ProjectDiscovery discovery(&network, request());
        QSignalSpy finished(&discovery, &ProjectDiscovery::finished);
        discovery.start();
        QTRY_COMPARE(network.requestCount(), 1);
        discovery.cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(discovery.failure(), ProjectDiscovery::Failure::Cancelled);
        discovery.cancel();
        QCOMPARE(finished.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestProjectDiscovery)
#include "tst_projectdiscovery.moc"
