#include "retirementcalls.h"

#include "apiclient.h"

#include <QUrlQuery>

namespace {

QString encoded(const QString& value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

} // namespace

BatchDesktopTagsCall::BatchDesktopTagsCall(ApiClient* client, Change change, QStringList desktopIds,
    QList<DesktopTag> tags, QObject* parent)
    : DesktopBatchCall(client,
        change == Change::Add ? QByteArrayLiteral("POST") : QByteArrayLiteral("DELETE"),
        std::move(desktopIds), parent)
    , m_change(change)
    , m_tags(std::move(tags))
{
}

QUrl BatchDesktopTagsCall::url() const
{
    return client()->urlFor(QStringLiteral("desktops/batch-tags"));
}

QByteArray BatchDesktopTagsCall::body() const
{
    return RetirementJson::batchTagsBody(desktopIds(), m_tags);
}

ApiError BatchDesktopTagsCall::validate() const
{
    const ApiError ids = DesktopBatchCall::validate();
    if (ids.isError())
        return ids;
    if (m_tags.isEmpty() || m_tags.size() > RetirementJson::kMaxTagsPerDesktop)
        return ApiError::configuration(tr("One request takes 1 to %1 tags, not %2.")
                                           .arg(RetirementJson::kMaxTagsPerDesktop)
                                           .arg(m_tags.size()));
    QStringList keys;
    for (const DesktopTag& tag : m_tags) {
        const QString problem = RetirementJson::tagProblem(tag);
        if (!problem.isEmpty())
            return ApiError::configuration(problem);
        if (keys.contains(tag.key))
            return ApiError::configuration(
                tr("The tag key %1 is named twice in one request.").arg(tag.key));
        keys.append(tag.key);
    }
    return {};
}

BatchPowerActionCall::BatchPowerActionCall(
    ApiClient* client, QStringList desktopIds, PowerOperation operation, bool hard, QObject* parent)
    : ApiCallOf(client, QByteArrayLiteral("POST"), parent)
    , m_desktopIds(std::move(desktopIds))
    , m_operation(operation)
    , m_hard(hard)
{
}

QUrl BatchPowerActionCall::url() const
{
    return client()->urlFor(QStringLiteral("desktops/action"));
}

QByteArray BatchPowerActionCall::body() const
{
    return RetirementJson::powerActionBody(m_desktopIds, m_operation, m_hard);
}

ApiError BatchPowerActionCall::validate() const
{
    return DesktopBatchCall::validateIds(m_desktopIds);
}

BatchPowerActionCall::Parser BatchPowerActionCall::parser() const
{
    return RetirementJson::parsePowerActionAnswer;
}

ApiError LoginRecordQuery::validate() const
{
    if (!startTime.isValid() || !endTime.isValid())
        return ApiError::configuration(
            ListLoginRecordsPageCall::tr("The log-in records need a start and an end time."));
    if (endTime < startTime)
        return ApiError::configuration(
            ListLoginRecordsPageCall::tr("The log-in records' period ends before it starts."));
    return {};
}

ListLoginRecordsPageCall::ListLoginRecordsPageCall(
    ApiClient* client, LoginRecordQuery query, int offset, int limit, QObject* parent)
    : ApiCallOf(client, QByteArrayLiteral("GET"), parent)
    , m_query(std::move(query))
    , m_offset(offset)
    , m_limit(limit)
{
}

QUrl ListLoginRecordsPageCall::url() const
{
    QUrlQuery query;
    query.addQueryItem(
        QStringLiteral("start_time"), encoded(RetirementJson::loginRecordTime(m_query.startTime)));
    query.addQueryItem(
        QStringLiteral("end_time"), encoded(RetirementJson::loginRecordTime(m_query.endTime)));
    if (!m_query.userName.isEmpty())
        query.addQueryItem(QStringLiteral("user_name"), encoded(m_query.userName));
    if (!m_query.computerName.isEmpty())
        query.addQueryItem(QStringLiteral("computer_name"), encoded(m_query.computerName));
    query.addQueryItem(QStringLiteral("offset"), QString::number(m_offset));
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_limit));
    return client()->urlFor(QStringLiteral("connections/desktops"), query);
}

ApiError ListLoginRecordsPageCall::validate() const
{
    if (m_offset < 0 || m_limit < 1 || m_limit > kMaxLimit)
        return ApiError::configuration(
            tr("A page must have an offset of 0 or more and a limit from 1 to %1.").arg(kMaxLimit));
    return m_query.validate();
}

ListLoginRecordsPageCall::Parser ListLoginRecordsPageCall::parser() const
{
    return RetirementJson::parseLoginRecordPage;
}

ListAllLoginRecordsCall::ListAllLoginRecordsCall(
    ApiClient* client, LoginRecordQuery query, QObject* parent)
    : PagedListingCall(client, ListLoginRecordsPageCall::kMaxLimit, 1, parent)
    , m_query(std::move(query))
{
}

ApiCall* ListAllLoginRecordsCall::createPage(int offset, int limit)
{
    return new ListLoginRecordsPageCall(client(), m_query, offset, limit);
}

PagedListingCall::PageOutcome ListAllLoginRecordsCall::takePage(ApiCall* page)
{
    LoginRecordPage result = static_cast<ListLoginRecordsPageCall*>(page)->takeResult();
    return keepNew(std::move(result.records), result.totalCount >= 0, result.totalCount, &m_records,
        [](const LoginRecord& record) -> QString {
            return record.userName + QLatin1Char('\n') + record.computerName + QLatin1Char('\n')
                + record.sid + QLatin1Char('\n')
                + record.connectionStart.toString(Qt::ISODateWithMs);
        });
}
