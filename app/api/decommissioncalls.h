#pragma once

#include "apicall.h"
#include "decommissionjson.h"

#include <QDateTime>
#include <QPointer>
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
class ListUsagePageCall : public ApiCall
{
    Q_OBJECT
public:
    static constexpr int kMaxLimit = 100;

    ListUsagePageCall(ApiClient *client, UsageQuery query, int offset, int limit, QObject *parent = nullptr);
    DesktopUsagePage takeResult() { return std::move(m_result); }

protected:
    QUrl url() const override;
    ApiError validate() const override;
    bool parseSuccess(const QByteArray &body, QString *error) override;

private:
    UsageQuery m_query;
    int m_offset;
    int m_limit;
    DesktopUsagePage m_result;
};

// GET desktop-pools: one page.
class ListPoolsPageCall : public ApiCall
{
    Q_OBJECT
public:
    static constexpr int kMaxLimit = 1000;

    ListPoolsPageCall(ApiClient *client, int offset, int limit, QObject *parent = nullptr);
    DesktopPoolPage takeResult() { return std::move(m_result); }

protected:
    QUrl url() const override;
    ApiError validate() const override;
    bool parseSuccess(const QByteArray &body, QString *error) override;

private:
    int m_offset;
    int m_limit;
    DesktopPoolPage m_result;
};

// Every page of an offset/limit listing, one page at a time, with bounds that hold whatever the
// server answers: it stops at the announced total, on an empty page, on a page that brings no
// entry not seen before, and after maxPages pages. An entry whose id came before is dropped and
// counted. A listing that stopped short of its total succeeds but is not complete, and says why:
// what it has is never to be taken for the whole.
class PagedListingCall : public QObject
{
    Q_OBJECT
public:
    void setPageSize(int pageSize) { m_pageSize = pageSize; }
    void setMaxPages(int maxPages) { m_maxPages = maxPages; }
    void start();
    void cancel();

    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_finished && !m_error.isError(); }
    const ApiError &error() const { return m_error; }
    bool isComplete() const { return succeeded() && m_incompleteReason.isEmpty(); }
    QString incompleteReason() const { return m_incompleteReason; }
    int loadedCount() const { return m_loaded; }
    int totalCount() const { return m_total; } // -1 while unknown
    int duplicateCount() const { return m_duplicates; }
    int pagesRequested() const { return m_pages; }

Q_SIGNALS:
    void progress(int loaded, int total);
    void retrying(int nextAttempt, int delayMs, const ApiError &error);
    void finished();

protected:
    struct PageOutcome
    {
        int received = 0; // entries on the page
        int admitted = 0; // of those, new ones
        int total = -1;   // the total the page announced, -1 when it did not
    };

    PagedListingCall(ApiClient *client, int pageSize, QObject *parent);
    ApiClient *client() const { return m_client; }
    virtual ApiCall *createPage(int offset, int limit) = 0;
    // Takes the finished page's entries, keeping those admit() lets in.
    virtual PageOutcome takePage(ApiCall *page) = 0;
    // Whether an entry with this id is new; records it.
    bool admit(const QString &id);

private:
    void requestPage();
    void onPageFinished();
    void stop(const QString &incompleteReason);
    void finish(const ApiError &error);

    QPointer<ApiClient> m_client;
    QPointer<ApiCall> m_page;
    QSet<QString> m_seen;
    QString m_incompleteReason;
    ApiError m_error;
    int m_pageSize;
    int m_maxPages = 2000;
    int m_offset = 0;
    int m_pages = 0;
    int m_loaded = 0;
    int m_total = -1;
    int m_duplicates = 0;
    bool m_started = false;
    bool m_finished = false;
};

// Usage statistics of every desktop in a period. A desktop missing from the result has no data.
class ListAllUsageCall : public PagedListingCall
{
    Q_OBJECT
public:
    ListAllUsageCall(ApiClient *client, UsageQuery query, QObject *parent = nullptr);
    const QList<DesktopUsage> &usage() const { return m_usage; }

protected:
    ApiCall *createPage(int offset, int limit) override;
    PageOutcome takePage(ApiCall *page) override;

private:
    UsageQuery m_query;
    QList<DesktopUsage> m_usage;
};

class ListAllPoolsCall : public PagedListingCall
{
    Q_OBJECT
public:
    explicit ListAllPoolsCall(ApiClient *client, QObject *parent = nullptr);
    const QList<DesktopPool> &pools() const { return m_pools; }

protected:
    ApiCall *createPage(int offset, int limit) override;
    PageOutcome takePage(ApiCall *page) override;

private:
    QList<DesktopPool> m_pools;
};

// A request about 1–100 desktops, each id given once; its answer carries no field.
class DesktopBatchCall : public ApiCall
{
    Q_OBJECT
public:
    static constexpr int kMaxDesktops = 100;

    const QStringList &desktopIds() const { return m_desktopIds; }
    QByteArray requestBody() const { return body(); }

protected:
    DesktopBatchCall(ApiClient *client, QByteArray method, QStringList desktopIds, QObject *parent);
    ApiError validate() const override;
    bool parseSuccess(const QByteArray &body, QString *error) override;

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

private:
    QString m_message;
};

// PUT desktop-pools/{pool_id} with enable_autoscale: turned off before a pool's desktops are
// deleted, so that the pool does not create new ones.
class UpdatePoolAutoscaleCall : public ApiCall
{
    Q_OBJECT
public:
    UpdatePoolAutoscaleCall(ApiClient *client, QString poolId, bool enableAutoscale, QObject *parent = nullptr);
    QByteArray requestBody() const { return body(); }

protected:
    QUrl url() const override;
    QByteArray body() const override;
    ApiError validate() const override;
    bool parseSuccess(const QByteArray &body, QString *error) override;

private:
    QString m_poolId;
    bool m_enableAutoscale;
};
