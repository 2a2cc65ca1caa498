#include "signatureverifier.h"


namespace {

const QByteArray kAlgorithmPrefix = QByteArrayLiteral("SDK-HMAC-SHA256 ");

QByteArray headerValue(const RequestSigner::HeaderList &headers, const QByteArray &lowerName, bool *found)
{
    *found = false;
    QByteArray value;
    for (const auto &[name, headerValue] : headers) {
        if (name.toLower() == lowerName) {
            value = headerValue;
            *found = true;
        }
    }
    return value;
}

SignatureVerifier::Result reject(const QString &reason)
{
    return {false, reason};
}

} // namespace

SignatureVerifier::SignatureVerifier(QByteArray accessKey, QByteArray secretKey)
    : m_accessKey(std::move(accessKey))
    , m_secretKey(std::move(secretKey))
{
}

SignatureVerifier::Result SignatureVerifier::verify(const QByteArray &method, const QUrl &url,
                                                    const RequestSigner::HeaderList &headers,
                                                    const QByteArray &body, const QDateTime &nowUtc) const
{
    bool found = false;
    const QByteArray authorization = headerValue(headers, "authorization", &found).trimmed();
    if (!found || authorization.isEmpty())
        return reject(QStringLiteral("the request is not signed (no Authorization header)"));
    if (!authorization.startsWith(kAlgorithmPrefix))
        return reject(QStringLiteral("unsupported signing algorithm"));

    QByteArray access;
    QByteArray signedHeaders;
    QByteArray signature;
    const QList<QByteArray> parts = authorization.mid(kAlgorithmPrefix.size()).split(',');
    for (const QByteArray &part : parts) {
        const QByteArray item = part.trimmed();
        const qsizetype equals = item.indexOf('=');
        if (equals < 0)
            return reject(QStringLiteral("malformed Authorization header"));
        const QByteArray key = item.left(equals);
        const QByteArray value = item.mid(equals + 1);
        if (key == "Access")
            access = value;
        else if (key == "SignedHeaders")
            signedHeaders = value;
        else if (key == "Signature")
            signature = value;
    }
    if (access.isEmpty() || signedHeaders.isEmpty() || signature.isEmpty())
        return reject(QStringLiteral("malformed Authorization header"));
    if (access != m_accessKey)
        return reject(QStringLiteral("unknown access key"));

    const QList<QByteArray> names = signedHeaders.split(';');
    if (!names.contains("host"))
        return reject(QStringLiteral("the host header is not signed"));
    if (!names.contains("x-sdk-date"))
        return reject(QStringLiteral("the x-sdk-date header is not signed"));
    headerValue(headers, "x-security-token", &found);
    if (found && !names.contains("x-security-token"))
        return reject(QStringLiteral("the x-security-token header is not signed"));

    const QByteArray date = headerValue(headers, "x-sdk-date", &found);
    const QDateTime signedAt = RequestSigner::parseSdkDate(date.trimmed());
    if (!signedAt.isValid())
        return reject(QStringLiteral("x-sdk-date is not a valid date"));
    if (qAbs(signedAt.secsTo(nowUtc)) > kMaxClockSkewSeconds)
        return reject(QStringLiteral("the request time x-sdk-date differs from the server time by more than 15 minutes"));

    RequestSigner::Request request{method, url, {}, body};
    for (const QByteArray &name : names) {
        if (name == "host")
            continue; // canonicalRequest derives host from the URL, which carries the Host header
        const QByteArray value = headerValue(headers, name, &found);
        if (!found)
            return reject(QStringLiteral("the signed header %1 is missing").arg(QString::fromLatin1(name)));
        request.headers.append({name, value});
    }
    if (RequestSigner::signedHeaderNames(request.headers) != signedHeaders)
        return reject(QStringLiteral("SignedHeaders is not sorted, lower-case and without duplicates"));

    const QByteArray expected = RequestSigner::signature(
        m_secretKey, RequestSigner::stringToSign(date.trimmed(), RequestSigner::canonicalRequest(request)));
    // A comparison that does not stop at the first difference gives no timing hint.
    if (expected.size() != signature.size())
        return reject(QStringLiteral("verify aksk signature fail"));
    int difference = 0;
    for (qsizetype i = 0; i < expected.size(); ++i)
        difference |= expected.at(i) ^ signature.at(i);
    if (difference != 0)
        return reject(QStringLiteral("verify aksk signature fail"));
    return {true, {}};
}
