#pragma once

#include "settings/connectionoptions.h"

#include <QObject>

#include <memory>

class WorkspaceSimulator;
struct SimulatorConfig;

// --demo for the GUI and the CLI: runs the Workspace simulator in this process on loopback, with
// freshly generated credentials and its state kept in the demo's data directory, and points a
// resolved connection at it. Lives in its own library
// (workspace_demo) so that workspace_settings never depends on the simulator.
class DemoConnection : public QObject
{
    Q_OBJECT
public:
    explicit DemoConnection(QObject *parent = nullptr);
    ~DemoConnection() override;

    // Starts the simulator and fills connection.config (without a project id: it is found through
    // the simulator's IAM, as for a real access key), connection.credentials and the demo's
    // protection (demoProtectedTag()). False with a translated *error when it cannot listen.
    bool start(ResolvedConnection &connection, QString *error);

    WorkspaceSimulator *simulator() const { return m_simulator.get(); }
    // <dataDir>/simulator-state.json: the demo service's desktops and jobs (see SimulatorState).
    static QString stateFilePath(const QString &dataDir, int desktopCount = 0);
    // The tag the simulated project puts on the desktops it means to be protected.
    static QString demoProtectedTag();

private:
    void addOtherRegions(const SimulatorConfig &home, const QString &dataDir);

    std::unique_ptr<WorkspaceSimulator> m_simulator;
};
