// libFuzzer: the signer's canonicalisation on arbitrary URLs, headers and bodies. Input layout:
// method, URL, headers ("name: value" lines), body, separated by NUL bytes.
#include "api/requestsigner.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const QList<QByteArray> parts = input.split('\0');
    RequestSigner::Request request;
    request.method = parts.value(0);
    request.url = QUrl::fromEncoded(parts.value(1));
    const QList<QByteArray> headerLines = parts.value(2).split('\n');
    for (const QByteArray &line : headerLines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            request.headers.append({line.left(colon), line.mid(colon + 1)});
    }
    request.headers.append({QByteArrayLiteral("X-Sdk-Date"), QByteArrayLiteral("20250101T000000Z")});
    request.body = parts.value(3);

    // Percent-encoding is the heart of canonicalisation: its output only holds unreserved
    // characters and %XX escapes, and decoding it gives the input back.
    const QByteArray encoded = RequestSigner::percentEncode(parts.value(1));
    for (char c : encoded) {
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || c == '-' || c == '_' || c == '.' || c == '~' || c == '%';
        if (!unreserved)
            std::abort();
    }
    if (QByteArray::fromPercentEncoding(encoded) != parts.value(1))
        std::abort();

    (void)RequestSigner::canonicalUri(request.url);
    (void)RequestSigner::canonicalQuery(request.url);
    (void)RequestSigner::hostHeader(request.url);
    const QByteArray names = RequestSigner::signedHeaderNames(request.headers);
    if (!names.contains("host"))
        std::abort();
    const QByteArray canonical = RequestSigner::canonicalRequest(request);
    const QByteArray first = RequestSigner::authorization(request, "AK", "SK");
    if (first != RequestSigner::authorization(request, "AK", "SK"))
        std::abort(); // signing is a pure function of the request
    (void)RequestSigner::parseSdkDate(parts.value(0));
    (void)canonical;
    return 0;
}
