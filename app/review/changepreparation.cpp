#include "changepreparation.h"

#include "decommission/poolmembership.h"

#include "api/apiclient.h"
#include "api/decommissioncalls.h"
#include "api/requestsigner.h"
#include "decommission/usersdesktopslookup.h"
#include "deletion/deletioncontext.h"
#include "deletion/deletionpreparation.h"
#include "settings/connectionoptions.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>

#include <algorithm>

ChangePreparation::ChangePreparation(
    ApiClient* client, Request request, const JobJournal* journal, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_request(std::move(request))
{
    DeletionPreparation::Request lookUp;
    lookUp.desktopIds = m_request.desktopIds;
    lookUp.options = m_request.choices.options;
    lookUp.projectId = m_request.projectId;
    // Protection guards against destruction, and a retirement ends in one: maintenance, log-off
    // and a restore may be what a protected desktop needs most.
    if (m_request.kind == ReviewedChange::Delete || m_request.kind == ReviewedChange::Retire)
        lookUp.protectedTags = m_request.protectedTags;
    lookUp.audit = m_request.audit;
    lookUp.inFlight = m_request.inFlight;
    m_lookUp = new DeletionPreparation(client, lookUp, journal, this);
    connect(m_lookUp, &DeletionPreparation::progress, this, &ChangePreparation::progress);
    connect(m_lookUp, &DeletionPreparation::retrying, this, &ChangePreparation::retrying);
    connect(m_lookUp, &DeletionPreparation::finished, this, &ChangePreparation::onLookedUp);
}

ChangePreparation::~ChangePreparation() = default;

ChangePreparation::Request ChangePreparation::requestFor(
    ReviewedChange kind, const QStringList& desktopIds, const ResolvedConnection& connection)
{
    Request request;
    request.kind = kind;
    request.desktopIds = desktopIds;
    request.projectId = connection.config.projectId;
    request.protectedTags = connection.protectedTags;
    return request;
}

DeletionContext ChangePreparation::contextFor(const ResolvedConnection& connection)
{
    DeletionContext context;
    context.profileName = connection.isDemo ? QStringLiteral("demo") : connection.profileName;
    context.projectId = connection.config.projectId;
    context.endpointHost
        = QString::fromLatin1(RequestSigner::hostHeader(connection.config.endpoint));
    context.region = connection.region;
    return context;
}

void ChangePreparation::start()
{
    if (m_lookUp)
        m_lookUp->start();
}

void ChangePreparation::cancel()
{
    if (m_finished)
        return;
    if (m_lookUp && !m_lookUp->isFinished()) {
        m_lookUp->cancel(); // finished() of the look-up follows, then ours
        return;
    }
    delete m_call.data();
    finish(ApiError::cancelled());
}

QList<Desktop> ChangePreparation::found() const
{
    return m_found;
}

void ChangePreparation::onLookedUp()
{
    if (m_finished)
        return;
    if (!m_lookUp->succeeded()) {
        finish(m_lookUp->error());
        return;
    }
    m_found = m_lookUp->found().values();
    ChangeReview::Facts facts;
    facts.kind = m_request.kind;
    facts.requestedIds = m_request.desktopIds;
    facts.classification = m_lookUp->classification();
    facts.apiBase = m_client ? m_client->urlFor(QString()) : QUrl();
    facts.alreadyDeleted = m_request.alreadyDeleted;
    facts.todayUtc = m_request.todayUtc.isValid() ? m_request.todayUtc
                                                  : QDateTime::currentDateTimeUtc().date();
    if (m_request.kind == ReviewedChange::Delete && !m_request.retryWasForced) {
        for (const Desktop& desktop : std::as_const(facts.classification.deletable)) {
            if (desktop.isConnected())
                facts.forceSuggested.append(desktop.id);
        }
    }
    if (m_request.knownPools) {
        facts.pools = *m_request.knownPools;
        facts.poolsKnown = true;
    }
    m_review = ChangeReview(facts, m_request.choices);
    if (m_request.kind != ReviewedChange::Delete) {
        finish({});
        return;
    }
    listPools();
}

void ChangePreparation::listPools()
{
    // A desktop's details do not name its pool (POOLED says only "some pool"): the pools' own
    // desktop listings tell which pool holds which desktop, and whether it may scale.
    const QList<Desktop> targets = m_review.facts().classification.deletable;
    if (!PoolMembershipLookUp::involvesPools(targets) || !m_client) {
        if (!m_review.facts().poolsKnown)
            m_review = m_review.withPools({});
        lookUpUsersDesktops();
        return;
    }
    auto* lookUp = new PoolMembershipLookUp(m_client, targets, this);
    m_call = lookUp;
    if (m_request.usersLookUpTimeoutMs > 0)
        lookUp->setDeadline(QDeadlineTimer(m_request.usersLookUpTimeoutMs));
    connect(lookUp, &PoolMembershipLookUp::retrying, this, &ChangePreparation::retrying);
    connect(lookUp, &PoolMembershipLookUp::finished, this, [this, lookUp] {
        lookUp->deleteLater();
        ChangeReview::Facts facts = m_review.facts();
        facts.classification.deletable = lookUp->placed(facts.classification.deletable);
        facts.pools = lookUp->pools();
        facts.poolsKnown = true;
        m_review = ChangeReview(facts, m_review.choices());
        m_poolsIncomplete = !lookUp->isComplete();
        QStringList warnings;
        if (!lookUp->succeeded())
            warnings.append(tr("The pools could not be listed: %1").arg(lookUp->error().summary()));
        warnings.append(lookUp->problems());
        m_poolsWarning = warnings.join(QLatin1Char(' '));
        lookUpUsersDesktops();
    });
    lookUp->start();
}

void ChangePreparation::lookUpUsersDesktops()
{
    const QStringList users = m_review.choices().options.deleteUsers
        ? DeletionImpact::userNamesOf(m_review.targets())
        : QStringList();
    if (users.isEmpty() || !m_client) {
        finish({});
        return;
    }
    // Every desktop of these users, so that a user with another desktop is known to be kept.
    auto* lookUp = new UsersDesktopsLookUp(m_client, users, this);
    if (m_request.usersLookUpTimeoutMs > 0)
        lookUp->setDeadline(QDeadlineTimer(m_request.usersLookUpTimeoutMs));
    m_call = lookUp;
    connect(lookUp, &UsersDesktopsLookUp::retrying, this, &ChangePreparation::retrying);
    connect(lookUp, &UsersDesktopsLookUp::finished, this, [this, lookUp] {
        lookUp->deleteLater();
        if (lookUp->wasCancelled())
            return;
        m_review = m_review.withUsersDesktops(lookUp->desktops(),
            lookUp->succeeded() ? ChangeReview::UsersListing::Complete
                                : ChangeReview::UsersListing::Failed,
            lookUp->failureText());
        m_usersListingIncomplete = !lookUp->succeeded() && lookUp->wasIncomplete();
        finish({});
    });
    lookUp->start();
}

void ChangePreparation::finish(const ApiError& error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    Q_EMIT finished();
}
