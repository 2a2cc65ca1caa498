// `regions`: its command line.

#include "clicommandspec.h"
#include "clioptions.h"
#include "desktopformatter.h"
#include "regionscommand.h"

using namespace CliOptions;

namespace {

std::optional<CliInvocation> checkRegions(const CliCommandLine& line, QString* usageError)
{
    const std::optional<DesktopFormatter::Format> format
        = DesktopFormatter::formatFromName(line.value(Name::format));
    if (!line.arguments().isEmpty() || !format)
        return refuse(
            usageError, CliText::tr("regions takes no arguments; --format is table, csv or json."));

    CliInvocation invocation;
    invocation.reach = CliInvocation::Reach::Account;
    invocation.create = [format = *format](const CliRunContext& context,
                            QString* usageError) -> std::unique_ptr<CliCommand> {
        if (context.connection.iamEndpoint.isEmpty()) {
            *usageError = CliText::tr(
                "regions needs the region whose IAM lists the account's projects: use "
                "--region or a profile with a region.");
            return nullptr;
        }
        return std::make_unique<RegionsCommand>(
            context.accountAccess(), format, context.out, context.err);
    };
    return invocation;
}

} // namespace

CliCommandSpec regionsCommandSpec()
{
    CliCommandSpec spec;
    spec.name = QStringLiteral("regions");
    spec.synopsis = QStringLiteral("regions [--format table|csv|json]");
    spec.options = { Name::format };
    spec.check = checkRegions;
    return spec;
}
