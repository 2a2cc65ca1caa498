#include "fakenetworkaccessmanager.h"

QByteArray RecordedRequest::header(const QByteArray &name) const
{
    for (const auto &[headerName, value] : headers) {
        if (headerName.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool RecordedRequest::hasHeader(const QByteArray &name) const
{
    for (const auto &entry : headers) {
        if (entry.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

FakeNetworkAccessManager::FakeNetworkAccessManager(QObject *parent)
    : QNetworkAccessManager(parent)
    , m_handler([](const RecordedRequest &, int) { return FakeResponse::json(404, "{}"); })
{
}

FakeNetworkAccessManager::FakeNetworkAccessManager(RequestHandler handler, QObject *parent)
    : QNetworkAccessManager(parent)
    , m_handler([handler = std::move(handler)](const RecordedRequest &request, int) { return handler(request); })
{
}

void FakeNetworkAccessManager::setResponses(QList<FakeResponse> responses)
{
    Q_ASSERT(!responses.isEmpty());
    m_handler = [responses = std::move(responses)](const RecordedRequest &, int index) {
        return responses.at(std::min<qsizetype>(index, responses.size() - 1));
    };
}

int FakeNetworkAccessManager::countRequests(const QByteArray &method) const
{
    return static_cast<int>(std::count_if(m_requests.cbegin(), m_requests.cend(),
                                          [&method](const RecordedRequest &request) {
                                              return request.method == method;
                                          }));
}

int FakeNetworkAccessManager::countRequests(const QByteArray &method, const QString &pathPart) const
{
    return static_cast<int>(std::count_if(m_requests.cbegin(), m_requests.cend(),
                                          [&](const RecordedRequest &request) {
                                              return request.method == method && request.url.path().contains(pathPart);
                                          }));
}

void FakeNetworkAccessManager::clear()
{
    m_requests.clear();
    m_replies.clear();
}

QByteArray FakeNetworkAccessManager::methodOf(Operation operation, const QNetworkRequest &request)
{
    switch (operation) {
    case HeadOperation:
        return QByteArrayLiteral("HEAD");
    case GetOperation:
        return QByteArrayLiteral("GET");
    case PutOperation:
        return QByteArrayLiteral("PUT");
    case PostOperation:
        return QByteArrayLiteral("POST");
    case DeleteOperation:
        return QByteArrayLiteral("DELETE");
    case CustomOperation:
        return request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
    case UnknownOperation:
        break;
    }
    return {};
}

QNetworkReply *FakeNetworkAccessManager::createRequest(Operation operation,
                                                       const QNetworkRequest &request,
                                                       QIODevice *outgoingData)
{
    RecordedRequest recorded;
    recorded.method = methodOf(operation, request);
    recorded.url = request.url();
    recorded.request = request;
    const QList<QByteArray> names = request.rawHeaderList();
    for (const QByteArray &name : names)
        recorded.headers.append({name, request.rawHeader(name)});
    if (outgoingData)
        recorded.body = outgoingData->readAll();

    const int index = requestCount();
    m_requests.append(recorded);
    auto *reply = new FakeNetworkReply(operation, request, m_handler(recorded, index), this);
    m_replies.append(reply);
    Q_EMIT requestReceived(index);
    return reply;
}
