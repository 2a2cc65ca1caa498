#include "allregionslisting.h"

#include "endpoint.h"
#include "iamcalls.h"

#include <QDeadlineTimer>

AllRegionsListing::AllRegionsListing(AccountAccess access, DesktopQuery query, QObject *parent)
    : QObject(parent)
    , m_access(std::move(access))
    , m_query(std::move(query))
{
}

AllRegionsListing::~AllRegionsListing()
{
    m_access.credentials.clear();
}

void AllRegionsListing::setProjects(const QList<WorkspaceProject> &projects)
{
    m_projectsGiven = true;
    m_listings.clear();
    for (const WorkspaceProject &project : projects)
        m_listings.append({project, {}, {}, false, {}});
}

void AllRegionsListing::start()
{
    if (m_started)
        return;
    m_started = true;
    if (m_projectsGiven) {
        listProjects();
        return;
    }
    m_iam = m_access.iamClient();
    auto *call = new ListAuthProjectsCall(m_iam.get(), this);
    m_calls.append(call);
    whenFinished(call, this, [this](ListAuthProjectsCall *finished) { onProjectsListed(finished); });
    call->start();
}

void AllRegionsListing::cancel()
{
    if (m_finished)
        return;
    finish(ApiError::cancelled());
    // Their ends are of no interest any more: nothing is reported after finished().
    for (const QPointer<QObject> &call : std::as_const(m_calls)) {
        if (!call)
            continue;
        call->disconnect(this);
        if (auto *api = qobject_cast<ApiCall *>(call))
            api->cancel();
        else if (auto *paged = qobject_cast<PagedListingCall *>(call))
            paged->cancel();
    }
    if (m_queue)
        m_queue->disconnect(this);
}

void AllRegionsListing::onProjectsListed(ListAuthProjectsCall *call)
{
    if (!call->succeeded()) {
        finish(call->error());
        return;
    }
    for (const WorkspaceProject &project : AccountProjects::workspaceProjects(
             call->result(), Endpoint::knownRegions(), m_access.explicitEndpoint, m_access.environment))
        m_listings.append({project, {}, {}, false, {}});
    listProjects();
}

void AllRegionsListing::listProjects()
{
    auto *queue = new ProjectQueue(
        int(m_listings.size()), [this](int index, std::function<void()> done) { listProject(index, std::move(done)); },
        this);
    m_queue = queue;
    connect(queue, &ProjectQueue::finished, this, [this] { finish(); });
    Q_EMIT projectsListed();
    queue->start();
}

void AllRegionsListing::listProject(int index, std::function<void()> done)
{
    if (m_queue)
        m_mostAtOnce = std::max(m_mostAtOnce, m_queue->running());
    m_clients.push_back(m_access.projectClient(m_listings.at(index).project));
    auto *call = new ListAllDesktopsCall(m_clients.back().get(), m_query, this);
    m_calls.append(call);
    if (m_timeoutMs > 0)
        call->setDeadline(QDeadlineTimer(m_timeoutMs));
    connect(call, &ListAllDesktopsCall::pageLoaded, this, [this, index](const QList<Desktop> &desktops) {
        if (m_keepDesktops) {
            ProjectListing &listing = m_listings[index];
            for (const Desktop &desktop : desktops) {
                if (!desktop.isGone())
                    listing.desktops.append(desktop);
            }
        }
        Q_EMIT pageLoaded(index, desktops);
    });
    whenFinished(call, this, [this, index, done = std::move(done)](ListAllDesktopsCall *finished) {
        ProjectListing &listing = m_listings[index];
        listing.error = finished->error();
        listing.complete = finished->isComplete();
        QStringList warnings;
        if (finished->succeeded() && !finished->isComplete())
            warnings.append(finished->incompletenessText());
        if (finished->duplicateCount() > 0)
            warnings.append(finished->duplicatesText());
        listing.warning = warnings.join(QLatin1Char(' '));
        Q_EMIT projectFinished(index);
        done();
    });
    call->start();
}

int AllRegionsListing::failedCount() const
{
    int failed = 0;
    for (const ProjectListing &listing : m_listings)
        failed += listing.error.isError() ? 1 : 0;
    return failed;
}

int AllRegionsListing::incompleteCount() const
{
    int incomplete = 0;
    for (const ProjectListing &listing : m_listings)
        incomplete += !listing.error.isError() && !listing.complete ? 1 : 0;
    return incomplete;
}

void AllRegionsListing::finish(const ApiError &iamError)
{
    if (m_finished)
        return;
    m_finished = true;
    m_iamError = iamError;
    Q_EMIT finished();
}
