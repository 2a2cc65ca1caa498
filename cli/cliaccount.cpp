// CliApplication's work with the account rather than one project: the project found from the
// access key, and how the commands that look at every Workspace project of the account reach it.

#include "cliapplication.h"

#include "api/apicall.h"
#include "api/projectdiscovery.h"
#include "api/serverinput.h"

#include <QNetworkAccessManager>

void CliApplication::findProjectThenRun()
{
    auto *discovery = new ProjectDiscovery(m_network.get(), m_connection.projectDiscoveryRequest(), this);
    m_err << tr("Finding the project of region %1 from the access key…").arg(m_connection.region) << Qt::endl;
    whenFinished(discovery, this, [this](ProjectDiscovery *found) {
        if (!found->succeeded()) {
            m_err << ServerInput::forTerminal(found->errorText()) << Qt::endl;
            // IAM failed: an API error. IAM answered (none, several) or nothing could be asked: the
            // configuration must name the project.
            const bool iamFailed = found->failure() == ProjectDiscovery::Failure::Iam
                || found->failure() == ProjectDiscovery::Failure::Deadline;
            finish(iamFailed ? ExitApiError : ExitUsageError);
            return;
        }
        m_connection.config.projectId = found->projectId();
        m_err << tr("Region %1: project %2.").arg(m_connection.region, found->projectId()) << Qt::endl;
        runCommand();
    });
    discovery->start();
}

AccountAccess CliApplication::accountAccess() const
{
    return m_connection.accountAccess(m_network.get(), m_environment);
}
