#pragma once

#include "deletioncontroller.h"
#include "desktoptablemodel.h"
#include "jobmodel.h"
#include "settings/connectionoptions.h"
#include "simulatortestsupport.h"

#include "api/apiclient.h"
#include "deletion/auditlog.h"
#include "deletion/jobjournal.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QString>
#include <QTemporaryDir>
#include <QWidget>

#include <memory>

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

// The deletion controller on its own against the simulator: a plain widget for its dialogs, the
// table and Jobs models it reports to, and a client of the simulator. The suites inherit it beside
// QObject, make m_simulator (and m_asia, the second region, where they spread a change over two)
// listen in init(), then startController(); cleanup() calls stopController().
class ControllerAgainstSimulator {
protected:
    // The journal and audit log under m_dir emptied, a client signed as `connection` says, and a
    // controller at the test pace; false when the data folder cannot be had.
    bool startController(const ResolvedConnection& connection)
    {
        if (!m_dir.isValid())
            return false;
        QFile::remove(JobJournal::defaultFilePath(m_dir.path()));
        QFile::remove(AuditLog::defaultFilePath(m_dir.path()));
        m_client = std::make_unique<ApiClient>(&m_network, connection.config, connection.credentials);
        m_window = std::make_unique<QWidget>();
        m_desktops = std::make_unique<DesktopTableModel>();
        m_jobs = std::make_unique<JobModel>();
        m_controller
            = std::make_unique<DeletionController>(m_jobs.get(), m_desktops.get(), m_window.get());
        useTestPace(*m_controller);
        return true;
    }

    // Runs go before the models that show them and the client they talk through.
    void stopController()
    {
        m_controller.reset();
        m_jobs.reset();
        m_desktops.reset();
        m_window.reset();
        m_client.reset();
        m_asia = nullptr;
        m_simulator.reset();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<WorkspaceSimulator> m_simulator;
    WorkspaceSimulator* m_asia = nullptr;
    QNetworkAccessManager m_network;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<QWidget> m_window;
    std::unique_ptr<DesktopTableModel> m_desktops;
    std::unique_ptr<JobModel> m_jobs;
    std::unique_ptr<DeletionController> m_controller;
};
