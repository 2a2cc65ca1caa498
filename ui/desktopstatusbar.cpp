#include "desktopstatusbar.h"

// The texts keep the window's translation context: they are the window's words, moved here.
#include "mainwindow.h"

#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTextDocument>

#include <algorithm>

DesktopStatusBar::DesktopStatusBar(QStatusBar *bar)
    : QObject(bar)
    , m_bar(bar)
    , m_countLabel(new QLabel(bar))
    , m_serverFilterLabel(new QLabel(bar))
    , m_clearServerFilterButton(new QPushButton(MainWindow::tr("Clear Filter"), bar))
    , m_usageLabel(new QLabel(bar))
    , m_progressLabel(new QLabel(bar))
    , m_progressBar(new QProgressBar(bar))
    , m_cancelButton(new QPushButton(MainWindow::tr("Cancel"), bar))
{
    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    m_countLabel->setAccessibleName(MainWindow::tr("Desktop counts"));
    m_progressBar->setMaximumWidth(200);
    m_progressBar->setTextVisible(false);
    m_progressBar->setAccessibleName(MainWindow::tr("Loading progress"));
    m_serverFilterLabel->setObjectName(QStringLiteral("serverFilterLabel"));
    m_serverFilterLabel->setAccessibleName(MainWindow::tr("Server-side filter"));
    m_serverFilterLabel->setToolTip(MainWindow::tr("Only the desktops matching these filters are loaded."));
    m_serverFilterLabel->hide();
    m_clearServerFilterButton->setObjectName(QStringLiteral("clearServerFilterButton"));
    m_clearServerFilterButton->setToolTip(MainWindow::tr("Removes the server-side filters and loads every desktop"));
    m_clearServerFilterButton->setFlat(true);
    m_clearServerFilterButton->hide();
    connect(m_clearServerFilterButton, &QPushButton::clicked, this, &DesktopStatusBar::clearServerFilterRequested);
    m_cancelButton->setObjectName(QStringLiteral("cancelLoadingButton"));
    m_cancelButton->setFocusPolicy(Qt::NoFocus);
    // Not in the tab chain (the loading must not steal focus); Esc and View › Stop Loading reach it.
    m_cancelButton->setAccessibleDescription(MainWindow::tr("Stops loading the desktops; the list may stay incomplete"));
    connect(m_cancelButton, &QPushButton::clicked, this, &DesktopStatusBar::cancelRequested);
    m_usageLabel->setObjectName(QStringLiteral("usageLabel"));
    m_usageLabel->setAccessibleName(MainWindow::tr("Usage statistics"));
    m_usageLabel->setTextFormat(Qt::RichText);
    // A failure's whole text is a click (or Tab and Enter) away: the bar keeps only a line of it.
    m_usageLabel->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_usageLabel, &QLabel::linkActivated, this, &DesktopStatusBar::showUsageError);
    m_usageLabel->hide();
    // Permanent widgets: a normal widget hidden for a message comes back on top of it when the
    // message arrived before the window was shown.
    for (QWidget *widget : std::initializer_list<QWidget *>{m_serverFilterLabel, m_clearServerFilterButton,
                                                            m_countLabel, m_usageLabel, m_progressLabel,
                                                            m_progressBar, m_cancelButton})
        bar->addPermanentWidget(widget);
    m_progressLabel->hide();
    m_progressBar->hide();
    m_cancelButton->hide();
}

void DesktopStatusBar::setCounts(int total, int shown, int selected)
{
    m_countLabel->setText(MainWindow::tr("%1 · %2 · %3", "status bar: desktops · shown · selected")
                              .arg(MainWindow::tr("%Ln desktop(s)", "status bar", total),
                                   MainWindow::tr("%Ln shown", "status bar: desktops shown", shown),
                                   MainWindow::tr("%Ln selected", "status bar: desktops selected", selected)));
}

QString DesktopStatusBar::countText() const
{
    return m_countLabel->text();
}

void DesktopStatusBar::setCountsVisible(bool visible)
{
    m_countLabel->setVisible(visible);
}

void DesktopStatusBar::setServerFilter(const QString &filters)
{
    m_serverFilterLabel->setText(MainWindow::tr("Filtered on the server: %1").arg(filters));
    m_serverFilterLabel->setVisible(!filters.isEmpty());
    m_clearServerFilterButton->setVisible(!filters.isEmpty());
}

void DesktopStatusBar::showListingStarted()
{
    m_progressLabel->setText(MainWindow::tr("Loading desktops…"));
    m_progressBar->setRange(0, 0);
    m_progressLabel->show();
    m_progressBar->show();
    m_cancelButton->show();
}

void DesktopStatusBar::showListingProgress(int loaded, int total)
{
    if (total < 0) {
        m_progressBar->setRange(0, 0);
        return;
    }
    const QLocale locale;
    m_progressBar->setRange(0, std::max(total, 1));
    m_progressBar->setValue(loaded);
    m_progressLabel->setText(MainWindow::tr("Loading %1 of %2…").arg(locale.toString(loaded), locale.toString(total)));
}

void DesktopStatusBar::showListingEnded()
{
    m_progressLabel->hide();
    m_progressBar->hide();
}

QString DesktopStatusBar::progressText() const
{
    return m_progressLabel->isVisible() || isLoadingShown() ? m_progressLabel->text() : QString();
}

bool DesktopStatusBar::isLoadingShown() const
{
    return !m_progressBar->isHidden();
}

void DesktopStatusBar::setCancelVisible(bool visible)
{
    m_cancelButton->setVisible(visible);
}

void DesktopStatusBar::showUsageProgress(int loaded, int total)
{
    const QLocale locale;
    m_usageLabel->setText((total < 0 ? MainWindow::tr("Loading usage statistics…")
                                     : MainWindow::tr("Loading usage statistics %1 of %2…")
                                           .arg(locale.toString(loaded), locale.toString(total)))
                              .toHtmlEscaped());
    m_usageError.clear();
    m_usageLabel->setToolTip(QString());
    m_usageLabel->show();
    m_cancelButton->show(); // the usage loads after the listing: Cancel stops it too
}

void DesktopStatusBar::showUsageOutcome(const QString &text, bool failed, const QString &failureDetails)
{
    // The service's words can be long: the status bar keeps a line of them, so that the counts and
    // the messages keep their room; the whole text and the details are a click away.
    const int room = m_usageLabel->fontMetrics().averageCharWidth() * 48;
    QString shown = m_usageLabel->fontMetrics().elidedText(text, Qt::ElideRight, room).toHtmlEscaped();
    m_usageError = failed ? text + QLatin1String("\n\n") + failureDetails : QString();
    if (!m_usageError.isEmpty())
        shown += QStringLiteral(" <a href=\"details\">%1</a>").arg(MainWindow::tr("Details…").toHtmlEscaped());
    m_usageLabel->setText(shown);
    m_usageLabel->setToolTip(m_usageError);
    m_usageLabel->show();
}

QString DesktopStatusBar::usageText() const
{
    QTextDocument document;
    document.setHtml(m_usageLabel->text());
    return document.toPlainText();
}

void DesktopStatusBar::showUsageError()
{
    if (m_usageError.isEmpty())
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, MainWindow::tr("Usage Statistics Not Loaded"), m_usageError,
                                QMessageBox::Ok, m_bar->window());
    box->setObjectName(QStringLiteral("usageErrorBox"));
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}
