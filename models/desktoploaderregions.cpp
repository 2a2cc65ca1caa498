// DesktopLoader for a connection to every region: every Workspace project of the account listed
// into one model, each project's rows under its own project, and each project's usage statistics
// from its own endpoint. A project that fails is named with its error; the others are shown.
#include "desktoploader.h"

#include "desktoptablemodel.h"

#include "api/allregionslisting.h"

QString DesktopLoader::errorText(const ApiError& error)
{
    QString text = error.summary();
    if (!error.requestId.isEmpty())
        text = DesktopLoader::tr("%1 (request id %2)", "an error, then the request's id")
                   .arg(text, error.requestId);
    if (!error.iamTraceId.isEmpty())
        text = DesktopLoader::tr("%1 (IAM trace id %2)", "an error, then IAM's trace id")
                   .arg(text, error.iamTraceId);
    return text;
}

void DesktopLoader::setAllRegions(std::optional<AccountAccess> access)
{
    cancel();
    cancelUsage();
    stopAllRegions();
    stopAllRegionsUsage();
    stopAllRegionsPools();
    m_account = std::move(access);
    m_regionProblems.clear();
    m_usageProblems.clear();
    m_regionPoolProblems.clear();
}

QString DesktopLoader::projectText(int project) const
{
    const WorkspaceProject& workspaceProject = m_model->project(project);
    return tr("%1 (project %2)", "region (project id)")
        .arg(DesktopTableModel::projectLabel(workspaceProject), workspaceProject.id);
}

void DesktopLoader::stopAllRegions()
{
    // A listing being superseded reports nothing more, as a single project's does.
    m_regionsEnding = false;
    m_projectsListedInFull.clear();
    if (!m_regions)
        return;
    m_regions->disconnect(this);
    m_regions->cancel();
    m_regions->deleteLater();
    m_regions = nullptr;
}

void DesktopLoader::loadAllRegions()
{
    beginLoad();
    m_projectOfListing.clear();
    m_regionsLoaded = 0;
    auto* listing = new AllRegionsListing(*m_account, m_query, this);
    listing->setKeepDesktops(false); // the model keeps them
    m_regions = listing;
    connect(listing, &AllRegionsListing::projectsListed, this, &DesktopLoader::onRegionsListed);
    connect(listing, &AllRegionsListing::pageLoaded, this,
        [this](int index, const QList<Desktop>& desktops) {
            m_regionsLoaded += int(desktops.size());
            queuePage(m_projectOfListing.value(index), desktops, m_regionsLoaded, -1);
        });
    connect(listing, &AllRegionsListing::projectFinished, this, &DesktopLoader::onRegionFinished);
    connect(listing, &AllRegionsListing::finished, this, &DesktopLoader::onRegionsFinished);
    Q_EMIT loadingStarted();
    Q_EMIT progress(0, -1);
    listing->start();
}

void DesktopLoader::onRegionsListed()
{
    for (const AllRegionsListing::ProjectListing& listing : m_regions->projects())
        m_projectOfListing.append(m_model ? m_model->addProject(listing.project) : 0);
    if (m_poolsAwaitProjects) {
        m_poolsAwaitProjects = false;
        loadAllRegionsPools();
    }
}

void DesktopLoader::onRegionFinished(int index)
{
    const AllRegionsListing::ProjectListing& listing = m_regions->projects().at(index);
    // Only a project listed in full and adding up tells which of its desktops are gone: once its
    // pages are all shown (a few turns later, with the other projects' pages).
    if (!listing.error.isError() && listing.complete)
        m_projectsListedInFull.append(m_projectOfListing.value(index));
    if (m_pendingPages.isEmpty())
        onEveryPageShown();
}

void DesktopLoader::onEveryPageShown()
{
    if (m_model) {
        for (const int project : std::as_const(m_projectsListedInFull))
            m_model->removeUnlisted(project);
    }
    m_projectsListedInFull.clear();
    if (m_regionsEnding) {
        m_regionsEnding = false;
        Q_EMIT loadingFinished(m_lastError);
    }
}

void DesktopLoader::finishAllRegions()
{
    m_regionsEnding = true;
    if (m_pendingPages.isEmpty())
        onEveryPageShown();
    else if (m_lastError.kind == ApiError::Kind::Cancelled)
        showPendingPages(); // stopped: what arrived is shown at once, and that is all
}

