#pragma once

#include "api/apicalls.h"
#include "api/decommissionjson.h"
#include "deletion/changerun.h"
#include "deletion/deletionstore.h"
#include "deletiondialog.h"
#include "deletion/deletionpreparation.h"
#include "deletion/deletionrun.h"
#include "deletion/deletionplan.h"
#include "deletion/jobtracker.h"
#include "review/changepreparation.h"
#include "review/multiprojectchange.h"
#include "settings/connectionoptions.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>

class ApiClient;
class AuditLog;
class ChangeActionDialog;
class DeletionAfterAutoscaleOff;
class DeletionDialog;
class DeletionRun;
class DesktopTableModel;
class DueDeletionPreparation;
class JobJournal;
class JobModel;
class QDialog;
class QMessageBox;
class QSystemTrayIcon;
class RetirementRun;
class QWidget;
struct ProjectDesktop;

// Wires the changes into the window: runs the ChangePreparation on a selection (the same look-up,
// classification and review as the CLI's `delete`, `maintenance` and `logoff`), opens the
// confirmation dialog (one at a time) as a view of the review, starts a DeletionRun
// for what was confirmed, shows it in the jobs model, and at its end asks for a refresh of the
// table, reports the summary and notifies when the window is not active. Resumes the journal's
// unfinished jobs on connecting, and offers "Retry failed" through the same preparation.
// Knows no window: it is given the models it updates and the widget its dialogs belong to.
class DeletionController : public QObject
{
    Q_OBJECT
public:
    // `window` parents the confirmation dialogs, and while it is active no notification is shown.
    DeletionController(JobModel *jobs, DesktopTableModel *desktops, QWidget *window, QObject *parent = nullptr);
    ~DeletionController() override;

    // The window talks to a (new) project through `client` (not owned; null: not connected): its
    // data directory holds the audit log and the journal; unfinished jobs of the project are
    // resumed. With the account's access (setAccountProvider(), a connection to every region),
    // those of every project of the account that the journal and the unknown intents name are,
    // each through a client of its own project, once IAM has listed the account's projects
    // (journalRunsResumed()); those of a project the account does not have stay in the journal,
    // and a status message says so. The connection's credentials are not kept.
    void setConnection(const ResolvedConnection &connection, ApiClient *client);

    // Looks these desktops up and opens the dialog for those that may be deleted (asynchronous:
    // dialogOpened() or preparationFinished() follows); raises the open dialog instead if any. A
    // newer request replaces a preparation still looking up.
    void requestDeletion(const QStringList &desktopIds);
    // A change of desktops of several projects of the account (a table of every region): one
    // review and one run per project (MultiProjectChange), each request to its own project and
    // endpoint through `access`, confirmed in one dialog that groups them by region (the deletion
    // dialog, or the maintenance and log-off one). Each project's deletion joins the Jobs panel;
    // each project's maintenance or log-off run is announced by actionStarted(), one after the
    // other. `projects` are the account's, those of the desktops at least (deletioncontrolleracross.cpp).
    void requestAcrossProjects(ReviewedChange kind, const QList<ProjectDesktopId> &desktops,
                               const QList<WorkspaceProject> &projects, const AccountAccess &access,
                               const QString &logoffMessage = QString());
    // How the account's projects are reached while the window shows every region (nothing
    // otherwise), asked at each change: the controller keeps no copy of the keys.
    using AccountProvider = std::function<std::optional<AccountAccess>()>;
    void setAccountProvider(AccountProvider provider) { m_accountProvider = std::move(provider); }
    bool isAcrossProjects() const { return m_accountProvider && m_accountProvider().has_value(); }
    // requestAcrossProjects() for desktops of the table, each with its row's project.
    void requestSelectionAcrossProjects(ReviewedChange kind, const QList<ProjectDesktop> &selection,
                                        const QString &logoffMessage = QString());
    // Re-lists the failed desktops of the deletion the run belongs to (every part of it, when it
    // was resumed in parts) and offers those worth retrying in a new dialog that starts from the
    // run's options: not those gone, deleted by a later run or billed yearly/monthly; Force is
    // suggested for those that failed because they were in use.
    // A run of another project of the account (a connection to every region) is retried through
    // the change across projects, its desktops looked up in their own project.
    void retryFailed(DeletionRun *run);
    // Maintenance on or off, or log-off with a message: looks the desktops up afresh by id and
    // opens the confirmation of the review (actionDialogOpened(), or preparationFinished(0) with a
    // status message when nothing can be sent); once confirmed, the run starts (actionStarted()).
    void requestChange(ReviewedChange kind, const QStringList &desktopIds, const QString &logoffMessage = QString());
    // Delete Due Desktops: finds the project's retiring desktops that are due (listing, log-in
    // records, judgement: DueDeletionPreparation) and opens the deletion dialog on the review of the
    // due ones, the kept ones with their reasons above it; with none to delete, a message names
    // each kept one with its reason. dueDeletionStarted() hands the preparation over for progress
    // and Cancel; preparationFinished() follows.
    void requestDueDeletion();
    // The project's pools (from the loader): the dialog warns of those that may create new
    // desktops after a deletion and offers to turn their autoscale off first. Until the pools are
    // set nothing is said of them (nor sent): without the listing nothing is known of any pool.
    void setPools(const QList<DesktopPool> &pools)
    {
        m_pools = pools;
        m_poolsKnown = true;
    }
    const QList<DesktopPool> &pools() const { return m_pools; }
    // The review's maintenance or log-off: one recorded ChangeRun in the project's record (nullptr
    // when not connected or nothing is to be sent). The run is the controller's child;
    // actionFinished() follows it.
    ChangeRun *startAction(const ChangeReview &review);
    // The review's retirement or restore: one RetirementRun built from it (nullptr when not
    // connected or nothing is to be sent), the controller's child; retirementFinished() follows.
    RetirementRun *startRetirement(const ChangeReview &review);
    // The window's Cancel: every change of this controller sends nothing more (a request on the
    // wire is let finish, so that its outcome is known), and deletions stop following their jobs.
    void cancelRunningChanges();
    // Desktops whose earlier deletion has no known outcome: left out until re-listed.
    ChangePreparation *preparation() const { return m_preparation; }

