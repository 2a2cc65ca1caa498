#pragma once

#include "settings/connectionoptions.h"
#include "simulatorthread.h"

#include <QObject>

// --demo for the GUI and the CLI: runs the Workspace simulator in this process, on a thread of its
// own and on loopback, with freshly generated credentials and its state kept in the demo's data
// directory, and points a resolved connection at it. The window and the CLI reach it over HTTP
// only, as they reach the real service, so that a large demo never holds up the window. Like a real
// access key alone, the connection has no project id: it is found through the simulated IAM, which
// also lists the account's projects in two more regions. Lives in its own library (workspace_demo)
// so that workspace_settings never depends on the simulator.
class DemoConnection : public QObject
{
    Q_OBJECT
public:
    explicit DemoConnection(QObject *parent = nullptr);
    // Stops the demo service: its thread ends, its state kept.
    ~DemoConnection() override;

    // Starts the demo service (a running one is stopped first); started() or failed() follows,
    // once, on this object's thread.
    void start(const ResolvedConnection &connection);

    // <dataDir>/simulator-state[-N].sqlite: the demo service's desktops and jobs (SimulatorStore).
    static QString stateFilePath(const QString &dataDir, int desktopCount = 0);
    // The JSON state file of earlier versions, migrated into the database at the first start.
    static QString legacyStateFilePath(const QString &dataDir, int desktopCount = 0);
    // The tag the simulated project puts on the desktops it means to be protected.
    static QString demoProtectedTag();

Q_SIGNALS:
    // `connection` as given to start(), with its endpoint, region, IAM endpoint, credentials and
    // the demo's protection (demoProtectedTag()) filled in, and no project id.
    void started(const ResolvedConnection &connection);
    // A translated reason.
    void failed(const QString &error);

private:
    void onServiceStarted(const QUrl &url);
    // The account's desktops in two more regions, for `regions` and the all-regions listing.
    static QList<SimulatorConfig> otherRegions(const SimulatorConfig &home, const QString &dataDir);

    SimulatorThread m_service;
    ResolvedConnection m_connection; // what started() hands out, without the endpoint until then
};
