#include "mainwindow.h"

#include "aboutdialog.h"
#include "appicons.h"
#include "bannerpalette.h"
#include "changeactiondialog.h"
#include "closequestion.h"
#include "decommissionactions.h"
#include "duedeletionaction.h"
#include "decommission/retirementrun.h"
#include "deletioncontroller.h"
#include "desktopfilterproxy.h"
#include "desktoploader.h"
#include "desktopstatusbar.h"
#include "desktoptablemodel.h"
#include "errorbanner.h"
#include "idleoverviewchart.h"
#include "idleoverviewfilter.h"
#include "listingwarningbanner.h"
#include "jobmodel.h"
#include "jobspanel.h"
#include "noticelabel.h"
#include "profiledialog.h"
#include "desktopcolumnlayout.h"
#include "desktopfilterbar.h"
#include "desktopspage.h"
#include "tableheader.h"
#include "userguidedialog.h"
#include "welcomepage.h"

#include "api/apiclient.h"
#include "deletion/auditlog.h"
#include "api/endpoint.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSaveFile>
#include <QScreen>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QToolBar>
#include <QVBoxLayout>

namespace {
const char *const kSettingsGroup = "MainWindow";

// The region of a public endpoint (workspace.<region>.myhuaweicloud.com); any other endpoint (a
// private cloud, the simulator) is named by its host.
QString regionOf(const QUrl &endpoint)
{
    const QString host = endpoint.host();
    const QStringList labels = host.split(QLatin1Char('.'));
    if (labels.size() > 2 && labels.constFirst() == QLatin1String("workspace")
        && (Endpoint::knownRegions().contains(labels.at(1)) || host.contains(QLatin1String(".myhuaweicloud."))))
        return labels.at(1);
    return host;
}

// The connection's region as named (--region, the profile, the demo), else its endpoint's.
QString regionOf(const ResolvedConnection &connection)
{
    return connection.region.isEmpty() ? regionOf(connection.config.endpoint) : connection.region;
}

} // namespace

