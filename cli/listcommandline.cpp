// `list`: its command line.

#include "allregionslistcommand.h"
#include "clicommandspec.h"
#include "clioptions.h"
#include "desktopformatter.h"
#include "listcommand.h"

#include <QDateTime>

#include <algorithm>

using namespace CliOptions;

namespace {

struct ListOptions {
    DesktopQuery query;
    QString status; // upper case, a server or a transitional status; empty: any
    DesktopFormatter::Format format = DesktopFormatter::Format::Table;
    std::optional<int> timeoutMs; // only when given
    std::optional<int> idleDays;
    bool periodDaysGiven = false;
    int periodDays = 30;
    bool retiringOnly = false;
};

std::unique_ptr<CliCommand> createAllRegionsList(
    const ListOptions& options, const CliRunContext& context, QString* usageError)
{
    if (context.connection.iamEndpoint.isEmpty()) {
        *usageError = CliText::tr(
            "--all-regions needs the region whose IAM lists the account's projects: use "
            "--region or a profile with a region.");
        return nullptr;
    }
    auto list = std::make_unique<AllRegionsListCommand>(
        context.accountAccess(), options.query, options.format, context.out, context.err);
    if (options.timeoutMs)
        list->setTimeoutMs(*options.timeoutMs);
    return list;
}

std::unique_ptr<CliCommand> createList(const ListOptions& options, const CliRunContext& context)
{
    auto list = std::make_unique<ListCommand>(
        context.client, options.query, options.format, context.out, context.err);
    if (kTransitionalStatuses.contains(options.status))
        list->setTransitionalStatus(options.status);
    if (options.timeoutMs)
        list->setTimeoutMs(*options.timeoutMs);
    if (options.idleDays || options.periodDaysGiven) {
        // Without a period of its own, --idle-days N looks at the last N days (30 at least).
        int period = options.periodDays;
        if (options.idleDays && !options.periodDaysGiven)
            period = std::max(period, *options.idleDays);
        list->setUsagePeriod(period, QDateTime::currentDateTimeUtc());
    }
    if (options.idleDays)
        list->setMinIdleDays(*options.idleDays);
    list->setRetiringOnly(options.retiringOnly);
    return list;
}

std::optional<CliInvocation> checkList(const CliCommandLine& line, QString* usageError)
{
    if (!line.arguments().isEmpty())
        return refuse(usageError, CliText::tr("list takes no arguments, only options."));
    // The service filters on its own statuses; the transitional ones are filtered after listing.
    if (line.isSet(Name::status) && !isDesktopStatusFilterValue(line.value(Name::status))
        && !transitionalDesktopStatuses().contains(line.value(Name::status), Qt::CaseInsensitive)) {
        return refuse(usageError,
            CliText::tr("Unknown status “%1”; use one of %2.")
                .arg(line.value(Name::status), kStatuses.join(QLatin1String(", "))));
    }
    const std::optional<DesktopFormatter::Format> format
        = DesktopFormatter::formatFromName(line.value(Name::format));
    if (!format)
        return refuse(usageError,
            CliText::tr("Unknown format “%1”; use table, csv or json.")
                .arg(line.value(Name::format)));
    const std::optional<int> timeoutMs = secondsToMs(line.value(Name::timeout));
    if (!timeoutMs)
        return refuse(usageError, CliText::tr("--timeout takes a positive number of seconds."));
    const std::optional<int> periodDays
        = wholeDays(line.value(Name::periodDays), 1, kMaxUsagePeriodDays);
    if (!periodDays) {
        return refuse(usageError,
            CliText::tr("--period-days takes a whole number of days from 1 to %1.")
                .arg(kMaxUsagePeriodDays));
    }
    const std::optional<int> idleDays = line.isSet(Name::idleDays)
        ? wholeDays(line.value(Name::idleDays), 0, kMaxUsagePeriodDays)
        : std::nullopt;
    if (line.isSet(Name::idleDays) && !idleDays) {
        return refuse(usageError,
            CliText::tr("--idle-days takes a whole number of days from 0 to %1: the service "
                        "keeps %1 days of statistics.")
                .arg(kMaxUsagePeriodDays));
    }
    // The statistics of a period cannot tell an idle time longer than the period.
    if (idleDays && line.isSet(Name::periodDays) && *idleDays > *periodDays) {
        return refuse(usageError,
            CliText::tr("--idle-days cannot be longer than --period-days: the statistics of "
                        "a period tell no idle time beyond it."));
    }
    const bool allRegions = line.isSet(Name::allRegions);
    if (allRegions && (line.isSet(Name::idleDays) || line.isSet(Name::periodDays))) {
        return refuse(usageError,
            CliText::tr("--all-regions does not load usage statistics; list one region for "
                        "--idle-days or --period-days."));
    }

    ListOptions options;
    options.status = line.value(Name::status).toUpper();
    if (kServerStatuses.contains(options.status))
        options.query.status = options.status;
    options.query.computerName = line.value(Name::name);
    options.format = *format;
    if (line.isSet(Name::timeout))
        options.timeoutMs = timeoutMs;
    options.idleDays = idleDays;
    options.periodDaysGiven = line.isSet(Name::periodDays);
    options.periodDays = *periodDays;
    options.retiringOnly = line.isSet(Name::retiring);

    CliInvocation invocation;
    if (allRegions) {
        invocation.reach = CliInvocation::Reach::Account;
        invocation.create = [options](const CliRunContext& context, QString* usageError) {
            return createAllRegionsList(options, context, usageError);
        };
    } else {
        invocation.create = [options](const CliRunContext& context, QString*) {
            return createList(options, context);
        };
    }
    return invocation;
}

} // namespace

CliCommandSpec listCommandSpec()
{
    CliCommandSpec spec;
    spec.name = QStringLiteral("list");
    spec.synopsis
        = QStringLiteral("list [--status S] [--name TEXT] [--format table|csv|json]\n"
                         "     [--idle-days N] [--period-days DAYS] [--retiring] [--all-regions]");
    spec.options = { Name::status, Name::name, Name::format, Name::timeout, Name::idleDays,
        Name::periodDays, Name::allRegions, Name::retiring };
    spec.check = checkList;
    return spec;
}