void DesktopLoader::onRegionsFinished()
{
    AllRegionsListing* listing = m_regions;
    m_regions = nullptr;
    listing->deleteLater();
    const bool cancelled = listing->iamError().kind == ApiError::Kind::Cancelled;
    if (m_poolsAwaitProjects) {
        // IAM listed no project (or failed): there is no project to ask for its pools, or the
        // projects' look-ups start now.
        m_poolsAwaitProjects = false;
        if (listing->succeeded())
            loadAllRegionsPools();
        else
            Q_EMIT poolsLoaded(m_pools, listing->iamError());
    }
    if (!listing->succeeded()) {
        m_lastError = listing->iamError();
        if (!cancelled)
            m_regionProblems.append(
                tr("IAM could not list the account's projects: %1").arg(errorText(m_lastError)));
        finishAllRegions();
        return;
    }
    const QList<AllRegionsListing::ProjectListing>& projects = listing->projects();
    if (projects.isEmpty())
        m_regionProblems.append(
            tr("IAM lists no project of a Workspace region for this access key."));
    QList<int> listed;
    for (int index = 0; index < projects.size(); ++index) {
        const AllRegionsListing::ProjectListing& project = projects.at(index);
        const int modelProject = m_projectOfListing.value(index);
        listed.append(modelProject);
        if (project.error.isError()) {
            m_regionProblems.append(tr("%1: not listed: %2", "a project, then its error")
                                        .arg(projectText(modelProject), errorText(project.error)));
        } else if (!project.warning.isEmpty()) {
            m_regionProblems.append(tr("%1: %2", "a project, then why its listing is incomplete")
                                        .arg(projectText(modelProject), project.warning));
        }
    }
    // The account's projects are all known: one IAM no longer lists has no desktops to show.
    for (int project = 1; m_model && project < m_model->projectCount(); ++project) {
        if (!listed.contains(project))
            m_projectsListedInFull.append(project);
    }
    // Every project failing is the listing failing; otherwise the banner names the ones that did.
    if (!projects.isEmpty() && listing->failedCount() == projects.size())
        m_lastError = projects.constFirst().error;
    finishAllRegions();
}

ApiClient* DesktopLoader::clientForDesktop(const QString& desktopId, QObject* owner)
{
    if (!m_account || !m_model)
        return m_client;
    const QList<int> rows = m_model->rowsOfId(desktopId);
    if (rows.size() != 1 || m_model->projectIndexAt(rows.constFirst()) == 0)
        return m_client;
    return m_account->projectClient(m_model->projectAt(rows.constFirst()), owner).release();
}

void DesktopLoader::stopAllRegionsUsage()
{
    abandonCalls(m_regionUsageCalls);
    m_regionUsageProgress.clear();
    dropQueue(m_usageQueue, m_usageClients);
}

void DesktopLoader::dropQueue(
    QPointer<ProjectQueue>& queue, std::vector<std::unique_ptr<ApiClient>>& clients)
{
    if (queue) {
        queue->disconnect(this);
        queue->deleteLater();
    }
    queue = nullptr;
    // The calls may still use their clients until they have gone: they go with them.
    for (std::unique_ptr<ApiClient>& client : clients)
        client.release()->deleteLater();
    clients.clear();
}

void DesktopLoader::loadAllRegionsUsage(int days)
{
    // The previous period's answers are no longer wanted; their ends are not waited for.
    stopAllRegionsUsage();
    m_lastUsageWarnings.clear();
    m_usageProblems.clear();
    m_usageError = {};
    m_usageSucceeded = 0;
    QList<int> projects;
    for (int project = 1; m_model && project < m_model->projectCount(); ++project)
        projects.append(project);
    const UsageQuery query = UsageQuery::lastDays(days, m_now());
    auto* queue = new ProjectQueue(
        int(projects.size()),
        [this, projects, query](int index, std::function<void()> done) {
            const int project = projects.at(index);
            m_usageClients.push_back(m_account->projectClient(m_model->project(project)));
            auto* call = new ListAllUsageCall(m_usageClients.back().get(), query, this);
            m_regionUsageCalls.insert(project, call);
            connect(
                call, &PagedListingCall::progress, this, [this, project](int loaded, int total) {
                    m_regionUsageProgress.insert(project, { loaded, total });
                    onRegionUsageProgress();
                });
            whenFinished(call, this,
                [this, project, done = std::move(done)](const ListAllUsageCall* finished) {
                    onRegionUsageFinished(project, finished);
                    done();
                });
            call->start();
        },
        this);
    m_usageQueue = queue;
    connect(queue, &ProjectQueue::finished, this, [this] {
        m_usageQueue->deleteLater();
        m_usageQueue = nullptr;
        m_regionUsageCalls.clear();
        // Some projects' statistics are statistics; none at all is the load failing.
        const bool stopped = m_usageError.kind == ApiError::Kind::Cancelled;
        Q_EMIT usageLoaded(stopped || m_usageSucceeded == 0 ? m_usageError : ApiError());
    });
    Q_EMIT usageLoadingStarted(days);
    queue->start();
}

void DesktopLoader::onRegionUsageProgress()
{
    int loaded = 0;
    int total = 0;
    for (const auto& [projectLoaded, projectTotal] : std::as_const(m_regionUsageProgress)) {
        loaded += projectLoaded;
        total = total < 0 || projectTotal < 0 ? -1 : total + projectTotal;
    }
    Q_EMIT usageProgress(loaded, total);
}

void DesktopLoader::onRegionUsageFinished(int project, const ListAllUsageCall* call)
{
    if (call->succeeded()) {
        ++m_usageSucceeded;
        // Even an incomplete answer is shown: a desktop it lacks says "No data", never 0.
        if (m_model)
            m_model->setUsage(call->usage(), project);
        for (const QString& warning : call->warnings())
            m_usageProblems.append(
                tr("%1: %2", "a project, then a warning about its usage statistics")
                    .arg(projectText(project), warning));
        return;
    }
    // A stopped load says so, whatever the other projects answered.
    if (call->error().kind == ApiError::Kind::Cancelled || !m_usageError.isError())
        m_usageError = call->error();
    if (call->error().kind != ApiError::Kind::Cancelled)
        m_usageProblems.append(
            tr("%1: usage statistics not loaded: %2", "a project, then its error")
                .arg(projectText(project), errorText(call->error())));
}
