#include "poolcalls.h"

#include "apiclient.h"

ListPoolDesktopsPageCall::ListPoolDesktopsPageCall(ApiClient *client, QString poolId, int offset, int limit,
                                                   QObject *parent)
    : ApiCallOf(client, QByteArrayLiteral("GET"), parent)
    , m_poolId(std::move(poolId))
    , m_offset(offset)
    , m_limit(limit)
{
}

QUrl ListPoolDesktopsPageCall::url() const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("offset"), QString::number(m_offset));
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_limit));
    return client()->urlFor(QStringLiteral("desktop-pools/") + QString::fromLatin1(QUrl::toPercentEncoding(m_poolId))
                                + QStringLiteral("/desktops"),
                            query);
}

ApiError ListPoolDesktopsPageCall::validate() const
{
    if (!DecommissionJson::isUsableId(m_poolId))
        return ApiError::configuration(tr("A pool id must be 1 to 255 letters, digits, '-', '_', '.' or ':'."));
    if (m_offset < 0 || m_offset > kMaxOffset || m_limit < 1 || m_limit > kMaxLimit)
        return ApiError::configuration(
            tr("A page of a pool's desktops has an offset from 0 to %1 and a limit from 1 to %2.")
                .arg(kMaxOffset)
                .arg(kMaxLimit));
    return {};
}

ListPoolDesktopsPageCall::Parser ListPoolDesktopsPageCall::parser() const
{
    return DecommissionJson::parsePoolDesktopPage;
}

ListAllPoolDesktopsCall::ListAllPoolDesktopsCall(ApiClient *client, QString poolId, QObject *parent)
    : PagedListingCall(client, ListPoolDesktopsPageCall::kMaxLimit, 1, parent)
    , m_poolId(std::move(poolId))
{
    setMaxPages(kMaxPages);
}

ApiCall *ListAllPoolDesktopsCall::createPage(int offset, int limit)
{
    return new ListPoolDesktopsPageCall(client(), m_poolId, offset, limit);
}

PagedListingCall::PageOutcome ListAllPoolDesktopsCall::takePage(ApiCall *page)
{
    PoolDesktopPage result = static_cast<ListPoolDesktopsPageCall *>(page)->takeResult();
    return keepNew(std::move(result.desktopIds), result.totalCount >= 0, result.totalCount, &m_desktopIds,
                   [](const QString &id) { return id; });
}
