#pragma once

#include "api/accountprojects.h"
#include "api/apiclient.h"
#include "api/decommissionjson.h"
#include "api/workspacetypes.h"
#include "workspacesimulator.h"

#include <QList>
#include <QString>

#include <memory>

class QNetworkAccessManager;

// The setup the end-to-end suites share: an in-process simulator with the suite's own keys, and a
// client configuration pointed at it. Suites keep their own keys, sizes, timeouts and retry
// settings, because each of those is part of what the suite tests.
SimulatorConfig simulatorConfig(const QString &accessKey, const QString &secretKey, int desktopCount,
                                int jobDurationMs);

// The other region of the suites that spread one change over two: a project behind the main
// simulator (addProject()) with a seed of its own, so that its ids differ from the main project's.
inline const QString kSecondRegion = QStringLiteral("ap-southeast-3");
inline const QString kSecondRegionProjectId = QStringLiteral("5e6f708192a3b4c5d6e7f8091a2b3c4d");
SimulatorConfig secondRegionConfig(const QString &accessKey, const QString &secretKey, int desktopCount,
                                   int jobDurationMs);

// `simulator` made the main region's, with the second region's project behind it, both with jobs of
// 50 ms, and listening; the second region's project, or null when the server cannot listen.
WorkspaceSimulator *startTwoRegions(std::unique_ptr<WorkspaceSimulator> &simulator, const QString &accessKey,
                                    const QString &secretKey, int mainDesktops, int secondDesktops);

// The account of a simulator's projects: its keys, through `network`. The IAM, the endpoint and the
// transport settings stay for the caller to set.
AccountAccess simulatorAccountAccess(const WorkspaceSimulator &simulator, QNetworkAccessManager *network);

// The account's two projects: the main one at the listening simulator's address, the second region's
// at the same port on "localhost", so that each request shows which endpoint it was sent to.
QList<WorkspaceProject> twoRegionProjects(const WorkspaceSimulator &simulator);

// Endpoint and project of a listening simulator; timeouts and retry stay at ClientConfig's defaults
// for the caller to set.
ClientConfig clientConfigFor(const WorkspaceSimulator &simulator);

// A client of a listening simulator, signed with the simulator's own keys: `config`'s endpoint and
// project become the simulator's, its other settings (timeouts, retries) stay the caller's.
std::unique_ptr<ApiClient> clientFor(const WorkspaceSimulator &simulator, QNetworkAccessManager *network,
                                     ClientConfig config = {});

// Every desktop the client lists (all pages), or nothing when the listing fails or takes longer
// than timeoutMs.
QList<Desktop> listAllDesktops(ApiClient *client, int timeoutMs);

// Up to `count` desktops of `project` (the server's own project, or one added behind it by
// addProject()) that any change may take: not being deleted, not billed yearly/monthly, not in
// maintenance mode, no user connected. Listed through the server's address with the project's keys.
QStringList changeableDesktopIds(const WorkspaceSimulator &server, const WorkspaceSimulator &project,
                                 QNetworkAccessManager *network, int count, int timeoutMs);

// Every pool the client lists, or nothing when the listing fails or takes longer than timeoutMs.
QList<DesktopPool> listAllPools(ApiClient *client, int timeoutMs);
