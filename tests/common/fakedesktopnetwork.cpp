#include "fakedesktopnetwork.h"

#include <QJsonDocument>
#include <QUrlQuery>

#include <algorithm>

FakeDesktopNetwork::FakeDesktopNetwork(QObject *parent)
    : FakeNetworkAccessManager(parent)
{
    setHandler([this](const RecordedRequest &request, int) { return answer(request); });
}

QJsonObject FakeDesktopNetwork::desktop(const QString &id, const QString &name, const QString &status,
                                        const QString &user, const QString &ip)
{
    QJsonObject object{{QStringLiteral("desktop_id"), id},
                       {QStringLiteral("computer_name"), name},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("login_status"), QStringLiteral("REGISTERED")},
                       {QStringLiteral("desktop_type"), QStringLiteral("DEDICATED")},
                       {QStringLiteral("availability_zone"), QStringLiteral("cn-north-4a")},
                       {QStringLiteral("created"), QStringLiteral("2026-01-02T03:04:05Z")}};
    if (!user.isEmpty())
        object.insert(QStringLiteral("user_name"), user);
    if (!ip.isEmpty())
        object.insert(QStringLiteral("ip_addresses"), QJsonArray{ip});
    return object;
}

FakeResponse FakeDesktopNetwork::answer(const RecordedRequest &request) const
{
    // The request id names the status, so tests can check that it reaches the error text.
    const QByteArray requestId = "req-fake-" + QByteArray::number(failStatus ? failStatus : 200);
    if (failStatus)
        return FakeResponse::json(failStatus, failBody, requestId);
    const QUrlQuery query(request.url);
    const int offset = query.queryItemValue(QStringLiteral("offset")).toInt();
    int limit = query.queryItemValue(QStringLiteral("limit")).toInt();
    if (limit <= 0)
        limit = 500;
    if (hangFromOffset >= 0 && offset >= hangFromOffset)
        return FakeResponse::hanging();
    QJsonArray page;
    for (int i = offset; i < std::min<int>(offset + limit, int(desktops.size())); ++i)
        page.append(desktops.at(i));
    const QJsonObject body{{QStringLiteral("total_count"), int(desktops.size())}, {QStringLiteral("desktops"), page}};
    return FakeResponse::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact), requestId);
}