// The resources live in a static library: register them explicitly, outside any namespace.
static void initWorkspaceResources()
{
    Q_INIT_RESOURCE(resources);
}

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new DesktopTableModel(this))
    , m_loader(new DesktopLoader(m_model, this))
    , m_stack(new QStackedWidget(this))
    , m_welcome(new WelcomePage(m_stack))
    , m_page(new DesktopsPage(m_model, m_loader, m_stack))
{
    setObjectName(QStringLiteral("mainWindow"));
    initWorkspaceResources();
    // For checking the look on a dark desktop without one (screenshots, manual checks); before
    // anything below tints icons or banners with the palette.
    if (qEnvironmentVariableIntValue("WORKSPACE_ADMIN_DARK") == 1) {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(BannerPalette::darkPalette());
    }
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_page);
    m_stack->setCurrentWidget(m_page);
    setCentralWidget(m_stack);

    createActions();
    createToolBar();
    createStatusBar();
    createJobsPanel();

    connect(m_welcome, &WelcomePage::demoRequested, this, &MainWindow::demoRequested);
    connect(m_welcome, &WelcomePage::allRegionsDemoRequested, this, &MainWindow::allRegionsDemoRequested);
    connect(m_welcome, &WelcomePage::profileChosen, this, &MainWindow::profileChosen);
    connect(m_welcome, &WelcomePage::addConnectionRequested, this, [this] { openProfileDialog(); });
    connect(m_page->errorBanner(), &ErrorBanner::retryRequested, this, &MainWindow::refresh);
    connect(m_page->listingWarning(), &ListingWarningBanner::reloadRequested, this, &MainWindow::refresh);
    connect(m_loader, &DesktopLoader::loadingStarted, this, &MainWindow::onLoadingStarted);
    connect(m_loader, &DesktopLoader::progress, this, &MainWindow::onProgress);
    connect(m_loader, &DesktopLoader::loadingFinished, this, &MainWindow::onLoadingFinished);
    connect(m_loader, &DesktopLoader::usageLoadingStarted, this, [this] { onUsageProgress(0, -1); });
    connect(m_loader, &DesktopLoader::usageProgress, this, &MainWindow::onUsageProgress);
    connect(m_loader, &DesktopLoader::usageLoaded, this, &MainWindow::onUsageLoaded);
    connect(m_loader, &DesktopLoader::poolsLoaded, this, [this](const QList<DesktopPool> &pools, const ApiError &error) {
        if (!error.isError())
            m_deletion->setPools(pools);
        // Pools that may scale are not all known: said, never taken for none.
        QStringList problems = m_loader->poolProblems();
        if (error.isError() && error.kind != ApiError::Kind::Cancelled)
            problems.prepend(tr("The pools could not be listed: %1").arg(error.summary()));
        if (!problems.isEmpty())
            statusBar()->showMessage(tr("Pools incomplete: %1").arg(problems.join(QLatin1Char(' '))));
        // Every region's pools may end after its listing: a region whose pools failed joins the
        // banner, as one whose listing failed does.
        if (m_loader->isAllRegions() && !m_loader->isLoading() && error.kind != ApiError::Kind::Cancelled)
            m_page->listingWarning()->showWarnings(m_loader->warnings());
    });
    connect(m_page, &DesktopsPage::countsChanged, this, [this](int total, int shown, int selected) {
        m_statusBar->setCounts(total, shown, selected);
        updateActions();
        Q_EMIT selectionCountChanged(selected);
    });
    connect(m_page->view(), &QWidget::customContextMenuRequested, this, &MainWindow::showContextMenu);
    connect(m_page->view()->horizontalHeader(), &QWidget::customContextMenuRequested, this,
            &MainWindow::showHeaderMenu);

    // Keyboard order: find, the quick filters, then the table they narrow, then the Jobs panel.
    m_page->filterBar()->chainTabOrder(m_search, m_page->idleOverview());
    setTabOrder(m_page->idleOverview(), m_page->view());
    setTabOrder(m_page->view(), m_jobsPanel->treeView());
    m_search->installEventFilter(this);

    applyIcons();
    restoreLayout();
    updateTitle();
    m_page->updateCounts();
    updateActions();
}

MainWindow::~MainWindow() = default;

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape && !m_search->text().isEmpty()) {
        // Escape in a search field with text clears it (before Stop Loading, which Escape also is).
        event->accept();
        if (event->type() == QEvent::KeyPress)
            m_search->clear();
        return true;
    }
    return QMainWindow::eventFilter(watched, event);
}

bool MainWindow::event(QEvent *event)
{
    // The icons are drawn in the palette's text colour: redraw them when the desktop turns dark or light.
    if (event->type() == QEvent::ApplicationPaletteChange)
        applyIcons();
    return QMainWindow::event(event);
}

