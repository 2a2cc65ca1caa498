#include "misbehavingserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <memory>

namespace {
QByteArray jsonString(const QString &text)
{
    // A JSON string literal with every escape QJsonDocument would write.
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 202:
        return "Accepted";
    case 404:
        return "Not Found";
    default:
        return "Error";
    }
}
} // namespace

MisbehavingServer::MisbehavingServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &MisbehavingServer::onNewConnection);
}

bool MisbehavingServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost);
}

QUrl MisbehavingServer::endpoint() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

void MisbehavingServer::setRoute(const QString &pathEnd, Route route)
{
    for (auto &[existing, existingRoute] : m_routes) {
        if (existing == pathEnd) {
            existingRoute = std::move(route);
            return;
        }
    }
    m_routes.append({pathEnd, std::move(route)});
}

int MisbehavingServer::requestCount(const QString &pathEnd) const
{
    return int(std::count_if(m_requests.cbegin(), m_requests.cend(),
                             [&pathEnd](const QUrl &url) { return url.path().endsWith(pathEnd); }));
}

void MisbehavingServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void MisbehavingServer::onReadyRead(QTcpSocket *socket)
{
    // The request so far is kept on the socket until its head and body are in.
    QByteArray buffer = socket->property("request").toByteArray() + socket->readAll();
    socket->setProperty("request", buffer);
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0 || socket->property("answered").toBool())
        return;
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    qsizetype contentLength = 0;
    for (const QByteArray &line : lines) {
        if (line.toLower().startsWith("content-length:"))
            contentLength = line.mid(15).trimmed().toLongLong();
    }
    if (buffer.size() < headEnd + 4 + contentLength)
        return;
    socket->setProperty("answered", true);
    const QUrl url(QString::fromLatin1(requestLine.value(1)));
    m_requests.append(url);
    m_bodies.append(buffer.mid(headEnd + 4, contentLength));
    if (m_poolListing == PoolListing::NeverAnswers && url.path().endsWith(QLatin1String("/desktop-pools")))
        return; // read, never answered
    for (const auto &[pathEnd, route] : std::as_const(m_routes)) {
        if (url.path().endsWith(pathEnd)) {
            if (const std::optional<Answer> answer = route(requestLine.value(0), url))
                send(socket, *answer);
            return; // unanswered: the client's deadline is what ends the wait
        }
    }
    const QByteArray method = requestLine.value(0);
    const qsizetype pools = url.path().indexOf(QLatin1String("/desktop-pools/"));
    if (method == "PUT" && pools >= 0 && !m_poolStaysOn)
        m_poolsTurnedOff.insert(url.path().mid(pools + 15));
    send(socket, answer(method, url));
}

MisbehavingServer::Answer MisbehavingServer::answer(const QByteArray &method, const QUrl &url) const
{
    const QString path = url.path();
    if (path.endsWith(QLatin1String("/desktops/detail")))
        return desktopPage(url);
    if (path.endsWith(QLatin1String("/desktops/batch-delete")) && method == "POST")
        return {202, "{\"job_id\":" + m_jobIdJson + "}"};
    if (path.endsWith(QLatin1String("/workspace-sub-jobs")))
        return subJobPage(url);
    if (path.endsWith(QLatin1String("/desktop-pools")) && method == "GET")
        return poolPage(url);
    const qsizetype pools = path.indexOf(QLatin1String("/desktop-pools/"));
    if (pools >= 0 && method == "PUT") {
        const QString poolId = path.mid(pools + 15);
        bool numbered = false;
        const int number = poolId.mid(2).toInt(&numbered);
        if (poolId.startsWith(QLatin1String("p-")) && numbered && number < m_poolCount)
            return {200, "{}"};
    }
    if (pools >= 0 && path.endsWith(QLatin1String("/desktops")))
        return poolDesktopPage(path.mid(pools + 15).section(QLatin1Char('/'), 0, 0), url);
    const qsizetype jobs = path.indexOf(QLatin1String("/workspace-jobs/"));
    if (jobs >= 0)
        return job(path.mid(jobs + 16));
    return {404, "{\"error_code\":\"WKS.0202\",\"error_msg\":\"The resource not found\"}"};
}

QByteArray MisbehavingServer::desktopJson(int index) const
{
    const QByteArray id = index == m_idIndex ? m_idJson
                                             : "\"d-" + QByteArray::number(index).rightJustified(5, '0') + '"';
    return "{\"desktop_id\":" + id + ",\"computer_name\":" + jsonString(m_desktopName)
        + (m_poolCount > 0 || !m_desktopPoolId.isEmpty() ? ",\"desktop_type\":\"POOLED\"" : "")
        + (m_desktopPoolId.isEmpty() ? QByteArray() : ",\"pool_id\":" + jsonString(m_desktopPoolId))
        + ",\"status\":\"ACTIVE\",\"created\":\"2026-11-28T08:15:00Z\"}";
}

QByteArray MisbehavingServer::poolJson(const QString &id, bool autoscale) const
{
    return "{\"id\":" + jsonString(id) + ",\"name\":" + jsonString(m_poolName) + ",\"type\":\"DYNAMIC\","
        + "\"enable_autoscale\":" + (autoscale ? "true" : "false") + "}";
}

