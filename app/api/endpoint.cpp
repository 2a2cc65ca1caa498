#include "endpoint.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

namespace Endpoint {

QStringList knownRegions()
{
    return {QStringLiteral("cn-north-4"),     QStringLiteral("cn-east-3"),
            QStringLiteral("cn-south-1"),     QStringLiteral("cn-southwest-2"),
            QStringLiteral("cn-north-9"),     QStringLiteral("cn-east-5"),
            QStringLiteral("cn-north-11"),    QStringLiteral("ap-southeast-1"),
            QStringLiteral("ap-southeast-2"), QStringLiteral("ap-southeast-3"),
            QStringLiteral("af-south-1"),     QStringLiteral("af-north-1"),
            QStringLiteral("me-east-1"),      QStringLiteral("tr-west-1"),
            QStringLiteral("la-south-2"),     QStringLiteral("la-north-2"),
            QStringLiteral("sa-brazil-1"),    QStringLiteral("na-mexico-1"),
            QStringLiteral("eu-west-101")};
}

QString overrideVariable(const QString &region)
{
    QString name = QStringLiteral("HUAWEICLOUD_SDK_REGION_WORKSPACE_") + region.trimmed().toUpper();
    name.replace(QLatin1Char('-'), QLatin1Char('_'));
    return name;
}

QUrl forRegion(const QString &region)
{
    return forRegion(region, QProcessEnvironment::systemEnvironment());
}

QUrl forRegion(const QString &region, const QProcessEnvironment &environment)
{
    const QString name = region.trimmed().toLower();
    // The region becomes part of a host name: anything but a plain name could point elsewhere.
    static const QRegularExpression plainName(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    if (!plainName.match(name).hasMatch())
        return {};
    const QString overridden = environment.value(overrideVariable(name)).trimmed();
    if (!overridden.isEmpty())
        return QUrl(overridden, QUrl::StrictMode);
    return QUrl(QStringLiteral("https://workspace.%1.myhuaweicloud.com").arg(name), QUrl::StrictMode);
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

std::optional<QUrl> validate(const QUrl &url, QString *error)
{
    auto fail = [error](const char *text) -> std::optional<QUrl> {
        if (error)
            *error = QCoreApplication::translate("Endpoint", text);
        return std::nullopt;
    };
    if (!url.isValid() || url.host().isEmpty())
        return fail(QT_TRANSLATE_NOOP("Endpoint", "The endpoint is not a valid URL with a host name."));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("http")) {
        if (!isLoopbackHost(url.host()))
            return fail(QT_TRANSLATE_NOOP("Endpoint", "Plain http is only allowed for this computer (localhost); use https."));
    } else if (scheme != QLatin1String("https")) {
        return fail(QT_TRANSLATE_NOOP("Endpoint", "The endpoint must start with https://."));
    }
    if (url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
        return fail(QT_TRANSLATE_NOOP("Endpoint", "The endpoint must not contain a query, a fragment or user information."));
    QUrl cleaned = url;
    QString path = cleaned.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    cleaned.setPath(path);
    return cleaned;
}

} // namespace Endpoint