void MainWindow::createJobsPanel()
{
    m_jobModel = new JobModel(this);
    m_jobsPanel = new JobsPanel(m_jobModel, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_jobsPanel);
    m_jobsPanel->hide();
    QAction *toggle = m_jobsPanel->toggleViewAction();
    toggle->setText(tr("&Jobs Panel"));
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(toggle);
    // From the keyboard: into the panel (shown if hidden), and from it back to the table.
    auto *goToJobs = new QAction(tr("&Go to Jobs Panel"), this);
    goToJobs->setObjectName(QStringLiteral("goToJobsAction"));
    goToJobs->setShortcut(QKeySequence(tr("Ctrl+J")));
    connect(goToJobs, &QAction::triggered, this, [this] {
        QWidget *focus = QApplication::focusWidget();
        if (m_jobsPanel->isVisible() && focus && m_jobsPanel->isAncestorOf(focus)) {
            m_page->view()->setFocus(Qt::ShortcutFocusReason);
            return;
        }
        m_jobsPanel->show();
        m_jobsPanel->raise();
        m_jobsPanel->treeView()->setFocus(Qt::ShortcutFocusReason);
    });
    m_viewMenu->addAction(goToJobs);
    m_deletion = new DeletionController(m_jobModel, m_model, this, this);
    m_decommission->setController(m_deletion);
    m_deletion->setAccountProvider([this] { return m_loader->accountAccess(); });
    m_deleteDue->setController(m_deletion);
    m_closeQuestion = new CloseQuestion(m_deletion, this);
    connect(m_jobsPanel, &JobsPanel::retryFailedRequested, this, [this](DeletionRun *run) {
        lookUpForDeletion([this, run] { m_deletion->retryFailed(run); });
    });
    connect(m_deletion, &DeletionController::runNoteChanged, m_jobsPanel, &JobsPanel::setRunNote);
    // Every region's journal jobs are followed once the account's projects are listed.
    connect(m_deletion, &DeletionController::journalRunsResumed, this, [this](const QList<DeletionRun *> &runs) {
        m_jobsPanel->showResumedDeletions(runs, AuditLog::defaultFilePath(dataDirectory()));
    });
    connect(m_deletion, &DeletionController::refreshRequested, this, &MainWindow::refresh);
    connect(m_jobsPanel, &JobsPanel::statusMessage, this, [this](const QString &text) {
        statusBar()->showMessage(text, 10000);
    });
    connect(m_deletion, &DeletionController::runStarted, this, [this] {
        m_jobsPanel->show();
        m_closeQuestion->update();
        updateActions(); // Cancel Running Change
    });
    connect(m_deletion, &DeletionController::runFinished, this, [this] {
        m_closeQuestion->update();
        updateActions();
    });
    connect(m_deletion, &DeletionController::statusMessage, this, [this](const QString &text) {
        statusBar()->showMessage(text, 10000);
        if (m_lookUpStarting)
            m_lookUpMessage = text;
    });
    connect(m_deletion, &DeletionController::dialogOpened, this, &MainWindow::onDeletionDialogOpened);
    connect(m_deletion, &DeletionController::actionDialogOpened, this, &MainWindow::onActionDialogOpened);
    connect(m_deletion, &DeletionController::actionStarted, m_decommission,
            qOverload<ChangeRun *>(&DecommissionActions::follow));
    connect(m_deletion, &DeletionController::retirementStarted, m_decommission,
            qOverload<RetirementRun *>(&DecommissionActions::follow));
    connect(m_deletion, &DeletionController::retirementSettled, m_decommission,
            &DecommissionActions::showRetirementSettlement);
    // The look-up's "Looking up N desktops…" is over once it has ended: a dialog opened, or a
    // message of its own said why none did.
    connect(m_deletion, &DeletionController::preparationFinished, this, [this](int offered) {
        // With a dialog open, the dialog says the rest; without one, a message of the controller
        // may say why, which stays.
        if (offered > 0 || (!m_lookUpMessage.isEmpty() && statusBar()->currentMessage() == m_lookUpMessage))
            statusBar()->clearMessage();
        m_lookUpMessage.clear();
    });
}

void MainWindow::requestDeletion()
{
    const QStringList ids = selectedDeletableDesktopIds();
    if (ids.isEmpty()) {
        statusBar()->showMessage(tr("None of the selected desktops can be deleted: they are protected or "
                                    "already being deleted."),
                                 8000);
        return;
    }
    // The whole selection: the engine names each left-out desktop with its reason.
    if (m_deletion->isAcrossProjects()) {
        // Every region's table: one review and one run per project, each to its own endpoint.
        lookUpForDeletion([this] {
            m_deletion->requestSelectionAcrossProjects(ReviewedChange::Delete, m_page->selectedProjectDesktops());
        });
        return;
    }
    lookUpForDeletion([this] { m_deletion->requestDeletion(selectedDesktopIds()); });
}

void MainWindow::lookUpForDeletion(const std::function<void()> &start)
{
    // The message the look-up starts with is remembered, to be cleared when the look-up ends.
    m_lookUpStarting = true;
    start();
    m_lookUpStarting = false;
}

void MainWindow::setNetworkAccessManager(QNetworkAccessManager *network)
{
    m_network = network;
}

