// What the window tells its status bar (DesktopStatusBar): the desktop counts (once per burst of
// changes), the listing's and the usage statistics' progress and outcome, and what a finished
// listing reports beside it (error banner, incompleteness warnings, the empty table's note).
#include "mainwindow.h"

#include "desktopfilterbar.h"
#include "desktopfilterproxy.h"
#include "desktopstatusbar.h"
#include "desktoploader.h"
#include "desktoptablemodel.h"
#include "errorbanner.h"
#include "listingwarningbanner.h"

#include <QComboBox>
#include <QLabel>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>

#include <algorithm>

void MainWindow::createStatusBar()
{
    m_statusBar = new DesktopStatusBar(statusBar());
    connect(m_statusBar, &DesktopStatusBar::clearServerFilterRequested, this, &MainWindow::clearServerFilters);
    connect(m_statusBar, &DesktopStatusBar::cancelRequested, this, &MainWindow::cancelLoading);
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
    m_statusBar->setCounts(total, shown, m_selectedCount);
    updateEmptyTableNote();
    updateActions();
    Q_EMIT selectionCountChanged(m_selectedCount);
}

void MainWindow::updateEmptyTableNote()
{
    // An empty table says why, rather than look like a listing that never came.
    QString note;
    if (m_proxy->rowCount() == 0 && !m_loader->isLoading() && m_client) {
        note = m_model->rowCount() > 0 ? tr("No desktops match the search and the filters.")
                                       : tr("No desktops in this project.");
    }
    m_emptyTableNote->setText(note);
    m_emptyTableNote->setVisible(!note.isEmpty());
    if (!note.isEmpty())
        m_emptyTableNote->setGeometry(m_view->viewport()->rect());
}

QString MainWindow::emptyTableText() const
{
    return m_emptyTableNote->isHidden() ? QString() : m_emptyTableNote->text();
}

QString MainWindow::countText() const
{
    return m_statusBar->countText();
}

QString MainWindow::progressText() const
{
    return m_statusBar->progressText();
}

bool MainWindow::isLoadingShown() const
{
    return m_statusBar->isLoadingShown();
}

QString MainWindow::usageText() const
{
    return m_statusBar->usageText();
}

void MainWindow::onLoadingStarted()
{
    m_loader->loadPools(); // with every listing: the Pool column's names
    m_statusBar->showListingStarted();
    updateEmptyTableNote();
    updateActions();
}

void MainWindow::onProgress(int loaded, int total)
{
    m_statusBar->showListingProgress(loaded, total);
}

void MainWindow::onLoadingFinished(const ApiError &error)
{
    m_statusBar->showListingEnded();
    m_statusBar->setCancelVisible(m_loader->isLoadingUsage());
    if (error.kind == ApiError::Kind::Cancelled) {
        statusBar()->showMessage(tr("Loading cancelled: the list may be incomplete."), 8000);
    } else if (error.isError()) {
        m_banner->showError(tr("Loading desktops failed"), error);
    } else {
        m_banner->hide();
    }
    if (error.kind != ApiError::Kind::Cancelled) {
        m_listingWarning->showWarnings(m_loader->warnings());
    }
    updateActions();
    scheduleCountUpdate();
    if (!error.isError())
        loadUsage();
    Q_EMIT desktopsLoaded(error);
}

void MainWindow::showUsageError()
{
    m_statusBar->showUsageError();
}

void MainWindow::onUsageProgress(int loaded, int total)
{
    m_statusBar->showUsageProgress(loaded, total);
    updateActions();
}

void MainWindow::onUsageLoaded(const ApiError &error)
{
    const int days = m_filterBar->usagePeriodDays();
    const bool failed = error.isError() && error.kind != ApiError::Kind::Cancelled;
    const QString text = error.kind == ApiError::Kind::Cancelled
        ? tr("Usage statistics not loaded (stopped)")
        : failed ? tr("Usage statistics not loaded: %1").arg(error.summary())
                 : tr("Usage of the last %Ln day(s)", nullptr, days);
    m_statusBar->showUsageOutcome(text, failed, failed ? error.details() : QString());
    m_statusBar->setCancelVisible(m_loader->isLoading());
    // Statistics that did not add up (incomplete, conflicting, a count contradicted) are said in
    // the banner, with the listing's own warnings.
    if (!error.isError())
        m_listingWarning->showWarnings(m_loader->warnings());
    updateActions();
}
