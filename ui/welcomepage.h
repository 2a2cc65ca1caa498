#pragma once

#include <QWidget>

class QListWidget;
class QPushButton;
class QLabel;

// Shown on first run, when there is no profile yet.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);
    QPushButton *demoButton() const { return m_demoButton; }
    QPushButton *allRegionsDemoButton() const { return m_allRegionsDemoButton; }
    QPushButton *addConnectionButton() const { return m_addButton; }
    QListWidget *profileList() const { return m_profiles; }
    // The saved connections, offered for connecting with a double click or Enter.
    void setProfileNames(const QStringList &names);

Q_SIGNALS:
    void demoRequested();
    // The demo account's three regions in one table.
    void allRegionsDemoRequested();
    void addConnectionRequested();
    void profileChosen(const QString &profileName);

private:
    QPushButton *m_demoButton;
    QPushButton *m_allRegionsDemoButton;
    QPushButton *m_addButton;
    QLabel *m_profilesLabel;
    QListWidget *m_profiles;
};