void MainWindow::connectTo(const ResolvedConnection &connection)
{
    m_loader->setClient(nullptr);
    m_page->errorBanner()->hide();
    m_page->listingWarning()->hide();
    if (m_client)
        m_client->deleteLater();
    const bool sameProject = m_connection.config.endpoint == connection.config.endpoint
        && m_connection.config.projectId == connection.config.projectId
        && m_connection.allRegions == connection.allRegions;
    m_connection = connection;
    m_connection.credentials.clear(); // the client keeps its own copy
    if (!m_network) {
        if (!m_ownNetwork)
            m_ownNetwork = new QNetworkAccessManager(this);
        m_network = m_ownNetwork;
    }
    m_client = new ApiClient(m_network, connection.config, connection.credentials, this);
    if (!sameProject)
        m_model->clear();
    m_model->setProtectedTags(connection.protectedTags);
    m_loader->setClient(m_client);
    m_loader->setAllRegions(connection.allRegions ? std::optional(connection.accountAccess(m_network))
                                                  : std::nullopt);
    m_page->setAllRegions(connection.allRegions);
    m_loader->setQuery({});
    updateServerFilterIndicator();
    m_stack->setCurrentWidget(m_page);
    m_toolBar->show();
    m_page->filterBar()->show();
    m_statusBar->setCountsVisible(true);
    updateTitle();
    updateActions();
    m_loader->load();
    const qsizetype runsBefore = m_deletion->runs().size();
    m_deletion->setConnection(m_connection, m_client);
    m_jobsPanel->showResumedDeletions(m_deletion->runs().mid(runsBefore), AuditLog::defaultFilePath(dataDirectory()));
    m_page->view()->setFocus();
}

QList<ProjectDesktop> MainWindow::selectedProjectDesktops() const
{
    return m_page->selectedProjectDesktops();
}

void MainWindow::setProfileNames(const QStringList &names)
{
    m_connectToMenu->clear();
    for (const QString &name : names) {
        QAction *action = m_connectToMenu->addAction(name);
        connect(action, &QAction::triggered, this, [this, name] { Q_EMIT profileChosen(name); });
    }
    m_connectToMenu->setEnabled(!names.isEmpty());
    m_welcome->setProfileNames(names);
}

void MainWindow::setDemoMode(bool demo)
{
    m_demoMode = demo;
    m_page->setDemoBannerVisible(demo);
    updateTitle();
}

void MainWindow::showWelcome()
{
    m_stack->setCurrentWidget(m_welcome);
    // Finding and counting mean nothing without a project.
    m_toolBar->hide();
    m_page->filterBar()->hide();
    m_statusBar->setCountsVisible(false);
    m_welcome->addConnectionButton()->setFocus();
    updateActions();
}

void MainWindow::openProfileDialog(const ConnectionProfile &profile, const Credentials &credentials)
{
    auto *dialog = new ProfileDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!profile.name.isEmpty())
        dialog->setProfile(profile, credentials);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        Q_EMIT connectionRequested(dialog->profile(), dialog->credentials());
    });
    dialog->open();
}

QString MainWindow::connectionLabel() const
{
    QString name = m_demoMode ? tr("Demo") : m_connection.profileName;
    if (name.isEmpty())
        name = m_connection.config.projectId;
    if (name.isEmpty())
        return {};
    const QString region =
        m_connection.allRegions ? tr("all regions", "connection name (all regions)") : regionOf(m_connection);
    return region.isEmpty() ? name : tr("%1 (%2)", "connection name (region)").arg(name, region);
}

void MainWindow::updateTitle()
{
    const QString connection = connectionLabel();
    QString title = connection.isEmpty() ? tr("Workspace Admin") : tr("Workspace Admin — %1").arg(connection);
    if (!serverFilterText().isEmpty())
        title = tr("%1 — filtered on the server", "window title").arg(title);
    setWindowTitle(title);
}

void MainWindow::refresh()
{
    if (!m_client)
        return;
    m_page->errorBanner()->hide();
    m_loader->load();
}

