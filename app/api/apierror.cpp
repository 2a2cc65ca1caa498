#include "apierror.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace {
bool codeMatches(const QString &code, const char *suffix)
{
    return code == QLatin1String("APIG.") + QLatin1String(suffix)
        || code == QLatin1String("APIGW.") + QLatin1String(suffix);
}

QString tr(const char *text)
{
    return QCoreApplication::translate("ApiError", text);
}

// A proxy's HTML error page is shown by its title (or its text without tags), not as markup.
QString readableExcerpt(const QByteArray &body)
{
    QString text = QString::fromUtf8(body);
    if (text.trimmed().startsWith(QLatin1Char('<'))) {
        static const QRegularExpression title(QStringLiteral("<title[^>]*>(.*?)</title>"),
                                              QRegularExpression::CaseInsensitiveOption
                                                  | QRegularExpression::DotMatchesEverythingOption);
        const QRegularExpressionMatch match = title.match(text);
        if (match.hasMatch() && !match.captured(1).trimmed().isEmpty()) {
            text = match.captured(1);
        } else {
            static const QRegularExpression hidden(
                QStringLiteral("<(script|style)[^>]*>.*?</\\1>|<[^>]*>"),
                QRegularExpression::CaseInsensitiveOption
                    | QRegularExpression::DotMatchesEverythingOption);
            text.replace(hidden, QStringLiteral(" "));
        }
    }
    text = text.simplified();
    if (text.size() > 200)
        text = text.left(199) + QChar(0x2026);
    return text;
}
} // namespace

bool ApiError::isAuthenticationFailure() const
{
    return (kind == Kind::Http && httpStatus == 401) || codeMatches(errorCode, "0301");
}

bool ApiError::isThrottled() const
{
    return (kind == Kind::Http && httpStatus == 429) || codeMatches(errorCode, "0308");
}

bool ApiError::isAmbiguous() const
{
    // A 2xx whose body was unreadable or too large means the server did act (for a batch delete:
    // the job was probably created), so it must not be reported as a plain failure.
    const bool unreadableSuccess =
        kind == Kind::InvalidResponse && httpStatus >= 200 && httpStatus < 300;
    return kind == Kind::Timeout || kind == Kind::Network || unreadableSuccess
        || (kind == Kind::Cancelled && cancelledInFlight)
        || (kind == Kind::Http && (httpStatus == 502 || httpStatus == 504));
}

QString ApiError::summary() const
{
    QString text;
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Http:
    {
        // Whole sentences per case, so that translations can order the parts as their grammar needs.
        const QString status = QString::number(httpStatus);
        const QString message = !errorMessage.isEmpty() ? errorMessage
            : bodyExcerpt.isEmpty()                     ? QString()
                                                        : readableExcerpt(bodyExcerpt);
        if (!errorCode.isEmpty() && !message.isEmpty())
            text = tr("The server answered HTTP %1 with %2: %3").arg(status, errorCode, message);
        else if (!errorCode.isEmpty())
            text = tr("The server answered HTTP %1 with %2").arg(status, errorCode);
        else if (!message.isEmpty())
            text = tr("The server answered HTTP %1: %2").arg(status, message);
        else
            text = tr("The server answered HTTP %1").arg(status);
        break;
    }
    case Kind::Network:
        text = tr("Network error: %1").arg(transportMessage);
        break;
    case Kind::Timeout:
        text = tr("The server did not answer in time (%1)").arg(transportMessage);
        break;
    case Kind::Tls:
        text = tr("Secure connection failed: %1").arg(transportMessage);
        break;
    case Kind::InvalidResponse:
        text = tr("The server's answer could not be understood (HTTP %1): %2")
                   .arg(httpStatus)
                   .arg(transportMessage);
        break;
    case Kind::Cancelled:
        return cancelledInFlight
            ? tr("Cancelled while waiting for the server's answer; the request may have been carried out.")
            : tr("Cancelled.");
    case Kind::Configuration:
        return transportMessage;
    }
    if (isAuthenticationFailure())
        text += QLatin1Char(' ')
            + tr("(check the access key, the secret key and this computer's clock; five failures in a "
                 "row lock the key for five minutes)");
    if (!requestId.isEmpty())
        text += QLatin1Char(' ') + tr("[request id %1]").arg(requestId);
    if (!iamTraceId.isEmpty())
        text += QLatin1Char(' ') + tr("[IAM trace id %1]").arg(iamTraceId);
    if (!text.endsWith(QLatin1Char('.')))
        text += QLatin1Char('.');
    return text;
}

QString ApiError::details() const
{
    QStringList lines{summary()};
    if (httpStatus)
        lines << tr("HTTP status: %1").arg(httpStatus);
    if (!errorCode.isEmpty())
        lines << tr("Error code: %1").arg(errorCode);
    if (!errorMessage.isEmpty())
        lines << tr("Message: %1").arg(errorMessage);
    if (!errorDetail.isEmpty())
        lines << tr("Detail: %1").arg(errorDetail);
    if (!requestId.isEmpty())
        lines << tr("Request id: %1").arg(requestId);
    if (!iamTraceId.isEmpty())
        lines << tr("IAM trace id: %1").arg(iamTraceId);
    if (!encodedAuthorizationMessage.isEmpty())
        lines << tr("Encoded authorization message: %1").arg(encodedAuthorizationMessage);
    return lines.join(QLatin1Char('\n'));
}

ApiError ApiError::configuration(const QString &message)
{
    ApiError error;
    error.kind = Kind::Configuration;
    error.transportMessage = message;
    return error;
}

ApiError ApiError::cancelled(bool inFlight)
{
    ApiError error;
    error.kind = Kind::Cancelled;
    error.cancelledInFlight = inFlight;
    return error;
}
