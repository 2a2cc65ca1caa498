#include "listcommand.h"

#include "decommission/retirementstate.h"

#include <QLocale>

ListCommand::ListCommand(ApiClient *client, DesktopQuery query, DesktopFormatter::Format format,
                         QTextStream &out, QTextStream &err, QObject *parent)
    : CliCommand(client, out, err, parent)
    , m_query(std::move(query))
    , m_format(format)
{
}

void ListCommand::start()
{
    // One deadline for the whole run: the usage statistics come out of what the listing left.
    if (m_timeoutMs > 0)
        m_deadline = QDeadlineTimer(m_timeoutMs);
    auto *call = new ListAllDesktopsCall(client(), m_query, this);
    call->setDeadline(m_deadline);
    connect(call, &ListAllDesktopsCall::pageLoaded, this,
            [this](const QList<Desktop> &desktops, int loaded, int total) {
                m_desktops.append(desktops);
                if (total < 0)
                    err() << tr("Loaded %Ln desktop(s)…", "count", loaded) << Qt::endl;
                else
                    err() << tr("Loaded %1 of %2…", "%1: a number, %2: desktops")
                                 .arg(QLocale().toString(loaded), tr("%Ln desktop(s)", "count", total))
                          << Qt::endl;
            });
    startCall(call, [this](ListAllDesktopsCall *finished) { onFinished(finished); });
}

void ListCommand::onFinished(ListAllDesktopsCall *call)
{
    if (!call->succeeded()) {
        failWithApiError(tr("Listing the desktops failed."), call->error());
        return;
    }
    // Desktops some regions still return as DELETED are gone: never list them as present.
    m_present.reserve(m_desktops.size());
    for (const Desktop &desktop : std::as_const(m_desktops)) {
        if (desktop.isGone())
            continue;
        if (!m_transitionalStatus.isEmpty()
            && desktop.status.compare(m_transitionalStatus, Qt::CaseInsensitive) != 0)
            continue;
        if (m_retiringOnly && !Retirement::stateOf(desktop.tags).isRetiring())
            continue;
        m_present.append(desktop);
    }
    if (call->duplicateCount() > 0)
        err() << tr("Warning: %1").arg(call->duplicatesText()) << Qt::endl;
    if (call->countContradicted())
        err() << tr("Warning: %1").arg(call->countContradictionText()) << Qt::endl;
    if (!call->isComplete()) {
        err() << tr("Warning: %1").arg(call->incompletenessText()) << Qt::endl;
        m_incomplete = true;
    }
    if (m_usagePeriodDays) {
        loadUsage();
        return;
    }
    out() << DesktopFormatter::format(m_present, m_format);
    finishWithCount(m_incomplete ? ExitIncompleteListing : ExitSuccess);
}

void ListCommand::loadUsage()
{
    err() << tr("Loading the usage of the last %Ln day(s)…", nullptr, *m_usagePeriodDays) << Qt::endl;
    auto *call = new ListAllUsageCall(client(), UsageQuery::lastDays(*m_usagePeriodDays, m_now), this);
    call->setDeadline(m_deadline);
    startCall(call, [this](ListAllUsageCall *finished) { onUsageLoaded(finished); });
}

void ListCommand::onUsageLoaded(ListAllUsageCall *call)
{
    if (!call->succeeded()) {
        failWithApiError(tr("Loading the usage statistics failed."), call->error());
        return;
    }
    const QStringList warnings = call->warnings();
    for (const QString &warning : warnings)
        err() << tr("Warning: %1").arg(warning) << Qt::endl;
    // Desktops whose statistics conflict have no known usage: the answers did not add up.
    if (!call->isComplete() || !call->conflictingIds().isEmpty())
        m_incomplete = true;
    QHash<QString, DesktopUsage> usage;
    for (const DesktopUsage &entry : call->usage())
        usage.insert(entry.desktopId, entry);
    int withoutData = 0;
    if (m_minIdleDays) {
        QList<Desktop> idle;
        for (const Desktop &desktop : std::as_const(m_present)) {
            const std::optional<int> days = usage.contains(desktop.id) ? usage.value(desktop.id).idleDays() : std::nullopt;
            if (!days)
                ++withoutData;
            else if (*days >= *m_minIdleDays)
                idle.append(desktop);
        }
        m_present = idle;
    }
    out() << DesktopFormatter::format(m_present, m_format, usage);
    if (withoutData > 0) {
        err() << tr("%Ln desktop(s) without usage statistics for the period (too new, or beyond the "
                    "180 days the service keeps) are not known to be idle and are not listed.",
                    nullptr, withoutData)
              << Qt::endl;
    }
    finishWithCount(m_incomplete ? ExitIncompleteListing : ExitSuccess);
}

void ListCommand::finishWithCount(int exitCode)
{
    if (exitCode == ExitIncompleteListing)
        err() << tr("%Ln desktop(s) listed; the list is incomplete.", nullptr, int(m_present.size())) << Qt::endl;
    else
        err() << tr("%Ln desktop(s).", nullptr, int(m_present.size())) << Qt::endl;
    finish(exitCode);
}