void MainWindow::cancelLoading()
{
    const bool listing = m_loader->isLoading();
    const bool usage = m_loader->isLoadingUsage();
    m_loader->cancel();
    m_loader->cancelUsage();
    // After the listing's own message, so that the one shown names everything that was stopped.
    if (usage) {
        statusBar()->showMessage(listing ? tr("Loading cancelled: the list and its usage statistics may be incomplete.")
                                         : tr("Loading usage statistics cancelled: the Idle and Used columns may "
                                              "show no data or an earlier period's."),
                                 8000);
    }
}

void MainWindow::copySelection(int column)
{
    const QStringList values = m_page->selectedValues(column);
    QApplication::clipboard()->setText(values.join(QLatin1Char('\n')));
    statusBar()->showMessage(tr("Copied %Ln value(s).", nullptr, int(values.size())), 4000);
}

void MainWindow::exportCsv(bool selectedOnly)
{
    auto *dialog = new QFileDialog(this, selectedOnly ? tr("Export Selected Desktops")
                                                      : tr("Export Shown Desktops"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(tr("CSV files (*.csv)"));
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->selectFile(QStringLiteral("desktops.csv"));
    connect(dialog, &QFileDialog::fileSelected, this, [this, selectedOnly](const QString &path) {
        QSaveFile file(path);
        if (file.open(QIODevice::WriteOnly) && file.write(m_page->csvForShown(selectedOnly)) >= 0 && file.commit()) {
            statusBar()->showMessage(tr("Exported to %1.").arg(QDir::toNativeSeparators(path)), 6000);
            return;
        }
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Export Failed"),
                                    tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()),
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    dialog->open();
}

void MainWindow::onDeletionDialogOpened(DeletionDialog *dialog)
{
    dialog->setTarget(m_demoMode ? tr("Demo") : m_connection.profileName, m_connection.config.projectId,
                      regionOf(m_connection));
}

void MainWindow::onActionDialogOpened(ChangeActionDialog *dialog)
{
    dialog->setTarget(m_demoMode ? tr("Demo") : m_connection.profileName, m_connection.config.projectId,
                      regionOf(m_connection));
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.beginGroup(QLatin1String(kSettingsGroup));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.setValue(QStringLiteral("header"), m_page->view()->horizontalHeader()->saveState());
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    settings.beginGroup(QLatin1String(kSettingsGroup));
    if (!restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray()))
    {
        // First start: as much of the screen as the table can use, short of covering it whole,
        // and never less than the filter bar and the decisive columns need.
        const QRect available = screen()->availableGeometry();
        resize(qBound(1200, available.width() - 40, 1500), qBound(720, available.height() - 40, 940));
    }
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    m_page->view()->horizontalHeader()->restoreState(settings.value(QStringLiteral("header")).toByteArray());
}

QString MainWindow::dataDirectory() const
{
    // The same place DeletionController keeps the audit log and the journal.
    if (!m_connection.dataDir.isEmpty())
        return m_connection.dataDir;
    return ConnectionOptions::defaultDataDir();
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(dataDirectory(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openUserGuide()
{
    // Inside the app: a desktop without a browser or a Markdown viewer shows it too.
    if (m_userGuide) {
        m_userGuide->raise();
        m_userGuide->activateWindow();
        return;
    }
    auto *dialog = new UserGuideDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_userGuide = dialog;
    dialog->show();
}

void MainWindow::showCredentialsSaved(const QString &profileName, bool persisted, const QString &error)
{
    if (persisted)
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Secret Key Not Saved"),
                                tr("The secret key of “%1” could not be saved in the system keychain.")
                                    .arg(profileName),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("credentialsNotSavedBox"));
    box->setInformativeText(
        (error.isEmpty() ? QString() : error + QLatin1String("\n\n"))
        + tr("The connection works for this session; at the next start you will be asked for the secret key again."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

QMessageBox *MainWindow::closeQuestion() const
{
    return m_closeQuestion->box();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_closeQuestion->allowsClose()) {
        event->ignore();
        return;
    }
    saveLayout();
    m_loader->cancel();
    QMainWindow::closeEvent(event);
}
