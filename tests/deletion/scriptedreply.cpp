#include "scriptedreply.h"

#include <QTimer>

#include <cstring>

ScriptedResponse ScriptedResponse::json(int status, const QByteArray &body, const QByteArray &requestId)
{
    ScriptedResponse response;
    response.status = status;
    response.body = body;
    response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    if (!requestId.isEmpty())
        response.headers.append({QByteArrayLiteral("X-Request-Id"), requestId});
    return response;
}

ScriptedReply::ScriptedReply(QNetworkAccessManager::Operation operation, const QNetworkRequest &request,
                     const QByteArray &verb, ScriptedResponse response, QObject *parent)
    : QNetworkReply(parent)
    , m_response(std::move(response))
{
    setRequest(request);
    setUrl(request.url());
    setOperation(operation);
    setAttribute(QNetworkRequest::CustomVerbAttribute, verb);
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    if (!m_response.hang)
        QTimer::singleShot(0, this, &ScriptedReply::deliver);
}

void ScriptedReply::deliver()
{
    if (isFinished())
        return;
    if (m_response.networkError != QNetworkReply::NoError) {
        setError(m_response.networkError, QStringLiteral("simulated transport failure"));
        setFinished(true);
        Q_EMIT errorOccurred(m_response.networkError);
        Q_EMIT finished();
        return;
    }
    setAttribute(QNetworkRequest::HttpStatusCodeAttribute, m_response.status);
    for (const auto &header : std::as_const(m_response.headers))
        setRawHeader(header.first, header.second);
    setHeader(QNetworkRequest::ContentLengthHeader, m_response.body.size());
    if (m_response.status >= 400)
        setError(m_response.status >= 500 ? QNetworkReply::InternalServerError
                                          : QNetworkReply::ContentAccessDenied,
                 QStringLiteral("HTTP %1").arg(m_response.status));
    Q_EMIT metaDataChanged();
    Q_EMIT downloadProgress(m_response.body.size(), m_response.body.size());
    Q_EMIT readyRead();
    setFinished(true);
    Q_EMIT finished();
}

void ScriptedReply::abort()
{
    if (isFinished())
        return;
    setError(QNetworkReply::OperationCanceledError, QStringLiteral("Operation canceled"));
    setFinished(true);
    Q_EMIT errorOccurred(QNetworkReply::OperationCanceledError);
    Q_EMIT finished();
}

qint64 ScriptedReply::bytesAvailable() const
{
    return m_response.body.size() - m_offset + QIODevice::bytesAvailable();
}

qint64 ScriptedReply::readData(char *data, qint64 maxSize)
{
    if (m_offset >= m_response.body.size())
        return isFinished() ? -1 : 0;
    const qint64 count = std::min<qint64>(maxSize, m_response.body.size() - m_offset);
    std::memcpy(data, m_response.body.constData() + m_offset, size_t(count));
    m_offset += count;
    return count;
}
