#pragma once

#include "api/apierror.h"
#include "review/changereview.h"

#include <QDate>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <optional>

class ApiClient;
class AuditLog;
struct DeletionContext;
struct ResolvedConnection;
class DeletionPreparation;
class InFlightRegistry;
class JobJournal;

// The one way from selected desktop ids to a ChangeReview, for the window and the CLI alike: looks
// the desktops up afresh by id and classifies them (DeletionPreparation), then, for a deletion,
// lists the project's pools unless the caller knows them, and the selection's users' other desktops
// when *delete users* is chosen. finished() is emitted exactly once; review() is valid once
// succeeded(). A failed pools listing does not fail the preparation: every pool of the desktops is
// then taken to scale (poolsWarning() says so).
class ChangePreparation : public QObject {
    Q_OBJECT
public:
    struct Request {
        ReviewedChange kind = ReviewedChange::Delete;
        QStringList desktopIds; // as asked, repeats included
        QString projectId;
        // Deletion and retirement only: maintenance, log-off and a restore destroy nothing.
        QStringList protectedTags;
        AuditLog* audit = nullptr;
        // The changes of this data directory in flight (its DeletionStore's): left out.
        const InFlightRegistry* inFlight = nullptr;
        ChangeReview::Choices choices;
        // The project's pools as the caller has them; without them a deletion lists them.
        std::optional<QList<DesktopPool>> knownPools;
        // A retry: desktops a later run already deleted, and those that failed while in use.
        QSet<QString> alreadyDeleted;
        bool retryWasForced = true;
        // Bounds the look-up of the users' other desktops (the CLI's --timeout); 0: none.
        int usersLookUpTimeoutMs = 0;
        // A retirement's "today" (UTC); invalid: the system clock's, when the look-up ends.
        QDate todayUtc;
    };

    // A request for these ids on this connection: the project, and for a deletion its protected
    // tags.
    static Request requestFor(
        ReviewedChange kind, const QStringList& desktopIds, const ResolvedConnection& connection);
    // Who changes what where, for the records of every run: made here only.
    static DeletionContext contextFor(const ResolvedConnection& connection);

    // journal may be null.
    ChangePreparation(
        ApiClient* client, Request request, const JobJournal* journal, QObject* parent = nullptr);
    ~ChangePreparation() override;

    void start();
    void cancel();

    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_finished && !m_error.isError(); }
    bool wasCancelled() const { return m_error.kind == ApiError::Kind::Cancelled; }
    const ApiError& error() const { return m_error; }
    const Request& request() const { return m_request; }
    const ChangeReview& review() const { return m_review; }
    // Every requested desktop the look-up found, with its fresh state.
    QList<Desktop> found() const;
    // Set when the pools could not be listed, or not all of the desktops' pools were found (one or
    // more sentences).
    const QString& poolsWarning() const { return m_poolsWarning; }
    // Not every pool of the desktops is known: the pools that may scale cannot all be named.
    bool poolsIncomplete() const { return m_poolsIncomplete; }
    // The users' other desktops could not all be listed because a listing stopped at its bounds
    // (not because the service failed).
    bool usersListingWasIncomplete() const { return m_usersListingIncomplete; }

Q_SIGNALS:
    void progress(int lookedUp, int total);
    void retrying(int nextAttempt, int delayMs, const ApiError& error);
    void finished();

private:
    void onLookedUp();
    void listPools();
    void lookUpUsersDesktops();
    void finish(const ApiError& error);

    QPointer<ApiClient> m_client;
    Request m_request;
    QPointer<DeletionPreparation> m_lookUp;
    QPointer<QObject> m_call;
    ChangeReview m_review;
    QList<Desktop> m_found;
    QString m_poolsWarning;
    bool m_poolsIncomplete = false;
    bool m_usersListingIncomplete = false;
    ApiError m_error;
    bool m_finished = false;
};
