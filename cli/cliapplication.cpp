#include "cliapplication.h"

#include "api/apiclient.h"
#include "api/decommissionjson.h"
#include "clioptions.h"
#include "desktopformatter.h"
#include "jobcommand.h"
#include "journalcommand.h"
#include "listcommand.h"
#include "settings/credentialstore.h"
#include "settings/profilestore.h"

#include "democonnection.h"
#include "deletecommand.h"

#include <QCoreApplication>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSet>

#include <algorithm>

using namespace CliOptions;

CliApplication::CliApplication(QStringList arguments, QProcessEnvironment environment,
                               QTextStream &out, QTextStream &err, QObject *parent)
    : QObject(parent)
    , m_arguments(std::move(arguments))
    , m_environment(environment) // QProcessEnvironment has no move constructor in Qt 6.4
    , m_out(out)
    , m_err(err)
{
}

CliApplication::~CliApplication() = default;

void CliApplication::start()
{
    if (!parseCommandLine())
        return;

    if (m_command == Command::Journal) {
        // The journal lives in the data directory alone: no connection, no credentials.
        JournalCommand::Options options;
        options.dataDir = ConnectionOptions::resolveDataDir(ConnectionOptions::valuesFrom(m_parser));
        if (m_commandArguments.size() == 2)
            options.forgetJobId = m_commandArguments.at(1).trimmed();
        options.confirmed = m_parser.isSet(Name::yes);
        m_running = std::make_unique<JournalCommand>(options, m_out, m_err);
        connect(m_running.get(), &CliCommand::finished, this, &CliApplication::finish);
        m_running->start();
        return;
    }

    ProfileStore profiles(ProfileStore::defaultFilePath());
    QString error;
    const std::optional<ResolvedConnection> resolved = ConnectionOptions::resolve(
        ConnectionOptions::valuesFrom(m_parser), m_environment, &profiles, &error);
    if (!resolved) {
        usageError(error);
        return;
    }
    m_connection = *resolved;

    if (m_connection.isDemo) {
        // The demo service runs on a thread of its own; the command starts once it listens.
        m_demo = new DemoConnection(this);
        connect(m_demo, &DemoConnection::failed, this, &CliApplication::usageError);
        connect(m_demo, &DemoConnection::started, this, [this](const ResolvedConnection &demo) {
            m_connection = demo;
            m_err << tr("Demo mode: working against a simulated Workspace service at %1; nothing real "
                        "is touched.")
                         .arg(m_connection.config.endpoint.toDisplayString())
                  << Qt::endl;
            connectAndRun();
        });
        m_demo->start(m_connection);
        return;
    }
    if (m_connection.needsStoredCredentials()) {
        readStoredCredentials();
        return;
    }
    connectAndRun();
}

