#include "failureexplanation.h"

#include <QCoreApplication>

namespace FailureExplanation {

namespace {
// The gateway's codes come with two prefixes (APIG. and APIGW.): compared by their number.
QString gatewaySuffix(const QString &code)
{
    for (const QLatin1String prefix : {QLatin1String("APIGW."), QLatin1String("APIG.")}) {
        if (code.startsWith(prefix, Qt::CaseInsensitive))
            return code.mid(prefix.size());
    }
    return {};
}
} // namespace

QString forCode(const QString &errorCode)
{
    const QString code = errorCode.trimmed();
    const QString gateway = gatewaySuffix(code);
    if (gateway == QLatin1String("0301"))
        return QCoreApplication::translate("FailureExplanation", "The access key or its signature was not accepted.");
    if (gateway == QLatin1String("0308"))
        return QCoreApplication::translate("FailureExplanation", "Too many requests: the service is throttling this account.");
    if (code.compare(QLatin1String("WKS.00010032"), Qt::CaseInsensitive) == 0)
        return QCoreApplication::translate("FailureExplanation", "The desktop's current state does not allow this operation.");
    if (code.compare(QLatin1String("WKS.0202"), Qt::CaseInsensitive) == 0)
        return QCoreApplication::translate("FailureExplanation", "The service does not know this resource (any more).");
    return {};
}

QString withExplanation(const QString &errorCode, const QString &serverReason)
{
    const QString explanation = forCode(errorCode);
    if (explanation.isEmpty())
        return serverReason;
    if (serverReason.isEmpty())
        return explanation;
    return QCoreApplication::translate("FailureExplanation", "%1 (%2)", "explanation (the service's reason)")
        .arg(explanation, serverReason);
}

} // namespace FailureExplanation
