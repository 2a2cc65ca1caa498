#pragma once

#include "clicommand.h"
#include "decommission/decommissionactionrun.h"
#include "settings/connectionoptions.h"

#include <QPointer>
#include <QStringList>

#include <memory>

class InterruptWatcher;
struct DeletionStore;

// `maintenance on|off` and `logoff --message`: a thin face of DecommissionActionRun, with the
// rules of `delete`: the ids from --ids or --ids-file, --dry-run prints exactly the requests a real
// run would send, --yes sends them (requests of at most 100 desktops, each audited, none re-sent),
// and the exit code says whether everything was done (0), a request was not sent (1, e.g. after
// Ctrl+C), or the service refused a request or its answer was lost (3).
class ActionCommand : public CliCommand
{
    Q_OBJECT
public:
    struct Request
    {
        DecommissionAction action = DecommissionAction::StartMaintenance;
        QStringList desktopIds;
        QString message; // logoff
        bool dryRun = false;
    };

    ActionCommand(ApiClient *client, Request request, ResolvedConnection connection, QTextStream &out,
                  QTextStream &err, QObject *parent = nullptr);
    ~ActionCommand() override;

    void start() override;

    // The exit code a finished run of these requests earns (also `delete`'s when it turns autoscale
    // off first and a pool could not be stopped).
    static int exitCodeFor(const DecommissionActionRun &run);

private:
    void printPlan();
    void onRunFinished();

    Request m_request;
    ResolvedConnection m_connection;
    std::unique_ptr<DeletionStore> m_store;
    InterruptWatcher *m_interruptWatcher = nullptr;
    QPointer<DecommissionActionRun> m_run;
};
