#include "mainwindow.h"

#include "aboutdialog.h"
#include "appicons.h"
#include "bannerpalette.h"
#include "changeactiondialog.h"
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
#include "tableheader.h"
#include "userguidedialog.h"
#include "welcomepage.h"

#include "api/apiclient.h"
#include "deletion/auditlog.h"
#include "review/duedeletionpreparation.h"
#include "api/endpoint.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
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

} // namespace

// The resources live in a static library: register them explicitly, outside any namespace.
static void initWorkspaceResources()
{
    Q_INIT_RESOURCE(resources);
}

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new DesktopTableModel(this))
    , m_proxy(new DesktopFilterProxy(this))
    , m_loader(new DesktopLoader(m_model, this))
    , m_stack(new QStackedWidget(this))
    , m_welcome(new WelcomePage(m_stack))
    , m_tablePage(new QWidget(m_stack))
    , m_view(new QTableView(m_tablePage))
    , m_banner(new ErrorBanner(m_tablePage))
    , m_listingWarning(new ListingWarningBanner(m_tablePage))
    , m_demoBanner(new NoticeLabel(m_tablePage))
{
    setObjectName(QStringLiteral("mainWindow"));
    initWorkspaceResources();
    // For checking the look on a dark desktop without one (screenshots, manual checks); before
    // anything below tints icons or banners with the palette.
    if (qEnvironmentVariableIntValue("WORKSPACE_ADMIN_DARK") == 1) {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(BannerPalette::darkPalette());
    }
    m_proxy->setDesktopModel(m_model);

    m_view->setObjectName(QStringLiteral("desktopTable"));
    m_view->setAccessibleName(tr("Desktops"));
    m_view->setAccessibleDescription(tr("The desktops of the project. Enter opens the details, "
                                        "the Delete key deletes the selected desktops after a confirmation."));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(DesktopTableModel::NameColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    // Tab leaves the table for the next control: the arrow keys move between its cells.
    m_view->setTabKeyNavigation(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionsMovable(true);
    keepHeaderOutOfSelection(m_view);
    header->setStretchLastSection(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    applyDefaultDesktopColumns(m_view);

    m_emptyTableNote = new QLabel(m_view->viewport());
    m_emptyTableNote->setObjectName(QStringLiteral("emptyTableNote"));
    m_emptyTableNote->setAlignment(Qt::AlignCenter);
    m_emptyTableNote->setWordWrap(true);
    m_emptyTableNote->setEnabled(false); // drawn in the palette's placeholder colour
    m_emptyTableNote->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_emptyTableNote->hide();
    m_view->viewport()->installEventFilter(this);

    m_demoBanner->setObjectName(QStringLiteral("demoBanner"));
    m_demoBanner->setAccessibleName(tr("Demo mode"));
    m_demoBanner->setText(tr("<b>Demo mode</b> — a simulated project on this computer. Nothing you do "
                             "here touches a real cloud."));
    m_demoBanner->setContentsMargins(10, 6, 10, 6);
    m_demoBanner->hide();

    auto *layout = new QVBoxLayout(m_tablePage);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_demoBanner);
    layout->addWidget(m_banner);
    layout->addWidget(m_listingWarning);
    m_idleOverview = new IdleOverviewChart(m_tablePage);
    m_idleOverview->setObjectName(QStringLiteral("idleOverview"));
    m_idleOverview->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_idleOverview);
    layout->addWidget(m_view);
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_tablePage);
    m_stack->setCurrentWidget(m_tablePage);
    setCentralWidget(m_stack);

    createActions();
    createToolBar();
    createStatusBar();
    createJobsPanel();

    connect(m_welcome, &WelcomePage::demoRequested, this, &MainWindow::demoRequested);
    connect(m_welcome, &WelcomePage::profileChosen, this, &MainWindow::profileChosen);
    connect(m_welcome, &WelcomePage::addConnectionRequested, this, [this] { openProfileDialog(); });
    connect(m_banner, &ErrorBanner::retryRequested, this, &MainWindow::refresh);
    connect(m_listingWarning, &ListingWarningBanner::reloadRequested, this, &MainWindow::refresh);
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
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::scheduleCountUpdate);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::scheduleCountUpdate);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::scheduleCountUpdate);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::scheduleCountUpdate);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::scheduleCountUpdate);
    // Enter or a double click (per platform style) opens the details.
    connect(m_view, &QTableView::activated, this, &MainWindow::showDetails);
    connect(m_view, &QWidget::customContextMenuRequested, this, &MainWindow::showContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, &MainWindow::showHeaderMenu);

    // Keyboard order: find, the quick filters, then the table they narrow, then the Jobs panel.
    m_filterBar->chainTabOrder(m_search, m_idleOverview);
    setTabOrder(m_idleOverview, m_view);
    setTabOrder(m_view, m_jobsPanel->treeView());
    m_search->installEventFilter(this);
    m_view->installEventFilter(this);
    m_overviewFilter = new IdleOverviewFilter(m_idleOverview, m_filterBar->retirementFilter(), m_filterBar->idleFilter(),
                                              m_proxy, m_model, this);

    applyIcons();
    restoreLayout();
    updateTitle();
    updateCounts();
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
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        m_emptyTableNote->setGeometry(m_view->viewport()->rect());
    if (watched == m_view && event->type() == QEvent::FocusIn && !m_view->currentIndex().isValid()
        && m_proxy->rowCount() > 0) {
        // A table with focus but no current row shows nothing: the first row becomes current
        // (not selected), so the focus is visible and the arrow keys start there.
        m_view->selectionModel()->setCurrentIndex(m_proxy->index(0, 0), QItemSelectionModel::NoUpdate);
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
            m_view->setFocus(Qt::ShortcutFocusReason);
            return;
        }
        m_jobsPanel->show();
        m_jobsPanel->raise();
        m_jobsPanel->treeView()->setFocus(Qt::ShortcutFocusReason);
    });
    m_viewMenu->addAction(goToJobs);
    m_deletion = new DeletionController(m_jobModel, m_model, this, this);
    connect(m_jobsPanel, &JobsPanel::retryFailedRequested, this, [this](DeletionRun *run) {
        lookUpForDeletion([this, run] { m_deletion->retryFailed(run); });
    });
    connect(m_deletion, &DeletionController::runNoteChanged, m_jobsPanel, &JobsPanel::setRunNote);
    connect(m_deletion, &DeletionController::refreshRequested, this, &MainWindow::refresh);
    connect(m_jobsPanel, &JobsPanel::statusMessage, this, [this](const QString &text) {
        statusBar()->showMessage(text, 10000);
    });
    connect(m_deletion, &DeletionController::runStarted, this, [this] {
        m_jobsPanel->show();
        updateCloseQuestion();
        updateActions(); // Cancel Running Change
    });
    connect(m_deletion, &DeletionController::runFinished, this, [this] {
        updateCloseQuestion();
        updateActions();
    });
    connect(m_deletion, &DeletionController::statusMessage, this, [this](const QString &text) {
        statusBar()->showMessage(text, 10000);
        if (m_lookUpStarting)
            m_lookUpMessage = text;
    });
    connect(m_deletion, &DeletionController::dialogOpened, this, &MainWindow::onDeletionDialogOpened);
    connect(m_deletion, &DeletionController::actionDialogOpened, this, &MainWindow::onActionDialogOpened);
    connect(m_deletion, &DeletionController::actionStarted, this, &MainWindow::followAction);
    connect(m_deletion, &DeletionController::dueDeletionStarted, this, &MainWindow::showDueDeletionProgress);
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
    m_banner->hide();
    m_listingWarning->hide();
    if (m_client)
        m_client->deleteLater();
    const bool sameProject = m_connection.config.endpoint == connection.config.endpoint
        && m_connection.config.projectId == connection.config.projectId;
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
    m_loader->setQuery({});
    updateServerFilterIndicator();
    m_stack->setCurrentWidget(m_tablePage);
    m_toolBar->show();
    m_filterBar->show();
    m_statusBar->setCountsVisible(true);
    updateTitle();
    updateActions();
    m_loader->load();
    const qsizetype runsBefore = m_deletion->runs().size();
    m_deletion->setConnection(m_connection, m_client);
    m_jobsPanel->showResumedDeletions(m_deletion->runs().mid(runsBefore), AuditLog::defaultFilePath(dataDirectory()));
    m_view->setFocus();
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
    m_demoBanner->setVisible(demo);
    updateTitle();
}

