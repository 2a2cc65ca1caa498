#pragma once

#include "fakenetworkreply.h"

#include <QList>
#include <QNetworkAccessManager>
#include <QUrl>

#include <functional>

// A request as the fake saw it.
struct ScriptedRequest
{
    QByteArray method;
    QUrl url;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
};

// Answers every request from a handler, without any network; records what was sent. The replies are
// the shared FakeNetworkReply, so these tests see the same reply behaviour as the other areas.
class ScriptedNetwork : public QNetworkAccessManager
{
    Q_OBJECT
public:
    using Handler = std::function<FakeResponse(const ScriptedRequest &request)>;

    explicit ScriptedNetwork(Handler handler, QObject *parent = nullptr);

    const QList<ScriptedRequest> &requests() const { return m_requests; }
    int count(const QByteArray &method, const QString &pathContains) const;

protected:
    QNetworkReply *createRequest(Operation operation, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override;

private:
    Handler m_handler;
    QList<ScriptedRequest> m_requests;
};
