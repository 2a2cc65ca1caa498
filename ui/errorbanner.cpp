#include "errorbanner.h"

#include "bannerpalette.h"

#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent)
    , m_iconLabel(new QLabel(this))
    , m_textLabel(new QLabel(this))
    , m_detailsLabel(new QLabel(this))
    , m_detailsButton(new QPushButton(tr("&Details"), this))
    , m_retryButton(new QPushButton(tr("&Retry"), this))
    , m_closeButton(new QPushButton(tr("Dismiss"), this))
{
    setObjectName(QStringLiteral("errorBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    applyPalette();

    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_iconLabel->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(iconSize));
    m_textLabel->setWordWrap(true);
    m_textLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailsLabel->setVisible(false);
    m_detailsButton->setCheckable(true);
    setAccessibleName(tr("Error"));
    m_textLabel->setAccessibleName(tr("Error message"));
    m_detailsLabel->setAccessibleName(tr("Error details"));
    m_detailsButton->setAccessibleDescription(tr("Shows or hides the technical details of the error"));
    m_retryButton->setAccessibleDescription(tr("Tries the failed operation again"));
    m_closeButton->setAccessibleDescription(tr("Hides this error message"));
    m_detailsButton->setObjectName(QStringLiteral("errorDetailsButton"));
    m_retryButton->setObjectName(QStringLiteral("errorRetryButton"));
    m_closeButton->setObjectName(QStringLiteral("errorDismissButton"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_iconLabel, 0, Qt::AlignTop);
    top->addWidget(m_textLabel, 1);
    top->addWidget(m_detailsButton);
    top->addWidget(m_retryButton);
    top->addWidget(m_closeButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addLayout(top);
    layout->addWidget(m_detailsLabel);

    connect(m_detailsButton, &QPushButton::toggled, m_detailsLabel, &QLabel::setVisible);
    connect(m_retryButton, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT retryRequested();
    });
    connect(m_closeButton, &QPushButton::clicked, this, &QWidget::hide);
    hide();
}

void ErrorBanner::applyPalette()
{
    setPalette(BannerPalette::forKind(QGuiApplication::palette(), BannerPalette::Kind::Error));
}

bool ErrorBanner::event(QEvent *event)
{
    // Follows the desktop switching between light and dark while the app runs.
    // Polish too: the application palette may have been set after construction, before showing.
    if (event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::Polish)
        applyPalette();
    return QFrame::event(event);
}

void ErrorBanner::showError(const QString &context, const ApiError &error)
{
    m_textLabel->setText(context.isEmpty() ? error.summary()
                                           : tr("%1: %2").arg(context, error.summary()));
    m_detailsLabel->setText(error.details());
    m_detailsButton->setChecked(false);
    show();
}

QString ErrorBanner::text() const
{
    return m_textLabel->text();
}

QString ErrorBanner::detailsText() const
{
    return m_detailsLabel->text();
}
