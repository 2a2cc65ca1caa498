// `journal`: its command line.

#include "clicommandspec.h"
#include "clioptions.h"
#include "journalcommand.h"

using namespace CliOptions;

namespace {

std::optional<CliInvocation> checkJournal(const CliCommandLine& line, QString* usageError)
{
    const QStringList& arguments = line.arguments();
    const bool list = arguments.isEmpty();
    const bool forget = arguments.size() == 2 && arguments.first() == QLatin1String("forget")
        && !arguments.last().trimmed().isEmpty();
    if (!list && !forget)
        return refuse(usageError,
            CliText::tr(
                "Use journal to list the unfinished jobs, or journal forget JOB_ID --yes."));

    JournalCommand::Options options;
    options.dataDir
        = ConnectionOptions::resolveDataDir(ConnectionOptions::valuesFrom(line.parser()));
    if (forget)
        options.forgetJobId = arguments.at(1).trimmed();
    options.confirmed = line.isSet(Name::yes);
    CliInvocation invocation;
    // The journal lives in the data directory alone: no connection, no credentials.
    invocation.reach = CliInvocation::Reach::DataDirectory;
    invocation.create
        = [options](const CliRunContext& context, QString*) -> std::unique_ptr<CliCommand> {
        return std::make_unique<JournalCommand>(options, context.out, context.err);
    };
    return invocation;
}

} // namespace

CliCommandSpec journalCommandSpec()
{
    CliCommandSpec spec;
    spec.name = QStringLiteral("journal");
    spec.synopsis = QStringLiteral("journal [forget JOB_ID --yes]");
    // The connection options are accepted (scripts pass them alike) but only the data directory
    // matters.
    spec.options = { Name::yes };
    spec.check = checkJournal;
    return spec;
}
