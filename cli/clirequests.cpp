#include "cliapplication.h"

#include "clioptions.h"
#include "settings/connectionoptions.h"

#include <QFile>
#include <QSet>

#include <algorithm>

// CliApplication's checks of which options go with which command, and its reading of the ids and
// of the delete, maintenance and log-off requests.
using namespace CliOptions;

bool CliApplication::checkOptionsBelongTo(Command command)
{
    const QStringList connectionOptions = ConnectionOptions::optionNames();
    QSet<QString> allowed(connectionOptions.cbegin(), connectionOptions.cend());
    allowed.unite({Name::help, Name::version});
    switch (command) {
    case Command::None:
        break;
    case Command::List:
        allowed.unite({Name::status, Name::name, Name::format, Name::timeout, Name::idleDays, Name::periodDays,
                       Name::allRegions, Name::retiring});
        break;
    case Command::Regions:
        allowed.insert(Name::format);
        break;
    case Command::Job:
        allowed.unite({Name::wait, Name::pollInterval, Name::timeout});
        break;
    case Command::Delete:
        allowed.unite({Name::ids, Name::idsFile, Name::deleteUsers, Name::noEmail, Name::force,
                       Name::dryRun, Name::yes, Name::pollInterval, Name::timeout, Name::includeYearlyMonthly,
                       Name::turnAutoscaleOffFirst});
        break;
    case Command::Maintenance:
        allowed.unite({Name::ids, Name::idsFile, Name::dryRun, Name::yes, Name::timeout});
        break;
    case Command::Logoff:
        allowed.unite({Name::ids, Name::idsFile, Name::dryRun, Name::yes, Name::message, Name::timeout});
        break;
    case Command::Journal:
        // The connection options are accepted (scripts pass them alike) but only the data
        // directory matters.
        allowed.insert(Name::yes);
        break;
    }
    const QStringList used = m_parser.optionNames();
    for (const QString &option : used) {
        if (!allowed.contains(option)) {
            usageError(tr("The option --%1 does not apply to this command.").arg(option));
            return false;
        }
    }
    return true;
}

bool CliApplication::requireOneIdSource(const QString &command)
{
    if (m_parser.isSet(Name::ids) == m_parser.isSet(Name::idsFile)) {
        usageError(tr("%1 needs exactly one of --ids or --ids-file.").arg(command));
        return false;
    }
    return true;
}

bool CliApplication::parseIds()
{
    QString text;
    QByteArray bytes;
    if (m_parser.isSet(Name::ids)) {
        text = m_parser.values(Name::ids).join(QLatin1Char(','));
    } else {
        const QString path = m_parser.value(Name::idsFile);
        QFile file;
        const bool opened = path == QLatin1String("-")
            ? file.open(stdin, QIODevice::ReadOnly)
            : (file.setFileName(path), file.open(QIODevice::ReadOnly));
        if (!opened) {
            usageError(tr("Cannot read the id file %1: %2").arg(path, file.errorString()));
            return false;
        }
        bytes = file.readAll();
    }
    QString error;
    QStringList asGiven;
    const std::optional<QStringList> ids = m_parser.isSet(Name::ids)
        ? DeleteRequest::parseIds(text, &error, &asGiven)
        : DeleteRequest::parseIdsFile(bytes, &error, &asGiven);
    if (!ids) {
        usageError(error);
        return false;
    }
    m_deleteRequest.desktopIds = *ids;
    m_deleteRequest.requestedIds = asGiven;
    return true;
}

bool CliApplication::parseDeleteRequest()
{
    if (!parseIds())
        return false;
    m_deleteRequest.includeYearlyMonthly = m_parser.isSet(Name::includeYearlyMonthly);
    m_deleteRequest.turnAutoscaleOffFirst = m_parser.isSet(Name::turnAutoscaleOffFirst);
    m_deleteRequest.options.deleteUsers = m_parser.isSet(Name::deleteUsers);
    m_deleteRequest.options.emailNotification = !m_parser.isSet(Name::noEmail);
    m_deleteRequest.options.forceDelete = m_parser.isSet(Name::force);
    m_deleteRequest.dryRun = m_parser.isSet(Name::dryRun);
    return true;
}

bool CliApplication::parseActionRequest()
{
    const bool maintenance = m_command == Command::Maintenance;
    const QString command = maintenance ? QStringLiteral("maintenance") : QStringLiteral("logoff");
    if (maintenance) {
        const QString mode = m_commandArguments.size() == 1 ? m_commandArguments.first() : QString();
        if (mode != QLatin1String("on") && mode != QLatin1String("off")) {
            usageError(tr("Use maintenance on or maintenance off, with --ids or --ids-file."));
            return false;
        }
        m_actionRequest.action = mode == QLatin1String("on") ? DecommissionAction::StartMaintenance
                                                            : DecommissionAction::EndMaintenance;
    } else {
        if (!m_commandArguments.isEmpty()) {
            usageError(tr("logoff takes its desktop ids through --ids or --ids-file."));
            return false;
        }
        if (!m_parser.isSet(Name::message)) {
            usageError(tr("logoff needs --message: the users are told why they are logged off."));
            return false;
        }
        // Refused here, before any connection: the service would refuse it, request after request.
        if (const std::optional<QString> problem = DecommissionJson::logoffMessageProblem(m_parser.value(Name::message))) {
            usageError(*problem + QLatin1Char(' ') + tr("Nothing was sent."));
            return false;
        }
        m_actionRequest.action = DecommissionAction::LogOff;
        m_actionRequest.message = m_parser.value(Name::message);
    }
    if (!requireOneIdSource(command))
        return false;
    if (m_parser.isSet(Name::timeout)) {
        const std::optional<int> timeoutMs = secondsToMs(m_parser.value(Name::timeout));
        if (!timeoutMs) {
            usageError(tr("--timeout takes a positive number of seconds."));
            return false;
        }
        m_actionRequest.timeoutMs = *timeoutMs;
    }
    if (!m_parser.isSet(Name::yes) && !m_parser.isSet(Name::dryRun)) {
        usageError(tr("%1 changes the desktops: add --yes to confirm (or --dry-run to see the requests "
                      "first).").arg(command));
        return false;
    }
    if (!parseIds())
        return false;
    m_actionRequest.desktopIds = m_deleteRequest.desktopIds;
    m_actionRequest.requestedIds = m_deleteRequest.requestedIds;
    m_actionRequest.dryRun = m_parser.isSet(Name::dryRun);
    return true;
}

