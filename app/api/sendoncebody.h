#pragma once

#include <QByteArray>
#include <QIODevice>

// The body of a request that changes something, handed to QNetworkAccessManager so that the
// transport cannot send the request a second time.
//
// Qt's HTTP/1 channel re-sends a request on a new connection when the old one drops before an
// answer arrives, but only after rewinding the upload device (QHttpNetworkConnectionChannel::
// resetUploadData); when the rewind fails it gives up with QNetworkReply::ContentReSendError.
// This device rewinds only while none of its bytes has been read: a request whose body never left
// (a keep-alive connection found closed before writing) may still go out on a fresh connection;
// once any byte was handed to the transport the request counts as sent, and a lost connection
// ends it, never repeats it.
//
// It is random-access on purpose: QNetworkAccessManager copies a sequential device without a
// Content-Length into a buffer of its own, which always rewinds, and the guard would be lost.
// It is opened unbuffered, so that every byte handed out went to the transport, not to a
// read-ahead buffer.
class SendOnceBody : public QIODevice
{
    Q_OBJECT
public:
    explicit SendOnceBody(QByteArray body, QObject *parent = nullptr);

    bool isSequential() const override { return false; }
    qint64 size() const override { return m_body.size(); }
    // To the current position always; back to the start only while nothing has been read.
    bool seek(qint64 position) override;
    bool reset() override { return seek(0); }

    bool anyByteHandedOut() const { return m_handedOut; }
    // How often the transport tried to rewind after a byte had left, and was refused.
    int refusedRewinds() const { return m_refusedRewinds; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    QByteArray m_body;
    bool m_handedOut = false;
    int m_refusedRewinds = 0;
};
