#include "mainwindow.h"

#include "aboutdialog.h"
#include "appicons.h"
#include "bannerpalette.h"
#include "deletioncontroller.h"
#include "desktopcsv.h"
#include "desktopdetailsdialog.h"
#include "desktopfilterproxy.h"
#include "desktoploader.h"
#include "desktoptablemodel.h"
#include "errorbanner.h"
#include "listingwarningbanner.h"
#include "jobmodel.h"
#include "jobspanel.h"
#include "noticelabel.h"
#include "profiledialog.h"
#include "selectbyidsdialog.h"
#include "serverfilterdialog.h"
#include "tableheader.h"
#include "welcomepage.h"

#include "api/apiclient.h"
#include "api/endpoint.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QFileDialog>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

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
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionsMovable(true);
    keepHeaderOutOfSelection(m_view);
    header->setStretchLastSection(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    const QList<QPair<int, int>> widths = {
        {DesktopTableModel::NameColumn, 160}, {DesktopTableModel::StatusColumn, 140},
        {DesktopTableModel::UserColumn, 110}, {DesktopTableModel::LoginStatusColumn, 110},
        {DesktopTableModel::IpColumn, 100}, {DesktopTableModel::TypeColumn, 90},
        {DesktopTableModel::BillingColumn, 100}, {DesktopTableModel::ZoneColumn, 120},
        {DesktopTableModel::CreatedColumn, 140}, {DesktopTableModel::TagsColumn, 150}};
    for (const auto &[column, width] : widths)
        header->resizeSection(column, width);
    header->setSectionHidden(DesktopTableModel::TypeColumn, true);
    header->setSectionHidden(DesktopTableModel::ZoneColumn, true);
    // The id next to the name and wide enough for a whole UUID: it is what tickets and the
    // console name desktops by, and it must be readable without scrolling.
    header->moveSection(header->visualIndex(DesktopTableModel::IdColumn), 1);
    header->resizeSection(DesktopTableModel::IdColumn,
                          m_view->fontMetrics().horizontalAdvance(
                              QStringLiteral("00000000-0000-0000-0000-000000000000"))
                              + 24);

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
    setTabOrder(m_search, m_statusFilter);
    setTabOrder(m_statusFilter, m_loginFilter);
    setTabOrder(m_loginFilter, m_billingFilter);
    setTabOrder(m_billingFilter, m_view);
    setTabOrder(m_view, m_jobsPanel->treeView());
    m_search->installEventFilter(this);
    m_view->installEventFilter(this);

    applyIcons();
    restoreLayout();
    updateTitle();
    updateCounts();
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::applyIcons()
{
    // The app's own lock rather than a theme's: it marks protected rows, a meaning themes lack.
    m_model->setProtectedIcon(AppIcons::icon(QStringLiteral("lock")));
    m_refreshAction->setIcon(AppIcons::icon(QStringLiteral("refresh"), QStringLiteral("view-refresh")));
    m_serverFiltersAction->setIcon(AppIcons::icon(QStringLiteral("filter"), QStringLiteral("view-filter")));
    const QIcon exportIcon = AppIcons::icon(QStringLiteral("export"), QStringLiteral("document-export"));
    m_exportShownAction->setIcon(exportIcon);
    m_exportSelectedAction->setIcon(exportIcon);
    m_detailsAction->setIcon(AppIcons::icon(QStringLiteral("details"), QStringLiteral("document-properties")));
    m_deleteAction->setIcon(AppIcons::icon(QStringLiteral("delete"), QStringLiteral("edit-delete")));
    m_aboutAction->setIcon(AppIcons::icon(QStringLiteral("about"), QStringLiteral("help-about")));
    m_jobsPanel->toggleViewAction()->setIcon(AppIcons::icon(QStringLiteral("jobs")));
}

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

void MainWindow::createActions()
{
    auto makeAction = [this](const QString &text, const QKeySequence &shortcut, auto slot) {
        auto *action = new QAction(text, this);
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_newConnectionAction = makeAction(tr("&New Connection…"), QKeySequence::New, [this] { openProfileDialog(); });
    m_editConnectionAction = makeAction(tr("&Edit Connection…"), QKeySequence(tr("Ctrl+E")),
                                        [this] { Q_EMIT editConnectionRequested(); });
    m_exportShownAction = makeAction(tr("E&xport Shown Rows…"), QKeySequence(tr("Ctrl+Shift+E")),
                                     [this] { exportCsv(false); });
    m_exportSelectedAction = makeAction(tr("Export &Selected Rows…"), QKeySequence::Save,
                                        [this] { exportCsv(true); });
    m_quitAction = makeAction(tr("&Quit"), QKeySequence::Quit, [this] { close(); });
    m_copyIdsAction = makeAction(tr("&Copy IDs"), QKeySequence::Copy,
                                 [this] { copySelection(DesktopTableModel::IdColumn); });
    m_copyNamesAction = makeAction(tr("Copy &Names"), QKeySequence(tr("Ctrl+Shift+C")),
                                   [this] { copySelection(DesktopTableModel::NameColumn); });
    m_selectAllAction = makeAction(tr("Select &All Shown"), QKeySequence::SelectAll,
                                   [this] { m_view->selectAll(); });
    m_selectByIdsAction = makeAction(tr("Select by &IDs or Names…"), QKeySequence(tr("Ctrl+I")),
                                     [this] { openSelectByIds(); });
    m_findAction = makeAction(tr("&Find…"), QKeySequence::Find, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    m_refreshAction = makeAction(tr("&Refresh"), QKeySequence::Refresh, [this] { refresh(); });
    m_cancelLoadAction = makeAction(tr("&Stop Loading"), QKeySequence(Qt::Key_Escape),
                                    [this] { cancelLoading(); });
    m_cancelLoadAction->setIcon(style()->standardIcon(QStyle::SP_BrowserStop));
    m_serverFiltersAction = makeAction(tr("Ser&ver-Side Filters…"), QKeySequence(tr("Ctrl+Shift+F")),
                                       [this] { openServerFilters(); });
    m_detailsAction = makeAction(tr("Desktop &Details…"), QKeySequence(tr("Ctrl+D")), [this] { showDetails(); });
    m_deleteAction = makeAction(tr("&Delete Desktops…"), QKeySequence::Delete, [this] { requestDeletion(); });
    m_deleteAction->setObjectName(QStringLiteral("deleteAction"));
    m_deleteAction->setToolTip(tr("Delete the selected desktops, after a confirmation"));
    m_aboutAction = makeAction(tr("&About Workspace Admin"), QKeySequence(), [this] { showAbout(); });
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_userGuideAction = makeAction(tr("&User Guide"), QKeySequence::HelpContents, [this] { openUserGuide(); });
    m_userGuideAction->setObjectName(QStringLiteral("userGuideAction"));
    m_userGuideAction->setIcon(QIcon::fromTheme(QStringLiteral("help-contents")));

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(m_newConnectionAction);
    fileMenu->addAction(m_editConnectionAction);
    m_connectToMenu = fileMenu->addMenu(tr("&Connect To"));
    m_connectToMenu->setEnabled(false);
    fileMenu->addSeparator();
    fileMenu->addAction(m_exportShownAction);
    fileMenu->addAction(m_exportSelectedAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_quitAction);

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    editMenu->addAction(m_copyIdsAction);
    editMenu->addAction(m_copyNamesAction);
    editMenu->addSeparator();
    editMenu->addAction(m_selectAllAction);
    editMenu->addAction(m_selectByIdsAction);
    editMenu->addSeparator();
    editMenu->addAction(m_findAction);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu = viewMenu;
    viewMenu->addAction(m_refreshAction);
    viewMenu->addAction(m_cancelLoadAction);
    viewMenu->addAction(m_serverFiltersAction);
    viewMenu->addSeparator();
    m_columnsMenu = viewMenu->addMenu(tr("&Columns"));
    connect(m_columnsMenu, &QMenu::aboutToShow, this, [this] {
        m_columnsMenu->clear();
        QHeaderView *header = m_view->horizontalHeader();
        for (int visual = 0; visual < header->count(); ++visual) {
            const int column = header->logicalIndex(visual);
            QAction *action = m_columnsMenu->addAction(
                m_model->headerData(column, Qt::Horizontal).toString());
            action->setCheckable(true);
            action->setChecked(!header->isSectionHidden(column));
            // The last visible column cannot be hidden: the table would have no way back.
            action->setEnabled(header->isSectionHidden(column) || header->hiddenSectionCount() < header->count() - 1);
            connect(action, &QAction::toggled, this, [header, column](bool shown) {
                header->setSectionHidden(column, !shown);
            });
        }
    });

    m_desktopsMenu = menuBar()->addMenu(tr("&Desktops"));
    m_desktopsMenu->addAction(m_detailsAction);
    m_desktopsMenu->addSeparator();
    m_desktopsMenu->addAction(m_deleteAction);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(m_userGuideAction);
    helpMenu->addSeparator();
    helpMenu->addAction(m_aboutAction);
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(tr("Main"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(m_refreshAction);
    m_toolBar->addSeparator();

    m_search = new QLineEdit(m_toolBar);
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setPlaceholderText(tr("Find by name, user, IP or ID (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Find desktops"));
    m_search->setAccessibleDescription(tr("Shows only the desktops whose name, user, IP address or ID "
                                          "contains this text"));
    m_search->setMinimumWidth(260);
    m_toolBar->addWidget(m_search);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &DesktopFilterProxy::setSearchText);

    auto makeFilter = [this](const QString &anyText, const QList<QPair<QString, QVariant>> &items) {
        auto *combo = new QComboBox(m_toolBar);
        combo->addItem(anyText, QVariant());
        for (const auto &[text, value] : items)
            combo->addItem(text, value);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        connect(combo, &QComboBox::currentIndexChanged, this, &MainWindow::applyQuickFilters);
        m_toolBar->addWidget(combo);
        return combo;
    };
    // Listed by their translated names, filtered by the API's value.
    auto status = [](const char *value) {
        const QString raw = QString::fromLatin1(value);
        return qMakePair(DesktopTableModel::statusDisplayName(raw), QVariant(raw));
    };
    // Every status the table shows, the transitional ones included.
    m_statusFilter = makeFilter(tr("All statuses"),
                                {status("ACTIVE"), status("SHUTOFF"), status("ERROR"), status("HIBERNATED"),
                                 status("STARTING"), status("STOPPING"), status("RESTARTING"),
                                 status("HIBERNATING"), status("AWAKENING")});
    m_statusFilter->setToolTip(tr("Show only desktops with this status"));
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilter->setAccessibleName(tr("Status filter"));
    m_statusFilter->setAccessibleDescription(m_statusFilter->toolTip());
    auto loginStatus = [](const char *value) {
        const QString raw = QString::fromLatin1(value);
        return qMakePair(loginStatusDisplayName(raw), QVariant(raw));
    };
    // The four documented login states.
    m_loginFilter = makeFilter(tr("All login states"), {loginStatus("CONNECTED"), loginStatus("DISCONNECTED"),
                                                        loginStatus("REGISTERED"), loginStatus("UNREGISTER")});
    m_loginFilter->setToolTip(tr("Show only desktops with this login status"));
    m_loginFilter->setObjectName(QStringLiteral("loginFilter"));
    m_loginFilter->setAccessibleName(tr("Login status filter"));
    m_loginFilter->setAccessibleDescription(m_loginFilter->toolTip());
    m_billingFilter = makeFilter(
        tr("All billing modes"),
        {qMakePair(DesktopTableModel::billingModeText(BillingMode::PayPerUse), QVariant(int(BillingMode::PayPerUse))),
         qMakePair(DesktopTableModel::billingModeText(BillingMode::YearlyMonthly),
                   QVariant(int(BillingMode::YearlyMonthly))),
         qMakePair(DesktopTableModel::billingModeText(BillingMode::Unknown), QVariant(int(BillingMode::Unknown)))});
    m_billingFilter->setToolTip(tr("Show only desktops with this billing mode"));
    m_billingFilter->setObjectName(QStringLiteral("billingFilter"));
    m_billingFilter->setAccessibleName(tr("Billing mode filter"));
    m_billingFilter->setAccessibleDescription(m_billingFilter->toolTip());

    m_toolBar->addSeparator();
    m_toolBar->addAction(m_detailsAction);
    m_toolBar->addAction(m_deleteAction);

    // Tool buttons show the icon text, which Qt derives from the menu text: in translations whose
    // mnemonics are appended, as in "刷新(&R)", that would show "刷新(R)". Short texts of their own.
    m_refreshAction->setIconText(tr("Refresh", "toolbar button"));
    m_detailsAction->setIconText(tr("Details", "toolbar button"));
    m_deleteAction->setIconText(tr("Delete", "toolbar button"));
}

void MainWindow::createStatusBar()
{
    m_countLabel = new QLabel(statusBar());
    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    m_progressLabel = new QLabel(statusBar());
    m_progressBar = new QProgressBar(statusBar());
    m_progressBar->setMaximumWidth(200);
    m_progressBar->setTextVisible(false);
    m_progressBar->setAccessibleName(tr("Loading progress"));
    m_countLabel->setAccessibleName(tr("Desktop counts"));
    m_serverFilterLabel = new QLabel(statusBar());
    m_serverFilterLabel->setObjectName(QStringLiteral("serverFilterLabel"));
    m_serverFilterLabel->setAccessibleName(tr("Server-side filter"));
    m_serverFilterLabel->hide();
    m_clearServerFilterButton = new QPushButton(tr("Clear Filter"), statusBar());
    m_clearServerFilterButton->setObjectName(QStringLiteral("clearServerFilterButton"));
    m_clearServerFilterButton->setToolTip(tr("Removes the server-side filters and loads every desktop"));
    m_clearServerFilterButton->setFlat(true);
    m_clearServerFilterButton->hide();
    connect(m_clearServerFilterButton, &QPushButton::clicked, this, &MainWindow::clearServerFilters);
    m_cancelButton = new QPushButton(tr("Cancel"), statusBar());
    m_cancelButton->setObjectName(QStringLiteral("cancelLoadingButton"));
    m_cancelButton->setFocusPolicy(Qt::NoFocus);
    // Not in the tab chain (the loading must not steal focus); Esc and View › Stop Loading reach it.
    m_cancelButton->setAccessibleDescription(tr("Stops loading the desktops; the list may stay incomplete"));
    connect(m_cancelButton, &QPushButton::clicked, this, &MainWindow::cancelLoading);
    // Permanent widgets: a temporary message takes the left part of the bar and is never drawn
    // over the counts (a normal widget hidden for a message comes back on top of it when the
    // message arrived before the window was shown).
    statusBar()->addPermanentWidget(m_serverFilterLabel);
    statusBar()->addPermanentWidget(m_clearServerFilterButton);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_progressLabel);
    statusBar()->addPermanentWidget(m_progressBar);
    statusBar()->addPermanentWidget(m_cancelButton);
    m_progressLabel->hide();
    m_progressBar->hide();
    m_cancelButton->hide();
}

void MainWindow::createJobsPanel()
{
    m_jobModel = new JobModel(this);
    m_jobsPanel = new JobsPanel(m_jobModel, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_jobsPanel);
    m_jobsPanel->hide();
    QAction *toggle = m_jobsPanel->toggleViewAction();
    toggle->setText(tr("&Jobs Panel"));
    toggle->setShortcut(QKeySequence(tr("Ctrl+J")));
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(toggle);
    m_deletion = new DeletionController(m_jobModel, m_model, this, this);
    connect(m_jobsPanel, &JobsPanel::retryFailedRequested, m_deletion, &DeletionController::retryFailed);
    connect(m_deletion, &DeletionController::runNoteChanged, m_jobsPanel, &JobsPanel::setRunNote);
    connect(m_deletion, &DeletionController::refreshRequested, this, &MainWindow::refresh);
    connect(m_deletion, &DeletionController::runStarted, this, [this] { m_jobsPanel->show(); });
    connect(m_deletion, &DeletionController::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(m_deletion, &DeletionController::dialogOpened, this, &MainWindow::onDeletionDialogOpened);
    // The look-up's "Looking up N failed desktops…" is over once its dialog is open (the cases
    // that open none say so with a message of their own).
    connect(m_deletion, &DeletionController::retryLookUpFinished, this, [this](int offered) {
        if (offered > 0)
            statusBar()->clearMessage();
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
    m_deletion->requestDeletion(selectedDesktopIds());
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
    m_countLabel->show();
    updateTitle();
    updateActions();
    m_loader->load();
    m_deletion->setConnection(m_connection, m_client);
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
    m_countLabel->hide();
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

void MainWindow::updateActions()
{
    const bool connected = m_client != nullptr && m_stack->currentWidget() == m_tablePage;
    const bool loading = m_loader->isLoading();
    m_refreshAction->setEnabled(connected);
    m_cancelLoadAction->setEnabled(loading);
    m_serverFiltersAction->setEnabled(connected);
    m_editConnectionAction->setEnabled(connected && !m_demoMode && !m_connection.profileName.isEmpty());
    const bool hasSelection = m_selectedCount > 0;
    m_copyIdsAction->setEnabled(hasSelection);
    m_copyNamesAction->setEnabled(hasSelection);
    m_exportSelectedAction->setEnabled(hasSelection);
    // The details are of a selected desktop: with none selected the current row may be hidden
    // from view or meant as nothing.
    m_detailsAction->setEnabled(hasSelection);
    m_deleteAction->setEnabled(connected && hasSelection);
}

void MainWindow::scheduleCountUpdate()
{
    // Selection and row changes arrive in bursts while pages load: count once per burst.
    if (m_countUpdateScheduled)
        return;
    m_countUpdateScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_countUpdateScheduled = false;
        updateCounts();
    });
}

void MainWindow::updateCounts()
{
    // Once per burst of changes, from the selection's ranges: selectedRows() would ask every cell
    // of a large selection for its flags.
    m_selectedCount = m_proxy->selectableRowCountIn(m_view->selectionModel()->selection());
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    m_countLabel->setText(tr("%1 · %2 · %3", "status bar: desktops · shown · selected")
                              .arg(tr("%Ln desktop(s)", "status bar", total),
                                   tr("%Ln shown", "status bar: desktops shown", shown),
                                   tr("%Ln selected", "status bar: desktops selected", m_selectedCount)));
    updateActions();
    Q_EMIT selectionCountChanged(m_selectedCount);
}

QString MainWindow::countText() const
{
    return m_countLabel->text();
}

QString MainWindow::progressText() const
{
    return m_progressLabel->isVisible() || isLoadingShown() ? m_progressLabel->text() : QString();
}

bool MainWindow::isLoadingShown() const
{
    return !m_progressBar->isHidden();
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
    m_loader->cancel();
}

void MainWindow::onLoadingStarted()
{
    m_progressLabel->setText(tr("Loading desktops…"));
    m_progressBar->setRange(0, 0);
    m_progressLabel->show();
    m_progressBar->show();
    m_cancelButton->show();
    updateActions();
}

void MainWindow::onProgress(int loaded, int total)
{
    if (total < 0) {
        m_progressBar->setRange(0, 0);
        return;
    }
    const QLocale locale;
    m_progressBar->setRange(0, std::max(total, 1));
    m_progressBar->setValue(loaded);
    m_progressLabel->setText(tr("Loading %1 of %2…").arg(locale.toString(loaded), locale.toString(total)));
}

void MainWindow::onLoadingFinished(const ApiError &error)
{
    m_progressLabel->hide();
    m_progressBar->hide();
    m_cancelButton->hide();
    if (error.kind == ApiError::Kind::Cancelled) {
        statusBar()->showMessage(tr("Loading cancelled: the list may be incomplete."), 8000);
    } else if (error.isError()) {
        m_banner->showError(tr("Loading desktops failed"), error);
    } else {
        m_banner->hide();
    }
    if (error.kind != ApiError::Kind::Cancelled) {
        QStringList warnings{m_loader->lastIncompleteness(), m_loader->lastDuplicates()};
        warnings.removeAll(QString());
        m_listingWarning->showWarnings(warnings);
    }
    updateActions();
    scheduleCountUpdate();
    Q_EMIT desktopsLoaded(error);
}

QStringList MainWindow::selectedDesktopIds() const
{
    // In the order shown; read from the selection's ranges (see updateCounts()).
    return m_proxy->desktopIdsIn(m_view->selectionModel()->selection());
}

QStringList MainWindow::selectedDeletableDesktopIds() const
{
    QStringList ids;
    for (int row : m_proxy->selectableSourceRowsIn(m_view->selectionModel()->selection())) {
        if (m_model->index(row, 0).data(DesktopTableModel::DeletableRole).toBool())
            ids.append(m_model->idAt(row));
    }
    return ids;
}

int MainWindow::selectDesktopIds(const QStringList &ids, SelectionChange change)
{
    QList<int> proxyRows;
    for (const QString &id : ids) {
        const int sourceRow = m_model->rowOf(id);
        if (sourceRow < 0)
            continue;
        const QModelIndex proxyIndex = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
        if (proxyIndex.isValid() && (m_proxy->flags(proxyIndex) & Qt::ItemIsSelectable))
            proxyRows.append(proxyIndex.row());
    }
    std::sort(proxyRows.begin(), proxyRows.end());
    proxyRows.erase(std::unique(proxyRows.begin(), proxyRows.end()), proxyRows.end());
    // Contiguous rows become one range, so a selection of thousands stays a handful of ranges.
    QItemSelection selection;
    const int lastColumn = m_proxy->columnCount() - 1;
    for (int i = 0; i < proxyRows.size();) {
        int j = i;
        while (j + 1 < proxyRows.size() && proxyRows.at(j + 1) == proxyRows.at(j) + 1)
            ++j;
        selection.append(QItemSelectionRange(m_proxy->index(proxyRows.at(i), 0),
                                              m_proxy->index(proxyRows.at(j), lastColumn)));
        i = j + 1;
    }
    m_view->selectionModel()->select(selection, change == SelectionChange::Add
                                                    ? QItemSelectionModel::Select
                                                    : QItemSelectionModel::ClearAndSelect);
    if (!proxyRows.isEmpty()) {
        m_view->selectionModel()->setCurrentIndex(m_proxy->index(proxyRows.constFirst(), 0),
                                                  QItemSelectionModel::NoUpdate);
        m_view->scrollTo(m_proxy->index(proxyRows.constFirst(), 0));
    }
    return int(proxyRows.size());
}

QStringList MainWindow::selectByIdsOrNames(const QStringList &lines, SelectionChange change)
{
    QStringList notFound;
    const QStringList ids = m_model->resolveIdsOrNames(lines, &notFound);
    selectDesktopIds(ids, change);
    return notFound;
}

void MainWindow::copySelection(int column)
{
    QStringList values;
    for (int row : m_proxy->selectableSourceRowsIn(m_view->selectionModel()->selection()))
        values.append(m_model->index(row, column).data().toString());
    QApplication::clipboard()->setText(values.join(QLatin1Char('\n')));
    statusBar()->showMessage(tr("Copied %Ln value(s).", nullptr, int(values.size())), 4000);
}

QByteArray MainWindow::csvForShown(bool selectedOnly) const
{
    QList<int> rows;
    if (selectedOnly) {
        rows = m_proxy->selectableRowsIn(m_view->selectionModel()->selection());
    } else {
        rows.reserve(m_proxy->rowCount());
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            rows.append(row);
    }
    QList<int> columns;
    const QHeaderView *header = m_view->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        if (!header->isSectionHidden(column))
            columns.append(column);
    }
    return DesktopCsv::write(*m_proxy, rows, columns);
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
        if (file.open(QIODevice::WriteOnly) && file.write(csvForShown(selectedOnly)) >= 0 && file.commit()) {
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

void MainWindow::showDetails()
{
    QModelIndex current = m_view->currentIndex();
    const QItemSelectionModel *selection = m_view->selectionModel();
    if (!current.isValid() || !selection->isRowSelected(current.row())) {
        const QList<int> rows = m_proxy->selectableRowsIn(selection->selection());
        if (rows.isEmpty())
            return;
        current = m_proxy->index(rows.constFirst(), 0);
    }
    const int sourceRow = m_proxy->mapToSource(current).row();
    // The table keeps only the fields it shows; the dialog asks the server for the rest.
    auto *dialog = new DesktopDetailsDialog(m_model->desktopAt(sourceRow), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->fetchAllFields(m_loader);
}

void MainWindow::openSelectByIds()
{
    auto *dialog = new SelectByIdsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QStringList notFound = selectByIdsOrNames(
            dialog->lines(), dialog->addsToSelection() ? SelectionChange::Add : SelectionChange::Replace);
        if (notFound.isEmpty())
            return;
        auto *box = new QMessageBox(QMessageBox::Information, tr("Not Found"),
                                    tr("%Ln line(s) matched no shown desktop.", nullptr, int(notFound.size())),
                                    QMessageBox::Ok, this);
        box->setDetailedText(notFound.join(QLatin1Char('\n')));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    dialog->open();
}

void MainWindow::openServerFilters()
{
    auto *dialog = new ServerFilterDialog(m_loader->query(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { setServerQuery(dialog->query()); });
    dialog->open();
}

void MainWindow::setServerQuery(const DesktopQuery &query)
{
    m_loader->setQuery(query);
    updateServerFilterIndicator();
    refresh();
}

void MainWindow::clearServerFilters()
{
    DesktopQuery query = m_loader->query();
    ServerFilterDialog::clearFilters(&query);
    setServerQuery(query);
}

QString MainWindow::serverFilterText() const
{
    return ServerFilterDialog::describe(m_loader->query());
}

void MainWindow::updateServerFilterIndicator()
{
    const QString filters = serverFilterText();
    m_serverFilterLabel->setText(tr("Filtered on the server: %1").arg(filters));
    m_serverFilterLabel->setToolTip(tr("Only the desktops matching these filters are loaded."));
    m_serverFilterLabel->setVisible(!filters.isEmpty());
    m_clearServerFilterButton->setVisible(!filters.isEmpty());
    updateTitle();
}

void MainWindow::onDeletionDialogOpened(DeletionDialog *dialog)
{
    dialog->setTarget(m_demoMode ? tr("Demo") : m_connection.profileName, m_connection.config.projectId,
                      regionOf(m_connection.config.endpoint));
}

void MainWindow::applyQuickFilters()
{
    m_proxy->setStatusFilter(m_statusFilter->currentData().toString());
    m_proxy->setLoginStatusFilter(m_loginFilter->currentData().toString());
    const QVariant billing = m_billingFilter->currentData();
    m_proxy->setBillingFilter(billing.isValid() ? std::optional<BillingMode>(BillingMode(billing.toInt()))
                                                : std::nullopt);
}

void MainWindow::showHeaderMenu(const QPoint &position)
{
    m_columnsMenu->popup(m_view->horizontalHeader()->viewport()->mapToGlobal(position));
}

void MainWindow::showContextMenu(const QPoint &position)
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_detailsAction);
    menu->addSeparator();
    menu->addAction(m_copyIdsAction);
    menu->addAction(m_copyNamesAction);
    menu->addAction(m_exportSelectedAction);
    menu->addAction(m_exportShownAction);
    menu->addSeparator();
    menu->addAction(m_selectByIdsAction);
    menu->addSeparator();
    menu->addAction(m_deleteAction);
    menu->popup(m_view->viewport()->mapToGlobal(position));
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
    const QUrl guide = AboutDialog::userGuideUrl();
    if (!guide.isValid() || !QDesktopServices::openUrl(guide))
        statusBar()->showMessage(tr("The user guide (README.md) was not found or could not be opened."), 8000);
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
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Deletions Still Running"),
                                    tr("%Ln deletion(s) are still being submitted or followed.", nullptr, active),
                                    QMessageBox::NoButton, this);
        box->setObjectName(QStringLiteral("closeQuestion"));
        box->setInformativeText(
            tr("Deletions already submitted stay in the journal: Workspace Admin follows them again on its "
               "next start with this connection. Requests not yet sent are not sent.\n\nQuit anyway?"));
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
        m_closeQuestion = box;
        box->open();
        return;
    }
    m_closeConfirmed = false; // a window shown again asks again
    saveLayout();
    m_loader->cancel();
    QMainWindow::closeEvent(event);
}
