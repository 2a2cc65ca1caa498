#include "appicons.h"

#include <QBuffer>
#include <QFile>
#include <QGuiApplication>
#include <QImageReader>
#include <QPixmap>

// The icons live in the resources of a static library: register them before the first look-up.
// Q_INIT_RESOURCE must be used outside any namespace.
static void ensureIconResources()
{
    static const bool registered = [] {
        Q_INIT_RESOURCE(resources);
        return true;
    }();
    Q_UNUSED(registered);
}

namespace AppIcons {

QByteArray tintedSvg(const QString &name, const QColor &color)
{
    ensureIconResources();
    QFile file(QStringLiteral(":/icons/") + name + QStringLiteral(".svg"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray svg = file.readAll();
    svg.replace("currentColor", color.name(QColor::HexRgb).toLatin1());
    return svg;
}

QIcon icon(const QString &name, const QString &themeName, const QPalette &palette)
{
    if (!themeName.isEmpty() && QIcon::hasThemeIcon(themeName))
        return QIcon::fromTheme(themeName);

    // The SVG image plugin is loaded at run time; the widgets link no SVG module.
    const QPalette effective = palette.resolveMask() == 0 ? QGuiApplication::palette() : palette;
    QIcon result;
    const std::pair<QPalette::ColorGroup, QIcon::Mode> variants[] = {
        {QPalette::Active, QIcon::Normal}, {QPalette::Disabled, QIcon::Disabled}};
    for (const auto &[group, mode] : variants) {
        const QByteArray svg = tintedSvg(name, effective.color(group, QPalette::WindowText));
        if (svg.isEmpty())
            return QIcon();
        for (int size : {16, 22, 24, 32, 48, 64, 96}) {
            QBuffer buffer;
            buffer.setData(svg);
            buffer.open(QIODevice::ReadOnly);
            QImageReader reader(&buffer, "svg");
            reader.setScaledSize(QSize(size, size));
            const QImage image = reader.read();
            if (!image.isNull())
                result.addPixmap(QPixmap::fromImage(image), mode);
        }
    }
    return result;
}

} // namespace AppIcons
