#include "noticelabel.h"

#include "bannerpalette.h"

#include <QEvent>
#include <QGuiApplication>

NoticeLabel::NoticeLabel(QWidget *parent)
    : QLabel(parent)
{
    setAutoFillBackground(true);
    applyPalette();
}

bool NoticeLabel::event(QEvent *event)
{
    // Polish too: the application palette may have been set after construction, before showing.
    if (event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::Polish)
        applyPalette();
    return QLabel::event(event);
}

void NoticeLabel::applyPalette()
{
    setPalette(BannerPalette::forKind(QGuiApplication::palette(), BannerPalette::Kind::Notice));
}
