#pragma once

#include "simulatorconfig.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class IamRoutes;
class WorkspaceSimulatorPrivate;

// A local Workspace API server following shared/spec/workspace-api.md: signature checks, paging,
// filters, asynchronous batch-delete jobs, documented error bodies, faults on demand.
// Listens on loopback only. It serves on the thread it was created on (tests create it on theirs);
// SimulatorThread runs one on a thread of its own, as the demo does.
class WorkspaceSimulator : public QObject
{
    Q_OBJECT
public:
    explicit WorkspaceSimulator(SimulatorConfig config, QObject *parent = nullptr);
    ~WorkspaceSimulator() override;

    // Serves https with this PEM certificate and key from then on; call before listen(). False
    // with a reason in *error when either cannot be read.
    bool setupTls(const QString &certificatePath, const QString &keyPath, QString *error);

    // port 0 picks a free one. Returns false when it cannot listen.
    bool listen(quint16 port = 0);
    quint16 port() const;
    QUrl url() const; // http://127.0.0.1:PORT (https after setupTls())

    const SimulatorConfig &config() const;
    void setFaults(const SimulatorFaults &faults);
    const SimulatorFaults &faults() const;

    // The simulated account's IAM (GET /v3/projects, /v3/auth/projects): its projects, at first
    // this simulator's (named config().region), the built-in MOS and those added by addProject().
    IamRoutes &iam();
    // Serves another project of the account behind this server: requests naming config.projectId
    // go to a simulator of its own (its desktops, jobs and faults), signed with this one's keys; IAM
    // lists it as config.region ({region}_{suffix} makes a sub-project). Returns that simulator.
    WorkspaceSimulator *addProject(SimulatorConfig config);

    // Counters for tests: how many requests reached a method+path pattern, e.g.
    // requestCount("POST", "batch-delete").
    int requestCount(const QByteArray &method, const QString &pathContains) const;
    // The requests that reached this simulator (a project added by addProject() has its own), with
    // the Host header each was signed for and sent to; only those of a method and path pattern
    // when given.
    struct ReceivedRequest
    {
        QByteArray method;
        QString path;
        QString host;
        QByteArray body; // as received: what a change asked for (delete_users, …)
    };
    QList<ReceivedRequest> receivedRequests(const QByteArray &method = {}, const QString &pathContains = {}) const;
    int desktopCount() const; // desktops still listed (not deleted)
    // The pool of each pooled desktop still listed, by desktop id: the simulator's own record, for
    // tests to check against whether or not the listing sends pool_id (assumption POOL-ID).
    QHash<QString, QString> poolOfDesktop() const;
    // Users removed by batch deletions with delete_users (only those left without a desktop).
    QStringList deletedUsers() const;
    // Whether the state is kept in SimulatorConfig::stateFilePath (it could be opened, and holds no
    // state of other generated desktops).
    bool keepsState() const;
    // Rows the state store wrote since the start: a change must cost in proportion to itself.
    qint64 stateRowsWritten() const;

Q_SIGNALS:
    // Emitted as each answer is written; status 0 when the neverAnswer fault swallowed it.
    void requestHandled(const QByteArray &method, const QString &path, int status);
    // A batch-delete job reached its final status (SUCCESS or FAILED).
    void jobFinished(const QString &jobId, const QString &status);

private:
    friend class WorkspaceSimulatorPrivate;
    std::unique_ptr<WorkspaceSimulatorPrivate> d;
};