bool CliApplication::parseCommandLine()
{
    m_parser.setApplicationDescription(
        tr("Review and delete Huawei Cloud Workspace desktops from scripts.\n\n"
           "Commands:\n"
           "  list [--status S] [--name TEXT] [--format table|csv|json]\n"
           "       [--idle-days N] [--period-days DAYS] [--retiring] [--all-regions]\n"
           "  job JOB_ID [--wait]\n"
           "  delete (--ids ID[,ID...] | --ids-file FILE) [--delete-users] [--no-email] [--force]\n"
           "         [--include-yearly-monthly] [--turn-autoscale-off-first] (--dry-run | --yes)\n"
           "  maintenance on|off (--ids ID[,ID...] | --ids-file FILE) (--dry-run | --yes)\n"
           "  logoff --message TEXT (--ids ID[,ID...] | --ids-file FILE) (--dry-run | --yes)\n"
           "  journal [forget JOB_ID --yes]\n"
           "  regions [--format table|csv|json]\n\n"
           "regions lists the account's Workspace projects and their desktops, found from the\n"
           "access key through the IAM of --region.\n\n"
           "maintenance and logoff look the desktops up as delete does and leave out, each\n"
           "with its reason, those not found, repeated or being deleted; the profile's\n"
           "protected tags do not block them, since they delete nothing.\n\n"
           "Credentials come from HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK (and\n"
           "HUAWEICLOUD_SDK_SECURITY_TOKEN), or from a saved profile and the system keychain.\n\n"
           "Exit codes: 0 done, 1 some desktops or sub-jobs failed, 2 usage or configuration\n"
           "error, 3 API or network error, 4 the list is incomplete (the service's answers did\n"
           "not add up, or went beyond what a listing may hold; what arrived is printed).\n"
           "A dry run of delete --delete-users whose users' look-up failed says the impact on\n"
           "users is unknown and exits 3 (4 when the look-up was incomplete)."));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addPositionalArgument(QStringLiteral("command"),
                                   tr("list, job, delete, maintenance, logoff, journal or regions."));
    ConnectionOptions::addTo(m_parser);
    m_parser.addOption({Name::status, tr("list: only desktops in this status (%1).")
                                          .arg(kStatuses.join(QLatin1String(", "))),
                        tr("status")});
    m_parser.addOption({Name::name, tr("list: only desktops whose computer name matches <text>."),
                        tr("text")});
    m_parser.addOption({Name::format, tr("list: output as table (default), csv or json."),
                        tr("format"), QStringLiteral("table")});
    m_parser.addOption({Name::wait, tr("job: poll until the job has finished.")});
    m_parser.addOption({Name::pollInterval,
                        tr("job --wait: seconds between polls (default 5); delete: first poll interval."),
                        tr("seconds"), QStringLiteral("5")});
    m_parser.addOption({Name::timeout,
                        tr("job --wait: stop following the job after <seconds> (default 3600); delete, "
                           "maintenance, logoff: end the whole run after <seconds> (a request still "
                           "unanswered then has an unknown outcome, the rest is not sent); list: give up "
                           "listing after <seconds>."),
                        tr("seconds"), QStringLiteral("3600")});
    m_parser.addOption({Name::ids, tr("delete, maintenance, logoff: comma-separated desktop ids."), tr("ids")});
    m_parser.addOption({Name::idsFile,
                        tr("delete, maintenance, logoff: file with desktop ids, one per line ('-' reads stdin)."),
                        tr("file")});
    m_parser.addOption({Name::deleteUsers,
                        tr("delete: also delete each desktop's user when they have no other desktop.")});
    m_parser.addOption({Name::noEmail, tr("delete: do not e-mail the users.")});
    m_parser.addOption({Name::force, tr("delete: delete desktops even when a user is connected (the user is "
                                        "disconnected).")});
    m_parser.addOption({Name::dryRun,
                        tr("delete, maintenance, logoff: look the desktops up and print the requests a real "
                           "run would send; send none.")});
    m_parser.addOption({Name::yes, tr("delete, maintenance, logoff: confirm that the desktops are to be "
                                      "changed; journal forget: confirm that the job is to be forgotten.")});
    m_parser.addOption({Name::retiring,
                        tr("list: only the desktops being retired (those carrying this app's retirement "
                           "tags, due or not).")});
    m_parser.addOption({Name::idleDays,
                        tr("list: only desktops idle for at least <days> in the usage statistics (desktops "
                           "without statistics are left out and counted)."),
                        tr("days")});
    m_parser.addOption({Name::periodDays,
                        tr("list: load the usage of the last <days> days (1-180, default 30, or --idle-days when "
                           "larger) and show the idle days and hours of use."),
                        tr("days"), QStringLiteral("30")});
    m_parser.addOption({Name::includeYearlyMonthly,
                        tr("delete: also delete the desktops billed yearly/monthly (the console "
                           "unsubscribes them instead; left out by default).")});
    m_parser.addOption({Name::turnAutoscaleOffFirst,
                        tr("delete: first turn autoscale off for the pools of the desktops that may create new "
                           "desktops after the deletion; if a pool cannot be stopped, nothing is deleted.")});
    m_parser.addOption({Name::message, tr("logoff: the message the users see before they are logged off."),
                        tr("text")});
    m_parser.addOption({Name::allRegions,
                        tr("list: the desktops of every Workspace project of the account (found through the IAM "
                           "of --region), with their region and project.")});

    if (!m_parser.parse(m_arguments)) {
        usageError(m_parser.errorText());
        return false;
    }
    if (m_parser.isSet(Name::help) || m_parser.isSet(QStringLiteral("help-all"))) {
        m_out << m_parser.helpText();
        finish(ExitSuccess);
        return false;
    }
    if (m_parser.isSet(Name::version)) {
        m_out << QCoreApplication::applicationName() << QLatin1Char(' ')
              << QCoreApplication::applicationVersion() << Qt::endl;
        finish(ExitSuccess);
        return false;
    }

    m_commandArguments = m_parser.positionalArguments();
    if (m_commandArguments.isEmpty()) {
        usageError(tr("No command given; use list, job, delete, maintenance, logoff, journal or regions."));
        return false;
    }
    const QString command = m_commandArguments.takeFirst();
    if (command == QLatin1String("list"))
        m_command = Command::List;
    else if (command == QLatin1String("job"))
        m_command = Command::Job;
    else if (command == QLatin1String("delete"))
        m_command = Command::Delete;
    else if (command == QLatin1String("journal"))
        m_command = Command::Journal;
    else if (command == QLatin1String("maintenance"))
        m_command = Command::Maintenance;
    else if (command == QLatin1String("logoff"))
        m_command = Command::Logoff;
    else if (command == QLatin1String("regions"))
        m_command = Command::Regions;
    else {
        usageError(tr("Unknown command “%1”; use list, job, delete, maintenance, logoff, journal or regions.").arg(command));
        return false;
    }
    if (!checkOptionsBelongTo(m_command))
        return false;

    switch (m_command) {
    case Command::None:
        break;
    case Command::List:
        if (!m_commandArguments.isEmpty()) {
            usageError(tr("list takes no arguments, only options."));
            return false;
        }
        // The service filters on its own statuses; the transitional ones are filtered after listing.
        if (m_parser.isSet(Name::status) && !isDesktopStatusFilterValue(m_parser.value(Name::status))
            && !transitionalDesktopStatuses().contains(m_parser.value(Name::status), Qt::CaseInsensitive)) {
            usageError(tr("Unknown status “%1”; use one of %2.")
                           .arg(m_parser.value(Name::status), kStatuses.join(QLatin1String(", "))));
            return false;
        }
        if (!DesktopFormatter::formatFromName(m_parser.value(Name::format))) {
            usageError(tr("Unknown format “%1”; use table, csv or json.").arg(m_parser.value(Name::format)));
            return false;
        }
        if (!secondsToMs(m_parser.value(Name::timeout))) {
            usageError(tr("--timeout takes a positive number of seconds."));
            return false;
        }
        if (!wholeDays(m_parser.value(Name::periodDays), 1, kMaxUsagePeriodDays)) {
            usageError(tr("--period-days takes a whole number of days from 1 to %1.").arg(kMaxUsagePeriodDays));
            return false;
        }
        if (m_parser.isSet(Name::idleDays) && !wholeDays(m_parser.value(Name::idleDays), 0, kMaxUsagePeriodDays)) {
            usageError(tr("--idle-days takes a whole number of days from 0 to %1: the service keeps %1 days of "
                          "statistics.").arg(kMaxUsagePeriodDays));
            return false;
        }
        // The statistics of a period cannot tell an idle time longer than the period.
        if (m_parser.isSet(Name::idleDays) && m_parser.isSet(Name::periodDays)
            && *wholeDays(m_parser.value(Name::idleDays), 0, kMaxUsagePeriodDays)
                > *wholeDays(m_parser.value(Name::periodDays), 1, kMaxUsagePeriodDays)) {
            usageError(tr("--idle-days cannot be longer than --period-days: the statistics of a period tell no "
                          "idle time beyond it."));
            return false;
        }
        if (m_parser.isSet(Name::allRegions) && (m_parser.isSet(Name::idleDays) || m_parser.isSet(Name::periodDays))) {
            usageError(tr("--all-regions does not load usage statistics; list one region for --idle-days or "
                          "--period-days."));
            return false;
        }
        break;
    case Command::Regions:
        if (!m_commandArguments.isEmpty() || !DesktopFormatter::formatFromName(m_parser.value(Name::format))) {
            usageError(tr("regions takes no arguments; --format is table, csv or json."));
            return false;
        }
        break;
    case Command::Job:
        if (m_commandArguments.size() != 1 || m_commandArguments.first().trimmed().isEmpty()) {
            usageError(tr("job needs exactly one JOB_ID."));
            return false;
        }
        if (!secondsToMs(m_parser.value(Name::pollInterval)) || !secondsToMs(m_parser.value(Name::timeout))) {
            usageError(tr("--poll-interval and --timeout take a positive number of seconds."));
            return false;
        }
        break;
    case Command::Journal: {
        const bool list = m_commandArguments.isEmpty();
        const bool forget = m_commandArguments.size() == 2 && m_commandArguments.first() == QLatin1String("forget")
            && !m_commandArguments.last().trimmed().isEmpty();
        if (!list && !forget) {
            usageError(tr("Use journal to list the unfinished jobs, or journal forget JOB_ID --yes."));
            return false;
        }
        break;
    }
    case Command::Maintenance:
    case Command::Logoff:
        if (!parseActionRequest())
            return false;
        break;
    case Command::Delete:
        if (!m_commandArguments.isEmpty()) {
            usageError(tr("delete takes its desktop ids through --ids or --ids-file."));
            return false;
        }
        if (!requireOneIdSource(QStringLiteral("delete")))
            return false;
        if (!m_parser.isSet(Name::yes) && !m_parser.isSet(Name::dryRun)) {
            usageError(tr("Deletion cannot be undone: add --yes to confirm (or --dry-run to see "
                          "the requests first)."));
            return false;
        }
        if (!secondsToMs(m_parser.value(Name::pollInterval)) || !secondsToMs(m_parser.value(Name::timeout))) {
            usageError(tr("--poll-interval and --timeout take a positive number of seconds."));
            return false;
        }
        if (!parseDeleteRequest())
            return false;
        break;
    }
    return true;
}

