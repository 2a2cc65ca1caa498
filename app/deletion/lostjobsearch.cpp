#include "lostjobsearch.h"

#include "api/apiclient.h"
#include "api/apicalls.h"

#include <iterator>

namespace {
const char *const kStatusesInOrder[] = {"WAITING", "RUNNING", "SUCCESS", "FAILED"};
constexpr int kStatusCount = int(std::size(kStatusesInOrder));
} // namespace

static_assert(LostJobSearch::kMaxPagesPerStatus == ListSubJobsCall::kMaxPages);

LostJobSearch::LostJobSearch(ApiClient *client, QStringList desktopIds, QDateTime requestedAt,
                             QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_desktopIds(std::move(desktopIds))
    , m_wanted(m_desktopIds.cbegin(), m_desktopIds.cend())
    , m_requestedAt(std::move(requestedAt))
{
}

LostJobSearch::~LostJobSearch()
{
    cancel();
}

void LostJobSearch::start()
{
    if (m_started)
        return;
    m_started = true;
    if (m_wanted.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this] { finish(Outcome::NotFound, tr("The request named no desktop.")); },
            Qt::QueuedConnection);
        return;
    }
    listStatus();
}

void LostJobSearch::cancel()
{
    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
        m_call->deleteLater();
        m_call = nullptr;
    }
    if (m_outcome == Outcome::Searching)
        m_outcome = Outcome::Failed;
}

void LostJobSearch::listStatus()
{
    auto *listing = new ListAllSubJobsCall(
        m_client, SubJobFilter::forDeletions(QString::fromLatin1(kStatusesInOrder[m_statusIndex])), this);
    m_call = listing;
    whenFinished(listing, this, [this](ListAllSubJobsCall *finished) { onStatusListed(finished); });
    listing->start();
}

void LostJobSearch::onStatusListed(ListAllSubJobsCall *listing)
{
    m_call = nullptr;
    m_pageRequests += listing->pagesRequested();
    if (!listing->succeeded()) {
        m_error = listing->error();
        finish(Outcome::Failed,
               tr("Looking for the job of the request failed: %1").arg(m_error.summary()));
        return;
    }
    const QDateTime earliest = m_requestedAt.isValid()
        ? m_requestedAt.addMSecs(-kClockSlackMs)
        : QDateTime();
    for (const SubJob &subJob : listing->subJobs()) {
        if (subJob.jobId.isEmpty() || !m_wanted.contains(subJob.desktopId))
            continue;
        // A WAITING sub-job may have no begin time yet: it cannot be an old one.
        if (earliest.isValid() && subJob.beginTime.isValid() && subJob.beginTime < earliest)
            continue;
        m_desktopsByJob[subJob.jobId].insert(subJob.desktopId);
    }
    QString why;
    const QString found = matchingJob(&why);
    if (!found.isEmpty()) {
        m_jobId = found;
        finish(Outcome::Found);
        return;
    }
    if (++m_statusIndex < kStatusCount) {
        listStatus();
        return;
    }
    finish(Outcome::NotFound, why);
}

QString LostJobSearch::matchingJob(QString *why) const
{
    QStringList exact;
    for (auto it = m_desktopsByJob.cbegin(); it != m_desktopsByJob.cend(); ++it) {
        if (it.value() == m_wanted)
            exact.append(it.key());
    }
    if (exact.size() == 1)
        return exact.constFirst();
    if (exact.size() > 1)
        *why = tr("%n deletion jobs hold exactly these desktops; none can be told to be this "
                  "request's.", nullptr, int(exact.size()));
    else if (m_desktopsByJob.isEmpty())
        *why = tr("No deletion job of the service holds these desktops.");
    else
        *why = tr("No deletion job of the service holds exactly these desktops.");
    return {};
}

void LostJobSearch::finish(Outcome outcome, const QString &reason)
{
    if (m_outcome != Outcome::Searching)
        return;
    m_outcome = outcome;
    m_reason = reason;
    Q_EMIT finished();
}
