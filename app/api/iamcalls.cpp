#include "iamcalls.h"

#include "apiclient.h"
#include "endpoint.h"

#include <QUrlQuery>

namespace {
QUrl iamUrl(const ClientConfig &config, const QString &path)
{
    QUrl url = config.endpoint;
    url.setPath(url.path() + path, QUrl::TolerantMode);
    return url;
}

std::optional<IamProjectList> parseProjectList(const QByteArray &body, QString *error)
{
    return IamJson::parseProjectList(body, error);
}
} // namespace

ListProjectsByNameCall::ListProjectsByNameCall(ApiClient *client, QString name, QObject *parent)
    : ApiCallOf(client, "GET", parent)
    , m_name(std::move(name))
{
}

QUrl ListProjectsByNameCall::url() const
{
    QUrl url = iamUrl(config(), QStringLiteral("/v3/projects"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("name"), m_name);
    url.setQuery(query);
    return url;
}

ApiError ListProjectsByNameCall::validate() const
{
    if (!Endpoint::isPlainRegionName(m_name))
        return ApiError::configuration(tr("“%1” is not a region id (letters, digits and '-').").arg(m_name));
    return {};
}

ApiCallOf<IamProjectList>::Parser ListProjectsByNameCall::parser() const
{
    return parseProjectList;
}

ListAuthProjectsCall::ListAuthProjectsCall(ApiClient *client, QObject *parent)
    : ApiCallOf(client, "GET", parent)
{
}

QUrl ListAuthProjectsCall::url() const
{
    return iamUrl(config(), QStringLiteral("/v3/auth/projects"));
}

ApiCallOf<IamProjectList>::Parser ListAuthProjectsCall::parser() const
{
    return parseProjectList;
}
