// Notice and error strips stay readable on light and dark palettes, also when the application
// palette is set after the strip was built.

#include "bannerpalette.h"
#include "errorbanner.h"
#include "noticelabel.h"

#include <QApplication>
#include <QTest>

namespace {
// Lightness difference between the strip's background and its text, 0..255.
int contrast(const QPalette &palette)
{
    return qAbs(palette.color(QPalette::Window).lightness() - palette.color(QPalette::WindowText).lightness());
}
} // namespace

class TestBannerPalette : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { QApplication::setPalette(QPalette()); }
    void tintKeepsContrast();
    void stripsFollowALaterDarkPalette();
};

void TestBannerPalette::tintKeepsContrast()
{
    QPalette light;
    light.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    light.setColor(QPalette::WindowText, Qt::black);
    const QPalette dark = BannerPalette::darkPalette();
    for (const auto kind : {BannerPalette::Kind::Notice, BannerPalette::Kind::Error}) {
        const QPalette onLight = BannerPalette::forKind(light, kind);
        const QPalette onDark = BannerPalette::forKind(dark, kind);
        QVERIFY(onLight.color(QPalette::Window) != light.color(QPalette::Window));
        QVERIFY(onDark.color(QPalette::Window) != dark.color(QPalette::Window));
        QVERIFY2(contrast(onLight) > 150, qPrintable(QString::number(contrast(onLight))));
        QVERIFY2(contrast(onDark) > 150, qPrintable(QString::number(contrast(onDark))));
        QVERIFY(onDark.color(QPalette::Window).lightness() < 128);
    }
}

void TestBannerPalette::stripsFollowALaterDarkPalette()
{
    NoticeLabel notice;
    notice.setText(QStringLiteral("Demo mode"));
    ErrorBanner banner;
    QVERIFY(notice.palette().color(QPalette::Window).lightness() > 128);
    QApplication::setPalette(BannerPalette::darkPalette());
    notice.show();
    banner.showError(QStringLiteral("Loading desktops failed"), ApiError{});
    QVERIFY(QTest::qWaitForWindowExposed(&notice));
    QTRY_VERIFY(notice.palette().color(QPalette::Window).lightness() < 128);
    QTRY_VERIFY(banner.palette().color(QPalette::Window).lightness() < 128);
    QVERIFY(contrast(notice.palette()) > 150);
    QVERIFY(contrast(banner.palette()) > 150);
}

QTEST_MAIN(TestBannerPalette)
#include "tst_bannerpalette.moc"
