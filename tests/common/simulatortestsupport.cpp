#include "simulatortestsupport.h"

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

ClientConfig clientConfigFor(const WorkspaceSimulator &simulator)
{
    ClientConfig config;
    config.endpoint = simulator.url();
    config.projectId = simulator.config().projectId;
    return config;
}
