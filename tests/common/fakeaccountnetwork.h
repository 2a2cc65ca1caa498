#pragma once

#include "fakedesktopnetwork.h"
#include "fakenetworkaccessmanager.h"

#include "api/accountprojects.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// An account with Workspace projects in several regions behind one fake network: IAM's
// /v3/auth/projects answers with tests/data/iam-auth-projects.json (cn-north-4, its sub-project
// cn-north-4_dev, ap-southeast-3 and af-south-1 are Workspace projects), and each project lists two
// desktops, "shared" (the same id in every project) and one of its own ("own-" and the first six
// characters of its project id). Usage statistics give "shared" as many idle days as the project's
// place in kProjectIds, plus one. The project `failingProject` answers 403 with a request id.
// Header-only: the fixture's path is the test's WORKSPACE_TEST_DATA_DIR.
class FakeAccountNetwork : public FakeNetworkAccessManager {
public:
    static constexpr const char* kNorth = "06f1c15e6f0010672f86c003006c5f17";
    static constexpr const char* kNorthDev = "0a11aa1c5a8010e12f5bc0088cb9a2a1";
    static constexpr const char* kSoutheast = "0c33cc3e7ca132034b7de22aaedbc4c3";
    static constexpr const char* kAfrica = "06f1cbbaf280106b2f14c00313a9d065";
    static constexpr const char* kFailureRequestId = "req-failing-project";

    explicit FakeAccountNetwork(QString failing = {})
        : failingProject(std::move(failing))
    {
        QFile file(QStringLiteral(WORKSPACE_TEST_DATA_DIR "/iam-auth-projects.json"));
        if (file.open(QIODevice::ReadOnly))
            projects = file.readAll();
        setHandler([this](const RecordedRequest& request, int) { return answer(request); });
    }

    // The access of the account's keys, with IAM at cn-north-4 and each region's public endpoint.
    AccountAccess access() { return accessThrough(this); }
    static AccountAccess accessThrough(QNetworkAccessManager *network)
    {
        AccountAccess access;
        access.network = network;
        access.credentials = { QStringLiteral("AK"), QStringLiteral("SK"), {} };
        access.transport.retry.maxAttempts = 1;
        access.iamEndpoint = QUrl(QStringLiteral("https://iam.cn-north-4.myhuaweicloud.com"));
        access.environment = QProcessEnvironment();
        return access;
    }

    static QString projectOf(const RecordedRequest& request)
    {
        return request.url.path().section(QLatin1Char('/'), 2, 2);
    }

    static QByteArray desktopsOf(const QString& projectId)
    {
        const QJsonArray list { FakeDesktopNetwork::desktop(
                                    QStringLiteral("shared"), QStringLiteral("pc-shared")),
            FakeDesktopNetwork::desktop(QStringLiteral("own-") + projectId.left(6),
                QStringLiteral("pc-") + projectId.left(6)) };
        return QJsonDocument(QJsonObject { { QStringLiteral("total_count"), 2 },
                                 { QStringLiteral("desktops"), list } })
            .toJson(QJsonDocument::Compact);
    }

    static QByteArray usageOf(const QString& projectId)
    {
        const int days = QStringList { QLatin1String(kNorth), QLatin1String(kNorthDev),
            QLatin1String(kSoutheast), QLatin1String(kAfrica) }
                             .indexOf(projectId)
            + 1;
        const QJsonObject metric { { QStringLiteral("metric_name"),
                                       QStringLiteral("desktop_idle_duration") },
            { QStringLiteral("metric_value"), days * 86400 } };
        const QJsonObject entry { { QStringLiteral("resource_id"), QStringLiteral("shared") },
            { QStringLiteral("metric"), QJsonArray { metric } } };
        return QJsonDocument(QJsonObject { { QStringLiteral("count"), 1 },
                                 { QStringLiteral("items"), QJsonArray { entry } } })
            .toJson(QJsonDocument::Compact);
    }

    FakeResponse answer(const RecordedRequest& request) const
    {
        if (request.url.path() == QLatin1String("/v3/auth/projects"))
            return FakeResponse::json(200, projects);
        const QString projectId = projectOf(request);
        if (projectId == failingProject)
            return FakeResponse::json(403,
                R"({"error_code":"WKS.0403","error_msg":"no permission here"})", kFailureRequestId);
        if (request.url.path().contains(QLatin1String("/statistics/")))
            return FakeResponse::json(200, usageOf(projectId));
        return FakeResponse::json(200, desktopsOf(projectId));
    }

    QString failingProject;
    QByteArray projects;
};
