#pragma once

#include "api/workspacetypes.h"

#include <QString>
#include <QStringList>

#include <optional>

class QCommandLineParser;

// The options that several commands share: their names, their texts in --help (addShared) and the
// checks of their values. An option only one command takes is that command's own
// (CliCommandSpec::ownOptions).
namespace CliOptions {
namespace Name {
inline const QString status = QStringLiteral("status");
inline const QString name = QStringLiteral("name");
inline const QString format = QStringLiteral("format");
inline const QString wait = QStringLiteral("wait");
inline const QString pollInterval = QStringLiteral("poll-interval");
inline const QString timeout = QStringLiteral("timeout");
inline const QString ids = QStringLiteral("ids");
inline const QString idsFile = QStringLiteral("ids-file");
inline const QString deleteUsers = QStringLiteral("delete-users");
inline const QString noEmail = QStringLiteral("no-email");
inline const QString force = QStringLiteral("force");
inline const QString dryRun = QStringLiteral("dry-run");
inline const QString yes = QStringLiteral("yes");
inline const QString idleDays = QStringLiteral("idle-days");
inline const QString retiring = QStringLiteral("retiring");
inline const QString periodDays = QStringLiteral("period-days");
inline const QString includeYearlyMonthly = QStringLiteral("include-yearly-monthly");
inline const QString turnAutoscaleOffFirst = QStringLiteral("turn-autoscale-off-first");
inline const QString message = QStringLiteral("message");
inline const QString allRegions = QStringLiteral("all-regions");
inline const QString help = QStringLiteral("help");
inline const QString version = QStringLiteral("version");
} // namespace Name

// Adds the shared options to the parser, in the order --help lists them; the text of each names
// the commands that take it.
void addShared(QCommandLineParser &parser);

// The statuses the service filters on; the transitional ones, which it does not, are filtered here.
inline const QStringList kServerStatuses = desktopStatusFilterValues();
inline const QStringList kTransitionalStatuses = transitionalDesktopStatuses();
inline const QStringList kStatuses = kServerStatuses + kTransitionalStatuses;

// Seconds as typed (fractions allowed) to milliseconds; nothing when not a positive number.
inline std::optional<int> secondsToMs(const QString &text)
{
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (!ok || seconds <= 0 || seconds > 7 * 24 * 3600)
        return std::nullopt;
    return int(seconds * 1000);
}

// The statistics cover the last 180 days.
constexpr int kMaxUsagePeriodDays = 180;

inline std::optional<int> wholeDays(const QString &text, int least, int most)
{
    bool ok = false;
    const int days = text.toInt(&ok);
    if (!ok || days < least || days > most)
        return std::nullopt;
    return days;
}
} // namespace CliOptions
