#pragma once

#include "clicommandspec.h"
#include "deletecommand.h"
#include "deleterequest.h"

#include <optional>

// What `delete` and `retire --delete-due` read alike from their command lines.
namespace DeleteCommandLine {

// --delete-users, --no-email, --force and --dry-run.
DeleteRequest requestFrom(const CliCommandLine& line);
// --poll-interval and --timeout; nothing, with *usageError, when one is not a positive number of
// seconds.
std::optional<DeleteCommand::Timing> timingFrom(const CliCommandLine& line, QString* usageError);

} // namespace DeleteCommandLine
