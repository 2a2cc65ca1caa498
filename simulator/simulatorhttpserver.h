#pragma once

#include <QAbstractHttpServer>
#include <QHttpServerResponder>

#include <functional>
#include <memory>

class QHttpServerRequest;
class QTcpSocket;

// The HTTP front of the simulator. It hands every request, with a responder that may outlive the
// call (for delayed answers) and the socket (for faults that cut the connection), to one handler:
// the simulator routes by itself, so that it can answer late, never, or with half a body.
class SimulatorHttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using Handler = std::function<void(const QHttpServerRequest &request, QTcpSocket *socket,
                                       std::shared_ptr<QHttpServerResponder> responder)>;

    explicit SimulatorHttpServer(Handler handler, QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Handler m_handler;
};
