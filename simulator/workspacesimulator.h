#pragma once

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

struct SimulatorConfig
{
    QString projectId = QStringLiteral("0a1b2c3d4e5f46a7b8c9d0e1f2a3b4c5");
    QString accessKey;
    QString secretKey;
    int desktopCount = 300;
    quint32 seed = 1;
    int jobDurationMs = 4000;          // how long one sub-job takes from WAITING to its end
    bool deletedDesktopsRemain = false; // deleted desktops come back as status DELETED
};

// Faults on demand, for tests and demos. Shares are 0.0–1.0 of matching requests.
struct SimulatorFaults
{
    int latencyMs = 0;
    double throttleShare = 0.0;     // 429 with Retry-After
    int retryAfterSeconds = 1;      // -1: send 429 without Retry-After
    double serverErrorShare = 0.0;  // 500/503
    int serverErrorStatus = 503;
    bool malformedJson = false;
    bool truncatedJson = false;
    bool neverAnswer = false;       // accept the request, never answer
    bool closeMidBody = false;      // send headers and half a body, then close
    // The next N matching requests are carried out, then their connection is closed before a
    // byte of the answer is written (Qt then re-sends the request once on a new connection).
    int dropConnectionsAfterExecuting = 0;
    QString pathFilter;             // empty: every path; else only paths containing this text
    // Wrong-shape success bodies: the answer wrapped in a JSON array, or every number as a string.
    bool arrayForObject = false;
    bool stringsForNumbers = false;
    qint64 paddedBodyBytes = 0;     // success bodies padded with trailing spaces up to this size
    bool htmlErrorPage = false;     // answer htmlErrorStatus with an HTML page, like a broken proxy
    int htmlErrorStatus = 502;
    bool jobsNeverEnd = false;      // jobs accepted while set stay RUNNING: their sub-jobs never end
    QStringList failingDesktopIds;  // their sub-jobs fail
};

class WorkspaceSimulatorPrivate;

// A local Workspace API server following shared/spec/workspace-api.md: signature checks, paging,
// filters, asynchronous batch-delete jobs, documented error bodies, faults on demand.
// Listens on loopback only.
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

    // Counters for tests: how many requests reached a method+path pattern, e.g.
    // requestCount("POST", "batch-delete").
    int requestCount(const QByteArray &method, const QString &pathContains) const;
    int desktopCount() const; // desktops still listed (not deleted)
    // Users removed by batch deletions with delete_users (only those left without a desktop).
    QStringList deletedUsers() const;

Q_SIGNALS:
    // Emitted as each answer is written; status 0 when the neverAnswer fault swallowed it.
    void requestHandled(const QByteArray &method, const QString &path, int status);
    // A batch-delete job reached its final status (SUCCESS or FAILED).
    void jobFinished(const QString &jobId, const QString &status);

private:
    std::unique_ptr<WorkspaceSimulatorPrivate> d;
};
