#include "deletioncontroller.h"

#include "deletiondialog.h"
#include "desktoptablemodel.h"
#include "jobmodel.h"
#include "jobspanel.h"
#include "mainwindow.h"

#include "api/apiclient.h"
#include "api/requestsigner.h"
#include "deletion/auditlog.h"
#include "deletion/deletionrun.h"
#include "deletion/inflightregistry.h"
#include "deletion/jobjournal.h"
#include "deletion/recordsettlement.h"

#include <QApplication>
#include <QDir>
#include <QSet>
#include <QStandardPaths>
#include <QSystemTrayIcon>

#include <algorithm>
#include <utility>

namespace {
// Ids per look-up request: keeps the repeated desktop_id query well under URL length limits.
constexpr int kLookUpBatch = 50;
} // namespace

struct DeletionController::Store
{
    explicit Store(const QString &dataDir)
        : audit(AuditLog::defaultFilePath(dataDir))
        , journal(JobJournal::defaultFilePath(dataDir))
    {
    }
    AuditLog audit;
    JobJournal journal;
    QString loadError;
    SettlementReport settlement;
};

DeletionController::DeletionController(MainWindow *window, JobModel *model, JobsPanel *panel)
    : QObject(window)
    , m_window(window)
    , m_model(model)
    , m_panel(panel)
{
    connect(panel, &JobsPanel::retryFailedRequested, this, &DeletionController::retryFailed);
}

DeletionController::~DeletionController()
{
    // Runs go before the audit log and journal they write to.
    qDeleteAll(m_runs);
    m_runs.clear();
}

QString DeletionController::dataDir() const
{
    if (!m_connection.dataDir.isEmpty())
        return m_connection.dataDir;
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
}

int DeletionController::activeRunCount() const
{
    return int(std::count_if(m_runs.cbegin(), m_runs.cend(),
                             [](const DeletionRun *run) { return run->state() != DeletionRun::State::Finished; }));
}

DeletionController::Store *DeletionController::storeFor(const QString &dataDir)
{
    const QString key = QDir::cleanPath(dataDir);
    if (auto found = m_stores.constFind(key); found != m_stores.cend())
        return found->get();
    auto store = std::make_shared<Store>(key);
    if (!QDir().mkpath(key))
        store->loadError = tr("Cannot create the data directory %1.").arg(QDir::toNativeSeparators(key));
    else if (!store->journal.load())
        store->loadError = store->journal.lastError();
    // Before anything reads the record: intents left without an outcome and journal entries that
    // cannot be followed become "outcome unknown".
    store->settlement = RecordSettlement::settleAtStart(store->audit, store->journal);
    m_stores.insert(key, store);
    return store.get();
}

void DeletionController::setConnection(const ResolvedConnection &connection)
{
    m_connection = connection;
    m_connection.credentials.clear();
    // Runs of the previous connection talk through a client that is going away: stop following
    // them (their jobs stay in the journal) and pick the journal's jobs up again below.
    for (DeletionRun *run : std::as_const(m_runs)) {
        if (run->state() != DeletionRun::State::Finished)
            run->cancel();
    }
    if (m_dialog)
        m_dialog->reject();
    m_store = storeFor(dataDir());
    if (!m_store->loadError.isEmpty())
        Q_EMIT statusMessage(m_store->loadError);
    for (const QString &message : std::exchange(m_store->settlement.messages, {}))
        Q_EMIT statusMessage(message);
    resumeJournal();
}

void DeletionController::resumeJournal()
{
    ApiClient *client = m_window->client();
    if (!client || !m_store)
        return;
    const QList<JournalEntry> entries = m_store->journal.entriesForProject(m_connection.config.projectId);
    for (const JournalEntry &entry : entries) {
        DeletionRun *run = DeletionRun::resume(client, entry, &m_store->audit, &m_store->journal, this);
        addRun(run);
        run->start();
    }
    if (!entries.isEmpty()) {
        Q_EMIT statusMessage(tr("Following %Ln unfinished deletion job(s) from the last session.", nullptr,
                                int(entries.size())));
    }
    recoverUnknownIntents(client);
}

