#include "requestsigner.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QNetworkRequest>
#include <QTimeZone>

#include <algorithm>
#include <map>

namespace {

const QByteArray kAlgorithm = QByteArrayLiteral("SDK-HMAC-SHA256");

QByteArray hexSha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

// Sorted by lower-case name; a header sent twice keeps its last value (the clients here never
// send one twice).
std::map<QByteArray, QByteArray> canonicalHeaderMap(const RequestSigner::HeaderList &headers)
{
    std::map<QByteArray, QByteArray> map;
    for (const auto &[name, value] : headers)
        map[name.toLower()] = value.trimmed();
    return map;
}

} // namespace

RequestSigner::RequestSigner(Credentials credentials, Clock clock)
    : m_accessKey(credentials.accessKey.toUtf8())
    , m_secretKey(credentials.secretKey.toUtf8())
    , m_securityToken(credentials.securityToken.toUtf8())
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
{
    credentials.clear();
}

void RequestSigner::sign(QNetworkRequest &request, const QByteArray &method,
                         const QByteArray &body) const
{
    request.setRawHeader("X-Sdk-Date", sdkDate(m_clock()));
    if (!m_securityToken.isEmpty())
        request.setRawHeader("X-Security-Token", m_securityToken);
    // Qt would derive Host itself; setting it makes sure the signed value is the one sent.
    request.setRawHeader("Host", hostHeader(request.url()));

    Request input{method, request.url(), {}, body};
    const QList<QByteArray> names = request.rawHeaderList();
    for (const QByteArray &name : names) {
        if (name.compare("Authorization", Qt::CaseInsensitive) != 0)
            input.headers.append({name, request.rawHeader(name)});
    }
    request.setRawHeader("Authorization", authorization(input, m_accessKey, m_secretKey));
}

QByteArray RequestSigner::sdkDate(const QDateTime &utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QDateTime RequestSigner::parseSdkDate(const QByteArray &value)
{
    QDateTime parsed = QDateTime::fromString(QString::fromLatin1(value),
                                             QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    parsed.setTimeZone(QTimeZone::utc());
    return parsed;
}

QByteArray RequestSigner::hostHeader(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':')) // IPv6 literal
        host = '[' + host + ']';
    if (url.port() != -1)
        host += ':' + QByteArray::number(url.port());
    return host;
}

QByteArray RequestSigner::percentEncode(const QByteArray &raw)
{
    // QByteArray::toPercentEncoding leaves exactly the RFC 3986 unreserved set as it is and
    // writes upper-case hex, which is what the gateway expects.
    return raw.toPercentEncoding();
}

QByteArray RequestSigner::canonicalUri(const QUrl &url)
{
    const QByteArray path = url.path(QUrl::FullyEncoded).toLatin1();
    const QList<QByteArray> segments = path.split('/');
    QByteArray canonical;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (i > 0)
            canonical += '/';
        canonical += percentEncode(QByteArray::fromPercentEncoding(segments.at(i)));
    }
    if (!canonical.endsWith('/'))
        canonical += '/';
    return canonical;
}

QByteArray RequestSigner::canonicalQuery(const QUrl &url)
{
    const QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
    if (query.isEmpty())
        return {};
    QList<QPair<QByteArray, QByteArray>> pairs;
    for (const QByteArray &item : query.split('&')) {
        if (item.isEmpty())
            continue;
        const qsizetype eq = item.indexOf('=');
        const QByteArray key = eq < 0 ? item : item.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : item.mid(eq + 1);
        pairs.append({percentEncode(QByteArray::fromPercentEncoding(key)),
                      percentEncode(QByteArray::fromPercentEncoding(value))});
    }
    std::sort(pairs.begin(), pairs.end());
    QByteArray canonical;
    for (const auto &[key, value] : pairs) {
        if (!canonical.isEmpty())
            canonical += '&';
        canonical += key + '=' + value;
    }
    return canonical;
}

QByteArray RequestSigner::signedHeaderNames(const HeaderList &headers)
{
    HeaderList withHost = headers;
    withHost.append({QByteArrayLiteral("host"), QByteArray()});
    QByteArray names;
    for (const auto &entry : canonicalHeaderMap(withHost)) {
        if (!names.isEmpty())
            names += ';';
        names += entry.first;
    }
    return names;
}

QByteArray RequestSigner::canonicalRequest(const Request &request)
{
    HeaderList headers = request.headers;
    headers.append({QByteArrayLiteral("host"), hostHeader(request.url)});
    QByteArray canonicalHeaders;
    for (const auto &[name, value] : canonicalHeaderMap(headers))
        canonicalHeaders += name + ':' + value + '\n';

    return request.method.toUpper() + '\n' + canonicalUri(request.url) + '\n'
        + canonicalQuery(request.url) + '\n' + canonicalHeaders + '\n'
        + signedHeaderNames(request.headers) + '\n' + hexSha256(request.body);
}

QByteArray RequestSigner::stringToSign(const QByteArray &sdkDate,
                                       const QByteArray &canonicalRequest)
{
    return kAlgorithm + '\n' + sdkDate + '\n' + hexSha256(canonicalRequest);
}

QByteArray RequestSigner::signature(const QByteArray &secretKey, const QByteArray &stringToSign)
{
    return QMessageAuthenticationCode::hash(stringToSign, secretKey, QCryptographicHash::Sha256)
        .toHex();
}

QByteArray RequestSigner::authorization(const Request &request, const QByteArray &accessKey,
                                        const QByteArray &secretKey)
{
    QByteArray date;
    for (const auto &[name, value] : request.headers) {
        if (name.compare("X-Sdk-Date", Qt::CaseInsensitive) == 0)
            date = value;
    }
    const QByteArray toSign = stringToSign(date, canonicalRequest(request));
    return kAlgorithm + " Access=" + accessKey + ", SignedHeaders="
        + signedHeaderNames(request.headers) + ", Signature=" + signature(secretKey, toSign);
}
