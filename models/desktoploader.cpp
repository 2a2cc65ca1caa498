#include "desktoploader.h"

#include "desktoptablemodel.h"

#include <algorithm>

DesktopLoader::DesktopLoader(DesktopTableModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    m_showTimer.setSingleShot(true);
    connect(&m_showTimer, &QTimer::timeout, this, [this] { showPendingPages(kMaxRowsPerTurn); });
}

DesktopLoader::~DesktopLoader()
{
    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
    }
    if (m_usageCall) {
        m_usageCall->disconnect(this);
        m_usageCall->cancel();
    }
    if (m_poolsCall) {
        m_poolsCall->disconnect(this);
        m_poolsCall->cancel();
    }
    stopAllRegions();
    stopAllRegionsUsage();
    stopAllRegionsPools();
}

void DesktopLoader::setClient(ApiClient *client)
{
    cancel();
    cancelUsage();
    m_client = client;
}

void DesktopLoader::beginLoad()
{
    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
        m_call->deleteLater();
        m_call = nullptr;
    }
    stopAllRegions();
    showPendingPages(); // what arrived stays shown, as with a cancelled load
    m_sinceShown.invalidate();
    if (m_model)
        m_model->beginListing();
    m_lastError = {};
    m_lastIncompleteness.clear();
    m_lastDuplicates.clear();
    m_lastCountContradiction.clear();
    m_regionProblems.clear();
}

void DesktopLoader::load()
{
    if (m_account) {
        loadAllRegions();
        return;
    }
    beginLoad();
    auto *call = new ListAllDesktopsCall(m_client, m_query, this);
    call->setPageSize(m_pageSize);
    m_call = call;
    connect(call, &ListAllDesktopsCall::pageLoaded, this, &DesktopLoader::onPageLoaded);
    whenFinished(call, this, [this](ListAllDesktopsCall *finished) { onFinished(finished); });
    Q_EMIT loadingStarted();
    Q_EMIT progress(0, -1);
    call->start();
}

void DesktopLoader::cancel()
{
    if (m_call)
        m_call->cancel(); // finished() follows with a Cancelled error
    if (m_regions)
        m_regions->cancel(); // the same, at once
    else if (m_regionsEnding)
        showPendingPages(); // every project had ended: the rest of their pages at once, then finished()
    if (m_poolsCall)
        m_poolsCall->cancel(); // the pools and their desktops: poolsLoaded() follows, Cancelled
    // A copy: the last look-up to end ends the whole load.
    const QList<QPointer<PoolMembershipLookUp>> poolCalls = m_regionPoolCalls;
    for (const QPointer<PoolMembershipLookUp> &call : poolCalls) {
        if (call)
            call->cancel(); // each project's finished() follows, Cancelled
    }
}

void DesktopLoader::onPageLoaded(const QList<Desktop> &desktops, int loaded, int total)
{
    queuePage(0, desktops, loaded, total);
}

void DesktopLoader::queuePage(int project, const QList<Desktop> &desktops, int loaded, int total)
{
    m_pendingPages.append({project, desktops});
    m_pendingLoaded = loaded;
    m_pendingTotal = total;
    if (!m_sinceShown.isValid() || m_sinceShown.elapsed() >= kShowIntervalMs)
        showPendingPages(kMaxRowsPerTurn);
    else if (!m_showTimer.isActive())
        m_showTimer.start(int(kShowIntervalMs - m_sinceShown.elapsed()));
}

void DesktopLoader::showPendingPages(int maxRows)
{
    m_showTimer.stop();
    if (m_pendingPages.isEmpty())
        return;
    int shown = 0;
    while (!m_pendingPages.isEmpty() && shown < maxRows) {
        const auto [project, page] = m_pendingPages.takeFirst();
        shown += int(page.size());
        if (m_model)
            m_model->upsertDesktops(page, project);
    }
    m_sinceShown.start();
    // Pages that arrive together (several projects at once) are shown over several turns, so that
    // the window goes on answering in between.
    if (!m_pendingPages.isEmpty())
        m_showTimer.start(0);
    Q_EMIT progress(m_pendingLoaded, m_pendingTotal);
    if (m_pendingPages.isEmpty())
        onEveryPageShown();
}

