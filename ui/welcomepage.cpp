#include "welcomepage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
    , m_demoButton(new QPushButton(tr("&Try the Demo"), this))
    , m_allRegionsDemoButton(new QPushButton(tr("Demo of Every &Region"), this))
    , m_addButton(new QPushButton(tr("&Add a Connection…"), this))
    , m_profilesLabel(new QLabel(tr("Saved &connections:"), this))
    , m_profiles(new QListWidget(this))
{
    // A fixed-width card in the middle, so that the wrapped text keeps a readable measure.
    auto *card = new QWidget(this);
    card->setFixedWidth(560);
    auto *title = new QLabel(tr("<h2>Welcome to Workspace Admin</h2>"), card);
    auto *text = new QLabel(tr("Review and delete Huawei Cloud Workspace desktops in batches.<br><br>"
                               "Add a connection (a region and an access key; the project is found from the key),<br>"
                               "or try the app first on a simulated project with 300 desktops."),
                            card);
    // Explicit line breaks rather than word wrap: a wrapped label inside a centred card gets too
    // little height from the layout.
    text->setAlignment(Qt::AlignHCenter);
    m_addButton->setDefault(true);
    m_allRegionsDemoButton->setObjectName(QStringLiteral("allRegionsDemoButton"));
    m_allRegionsDemoButton->setAccessibleDescription(
        tr("The simulated account's desktops in three regions, in one table with a Region column"));

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_demoButton);
    buttons->addWidget(m_allRegionsDemoButton);
    buttons->addStretch();

    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->addWidget(title, 0, Qt::AlignHCenter);
    cardLayout->addWidget(text);
    cardLayout->addSpacing(16);
    cardLayout->addLayout(buttons);
    m_profilesLabel->setBuddy(m_profiles);
    m_profiles->setObjectName(QStringLiteral("profileList"));
    m_profiles->setAccessibleName(tr("Saved connections"));
    m_profiles->setAccessibleDescription(tr("Enter or a double click connects"));
    m_profiles->setMaximumHeight(140);
    m_profilesLabel->hide();
    m_profiles->hide();
    cardLayout->addSpacing(12);
    cardLayout->addWidget(m_profilesLabel);
    cardLayout->addWidget(m_profiles);
    connect(m_profiles, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { Q_EMIT profileChosen(item->text()); });

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(card, 0, Qt::AlignHCenter);
    layout->addStretch(2);

    connect(m_demoButton, &QPushButton::clicked, this, &WelcomePage::demoRequested);
    connect(m_allRegionsDemoButton, &QPushButton::clicked, this, &WelcomePage::allRegionsDemoRequested);
    connect(m_addButton, &QPushButton::clicked, this, &WelcomePage::addConnectionRequested);
    setTabOrder(m_addButton, m_demoButton);
    setTabOrder(m_demoButton, m_allRegionsDemoButton);
    setTabOrder(m_allRegionsDemoButton, m_profiles);
}

void WelcomePage::setProfileNames(const QStringList &names)
{
    m_profiles->clear();
    m_profiles->addItems(names);
    if (!names.isEmpty())
        m_profiles->setCurrentRow(0);
    m_profilesLabel->setVisible(!names.isEmpty());
    m_profiles->setVisible(!names.isEmpty());
}
