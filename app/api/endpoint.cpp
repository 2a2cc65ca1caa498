#include "endpoint.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

namespace Endpoint {

namespace {
const QString kGlobalDomain = QStringLiteral("myhuaweicloud.com");
const QString kEuropeanDomain = QStringLiteral("myhuaweicloud.eu");

bool isEuropean(const QString &region)
{
    return region.startsWith(QLatin1String("eu-west-1"));
}
} // namespace

const QList<Region> &regions()
{
    static const QList<Region> table = [] {
        QList<Region> result;
        for (const char *name : {"cn-north-4", "cn-east-3", "cn-south-1", "cn-southwest-2", "cn-north-9",
                                 "cn-east-5", "cn-north-11", "ap-southeast-1", "ap-southeast-2",
                                 "ap-southeast-3", "af-south-1", "af-north-1", "me-east-1", "tr-west-1",
                                 "la-south-2", "la-north-2", "sa-brazil-1", "na-mexico-1", "eu-west-101"}) {
            const QString region = QLatin1String(name);
            result.append({region, isEuropean(region) ? kEuropeanDomain : kGlobalDomain});
        }
        return result;
    }();
    return table;
}

QStringList knownRegions()
{
    QStringList names;
    for (const Region &region : regions())
        names.append(region.name);
    return names;
}

QString domainFor(const QString &region)
{
    const QString name = region.trimmed().toLower();
    for (const Region &known : regions()) {
        if (known.name == name)
            return known.domain;
    }
    return isEuropean(name) ? kEuropeanDomain : kGlobalDomain;
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

bool isPlainRegionName(const QString &region)
{
    // The region becomes part of a host name: anything but a plain name could point elsewhere.
    static const QRegularExpression plainName(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    return plainName.match(region).hasMatch();
}

QUrl forRegion(const QString &region, const QProcessEnvironment &environment)
{
    const QString name = region.trimmed().toLower();
    if (!isPlainRegionName(name))
        return {};
    const QString overridden = environment.value(overrideVariable(name)).trimmed();
    if (!overridden.isEmpty())
        return QUrl(overridden, QUrl::StrictMode);
    return QUrl(QStringLiteral("https://workspace.%1.%2").arg(name, domainFor(name)), QUrl::StrictMode);
}

QUrl iamForRegion(const QString &region, const QProcessEnvironment &environment)
{
    const QString name = region.trimmed().toLower();
    if (!isPlainRegionName(name))
        return {};
    QString overridden = environment.value(QLatin1String(iamEndpointVariable)).trimmed();
    if (!overridden.isEmpty()) {
        if (!overridden.contains(QLatin1String("://")))
            overridden.prepend(QLatin1String("https://"));
        return QUrl(overridden, QUrl::StrictMode);
    }
    return QUrl(QStringLiteral("https://iam.%1.%2").arg(name, domainFor(name)), QUrl::StrictMode);
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