MisbehavingServer::Answer MisbehavingServer::poolPage(const QUrl &url) const
{
    const QUrlQuery query(url);
    const int offset = query.queryItemValue(QStringLiteral("offset")).toInt();
    const int limit = std::clamp(query.queryItemValue(QStringLiteral("limit")).toInt(), 1, 1000);
    QByteArrayList entries;
    if (m_poolListing == PoolListing::Endless) {
        for (int i = 0; i < limit; ++i)
            entries.append(poolJson(QStringLiteral("p-endless-%1").arg(offset + i), true));
        return {200, "{\"total_count\":2000000000,\"desktop_pools\":[" + entries.join(',') + "]}"};
    }
    for (int i = offset; i < std::min(offset + limit, m_poolCount); ++i) {
        const QString id = QStringLiteral("p-%1").arg(i);
        if (m_poolListing == PoolListing::ListedTwice)
            entries.append(poolJson(id, false));
        entries.append(poolJson(id, !m_poolsTurnedOff.contains(id)));
    }
    return {200, "{\"total_count\":" + QByteArray::number(m_poolCount) + ",\"desktop_pools\":[" + entries.join(',') + "]}"};
}

MisbehavingServer::Answer MisbehavingServer::poolDesktopPage(const QString &poolId, const QUrl &url) const
{
    const QUrlQuery query(url);
    const int offset = query.queryItemValue(QStringLiteral("offset")).toInt();
    const int limit = std::clamp(query.queryItemValue(QStringLiteral("limit")).toInt(), 1, 100);
    const int pool = poolId.mid(2).toInt();
    QList<int> held;
    for (int i = pool; m_poolCount > 0 && i < m_desktopCount; i += m_poolCount)
        held.append(i);
    QByteArrayList entries;
    for (int index : held.mid(offset, limit))
        entries.append(desktopJson(index));
    return {200, "{\"total_count\":" + QByteArray::number(held.size()) + ",\"pool_desktops\":[" + entries.join(',') + "]}"};
}

MisbehavingServer::Answer MisbehavingServer::desktopPage(const QUrl &url) const
{
    if (m_errorStatus)
        return {m_errorStatus, "{\"error_code\":\"WKS.0001\",\"error_msg\":" + jsonString(m_failReason) + "}"};
    const QUrlQuery query(url);
    const int offset = query.queryItemValue(QStringLiteral("offset")).toInt();
    const int limit = query.queryItemValue(QStringLiteral("limit")).toInt();
    int from = offset;
    int to = std::min(offset + limit, m_desktopCount);
    switch (m_paging) {
    case Paging::ByOffset:
        break;
    case Paging::ShortPage:
        if (offset == m_ruleOffset)
            to = from + (to - from) / 2;
        break;
    case Paging::EmptyPage:
        if (offset == m_ruleOffset)
            to = from;
        break;
    case Paging::Overlapping:
        if (offset > 0)
            from = std::max(0, offset - m_overlap);
        break;
    case Paging::IgnoresOffset:
        from = 0;
        to = std::min(limit, m_desktopCount);
        break;
    case Paging::Endless:
        from = m_endlessServed;
        to = from + limit;
        m_endlessServed = to;
        break;
    }
    QByteArray body = "{";
    const QByteArray total = m_totalSet ? m_totalJson : QByteArray::number(m_desktopCount);
    if (!total.isEmpty())
        body += "\"total_count\":" + total + ',';
    body += "\"desktops\":[";
    for (int i = from; i < to; ++i) {
        if (i > from)
            body += ',';
        body += desktopJson(i);
    }
    return {200, body + "]}"};
}

MisbehavingServer::Answer MisbehavingServer::subJobPage(const QUrl &url) const
{
    const QUrlQuery query(url);
    const int limit = m_endlessSubJobs ? std::clamp(query.queryItemValue(QStringLiteral("limit")).toInt(), 1, 1000)
                                       : 1;
    if (!m_endlessSubJobs && query.queryItemValue(QStringLiteral("offset")).toInt() > 0)
        return {200, "{\"total_count\":1,\"jobs\":[]}"};
    QByteArray body = "{\"total_count\":" + QByteArray(m_endlessSubJobs ? "2000000000" : "1") + ",\"jobs\":[";
    for (int i = 0; i < limit; ++i) {
        if (i > 0)
            body += ',';
        const QByteArray n = QByteArray::number(m_subJobsServed++);
        body += "{\"id\":\"sub-" + n + "\",\"status\":\"FAILED\",\"fail_reason\":" + jsonString(m_failReason)
            + ",\"entities\":{\"desktop_id\":\"d-" + n + "\"}}";
    }
    return {200, body + "]}"};
}

MisbehavingServer::Answer MisbehavingServer::job(const QString &jobId) const
{
    return {200, "{\"id\":" + jsonString(jobId) + ",\"job_type\":\"deleteDesktops\",\"status\":\"FAIL\","
                     "\"fail_reason\":" + jsonString(m_failReason) + ",\"sub_jobs_total\":0}"};
}

void MisbehavingServer::send(QTcpSocket *socket, const Answer &answer)
{
    const QByteArray head = "HTTP/1.1 " + QByteArray::number(answer.status) + ' ' + reasonPhrase(answer.status)
        + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(answer.body.size())
        + "\r\nX-Request-Id: misbehaving-1\r\nConnection: close\r\n\r\n";
    socket->write(head);
    if (m_trickleBytes <= 0) {
        socket->write(answer.body);
        socket->disconnectFromHost();
        return;
    }
    auto *timer = new QTimer(socket);
    auto sent = std::make_shared<qsizetype>(0);
    connect(timer, &QTimer::timeout, socket, [socket, timer, sent, body = answer.body, bytes = m_trickleBytes] {
        if (socket->state() != QAbstractSocket::ConnectedState) {
            timer->stop();
            return;
        }
        socket->write(body.mid(*sent, bytes));
        *sent += bytes;
        if (*sent >= body.size()) {
            timer->stop();
            socket->disconnectFromHost();
        }
    });
    timer->start(m_trickleIntervalMs);
}
