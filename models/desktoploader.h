#pragma once

#include "api/accountprojects.h"
#include "api/allregionslisting.h"
#include "api/apicalls.h"
#include "api/apiclient.h"
#include "api/apierror.h"
#include "api/decommissioncalls.h"
#include "decommission/poolmembership.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

class ApiClient;
class DesktopTableModel;

// Loads every page of desktops into a DesktopTableModel. Rows appear as pages arrive (upsert by
// id), the first page at once and later ones at most every kShowIntervalMs, several together: a
// fast listing brings a page every few milliseconds, and updating and repainting the table for
// each one would cost more than reading it. After a complete load, desktops the server no longer
// lists are removed. A cancelled, failed or incomplete load removes nothing, so what was shown
// stays shown.
//
// A connection to every region (setAllRegions()) lists every Workspace project of the account
// instead (AllRegionsListing, a few projects at a time), each project's rows under its own project
// in the model, and loads each project's usage statistics from its own endpoint. A project whose
// listing fails or does not add up is named with its error in warnings() and keeps its rows; the
// others are shown and refreshed all the same.
class DesktopLoader : public QObject
{
    Q_OBJECT
public:
    static constexpr int kShowIntervalMs = 100;
    // Rows shown in one turn of the event loop at most (whole pages: the page that crosses it is
    // shown whole); the rest follows in the next turns. One full page: with two at once, the GUI
    // thread went over 50 ms without answering while three regions listed (docs/PERFORMANCE.md).
    static constexpr int kMaxRowsPerTurn = 500;

    explicit DesktopLoader(DesktopTableModel *model, QObject *parent = nullptr);
    ~DesktopLoader() override;

    void setClient(ApiClient *client);
    ApiClient *client() const { return m_client; }
    // Every project of the account from now on (its keys and endpoints), or, without access, the
    // client's one project again. A load in progress is cancelled.
    void setAllRegions(std::optional<AccountAccess> access);
    bool isAllRegions() const { return m_account.has_value(); }
    // How every project is reached (its keys among them), in a connection to every region.
    const std::optional<AccountAccess> &accountAccess() const { return m_account; }
    void setQuery(const DesktopQuery &query) { m_query = query; }
    const DesktopQuery &query() const { return m_query; }
    void setPageSize(int pageSize) { m_pageSize = pageSize; }

    // Starts a (re)load; a load in progress is cancelled first.
    void load();
    void cancel();
    bool isLoading() const { return m_call != nullptr || m_regions != nullptr || m_regionsEnding; }
    // Asks the server for one desktop with every field it sends (the model keeps only the fields
    // it shows): for the details view. desktopFetched() follows, also on failure.
    void fetchDesktop(const QString &desktopId);
    const ApiError &lastError() const { return m_lastError; }
    // After a load that succeeded: whether the service's answers added up (see
    // ListAllDesktopsCall). An incomplete load removes no row, since a desktop missing from it
    // may well still exist.
    bool lastLoadComplete() const { return m_lastIncompleteness.isEmpty(); }
    // What the window warns about after a load, one sentence each; empty when all was well.
    const QString &lastIncompleteness() const { return m_lastIncompleteness; }
    const QString &lastDuplicates() const { return m_lastDuplicates; }
    // Every sentence the window's banner shows after the last listing and the last usage load:
    // incompleteness, repeats, a count the pages contradicted, the usage's own warnings.
    QStringList warnings() const;

    // Usage statistics of the last `days` days up to now (the clock is injectable), every page,
    // into the model; a usage load in progress is cancelled first. Independent of the listing:
    // the window starts it after each listing and when the period changes.
    void loadUsage(int days);
    void cancelUsage();
    bool isLoadingUsage() const { return m_usageCall != nullptr || !m_regionUsageCalls.isEmpty(); }
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }
    // The desktop pools and the desktops each holds (PoolMembershipLookUp), into the model (the
    // Pool column); poolsLoaded() follows. In a connection to every region, each project's pools
    // through its own client, a few projects at a time, once the listing knows the projects;
    // a project whose pools could not be listed is named in warnings(), its desktops stay.
    void loadPools();
    // Every project's pools, in a connection to every region (their ids may repeat).
    const QList<DesktopPool> &pools() const { return m_pools; }
    // Translated: why the pools or their desktops are not all known (empty when they are). In a
    // connection to every region, warnings() names these with their projects instead.
    const QStringList &poolProblems() const { return m_poolProblems; }

Q_SIGNALS:
    void loadingStarted();
    void progress(int loaded, int total);
    // error.isError() is false on success; kind Cancelled after cancel().
    void loadingFinished(const ApiError &error);
    // error.isError() is false on success; then desktop holds the server's answer (raw included).
    // A desktop the server no longer lists finishes with an error of kind Http and status 404.
    void desktopFetched(const QString &desktopId, const Desktop &desktop, const ApiError &error);
    void usageLoadingStarted(int days);
    void usageProgress(int loaded, int total);
    // error.isError() is false on success; kind Cancelled after cancelUsage() or a new period.
    void usageLoaded(const ApiError &error);
    void poolsLoaded(const QList<DesktopPool> &pools, const ApiError &error);

