#include "listcommand.h"

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
    m_call = new ListAllDesktopsCall(client(), m_query, this);
    if (m_timeoutMs > 0)
        m_call->setDeadline(QDeadlineTimer(m_timeoutMs));
    connect(m_call, &ListAllDesktopsCall::pageLoaded, this,
            [this](const QList<Desktop> &desktops, int loaded, int total) {
                m_desktops.append(desktops);
                if (total < 0)
                    err() << tr("Loaded %Ln desktop(s)…", "count", loaded) << Qt::endl;
                else
                    err() << tr("Loaded %1 of %2…", "%1: a number, %2: desktops")
                                 .arg(QLocale().toString(loaded), tr("%Ln desktop(s)", "count", total))
                          << Qt::endl;
            });
    connect(m_call, &ListAllDesktopsCall::retrying, this, &ListCommand::reportRetry);
    connect(m_call, &ListAllDesktopsCall::finished, this, &ListCommand::onFinished);
    m_call->start();
}

void ListCommand::onFinished()
{
    if (!m_call->succeeded()) {
        failWithApiError(tr("Listing the desktops failed."), m_call->error());
        return;
    }
    // Desktops some regions still return as DELETED are gone: never list them as present.
    m_present.reserve(m_desktops.size());
    for (const Desktop &desktop : std::as_const(m_desktops))
        if (!desktop.isGone())
            m_present.append(desktop);
    if (m_call->duplicateCount() > 0)
        err() << tr("Warning: %1").arg(m_call->duplicatesText()) << Qt::endl;
    if (!m_call->isComplete()) {
        err() << tr("Warning: %1").arg(m_call->incompletenessText()) << Qt::endl;
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
    m_usageCall = new ListAllUsageCall(client(), UsageQuery::lastDays(*m_usagePeriodDays, m_now), this);
    connect(m_usageCall, &ListAllUsageCall::retrying, this, &ListCommand::reportRetry);
    connect(m_usageCall, &ListAllUsageCall::finished, this, &ListCommand::onUsageLoaded);
    m_usageCall->start();
}

void ListCommand::onUsageLoaded()
{
    m_usageCall->deleteLater();
    if (!m_usageCall->succeeded()) {
        failWithApiError(tr("Loading the usage statistics failed."), m_usageCall->error());
        return;
    }
    if (!m_usageCall->isComplete()) {
        err() << tr("Warning: %1").arg(m_usageCall->incompleteReason()) << Qt::endl;
        m_incomplete = true;
    }
    QHash<QString, DesktopUsage> usage;
    for (const DesktopUsage &entry : m_usageCall->usage())
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
