#pragma once

// A QNetworkAccessManager that answers ListDesktopsDetail from an in-memory list, with paging,
// canned errors and replies that hang until aborted. For the model and UI tests only.

#include "fakenetworkreply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QUrlQuery>

class FakeDesktopNetwork : public QNetworkAccessManager
{
public:
    using QNetworkAccessManager::QNetworkAccessManager;

    QJsonArray desktops;     // desktop objects as the API sends them
    int failStatus = 0;      // answer every request with this status
    QByteArray failBody;
    int hangFromOffset = -1; // pages starting at or after this offset never answer
    int requests = 0;

    static QJsonObject desktop(const QString &id, const QString &name, const QString &status = QStringLiteral("ACTIVE"),
                               const QString &user = QString(), const QString &ip = QString())
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

protected:
    QNetworkReply *createRequest(Operation operation, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override
    {
        Q_UNUSED(outgoingData);
        ++requests;
        // The request id names the status, so tests can check that it reaches the error text.
        const QByteArray requestId = "req-fake-" + QByteArray::number(failStatus ? failStatus : 200);
        if (failStatus)
            return new FakeNetworkReply(operation, request, FakeResponse::json(failStatus, failBody, requestId), this);
        const QUrlQuery query(request.url());
        const int offset = query.queryItemValue(QStringLiteral("offset")).toInt();
        int limit = query.queryItemValue(QStringLiteral("limit")).toInt();
        if (limit <= 0)
            limit = 500;
        if (hangFromOffset >= 0 && offset >= hangFromOffset)
            return new FakeNetworkReply(operation, request, FakeResponse::hanging(), this);
        QJsonArray page;
        for (int i = offset; i < std::min<int>(offset + limit, int(desktops.size())); ++i)
            page.append(desktops.at(i));
        const QJsonObject body{{QStringLiteral("total_count"), int(desktops.size())},
                               {QStringLiteral("desktops"), page}};
        return new FakeNetworkReply(operation, request,
                                    FakeResponse::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact), requestId),
                                    this);
    }
};
