#pragma once

#include "api/apiclient.h"
#include "api/workspacetypes.h"
#include "workspacesimulator.h"

#include <QList>
#include <QString>

// The setup the end-to-end suites share: an in-process simulator with the suite's own keys, and a
// client configuration pointed at it. Suites keep their own keys, sizes, timeouts and retry
// settings, because each of those is part of what the suite tests.
SimulatorConfig simulatorConfig(const QString &accessKey, const QString &secretKey, int desktopCount,
                                int jobDurationMs);

// Endpoint and project of a listening simulator; timeouts and retry stay at ClientConfig's defaults
// for the caller to set.
ClientConfig clientConfigFor(const WorkspaceSimulator &simulator);

// Every desktop the client lists (all pages), or nothing when the listing fails or takes longer
// than timeoutMs.
QList<Desktop> listAllDesktops(ApiClient *client, int timeoutMs);
