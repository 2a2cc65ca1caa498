#pragma once

// A QNetworkAccessManager that answers ListDesktopsDetail from an in-memory list, with paging,
// canned errors and replies that hang until aborted. For the model and UI tests only.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>

class FakeReply : public QNetworkReply
{
public:
    FakeReply(QNetworkAccessManager::Operation operation, const QNetworkRequest &request,
              QObject *parent)
        : QNetworkReply(parent)
    {
        setOperation(operation);
        setRequest(request);
        setUrl(request.url());
        open(QIODevice::ReadOnly);
    }

    void respond(int status, const QByteArray &body)
    {
        m_body = body;
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, status);
        setRawHeader("X-Request-Id", "req-fake-" + QByteArray::number(status));
        setRawHeader("Content-Type", "application/json");
        if (status >= 400)
            setError(QNetworkReply::ProtocolInvalidOperationError, QStringLiteral("HTTP error"));
        QTimer::singleShot(0, this, [this, status] {
            if (isFinished())
                return;
            Q_EMIT metaDataChanged();
            Q_EMIT downloadProgress(m_body.size(), m_body.size());
            if (status >= 400)
                Q_EMIT errorOccurred(error());
            setFinished(true);
            Q_EMIT finished();
        });
    }

    void abort() override
    {
        if (isFinished())
            return;
        setError(QNetworkReply::OperationCanceledError, QStringLiteral("Operation canceled"));
        setFinished(true);
        Q_EMIT errorOccurred(error());
        Q_EMIT finished();
    }
    qint64 bytesAvailable() const override { return m_body.size() - m_offset + QIODevice::bytesAvailable(); }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 count = std::min<qint64>(maxSize, m_body.size() - m_offset);
        if (count <= 0)
            return isFinished() ? -1 : 0;
        memcpy(data, m_body.constData() + m_offset, size_t(count));
        m_offset += count;
        return count;
    }

private:
    QByteArray m_body;
    qint64 m_offset = 0;
};

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
        auto *reply = new FakeReply(operation, request, this);
        if (failStatus) {
            reply->respond(failStatus, failBody);
            return reply;
        }
        const QUrlQuery query(request.url());
        const int offset = query.queryItemValue(QStringLiteral("offset")).toInt();
        int limit = query.queryItemValue(QStringLiteral("limit")).toInt();
        if (limit <= 0)
            limit = 500;
        if (hangFromOffset >= 0 && offset >= hangFromOffset)
            return reply; // never answers
        QJsonArray page;
        for (int i = offset; i < std::min<int>(offset + limit, int(desktops.size())); ++i)
            page.append(desktops.at(i));
        const QJsonObject body{{QStringLiteral("total_count"), int(desktops.size())},
                               {QStringLiteral("desktops"), page}};
        reply->respond(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
        return reply;
    }
};
