// `retire --delete-due`: its command line.

#include "duedeletecommandline.h"

#include "clicommandregistry.h"
#include "clioptions.h"
#include "deletecommandline.h"
#include "duedeletecommand.h"

using namespace CliOptions;

namespace DueDeletionCommandLine {

QCommandLineOption deleteDueOption()
{
    return { deleteDue,
        CliText::tr("retire: delete the retiring desktops that are due (past their date, still "
                    "in maintenance and stopped, no log-in since their retirement); those kept "
                    "are named with the reason. Made for cron or a systemd timer.") };
}

QString synopsis()
{
    return QStringLiteral(
        "retire --delete-due [--delete-users] [--no-email] [--force] (--dry-run | --yes)");
}

QStringList sharedOptions()
{
    return { Name::deleteUsers, Name::noEmail, Name::force, Name::dryRun, Name::yes,
        Name::pollInterval, Name::timeout };
}

std::optional<CliInvocation> check(const CliCommandLine& line, QString* usageError)
{
    // The other options of `retire` choose desktops or a retirement: not this mode's.
    const QString notTaken = CliCommandRegistry::firstOptionNotAmong(
        sharedOptions() << deleteDue, line.parser().optionNames());
    if (!notTaken.isEmpty())
        return refuse(usageError,
            CliText::tr("The option --%1 does not apply to retire --delete-due: it finds "
                        "the due desktops itself.")
                .arg(notTaken));
    if (!line.arguments().isEmpty())
        return refuse(
            usageError, CliText::tr("retire --delete-due takes no arguments, only options."));
    if (line.isSet(Name::yes) == line.isSet(Name::dryRun))
        return refuse(usageError,
            CliText::tr("Deletion cannot be undone: add --yes to delete the due desktops, "
                        "or --dry-run to see the review and the requests first."));
    const std::optional<DeleteCommand::Timing> timing
        = DeleteCommandLine::timingFrom(line, usageError);
    if (!timing)
        return std::nullopt;
    const DeleteRequest request = DeleteCommandLine::requestFrom(line);
    CliInvocation invocation;
    invocation.create = [request, timing = *timing](
                            const CliRunContext& context, QString*) -> std::unique_ptr<CliCommand> {
        return std::make_unique<DueDeleteCommand>(
            context.client, request, context.connection, timing, context.out, context.err);
    };
    return invocation;
}

} // namespace DueDeletionCommandLine
