#include "simulatortestsupport.h"

#include "api/decommissioncalls.h"
#include "fakeclient.h"

#include "api/apicalls.h"

#include <QSignalSpy>

SimulatorConfig simulatorConfig(const QString &accessKey, const QString &secretKey, int desktopCount,
                                int jobDurationMs)
{
    SimulatorConfig config;
    config.accessKey = accessKey;
    config.secretKey = secretKey;
    config.desktopCount = desktopCount;
    config.jobDurationMs = jobDurationMs;
    return config;
}

SimulatorConfig secondRegionConfig(const QString &accessKey, const QString &secretKey, int desktopCount,
                                   int jobDurationMs)
{
    SimulatorConfig config = simulatorConfig(accessKey, secretKey, desktopCount, jobDurationMs);
    config.projectId = kSecondRegionProjectId;
    config.region = kSecondRegion;
    config.seed = 3;
    return config;
}

WorkspaceSimulator *startTwoRegions(std::unique_ptr<WorkspaceSimulator> &simulator, const QString &accessKey,
                                    const QString &secretKey, int mainDesktops, int secondDesktops)
{
    constexpr int jobDurationMs = 50;
    simulator = std::make_unique<WorkspaceSimulator>(simulatorConfig(accessKey, secretKey, mainDesktops, jobDurationMs));
    WorkspaceSimulator *second = simulator->addProject(secondRegionConfig(accessKey, secretKey, secondDesktops, jobDurationMs));
    return simulator->listen() ? second : nullptr;
}

AccountAccess simulatorAccountAccess(const WorkspaceSimulator &simulator, QNetworkAccessManager *network)
{
    AccountAccess access;
    access.network = network;
    access.credentials = Credentials{simulator.config().accessKey, simulator.config().secretKey, {}};
    return access;
}

QList<WorkspaceProject> twoRegionProjects(const WorkspaceSimulator &simulator)
{
    QUrl secondEndpoint = simulator.url();
    secondEndpoint.setHost(QStringLiteral("localhost"));
    const SimulatorConfig &main = simulator.config();
    return {{main.region, main.region, main.projectId, simulator.url()},
            {kSecondRegion, kSecondRegion, kSecondRegionProjectId, secondEndpoint}};
}

ClientConfig clientConfigFor(const WorkspaceSimulator &simulator)
{
    ClientConfig config;
    config.endpoint = simulator.url();
    config.projectId = simulator.config().projectId;
    return config;
}

std::unique_ptr<ApiClient> clientFor(const WorkspaceSimulator &simulator, QNetworkAccessManager *network,
                                     ClientConfig config)
{
    const ClientConfig target = clientConfigFor(simulator);
    config.endpoint = target.endpoint;
    config.projectId = target.projectId;
    return clientFor(network, config, Credentials{simulator.config().accessKey, simulator.config().secretKey, {}});
}

QList<Desktop> listAllDesktops(ApiClient *client, int timeoutMs)
{
    ListAllDesktopsCall call(client, {});
    QList<Desktop> desktops;
    QObject::connect(&call, &ListAllDesktopsCall::pageLoaded, &call,
                     [&desktops](const QList<Desktop> &page) { desktops.append(page); });
    QSignalSpy finished(&call, &ListAllDesktopsCall::finished);
    call.start();
    if (!finished.wait(timeoutMs) || !call.succeeded())
        return {};
    return desktops;
}

QStringList changeableDesktopIds(const WorkspaceSimulator &server, const WorkspaceSimulator &project,
                                 QNetworkAccessManager *network, int count, int timeoutMs)
{
    ClientConfig config = clientConfigFor(server);
    config.projectId = project.config().projectId;
    ApiClient client(network, config, Credentials{project.config().accessKey, project.config().secretKey, {}});
    QStringList ids;
    const QList<Desktop> desktops = listAllDesktops(&client, timeoutMs);
    for (const Desktop &desktop : desktops) {
        if (ids.size() < count && desktop.taskStatus.isEmpty() && desktop.billingMode != BillingMode::YearlyMonthly
            && !desktop.inMaintenanceMode && !desktop.isConnected())
            ids.append(desktop.id);
    }
    return ids;
}

QList<DesktopPool> listAllPools(ApiClient *client, int timeoutMs)
{
    ListAllPoolsCall call(client);
    QSignalSpy finished(&call, &ListAllPoolsCall::finished);
    call.start();
    if (!finished.wait(timeoutMs) || !call.succeeded())
        return {};
    return call.pools();
}
