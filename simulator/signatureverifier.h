#pragma once

#include "api/requestsigner.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

// Checks an incoming request's SDK-HMAC-SHA256 Authorization the way the API gateway does: it
// rebuilds the canonical request from what arrived (method, path, query, the headers named in
// SignedHeaders, body) with RequestSigner's canonicalisation and compares the signature.
class SignatureVerifier
{
public:
    static constexpr int kMaxClockSkewSeconds = 15 * 60;

    struct Result
    {
        bool accepted = false;
        QString reason; // why not; never contains the secret or the expected signature
    };

    SignatureVerifier(QByteArray accessKey, QByteArray secretKey);

    // url: scheme, the Host header's host[:port], path and query as received.
    // headers: every header as received, names in any case.
    Result verify(const QByteArray &method, const QUrl &url, const RequestSigner::HeaderList &headers,
                  const QByteArray &body, const QDateTime &nowUtc) const;

private:
    QByteArray m_accessKey;
    QByteArray m_secretKey;
};
