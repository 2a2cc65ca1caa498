#pragma once

#include "api/apierror.h"

#include <QFrame>

class QLabel;
class QPushButton;

// A non-modal strip above the table that shows a typed API error (summary, and the details on
// demand) with Retry and Dismiss, instead of a dialog that would block the window.
class ErrorBanner : public QFrame
{
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget *parent = nullptr);

    void showError(const QString &context, const ApiError &error);
    QString text() const;
    QString detailsText() const;
    QPushButton *retryButton() const { return m_retryButton; }

Q_SIGNALS:
    void retryRequested();

protected:
    bool event(QEvent *event) override;

private:
    void applyPalette();
    QLabel *m_iconLabel;
    QLabel *m_textLabel;
    QLabel *m_detailsLabel;
    QPushButton *m_detailsButton;
    QPushButton *m_retryButton;
    QPushButton *m_closeButton;
};
