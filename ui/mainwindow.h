#pragma once

#include "deletiondialog.h"
#include "desktopspage.h"

#include "api/apicalls.h"
#include "api/apierror.h"
#include "api/credentials.h"
#include "settings/connectionoptions.h"
#include "settings/connectionprofile.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>

class ApiClient;
class DecommissionActions;
class DueDeletionAction;
class DeletionController;
class ChangeActionDialog;
class CloseQuestion;
class DeletionDialog;
class DesktopStatusBar;
class DesktopFilterProxy;
class DesktopLoader;
class DesktopTableModel;
class JobModel;
class JobsPanel;
class QAction;
class QLineEdit;
class QMenu;
class QMessageBox;
class QNetworkAccessManager;
class QStackedWidget;
class QToolBar;
class WelcomePage;

// The desktops of one project (DesktopsPage: the table, its filters and the selection), with
// loading progress, finding and the actions on the selection, including deletion (confirmation
// dialog and the Jobs dock, through DeletionController).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Tests inject a fake network before connecting; by default the window owns a real one.
    void setNetworkAccessManager(QNetworkAccessManager *network);

    // Talks to the project of `connection` from now on and loads all its desktops.
    void connectTo(const ResolvedConnection &connection);
    void setDemoMode(bool demo);
    // The saved profiles offered under File › Connect To; choosing one emits profileChosen().
    void setProfileNames(const QStringList &names);
    bool isDemoMode() const { return m_demoMode; }
    void showWelcome();
    // Opens the (non-modal) profile dialog; on Save, connectionRequested() follows.
    void openProfileDialog(const ConnectionProfile &profile = {}, const Credentials &credentials = {});

    // The window's widgets have object names (desktopTable, searchField, statusFilter, deleteAction,
    // jobsPanel, …) by which tests and tools find them; its models and client are these.
    DesktopTableModel *desktopModel() const { return m_model; }
    DesktopFilterProxy *filterProxy() const { return m_page->proxy(); }
    DesktopLoader *loader() const { return m_loader; }
    ApiClient *client() const { return m_client; }
    DeletionController *deletionController() const { return m_deletion; }
    JobModel *jobModel() const { return m_jobModel; }

    // Where the audit log and the deletion journal of the current connection live.
    QString dataDirectory() const;
    void showAbout();
    void openUserGuide();

    // The selection, kept by the desktops page.
    QStringList selectedDesktopIds() const { return m_page->selectedDesktopIds(); }
    // The same desktops with their projects (a connection to every region has several).
    QList<ProjectDesktop> selectedProjectDesktops() const;
    QStringList selectedDeletableDesktopIds() const { return m_page->selectedDeletableDesktopIds(); }
    using SelectionChange = DesktopsPage::SelectionChange;
    int selectDesktopIds(const QStringList &ids, SelectionChange change = SelectionChange::Replace)
    {
        return m_page->selectDesktopIds(ids, change);
    }
    QStringList selectByIdsOrNames(const QStringList &lines, SelectionChange change = SelectionChange::Replace)
    {
        return m_page->selectByIdsOrNames(lines, change);
    }

    // The server-side filters of the listing; clearing them reloads everything.
    void setServerQuery(const DesktopQuery &query);
    void clearServerFilters();
    // "status ACTIVE, name dev" for the active server-side filters, empty when none.
    QString serverFilterText() const;
    // What the window acts on: the profile name (or "Demo") and the region or host.
    QString connectionLabel() const;

    // The answer of the keychain to a profile's Save (CredentialStore::writeFinished): when the
    // secret could not be stored, says so now rather than at the next start.
    void showCredentialsSaved(const QString &profileName, bool persisted, const QString &error);

    // The question asked when the window is closed while deletions run; null when none is open.
    QMessageBox *closeQuestion() const;

    // The status bar's counts, as of the last update (one per burst of changes).
    QString countText() const;
    QString progressText() const;
    // The status bar's usage statistics line, as plain text.
    QString usageText() const;
    // The whole error of the usage statistics' last load, shown in a message box; nothing if it did not fail.
    void showUsageError();
    bool isLoadingShown() const;
    // What the table says when it shows no row ("No desktops match…"); empty when it shows rows.
    QString emptyTableText() const { return m_page->emptyTableText(); }

    void refresh();
    void cancelLoading();
    // CSV of the shown rows (or only the selected ones), visible columns in their visual order.
    QByteArray csvForShown(bool selectedOnly) const { return m_page->csvForShown(selectedOnly); }

