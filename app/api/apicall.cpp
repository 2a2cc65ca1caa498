#include "apicall.h"

#include "apiclient.h"
#include "endpoint.h"
#include "serverinput.h"
#include "workspacejson.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFutureWatcher>
#include <QLocale>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QtConcurrentRun>

#include <algorithm>

namespace {
bool isTransportError(QNetworkReply::NetworkError error)
{
    // Qt numbers connection-level errors below 100 and proxy errors from 101; HTTP-level ones
    // from 200 on.
    return error != QNetworkReply::NoError && error < 200;
}

// A connection that broke under a request: worth another try for a GET. DNS failures and refused
// connections are not retried, another attempt would only delay the error.
bool isConnectionReset(int error)
{
    return error == QNetworkReply::RemoteHostClosedError
        || error == QNetworkReply::TemporaryNetworkFailureError
        || error == QNetworkReply::ProxyConnectionClosedError;
}

// Retry-After is either delta-seconds or an HTTP-date; -1 when absent or unreadable.
int retryAfterSeconds(const QByteArray &value)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return -1;
    bool ok = false;
    const int seconds = trimmed.toInt(&ok);
    if (ok)
        return seconds >= 0 ? seconds : -1;
    // HTTP dates end in "GMT", which Qt's RFC 2822 parser does not take as a zone.
    QString date = QString::fromLatin1(trimmed);
    if (date.endsWith(QLatin1String(" GMT")))
        date = date.chopped(4) + QLatin1String(" +0000");
    const QDateTime when = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!when.isValid())
        return -1;
    return static_cast<int>(std::clamp<qint64>(QDateTime::currentDateTimeUtc().secsTo(when), 0,
                                               24 * 3600));
}

// What an error keeps of a body that could not be read.
constexpr qsizetype kBodyExcerptBytes = 2048;

QString byteSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes);
}
} // namespace

ApiCall::ApiCall(ApiClient *client, QByteArray method, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_method(std::move(method))
{
    m_timeoutTimer.setSingleShot(true);
    m_deadlineTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &ApiCall::onTimeout);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &ApiCall::onDeadline);
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
    m_config = m_client->config();
    ApiError invalid = validate();
    QString endpointProblem;
    if (!invalid.isError() && !Endpoint::validate(m_config.endpoint, &endpointProblem))
        invalid = ApiError::configuration(endpointProblem);
    if (!invalid.isError() && ApiClient::changesState(m_method) && body().isEmpty()) {
        // Only a body lets the transport be stopped from repeating a request (see SendOnceBody).
        invalid = ApiError::configuration(tr("A request that changes something must carry a body."));
    }
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
    m_deadlineTimer.stop();
    const bool inFlight = !m_reply.isNull();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    finish(ApiError::cancelled(inFlight));
}

void ApiCall::sendAttempt()
{
    if (m_finished)
        return;
    if (!m_client) { // closed while a retry was waiting
        finish(ApiError::configuration(tr("The API connection was closed.")));
        return;
    }
    ++m_attempts;
    m_timedOut = false;
    m_pastDeadline = false;
    m_tooLarge = false;
    m_reply = m_client->send(m_method, url(), body());
    if (!m_reply) {
        // Deferred like every other early failure: finished() never fires inside start().
        QMetaObject::invokeMethod(
            this,
            [this] { finish(ApiError::configuration(tr("The network access manager is gone."))); },
            Qt::QueuedConnection);
        return;
    }
    connect(m_reply, &QNetworkReply::finished, this, &ApiCall::onReplyFinished);
    connect(m_reply, &QNetworkReply::downloadProgress, this, &ApiCall::onDownloadProgress);
    connect(m_reply, &QNetworkReply::uploadProgress, this, [this] { m_timeoutTimer.start(); });

    m_timeoutTimer.start(transferTimeoutMs());
    m_deadlineTimer.start(requestDeadlineMs());
}

int ApiCall::transferTimeoutMs() const
{
    // A request always has a timeout: zero or less means the default, not "wait forever".
    const int configured = m_config.transferTimeoutMs;
    return configured > 0 ? configured : ClientConfig().transferTimeoutMs;
}

int ApiCall::requestDeadlineMs() const
{
    const int configured = m_config.requestDeadlineMs;
    return configured > 0 ? configured : ClientConfig().requestDeadlineMs;
}

