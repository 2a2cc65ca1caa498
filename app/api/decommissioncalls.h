#pragma once

#include "apicall.h"
#include "decommissionjson.h"
#include "pagedlistingcall.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

// The calls that prepare a decommissioning (see the spec's "Other calls"), one class per call,
// each finishing exactly once like every ApiCall. GETs are retried by ApiCall; the PUTs and the
// POST are sent once: after a lost answer their outcome is unknown and the caller re-lists.

// Filters and period of ListDesktopUsageMetric. The period is required and sent in UTC.
struct UsageQuery
{
    QDateTime startTime;
    QDateTime endTime;
    QString resourceName; // fuzzy match of the desktop name
    std::optional<int> minIdleDays;
    std::optional<int> maxIdleDays;
    std::optional<int> usageMinHours;
    std::optional<int> usageMaxHours;
    QString sortField; // desktop_usage | desktop_idle_duration
    QString sortType;  // ASC | DESC

    // The last `days` days up to `now`, the period the window offers by default.
    static UsageQuery lastDays(int days, const QDateTime &now);
    QUrlQuery toUrlQuery() const;
    ApiError validate() const;
};

// GET statistics/metrics/desktops: one page.
class ListUsagePageCall : public ApiCallOf<DesktopUsagePage>
{
    Q_OBJECT
public:
    static constexpr int kMaxLimit = 100;

    ListUsagePageCall(ApiClient *client, UsageQuery query, int offset, int limit, QObject *parent = nullptr);

protected:
    QUrl url() const override;
    ApiError validate() const override;
    Parser parser() const override;

private:
    UsageQuery m_query;
    int m_offset;
    int m_limit;
};

// GET desktop-pools: one page.
class ListPoolsPageCall : public ApiCallOf<DesktopPoolPage>
{
    Q_OBJECT
public:
    static constexpr int kMaxLimit = 1000;

    ListPoolsPageCall(ApiClient *client, int offset, int limit, QObject *parent = nullptr);

protected:
    QUrl url() const override;
    ApiError validate() const override;
    Parser parser() const override;

private:
    int m_offset;
    int m_limit;
};

// The listings below page one page at a time (PagedListingCall's rules hold for them as for the
// desktops): their pages are small and quick to read.
// Usage statistics of every desktop in a period. A desktop missing from the result has no data.
// The pages are asked for in an order (the query's, else most idle first), so that they do not
// shift under the listing. A desktop listed twice with the same values counts once; listed with
// different values it is a conflict: its usage is unknown (both metrics cleared), never the first
// or the last answer taken silently.
class ListAllUsageCall : public PagedListingCall
{
    Q_OBJECT
public:
    // 200,000 entries of about 250 bytes: far beyond a real project, well within memory.
    static constexpr qint64 kMaxBytes = 64LL * 1024 * 1024;

    ListAllUsageCall(ApiClient *client, UsageQuery query, QObject *parent = nullptr);
    const QList<DesktopUsage> &usage() const { return m_usage; }
    const UsageQuery &query() const { return m_query; }
    // The desktops listed with different values, in the order the conflicts came.
    const QStringList &conflictingIds() const { return m_conflictingIds; }
    // Desktops listed more than once (with the same values or not), and the entries that repeated one.
    int repeatedDesktopCount() const { return int(m_repeatedIds.size()); }

    QString incompletenessText() const override;
    QString countContradictionText() const override;
    // One translated sentence each, empty when there is nothing to say.
    QString duplicatesText() const;
    QString conflictsText() const;
    // What a listing that succeeded must tell whoever shows its result (the window's banner, the
    // CLI's warnings): incompleteness, contradicted count, conflicts, repeats; empty when all was well.
    QStringList warnings() const;

protected:
    ApiCall *createPage(int offset, int limit) override;
    PageOutcome takePage(ApiCall *page) override;
    QString deadlineText() const override;

private:
    UsageQuery m_query;
    int m_knowableIdleDays;
    QList<DesktopUsage> m_usage;
    QHash<QString, qsizetype> m_indexById;
    QSet<QString> m_repeatedIds;
    QStringList m_conflictingIds;
};

// The project's pools. A pool listed twice is kept once; listed with different autoscale settings
// its autoscale is unknown (and so taken to scale), never the first or the last answer taken.
// Paging stops at the documented largest offset (20,000).
class ListAllPoolsCall : public PagedListingCall
{
    Q_OBJECT
public:
    static constexpr int kMaxOffset = 20000;

    explicit ListAllPoolsCall(ApiClient *client, QObject *parent = nullptr);
    const QList<DesktopPool> &pools() const { return m_pools; }
    // The pools listed twice with different answers, in the order the conflicts came.
    const QStringList &conflictingIds() const { return m_conflictingIds; }

protected:
    ApiCall *createPage(int offset, int limit) override;
    PageOutcome takePage(ApiCall *page) override;

private:
    QList<DesktopPool> m_pools;
    QHash<QString, qsizetype> m_indexById;
    QStringList m_conflictingIds;
};

// A request about 1–100 desktops, each id given once; its answer carries no field.
class DesktopBatchCall : public ApiCallOf<NoResult>
{
    Q_OBJECT
public:
    static constexpr int kMaxDesktops = 100;

    const QStringList &desktopIds() const { return m_desktopIds; }
    QByteArray requestBody() const { return body(); }
    // Why these ids cannot make one request (1–100 usable ids, each once), or no error.
    static ApiError validateIds(const QStringList &desktopIds);

protected:
    DesktopBatchCall(ApiClient *client, QByteArray method, QStringList desktopIds, QObject *parent);
    ApiError validate() const override;
    Parser parser() const override;

private:
    QStringList m_desktopIds;
};

// PUT desktops/maintenance-mode: users cannot log in to a desktop in maintenance mode.
class SetMaintenanceModeCall : public DesktopBatchCall
{
    Q_OBJECT
public:
    SetMaintenanceModeCall(ApiClient *client, QStringList desktopIds, bool inMaintenanceMode,
                           QObject *parent = nullptr);
    bool inMaintenanceMode() const { return m_inMaintenanceMode; }

protected:
    QUrl url() const override;
    QByteArray body() const override;

private:
    bool m_inMaintenanceMode;
};

// POST desktops/logoff: logs the users of the desktops off, showing them the message.
class LogoffDesktopsCall : public DesktopBatchCall
{
    Q_OBJECT
public:
    LogoffDesktopsCall(ApiClient *client, QStringList desktopIds, QString message, QObject *parent = nullptr);

protected:
    QUrl url() const override;
    QByteArray body() const override;
    // The ids as every batch, and the message as DecommissionJson::logoffMessageProblem() says.
    ApiError validate() const override;

private:
    QString m_message;
};

// PUT desktop-pools/{pool_id} with enable_autoscale: turned off before a pool's desktops are
// deleted, so that the pool does not create new ones.
class UpdatePoolAutoscaleCall : public ApiCallOf<NoResult>
{
    Q_OBJECT
public:
    UpdatePoolAutoscaleCall(ApiClient *client, QString poolId, bool enableAutoscale, QObject *parent = nullptr);
    QByteArray requestBody() const { return body(); }

protected:
    QUrl url() const override;
    QByteArray body() const override;
    ApiError validate() const override;
    Parser parser() const override;

private:
    QString m_poolId;
    bool m_enableAutoscale;
};
