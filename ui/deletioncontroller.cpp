#include "deletioncontroller.h"

#include "decommission/deletionafterautoscaleoff.h"
#include "decommission/deletionimpact.h"
#include "decommission/retirementrun.h"
#include "decommission/retirementsettlement.h"
#include "decommission/usersdesktopslookup.h"
#include "deletion/laterturn.h"
#include "review/changereviewtext.h"
#include "review/duedeletionpreparation.h"
#include "review/reviewedretirement.h"

#include "changeactiondialog.h"
#include "deletiondialog.h"
#include "desktoptablemodel.h"
#include "jobmodel.h"

#include "api/apiclient.h"
#include "api/requestsigner.h"
#include "deletion/auditlog.h"
#include "deletion/deletionpreparation.h"
#include "deletion/deletionrun.h"
#include "deletion/jobjournal.h"
#include "deletion/journalfollower.h"
#include "deletion/deletionstore.h"
#include "deletion/recordsettlement.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QSet>
#include <QSystemTrayIcon>
#include <QWidget>

#include <algorithm>
#include <utility>

DeletionController::DeletionController(JobModel *jobs, DesktopTableModel *desktops, QWidget *window,
                                       QObject *parent)
    : QObject(parent)
    , m_jobs(jobs)
    , m_desktops(desktops)
    , m_window(window)
{
}

DeletionController::~DeletionController()
{
    // Before the models they are shown in; the record they write to is shared, so any order is safe.
    qDeleteAll(m_runs);
    m_runs.clear();
}

QString DeletionController::dataDir() const
{
    if (!m_connection.dataDir.isEmpty())
        return m_connection.dataDir;
    return ConnectionOptions::defaultDataDir();
}

int DeletionController::activeRunCount() const
{
    return int(std::count_if(m_runs.cbegin(), m_runs.cend(),
                             [](const DeletionRun *run) { return run->state() != DeletionRun::State::Finished; }));
}

DeletionStorePtr DeletionController::storeFor(const QString &dataDir)
{
    const QString key = QDir::cleanPath(dataDir);
    if (auto found = m_stores.constFind(key); found != m_stores.cend())
        return *found;
    DeletionStorePtr store = DeletionStore::openAnyway(key);
    m_stores.insert(key, store);
    // Once per record, after its requests' own settlement: a run of this process is never
    // taken for one that ended.
    const QStringList retirements = RetirementSettlement::settleAtStart(store->audit());
    if (!retirements.isEmpty())
        Q_EMIT retirementSettled(retirements);
    return store;
}

void DeletionController::setConnection(const ResolvedConnection &connection, ApiClient *client)
{
    m_client = client;
    m_connection = connection;
    ++m_connectionCount;
    m_accountProjects.clear();
    for (const QPointer<ApiClient> &projectClient : std::as_const(m_projectClients)) {
        if (projectClient)
            projectClient->deleteLater(); // after the runs cancelled below have let go of it
    }
    m_projectClients.clear();
    m_connection.credentials.clear();
    // Runs of the previous connection talk through a client that is going away: stop following
    // them (their jobs stay in the journal) and pick the journal's jobs up again below.
    for (DeletionRun *run : std::as_const(m_runs)) {
        if (run->state() != DeletionRun::State::Finished)
            run->cancel();
    }
    if (m_dialog)
        m_dialog->reject();
    if (m_preparation) {
        m_preparation->disconnect(this);
        m_preparation->cancel();
        m_preparation->deleteLater();
    }
    if (m_duePreparation)
        m_duePreparation->cancel(); // its finished() ends it
    m_store = storeFor(dataDir());
    if (!m_store->loadWarning.isEmpty())
        Q_EMIT statusMessage(m_store->loadWarning);
    for (const QString &message : std::exchange(m_store->settlement.messages, {}))
        Q_EMIT statusMessage(message);
    resumeJournal();
}

void DeletionController::resumeJournal()
{
    if (!m_client || !m_store)
        return;
    if (const std::optional<AccountAccess> access = m_accountProvider ? m_accountProvider() : std::nullopt) {
        resumeAccountJournal(*access);
        return;
    }
    const QList<DeletionRun *> resumed =
        JournalFollower::resumeRuns(m_client, m_store, m_connection.config.projectId, this);
    for (DeletionRun *run : resumed) {
        addRun(run);
        run->start();
    }
    if (!resumed.isEmpty()) {
        Q_EMIT statusMessage(tr("Following %Ln unfinished deletion job(s) from the last session.", nullptr,
                                int(resumed.size())));
    }
    recoverUnknownIntents(m_client);
}

