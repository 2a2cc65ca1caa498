#include "apiclient.h"

#include "sendoncebody.h"

#include <QCoreApplication>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QSysInfo>

#include <algorithm>
#include <cmath>

int throttleBackoffMs(const RetryPolicy &policy, int attempt, double unitRandom)
{
    const double base = std::max(policy.throttleDelayMs, 0);
    const double spread = base * std::max(policy.throttleJitter, 0.0) * std::clamp(unitRandom, 0.0, 1.0);
    const double delay = std::ldexp(base + spread, std::clamp(attempt - 1, 0, 20));
    return int(std::min(delay, double(std::max(policy.maxDelayMs, 0))));
}

ApiClient::ApiClient(QNetworkAccessManager *network, ClientConfig config, Credentials credentials,
                     QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_config(std::move(config))
    , m_credentials(credentials)
    , m_signer(std::move(credentials))
{
}

ApiClient::~ApiClient()
{
    m_credentials.clear();
}

void ApiClient::setClock(RequestSigner::Clock clock)
{
    m_signer = RequestSigner(m_credentials, std::move(clock));
}

QUrl ApiClient::urlFor(const QString &relativePath, const QUrlQuery &query) const
{
    QUrl url = m_config.endpoint;
    const QString projectSegment =
        QString::fromLatin1(QUrl::toPercentEncoding(m_config.projectId));
    url.setPath(url.path() + QStringLiteral("/v2/") + projectSegment + QLatin1Char('/') + relativePath,
                QUrl::TolerantMode);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

QNetworkReply *ApiClient::send(const QByteArray &method, const QUrl &url,
                               const QByteArray &body) const
{
    QNetworkRequest request(url);
    request.setRawHeader("Content-Type", "application/json");
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", userAgent());
    if (!m_config.projectId.isEmpty())
        request.setRawHeader("X-Project-Id", m_config.projectId.toUtf8());
    // The calls time out themselves (they must tell a timeout from a cancel); keep Qt's off.
    request.setTransferTimeout(0);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    if (url.scheme() == QLatin1String("https")) {
        // Peers are always verified; there is deliberately no way to ignore TLS errors. An extra CA
        // (private cloud, inspecting proxy) is added to the system's, never replaces them.
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
        if (!m_config.extraCaCertificates.isEmpty())
            ssl.addCaCertificates(m_config.extraCaCertificates);
        request.setSslConfiguration(ssl);
    }
    const bool changing = changesState(method);
    if (changing) {
        // HTTP/1.1 only: the guard below relies on the HTTP/1 channel's rewind of the upload device
        // before it re-sends (pinned by tst_exactlyonce). Qt's HTTP/2 handler skips that rewind and
        // handles lost streams its own way, so there the guard would not be asked; one request
        // that changes something gains nothing from multiplexing.
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    }
    m_signer.sign(request, method, body);
    if (!m_network)
        return nullptr;
    if (!changing)
        return m_network->sendCustomRequest(request, method, body);
    // The transport may not send it twice: see SendOnceBody.
    auto *device = new SendOnceBody(body);
    QNetworkReply *reply = m_network->sendCustomRequest(request, method, device);
    if (reply)
        device->setParent(reply); // read until the reply finishes, deleted with it
    else
        delete device;
    return reply;
}

bool ApiClient::changesState(const QByteArray &method)
{
    return method != "GET" && method != "HEAD";
}

QByteArray ApiClient::userAgent()
{
    return QByteArrayLiteral("workspace-admin/" WORKSPACE_ADMIN_VERSION " (")
        + QSysInfo::prettyProductName().toUtf8() + QByteArrayLiteral("; Qt/") + qVersion() + ')';
}

QList<QSslCertificate> ApiClient::loadCaFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("ApiClient", "Cannot read the CA file %1: %2")
                         .arg(path, file.errorString());
        return {};
    }
    const QByteArray data = file.readAll();
    QList<QSslCertificate> certificates = QSslCertificate::fromData(data, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(data, QSsl::Der);
    if (certificates.isEmpty() && error)
        *error = QCoreApplication::translate("ApiClient", "The CA file %1 holds no certificate.")
                     .arg(path);
    return certificates;
}