void ApiCall::onDeadline()
{
    // Progress restarts the idle timeout; a body trickling in byte by byte ends here.
    m_pastDeadline = true;
    onTimeout();
}

void ApiCall::onTimeout()
{
    m_timedOut = true;
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    reply->abort();
    // abort() normally reports finished() at once; a reply that does not must still end the call.
    if (m_reply == reply)
        onReplyFinished();
}

void ApiCall::onDownloadProgress(qint64 received, qint64 total)
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    const qint64 limit = m_config.maxResponseBytes;
    if (received > limit || total > limit) {
        m_tooLarge = true;
        reply->abort();
        if (m_reply == reply)
            onReplyFinished();
        return;
    }
    m_timeoutTimer.start();
}

void ApiCall::onReplyFinished()
{
    m_timeoutTimer.stop();
    m_deadlineTimer.stop();
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    // From here on this reply is history: a late signal from it must not touch the next attempt.
    reply->disconnect(this);
    reply->deleteLater();
    if (!m_client) { // the connection was closed while the request was on the wire
        finish(ApiError::cancelled(true));
        return;
    }
    QByteArray body;
    if (!m_tooLarge && reply->isOpen()) { // an aborted reply is closed and has nothing to read
        body = reply->readAll();
        // Not every reply reports download progress; the limit holds all the same.
        if (body.size() > m_config.maxResponseBytes) {
            m_tooLarge = true;
            body.clear();
        }
    }
    m_responseBytes = body.size();
    m_requestId = ServerInput::bounded(QString::fromLatin1(reply->rawHeader("X-Request-Id")));
    m_iamTraceId = ServerInput::bounded(QString::fromLatin1(reply->rawHeader("X-IAM-Trace-Id")));

    const ApiError error = errorFromReply(reply, body);
    if (error.isError()) {
        retryOrFinish(error);
        return;
    }
    m_parsedStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_parsedExcerpt = body.left(kBodyExcerptBytes);
    if (startBackgroundParse(body))
        return;
    QString parseError;
    const bool parsed = parseSuccess(body, &parseError);
    concludeParse(parsed, parseError);
}

void ApiCall::backgroundParseDone(bool parsed, const QString &parseError)
{
    if (m_finished) // cancelled while the answer was being read
        return;
    concludeParse(parsed, parseError);
}