void DeletionController::recoverUnknownIntents(ApiClient *client)
{
    // Requests whose process died during the POST: their jobs may still be listed by the service.
    QList<RecordSettlement::OpenIntent> &intents = m_store->settlement.unknownIntents;
    const QList<DeletionRun *> recovering =
        JournalFollower::recoverRuns(client, intents, m_store, m_connection.config.projectId, this);
    for (DeletionRun *run : recovering) {
        addRun(run);
        run->start();
    }
    intents.removeIf([this](const RecordSettlement::OpenIntent &intent) {
        return intent.projectId == m_connection.config.projectId;
    });
}

bool DeletionController::raiseIfOpen(QDialog *dialog)
{
    if (!dialog || !dialog->isVisible())
        return false;
    dialog->raise();
    dialog->activateWindow();
    return true;
}

void DeletionController::requestDeletion(const QStringList &desktopIds)
{
    if (raiseIfOpen(m_dialog))
        return;
    prepare(ChangePreparation::requestFor(ReviewedChange::Delete, desktopIds, m_connection), false);
}

void DeletionController::requestChange(ReviewedChange kind, const QStringList &desktopIds, const QString &logoffMessage)
{
    if (kind == ReviewedChange::Delete) {
        requestDeletion(desktopIds);
        return;
    }
    if (raiseIfOpen(m_actionDialog))
        return;
    ChangePreparation::Request request = ChangePreparation::requestFor(kind, desktopIds, m_connection);
    request.choices.logoffMessage = logoffMessage;
    prepare(request, false);
}

void DeletionController::addRecordTo(ChangePreparation::Request &request) const
{
    request.audit = &m_store->audit();
    request.inFlight = &m_store->inFlight();
    if (m_poolsKnown)
        request.knownPools = m_pools;
}

void DeletionController::prepare(ChangePreparation::Request request, bool retry)
{
    if (!m_client || !m_store)
        return;
    if (m_preparation) {
        m_preparation->disconnect(this);
        m_preparation->cancel();
        m_preparation->deleteLater();
    }
    addRecordTo(request);
    const int count = int(request.desktopIds.size());
    auto *preparation = new ChangePreparation(m_client, std::move(request), &m_store->journal(), this);
    m_preparation = preparation;
    connect(preparation, &ChangePreparation::finished, this,
            [this, preparation, retry] { onPrepared(preparation, retry); });
    Q_EMIT statusMessage(tr("Looking up %Ln desktop(s)…", nullptr, count));
    preparation->start();
}

void DeletionController::onPrepared(ChangePreparation *preparation, bool retry)
{
    preparation->deleteLater();
    if (m_preparation == preparation)
        m_preparation.clear();
    const auto done = [this, retry](int offered) {
        Q_EMIT preparationFinished(offered);
        if (retry)
            Q_EMIT retryLookUpFinished(offered);
    };
    if (!preparation->succeeded()) {
        if (!preparation->wasCancelled()) {
            Q_EMIT statusMessage(tr("Looking up the desktops failed; nothing was sent: %1")
                                     .arg(preparation->error().summary()));
        }
        done(0);
        return;
    }
    // The dialog opens and paints first (a frame later), the table's refresh follows.
    refreshTableInSlices(preparation->found(), 16);
    const ChangeReview &review = preparation->review();
    if (!preparation->poolsWarning().isEmpty())
        Q_EMIT statusMessage(preparation->poolsWarning());
    if (review.targetCount() == 0) {
        // Each desktop by name while they are few; by reason when they are many.
        const QStringList reasons = DeletionClassifier::describe(review.leftOut());
        const QString said = reasons.size() <= 5 ? reasons.join(QLatin1String("; "))
                                                 : ChangeReviewText::leftOutTally(review);
        Q_EMIT statusMessage(said.isEmpty() ? tr("None of the selected desktops can be changed.")
                                            : tr("None of the selected desktops can be changed: %1").arg(said));
        done(0);
        return;
    }
    if (review.isDeletion()) {
        if (m_dialog)
            m_dialog->reject();
        openDialog(review);
    } else {
        openActionDialog(review);
    }
    done(review.targetCount());
}

