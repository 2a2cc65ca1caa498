#include "faultinjector.h"

#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimer>
#include <QUuid>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcSimulator)

namespace {

// The same JSON with every number turned into its text, the way some gateways re-encode answers.
QJsonValue numbersAsStrings(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &item : value.toArray())
            array.append(numbersAsStrings(item));
        return array;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = numbersAsStrings(it.value());
        return object;
    }
    return value;
}

} // namespace

FaultInjector::FaultInjector(quint32 seed, QObject *timerContext, HandledCallback onHandled)
    : m_seed(seed)
    , m_timerContext(timerContext)
    , m_onHandled(std::move(onHandled))
    , m_random(seed)
{
}

void FaultInjector::setFaults(const SimulatorFaults &faults)
{
    m_faults = faults;
    m_random.seed(m_seed);
}

bool FaultInjector::appliesTo(const QByteArray &method, const QString &path) const
{
    return (m_faults.methodFilter.isEmpty() || method == m_faults.methodFilter)
        && (m_faults.pathFilter.isEmpty() || path.contains(m_faults.pathFilter));
}

std::optional<SimulatorReply> FaultInjector::answerInstead()
{
    using namespace SimulatorErrorCode;
    if (m_faults.throttleShare > 0 && m_random.generateDouble() < m_faults.throttleShare) {
        SimulatorReply reply = errorReply(429, kThrottled, QStringLiteral("The throttling threshold has been reached"));
        const bool withoutRetryAfter = m_faults.withoutRetryAfterShare > 0
            && m_random.generateDouble() < m_faults.withoutRetryAfterShare;
        if (m_faults.retryAfterSeconds >= 0 && !withoutRetryAfter)
            reply.headers.append({"Retry-After", QByteArray::number(m_faults.retryAfterSeconds)});
        return reply;
    }
    if (m_faults.htmlErrorPage) {
        SimulatorReply reply;
        reply.status = m_faults.htmlErrorStatus;
        reply.body = QByteArrayLiteral("<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>"
                                       "<body><h1>Bad Gateway</h1><p>The proxy received an invalid "
                                       "response from an upstream server.</p></body></html>\n");
        reply.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/html; charset=iso-8859-1")});
        return reply;
    }
    if (m_faults.serverErrorShare > 0 && m_random.generateDouble() < m_faults.serverErrorShare)
        return errorReply(m_faults.serverErrorStatus, kServerError, QStringLiteral("Internal server error (injected fault)"));
    return std::nullopt;
}

void FaultInjector::deliver(SimulatorReply reply, bool faulty, const QByteArray &method, const QString &path,
                            QPointer<QTcpSocket> socket, std::shared_ptr<QHttpServerResponder> responder)
{
    if (faulty && m_faults.dropConnectionsAfterExecuting > 0) {
        // Carried out, and the connection lost before the answer: the client cannot tell whether
        // anything happened, and Qt silently sends the request again.
        --m_faults.dropConnectionsAfterExecuting;
        if (socket)
            socket->abort();
        qCDebug(lcSimulator) << method << path << "-> connection dropped after executing";
        m_onHandled(method, path, 0);
        return;
    }
    if (faulty && m_faults.neverAnswer) {
        // The request was processed (a deletion did start): only the answer is lost, which is
        // the ambiguous case a client has to handle.
        qCDebug(lcSimulator) << method << path << "-> never answered";
        m_onHandled(method, path, 0);
        return;
    }
    if (faulty && m_faults.latencyMs > 0) {
        QTimer::singleShot(m_faults.latencyMs, m_timerContext,
                           [this, reply = std::move(reply), faulty, method, path, socket, responder] {
                               write(reply, faulty, method, path, socket, *responder);
                           });
        return;
    }
    write(reply, faulty, method, path, socket, *responder);
}

QByteArray FaultInjector::faultyBody(QByteArray body) const
{
    if (m_faults.malformedJson) {
        const qsizetype colon = body.indexOf(':');
        body = colon < 0 ? QByteArrayLiteral("{\"broken\"") : body.left(colon) + ';' + body.mid(colon + 1);
    }
    if (m_faults.truncatedJson)
        body.truncate(body.size() / 2);
    if (m_faults.stringsForNumbers)
        body = QJsonDocument::fromJson(body).isObject()
            ? QJsonDocument(numbersAsStrings(QJsonDocument::fromJson(body).object()).toObject()).toJson(QJsonDocument::Compact)
            : body;
    if (m_faults.arrayForObject)
        body = '[' + body + ']';
    if (body.size() < m_faults.paddedBodyBytes)
        body.append(QByteArray(m_faults.paddedBodyBytes - body.size(), ' '));
    return body;
}

void FaultInjector::write(const SimulatorReply &reply, bool faulty, const QByteArray &method, const QString &path,
                          const QPointer<QTcpSocket> &socket, QHttpServerResponder &responder)
{
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return; // the client gave up while the answer was delayed

    const bool success = reply.status >= 200 && reply.status < 300;
    const QByteArray body = faulty && success ? faultyBody(reply.body) : reply.body;

    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    const bool ownContentType = std::any_of(reply.headers.cbegin(), reply.headers.cend(), [](const auto &header) {
        return header.first.compare("content-type", Qt::CaseInsensitive) == 0;
    });
    if (!ownContentType)
        responder.writeHeader("Content-Type", "application/json;charset=UTF-8");
    responder.writeHeader("X-Request-Id", QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1());
    for (const auto &[name, value] : reply.headers)
        responder.writeHeader(name, value);
    responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    if (faulty && m_faults.closeMidBody) {
        responder.writeBody(body.left(body.size() / 2));
        socket->flush();
        socket->disconnectFromHost();
        qCDebug(lcSimulator) << method << path << "->" << reply.status << "closed mid-body";
    } else {
        responder.writeBody(body);
        qCDebug(lcSimulator) << method << path << "->" << reply.status;
    }
    m_onHandled(method, path, reply.status);
}
