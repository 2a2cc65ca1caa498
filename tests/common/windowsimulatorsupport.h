#pragma once

#include "deletioncontroller.h"
#include "settings/connectionoptions.h"
#include "simulatortestsupport.h"

#include <QString>

// What the window and deletion-controller suites that run against the in-process simulator share.
// Header-only: only the suites that link the window's library include it.

// A connection to a listening simulator, signed with its own keys, its data under `dataDir`;
// timeouts, retries and the rest stay at their defaults for the caller to set.
inline ResolvedConnection simulatorConnection(
    const WorkspaceSimulator& simulator, const QString& dataDir)
{
    ResolvedConnection connection;
    connection.config = clientConfigFor(simulator);
    connection.credentials = { simulator.config().accessKey, simulator.config().secretKey, {} };
    connection.dataDir = dataDir;
    return connection;
}

// Requests 5 ms apart and jobs polled from every 20 ms up to every 100 ms, so that a change against
// the simulator ends within a test's time.
inline void useTestPace(DeletionController& controller)
{
    controller.setChunkGapMs(5);
    JobTracker::Timing timing;
    timing.initialIntervalMs = 20;
    timing.maxIntervalMs = 100;
    controller.setTrackerTiming(timing);
}
