#pragma once

#include <QIcon>
#include <QPalette>
#include <QString>

// The app's own icon set (resources/icons, 24×24 line drawings in currentColor). Each icon is
// rendered in the palette's text colour, so that it reads on light and dark palettes alike, at
// sizes up to 96 px for 200 % scaling. A desktop theme's icon of the same meaning wins.
namespace AppIcons {

// `name` is the file name without ".svg" (e.g. "delete"); `themeName` a freedesktop icon name, or
// empty to always use the app's own drawing.
QIcon icon(const QString &name, const QString &themeName = {}, const QPalette &palette = {});

// The SVG text of `name` with currentColor replaced by `color`; empty when there is no such icon.
QByteArray tintedSvg(const QString &name, const QColor &color);

} // namespace AppIcons