void ApiCall::runOffThread(std::function<void()> work, std::function<void()> done)
{
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, done = std::move(done)] {
        watcher->deleteLater();
        if (!m_finished) // cancelled meanwhile: the answer is of no use any more
            done();
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

void ApiCall::concludeParse(bool parsed, const QString &parseError)
{
    if (parsed) {
        m_parsedExcerpt.clear();
        finish({});
        return;
    }
    ApiError error;
    error.kind = ApiError::Kind::InvalidResponse;
    error.httpStatus = m_parsedStatus;
    error.transportMessage = parseError;
    error.bodyExcerpt = std::exchange(m_parsedExcerpt, {});
    error.requestId = m_requestId;
    error.iamTraceId = m_iamTraceId;
    retryOrFinish(error);
}

void ApiCall::retryOrFinish(const ApiError &error)
{
    if (shouldRetry(error)) {
        const int delay = retryDelayMs(error);
        Q_EMIT retrying(m_attempts + 1, delay, error);
        if (!m_finished) // a slot may have cancelled the call
            m_retryTimer.start(m_config.retry.realWaitMs ? m_config.retry.realWaitMs(delay) : delay);
        return;
    }
    finish(error);
}

namespace {
// The body is shorter than the Content-Length the server announced. Only for identity encoding:
// Qt inflates compressed bodies, whose length then says nothing about the bytes on the wire.
bool isCutShort(QNetworkReply *reply, const QByteArray &body)
{
    const QVariant announced = reply->header(QNetworkRequest::ContentLengthHeader);
    if (!announced.isValid() || reply->hasRawHeader("Content-Encoding") || !reply->isOpen())
        return false;
    return body.size() < announced.toLongLong();
}
} // namespace

ApiError ApiCall::errorFromReply(QNetworkReply *reply, const QByteArray &body) const
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError networkError = reply->error();
    ApiError error;
    if (m_tooLarge) {
        error.kind = ApiError::Kind::InvalidResponse;
        error.httpStatus = status;
        error.transportMessage =
            tr("the answer is larger than %1").arg(byteSize(m_config.maxResponseBytes));
    } else if (m_pastDeadline) {
        error.kind = ApiError::Kind::Timeout;
        error.networkError = QNetworkReply::TimeoutError;
        error.transportMessage =
            tr("the answer did not arrive in full within %1 seconds").arg(requestDeadlineMs() / 1000.0);
    } else if (m_timedOut) {
        error.kind = ApiError::Kind::Timeout;
        error.networkError = QNetworkReply::TimeoutError;
        error.transportMessage =
            tr("no data for %1 seconds").arg(transferTimeoutMs() / 1000.0);
    } else if (networkError == QNetworkReply::SslHandshakeFailedError) {
        error.kind = ApiError::Kind::Tls;
        error.networkError = networkError;
        error.transportMessage = reply->errorString();
    } else if (networkError == QNetworkReply::TimeoutError) {
        error.kind = ApiError::Kind::Timeout;
        error.networkError = networkError;
        error.transportMessage = reply->errorString();
    } else if (networkError == QNetworkReply::ContentReSendError) {
        // The connection broke after the body had begun to leave, and the transport was refused a
        // second copy (SendOnceBody): the service may have acted on the first.
        error.kind = ApiError::Kind::Network;
        error.networkError = networkError;
        error.transportMessage = tr("the connection was lost after the request was sent; it was not sent again");
    } else if (isTransportError(networkError) || (status == 0 && networkError != QNetworkReply::NoError)) {
        error.kind = ApiError::Kind::Network;
        error.networkError = networkError;
        error.transportMessage = reply->errorString();
    } else if (status == 0) {
        // Neither an HTTP status nor an error: nothing a server would send.
        error.kind = ApiError::Kind::Network;
        error.transportMessage = tr("the connection ended without an HTTP answer");
    } else if (isCutShort(reply, body)) {
        // Qt does not always report a connection closed mid-body; a partial body read as a
        // whole would be misreported as bad JSON (or, worse, as a shorter valid answer).
        error.kind = ApiError::Kind::Network;
        error.networkError = QNetworkReply::RemoteHostClosedError;
        error.transportMessage = tr("the connection closed after %1 of %2 bytes")
                                     .arg(body.size())
                                     .arg(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong());
    } else if (status < 200 || status >= 300) {
        error = WorkspaceJson::parseErrorBody(status, body);
        error.retryAfterSeconds = retryAfterSeconds(reply->rawHeader("Retry-After"));
    }
    error.httpStatus = error.httpStatus ? error.httpStatus : status;
    // The header is the reference; some gateways only put the id into the error body.
    if (!m_requestId.isEmpty() || error.requestId.isEmpty())
        error.requestId = m_requestId;
    error.iamTraceId = m_iamTraceId;
    return error;
}

bool ApiCall::shouldRetry(const ApiError &error) const
{
    if (m_method != "GET" || m_attempts >= m_config.retry.maxAttempts)
        return false;
    if (error.kind == ApiError::Kind::Http) {
        // Never a 401: five authentication failures in a row lock the access key.
        if (error.isAuthenticationFailure())
            return false;
        return error.isThrottled() || error.httpStatus == 502 || error.httpStatus == 503
            || error.httpStatus == 504;
    }
    return error.kind == ApiError::Kind::Network && isConnectionReset(error.networkError);
}

int ApiCall::retryDelayMs(const ApiError &error) const
{
    const RetryPolicy &policy = m_config.retry;
    qint64 delay = 0;
    if (error.isThrottled() && error.retryAfterSeconds < 0)
        return throttleBackoffMs(policy, m_attempts, QRandomGenerator::global()->generateDouble());
    if (error.isThrottled())
        delay = qint64(error.retryAfterSeconds) * 1000;
    else
        delay = qint64(policy.initialDelayMs) << std::clamp(m_attempts - 1, 0, 20);
    return static_cast<int>(std::clamp<qint64>(delay, 0, std::max(policy.maxDelayMs, 0)));
}

void ApiCall::finish(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    Q_EMIT finished();
}
