// `maintenance on|off` and `logoff`: their command lines.

#include "actioncommandline.h"

#include "api/decommissionjson.h"
#include "clicommandspec.h"
#include "clioptions.h"

using namespace CliOptions;

std::optional<CliInvocation> checkActionRequest(const CliCommandLine& line, const QString& command,
    ActionCommand::Request request, QString* usageError)
{
    if (!line.hasOneIdSource(command, usageError))
        return std::nullopt;
    if (line.isSet(Name::timeout)) {
        const std::optional<int> timeoutMs = secondsToMs(line.value(Name::timeout));
        if (!timeoutMs)
            return refuse(usageError, CliText::tr("--timeout takes a positive number of seconds."));
        request.timeoutMs = *timeoutMs;
    }
    if (!line.isSet(Name::yes) && !line.isSet(Name::dryRun)) {
        return refuse(usageError,
            CliText::tr("%1 changes the desktops: add --yes to confirm (or --dry-run to see "
                        "the requests first).")
                .arg(command));
    }
    const std::optional<CliCommandLine::Ids> ids = line.readIds(usageError);
    if (!ids)
        return std::nullopt;
    request.desktopIds = ids->desktopIds;
    request.requestedIds = ids->requestedIds;
    request.dryRun = line.isSet(Name::dryRun);
    CliInvocation invocation;
    invocation.create
        = [request](const CliRunContext& context, QString*) -> std::unique_ptr<CliCommand> {
        return std::make_unique<ActionCommand>(
            context.client, request, context.connection, context.out, context.err);
    };
    return invocation;
}

namespace {

std::optional<CliInvocation> checkMaintenance(const CliCommandLine& line, QString* usageError)
{
    const QString mode = line.arguments().size() == 1 ? line.arguments().first() : QString();
    if (mode != QLatin1String("on") && mode != QLatin1String("off"))
        return refuse(usageError,
            CliText::tr("Use maintenance on or maintenance off, with --ids or --ids-file."));
    ActionCommand::Request request;
    request.action = mode == QLatin1String("on") ? DecommissionAction::StartMaintenance
                                                 : DecommissionAction::EndMaintenance;
    return checkActionRequest(line, QStringLiteral("maintenance"), request, usageError);
}

std::optional<CliInvocation> checkLogoff(const CliCommandLine& line, QString* usageError)
{
    if (!line.arguments().isEmpty())
        return refuse(
            usageError, CliText::tr("logoff takes its desktop ids through --ids or --ids-file."));
    if (!line.isSet(Name::message))
        return refuse(usageError,
            CliText::tr("logoff needs --message: the users are told why they are logged off."));
    // Refused here, before any connection: the service would refuse it, request after request.
    if (const std::optional<QString> problem
        = DecommissionJson::logoffMessageProblem(line.value(Name::message)))
        return refuse(usageError, *problem + QLatin1Char(' ') + CliText::tr("Nothing was sent."));
    ActionCommand::Request request;
    request.action = DecommissionAction::LogOff;
    request.message = line.value(Name::message);
    return checkActionRequest(line, QStringLiteral("logoff"), request, usageError);
}

} // namespace

CliCommandSpec maintenanceCommandSpec()
{
    CliCommandSpec spec;
    spec.name = QStringLiteral("maintenance");
    spec.synopsis = QStringLiteral(
        "maintenance on|off (--ids ID[,ID...] | --ids-file FILE) (--dry-run | --yes)");
    spec.options = { Name::ids, Name::idsFile, Name::dryRun, Name::yes, Name::timeout };
    spec.check = checkMaintenance;
    return spec;
}

CliCommandSpec logoffCommandSpec()
{
    CliCommandSpec spec;
    spec.name = QStringLiteral("logoff");
    spec.synopsis = QStringLiteral(
        "logoff --message TEXT (--ids ID[,ID...] | --ids-file FILE) (--dry-run | --yes)");
    spec.options
        = { Name::ids, Name::idsFile, Name::dryRun, Name::yes, Name::message, Name::timeout };
    spec.check = checkLogoff;
    return spec;
}