void MainWindow::showWelcome()
{
    m_stack->setCurrentWidget(m_welcome);
    // Finding and counting mean nothing without a project.
    m_toolBar->hide();
    m_filterBar->hide();
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
    const QString region = regionOf(m_connection.config.endpoint);
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
    m_banner->hide();
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

void MainWindow::onDeletionDialogOpened(DeletionDialog *dialog)
{
    dialog->setTarget(m_demoMode ? tr("Demo") : m_connection.profileName, m_connection.config.projectId,
                      regionOf(m_connection.config.endpoint));
}

void MainWindow::onActionDialogOpened(ChangeActionDialog *dialog)
{
    dialog->setTarget(m_demoMode ? tr("Demo") : m_connection.profileName, m_connection.config.projectId,
                      regionOf(m_connection.config.endpoint));
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.beginGroup(QLatin1String(kSettingsGroup));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.setValue(QStringLiteral("header"), m_view->horizontalHeader()->saveState());
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    settings.beginGroup(QLatin1String(kSettingsGroup));
    if (!restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray()))
        resize(1200, 720);
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    m_view->horizontalHeader()->restoreState(settings.value(QStringLiteral("header")).toByteArray());
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
    return m_closeQuestion.data();
}

void MainWindow::updateCloseQuestion()
{
    // The question stays true while it is open: deletions end while the administrator reads it.
    if (!m_closeQuestion)
        return;
    const int active = m_deletion->activeRunCount();
    if (active == 0) {
        m_closeQuestion->setText(tr("Every deletion has finished."));
        m_closeQuestion->setInformativeText(tr("Nothing is being submitted or followed any more.\n\nQuit now?"));
        return;
    }
    m_closeQuestion->setText(tr("%Ln deletion(s) are still being submitted or followed.", nullptr, active));
    m_closeQuestion->setInformativeText(
        tr("Deletions already submitted stay in the journal: Workspace Admin follows them again on its "
           "next start with this connection. Requests not yet sent are not sent.\n\nQuit anyway?"));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    const int active = m_deletion->activeRunCount();
    if (active > 0 && !m_closeConfirmed) {
        // Ask without a nested event loop: the close waits for the answer, which closes again.
        event->ignore();
        if (m_closeQuestion) {
            m_closeQuestion->raise();
            m_closeQuestion->activateWindow();
            return;
        }
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Deletions Still Running"), QString(),
                                    QMessageBox::NoButton, this);
        box->setObjectName(QStringLiteral("closeQuestion"));
        m_closeQuestion = box;
        updateCloseQuestion();
        QPushButton *quit = box->addButton(tr("&Quit Anyway"), QMessageBox::DestructiveRole);
        quit->setObjectName(QStringLiteral("quitAnywayButton"));
        QPushButton *keep = box->addButton(tr("&Keep Open"), QMessageBox::RejectRole);
        keep->setObjectName(QStringLiteral("keepOpenButton"));
        box->setDefaultButton(keep);
        box->setEscapeButton(keep);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::finished, this, [this, box, quit] {
            if (box->clickedButton() != quit)
                return;
            m_closeConfirmed = true;
            // After the box has gone: closing from inside its own finished() would re-enter it.
            QTimer::singleShot(0, this, &QWidget::close);
        });
        box->open();
        return;
    }
    if (m_closeConfirmed) {
        // What was not sent yet is recorded as not sent, so that the next start shows it with its
        // deletion; submitted jobs stay in the journal, to be followed again.
        for (DeletionRun *run : m_deletion->runs()) {
            if (run->state() != DeletionRun::State::Finished)
                run->cancel();
        }
    }
    m_closeConfirmed = false; // a window shown again asks again
    saveLayout();
    m_loader->cancel();
    QMainWindow::closeEvent(event);
}
