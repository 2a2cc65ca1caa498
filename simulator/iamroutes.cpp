#include "iamroutes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace {
QByteArray traceId()
{
    return QUuid::createUuid().toString(QUuid::Id128).toLatin1();
}

SimulatorReply withTraceId(SimulatorReply reply)
{
    IamRoutes::addTraceId(reply);
    return reply;
}

// IAM's own errors come in Keystone's shape.
SimulatorReply keystoneError(int status, const QString &title, const QString &message)
{
    const QJsonObject error{{QStringLiteral("code"), status},
                            {QStringLiteral("title"), title},
                            {QStringLiteral("message"), message}};
    return withTraceId(jsonReply(status, QJsonObject{{QStringLiteral("error"), error}}));
}

QJsonObject projectJson(const IamProjectRecord &project, const QString &domainId, const QString &selfBase,
                        bool withNeighbourLinks)
{
    QJsonObject links{{QStringLiteral("self"), QString(selfBase + QStringLiteral("/v3/projects/") + project.id)}};
    if (withNeighbourLinks) {
        links.insert(QStringLiteral("next"), QJsonValue(QJsonValue::Null));
        links.insert(QStringLiteral("previous"), QJsonValue(QJsonValue::Null));
    }
    return {{QStringLiteral("id"), project.id},
            {QStringLiteral("name"), project.name},
            {QStringLiteral("domain_id"), domainId},
            {QStringLiteral("enabled"), project.enabled},
            {QStringLiteral("is_domain"), false},
            {QStringLiteral("parent_id"), project.parentId},
            {QStringLiteral("description"), project.description},
            {QStringLiteral("links"), links}};
}

bool readBool(const QString &text, bool *value)
{
    if (text == QLatin1String("true") || text == QLatin1String("false")) {
        *value = text == QLatin1String("true");
        return true;
    }
    return false;
}
} // namespace

IamRoutes::IamRoutes(QString domainId)
    : m_domainId(std::move(domainId))
{
}

QString IamRoutes::defaultDomainId()
{
    return QStringLiteral("d78cbac186b744899480f25bd022f468");
}

bool IamRoutes::matches(const QByteArray &method, const QString &path)
{
    Q_UNUSED(method)
    return path.startsWith(QLatin1String("/v3/"));
}

void IamRoutes::addTraceId(SimulatorReply &reply)
{
    for (const auto &header : std::as_const(reply.headers)) {
        if (header.first.compare("X-IAM-Trace-Id", Qt::CaseInsensitive) == 0)
            return;
    }
    reply.headers.append({QByteArrayLiteral("X-IAM-Trace-Id"), traceId()});
}

void IamRoutes::addProject(const QString &id, const QString &name, const QString &description)
{
    IamProjectRecord project{id, name, m_domainId, description, true};
    const qsizetype separator = name.indexOf(QLatin1Char('_'));
    if (separator > 0) {
        for (const IamProjectRecord &region : std::as_const(m_projects)) {
            if (region.name == name.left(separator))
                project.parentId = region.id;
        }
    }
    m_projects.append(project);
}

SimulatorReply IamRoutes::handle(const QByteArray &method, const QString &path, const QUrlQuery &query,
                                 const QString &selfBase) const
{
    QString route = path;
    while (route.endsWith(QLatin1Char('/')))
        route.chop(1);
    if (method == "GET" && route == QLatin1String("/v3/projects"))
        return listProjects(query, selfBase);
    if (method == "GET" && route == QLatin1String("/v3/auth/projects"))
        return listAuthProjects(selfBase);
    if (route == QLatin1String("/v3/projects") || route == QLatin1String("/v3/auth/projects"))
        return keystoneError(405, QStringLiteral("Method Not Allowed"), QStringLiteral("The method is not allowed."));
    return keystoneError(404, QStringLiteral("Not Found"), QStringLiteral("The resource could not be found."));
}

SimulatorReply IamRoutes::listProjects(const QUrlQuery &query, const QString &selfBase) const
{
    if (m_listProjectsForbidden)
        return keystoneError(403, QStringLiteral("Forbidden"),
                             QStringLiteral("You are not authorized to perform the requested action."));
    const QString name = query.queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded);
    const QString domainId = query.queryItemValue(QStringLiteral("domain_id"), QUrl::FullyDecoded);
    const QString parentId = query.queryItemValue(QStringLiteral("parent_id"), QUrl::FullyDecoded);
    bool enabled = true;
    const bool filterEnabled = query.hasQueryItem(QStringLiteral("enabled"));
    if (filterEnabled && !readBool(query.queryItemValue(QStringLiteral("enabled")), &enabled))
        return keystoneError(400, QStringLiteral("Bad Request"), QStringLiteral("Invalid input for field 'enabled'."));
    // page and per_page go together: page >= 1, per_page 1-5000.
    const bool paged = query.hasQueryItem(QStringLiteral("page"));
    if (paged != query.hasQueryItem(QStringLiteral("per_page")))
        return keystoneError(400, QStringLiteral("Bad Request"),
                             QStringLiteral("page and per_page must be given together."));
    bool pageOk = true;
    bool perPageOk = true;
    const int page = paged ? query.queryItemValue(QStringLiteral("page")).toInt(&pageOk) : 1;
    const int perPage = paged ? query.queryItemValue(QStringLiteral("per_page")).toInt(&perPageOk) : 5000;
    if (!pageOk || !perPageOk || page < 1 || perPage < 1 || perPage > 5000)
        return keystoneError(400, QStringLiteral("Bad Request"), QStringLiteral("Invalid page or per_page."));

    QJsonArray projects;
    qsizetype matched = 0;
    for (const IamProjectRecord &project : m_projects) {
        if ((!name.isEmpty() && project.name != name) || (!domainId.isEmpty() && domainId != m_domainId)
            || (!parentId.isEmpty() && project.parentId != parentId) || (filterEnabled && project.enabled != enabled))
            continue;
        if (matched++ / perPage == page - 1)
            projects.append(projectJson(project, m_domainId, selfBase, true));
    }
    const QJsonObject links{{QStringLiteral("self"), QString(selfBase + QStringLiteral("/v3/projects"))},
                            {QStringLiteral("next"), QJsonValue(QJsonValue::Null)},
                            {QStringLiteral("previous"), QJsonValue(QJsonValue::Null)}};
    return withTraceId(
        jsonReply(200, QJsonObject{{QStringLiteral("links"), links}, {QStringLiteral("projects"), projects}}));
}

SimulatorReply IamRoutes::listAuthProjects(const QString &selfBase) const
{
    QJsonArray projects;
    for (const IamProjectRecord &project : m_projects)
        projects.append(projectJson(project, m_domainId, selfBase, false));
    const QJsonObject links{{QStringLiteral("self"), QString(selfBase + QStringLiteral("/v3/auth/projects"))}};
    return withTraceId(
        jsonReply(200, QJsonObject{{QStringLiteral("links"), links}, {QStringLiteral("projects"), projects}}));
}
