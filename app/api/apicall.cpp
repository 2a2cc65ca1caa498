#include "apicall.h"

#include "apiclient.h"
#include "workspacejson.h"

#include <QCoreApplication>
#include <QNetworkReply>

#include <algorithm>

namespace {
bool isTransportError(QNetworkReply::NetworkError error)
{
    // Qt numbers connection-level errors below 100; HTTP-level ones from 200 on.
    return error != QNetworkReply::NoError && error < 100;
}
} // namespace

ApiCall::ApiCall(ApiClient *client, QByteArray method, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_method(std::move(method))
{
    m_timeoutTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_timeoutTimer, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        if (m_reply)
            m_reply->abort();
    });
    connect(&m_retryTimer, &QTimer::timeout, this, &ApiCall::sendAttempt);
}

ApiCall::~ApiCall()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiCall::start()
{
    if (m_started)
        return;
    m_started = true;
    if (!m_client) {
        // Deferred, so that finished() never fires inside start() and callers connect as usual.
        QMetaObject::invokeMethod(
            this, [this] { finish(ApiError::configuration(tr("No API connection is configured."))); },
            Qt::QueuedConnection);
        return;
    }
    const ApiError invalid = validate();
    if (invalid.isError()) {
        QMetaObject::invokeMethod(this, [this, invalid] { finish(invalid); }, Qt::QueuedConnection);
        return;
    }
    sendAttempt();
}

void ApiCall::cancel()
{
    if (m_finished)
        return;
    m_retryTimer.stop();
    m_timeoutTimer.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    finish(ApiError::cancelled());
}

void ApiCall::sendAttempt()
{
    if (m_finished || !m_client)
        return;
    ++m_attempts;
    m_timedOut = false;
    m_tooLarge = false;
    m_reply = m_client->send(m_method, url(), body());
    if (!m_reply) {
        finish(ApiError::configuration(tr("The network access manager is gone.")));
        return;
    }
    connect(m_reply, &QNetworkReply::finished, this, &ApiCall::onReplyFinished);
    connect(m_reply, &QNetworkReply::downloadProgress, this, &ApiCall::onDownloadProgress);
    connect(m_reply, &QNetworkReply::uploadProgress, this, [this] { m_timeoutTimer.start(); });
    m_timeoutTimer.start(m_client->config().transferTimeoutMs);
}

void ApiCall::onDownloadProgress(qint64 received, qint64 total)
{
    if (!m_reply)
        return;
    const qint64 limit = m_client->config().maxResponseBytes;
    if (received > limit || total > limit) {
        m_tooLarge = true;
        m_reply->abort();
        return;
    }
    m_timeoutTimer.start();
}

void ApiCall::onReplyFinished()
{
    m_timeoutTimer.stop();
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    reply->deleteLater();
    const QByteArray body = m_tooLarge ? QByteArray() : reply->readAll();
    m_requestId = QString::fromLatin1(reply->rawHeader("X-Request-Id"));

    ApiError error = errorFromReply(reply, body);
    if (!error.isError()) {
        QString parseError;
        if (parseSuccess(body, &parseError)) {
            finish(error);
            return;
        }
        error.kind = ApiError::Kind::InvalidResponse;
        error.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        error.transportMessage = parseError;
        error.bodyExcerpt = body.left(2048);
        error.requestId = m_requestId;
    }
    if (shouldRetry(error)) {
        const int delay = retryDelayMs(error);
        Q_EMIT retrying(m_attempts + 1, delay, error);
        m_retryTimer.start(delay);
        return;
    }
    finish(error);
}

ApiError ApiCall::errorFromReply(QNetworkReply *reply, const QByteArray &body) const
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError networkError = reply->error();
    ApiError error;
    if (m_tooLarge) {
        error.kind = ApiError::Kind::InvalidResponse;
        error.httpStatus = status;
        error.transportMessage = tr("the answer is larger than %1 MB")
                                     .arg(m_client->config().maxResponseBytes / (1024 * 1024));
    } else if (m_timedOut) {
        error.kind = ApiError::Kind::Timeout;
        error.transportMessage =
            tr("no data for %1 seconds").arg(m_client->config().transferTimeoutMs / 1000.0);
    } else if (networkError == QNetworkReply::SslHandshakeFailedError) {
        error.kind = ApiError::Kind::Tls;
        error.transportMessage = reply->errorString();
    } else if (networkError == QNetworkReply::TimeoutError) {
        error.kind = ApiError::Kind::Timeout;
        error.transportMessage = reply->errorString();
    } else if (isTransportError(networkError) || (status == 0 && networkError != QNetworkReply::NoError)) {
        error.kind = ApiError::Kind::Network;
        error.transportMessage = reply->errorString();
    } else if (status < 200 || status >= 300) {
        error = WorkspaceJson::parseErrorBody(status, body);
        const QByteArray retryAfter = reply->rawHeader("Retry-After");
        bool ok = false;
        const int seconds = retryAfter.trimmed().toInt(&ok);
        if (ok && seconds >= 0)
            error.retryAfterSeconds = seconds;
    }
    error.httpStatus = error.httpStatus ? error.httpStatus : status;
    error.requestId = m_requestId;
    return error;
}

bool ApiCall::shouldRetry(const ApiError &error) const
{
    if (m_method != "GET" || m_attempts >= m_client->config().retry.maxAttempts)
        return false;
    if (error.kind == ApiError::Kind::Http)
        return error.isThrottled() || error.httpStatus == 502 || error.httpStatus == 503
            || error.httpStatus == 504;
    return error.kind == ApiError::Kind::Network;
}

int ApiCall::retryDelayMs(const ApiError &error) const
{
    const RetryPolicy &policy = m_client->config().retry;
    int delay = 0;
    if (error.isThrottled())
        delay = error.retryAfterSeconds >= 0 ? error.retryAfterSeconds * 1000 : policy.throttleDelayMs;
    else
        delay = policy.initialDelayMs << std::min(m_attempts - 1, 16);
    return std::clamp(delay, 0, policy.maxDelayMs);
}

void ApiCall::finish(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    Q_EMIT finished();
}