private:
    // Ends the listing in progress (its pages shown) and starts a new one in the model.
    void beginLoad();
    void onPageLoaded(const QList<Desktop> &desktops, int loaded, int total);
    void queuePage(int project, const QList<Desktop> &desktops, int loaded, int total);
    // Every page that arrived, or the first ones up to maxRows rows (the rest in a later turn).
    void showPendingPages(int maxRows = std::numeric_limits<int>::max());
    // The all-regions listing and usage (desktoploaderregions.cpp).
    void loadAllRegions();
    void stopAllRegions();
    void onRegionsListed();
    void onRegionFinished(int index);
    void onRegionsFinished();
    // The projects listed in full lose their unlisted rows, and an ended listing reports, once
    // every page that arrived is in the model.
    void onEveryPageShown();
    void finishAllRegions();
    void loadAllRegionsUsage(int days);
    void stopAllRegionsUsage();
    void onRegionUsageFinished(int project, const ListAllUsageCall *call);
    void onRegionUsageProgress();
    // A project queue's end is no longer awaited; it and its calls' clients go.
    void dropQueue(QPointer<ProjectQueue> &queue, std::vector<std::unique_ptr<ApiClient>> &clients);
    // Each project's call of one kind stopped without a word back to this loader, and forgotten.
    template<typename Calls> // a list or a hash of QPointer to calls
    void abandonCalls(Calls &calls)
    {
        for (const auto &call : std::as_const(calls)) {
            if (!call)
                continue;
            call->disconnect(this);
            call->cancel();
            call->deleteLater();
        }
        calls.clear();
    }
    // Every region's pools (desktoploaderpools.cpp).
    void loadAllRegionsPools();
    void stopAllRegionsPools();
    void onRegionPoolsFinished(int project, const PoolMembershipLookUp *lookUp);
    // The client of the desktop's project: in a connection to every region, a new one (its parent
    // `owner`) when the id is in one project; otherwise the connection's.
    ApiClient *clientForDesktop(const QString &desktopId, QObject *owner);
    // "cn-north-4 (project 0a1b…)"
    QString projectText(int project) const;
    // What a project's error says in the banner: the service's words and, for whoever asks its
    // support, the request's id.
    static QString errorText(const ApiError &error);
    void onFinished(const ListAllDesktopsCall *call);
    void onUsageFinished(const ListAllUsageCall *call);

    QPointer<DesktopTableModel> m_model;
    QPointer<ApiClient> m_client;
    DesktopQuery m_query;
    int m_pageSize = ListDesktopsPageCall::kMaxLimit;
    QPointer<ListAllDesktopsCall> m_call;
    ApiError m_lastError;
    QString m_lastIncompleteness;
    QString m_lastDuplicates;
    QString m_lastCountContradiction;
    QStringList m_lastUsageWarnings;
    QList<QPair<int, QList<Desktop>>> m_pendingPages; // arrived (project, page), not yet in the model
    int m_pendingLoaded = 0;
    int m_pendingTotal = -1;
    QPointer<ListAllUsageCall> m_usageCall;
    QPointer<PoolMembershipLookUp> m_poolsCall;
    QStringList m_poolProblems;
    QList<DesktopPool> m_pools;
    std::function<QDateTime()> m_now = [] { return QDateTime::currentDateTimeUtc(); };
    std::optional<AccountAccess> m_account;
    QPointer<AllRegionsListing> m_regions;
    QList<int> m_projectOfListing; // AllRegionsListing's index → the model's project
    int m_regionsLoaded = 0;
    QList<int> m_projectsListedInFull; // whose unlisted rows go once their pages are shown
    bool m_regionsEnding = false;      // every project ended; pages still being shown
    QStringList m_regionProblems;  // the listing's, one sentence per project
    QStringList m_usageProblems;   // the usage statistics', one sentence per project
    ApiError m_usageError;         // the first project's, when no project's statistics loaded
    int m_usageSucceeded = 0;
    std::vector<std::unique_ptr<ApiClient>> m_usageClients;
    QHash<int, QPointer<ListAllUsageCall>> m_regionUsageCalls; // by the model's project
    QHash<int, QPair<int, int>> m_regionUsageProgress;         // loaded, total
    QPointer<ProjectQueue> m_usageQueue;
    QPointer<ProjectQueue> m_poolsQueue;
    bool m_poolsAwaitProjects = false; // asked for while IAM had not yet listed the projects
    std::vector<std::unique_ptr<ApiClient>> m_poolClients;
    QList<QPointer<PoolMembershipLookUp>> m_regionPoolCalls;
    QList<DesktopPool> m_regionPools; // of the projects answered so far
    QStringList m_regionPoolProblems; // one sentence per project
    ApiError m_regionPoolsError;      // the first project's, when no project's pools were listed
    int m_regionPoolsSucceeded = 0;
    QTimer m_showTimer;
    QElapsedTimer m_sinceShown;
};