Q_SIGNALS:
    void demoRequested();
    void allRegionsDemoRequested();
    void connectionRequested(const ConnectionProfile &profile, const Credentials &credentials);
    void editConnectionRequested();
    void profileChosen(const QString &profileName);
    // A load ended; error.isError() is false when every page arrived.
    void desktopsLoaded(const ApiError &error);
    void selectionCountChanged(int count);

protected:
    void closeEvent(QCloseEvent *event) override;
    bool event(QEvent *event) override;

private:
    void createActions();
    void applyIcons();
    void createToolBar();
    void createStatusBar();
    void createJobsPanel();
    void requestDeletion();
    // Starts a look-up of desktops for a deletion (or a retry) through the controller.
    void lookUpForDeletion(const std::function<void()> &start);
    void updateTitle();
    void updateActions();
    void onLoadingStarted();
    void onProgress(int loaded, int total);
    void onLoadingFinished(const ApiError &error);
    void copySelection(int column);
    void exportCsv(bool selectedOnly);
    void updateServerFilterIndicator();
    void onDeletionDialogOpened(DeletionDialog *dialog);
    bool eventFilter(QObject *watched, QEvent *event) override;
    void openServerFilters();
    void showHeaderMenu(const QPoint &position);
    void showContextMenu(const QPoint &position);
    void onActionDialogOpened(ChangeActionDialog *dialog);
    // Usage statistics of the chosen period, after each listing and when the period changes.
    void loadUsage();
    void onUsageProgress(int loaded, int total);
    void onUsageLoaded(const ApiError &error);
    void saveLayout() const;
    void restoreLayout();

    DesktopTableModel *m_model;
    DesktopLoader *m_loader;
    QPointer<QNetworkAccessManager> m_network;
    QNetworkAccessManager *m_ownNetwork = nullptr;
    ApiClient *m_client = nullptr;
    ResolvedConnection m_connection;
    bool m_demoMode = false;

    QStackedWidget *m_stack;
    WelcomePage *m_welcome;
    DesktopsPage *m_page;
    QToolBar *m_toolBar = nullptr;
    QLineEdit *m_search = nullptr;
    DesktopStatusBar *m_statusBar = nullptr;

    QMenu *m_desktopsMenu = nullptr;
    QMenu *m_columnsMenu = nullptr;
    QMenu *m_connectToMenu = nullptr;
    QAction *m_newConnectionAction = nullptr;
    QAction *m_editConnectionAction = nullptr;
    QAction *m_exportShownAction = nullptr;
    QAction *m_exportSelectedAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_copyIdsAction = nullptr;
    QAction *m_copyNamesAction = nullptr;
    QAction *m_selectAllAction = nullptr;
    QAction *m_selectByIdsAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_cancelLoadAction = nullptr;
    QAction *m_serverFiltersAction = nullptr;
    QAction *m_detailsAction = nullptr;
    QAction *m_deleteAction = nullptr;
    DecommissionActions *m_decommission = nullptr;
    DueDeletionAction *m_deleteDue = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_userGuideAction = nullptr;

    JobModel *m_jobModel = nullptr;
    JobsPanel *m_jobsPanel = nullptr;
    DeletionController *m_deletion = nullptr;
    QMenu *m_viewMenu = nullptr;
    CloseQuestion *m_closeQuestion = nullptr;
    QPointer<QDialog> m_userGuide;
    // The status bar's "Looking up N desktops…" of the look-up under way, while it is.
    QString m_lookUpMessage;
    bool m_lookUpStarting = false;
};
