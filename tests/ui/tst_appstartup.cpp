#include "appstartup.h"
#include "desktoptablemodel.h"
#include "fakedesktopnetwork.h"
#include "mainwindow.h"
#include "welcomepage.h"

#include "settings/credentialstore.h"
#include "settings/profilestore.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestAppStartup : public QObject
{
    Q_OBJECT
private:
    static ConnectionProfile localProfile()
    {
        ConnectionProfile profile;
        profile.name = QStringLiteral("local");
        profile.endpoint = QUrl(QStringLiteral("http://127.0.0.1:9"));
        profile.projectId = QStringLiteral("project");
        profile.accessKeyId = QStringLiteral("AK");
        profile.protectedTags = {QStringLiteral("keep")};
        return profile;
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("WorkspaceAdminTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_appstartup"));
        QVERIFY(m_dir.isValid());
    }

    void withoutProfileShowsWelcome()
    {
        ProfileStore profiles(m_dir.filePath(QStringLiteral("empty.ini")));
        CredentialStore credentials(QStringLiteral("tst_appstartup"));
        credentials.setKeychainEnabled(false);
        MainWindow window;
        AppStartup startup(&window, &profiles, &credentials);
        window.show();
        startup.start({}, QProcessEnvironment());
        QVERIFY(window.findChild<WelcomePage *>()->isVisible());
        QVERIFY(!window.client());
    }

    void incompleteCommandLineIsFatal()
    {
        ProfileStore profiles(m_dir.filePath(QStringLiteral("empty2.ini")));
        CredentialStore credentials(QStringLiteral("tst_appstartup"));
        credentials.setKeychainEnabled(false);
        MainWindow window;
        AppStartup startup(&window, &profiles, &credentials);
        QSignalSpy fatal(&startup, &AppStartup::fatalError);
        ConnectionOptionValues values;
        values.endpoint = QStringLiteral("http://127.0.0.1:9");
        values.projectId = QStringLiteral("project");
        startup.start(values, QProcessEnvironment()); // no credentials anywhere
        QCOMPARE(fatal.count(), 1);
        QVERIFY(!fatal.at(0).at(0).toString().isEmpty());
    }

    void environmentCredentialsLoadAtOnce()
    {
        FakeDesktopNetwork network;
        network.desktops.append(FakeDesktopNetwork::desktop(QStringLiteral("d1"), QStringLiteral("a")));
        ProfileStore profiles(m_dir.filePath(QStringLiteral("empty3.ini")));
        CredentialStore credentials(QStringLiteral("tst_appstartup"));
        credentials.setKeychainEnabled(false);
        MainWindow window;
        window.setNetworkAccessManager(&network);
        AppStartup startup(&window, &profiles, &credentials);
        QSignalSpy loaded(&window, &MainWindow::desktopsLoaded);
        ConnectionOptionValues values;
        values.endpoint = QStringLiteral("http://127.0.0.1:9");
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("HUAWEICLOUD_SDK_AK"), QStringLiteral("AK"));
        environment.insert(QStringLiteral("HUAWEICLOUD_SDK_SK"), QStringLiteral("SK"));
        environment.insert(QStringLiteral("HUAWEICLOUD_SDK_PROJECT_ID"), QStringLiteral("project"));
        startup.start(values, environment);
        QVERIFY(loaded.wait());
        QVERIFY(!loaded.at(0).at(0).value<ApiError>().isError());
        QCOMPARE(window.desktopModel()->rowCount(), 1);
    }

    void newProfileIsSavedUsedAndRemembered()
    {
        FakeDesktopNetwork network;
        network.desktops.append(FakeDesktopNetwork::desktop(QStringLiteral("d1"), QStringLiteral("a")));
        const QString file = m_dir.filePath(QStringLiteral("profiles.ini"));
        CredentialStore credentials(QStringLiteral("tst_appstartup"));
        credentials.setKeychainEnabled(false);
        {
            ProfileStore profiles(file);
            MainWindow window;
            window.setNetworkAccessManager(&network);
            AppStartup startup(&window, &profiles, &credentials);
            QSignalSpy loaded(&window, &MainWindow::desktopsLoaded);
            Q_EMIT window.connectionRequested(localProfile(), {QStringLiteral("AK"), QStringLiteral("SK"), {}});
            QVERIFY(loaded.wait());
            QVERIFY(!loaded.at(0).at(0).value<ApiError>().isError());
            QCOMPARE(profiles.lastUsed(), QStringLiteral("local"));
            QCOMPARE(window.desktopModel()->protectedTags(), QStringList{QStringLiteral("keep")});
            QVERIFY(window.windowTitle().contains(QStringLiteral("local")));
        }
        // Next start: the last used profile, its secret from the store.
        ProfileStore profiles(file);
        MainWindow window;
        window.setNetworkAccessManager(&network);
        AppStartup startup(&window, &profiles, &credentials);
        QSignalSpy loaded(&window, &MainWindow::desktopsLoaded);
        startup.start({}, QProcessEnvironment());
        QVERIFY(loaded.wait());
        QVERIFY(!loaded.at(0).at(0).value<ApiError>().isError());
        QCOMPARE(window.desktopModel()->rowCount(), 1);
    }
};

QTEST_MAIN(TestAppStartup)
#include "tst_appstartup.moc"