void DesktopLoader::onFinished(const ListAllDesktopsCall *call)
{
    m_call = nullptr;
    showPendingPages();
    m_lastError = call->error();
    m_lastIncompleteness = call->succeeded() ? call->incompletenessText() : QString();
    m_lastDuplicates = call->duplicatesText();
    m_lastCountContradiction = call->countContradictionText();
    if (call->isComplete() && m_model)
        m_model->removeUnlisted();
    Q_EMIT loadingFinished(m_lastError);
}

void DesktopLoader::fetchDesktop(const QString &desktopId)
{
    DesktopQuery query;
    query.desktopIds = {desktopId};
    ApiClient *client = clientForDesktop(desktopId, this);
    auto *call = new ListDesktopsPageCall(client, query, 0, 1, this);
    if (client != m_client)
        client->setParent(call); // the desktop's own project's, for this call alone
    call->setRawJson(WorkspaceJson::RawJson::Keep);
    whenFinished(call, this, [this, desktopId](const ListDesktopsPageCall *call) {
        ApiError error = call->error();
        Desktop desktop;
        if (!error.isError()) {
            const QList<Desktop> &found = call->result().desktops;
            const auto match = std::find_if(found.cbegin(), found.cend(),
                                            [&desktopId](const Desktop &d) { return d.id == desktopId; });
            if (match != found.cend()) {
                desktop = *match;
            } else {
                error.kind = ApiError::Kind::Http;
                error.httpStatus = 404;
                error.errorMessage = tr("The service no longer lists this desktop.");
            }
        }
        Q_EMIT desktopFetched(desktopId, desktop, error);
    });
    call->start();
}

void DesktopLoader::loadUsage(int days)
{
    if (m_account) {
        loadAllRegionsUsage(days);
        return;
    }
    if (m_usageCall) {
        // The previous period's answer is no longer wanted; its finished() is not waited for.
        m_usageCall->disconnect(this);
        m_usageCall->cancel();
        m_usageCall->deleteLater();
        m_usageCall = nullptr;
    }
    m_lastUsageWarnings.clear();
    auto *call = new ListAllUsageCall(m_client, UsageQuery::lastDays(days, m_now()), this);
    m_usageCall = call;
    connect(call, &PagedListingCall::progress, this, &DesktopLoader::usageProgress);
    whenFinished(call, this, [this](const ListAllUsageCall *finished) { onUsageFinished(finished); });
    Q_EMIT usageLoadingStarted(days);
    call->start();
}

void DesktopLoader::cancelUsage()
{
    if (m_usageCall)
        m_usageCall->cancel(); // finished() follows with a Cancelled error
    // A copy: a call may end within cancel(), and the last one ends the whole load.
    const QList<QPointer<ListAllUsageCall>> calls = m_regionUsageCalls.values();
    for (const QPointer<ListAllUsageCall> &call : calls) {
        if (call)
            call->cancel(); // each project's finished() follows with a Cancelled error
    }
}

void DesktopLoader::onUsageFinished(const ListAllUsageCall *call)
{
    m_usageCall = nullptr;
    m_lastUsageWarnings = call->warnings();
    // Even an incomplete answer is shown: a desktop it lacks says "No data", never 0.
    if (call->succeeded() && m_model)
        m_model->setUsage(call->usage());
    Q_EMIT usageLoaded(call->error());
}

QStringList DesktopLoader::warnings() const
{
    QStringList texts{m_lastIncompleteness, m_lastDuplicates, m_lastCountContradiction};
    texts += m_regionProblems;
    texts += m_lastUsageWarnings;
    texts += m_usageProblems;
    texts += m_regionPoolProblems;
    texts.removeAll(QString());
    return texts;
}

void DesktopLoader::loadPools()
{
    if (m_account) {
        loadAllRegionsPools();
        return;
    }
    if (m_poolsCall)
        return; // the pools change rarely: the listing in progress answers for this one too
    auto *lookUp = new PoolMembershipLookUp(m_client, {}, this);
    lookUp->setListEveryPool(true); // the whole table's pools
    m_poolsCall = lookUp;
    whenFinished(lookUp, this, [this](const PoolMembershipLookUp *lookUp) {
        m_poolsCall = nullptr;
        m_poolProblems = lookUp->problems();
        if (lookUp->succeeded()) {
            m_pools = lookUp->pools();
            if (m_model) {
                m_model->setPools(m_pools);
                m_model->setPoolMembership(lookUp->poolOfDesktop());
            }
        }
        Q_EMIT poolsLoaded(m_pools, lookUp->error());
    });
    lookUp->start();
}
