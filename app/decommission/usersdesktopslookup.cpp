#include "usersdesktopslookup.h"

#include "api/apicalls.h"
#include "api/apiclient.h"

#include <QCoreApplication>

#include <algorithm>

UsersDesktopsLookUp::UsersDesktopsLookUp(ApiClient *client, const QStringList &userNames, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    QSet<QString> distinct;
    for (const QString &name : userNames) {
        if (!name.isEmpty() && !distinct.contains(name)) {
            distinct.insert(name);
            m_userNames.append(name);
        }
    }
    std::sort(m_userNames.begin(), m_userNames.end());
}

void UsersDesktopsLookUp::start()
{
    if (m_started || m_finished)
        return;
    m_started = true;
    if (m_deadline.isForever())
        m_deadline = QDeadlineTimer(kDefaultTimeoutMs);
    // Asynchronous even when there is nothing to list: finished() never comes from inside start().
    QMetaObject::invokeMethod(this, &UsersDesktopsLookUp::listNext, Qt::QueuedConnection);
}

void UsersDesktopsLookUp::cancel()
{
    if (m_finished)
        return;
    if (m_call) {
        // The listing finishes at once with its Cancelled error, which ends the look-up.
        m_call->cancel();
        return;
    }
    finish(ApiError::cancelled());
}

void UsersDesktopsLookUp::listNext()
{
    if (m_finished)
        return;
    if (m_nextUser >= m_userNames.size()) {
        finish({});
        return;
    }
    if (!m_client) {
        finish(ApiError::configuration(
            QCoreApplication::translate("UsersDesktopsLookUp", "Not connected: the users' desktops cannot be listed.")));
        return;
    }
    DesktopQuery query;
    query.userNames = m_userNames.mid(m_nextUser, DesktopQuery::kMaxUserNames);
    m_nextUser += int(query.userNames.size());
    ++m_listings;
    auto *call = new ListAllDesktopsCall(m_client, query, this);
    call->setDeadline(m_deadline);
    call->setMaxBytes(m_maxBytes - m_bytesRead); // one bound for every listing of the look-up
    m_call = call;
    connect(call, &ListAllDesktopsCall::retrying, this, &UsersDesktopsLookUp::retrying);
    connect(call, &ListAllDesktopsCall::pageLoaded, this, [this](const QList<Desktop> &desktops) {
        for (const Desktop &desktop : desktops) {
            if (!m_seen.contains(desktop.id)) {
                m_seen.insert(desktop.id);
                m_desktops.append(desktop);
            }
        }
    });
    connect(call, &ListAllDesktopsCall::finished, this, [this, call] { onListed(call); });
    call->start();
}

void UsersDesktopsLookUp::onListed(ListAllDesktopsCall *call)
{
    call->deleteLater();
    if (m_call == call)
        m_call.clear();
    m_bytesRead += call->bytesRead();
    if (!call->succeeded()) {
        finish(call->error());
        return;
    }
    if (!call->isComplete()) {
        // Users named as removed may have a desktop this listing did not bring.
        ApiError incomplete;
        incomplete.kind = ApiError::Kind::InvalidResponse;
        incomplete.transportMessage = call->incompletenessText();
        m_incomplete = true;
        finish(incomplete, call->incompletenessText());
        return;
    }
    listNext();
}

QString UsersDesktopsLookUp::failureText() const
{
    if (!m_error.isError())
        return {};
    return m_failureText.isEmpty() ? m_error.summary() : m_failureText;
}

void UsersDesktopsLookUp::finish(const ApiError &error, const QString &failureText)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_failureText = failureText;
    Q_EMIT finished();
}
