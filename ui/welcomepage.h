#pragma once

#include <QWidget>

class QPushButton;

// Shown on first run, when there is no profile yet.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);
    QPushButton *demoButton() const { return m_demoButton; }
    QPushButton *addConnectionButton() const { return m_addButton; }

Q_SIGNALS:
    void demoRequested();
    void addConnectionRequested();

private:
    QPushButton *m_demoButton;
    QPushButton *m_addButton;
};