    DeletionDialog *dialog() const { return m_dialog; }
    const QList<DeletionRun *> &runs() const { return m_runs; }
    // Runs still sending requests or following submitted jobs.
    int activeRunCount() const;
    JobModel *jobModel() const { return m_jobs; }

    // Shorter timings for tests and demos.
    void setChunkGapMs(int gapMs) { m_chunkGapMs = gapMs; }
    void setTrackerTiming(const JobTracker::Timing &timing) { m_trackerTiming = timing; }

Q_SIGNALS:
    void dialogOpened(DeletionDialog *dialog);
    void actionDialogOpened(ChangeActionDialog *dialog);
    void dueDeletionStarted(DueDeletionPreparation *preparation);
    // With nothing to delete, the message that says why.
    void dueDeletionMessageOpened(QMessageBox *message);
    void actionStarted(ChangeRun *run);
    void runStarted(DeletionRun *run);
    void actionFinished(ChangeRun *run);
    void retirementStarted(RetirementRun *run);
    void retirementFinished(RetirementRun *run);
    // A retirement or restore the app ended half-way was settled when its record was opened:
    // one message per run, its half-way desktops named.
    void retirementSettled(const QStringList &messages);
    void runFinished(DeletionRun *run);
    // The journal's jobs of the account's projects are followed (after setConnection(), once
    // the account's projects were listed): the runs that follow them, already in runs().
    void journalRunsResumed(const QList<DeletionRun *> &runs);
    // A preparation ended; `offered` desktops are in the new dialog (0: none opened).
    void preparationFinished(int offered);
    // Retry failed: the look-up ended; `offered` desktops are in the new dialog (0: none opened).
    void retryLookUpFinished(int offered);
    void notified(const QString &title, const QString &message);
    // A line for the status bar.
    void statusMessage(const QString &text);
    // A run ended: the table should be listed again (deleted desktops disappear, failed ones show
    // their current state, unknown ones are found).
    void refreshRequested();
    // An explanation to show beside the run in the Jobs panel.
    void runNoteChanged(DeletionRun *run, const QString &note);

private:
    // One confirmation at a time: a second request shows the open dialog (true) instead.
    static bool raiseIfOpen(QDialog *dialog);
    DeletionStorePtr storeFor(const QString &dataDir);
    // The project's record and its known pools, which every preparation reads.
    void addRecordTo(ChangePreparation::Request &request) const;
    void prepare(ChangePreparation::Request request, bool retry);
    void onPrepared(ChangePreparation *preparation, bool retry);
    DeletionDialog *openDialog(const ChangeReview &review);
    void onDuePrepared(DueDeletionPreparation *preparation);
    void showNothingDue(const DueDeletionPreparation &preparation);
    void openActionDialog(const ChangeReview &review);
    // A look-up's fresh state of its desktops into the table, in slices in later turns, unless a
    // listing begins first (it is fresher still); flushLookedUpRows() puts the rest in at once,
    // before a change starts, so that nothing older than the change lands on its rows afterwards.
    void refreshTableInSlices(QList<Desktop> desktops, int afterMs = 1);
    void showLookedUpRows(qsizetype maxRows);
    void flushLookedUpRows() { showLookedUpRows(m_lookedUpRows.size()); }
    // The desktops of the table whose user is one of these desktops' users.
    QList<Desktop> usersDesktops(const QList<Desktop> &desktops) const;
    // Once *Also delete users* is ticked: every desktop of the users in the project, since a
    // table filtered on the server or listed in part may not show a user's other desktop.
    void lookUpUsersDesktops(DeletionDialog *dialog, const QList<Desktop> &desktops);
    // Through DeletionAfterAutoscaleOff: the pools stop scaling first, or nothing is deleted.
    void startDeletion(const ChangeReview &review);
    void onPreparedAcrossProjects(MultiProjectChange *change, bool retry);
    void runAcrossProjects(MultiProjectChange *change);
    // Registered for Cancel, reported and announced (retirementStarted()) as every retirement is.
    void followRetirement(RetirementRun *run);
    // The same for maintenance and log-off runs (actionStarted()).
    void followAction(ChangeRun *run);
    // The autoscale run that goes before a deletion: registered for Cancel and reported.
    void followAutoscale(DeletionAfterAutoscaleOff *deletion);
    void reportAction(ChangeRun *run);
    DeletionContext deletionContext() const;
    void addRun(DeletionRun *run);
    void resumeJournal();
    void recoverUnknownIntents(ApiClient *client);
    // The account's side of the journal and of retries (deletioncontrollerjournal.cpp).
    using ProjectsListed = std::function<void(const QList<WorkspaceProject> &projects, const ApiError &error)>;
    // The account's projects as IAM lists them, once for a connection (`done` from the event
    // loop); not called when the connection changes first.
    void withAccountProjects(const AccountAccess &access, ProjectsListed done);
    void resumeAccountJournal(const AccountAccess &access);
    void followAccountJournal(const QList<WorkspaceProject> &projects, const AccountAccess &access);
    ApiClient *projectClient(const WorkspaceProject &project, const AccountAccess &access);
    void retryAcrossProjects(DeletionRun *run, const QStringList &ids, const QSet<QString> &deletedSince,
                             const AccountAccess &access);
    void prepareAcrossProjects(MultiProjectChange::Request request, const QList<WorkspaceProject> &projects,
                               const AccountAccess &access, bool retry);
    void onRunFinished(DeletionRun *run);
    void notify(const QString &title, const QString &message);
    QString dataDir() const;

