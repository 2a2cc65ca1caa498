#include "clioptions.h"

#include "clicommandspec.h"

#include <QCommandLineParser>

void CliOptions::addShared(QCommandLineParser& parser)
{
    parser.addOption({ Name::status,
        CliText::tr("list: only desktops in this status (%1).")
            .arg(kStatuses.join(QLatin1String(", "))),
        CliText::tr("status") });
    parser.addOption(
        { Name::name, CliText::tr("list: only desktops whose computer name matches <text>."),
            CliText::tr("text") });
    parser.addOption({ Name::format, CliText::tr("list: output as table (default), csv or json."),
        CliText::tr("format"), QStringLiteral("table") });
    parser.addOption({ Name::wait, CliText::tr("job: poll until the job has finished.") });
    parser.addOption({ Name::pollInterval,
        CliText::tr("job --wait: seconds between polls (default 5); delete: first poll interval."),
        CliText::tr("seconds"), QStringLiteral("5") });
    parser.addOption({ Name::timeout,
        CliText::tr("job --wait: stop following the job after <seconds> (default 3600); delete, "
                    "maintenance, logoff: end the whole run after <seconds> (a request still "
                    "unanswered then has an unknown outcome, the rest is not sent); list: give up "
                    "listing after <seconds>."),
        CliText::tr("seconds"), QStringLiteral("3600") });
    parser.addOption(
        { Name::ids, CliText::tr("delete, maintenance, logoff: comma-separated desktop ids."),
            CliText::tr("ids") });
    parser.addOption({ Name::idsFile,
        CliText::tr("delete, maintenance, logoff: file with desktop ids, one per line ('-' reads "
                    "stdin)."),
        CliText::tr("file") });
    parser.addOption({ Name::deleteUsers,
        CliText::tr("delete: also delete each desktop's user when they have no other desktop.") });
    parser.addOption({ Name::noEmail, CliText::tr("delete: do not e-mail the users.") });
    parser.addOption({ Name::force,
        CliText::tr("delete: delete desktops even when a user is connected (the user "
                    "is disconnected).") });
    parser.addOption({ Name::dryRun,
        CliText::tr("delete, maintenance, logoff: look the desktops up and print the requests a "
                    "real run would send; send none.") });
    parser.addOption({ Name::yes,
        CliText::tr("delete, maintenance, logoff: confirm that the desktops are to be "
                    "changed; journal forget: confirm that the job is to be forgotten.") });
    parser.addOption({ Name::retiring,
        CliText::tr("list: only the desktops being retired (those carrying this app's retirement "
                    "tags, due or not).") });
    parser.addOption({ Name::idleDays,
        CliText::tr("list: only desktops idle for at least <days> in the usage statistics "
                    "(desktops without statistics are left out and counted)."),
        CliText::tr("days") });
    parser.addOption({ Name::periodDays,
        CliText::tr("list: load the usage of the last <days> days (1-180, default 30, or "
                    "--idle-days when larger) and show the idle days and hours of use."),
        CliText::tr("days"), QStringLiteral("30") });
    parser.addOption({ Name::includeYearlyMonthly,
        CliText::tr("delete: also delete the desktops billed yearly/monthly (the console "
                    "unsubscribes them instead; left out by default).") });
    parser.addOption({ Name::turnAutoscaleOffFirst,
        CliText::tr("delete: first turn autoscale off for the pools of the desktops that may "
                    "create new desktops after the deletion; if a pool cannot be stopped, nothing "
                    "is deleted.") });
    parser.addOption({ Name::message,
        CliText::tr("logoff, retire: the message the users see before they are logged off."),
        CliText::tr("text") });
    parser.addOption({ Name::allRegions,
        CliText::tr("list: the desktops of every Workspace project of the account (found "
                    "through the IAM of --region), with their region and project.") });
}
