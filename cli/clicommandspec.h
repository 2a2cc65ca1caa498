#pragma once

#include "api/accountprojects.h"
#include "settings/connectionoptions.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class ApiClient;
class CliCommand;
class QTextStream;

// The texts of the command line (--help, usage errors) keep the translation context they have
// always had, whichever file of a command writes them.
class CliText {
    Q_DECLARE_TR_FUNCTIONS(CliApplication)
};

// The command line as one command's check sees it: its options, and the arguments after its name.
class CliCommandLine {
public:
    CliCommandLine(const QCommandLineParser& parser, QStringList arguments);

    const QCommandLineParser& parser() const { return m_parser; }
    const QStringList& arguments() const { return m_arguments; }
    bool isSet(const QString& option) const { return m_parser.isSet(option); }
    QString value(const QString& option) const { return m_parser.value(option); }

    // The commands that take desktop ids take exactly one of --ids and --ids-file.
    bool hasOneIdSource(const QString& command, QString* error) const;
    struct Ids {
        QStringList desktopIds; // deduplicated, in the order given
        QStringList requestedIds; // as given, duplicates included, so that they can be reported
    };
    // The ids of --ids, or read from the file of --ids-file ('-': standard input).
    std::optional<Ids> readIds(QString* error) const;

private:
    const QCommandLineParser& m_parser;
    QStringList m_arguments;
};

// What a command needs once the connection is ready.
struct CliRunContext {
    ApiClient* client = nullptr; // none for a command that needs only the data directory
    const ResolvedConnection& connection;
    // How the account's projects are reached; only while the credentials are still held.
    std::function<AccountAccess()> accountAccess;
    QTextStream& out;
    QTextStream& err;
};

// A command line that passed its command's check, ready to become the command.
struct CliInvocation {
    enum class Reach {
        DataDirectory, // no connection, no credentials (journal)
        Project, // one project, found from the access key when none is configured
        Account, // every project of the account (regions, list --all-regions)
    };
    Reach reach = Reach::Project;
    // The command; nothing, with a usage error, when the connection cannot serve it.
    std::function<std::unique_ptr<CliCommand>(const CliRunContext& context, QString* usageError)>
        create;
};

// One command of workspace-admin-cli: its name, its line in --help, the options it takes and the
// check that turns its command line into an invocation. Each is defined in a file of its own and
// listed once in CliCommandRegistry.
struct CliCommandSpec {
    QString name;
    // Its lines under "Commands:" in --help, as typed (further lines indented to follow the name).
    QString synopsis;
    // The shared options it takes (CliOptions::Name), beyond the connection options.
    QStringList options;
    // Options no other command takes, defined here; --help lists them after the shared ones.
    QList<QCommandLineOption> ownOptions;
    // Checks the command line in the order the errors should be met; nothing, with *usageError
    // set, on the first problem.
    std::function<std::optional<CliInvocation>(const CliCommandLine& line, QString* usageError)>
        check;
};

// A check's refusal in one statement: `return refuse(usageError, CliText::tr("…"));`.
inline std::nullopt_t refuse(QString* usageError, const QString& message)
{
    *usageError = message;
    return std::nullopt;
}
