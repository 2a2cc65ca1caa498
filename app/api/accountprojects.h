#pragma once

#include "apiclient.h"
#include "credentials.h"
#include "iamprojects.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

// One Workspace project of the account: a region's own project or one of its sub-projects.
struct WorkspaceProject
{
    QString region; // e.g. cn-north-4
    QString name;   // the IAM name: the region, or {region}_{suffix}
    QString id;
    QUrl endpoint;  // where its Workspace API is reached

    bool isSubProject() const { return name != region; }
};

// How every project of one account is reached: the connection's keys and transport, and either one
// explicit endpoint for all (a proxy, a private cloud, the simulator) or each region's public one.
struct AccountAccess
{
    QNetworkAccessManager *network = nullptr;
    Credentials credentials;
    ClientConfig transport;  // CA certificates, timeouts, retries; endpoint and project unused
    QUrl iamEndpoint;        // the IAM that lists the account's projects
    QUrl explicitEndpoint;   // empty: each region's own (Endpoint::forRegion)
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();

    // A client of IAM: no project id, so no X-Project-Id.
    std::unique_ptr<ApiClient> iamClient(QObject *parent = nullptr) const;
    // A client of one project's Workspace API.
    std::unique_ptr<ApiClient> projectClient(const WorkspaceProject &project, QObject *parent = nullptr) const;
};

namespace AccountProjects {

// The account's Workspace projects among IAM's answer: those whose name is a Workspace region id
// or such an id with a _suffix, in the order of `workspaceRegions`, a region's own project before
// its sub-projects. Each gets the explicit endpoint, else its region's (an unusable region gives
// an empty URL, which the project's calls refuse).
QList<WorkspaceProject> workspaceProjects(const IamProjectList &projects, const QStringList &workspaceRegions,
                                          const QUrl &explicitEndpoint, const QProcessEnvironment &environment);

} // namespace AccountProjects

// Runs one piece of work per project, at most kMaxProjectsAtOnce at a time, so that an account of
// many regions neither floods the service nor waits for each region in turn. `work` starts the
// work of project `index` and calls `done` exactly once when it has ended; finished() follows the
// last one (at once, from the event loop, when there are none).
class ProjectQueue : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxProjectsAtOnce = 4;
    using Work = std::function<void(int index, std::function<void()> done)>;

    ProjectQueue(int count, Work work, QObject *parent = nullptr);
    void start();
    int running() const { return m_running; }
    int mostRunningAtOnce() const { return m_mostRunning; }

Q_SIGNALS:
    void finished();

private:
    void startMore();
    void workDone();

    int m_count;
    Work m_work;
    int m_next = 0;
    int m_running = 0;
    int m_done = 0;
    int m_mostRunning = 0;
    bool m_finished = false;
};
