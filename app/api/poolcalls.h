#pragma once

#include "apicall.h"
#include "decommissionjson.h"
#include "pagedlistingcall.h"

#include <QStringList>

// The desktops of one pool (ListPoolDesktopsDetail): the documented way to learn which desktops a
// pool holds, since a desktop's details do not name its pool.

// GET desktop-pools/{pool_id}/desktops: one page.
class ListPoolDesktopsPageCall : public ApiCallOf<PoolDesktopPage>
{
    Q_OBJECT
public:
    static constexpr int kMaxLimit = 100;    // documented: 1–100
    static constexpr int kMaxOffset = 10000; // documented: 0–10000

    ListPoolDesktopsPageCall(ApiClient *client, QString poolId, int offset, int limit, QObject *parent = nullptr);

protected:
    QUrl url() const override;
    ApiError validate() const override;
    Parser parser() const override;

private:
    QString m_poolId;
    int m_offset;
    int m_limit;
};

// Every page of one pool's desktops, under PagedListingCall's rules, and never past the documented
// largest offset: a pool said to hold more stops there, incomplete.
class ListAllPoolDesktopsCall : public PagedListingCall
{
    Q_OBJECT
public:
    static constexpr int kMaxPages = ListPoolDesktopsPageCall::kMaxOffset / ListPoolDesktopsPageCall::kMaxLimit + 1;

    ListAllPoolDesktopsCall(ApiClient *client, QString poolId, QObject *parent = nullptr);
    const QString &poolId() const { return m_poolId; }
    const QStringList &desktopIds() const { return m_desktopIds; }

protected:
    ApiCall *createPage(int offset, int limit) override;
    PageOutcome takePage(ApiCall *page) override;

private:
    QString m_poolId;
    QStringList m_desktopIds;
};
