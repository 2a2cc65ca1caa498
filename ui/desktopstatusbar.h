#pragma once

#include <QObject>
#include <QString>

class QLabel;
class QProgressBar;
class QPushButton;
class QStatusBar;
class QWidget;

// The main window's status bar for its desktops: the counts, the server-side filter with Clear
// Filter, the usage statistics' state (a failure's whole text a click away), and the loading
// progress with Cancel. Permanent widgets, so that a temporary message takes the left part of the
// bar and is never drawn over them. It shows what it is told; the window decides when.
class DesktopStatusBar : public QObject
{
    Q_OBJECT
public:
    explicit DesktopStatusBar(QStatusBar *bar);

    // "300 desktops · 300 shown · 2 selected".
    void setCounts(int total, int shown, int selected);
    QString countText() const;
    // Counting means nothing without a project (the welcome page).
    void setCountsVisible(bool visible);

    // The filters the listing was asked with, as words; empty: none, and nothing is shown.
    void setServerFilter(const QString &filters);

    // The listing: busy until its total is known, then "Loading 500 of 10,000…"; ended, it hides.
    void showListingStarted();
    void showListingProgress(int loaded, int total);
    void showListingEnded();
    QString progressText() const;
    bool isLoadingShown() const;
    // Cancel stops the listing and the usage statistics loaded after it.
    void setCancelVisible(bool visible);

    // The usage statistics: loading (total < 0 before it is known), then a line of the outcome;
    // a failure's text with its details opens in a message box from the line's "Details…".
    void showUsageProgress(int loaded, int total);
    void showUsageOutcome(const QString &text, bool failed = false, const QString &failureDetails = QString());
    QString usageText() const;
    void showUsageError();

Q_SIGNALS:
    void cancelRequested();
    void clearServerFilterRequested();

private:
    QStatusBar *m_bar;
    QLabel *m_countLabel;
    QLabel *m_serverFilterLabel;
    QPushButton *m_clearServerFilterButton;
    QLabel *m_usageLabel;
    QString m_usageError; // the last load's failure with its details; empty when it did not fail
    QLabel *m_progressLabel;
    QProgressBar *m_progressBar;
    QPushButton *m_cancelButton;
};
