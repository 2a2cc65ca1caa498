// `retire`: its command line. Its --delete-due mode is DueDeletionCommandLine's.

#include "clicommandspec.h"
#include "duedeletecommandline.h"

namespace {

std::optional<CliInvocation> checkRetire(const CliCommandLine& line, QString* usageError)
{
    if (line.isSet(DueDeletionCommandLine::deleteDue))
        return DueDeletionCommandLine::check(line, usageError);
    return refuse(usageError,
        CliText::tr("Use retire --delete-due to delete the retiring desktops that are due."));
}

} // namespace

CliCommandSpec retireCommandSpec()
{
    CliCommandSpec spec;
    spec.name = QStringLiteral("retire");
    spec.synopsis = DueDeletionCommandLine::synopsis();
    spec.options = DueDeletionCommandLine::sharedOptions();
    spec.ownOptions = { DueDeletionCommandLine::deleteDueOption() };
    spec.check = checkRetire;
    return spec;
}
