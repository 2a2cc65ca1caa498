// `retire` and `restore` (of the desktops given by id): their command lines. `retire --delete-due`
// is DueDeletionCommandLine's.

#include "actioncommandline.h"

#include "api/decommissionjson.h"
#include "clioptions.h"
#include "decommission/retirementrun.h"
#include "duedeletecommandline.h"

using namespace CliOptions;

namespace {

const QString kDays = QStringLiteral("days");

std::optional<CliInvocation> checkRetireIds(const CliCommandLine& line, QString* usageError)
{
    if (!line.arguments().isEmpty())
        return refuse(
            usageError, CliText::tr("retire takes its desktop ids through --ids or --ids-file."));
    ActionCommand::Request request;
    request.retirement = ReviewedChange::Retire;
    if (line.isSet(kDays)) {
        bool ok = false;
        const int days = line.value(kDays).toInt(&ok);
        if (!ok || days < 0 || days > RetirementRun::kMaxGraceDays)
            return refuse(usageError,
                CliText::tr("--days takes a whole number of days from 0 (due at once) to %1.")
                    .arg(RetirementRun::kMaxGraceDays));
        request.graceDays = days;
    }
    if (line.isSet(Name::message)) {
        // Refused here, before any connection: the run would refuse it before its first request.
        const QString message = line.value(Name::message).trimmed();
        if (const std::optional<QString> problem = DecommissionJson::logoffMessageProblem(message))
            return refuse(
                usageError, *problem + QLatin1Char(' ') + CliText::tr("Nothing was sent."));
        request.message = message;
    }
    return checkActionRequest(line, QStringLiteral("retire"), request, usageError);
}

// `retire` retires the desktops given, or with --delete-due deletes those that are due.
std::optional<CliInvocation> checkRetire(const CliCommandLine& line, QString* usageError)
{
    if (line.isSet(DueDeletionCommandLine::deleteDue)) {
        if (line.isSet(Name::allRegions) || line.isSet(Name::format))
            return refuse(usageError,
                CliText::tr("retire --delete-due works in one project: it takes neither "
                            "--all-regions nor --format."));
        return DueDeletionCommandLine::check(line, usageError);
    }
    for (const QString& option : DueDeletionCommandLine::sharedOptions()) {
        if (line.isSet(option) && option != Name::dryRun && option != Name::yes
            && option != Name::timeout)
            return refuse(usageError,
                CliText::tr("The option --%1 applies to retire --delete-due only.").arg(option));
    }
    return checkRetireIds(line, usageError);
}

std::optional<CliInvocation> checkRestore(const CliCommandLine& line, QString* usageError)
{
    if (!line.arguments().isEmpty())
        return refuse(
            usageError, CliText::tr("restore takes its desktop ids through --ids or --ids-file."));
    ActionCommand::Request request;
    request.retirement = ReviewedChange::Restore;
    return checkActionRequest(line, QStringLiteral("restore"), request, usageError);
}

} // namespace

CliCommandSpec retireCommandSpec()
{
    CliCommandSpec spec;
    spec.name = QStringLiteral("retire");
    spec.synopsis = QStringLiteral("retire (--ids ID[,ID...] | --ids-file FILE) [--days N] "
                                   "[--message TEXT] (--dry-run | --yes)\n"
                                   "       [--all-regions [--format table|csv|json]]\n")
        + DueDeletionCommandLine::synopsis();
    spec.options = { Name::ids, Name::idsFile, Name::dryRun, Name::yes, Name::message,
        Name::timeout, Name::allRegions, Name::format };
    for (const QString& option : DueDeletionCommandLine::sharedOptions()) {
        if (!spec.options.contains(option))
            spec.options.append(option);
    }
    spec.ownOptions = { DueDeletionCommandLine::deleteDueOption(),
        QCommandLineOption(kDays,
            CliText::tr("retire: the grace period in days before the desktops may be deleted "
                        "(default %1; 0: due at once).")
                .arg(Retirement::kDefaultGraceDays),
            CliText::tr("days")) };
    spec.check = checkRetire;
    return spec;
}

CliCommandSpec restoreCommandSpec()
{
    CliCommandSpec spec;
    spec.name = QStringLiteral("restore");
    spec.synopsis
        = QStringLiteral("restore (--ids ID[,ID...] | --ids-file FILE) (--dry-run | --yes)\n"
                         "       [--all-regions [--format table|csv|json]]");
    spec.options = { Name::ids, Name::idsFile, Name::dryRun, Name::yes, Name::timeout,
        Name::allRegions, Name::format };
    spec.check = checkRestore;
    return spec;
}
