#include "simulatorhttpserver.h"

#include <QHttpServerRequest>
#include <QTcpSocket>

SimulatorHttpServer::SimulatorHttpServer(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{
}

bool SimulatorHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    m_handler(request, socket, std::make_shared<QHttpServerResponder>(makeResponder(request, socket)));
    return true;
}

void SimulatorHttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest() takes every request; this is only reached if that ever changes.
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}
