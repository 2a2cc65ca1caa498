// What the window tells its status bar (DesktopStatusBar): the desktop counts (DesktopsPage counts
// once per burst of changes), the listing's and the usage statistics' progress and outcome, and
// what a finished listing reports beside it (error banner, incompleteness warnings, the empty
// table's note).
#include "mainwindow.h"

#include "desktopfilterbar.h"
#include "desktopfilterproxy.h"
#include "desktopstatusbar.h"
#include "desktopspage.h"
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
    m_page->updateEmptyTableNote();
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
        m_page->errorBanner()->showError(tr("Loading desktops failed"), error);
    } else {
        m_page->errorBanner()->hide();
    }
    if (error.kind != ApiError::Kind::Cancelled) {
        m_page->listingWarning()->showWarnings(m_loader->warnings());
    }
    updateActions();
    m_page->scheduleCountUpdate();
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
    const int days = m_page->filterBar()->usagePeriodDays();
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
        m_page->listingWarning()->showWarnings(m_loader->warnings());
    updateActions();
}
