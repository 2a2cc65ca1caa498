#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkReply>
#include <QPair>

// What the fake server answers to one request.
struct ScriptedResponse
{
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError; // transport failure instead
    bool hang = false; // never answers (until aborted), as after a request that timed out

    static ScriptedResponse json(int status, const QByteArray &body, const QByteArray &requestId = {});
};

// A canned QNetworkReply: delivers its response on the next event-loop turn, or never.
class ScriptedReply : public QNetworkReply
{
    Q_OBJECT
public:
    ScriptedReply(QNetworkAccessManager::Operation operation, const QNetworkRequest &request,
              const QByteArray &verb, ScriptedResponse response, QObject *parent);

    void abort() override;
    qint64 bytesAvailable() const override;
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;

private:
    void deliver();

    ScriptedResponse m_response;
    qint64 m_offset = 0;
};
