#pragma once

#include "clicommandspec.h"

#include <QCommandLineOption>
#include <QString>
#include <QStringList>

#include <optional>

// `retire --delete-due`: the mode of `retire` that deletes the retiring desktops that are due
// (DueDeleteCommand). The `retire` spec takes its option, its shared options and its synopsis line,
// and hands the command line to checkDueDeletion() when --delete-due is set.
namespace DueDeletionCommandLine {

inline const QString deleteDue = QStringLiteral("delete-due");

QCommandLineOption deleteDueOption();
// Its line under "Commands:" in --help.
QString synopsis();
// The shared options (CliOptions::Name) it takes.
QStringList sharedOptions();
std::optional<CliInvocation> check(const CliCommandLine& line, QString* usageError);

} // namespace DueDeletionCommandLine
