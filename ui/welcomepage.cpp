#include "welcomepage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
    , m_demoButton(new QPushButton(tr("Try the &Demo"), this))
    , m_addButton(new QPushButton(tr("&Add a Connection…"), this))
{
    auto *title = new QLabel(tr("<h2>Welcome to Workspace Admin</h2>"), this);
    auto *text = new QLabel(tr("Review and delete Huawei Cloud Workspace desktops in batches.<br>"
                               "Add a connection to a project (region, project ID and access keys), "
                               "or try the app on a simulated project with 300 desktops first."),
                            this);
    text->setWordWrap(true);
    text->setMaximumWidth(520);
    m_addButton->setDefault(true);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_demoButton);
    buttons->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(title, 0, Qt::AlignHCenter);
    layout->addWidget(text, 0, Qt::AlignHCenter);
    layout->addSpacing(16);
    layout->addLayout(buttons);
    layout->addStretch(2);

    connect(m_demoButton, &QPushButton::clicked, this, &WelcomePage::demoRequested);
    connect(m_addButton, &QPushButton::clicked, this, &WelcomePage::addConnectionRequested);
    setTabOrder(m_addButton, m_demoButton);
}
