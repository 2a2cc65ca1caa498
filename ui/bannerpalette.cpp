#include "bannerpalette.h"

namespace BannerPalette {

namespace {
QColor mix(const QColor &base, const QColor &accent, qreal accentShare)
{
    const qreal baseShare = 1.0 - accentShare;
    return QColor::fromRgbF(float(base.redF() * baseShare + accent.redF() * accentShare),
                            float(base.greenF() * baseShare + accent.greenF() * accentShare),
                            float(base.blueF() * baseShare + accent.blueF() * accentShare));
}
} // namespace

QPalette forKind(const QPalette &base, Kind kind)
{
    const QColor accent = kind == Kind::Error ? QColor(0xd3, 0x2f, 0x2f) : QColor(0xf2, 0xb7, 0x05);
    QPalette palette = base;
    const QColor window = base.color(QPalette::Window);
    // A stronger tint on dark backgrounds, where a fifth of the accent hardly shows.
    const qreal share = window.lightnessF() < 0.5 ? 0.28 : 0.22;
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        palette.setColor(group, QPalette::Window, mix(base.color(group, QPalette::Window), accent, share));
        palette.setColor(group, QPalette::WindowText, base.color(group, QPalette::WindowText));
    }
    return palette;
}

QPalette darkPalette()
{
    QPalette palette;
    const QColor window(0x2b, 0x2b, 0x2b);
    const QColor base(0x1e, 0x1e, 0x1e);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabledText(0x80, 0x80, 0x80);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    palette.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xc6));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x7a, 0xb4, 0xff));
    palette.setColor(QPalette::LinkVisited, QColor(0xb8, 0x9c, 0xff));
    palette.setColor(QPalette::BrightText, Qt::white);
    palette.setColor(QPalette::Light, QColor(0x4a, 0x4a, 0x4a));
    palette.setColor(QPalette::Midlight, QColor(0x40, 0x40, 0x40));
    palette.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x30));
    palette.setColor(QPalette::Dark, QColor(0x1a, 0x1a, 0x1a));
    palette.setColor(QPalette::Shadow, Qt::black);
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, disabledText);
    return palette;
}

} // namespace BannerPalette
