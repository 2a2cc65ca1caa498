#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

// What went wrong with one API call, with everything support needs to trace it.
struct ApiError
{
    enum class Kind {
        None,
        Http,            // the server answered with an error status
        Network,         // DNS, refused, reset, proxy…
        Timeout,         // no progress within the transfer timeout
        Tls,             // certificate or handshake failure
        InvalidResponse, // a success status whose body could not be understood
        Cancelled,       // cancelled by the user
        Configuration,   // bad endpoint, missing credentials…
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString errorCode;
    QString errorMessage;
    QString errorDetail;
    QString encodedAuthorizationMessage;
    QString requestId;
    // IAM answers carry X-IAM-Trace-Id instead of X-Request-Id; IAM support asks for it.
    QString iamTraceId;
    QString transportMessage; // Qt's description of a transport failure, or a parse failure
    // Qt's QNetworkReply::NetworkError for transport failures (tells DNS from refused from reset);
    // 0 when there was none.
    int networkError = 0;
    QByteArray bodyExcerpt;   // start of a body that was not the expected JSON
    int retryAfterSeconds = -1;
    // For Cancelled: the request was already on the wire when it was abandoned, so the server may
    // have acted on it.
    bool cancelledInFlight = false;

    bool isError() const { return kind != Kind::None; }
    bool isAuthenticationFailure() const; // 401 or APIG(W).0301
    bool isThrottled() const;             // 429 or APIG(W).0308
    // A request that may have reached the server although no usable answer came back: no answer
    // at all, a gateway error, or a success status whose body could not be read.
    bool isAmbiguous() const;

    // One human sentence (translated) naming status, code, message and request id.
    QString summary() const;
    // Multi-line details for a dialog or a log; never contains credentials.
    QString details() const;

    static ApiError configuration(const QString &message);
    static ApiError cancelled(bool inFlight = false);
};

Q_DECLARE_METATYPE(ApiError)
