#pragma once

#include "actioncommand.h"
#include "clicommandspec.h"

#include <optional>

// What maintenance, logoff, retire and restore check alike, once the change is known: one source
// of ids, the deadline (--timeout), the confirmation (--yes or --dry-run); the invocation runs an
// ActionCommand with `request` completed by them.
std::optional<CliInvocation> checkActionRequest(const CliCommandLine& line, const QString& command,
    ActionCommand::Request request, QString* usageError);
