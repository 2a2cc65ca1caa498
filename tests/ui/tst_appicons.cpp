// The own icon set: every icon loads through the SVG image plugin at the sizes 200 % scaling
// asks for, and is drawn in the palette's text colour (dark on light, light on dark).

#include "appicons.h"

#include <QImage>
#include <QPalette>
#include <QPixmap>
#include <QTest>

namespace {

const char *const kIconNames[] = {"about",  "delete",          "details",           "export",
                                  "filter", "jobs",            "lock",              "logoff",
                                  "maintenance-end", "maintenance-start", "refresh"};

QPalette paletteWithText(const QColor &text, const QColor &window)
{
    QPalette palette;
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Window, window);
    return palette;
}

// The average lightness of the drawn (non-transparent) pixels; -1 when nothing is drawn.
int drawnLightness(const QImage &image)
{
    qint64 sum = 0;
    qint64 count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (pixel.alpha() < 200)
                continue;
            sum += pixel.lightness();
            ++count;
        }
    }
    return count == 0 ? -1 : int(sum / count);
}

} // namespace

class TestAppIcons : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyIconLoadsAtEverySize_data();
    void everyIconLoadsAtEverySize();
    void iconsFollowThePaletteTextColour();
    void unknownIconIsNull();
};

void TestAppIcons::everyIconLoadsAtEverySize_data()
{
    QTest::addColumn<QString>("name");
    for (const char *name : kIconNames)
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestAppIcons::everyIconLoadsAtEverySize()
{
    QFETCH(QString, name);
    const QIcon icon = AppIcons::icon(name);
    QVERIFY(!icon.isNull());
    for (int size : {16, 24, 48}) {
        const QImage image = icon.pixmap(QSize(size, size)).toImage();
        QCOMPARE(image.size(), QSize(size, size));
        QVERIFY2(drawnLightness(image) >= 0, qPrintable(QStringLiteral("nothing drawn at %1 px").arg(size)));
    }
    // At 200 % a 24 px icon is drawn from a 48 px pixmap, not scaled up from 24.
    const QPixmap doubled = icon.pixmap(QSize(24, 24), 2.0);
    QCOMPARE(doubled.size(), QSize(48, 48));
}

void TestAppIcons::iconsFollowThePaletteTextColour()
{
    const QPalette light = paletteWithText(QColor(0x20, 0x20, 0x20), QColor(0xf0, 0xf0, 0xf0));
    const QPalette dark = paletteWithText(QColor(0xe8, 0xe8, 0xe8), QColor(0x2a, 0x2a, 0x2a));
    for (const char *name : kIconNames) {
        const QString iconName = QString::fromLatin1(name);
        const int onLight = drawnLightness(AppIcons::icon(iconName, {}, light).pixmap(48).toImage());
        const int onDark = drawnLightness(AppIcons::icon(iconName, {}, dark).pixmap(48).toImage());
        QVERIFY2(onLight >= 0 && onLight < 80, name);
        QVERIFY2(onDark > 170, name);
    }
}

void TestAppIcons::unknownIconIsNull()
{
    QVERIFY(AppIcons::icon(QStringLiteral("no-such-icon")).isNull());
    QVERIFY(AppIcons::tintedSvg(QStringLiteral("no-such-icon"), Qt::black).isEmpty());
}

QTEST_MAIN(TestAppIcons)
#include "tst_appicons.moc"