    JobModel *m_jobs;
    DesktopTableModel *m_desktops;
    QPointer<QWidget> m_window;
    QPointer<ApiClient> m_client;
    ResolvedConnection m_connection;
    // One record per data directory, opened once; every run shares its ownership.
    QHash<QString, DeletionStorePtr> m_stores;
    DeletionStorePtr m_store;
    QPointer<DeletionDialog> m_dialog;
    QList<DeletionRun *> m_runs;
    QList<Desktop> m_lookedUpRows; // not yet in the table
    quint32 m_lookedUpDuringListing = 0; // the table's listing when they were looked up
    int m_chunkGapMs = 500;
    JobTracker::Timing m_trackerTiming;
    QSystemTrayIcon *m_trayIcon = nullptr;
    QPointer<ChangePreparation> m_preparation;
    QPointer<DueDeletionPreparation> m_duePreparation;
    QPointer<ChangeActionDialog> m_actionDialog;
    QList<DesktopPool> m_pools;
    bool m_poolsKnown = false;
    QList<QPointer<ChangeRun>> m_actionRuns; // for the window's Cancel
    QList<QPointer<RetirementRun>> m_retirementRuns; // for the window's Cancel
    QList<QPointer<MultiProjectChange>> m_acrossProjects; // running, for the window's Cancel
    AccountProvider m_accountProvider;
    // The account's projects of this connection, once listed; clients of those with journal jobs
    // or retries (children); a new connection drops both and ignores older answers.
    QList<WorkspaceProject> m_accountProjects;
    QHash<QString, QPointer<ApiClient>> m_projectClients;
    int m_connectionCount = 0;
};
