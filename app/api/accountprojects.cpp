#include "accountprojects.h"

#include "endpoint.h"

#include <QNetworkAccessManager>

#include <algorithm>

std::unique_ptr<ApiClient> AccountAccess::iamClient(QObject *parent) const
{
    ClientConfig config = transport;
    config.endpoint = iamEndpoint;
    config.projectId.clear();
    return std::make_unique<ApiClient>(network, config, credentials, parent);
}

std::unique_ptr<ApiClient> AccountAccess::projectClient(const WorkspaceProject &project, QObject *parent) const
{
    ClientConfig config = transport;
    config.endpoint = project.endpoint;
    config.projectId = project.id;
    return std::make_unique<ApiClient>(network, config, credentials, parent);
}

namespace AccountProjects {

QList<WorkspaceProject> workspaceProjects(const IamProjectList &projects, const QStringList &workspaceRegions,
                                          const QUrl &explicitEndpoint, const QProcessEnvironment &environment)
{
    QList<WorkspaceProject> kept;
    for (const IamProject &project : projects.projects) {
        const QString region = IamProjects::workspaceRegionOf(project.name, workspaceRegions);
        if (region.isEmpty())
            continue;
        QUrl endpoint = explicitEndpoint;
        if (endpoint.isEmpty()) {
            QString ignored;
            endpoint = Endpoint::validate(Endpoint::forRegion(region, environment), &ignored).value_or(QUrl());
        }
        kept.append({region, project.name, project.id, endpoint});
    }
    std::stable_sort(kept.begin(), kept.end(), [&workspaceRegions](const WorkspaceProject &a, const WorkspaceProject &b) {
        const qsizetype regionA = workspaceRegions.indexOf(a.region);
        const qsizetype regionB = workspaceRegions.indexOf(b.region);
        if (regionA != regionB)
            return regionA < regionB;
        if (a.isSubProject() != b.isSubProject())
            return !a.isSubProject();
        return a.name < b.name;
    });
    return kept;
}

} // namespace AccountProjects

ProjectQueue::ProjectQueue(int count, Work work, QObject *parent)
    : QObject(parent)
    , m_count(std::max(count, 0))
    , m_work(std::move(work))
{
}

void ProjectQueue::start()
{
    if (m_count == 0) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_finished = true;
                Q_EMIT finished();
            },
            Qt::QueuedConnection);
        return;
    }
    startMore();
}

void ProjectQueue::startMore()
{
    while (m_running < kMaxProjectsAtOnce && m_next < m_count) {
        const int index = m_next++;
        ++m_running;
        m_mostRunning = std::max(m_mostRunning, m_running);
        auto once = std::make_shared<bool>(false);
        m_work(index, [self = QPointer<ProjectQueue>(this), once] {
            if (std::exchange(*once, true) || !self)
                return;
            self->workDone();
        });
    }
}

void ProjectQueue::workDone()
{
    if (m_finished)
        return;
    --m_running;
    ++m_done;
    if (m_done == m_count) {
        m_finished = true;
        Q_EMIT finished();
        return;
    }
    // Started from the event loop: `done` may be called inside the work that reports it.
    QMetaObject::invokeMethod(this, &ProjectQueue::startMore, Qt::QueuedConnection);
}