void DeletionController::recoverUnknownIntents(ApiClient *client)
{
    // Requests whose process died during the POST: their jobs may still be listed by the service.
    QList<RecordSettlement::OpenIntent> &intents = m_store->settlement.unknownIntents;
    for (const RecordSettlement::OpenIntent &intent : std::as_const(intents)) {
        if (intent.projectId != m_connection.config.projectId)
            continue;
        DeletionRun *run = DeletionRun::recover(client, intent, &m_store->audit, &m_store->journal, this);
        addRun(run);
        run->start();
    }
    intents.removeIf([this](const RecordSettlement::OpenIntent &intent) {
        return intent.projectId == m_connection.config.projectId;
    });
}

void DeletionController::requestDeletion(const QStringList &desktopIds, int leftOut)
{
    if (m_dialog && m_dialog->isVisible()) {
        // One confirmation at a time: a second request shows the open one.
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    if (!m_window->client() || !m_store)
        return;
    const QString projectId = m_connection.config.projectId;
    const QHash<QString, QString> pending = m_store->journal.pendingDesktopJobs(projectId);
    const DesktopTableModel *model = m_window->desktopModel();
    QList<Desktop> desktops;
    int inFlight = 0;
    QSet<QString> seen;
    for (const QString &id : desktopIds) {
        const int row = model->rowOf(id);
        if (row < 0 || seen.contains(id))
            continue;
        seen.insert(id);
        if (InFlightRegistry::instance().isClaimed(projectId, id) || pending.contains(id)) {
            ++inFlight;
            continue;
        }
        desktops.append(model->desktopAt(row));
    }
    QStringList notes;
    if (leftOut > 0) {
        notes << tr("%Ln selected desktop(s) are protected or already being deleted and are left out.", nullptr,
                    leftOut);
    }
    if (inFlight > 0)
        notes << tr("%Ln selected desktop(s) are being deleted by this app and are left out.", nullptr, inFlight);
    const QString note = notes.join(QLatin1Char(' '));
    if (desktops.isEmpty()) {
        Q_EMIT statusMessage(inFlight > 0 ? note : tr("None of the selected desktops can be deleted."));
        return;
    }
    openDialog(desktops, note);
}

void DeletionController::openDialog(const QList<Desktop> &desktops, const QString &note)
{
    auto *dialog = new DeletionDialog(desktops, m_window->client()->urlFor(QStringLiteral("desktops/batch-delete")),
                                      m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setNote(note);
    connect(dialog, &DeletionDialog::deletionConfirmed, this, &DeletionController::startDeletion);
    m_dialog = dialog;
    dialog->open();
    Q_EMIT dialogOpened(dialog);
}

void DeletionController::startDeletion(const DeletionPlan &plan)
{
    ApiClient *client = m_window->client();
    if (!client || !m_store || plan.isEmpty())
        return;
    DeletionContext context;
    context.profileName = m_connection.isDemo ? QStringLiteral("demo") : m_connection.profileName;
    context.projectId = m_connection.config.projectId;
    context.endpointHost = QString::fromLatin1(RequestSigner::hostHeader(m_connection.config.endpoint));
    auto *run = new DeletionRun(client, plan, context, &m_store->audit, &m_store->journal, this);
    addRun(run);
    run->start();
}

void DeletionController::addRun(DeletionRun *run)
{
    run->setChunkGapMs(m_chunkGapMs);
    run->setTrackerTiming(m_trackerTiming);
    m_runs.append(run);
    connect(run, &DeletionRun::finished, this, [this, run] { onRunFinished(run); });
    m_model->addRun(run);
    Q_EMIT runStarted(run);
}

void DeletionController::onRunFinished(DeletionRun *run)
{
    const DeletionResult &result = run->result();
    QSet<QString> deleted;
    for (const DesktopResult &row : result.rows()) {
        if (row.outcome == DeletionOutcome::Deleted)
            deleted.insert(row.desktopId);
    }
    m_window->desktopModel()->removeDesktops(deleted);
    if (run->postError().isAmbiguous()) {
        m_panel->setRunNote(run, tr("No usable answer came after the request was sent, so the server may "
                                    "have acted on it. Nothing was sent again; the table was refreshed to "
                                    "show which desktops are still there."));
    }
    // Deleted desktops disappear, failed ones show their current state, unknown ones are found.
    m_window->refresh();
    const QString summary = result.summaryText();
    Q_EMIT statusMessage(tr("Deletion finished: %1.").arg(summary));
    notify(tr("Deletion finished"), summary);
    Q_EMIT runFinished(run);
}

void DeletionController::notify(const QString &title, const QString &message)
{
    if (m_window->isActiveWindow())
        return;
    if (QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages()) {
        if (!m_trayIcon) {
            m_trayIcon = new QSystemTrayIcon(m_window->windowIcon(), this);
            m_trayIcon->setToolTip(tr("Workspace Admin"));
        }
        m_trayIcon->show();
        m_trayIcon->showMessage(title, message);
    } else {
        QApplication::alert(m_window);
    }
    Q_EMIT notified(title, message);
}

void DeletionController::retryFailed(DeletionRun *run)
{
    if (!run || m_retryLookUp || !m_window->client())
        return;
    m_retryIds = run->result().failedDesktopIds();
    m_retryOffset = 0;
    m_retryFound.clear();
    if (m_retryIds.isEmpty()) {
        Q_EMIT retryLookUpFinished(0);
        return;
    }
    Q_EMIT statusMessage(tr("Looking up %Ln failed desktop(s)…", nullptr, int(m_retryIds.size())));
    lookUpNextRetryBatch();
}

void DeletionController::lookUpNextRetryBatch()
{
    DesktopQuery query;
    query.desktopIds = m_retryIds.mid(m_retryOffset, kLookUpBatch);
    m_retryOffset += query.desktopIds.size();
    m_retryLookUp = new ListAllDesktopsCall(m_window->client(), query, this);
    connect(m_retryLookUp, &ListAllDesktopsCall::pageLoaded, this,
            [this](const QList<Desktop> &desktops) { m_retryFound += desktops; });
    connect(m_retryLookUp, &ListAllDesktopsCall::finished, this, &DeletionController::onRetryLookUpFinished);
    m_retryLookUp->start();
}

void DeletionController::onRetryLookUpFinished()
{
    ListAllDesktopsCall *call = m_retryLookUp;
    call->deleteLater();
    if (!call->succeeded()) {
        m_retryLookUp.clear();
        Q_EMIT statusMessage(tr("Looking up the failed desktops failed: %1").arg(call->error().summary()));
        Q_EMIT retryLookUpFinished(0);
        return;
    }
    if (m_retryOffset < m_retryIds.size()) {
        lookUpNextRetryBatch();
        return;
    }
    m_retryLookUp.clear();
    // Fresh state into the table, then offer what still exists and may be deleted, in the
    // order of the failed run.
    m_window->desktopModel()->upsertDesktops(m_retryFound);
    QHash<QString, Desktop> byId;
    for (const Desktop &desktop : std::as_const(m_retryFound))
        byId.insert(desktop.id, desktop);
    const DesktopTableModel *model = m_window->desktopModel();
    QList<Desktop> offered;
    for (const QString &id : std::as_const(m_retryIds)) {
        const auto found = byId.constFind(id);
        if (found == byId.cend() || found->isGone() || found->isBeingDeleted() || model->isProtectedDesktop(*found))
            continue;
        offered.append(*found);
    }
    const int gone = int(m_retryIds.size() - offered.size());
    if (offered.isEmpty()) {
        Q_EMIT statusMessage(tr("None of the failed desktops can be deleted again: they are gone or busy."));
        Q_EMIT retryLookUpFinished(0);
        return;
    }
    if (m_dialog)
        m_dialog->reject();
    openDialog(offered, gone > 0 ? tr("%Ln failed desktop(s) no longer exist or are busy and are left out.",
                                      nullptr, gone)
                                 : QString());
    Q_EMIT retryLookUpFinished(int(offered.size()));
}
