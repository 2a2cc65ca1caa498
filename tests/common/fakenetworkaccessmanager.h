#pragma once

#include "fakenetworkreply.h"

#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QPointer>
#include <QUrl>

#include <functional>

// One request as the fake access manager received it.
struct RecordedRequest
{
    QByteArray method;
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers; // raw headers, in the order they were set
    QByteArray body;
    QNetworkRequest request; // everything else: attributes, TLS configuration

    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
    bool hasHeader(const QByteArray &name) const;
};

// A QNetworkAccessManager that never touches the network: every request is recorded and answered
// by the handler (by default, 404 with an empty JSON object). Replies are FakeNetworkReply objects,
// so tests can script status codes, transport failures, slow and never-finishing answers.
class FakeNetworkAccessManager : public QNetworkAccessManager
{
    Q_OBJECT
public:
    using Handler = std::function<FakeResponse(const RecordedRequest &request, int index)>;
    // A scripted server that needs no request index.
    using RequestHandler = std::function<FakeResponse(const RecordedRequest &request)>;

    explicit FakeNetworkAccessManager(QObject *parent = nullptr);
    explicit FakeNetworkAccessManager(RequestHandler handler, QObject *parent = nullptr);

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    // Answers the n-th request with the n-th response; requests beyond the list get the last one.
    void setResponses(QList<FakeResponse> responses);

    const QList<RecordedRequest> &requests() const { return m_requests; }
    int requestCount() const { return static_cast<int>(m_requests.size()); }
    int countRequests(const QByteArray &method) const;
    // Requests with this method whose path contains pathPart.
    int countRequests(const QByteArray &method, const QString &pathPart) const;
    const RecordedRequest &lastRequest() const { return m_requests.constLast(); }
    // The replies handed out so far (null once the receiver deleted them).
    const QList<QPointer<FakeNetworkReply>> &replies() const { return m_replies; }
    void clear();

Q_SIGNALS:
    void requestReceived(int index);

protected:
    QNetworkReply *createRequest(Operation operation, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override;

private:
    static QByteArray methodOf(Operation operation, const QNetworkRequest &request);

    Handler m_handler;
    QList<RecordedRequest> m_requests;
    QList<QPointer<FakeNetworkReply>> m_replies;
};
