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
    QList<Desktop> present;
    present.reserve(m_desktops.size());
    for (const Desktop &desktop : std::as_const(m_desktops))
        if (!desktop.isGone())
            present.append(desktop);
    out() << DesktopFormatter::format(present, m_format);
    if (m_call->duplicateCount() > 0)
        err() << tr("Warning: %1").arg(m_call->duplicatesText()) << Qt::endl;
    if (!m_call->isComplete()) {
        err() << tr("Warning: %1").arg(m_call->incompletenessText()) << Qt::endl;
        err() << tr("%Ln desktop(s) listed; the list is incomplete.", nullptr, int(present.size()))
              << Qt::endl;
        finish(ExitIncompleteListing);
        return;
    }
    err() << tr("%Ln desktop(s).", nullptr, int(present.size())) << Qt::endl;
    finish(ExitSuccess);
}
