// The window's actions, menus and context menus, their icons and when they are enabled.
#include "mainwindow.h"

#include "appicons.h"
#include "decommissionactions.h"
#include "duedeletionaction.h"
#include "desktopfilterproxy.h"
#include "desktoploader.h"
#include "desktoptablemodel.h"
#include "desktopspage.h"
#include "jobspanel.h"

#include <QAction>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>

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
    m_decommission->applyIcons();
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
                                   [this] { m_page->view()->selectAll(); });
    m_selectByIdsAction = makeAction(tr("Select by &IDs or Names…"), QKeySequence(tr("Ctrl+I")),
                                     [this] { m_page->openSelectByIds(); });
    m_selectByIdsAction->setObjectName(QStringLiteral("selectByIdsAction"));
    m_selectAllAction->setObjectName(QStringLiteral("selectAllAction"));
    m_exportShownAction->setObjectName(QStringLiteral("exportShownAction"));
    m_findAction = makeAction(tr("&Find…"), QKeySequence::Find, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    m_findAction->setObjectName(QStringLiteral("findAction"));
    m_refreshAction = makeAction(tr("&Refresh"), QKeySequence::Refresh, [this] { refresh(); });
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    m_cancelLoadAction = makeAction(tr("&Stop Loading"), QKeySequence(Qt::Key_Escape),
                                    [this] { cancelLoading(); });
    m_cancelLoadAction->setIcon(style()->standardIcon(QStyle::SP_BrowserStop));
    m_serverFiltersAction = makeAction(tr("Ser&ver-Side Filters…"), QKeySequence(tr("Ctrl+Shift+F")),
                                       [this] { openServerFilters(); });
    m_detailsAction = makeAction(tr("Desktop De&tails…"), QKeySequence(tr("Ctrl+D")), [this] { m_page->showDetails(); });
    m_detailsAction->setObjectName(QStringLiteral("detailsAction"));
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
        QHeaderView *header = m_page->view()->horizontalHeader();
        for (int visual = 0; visual < header->count(); ++visual) {
            const int column = header->logicalIndex(visual);
            if (column == DesktopTableModel::RegionColumn && !m_loader->isAllRegions())
                continue; // one region: nothing to show
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
    m_desktopsMenu->setObjectName(QStringLiteral("desktopsMenu"));
    m_desktopsMenu->addAction(m_detailsAction);
    m_desktopsMenu->addSeparator();
    m_desktopsMenu->addAction(m_deleteAction);
    m_decommission = new DecommissionActions(m_page, statusBar(), this);
    connect(m_decommission, &DecommissionActions::stateChanged, this, &MainWindow::updateActions);
    m_desktopsMenu->insertActions(m_deleteAction, m_decommission->actions());
    m_desktopsMenu->insertSeparator(m_deleteAction);
    // Of the project, not of the selection; beside Delete, since it ends in the same confirmation.
    m_deleteDue = new DueDeletionAction(this);
    m_desktopsMenu->addAction(m_deleteDue->action());

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(m_userGuideAction);
    helpMenu->addSeparator();
    helpMenu->addAction(m_aboutAction);
}

void MainWindow::updateActions()
{
    const bool connected = m_client != nullptr && m_stack->currentWidget() == m_page;
    const bool loading = m_loader->isLoading() || m_loader->isLoadingUsage();
    m_refreshAction->setEnabled(connected);
    m_cancelLoadAction->setEnabled(loading);
    m_serverFiltersAction->setEnabled(connected);
    m_editConnectionAction->setEnabled(connected && !m_demoMode && !m_connection.profileName.isEmpty());
    const bool hasSelection = m_page->selectedCount() > 0;
    // Without a project (the welcome page) there is nothing to find, select or export.
    m_exportShownAction->setEnabled(connected);
    m_selectAllAction->setEnabled(connected && m_page->proxy()->rowCount() > 0);
    m_selectByIdsAction->setEnabled(connected);
    m_findAction->setEnabled(connected);
    m_copyIdsAction->setEnabled(hasSelection);
    m_copyNamesAction->setEnabled(hasSelection);
    m_exportSelectedAction->setEnabled(hasSelection);
    // The details are of a selected desktop: with none selected the current row may be hidden
    // from view or meant as nothing.
    m_detailsAction->setEnabled(hasSelection);
    // In a table of every region each desktop's change goes to its own project.
    const bool changeable = connected && hasSelection;
    m_deleteAction->setEnabled(changeable);
    m_decommission->update(changeable);
    m_deleteDue->update(connected && !m_loader->isAllRegions());
}

void MainWindow::showHeaderMenu(const QPoint &position)
{
    m_columnsMenu->popup(m_page->view()->horizontalHeader()->viewport()->mapToGlobal(position));
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
    m_decommission->addTo(menu);
    menu->addSeparator();
    menu->addAction(m_deleteAction);
    menu->popup(m_page->view()->viewport()->mapToGlobal(position));
}
