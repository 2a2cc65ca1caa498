#pragma once

#include "credentials.h"
#include "requestsigner.h"

#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QNetworkReply;

struct RetryPolicy
{
    int maxAttempts = 4;          // including the first one
    int initialDelayMs = 1000;    // doubled after each failed attempt
    int maxDelayMs = 30000;       // also caps a server's Retry-After
    // After a 429 without Retry-After (the gateway documents none; its docs advise 2-5 s): a
    // random delay from throttleDelayMs to throttleDelayMs * (1 + throttleJitter), so that clients
    // throttled together do not come back together, doubled for each further attempt.
    int throttleDelayMs = 2000;
    double throttleJitter = 1.5;
    // For tests, an injected timer: how long a retry really waits for the delay the policy decided
    // (the delay retrying() reports). Empty: the delay itself.
    std::function<int(int delayMs)> realWaitMs;
};

// The delay before attempt `attempt` + 1 after a 429 without Retry-After; `unitRandom` is a random
// number from [0, 1). Capped at maxDelayMs.
int throttleBackoffMs(const RetryPolicy &policy, int attempt, double unitRandom);

struct ClientConfig
{
    QUrl endpoint;   // validated, see Endpoint::validate
    QString projectId;
    int transferTimeoutMs = 30000; // without any progress
    // From sending a request to its last byte, however steadily the bytes trickle in. The largest
    // real answer (a page of 500 desktops, 0.6 MB) needs it at 5 KB/s, a slow link's pace.
    int requestDeadlineMs = 120000;
    qint64 maxResponseBytes = 32 * 1024 * 1024;
    RetryPolicy retry;
    QList<QSslCertificate> extraCaCertificates;
};

// The one access point to the Workspace API: builds, stamps and signs every request and sends it
// through the injected QNetworkAccessManager. Calls (apicalls.h) use it; it keeps no per-call state.
class ApiClient : public QObject
{
    Q_OBJECT
public:
    ApiClient(QNetworkAccessManager *network, ClientConfig config, Credentials credentials,
              QObject *parent = nullptr);
    ~ApiClient() override;

    // For tests: a fixed or skewed clock for X-Sdk-Date.
    void setClock(RequestSigner::Clock clock);

    const ClientConfig &config() const { return m_config; }
    QNetworkAccessManager *network() const { return m_network; }

    // relativePath follows /v2/{project_id}, e.g. "desktops/detail".
    QUrl urlFor(const QString &relativePath, const QUrlQuery &query = {}) const;
    // A request whose method changes state (anything but GET and HEAD) goes out at most once: the
    // transport is not allowed to repeat it on a new connection (see SendOnceBody); a lost
    // connection ends it with an error instead.
    QNetworkReply *send(const QByteArray &method, const QUrl &url, const QByteArray &body) const;
    static bool changesState(const QByteArray &method);

    static QByteArray userAgent();
    static QList<QSslCertificate> loadCaFile(const QString &path, QString *error);

private:
    QPointer<QNetworkAccessManager> m_network;
    ClientConfig m_config;
    Credentials m_credentials;
    RequestSigner m_signer;
};
