#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QTimer>

// What a FakeNetworkReply answers. Build one with the static helpers and adjust the fields.
struct FakeResponse
{
    using HeaderList = QList<QPair<QByteArray, QByteArray>>;

    int status = 200;          // 0 for a transport failure without any HTTP answer
    HeaderList headers;
    QByteArray body;
    // A transport failure (DNS, refused, reset, TLS…); NoError means Qt's error follows the status
    // the way QNetworkAccessManager sets it (404 → ContentNotFoundError, …).
    QNetworkReply::NetworkError transportError = QNetworkReply::NoError;
    QString transportErrorString;
    bool neverFinishes = false; // only abort() ends the reply
    int deliveryDelayMs = 0;    // the answer always arrives from the event loop, never inside get()
    bool reportsDownloadProgress = true;

    static FakeResponse json(int status, const QByteArray &body, const QByteArray &requestId = {});
    static FakeResponse failure(QNetworkReply::NetworkError error, const QString &message);
    static FakeResponse hanging();

    FakeResponse &withHeader(const QByteArray &name, const QByteArray &value);

    // The error QNetworkAccessManager reports for an HTTP status (as Qt 6 maps it).
    static QNetworkReply::NetworkError networkErrorForStatus(int status);
};

// A QNetworkReply with a canned answer, delivered asynchronously through a QTimer so that, as with
// a real reply, finished() is never emitted before the caller has connected to it.
class FakeNetworkReply : public QNetworkReply
{
    Q_OBJECT
public:
    FakeNetworkReply(QNetworkAccessManager::Operation operation, const QNetworkRequest &request,
                     FakeResponse response, QObject *parent = nullptr);

    void abort() override;
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;

    bool wasAborted() const { return m_aborted; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;

private:
    void deliver();
    void complete(QNetworkReply::NetworkError error, const QString &message);

    FakeResponse m_response;
    QTimer m_deliveryTimer;
    qint64 m_readOffset = 0;
    bool m_delivered = false; // the body is readable from then on
    bool m_aborted = false;
};
