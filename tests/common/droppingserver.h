#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QTcpServer>
#include <QUrl>

#include <functional>

class QTcpSocket;

// A loopback HTTP/1.1 server for what happens to a request when its connection breaks: it reads
// each request whole (head and Content-Length body), records it, and then reacts as the test's
// rule says — answers it, answers it and then closes the idle connection, or drops the
// connection without a word after reading it. Keep-alive connections serve several requests.
class DroppingServer : public QObject
{
    Q_OBJECT
public:
    struct Received
    {
        QByteArray method;
        QUrl url;
        QByteArray body;
        int connection = 0; // 1 for the first connection accepted, and so on
    };

    struct Reaction
    {
        enum class Kind {
            Drop,            // close the connection, no answer
            Answer,          // answer with Connection: close
            AnswerKeepAlive, // answer; the connection stays open for the next request
            // Answer as keep-alive, then close the server's side of the idle connection: the
            // client finds it closed (and closes its side, which closedByClient() reports).
            AnswerThenCloseIdle,
        };
        Kind kind = Kind::Answer;
        int status = 200;
        QByteArray body = "{}";
    };
    using Rule = std::function<Reaction(const Received &request)>;

    explicit DroppingServer(QObject *parent = nullptr);

    bool listen();
    QUrl endpoint() const;
    void setRule(Rule rule) { m_rule = std::move(rule); }

    const QList<Received> &received() const { return m_received; }
    int receivedCount(const QByteArray &method) const;
    int connectionCount() const { return m_connections; }

Q_SIGNALS:
    void requestReceived();
    // The client closed a connection the server had half-closed (AnswerThenCloseIdle): it has
    // noticed that the connection is gone.
    void closedByClient(int connection);

private:
    void onReadyRead(QTcpSocket *socket);
    void react(QTcpSocket *socket, const Reaction &reaction);

    QTcpServer m_server;
    Rule m_rule;
    QList<Received> m_received;
    int m_connections = 0;
};
