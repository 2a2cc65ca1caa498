#pragma once

#include <QFrame>

class NoticeLabel;
class QPushButton;

// A strip above the table that says a listing cannot be trusted as a whole (fewer desktops than
// the service announced, paging that had to stop, desktops listed twice), with a Reload.
class ListingWarningBanner : public QFrame
{
    Q_OBJECT
public:
    explicit ListingWarningBanner(QWidget *parent = nullptr);

    // Shows the sentences (each on its line), or hides the strip when there is none.
    void showWarnings(const QStringList &warnings);
    QString text() const;
    QPushButton *reloadButton() const { return m_reloadButton; }

Q_SIGNALS:
    void reloadRequested();

private:
    NoticeLabel *m_textLabel;
    QPushButton *m_reloadButton;
};
