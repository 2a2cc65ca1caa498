#include "lostjobsearch.h"

#include "api/apiclient.h"
#include "api/apicalls.h"

#include <iterator>

namespace {
const char *const kStatusesInOrder[] = {"WAITING", "RUNNING", "SUCCESS", "FAILED"};
constexpr int kStatusCount = int(std::size(kStatusesInOrder));
} // namespace

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
    requestPage();
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

void LostJobSearch::requestPage()
{
    ++m_pagesThisStatus;
    ++m_pageRequests;
    auto *call = new ListSubJobsCall(
        m_client, SubJobFilter::forDeletions(QString::fromLatin1(kStatusesInOrder[m_statusIndex])),
        m_offset, ListSubJobsCall::kMaxLimit, this);
    m_call = call;
    connect(call, &ApiCall::finished, this, &LostJobSearch::onPageFinished);
    call->start();
}

void LostJobSearch::onPageFinished()
{
    auto *call = qobject_cast<ListSubJobsCall *>(sender());
    if (!call || call != m_call)
        return;
    call->deleteLater();
    m_call = nullptr;
    if (!call->succeeded()) {
        m_error = call->error();
        finish(Outcome::Failed,
               tr("Looking for the job of the request failed: %1").arg(m_error.summary()));
        return;
    }
    const SubJobPage &page = call->result();
    const QDateTime earliest = m_requestedAt.isValid()
        ? m_requestedAt.addMSecs(-kClockSlackMs)
        : QDateTime();
    bool broughtNew = false;
    for (const SubJob &subJob : page.jobs) {
        const QString key = subJob.id.isEmpty() ? subJob.jobId + QLatin1Char('\n') + subJob.desktopId
                                                : subJob.id;
        if (m_seenThisStatus.contains(key))
            continue;
        m_seenThisStatus.insert(key);
        broughtNew = true;
        if (subJob.jobId.isEmpty() || !m_wanted.contains(subJob.desktopId))
            continue;
        // A WAITING sub-job may have no begin time yet: it cannot be an old one.
        if (earliest.isValid() && subJob.beginTime.isValid() && subJob.beginTime < earliest)
            continue;
        m_desktopsByJob[subJob.jobId].insert(subJob.desktopId);
    }
    m_offset += int(page.jobs.size());
    const bool more = broughtNew && !(page.totalCount > 0 && m_seenThisStatus.size() >= page.totalCount)
        && m_offset <= ListSubJobsCall::kMaxOffset && m_pagesThisStatus < kMaxPagesPerStatus;
    if (more) {
        requestPage();
        return;
    }
    QString why;
    const QString found = matchingJob(&why);
    if (!found.isEmpty()) {
        m_jobId = found;
        finish(Outcome::Found);
        return;
    }
    if (nextStatus()) {
        requestPage();
        return;
    }
    finish(Outcome::NotFound, why);
}

bool LostJobSearch::nextStatus()
{
    if (++m_statusIndex >= kStatusCount)
        return false;
    m_offset = 0;
    m_pagesThisStatus = 0;
    m_seenThisStatus.clear();
    return true;
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