void DeletionController::refreshTableInSlices(QList<Desktop> desktops, int afterMs)
{
    // After the dialog has opened, and in slices with the window's own events in between: 10,000
    // rows take tens of milliseconds. A newer look-up replaces what an older one has not shown.
    m_lookedUpRows = std::move(desktops);
    m_lookedUpDuringListing = m_desktops->listingGeneration();
    if (!m_lookedUpRows.isEmpty())
        runInLaterTurn(this, [this] { showLookedUpRows(1000); }, afterMs);
}

void DeletionController::showLookedUpRows(qsizetype maxRows)
{
    if (m_lookedUpRows.isEmpty())
        return;
    if (m_desktops->listingGeneration() != m_lookedUpDuringListing) {
        m_lookedUpRows.clear(); // a listing began since: its rows are fresher
        return;
    }
    m_desktops->upsertDesktops(m_lookedUpRows.mid(0, maxRows));
    m_lookedUpRows.remove(0, std::min(maxRows, m_lookedUpRows.size()));
    if (!m_lookedUpRows.isEmpty())
        runInLaterTurn(this, [this] { showLookedUpRows(1000); });
}

QList<Desktop> DeletionController::usersDesktops(const QList<Desktop> &desktops) const
{
    const QStringList names = DeletionImpact::userNamesOf(desktops);
    const QSet<QString> users(names.cbegin(), names.cend());
    QList<Desktop> owned;
    if (users.isEmpty())
        return owned;
    // The rows' own fields: no Desktop is rebuilt for the other 100k rows.
    for (int row = 0; row < m_desktops->rowCount(); ++row) {
        const QStringList rowUsers = m_desktops->userNamesAt(row);
        if (std::any_of(rowUsers.cbegin(), rowUsers.cend(), [&users](const QString &user) { return users.contains(user); })) {
            Desktop desktop;
            desktop.id = m_desktops->idAt(row);
            desktop.userList = rowUsers; // a shared desktop's users, each keeping their user
            owned.append(desktop);
        }
    }
    return owned;
}

void DeletionController::lookUpUsersDesktops(DeletionDialog *dialog, const QList<Desktop> &desktops)
{
    const QStringList users = DeletionImpact::userNamesOf(desktops);
    if (users.isEmpty() || !m_client)
        return;
    // The dialog's child: closing the dialog ends the look-up.
    auto *lookUp = new UsersDesktopsLookUp(m_client, users, dialog);
    connect(lookUp, &UsersDesktopsLookUp::finished, dialog, [dialog, lookUp] {
        lookUp->deleteLater();
        if (lookUp->succeeded()) {
            // The project's answer, fresher than the table: a desktop gone since does not keep its user.
            dialog->setUsersDesktops(lookUp->desktops());
            dialog->setUsersLookUpState(DeletionDialog::UsersLookUpState::Complete);
        } else if (!lookUp->wasCancelled()) {
            dialog->setUsersLookUpState(DeletionDialog::UsersLookUpState::Failed, lookUp->failureText());
        }
    });
    const auto start = [dialog, lookUp] {
        if (lookUp->isFinished())
            return;
        dialog->setUsersLookUpState(DeletionDialog::UsersLookUpState::InProgress);
        lookUp->start();
    };
    if (dialog->deleteUsersBox()->isChecked())
        start();
    else
        connect(dialog->deleteUsersBox(), &QCheckBox::toggled, lookUp, [start](bool ticked) {
            if (ticked)
                start();
        });
}

