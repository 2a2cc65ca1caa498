#include "api/allregionslisting.h"
#include "fakeaccountnetwork.h"
#include "fakedesktopnetwork.h"

#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

// Every project's desktops: from IAM's list of projects to each project listed at its own
// endpoint, at most four at once, one failing while the others are kept.
class TestAllRegionsListing : public QObject
{
    Q_OBJECT

private:
    static QByteArray page(const QString &projectId, int desktops)
    {
        QJsonArray list;
        for (int i = 0; i < desktops; ++i)
            list.append(FakeDesktopNetwork::desktop(projectId.left(4) + QStringLiteral("-d%1").arg(i),
                                                    QStringLiteral("pc%1").arg(i)));
        return QJsonDocument(QJsonObject{{QStringLiteral("total_count"), desktops}, {QStringLiteral("desktops"), list}})
            .toJson(QJsonDocument::Compact);
    }

    static AccountAccess access(QNetworkAccessManager *network) { return FakeAccountNetwork::accessThrough(network); }

    // Project p<i> in the region of index i of the list below; the one of `failing` answers 403.
    static FakeNetworkAccessManager::RequestHandler workspace(const QString &failing)
    {
        return [failing](const RecordedRequest &request) {
            const QString projectId = request.url.path().section(QLatin1Char('/'), 2, 2);
            if (projectId == failing)
                return FakeResponse::json(403, R"({"error_code":"APIGW.0302","error_msg":"not allowed"})");
            FakeResponse response = FakeResponse::json(200, page(projectId, projectId.right(1).toInt() + 1));
            response.deliveryDelayMs = 20; // so that the projects overlap
            return response;
        };
    }

    static QList<WorkspaceProject> projects(int count)
    {
        const QStringList regions{QStringLiteral("cn-north-4"), QStringLiteral("cn-east-3"), QStringLiteral("ap-southeast-1"),
                                  QStringLiteral("ap-southeast-3"), QStringLiteral("af-south-1"), QStringLiteral("eu-west-101")};
        QList<WorkspaceProject> list;
        for (int i = 0; i < count; ++i) {
            const QString region = regions.at(i % regions.size());
            list.append({region, region, QStringLiteral("proj%1").arg(i),
                         QUrl(QStringLiteral("https://workspace.%1.example.com").arg(region))});
        }
        return list;
    }

private Q_SLOTS:
    void listsEveryProjectAtItsOwnEndpoint()
    {
        FakeNetworkAccessManager network(workspace(QStringLiteral("proj2")));
        AllRegionsListing listing(access(&network), {});
        listing.setProjects(projects(6));
        QSignalSpy finished(&listing, &AllRegionsListing::finished);
        QSignalSpy projectFinished(&listing, &AllRegionsListing::projectFinished);
        listing.start();
        QVERIFY(finished.wait());
        QCOMPARE(finished.count(), 1);
        QCOMPARE(projectFinished.count(), 6);
        QVERIFY(listing.succeeded());
        QCOMPARE(listing.failedCount(), 1);
        QCOMPARE(listing.incompleteCount(), 0);
        QCOMPARE(listing.mostProjectsAtOnce(), ProjectQueue::kMaxProjectsAtOnce);
        const QList<AllRegionsListing::ProjectListing> &result = listing.projects();
        QCOMPARE(result.at(2).error.httpStatus, 403);
        QVERIFY(result.at(2).desktops.isEmpty());
        for (int i : {0, 1, 3, 4, 5}) {
            QVERIFY(!result.at(i).error.isError());
            QVERIFY(result.at(i).complete);
            QCOMPARE(result.at(i).desktops.size(), i + 1);
        }
        // Each request was signed for and sent to its own project and endpoint.
        for (const RecordedRequest &request : network.requests()) {
            const QString projectId = request.url.path().section(QLatin1Char('/'), 2, 2);
            const int index = projectId.mid(4).toInt();
            QCOMPARE(request.url.host(), result.at(index).project.endpoint.host());
            QCOMPARE(request.header("X-Project-Id"), projectId.toUtf8());
            QCOMPARE(request.header("Host"), result.at(index).project.endpoint.host().toUtf8());
        }
    }

    void asksIamForTheProjects()
    {
        QFile file(QStringLiteral(WORKSPACE_TEST_DATA_DIR "/iam-auth-projects.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray projectsAnswer = file.readAll();
        const FakeNetworkAccessManager::RequestHandler desktops = workspace({});
        FakeNetworkAccessManager network([&](const RecordedRequest &request) {
            if (request.url.path() == QLatin1String("/v3/auth/projects"))
                return FakeResponse::json(200, projectsAnswer);
            return desktops(request);
        });
        AllRegionsListing listing(access(&network), {});
        QSignalSpy finished(&listing, &AllRegionsListing::finished);
        listing.start();
        QVERIFY(finished.wait());
        QVERIFY(listing.succeeded());
        QCOMPARE(network.requests().first().url.host(), QStringLiteral("iam.cn-north-4.myhuaweicloud.com"));
        QVERIFY(!network.requests().first().hasHeader("X-Project-Id"));
        QStringList listed;
        for (const AllRegionsListing::ProjectListing &project : listing.projects())
            listed.append(project.project.name);
        QCOMPARE(listed, (QStringList{QStringLiteral("cn-north-4"), QStringLiteral("cn-north-4_dev"),
                                      QStringLiteral("ap-southeast-3"), QStringLiteral("af-south-1")}));
        QCOMPARE(network.requestCount(), 5);
    }

    void iamFailureFailsTheWhole()
    {
        FakeNetworkAccessManager network([](const RecordedRequest &) {
            return FakeResponse::json(401, R"({"error_code":"APIGW.0301","error_msg":"bad signature"})");
        });
        AllRegionsListing listing(access(&network), {});
        QSignalSpy finished(&listing, &AllRegionsListing::finished);
        listing.start();
        QVERIFY(finished.wait());
        QVERIFY(!listing.succeeded());
        QCOMPARE(listing.iamError().httpStatus, 401);
        QVERIFY(listing.projects().isEmpty());
    }

    void cancelFinishesOnce()
    {
        FakeNetworkAccessManager network([](const RecordedRequest &) { return FakeResponse::hanging(); });
        AllRegionsListing listing(access(&network), {});
        listing.setProjects(projects(3));
        QSignalSpy finished(&listing, &AllRegionsListing::finished);
        listing.start();
        QTRY_COMPARE(network.requestCount(), 3);
        listing.cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(listing.iamError().kind, ApiError::Kind::Cancelled);
        QCoreApplication::processEvents(); // whatever was queued by the cancelled calls
        QCOMPARE(finished.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAllRegionsListing)
#include "tst_allregionslisting.moc"
