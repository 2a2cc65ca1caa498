#pragma once

#include "api/apierror.h"
#include "api/workspacetypes.h"

#include <QDeadlineTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

class ApiClient;
class ListAllDesktopsCall;

// Every desktop of the project that belongs to one of these users, for DeletionImpact::usersOf():
// a table filtered on the server, or listed in part, does not show a user's other desktops, and a
// user with another desktop is kept by delete_users. Lists desktops/detail with the user_names
// filter, DesktopQuery::kMaxUserNames names per listing, one listing after the other. Finishes
// exactly once: with the desktops, or with an error; a listing that is not complete is an error
// too, since users said to be removed may then be kept. Bounded by a deadline and by what its
// listings may read (kMaxBytes) for the whole.
class UsersDesktopsLookUp : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultTimeoutMs = 120000;
    // A user has at most 55 desktops (the users' listing documents it): 10,000 users' desktops
    // are well within this; an endless listing stops here, the look-up then incomplete.
    static constexpr qint64 kMaxBytes = 256LL * 1024 * 1024;

    UsersDesktopsLookUp(ApiClient *client, const QStringList &userNames, QObject *parent = nullptr);

    // The whole look-up ends with a Timeout error once the deadline has passed (kDefaultTimeoutMs
    // from start() unless set before it; a deadline of Forever also means the default).
    void setDeadline(QDeadlineTimer deadline) { m_deadline = deadline; }
    // For tests: a lower bound than kMaxBytes.
    void setMaxBytes(qint64 maxBytes) { m_maxBytes = maxBytes; }
    void start();
    // finished() follows at once with a Cancelled error (unless already finished).
    void cancel();

    // The user names looked up: distinct, non-empty, sorted.
    const QStringList &userNames() const { return m_userNames; }
    int listingCount() const { return m_listings; }
    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_finished && !m_error.isError(); }
    bool wasCancelled() const { return m_error.kind == ApiError::Kind::Cancelled; }
    // The listings answered, but did not add up or went beyond a bound: the users' desktops are
    // not all known (an error of kind InvalidResponse).
    bool wasIncomplete() const { return m_incomplete; }
    // An incomplete listing is an error of kind InvalidResponse, said by failureText().
    const ApiError &error() const { return m_error; }
    // One translated sentence for an error, empty after success: the service's status and code for
    // a failed listing, what did not add up for an incomplete one.
    QString failureText() const;
    // Once succeeded, every desktop of the users; after an error, those found before it.
    const QList<Desktop> &desktops() const { return m_desktops; }

Q_SIGNALS:
    void retrying(int nextAttempt, int delayMs, const ApiError &error);
    void finished();

private:
    void listNext();
    void onListed(ListAllDesktopsCall *call);
    void finish(const ApiError &error, const QString &failureText = {});

    QPointer<ApiClient> m_client;
    QStringList m_userNames;
    int m_nextUser = 0;
    int m_listings = 0;
    qint64 m_maxBytes = kMaxBytes;
    qint64 m_bytesRead = 0;
    bool m_incomplete = false;
    QDeadlineTimer m_deadline = QDeadlineTimer::Forever; // until start(): then never forever
    QPointer<ListAllDesktopsCall> m_call;
    QList<Desktop> m_desktops;
    QSet<QString> m_seen;
    bool m_started = false;
    bool m_finished = false;
    ApiError m_error;
    QString m_failureText;
};
