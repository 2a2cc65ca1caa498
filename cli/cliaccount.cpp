// CliApplication's work with the account rather than one project: the project found from the
// access key, and the commands that look at every Workspace project of the account.

#include "cliapplication.h"

#include "allregionslistcommand.h"
#include "api/projectdiscovery.h"
#include "api/serverinput.h"
#include "desktopformatter.h"
#include "regionscommand.h"

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
    AccountAccess access;
    access.network = m_network.get();
    access.credentials = m_connection.credentials;
    access.transport = m_connection.config;
    access.iamEndpoint = m_connection.iamEndpoint;
    if (m_connection.explicitEndpoint)
        access.explicitEndpoint = m_connection.config.endpoint;
    access.environment = m_environment;
    return access;
}

bool CliApplication::worksOnTheWholeAccount() const
{
    return m_command == Command::Regions
        || (m_command == Command::List && m_parser.isSet(QStringLiteral("all-regions")));
}

std::unique_ptr<CliCommand> CliApplication::createRegionsCommand(const QString &format)
{
    if (m_connection.iamEndpoint.isEmpty()) {
        usageError(tr("regions needs the region whose IAM lists the account's projects: use --region or a "
                      "profile with a region."));
        return nullptr;
    }
    return std::make_unique<RegionsCommand>(accountAccess(), *DesktopFormatter::formatFromName(format), m_out, m_err);
}

std::unique_ptr<CliCommand> CliApplication::createAllRegionsListCommand(const DesktopQuery &query,
                                                                         const QString &format,
                                                                         const QString &timeout)
{
    if (m_connection.iamEndpoint.isEmpty()) {
        usageError(tr("--all-regions needs the region whose IAM lists the account's projects: use --region or a "
                      "profile with a region."));
        return nullptr;
    }
    auto list = std::make_unique<AllRegionsListCommand>(accountAccess(), query,
                                                        *DesktopFormatter::formatFromName(format), m_out, m_err);
    if (m_parser.isSet(QStringLiteral("timeout"))) {
        bool ok = false;
        const double seconds = timeout.toDouble(&ok);
        if (ok && seconds > 0)
            list->setTimeoutMs(int(std::min(seconds, 7 * 24 * 3600.0) * 1000));
    }
    return list;
}
