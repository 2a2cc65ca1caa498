#pragma once

#include "credentials.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QUrl>

#include <functional>

class QNetworkRequest;

// Huawei Cloud's SDK-HMAC-SHA256 request signing (see shared/spec/workspace-api.md, "Request
// signing"). The static functions are the canonicalisation steps, shared with the simulator, which
// verifies signatures the way the API gateway does.
class RequestSigner
{
public:
    using Clock = std::function<QDateTime()>;
    using HeaderList = QList<QPair<QByteArray, QByteArray>>;

    struct Request
    {
        QByteArray method;
        QUrl url;
        HeaderList headers; // as sent, without Host and Authorization
        QByteArray body;
    };

    explicit RequestSigner(Credentials credentials, Clock clock = {});

    // Stamps Host, X-Sdk-Date, X-Security-Token (for temporary credentials) and Authorization on
    // the request. Every raw header already on the request is signed.
    void sign(QNetworkRequest &request, const QByteArray &method, const QByteArray &body) const;

    const QByteArray &accessKey() const { return m_accessKey; }

    static QByteArray sdkDate(const QDateTime &utc);
    static QDateTime parseSdkDate(const QByteArray &value);
    static QByteArray hostHeader(const QUrl &url);
    static QByteArray percentEncode(const QByteArray &raw);
    static QByteArray canonicalUri(const QUrl &url);
    static QByteArray canonicalQuery(const QUrl &url);
    // Lower-cased, sorted names of the headers that are signed (always including host).
    static QByteArray signedHeaderNames(const HeaderList &headers);
    static QByteArray canonicalRequest(const Request &request);
    static QByteArray stringToSign(const QByteArray &sdkDate, const QByteArray &canonicalRequest);
    static QByteArray signature(const QByteArray &secretKey, const QByteArray &stringToSign);
    // The full Authorization header value; the request's headers must hold X-Sdk-Date.
    static QByteArray authorization(const Request &request, const QByteArray &accessKey,
                                    const QByteArray &secretKey);

private:
    QByteArray m_accessKey;
    QByteArray m_secretKey;
    QByteArray m_securityToken;
    Clock m_clock;
};
