#include "listingwarningbanner.h"

#include "noticelabel.h"

#include <QHBoxLayout>
#include <QPushButton>

ListingWarningBanner::ListingWarningBanner(QWidget *parent)
    : QFrame(parent)
    , m_textLabel(new NoticeLabel(this))
    , m_reloadButton(new QPushButton(tr("Re&load"), this))
{
    setObjectName(QStringLiteral("listingWarningBanner"));
    setAccessibleName(tr("Listing warning"));
    m_textLabel->setObjectName(QStringLiteral("listingWarningText"));
    m_textLabel->setWordWrap(true);
    m_textLabel->setTextFormat(Qt::PlainText);
    m_textLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_textLabel->setContentsMargins(10, 6, 10, 6);
    m_reloadButton->setObjectName(QStringLiteral("listingReloadButton"));
    m_reloadButton->setAccessibleDescription(tr("Lists the desktops again"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 8, 0);
    layout->addWidget(m_textLabel, 1);
    layout->addWidget(m_reloadButton);
    connect(m_reloadButton, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT reloadRequested();
    });
    hide();
}

void ListingWarningBanner::showWarnings(const QStringList &warnings)
{
    m_textLabel->setText(warnings.join(QLatin1Char('\n')));
    setVisible(!warnings.isEmpty());
}

QString ListingWarningBanner::text() const
{
    return m_textLabel->text();
}