DeletionDialog *DeletionController::openDialog(const ChangeReview &review)
{
    auto *dialog = new DeletionDialog(review, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QList<Desktop> targets = review.targets();
    connect(dialog, &DeletionDialog::usersDesktopsNeeded, this, [this, dialog, targets] {
        dialog->setUsersDesktops(usersDesktops(targets));
    });
    // The preparation has looked the users up already when the options asked for it (a retry).
    if (review.facts().usersListing != ChangeReview::UsersListing::Complete)
        lookUpUsersDesktops(dialog, targets);
    connect(dialog, &DeletionDialog::deletionConfirmed, this,
            [this, dialog](const DeletionPlan &) { startDeletion(dialog->review()); });
    m_dialog = dialog;
    dialog->open();
    Q_EMIT dialogOpened(dialog);
    return dialog;
}

void DeletionController::openActionDialog(const ChangeReview &review)
{
    if (m_actionDialog)
        m_actionDialog->reject();
    auto *dialog = new ChangeActionDialog(review, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ChangeActionDialog::confirmed, this,
            [this](const ChangeReview &confirmed) {
                if (confirmed.isRetirement())
                    startRetirement(confirmed);
                else
                    startAction(confirmed);
            });
    m_actionDialog = dialog;
    dialog->open();
    Q_EMIT actionDialogOpened(dialog);
}

DeletionContext DeletionController::deletionContext() const
{
    return ChangePreparation::contextFor(m_connection);
}

ChangeRun *DeletionController::startAction(const ChangeReview &review)
{
    const QList<ChangeTarget> targets = review.actionTargets();
    if (!m_client || !m_store || targets.isEmpty()) {
        Q_EMIT statusMessage(tr("Nothing was sent."));
        return nullptr;
    }
    auto *run = new ChangeRun(m_client, m_store, deletionContext(), review.changeKind(), targets, this);
    followAction(run);
    connect(run, &ChangeRun::finished, run, &QObject::deleteLater);
    run->start();
    return run;
}

RetirementRun *DeletionController::startRetirement(const ChangeReview &review)
{
    if (!m_client || !m_store || review.targetCount() == 0) {
        Q_EMIT statusMessage(tr("Nothing was sent."));
        return nullptr;
    }
    RetirementRun *run = retirementRunFor(m_client, m_store, deletionContext(), review, this);
    followRetirement(run);
    connect(run, &RetirementRun::finished, run, &QObject::deleteLater);
    run->start();
    return run;
}

void DeletionController::followRetirement(RetirementRun *run)
{
    flushLookedUpRows();
    m_retirementRuns.removeAll(nullptr);
    m_retirementRuns.append(run);
    connect(run, &RetirementRun::finished, this, [this, run] {
        Q_EMIT statusMessage(run->summary());
        Q_EMIT retirementFinished(run);
        Q_EMIT refreshRequested();
    });
    Q_EMIT retirementStarted(run);
}

void DeletionController::followAction(ChangeRun *run)
{
    flushLookedUpRows();
    m_actionRuns.removeAll(nullptr);
    m_actionRuns.append(run);
    connect(run, &ChangeRun::finished, this, [this, run] { reportAction(run); });
    Q_EMIT actionStarted(run);
}

void DeletionController::followAutoscale(DeletionAfterAutoscaleOff *deletion)
{
    if (ChangeRun *autoscale = deletion->autoscaleRun()) {
        m_actionRuns.removeAll(nullptr);
        m_actionRuns.append(autoscale);
    }
    connect(deletion, &DeletionAfterAutoscaleOff::autoscaleFinished, this, &DeletionController::reportAction);
}

void DeletionController::cancelRunningChanges()
{
    // A change across projects sends nothing to the projects after the one cancelled either.
    for (const QPointer<MultiProjectChange> &change : std::as_const(m_acrossProjects)) {
        if (change)
            change->cancel();
    }
    for (const QPointer<RetirementRun> &run : std::as_const(m_retirementRuns)) {
        if (run && !run->isFinished())
            run->cancel();
    }
    for (const QPointer<ChangeRun> &run : std::as_const(m_actionRuns)) {
        if (run && !run->isFinished())
            run->cancel();
    }
    for (DeletionRun *run : std::as_const(m_runs)) {
        if (run->state() != DeletionRun::State::Finished)
            run->cancel();
    }
}

void DeletionController::reportAction(ChangeRun *run)
{
    Q_EMIT statusMessage(run->summary());
    Q_EMIT actionFinished(run);
    Q_EMIT refreshRequested();
}

void DeletionController::startDeletion(const ChangeReview &review)
{
    const DeletionPlan plan = review.deletionPlan();
    if (!m_client || !m_store || plan.isEmpty())
        return;
    auto *deletion =
        new DeletionAfterAutoscaleOff(m_client, m_store, deletionContext(), plan, review.poolsToStop(), this);
    followAutoscale(deletion);
    connect(deletion, &DeletionAfterAutoscaleOff::deletionReady, this, [this, deletion](DeletionRun *run) {
        run->setParent(this);
        addRun(run);
        deletion->deleteLater();
    });
    connect(deletion, &DeletionAfterAutoscaleOff::notDeleted, this, [this, deletion](const QString &reason) {
        Q_EMIT statusMessage(reason);
        deletion->deleteLater();
    });
    deletion->start();
}

void DeletionController::addRun(DeletionRun *run)
{
    flushLookedUpRows();
    run->setChunkGapMs(m_chunkGapMs);
    run->setTrackerTiming(m_trackerTiming);
    m_runs.append(run);
    connect(run, &DeletionRun::finished, this, [this, run] { onRunFinished(run); });
    connect(run, &DeletionRun::chunkSubmitted, this, [this, run](int chunk) {
        m_desktops->markBeingDeleted(run->chunks().at(chunk).desktopIds);
    });
    m_jobs->addRun(run);
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
    m_desktops->removeDesktops(deleted);
    if (run->postError().isAmbiguous()) {
        Q_EMIT runNoteChanged(run, tr("No usable answer came after the request was sent, so the server may "
                                    "have acted on it. Nothing was sent again; the table was refreshed to "
                                    "show which desktops are still there."));
    }
    Q_EMIT refreshRequested();
    const QString summary = result.summaryText();
    Q_EMIT statusMessage(tr("Deletion finished: %1.").arg(summary));
    notify(tr("Deletion finished"), summary);
    Q_EMIT runFinished(run);
}

void DeletionController::notify(const QString &title, const QString &message)
{
    if (m_window && m_window->isActiveWindow())
        return;
    if (QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages()) {
        if (!m_trayIcon) {
            m_trayIcon = new QSystemTrayIcon(m_window ? m_window->windowIcon() : QIcon(), this);
            m_trayIcon->setToolTip(tr("Workspace Admin"));
        }
        m_trayIcon->show();
        m_trayIcon->showMessage(title, message);
    } else if (m_window) {
        QApplication::alert(m_window);
    }
    Q_EMIT notified(title, message);
}

void DeletionController::retryFailed(DeletionRun *run)
{
    if (!run || !m_client)
        return;
    const bool otherProject = run->context().projectId != m_connection.config.projectId;
    const std::optional<AccountAccess> access =
        otherProject && m_accountProvider ? m_accountProvider() : std::nullopt;
    if (otherProject && !access) {
        // Looked up through the connection's client, another project's desktops would be "not found".
        Q_EMIT statusMessage(tr("Retry Failed looks desktops up in the connection's own project; select the "
                                "failed desktops of %1 in the table and delete them again.")
                                 .arg(run->context().region.isEmpty() ? run->context().projectId
                                                                      : run->context().region));
        Q_EMIT retryLookUpFinished(0);
        return;
    }
    // Every part of the deletion: a deletion resumed in parts has one run per part, one run id.
    QStringList ids;
    QSet<QString> seen;
    QSet<QString> deletedSince;
    bool later = false;
    for (const DeletionRun *part : std::as_const(m_runs)) {
        const bool samePart = part == run || (!run->runId().isEmpty() && part->runId() == run->runId());
        if (samePart) {
            for (const QString &id : part->result().failedDesktopIds()) {
                if (!seen.contains(id)) {
                    seen.insert(id);
                    ids.append(id);
                }
            }
        } else if (later) {
            // A later run (a retry) may have deleted some of them since.
            for (const DesktopResult &row : part->result().rows()) {
                if (row.outcome == DeletionOutcome::Deleted)
                    deletedSince.insert(row.desktopId);
            }
        }
        later = later || part == run;
    }
    if (ids.isEmpty()) {
        Q_EMIT retryLookUpFinished(0);
        return;
    }
    if (otherProject) {
        retryAcrossProjects(run, ids, deletedSince, *access);
        return;
    }
    ChangePreparation::Request request = ChangePreparation::requestFor(ReviewedChange::Delete, ids, m_connection);
    // The retry starts from the run's options: what was asked then is asked again.
    request.choices.options = run->plan().options();
    request.retryWasForced = run->plan().options().forceDelete;
    request.alreadyDeleted = deletedSince;
    prepare(request, true);
}
