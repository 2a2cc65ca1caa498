#include "scriptednetwork.h"

#include <QNetworkRequest>

ScriptedNetwork::ScriptedNetwork(Handler handler, QObject *parent)
    : QNetworkAccessManager(parent)
    , m_handler(std::move(handler))
{
}

int ScriptedNetwork::count(const QByteArray &method, const QString &pathContains) const
{
    return int(std::count_if(m_requests.cbegin(), m_requests.cend(), [&](const ScriptedRequest &r) {
        return r.method == method && r.url.path().contains(pathContains);
    }));
}

QNetworkReply *ScriptedNetwork::createRequest(Operation operation,
                                                       const QNetworkRequest &request,
                                                       QIODevice *outgoingData)
{
    ScriptedRequest recorded;
    recorded.method = request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
    if (recorded.method.isEmpty())
        recorded.method = operation == GetOperation ? QByteArrayLiteral("GET") : QByteArrayLiteral("POST");
    recorded.url = request.url();
    if (outgoingData)
        recorded.body = outgoingData->readAll();
    const QList<QByteArray> names = request.rawHeaderList();
    for (const QByteArray &name : names)
        recorded.headers.append({name, request.rawHeader(name)});
    m_requests.append(recorded);
    return new FakeNetworkReply(operation, request, m_handler(recorded), this);
}