// A filter for list given to job, or --yes given to list, is a mistake worth stopping for: the
// script would not do what its author thinks.
void CliApplication::readStoredCredentials()
{
    m_credentialStore = std::make_unique<CredentialStore>();
    connect(m_credentialStore.get(), &CredentialStore::readFinished, this,
            [this](const QString &, const Credentials &stored, const QString &readError) {
                QString error;
                if (!m_connection.fillStoredCredentials(stored, &error)) {
                    if (!readError.isEmpty())
                        error = readError;
                    else if (!m_credentialStore->isKeychainAvailable())
                        error = m_credentialStore->unavailableReason() + QLatin1Char('\n')
                            + tr("Set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK instead.");
                    usageError(error);
                    return;
                }
                connectAndRun();
            });
    m_credentialStore->read(m_connection.profileName, m_connection.credentials.accessKey);
}

void CliApplication::connectAndRun()
{
    m_network = std::make_unique<QNetworkAccessManager>();
    if (m_connection.needsProjectDiscovery() && !worksOnTheWholeAccount()) {
        findProjectThenRun();
        return;
    }
    runCommand();
}

void CliApplication::runCommand()
{
    m_client = std::make_unique<ApiClient>(m_network.get(), m_connection.config, m_connection.credentials);
    m_running = createCommand();
    m_connection.credentials.clear(); // the client and the command keep their own copies
    if (!m_running)
        return;
    connect(m_running.get(), &CliCommand::finished, this, &CliApplication::finish);
    m_running->start();
}

