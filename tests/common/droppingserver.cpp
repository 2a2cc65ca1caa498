#include "droppingserver.h"

#include <QTcpSocket>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

DroppingServer::DroppingServer(QObject *parent)
    : QObject(parent)
    , m_rule([](const Received &) { return Reaction {}; })
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            const int connection = ++m_connections;
            socket->setProperty("connection", connection);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket, connection] {
                if (socket->property("halfClosed").toBool())
                    Q_EMIT closedByClient(connection);
                socket->deleteLater();
            });
        }
    });
}

bool DroppingServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost);
}

QUrl DroppingServer::endpoint() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

int DroppingServer::receivedCount(const QByteArray &method) const
{
    return int(std::count_if(m_received.cbegin(), m_received.cend(),
                             [&method](const Received &request) { return request.method == method; }));
}

void DroppingServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    // Several requests may follow each other on a keep-alive connection.
    for (;;) {
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            break;
        const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
        qsizetype contentLength = 0;
        for (const QByteArray &line : lines) {
            if (line.toLower().startsWith("content-length:"))
                contentLength = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < headEnd + 4 + contentLength)
            break;
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        Received request;
        request.method = requestLine.value(0);
        request.url = QUrl(QString::fromLatin1(requestLine.value(1)));
        request.body = buffer.mid(headEnd + 4, contentLength);
        request.connection = socket->property("connection").toInt();
        buffer.remove(0, headEnd + 4 + contentLength);
        m_received.append(request);
        const Reaction reaction = m_rule(request);
        Q_EMIT requestReceived();
        react(socket, reaction);
        if (reaction.kind != Reaction::Kind::AnswerKeepAlive)
            break;
    }
    socket->setProperty("buffer", buffer);
}

void DroppingServer::react(QTcpSocket *socket, const Reaction &reaction)
{
    using Kind = Reaction::Kind;
    if (reaction.kind == Kind::Drop) {
        socket->abort();
        return;
    }
    const bool keepAlive = reaction.kind != Kind::Answer;
    socket->write("HTTP/1.1 " + QByteArray::number(reaction.status)
                  + " Answer\r\nContent-Type: application/json\r\n"
                    "Content-Length: "
                  + QByteArray::number(reaction.body.size()) + "\r\nX-Request-Id: dropping-"
                  + QByteArray::number(m_received.size()) + "\r\nConnection: " + (keepAlive ? "keep-alive" : "close")
                  + "\r\n\r\n" + reaction.body);
    if (reaction.kind == Kind::Answer) {
        socket->disconnectFromHost();
    } else if (reaction.kind == Kind::AnswerThenCloseIdle) {
        socket->flush();
        socket->setProperty("halfClosed", true);
#ifdef Q_OS_UNIX
        // Only the sending side: the client sees the connection end and closes its own side,
        // which this socket then hears as a disconnection.
        ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
#else
        socket->disconnectFromHost();
#endif
    }
}
