// DesktopLoader for a connection to every region: each project's desktop pools, listed through
// that project's own client, into the model's Pool column of that project's rows.
#include "desktoploader.h"

#include "desktoptablemodel.h"

void DesktopLoader::stopAllRegionsPools()
{
    m_poolsAwaitProjects = false;
    abandonCalls(m_regionPoolCalls);
    dropQueue(m_poolsQueue, m_poolClients);
}

void DesktopLoader::loadAllRegionsPools()
{
    if (m_poolsQueue || m_poolsAwaitProjects)
        return; // the pools change rarely: the look-ups in progress answer for this load too
    if (m_regions && m_projectOfListing.isEmpty()) {
        // The projects are not known yet: their pools are asked for once IAM has listed them.
        m_poolsAwaitProjects = true;
        return;
    }
    stopAllRegionsPools();
    m_poolProblems.clear();
    m_regionPoolProblems.clear();
    m_regionPools.clear();
    m_regionPoolsError = {};
    m_regionPoolsSucceeded = 0;
    QList<int> projects;
    for (const int project : std::as_const(m_projectOfListing)) {
        if (project > 0 && !projects.contains(project))
            projects.append(project);
    }
    auto* queue = new ProjectQueue(
        int(projects.size()),
        [this, projects](int index, std::function<void()> done) {
            const int project = projects.at(index);
            m_poolClients.push_back(m_account->projectClient(m_model->project(project)));
            auto* lookUp = new PoolMembershipLookUp(m_poolClients.back().get(), {}, this);
            lookUp->setListEveryPool(true); // the whole table's pools
            m_regionPoolCalls.append(lookUp);
            whenFinished(lookUp, this,
                [this, project, done = std::move(done)](const PoolMembershipLookUp* finished) {
                    onRegionPoolsFinished(project, finished);
                    done();
                });
            lookUp->start();
        },
        this);
    m_poolsQueue = queue;
    connect(queue, &ProjectQueue::finished, this, [this, projectCount = int(projects.size())] {
        m_poolsQueue->deleteLater();
        m_poolsQueue = nullptr;
        m_regionPoolCalls.clear();
        m_pools = m_regionPools;
        // Some projects' pools are pools; none at all is the look-up failing.
        const bool stopped = m_regionPoolsError.kind == ApiError::Kind::Cancelled;
        const bool noneListed = projectCount > 0 && m_regionPoolsSucceeded == 0;
        Q_EMIT poolsLoaded(m_pools, stopped || noneListed ? m_regionPoolsError : ApiError());
    });
    queue->start();
}

void DesktopLoader::onRegionPoolsFinished(int project, const PoolMembershipLookUp* lookUp)
{
    if (lookUp->succeeded()) {
        ++m_regionPoolsSucceeded;
        m_regionPools += lookUp->pools();
        if (m_model) {
            m_model->setPools(lookUp->pools(), project);
            m_model->setPoolMembership(lookUp->poolOfDesktop(), project);
        }
        for (const QString& problem : lookUp->problems())
            m_regionPoolProblems.append(
                tr("%1: %2", "a project, then why its pools are not all known")
                    .arg(projectText(project), problem));
        return;
    }
    const ApiError& error = lookUp->error();
    // A stopped load says so, whatever the other projects answered.
    if (error.kind == ApiError::Kind::Cancelled || !m_regionPoolsError.isError())
        m_regionPoolsError = error;
    if (error.kind != ApiError::Kind::Cancelled)
        m_regionPoolProblems.append(tr("%1: pools not listed: %2", "a project, then its error")
                                        .arg(projectText(project), errorText(error)));
}
