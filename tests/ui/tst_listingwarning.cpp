#include "widgetbyname.h"
#include "desktoptablemodel.h"
#include "listingwarningbanner.h"
#include "mainwindow.h"
#include "misbehavingserver.h"

#include <QLocale>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

// The window against a server whose answers do not add up: the listing is shown with a warning
// banner that gives the numbers and offers Reload, never as complete.
class TestListingWarning : public QObject
{
    Q_OBJECT
private:
    ResolvedConnection connection() const
    {
        ResolvedConnection connection;
        connection.config.endpoint = m_server->endpoint();
        connection.config.projectId = QStringLiteral("project");
        connection.config.retry.maxAttempts = 1;
        connection.credentials = {QStringLiteral("AK"), QStringLiteral("SK"), {}};
        return connection;
    }

    bool loadAndWait(MainWindow &window)
    {
        QSignalSpy loaded(&window, &MainWindow::desktopsLoaded);
        window.connectTo(connection());
        return loaded.wait(10000);
    }

    QNetworkAccessManager m_network;
    std::unique_ptr<MisbehavingServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("WorkspaceAdminTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_listingwarning"));
    }

    void init()
    {
        m_server = std::make_unique<MisbehavingServer>();
        QVERIFY(m_server->listen());
    }

    void completeListingShowsNoWarning()
    {
        m_server->setDesktopCount(30);
        MainWindow window;
        window.setNetworkAccessManager(&m_network);
        QVERIFY(loadAndWait(window));
        QCOMPARE(window.desktopModel()->rowCount(), 30);
        QVERIFY(byName<ListingWarningBanner>(window, "listingWarningBanner")->isHidden());
    }

    void partialListingWarnsWithTheNumbersAndReloads()
    {
        m_server->setDesktopCount(1500);
        m_server->setPaging(MisbehavingServer::Paging::ShortPage);
        m_server->setRuleOffset(500);
        MainWindow window;
        window.setNetworkAccessManager(&m_network);
        QVERIFY(loadAndWait(window));
        QCOMPARE(window.desktopModel()->rowCount(), 1250);
        ListingWarningBanner *banner = byName<ListingWarningBanner>(window, "listingWarningBanner");
        QVERIFY(!banner->isHidden());
        QVERIFY2(banner->text().contains(QLocale().toString(1250)) && banner->text().contains(QLocale().toString(1500)),
                 qPrintable(banner->text()));

        // The service answers well again: Reload lists everything and the warning goes.
        m_server->setPaging(MisbehavingServer::Paging::ByOffset);
        QSignalSpy loaded(&window, &MainWindow::desktopsLoaded);
        banner->reloadButton()->click();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(window.desktopModel()->rowCount(), 1500);
        QVERIFY(banner->isHidden());
    }

    void duplicatesAreCountedInTheBanner()
    {
        m_server->setDesktopCount(1500);
        m_server->setTotalCountJson(QByteArray());
        m_server->setPaging(MisbehavingServer::Paging::Overlapping);
        m_server->setOverlap(100);
        MainWindow window;
        window.setNetworkAccessManager(&m_network);
        QVERIFY(loadAndWait(window));
        QCOMPARE(window.desktopModel()->rowCount(), 1500);
        QVERIFY(!byName<ListingWarningBanner>(window, "listingWarningBanner")->isHidden());
        QVERIFY2(byName<ListingWarningBanner>(window, "listingWarningBanner")->text().contains(QStringLiteral("300")),
                 qPrintable(byName<ListingWarningBanner>(window, "listingWarningBanner")->text()));
    }
};

QTEST_MAIN(TestListingWarning)
#include "tst_listingwarning.moc"
