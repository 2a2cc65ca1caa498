#pragma once

#include "apiclient.h"
#include "apierror.h"
#include "credentials.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class ApiCall;
class QNetworkAccessManager;
struct IamProjectList;

// Finds the IAM project of a region from the access key alone, as the official SDKs do:
// GET /v3/projects?name={region} on the region's IAM endpoint, signed with the AK/SK and without
// X-Project-Id or X-Domain-Id; after a 403 (IAM users without the listProjects permission) the
// permission-free GET /v3/auth/projects. The project named exactly the region is the one; none or
// several is an error naming the region (and the ids, and IAM's trace id), never a guess. Answers
// are remembered per access key, region and IAM endpoint for the life of the process.
// finished() is emitted exactly once, never from within start().
class ProjectDiscovery : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QString region;
        QUrl iamEndpoint;        // see Endpoint::iamForRegion
        Credentials credentials;
        ClientConfig transport;  // CA certificates, timeouts and retries; endpoint and project unused
        int deadlineMs = 60000;  // for the whole look-up, fallback included
    };

    // Configuration: the region or the IAM endpoint cannot be used; nothing was sent.
    enum class Failure { None, Configuration, Iam, NoProject, SeveralProjects, UnusableId, Deadline, Cancelled };

    ProjectDiscovery(QNetworkAccessManager *network, Request request, QObject *parent = nullptr);
    ~ProjectDiscovery() override;

    void start();
    void cancel();

    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_finished && m_failure == Failure::None; }
    QString projectId() const { return m_projectId; }
    QString region() const { return m_request.region; }
    // The answer came from the process's memory of an earlier look-up, not from IAM.
    bool fromCache() const { return m_fromCache; }
    // /v3/projects was refused with 403 and /v3/auth/projects answered instead.
    bool usedFallback() const { return m_usedFallback; }
    Failure failure() const { return m_failure; }
    // The IAM call's error for Failure::Iam (kind, status, code, trace id).
    const ApiError &iamError() const { return m_iamError; }
    // One translated sentence naming the region and what went wrong (ids and trace id included).
    QString errorText() const { return m_errorText; }
    QString iamTraceId() const { return m_traceId; }

    // For tests: forgets every remembered project.
    static void clearCache();

Q_SIGNALS:
    void finished();

private:
    void askByName();
    void askAuthProjects();
    void conclude(const IamProjectList &projects);
    void failWithIamError(const ApiError &error);
    void succeed(const QString &projectId);
    void fail(Failure failure, const QString &text);
    void finish();
    QString cacheKey() const;
    QString iamName() const;

    QPointer<QNetworkAccessManager> m_network;
    Request m_request;
    ApiClient *m_client = nullptr;
    QPointer<ApiCall> m_call;
    QTimer m_deadline;
    QString m_projectId;
    QString m_errorText;
    QString m_traceId;
    ApiError m_iamError;
    Failure m_failure = Failure::None;
    bool m_started = false;
    bool m_finished = false;
    bool m_fromCache = false;
    bool m_usedFallback = false;
};
