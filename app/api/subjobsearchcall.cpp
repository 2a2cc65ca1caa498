#include "subjobsearchcall.h"

#include "apiclient.h"
#include "workspacejson.h"

#include <QUrlQuery>

ListDeletionSubJobsCall::ListDeletionSubJobsCall(ApiClient *client, QString status, int offset,
                                                 int limit, QObject *parent)
    : ApiCall(client, QByteArrayLiteral("GET"), parent)
    , m_status(std::move(status))
    , m_offset(offset)
    , m_limit(limit)
{
}

QUrl ListDeletionSubJobsCall::url() const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("job_type"), QLatin1String(kDeletionJobType));
    if (!m_status.isEmpty())
        query.addQueryItem(QStringLiteral("status"), m_status);
    query.addQueryItem(QStringLiteral("offset"), QString::number(m_offset));
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_limit));
    return client()->urlFor(QStringLiteral("workspace-sub-jobs"), query);
}

ApiError ListDeletionSubJobsCall::validate() const
{
    static const QStringList statuses{QStringLiteral("WAITING"), QStringLiteral("RUNNING"),
                                      QStringLiteral("SUCCESS"), QStringLiteral("FAILED")};
    if (m_offset < 0 || m_offset > kMaxOffset || m_limit < 0 || m_limit > kMaxLimit)
        return ApiError::configuration(tr("A sub-job page must have an offset from 0 to 10,000 and "
                                          "a limit from 0 to 1,000."));
    if (!m_status.isEmpty() && !statuses.contains(m_status))
        return ApiError::configuration(tr("\"%1\" is not a sub-job status.").arg(m_status));
    return {};
}

bool ListDeletionSubJobsCall::parseSuccess(const QByteArray &body, QString *error)
{
    std::optional<SubJobPage> page = WorkspaceJson::parseSubJobPage(body, error);
    if (!page)
        return false;
    m_result = std::move(*page);
    return true;
}
