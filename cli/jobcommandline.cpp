// `job`: its command line.

#include "clicommandspec.h"
#include "clioptions.h"
#include "jobcommand.h"

using namespace CliOptions;

namespace {

std::optional<CliInvocation> checkJob(const CliCommandLine& line, QString* usageError)
{
    if (line.arguments().size() != 1 || line.arguments().first().trimmed().isEmpty())
        return refuse(usageError, CliText::tr("job needs exactly one JOB_ID."));
    const std::optional<int> pollIntervalMs = secondsToMs(line.value(Name::pollInterval));
    const std::optional<int> timeoutMs = secondsToMs(line.value(Name::timeout));
    if (!pollIntervalMs || !timeoutMs)
        return refuse(usageError,
            CliText::tr("--poll-interval and --timeout take a positive number of seconds."));

    JobCommand::Options options;
    options.jobId = line.arguments().first().trimmed();
    options.wait = line.isSet(Name::wait);
    options.pollIntervalMs = *pollIntervalMs;
    options.timeoutMs = *timeoutMs;
    CliInvocation invocation;
    invocation.create
        = [options](const CliRunContext& context, QString*) mutable -> std::unique_ptr<CliCommand> {
        // The project is known only now when it was found from the access key.
        options.dataDir = context.connection.dataDir;
        options.projectId = context.connection.config.projectId;
        return std::make_unique<JobCommand>(context.client, options, context.out, context.err);
    };
    return invocation;
}

} // namespace

CliCommandSpec jobCommandSpec()
{
    CliCommandSpec spec;
    spec.name = QStringLiteral("job");
    spec.synopsis = QStringLiteral("job JOB_ID [--wait]");
    spec.options = { Name::wait, Name::pollInterval, Name::timeout };
    spec.check = checkJob;
    return spec;
}
