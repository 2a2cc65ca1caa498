#pragma once

#include "clicommandspec.h"

#include <vector>

class QCommandLineParser;

// Every command of workspace-admin-cli, in the order --help lists them, and what the parser needs
// of them: the help text, the options, which options each command takes.
//
// A new command `frob` is a file of its own, frobcommandline.cpp, defining
// `CliCommandSpec frobCommandSpec()` (its name, synopsis, the shared options it takes, its own
// options, its check, which returns the CliInvocation that creates its CliCommand), plus its
// declaration and its place in the list in clicommandregistry.cpp, and the file in
// cli/CMakeLists.txt. A shared option (one several commands take) is defined once in
// CliOptions::addShared(), its text naming the commands that take it.
class CliCommandRegistry {
public:
    // Every command of workspace-admin-cli.
    CliCommandRegistry();
    // Only these (tests).
    explicit CliCommandRegistry(std::vector<CliCommandSpec> commands);

    const std::vector<CliCommandSpec>& commands() const { return m_commands; }

    const CliCommandSpec* find(const QString& name) const;
    // "list, job, … or regions", for the help and the messages that name the commands.
    QString namesInProse() const;
    // The description --help starts with: what the program does, each command's synopsis, the
    // credentials and the exit codes.
    QString helpDescription() const;
    // The shared options, then every command's own.
    void addOptionsTo(QCommandLineParser& parser) const;
    // The first option used that the command does not take (nor any command: the connection
    // options, help, version); empty when all apply.
    QString firstOptionNotTakenBy(const CliCommandSpec& command, const QStringList& used) const;
    // The first option used that is neither among `taken` nor one every command takes; empty when
    // all apply (also for a mode of a command that takes fewer options than the command).
    static QString firstOptionNotAmong(const QStringList& taken, const QStringList& used);

private:
    std::vector<CliCommandSpec> m_commands;
};
