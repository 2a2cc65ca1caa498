#pragma once

#include "clicommandspec.h"

#include <vector>

class QCommandLineParser;

// Every command of workspace-admin-cli, in the order --help lists them, and what the parser needs
// of them: the help text, the options, which options each command takes.
class CliCommandRegistry {
public:
    CliCommandRegistry();

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

private:
    std::vector<CliCommandSpec> m_commands;
};
