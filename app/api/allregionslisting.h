#pragma once

#include "accountprojects.h"
#include "apicalls.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>
#include <vector>

class ListAuthProjectsCall;

// The desktops of every Workspace project of an account: IAM's list of the caller's projects
// (GET /v3/auth/projects) narrowed to Workspace regions (AccountProjects::workspaceProjects),
// then each project listed in full at its own endpoint, at most ProjectQueue::kMaxProjectsAtOnce
// at a time. A project whose listing fails or does not add up keeps its error or its warning; the
// others are listed all the same. finished() is emitted exactly once, never from within start().
class AllRegionsListing : public QObject
{
    Q_OBJECT
public:
    struct ProjectListing
    {
        WorkspaceProject project;
        QList<Desktop> desktops; // present ones (not DELETED), in the order listed
        ApiError error;          // the listing failed: desktops holds what arrived before
        bool complete = false;   // listed in full, every answer adding up
        QString warning;         // why it is not complete, and duplicates skipped
    };

    AllRegionsListing(AccountAccess access, DesktopQuery query, QObject *parent = nullptr);
    ~AllRegionsListing() override;

    // Lists these projects instead of asking IAM for them.
    void setProjects(const QList<WorkspaceProject> &projects);
    // Each project's listing gives up after this long from its start; none by default.
    void setPerProjectTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }
    // Off: ProjectListing::desktops stays empty, for a caller that keeps the pages itself.
    void setKeepDesktops(bool keep) { m_keepDesktops = keep; }

    void start();
    void cancel();

    bool isFinished() const { return m_finished; }
    // IAM listed the projects (whatever became of each project's listing).
    bool succeeded() const { return m_finished && !m_iamError.isError(); }
    const ApiError &iamError() const { return m_iamError; }
    const QList<ProjectListing> &projects() const { return m_listings; }
    int failedCount() const;
    int incompleteCount() const; // listed without error, but not in full
    int mostProjectsAtOnce() const { return m_mostAtOnce; }

Q_SIGNALS:
    // projects() holds every project to be listed (IAM answered, or setProjects()).
    void projectsListed();
    // A page of project `index` arrived (DELETED desktops included, as the service sent them).
    void pageLoaded(int index, const QList<Desktop> &desktops);
    // The listing of project `index` of projects() has ended, well or not.
    void projectFinished(int index);
    void finished();

private:
    void onProjectsListed(ListAuthProjectsCall *call);
    void listProjects();
    void listProject(int index, std::function<void()> done);
    void finish(const ApiError &iamError = {});

    AccountAccess m_access;
    DesktopQuery m_query;
    int m_timeoutMs = -1;
    bool m_projectsGiven = false;
    bool m_keepDesktops = true;
    std::unique_ptr<ApiClient> m_iam;
    std::vector<std::unique_ptr<ApiClient>> m_clients;
    QList<QPointer<QObject>> m_calls;
    QList<ProjectListing> m_listings;
    QPointer<ProjectQueue> m_queue;
    ApiError m_iamError;
    int m_mostAtOnce = 0;
    bool m_started = false;
    bool m_finished = false;
};
