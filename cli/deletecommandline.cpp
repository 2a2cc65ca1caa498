// `delete`: its command line.

#include "deletecommandline.h"

#include "allregionschangecommand.h"
#include "clioptions.h"

using namespace CliOptions;

DeleteRequest DeleteCommandLine::requestFrom(const CliCommandLine& line)
{
    DeleteRequest request;
    request.options.deleteUsers = line.isSet(Name::deleteUsers);
    request.options.emailNotification = !line.isSet(Name::noEmail);
    request.options.forceDelete = line.isSet(Name::force);
    request.dryRun = line.isSet(Name::dryRun);
    return request;
}

std::optional<DeleteCommand::Timing> DeleteCommandLine::timingFrom(
    const CliCommandLine& line, QString* usageError)
{
    const std::optional<int> pollIntervalMs = secondsToMs(line.value(Name::pollInterval));
    const std::optional<int> timeoutMs = secondsToMs(line.value(Name::timeout));
    if (!pollIntervalMs || !timeoutMs)
        return refuse(usageError,
            CliText::tr("--poll-interval and --timeout take a positive number of seconds."));
    DeleteCommand::Timing timing;
    if (line.isSet(Name::pollInterval))
        timing.pollIntervalMs = *pollIntervalMs;
    if (line.isSet(Name::timeout)) {
        timing.giveUpAfterMs = *timeoutMs;
        timing.deadlineMs = timing.giveUpAfterMs;
    }
    return timing;
}

namespace {

std::optional<CliInvocation> checkDelete(const CliCommandLine& line, QString* usageError)
{
    if (!line.arguments().isEmpty())
        return refuse(
            usageError, CliText::tr("delete takes its desktop ids through --ids or --ids-file."));
    if (!line.hasOneIdSource(QStringLiteral("delete"), usageError))
        return std::nullopt;
    if (!line.isSet(Name::yes) && !line.isSet(Name::dryRun)) {
        return refuse(usageError,
            CliText::tr("Deletion cannot be undone: add --yes to confirm (or --dry-run to see "
                        "the requests first)."));
    }
    const std::optional<DeleteCommand::Timing> timing = DeleteCommandLine::timingFrom(line, usageError);
    if (!timing)
        return std::nullopt;
    if (AllRegionsChangeCommand::refusesFormatWithoutAllRegions(line, usageError))
        return std::nullopt;
    const std::optional<CliCommandLine::Ids> ids = line.readIds(usageError);
    if (!ids)
        return std::nullopt;

    DeleteRequest request = DeleteCommandLine::requestFrom(line);
    request.desktopIds = ids->desktopIds;
    request.requestedIds = ids->requestedIds;
    request.includeYearlyMonthly = line.isSet(Name::includeYearlyMonthly);
    request.turnAutoscaleOffFirst = line.isSet(Name::turnAutoscaleOffFirst);
    if (line.isSet(Name::allRegions)) {
        AllRegionsChangeCommand::Options options;
        options.requestedIds = request.requestedIds;
        options.choices.options = request.options;
        options.choices.leaveOutYearlyMonthly = !request.includeYearlyMonthly;
        options.choices.turnAutoscaleOffFirst = request.turnAutoscaleOffFirst;
        options.dryRun = request.dryRun;
        options.pollIntervalMs = timing->pollIntervalMs;
        options.timeoutMs = timing->deadlineMs;
        return AllRegionsChangeCommand::invocation(options, line, usageError);
    }
    CliInvocation invocation;
    invocation.create = [request, timing = *timing](const CliRunContext& context,
                            QString*) -> std::unique_ptr<CliCommand> {
        return std::make_unique<DeleteCommand>(
            context.client, request, context.connection, timing, context.out, context.err);
    };
    return invocation;
}

} // namespace

CliCommandSpec deleteCommandSpec()
{
    CliCommandSpec spec;
    spec.name = QStringLiteral("delete");
    spec.synopsis = QStringLiteral(
        "delete (--ids ID[,ID...] | --ids-file FILE) [--delete-users] [--no-email] [--force]\n"
        "       [--include-yearly-monthly] [--turn-autoscale-off-first] (--dry-run | --yes)\n"
        "       [--all-regions [--format table|csv|json]]");
    spec.options = { Name::ids, Name::idsFile, Name::deleteUsers, Name::noEmail, Name::force,
        Name::dryRun, Name::yes, Name::pollInterval, Name::timeout, Name::includeYearlyMonthly,
        Name::turnAutoscaleOffFirst, Name::allRegions, Name::format };
    spec.check = checkDelete;
    return spec;
}