std::unique_ptr<CliCommand> CliApplication::createCommand()
{
    switch (m_command) {
    case Command::None:
    case Command::Journal:
        break;
    case Command::List: {
        DesktopQuery query;
        const QString status = m_parser.value(Name::status).toUpper();
        if (kServerStatuses.contains(status))
            query.status = status;
        query.computerName = m_parser.value(Name::name);
        if (m_parser.isSet(Name::allRegions))
            return createAllRegionsListCommand(query, m_parser.value(Name::format), m_parser.value(Name::timeout));
        auto list = std::make_unique<ListCommand>(
            m_client.get(), query, *DesktopFormatter::formatFromName(m_parser.value(Name::format)), m_out,
            m_err);
        if (kTransitionalStatuses.contains(status))
            list->setTransitionalStatus(status);
        if (m_parser.isSet(Name::timeout))
            list->setTimeoutMs(*secondsToMs(m_parser.value(Name::timeout)));
        const std::optional<int> idleDays = m_parser.isSet(Name::idleDays)
            ? wholeDays(m_parser.value(Name::idleDays), 0, kMaxUsagePeriodDays)
            : std::nullopt;
        if (idleDays || m_parser.isSet(Name::periodDays)) {
            // Without a period of its own, --idle-days N looks at the last N days (30 at least).
            int period = *wholeDays(m_parser.value(Name::periodDays), 1, kMaxUsagePeriodDays);
            if (idleDays && !m_parser.isSet(Name::periodDays))
                period = std::max(period, *idleDays);
            list->setUsagePeriod(period, QDateTime::currentDateTimeUtc());
        }
        if (idleDays)
            list->setMinIdleDays(*idleDays);
        list->setRetiringOnly(m_parser.isSet(Name::retiring));
        return list;
    }
    case Command::Job: {
        JobCommand::Options options;
        options.jobId = m_commandArguments.first().trimmed();
        options.wait = m_parser.isSet(Name::wait);
        options.pollIntervalMs = *secondsToMs(m_parser.value(Name::pollInterval));
        options.timeoutMs = *secondsToMs(m_parser.value(Name::timeout));
        options.dataDir = m_connection.dataDir;
        options.projectId = m_connection.config.projectId;
        return std::make_unique<JobCommand>(m_client.get(), options, m_out, m_err);
    }
    case Command::Delete:
    {
        DeleteCommand::Timing timing;
        if (m_parser.isSet(Name::pollInterval))
            timing.pollIntervalMs = *secondsToMs(m_parser.value(Name::pollInterval));
        if (m_parser.isSet(Name::timeout)) {
            timing.giveUpAfterMs = *secondsToMs(m_parser.value(Name::timeout));
            timing.deadlineMs = timing.giveUpAfterMs;
        }
        return std::make_unique<DeleteCommand>(m_client.get(), m_deleteRequest, m_connection, timing,
                                               m_out, m_err);
    }
    case Command::Regions:
        return createRegionsCommand(m_parser.value(Name::format));
    case Command::Maintenance:
    case Command::Logoff:
        return std::make_unique<ActionCommand>(m_client.get(), m_actionRequest, m_connection, m_out, m_err);
    }
    return nullptr;
}

void CliApplication::usageError(const QString &message)
{
    m_err << message << Qt::endl;
    if (m_command == Command::None)
        m_err << tr("Run with --help for usage.") << Qt::endl;
    finish(ExitUsageError);
}

void CliApplication::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_out.flush();
    m_err.flush();
    Q_EMIT finished(exitCode);
}
