// The tool bar's find field, the quick filters' bar (DesktopFilterBar, client-side over the loaded
// desktops), and the server-side filters of the listing with their indicator in the status bar.
#include "mainwindow.h"

#include "desktopfilterproxy.h"
#include "desktoploader.h"
#include "desktopfilterbar.h"
#include "desktopspage.h"
#include "desktopstatusbar.h"
#include "desktoptablemodel.h"
#include "serverfilterdialog.h"

#include <QAction>
#include <QLineEdit>
#include <QStackedWidget>
#include <QToolBar>


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
    connect(m_search, &QLineEdit::textChanged, m_page->proxy(), &DesktopFilterProxy::setSearchText);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_detailsAction);
    m_toolBar->addAction(m_deleteAction);

    // The quick filters on a line of their own, under the actions: together they would push
    // Delete out of a window of ordinary width.
    addToolBarBreak();
    addToolBar(m_page->filterBar());
    connect(m_page->filterBar(), &DesktopFilterBar::usagePeriodChanged, this, &MainWindow::loadUsage);


    // Tool buttons show the icon text, which Qt derives from the menu text: in translations whose
    // mnemonics are appended, as in "刷新(&R)", that would show "刷新(R)". Short texts of their own.
    m_refreshAction->setIconText(tr("Refresh", "toolbar button"));
    m_detailsAction->setIconText(tr("Details", "toolbar button"));
    m_deleteAction->setIconText(tr("Delete", "toolbar button"));
}

void MainWindow::loadUsage()
{
    if (m_client && m_stack->currentWidget() == m_page)
        m_loader->loadUsage(m_page->filterBar()->usagePeriodDays());
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
    m_statusBar->setServerFilter(filters);
    updateTitle();
}
