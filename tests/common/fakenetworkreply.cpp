#include "fakenetworkreply.h"

#include <cstring>

FakeResponse FakeResponse::json(int status, const QByteArray &body, const QByteArray &requestId)
{
    FakeResponse response;
    response.status = status;
    response.body = body;
    response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    if (!requestId.isEmpty())
        response.headers.append({QByteArrayLiteral("X-Request-Id"), requestId});
    return response;
}

FakeResponse FakeResponse::failure(QNetworkReply::NetworkError error, const QString &message)
{
    FakeResponse response;
    response.status = 0;
    response.transportError = error;
    response.transportErrorString = message;
    return response;
}

FakeResponse FakeResponse::hanging()
{
    FakeResponse response;
    response.neverFinishes = true;
    return response;
}

FakeResponse &FakeResponse::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

QNetworkReply::NetworkError FakeResponse::networkErrorForStatus(int status)
{
    switch (status) {
    case 400:
    case 418:
        return QNetworkReply::ProtocolInvalidOperationError;
    case 401:
        return QNetworkReply::AuthenticationRequiredError;
    case 403:
        return QNetworkReply::ContentAccessDenied;
    case 404:
        return QNetworkReply::ContentNotFoundError;
    case 405:
        return QNetworkReply::ContentOperationNotPermittedError;
    case 407:
        return QNetworkReply::ProxyAuthenticationRequiredError;
    case 409:
        return QNetworkReply::ContentConflictError;
    case 410:
        return QNetworkReply::ContentGoneError;
    case 500:
        return QNetworkReply::InternalServerError;
    case 501:
        return QNetworkReply::OperationNotImplementedError;
    case 503:
        return QNetworkReply::ServiceUnavailableError;
    default:
        if (status > 500)
            return QNetworkReply::UnknownServerError;
        if (status >= 400)
            return QNetworkReply::UnknownContentError;
        return QNetworkReply::NoError;
    }
}

FakeNetworkReply::FakeNetworkReply(QNetworkAccessManager::Operation operation,
                                   const QNetworkRequest &request, FakeResponse response,
                                   QObject *parent)
    : QNetworkReply(parent)
    , m_response(std::move(response))
{
    setOperation(operation);
    setRequest(request);
    setUrl(request.url());
    open(QIODevice::ReadOnly);
    m_deliveryTimer.setSingleShot(true);
    connect(&m_deliveryTimer, &QTimer::timeout, this, &FakeNetworkReply::deliver);
    if (!m_response.neverFinishes)
        m_deliveryTimer.start(m_response.deliveryDelayMs);
}

void FakeNetworkReply::abort()
{
    if (isFinished())
        return;
    m_aborted = true;
    m_deliveryTimer.stop();
    complete(QNetworkReply::OperationCanceledError, QStringLiteral("Operation canceled"));
}

qint64 FakeNetworkReply::bytesAvailable() const
{
    const qint64 pending = m_delivered && !m_aborted ? m_response.body.size() - m_readOffset : 0;
    return pending + QIODevice::bytesAvailable();
}

qint64 FakeNetworkReply::readData(char *data, qint64 maxSize)
{
    if (m_aborted || !m_delivered)
        return m_aborted || isFinished() ? -1 : 0;
    const qint64 count = std::min<qint64>(maxSize, m_response.body.size() - m_readOffset);
    if (count <= 0)
        return isFinished() ? -1 : 0;
    std::memcpy(data, m_response.body.constData() + m_readOffset, static_cast<size_t>(count));
    m_readOffset += count;
    return count;
}

void FakeNetworkReply::deliver()
{
    if (isFinished())
        return;
    if (m_response.transportError != QNetworkReply::NoError) {
        complete(m_response.transportError, m_response.transportErrorString);
        return;
    }
    m_delivered = true;
    setAttribute(QNetworkRequest::HttpStatusCodeAttribute, m_response.status);
    for (const auto &[name, value] : std::as_const(m_response.headers))
        setRawHeader(name, value);
    Q_EMIT metaDataChanged();
    if (m_response.reportsDownloadProgress)
        Q_EMIT downloadProgress(m_response.body.size(), m_response.body.size());
    if (isFinished()) // the receiver aborted on progress
        return;
    if (!m_response.body.isEmpty())
        Q_EMIT readyRead();
    if (isFinished())
        return;
    const QNetworkReply::NetworkError error = FakeResponse::networkErrorForStatus(m_response.status);
    complete(error, error == QNetworkReply::NoError
                        ? QString()
                        : QStringLiteral("Server replied: HTTP %1").arg(m_response.status));
}

void FakeNetworkReply::complete(QNetworkReply::NetworkError error, const QString &message)
{
    if (error != QNetworkReply::NoError) {
        setError(error, message);
        Q_EMIT errorOccurred(error);
    }
    setFinished(true);
    Q_EMIT finished();
}
