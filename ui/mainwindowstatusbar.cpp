// The status bar: desktop counts (once per burst of changes), the listing's progress with its
// Cancel button (which also stops the usage statistics loaded after the listing), and what a
// finished listing reports (error banner, incompleteness warnings).
#include "mainwindow.h"

#include "desktopfilterproxy.h"
#include "desktoploader.h"
#include "desktoptablemodel.h"
#include "errorbanner.h"
#include "listingwarningbanner.h"

#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTextDocument>
#include <QTimer>

#include <algorithm>

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
    m_usageLabel = new QLabel(statusBar());
    m_usageLabel->setObjectName(QStringLiteral("usageLabel"));
    m_usageLabel->setAccessibleName(tr("Usage statistics"));
    m_usageLabel->setTextFormat(Qt::RichText);
    // A failure's whole text is a click (or Tab and Enter) away: the bar keeps only a line of it.
    m_usageLabel->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_usageLabel, &QLabel::linkActivated, this, &MainWindow::showUsageError);
    m_usageLabel->hide();
    statusBar()->addPermanentWidget(m_usageLabel);
    statusBar()->addPermanentWidget(m_progressLabel);
    statusBar()->addPermanentWidget(m_progressBar);
    statusBar()->addPermanentWidget(m_cancelButton);
    m_progressLabel->hide();
    m_progressBar->hide();
    m_cancelButton->hide();
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

void MainWindow::onLoadingStarted()
{
    m_loader->loadPools(); // with every listing: the Pool column's names
    m_progressLabel->setText(tr("Loading desktops…"));
    m_progressBar->setRange(0, 0);
    m_progressLabel->show();
    m_progressBar->show();
    m_cancelButton->show();
    updateEmptyTableNote();
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
    m_cancelButton->setVisible(m_loader->isLoadingUsage());
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

QString MainWindow::usageText() const
{
    QTextDocument document;
    document.setHtml(m_usageLabel->text());
    return document.toPlainText();
}

void MainWindow::showUsageError()
{
    if (m_usageError.isEmpty())
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Usage Statistics Not Loaded"), m_usageError,
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("usageErrorBox"));
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::onUsageProgress(int loaded, int total)
{
    const QLocale locale;
    m_usageLabel->setText((total < 0 ? tr("Loading usage statistics…")
                                     : tr("Loading usage statistics %1 of %2…")
                                           .arg(locale.toString(loaded), locale.toString(total)))
                              .toHtmlEscaped());
    m_usageError.clear();
    m_usageLabel->setToolTip(QString());
    m_usageLabel->show();
    m_cancelButton->show(); // the usage loads after the listing: Cancel stops it too
    updateActions();
}

void MainWindow::onUsageLoaded(const ApiError &error)
{
    const int days = m_usagePeriod->currentData().toInt();
    const bool failed = error.isError() && error.kind != ApiError::Kind::Cancelled;
    const QString text = error.kind == ApiError::Kind::Cancelled
        ? tr("Usage statistics not loaded (stopped)")
        : failed ? tr("Usage statistics not loaded: %1").arg(error.summary())
                 : tr("Usage of the last %Ln day(s)", nullptr, days);
    // The service's words can be long: the status bar keeps a line of them, so that the counts and
    // the messages keep their room; the whole text and the details are in the tooltip.
    const int room = m_usageLabel->fontMetrics().averageCharWidth() * 48;
    QString shown = m_usageLabel->fontMetrics().elidedText(text, Qt::ElideRight, room).toHtmlEscaped();
    m_usageError = failed ? text + QLatin1String("\n\n") + error.details() : QString();
    if (failed)
        shown += QStringLiteral(" <a href=\"details\">%1</a>").arg(tr("Details…").toHtmlEscaped());
    m_usageLabel->setText(shown);
    m_usageLabel->setToolTip(m_usageError);
    m_usageLabel->show();
    m_cancelButton->setVisible(m_loader->isLoading());
    // Statistics that did not add up (incomplete, conflicting, a count contradicted) are said in
    // the banner, with the listing's own warnings.
    if (!error.isError())
        m_listingWarning->showWarnings(m_loader->warnings());
    updateActions();
}
