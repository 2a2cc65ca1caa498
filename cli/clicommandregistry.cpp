#include "clicommandregistry.h"

#include "clioptions.h"
#include "settings/connectionoptions.h"

#include <QCommandLineParser>
#include <QSet>

// Each command's spec is defined in a file of its own (listcommandline.cpp, …). A new command is
// its file, its declaration here and its place in the list below.
CliCommandSpec listCommandSpec();
CliCommandSpec jobCommandSpec();
CliCommandSpec deleteCommandSpec();
CliCommandSpec maintenanceCommandSpec();
CliCommandSpec logoffCommandSpec();
CliCommandSpec journalCommandSpec();
CliCommandSpec regionsCommandSpec();
CliCommandSpec retireCommandSpec();
CliCommandSpec restoreCommandSpec();

CliCommandRegistry::CliCommandRegistry()
    : m_commands {
        listCommandSpec(),
        jobCommandSpec(),
        deleteCommandSpec(),
        maintenanceCommandSpec(),
        logoffCommandSpec(),
        journalCommandSpec(),
        regionsCommandSpec(),
        retireCommandSpec(),
        restoreCommandSpec(),
    }
{
}

CliCommandRegistry::CliCommandRegistry(std::vector<CliCommandSpec> commands)
    : m_commands(std::move(commands))
{
}

const CliCommandSpec* CliCommandRegistry::find(const QString& name) const
{
    for (const CliCommandSpec& command : m_commands) {
        if (command.name == name)
            return &command;
    }
    return nullptr;
}

QString CliCommandRegistry::namesInProse() const
{
    QString names;
    for (const CliCommandSpec& command : m_commands) {
        if (names.isEmpty())
            names = command.name;
        else if (&command == &m_commands.back())
            names = CliText::tr("%1 or %2", "the last of a list of commands: “list, job or delete”")
                        .arg(names, command.name);
        else
            names
                = CliText::tr("%1, %2", "a list of commands: “list, job”").arg(names, command.name);
    }
    return names;
}

QString CliCommandRegistry::helpDescription() const
{
    QString description
        = CliText::tr("Review and delete Huawei Cloud Workspace desktops from scripts.\n\n"
                      "Commands:");
    for (const CliCommandSpec& command : m_commands) {
        const QStringList lines = command.synopsis.split(QLatin1Char('\n'));
        for (const QString& line : lines)
            description += QLatin1String("\n  ") + line;
    }
    description += QLatin1String("\n\n");
    description += CliText::tr(
        "regions lists the account's Workspace projects and their desktops, found from the\n"
        "access key through the IAM of --region.\n\n"
        "maintenance and logoff look the desktops up as delete does and leave out, each\n"
        "with its reason, those not found, repeated or being deleted; the profile's\n"
        "protected tags do not block them, since they delete nothing.\n\n"
        "retire puts the desktops in maintenance mode, logs their users off with --message,\n"
        "tags them with the day they may be deleted (today + --days, UTC) and stops them;\n"
        "restore undoes it. Protected, yearly/monthly and already retiring desktops are\n"
        "left out of a retirement, each with its reason.\n\n"
        "Credentials come from HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK (and\n"
        "HUAWEICLOUD_SDK_SECURITY_TOKEN), or from a saved profile and the system keychain.\n\n"
        "Exit codes: 0 done, 1 some desktops or sub-jobs failed, 2 usage or configuration\n"
        "error, 3 API or network error, 4 the list is incomplete (the service's answers did\n"
        "not add up, or went beyond what a listing may hold; what arrived is printed).\n"
        "A dry run of delete --delete-users whose users' look-up failed says the impact on\n"
        "users is unknown and exits 3 (4 when the look-up was incomplete).\n"
        "retire --delete-due exits 0 when nothing is due, and 4 when the log-in records or\n"
        "the listing could not all be read (no desktop whose use is unknown is deleted).");
    return description;
}

void CliCommandRegistry::addOptionsTo(QCommandLineParser& parser) const
{
    CliOptions::addShared(parser);
    for (const CliCommandSpec& command : m_commands) {
        for (const QCommandLineOption& option : command.ownOptions)
            parser.addOption(option);
    }
}

QString CliCommandRegistry::firstOptionNotTakenBy(
    const CliCommandSpec& command, const QStringList& used) const
{
    QStringList taken = command.options;
    for (const QCommandLineOption& option : command.ownOptions)
        taken += option.names();
    return firstOptionNotAmong(taken, used);
}

QString CliCommandRegistry::firstOptionNotAmong(const QStringList& taken, const QStringList& used)
{
    const QStringList connectionOptions = ConnectionOptions::optionNames();
    QSet<QString> takenByAny(connectionOptions.cbegin(), connectionOptions.cend());
    takenByAny.unite({ CliOptions::Name::help, CliOptions::Name::version });
    for (const QString& option : taken)
        takenByAny.insert(option);
    for (const QString& option : used) {
        if (!takenByAny.contains(option))
            return option;
    }
    return {};
}
