#include "appstartup.h"
#include "deletioncontroller.h"
#include "deletiondialog.h"
#include "desktoptablemodel.h"
#include "fakedesktopnetwork.h"
#include "mainwindow.h"
#include "welcomepage.h"

#include "deletion/jobjournal.h"
#include "settings/credentialstore.h"
#include "settings/profilestore.h"

#include "api/projectdiscovery.h"

#include <QJsonDocument>

#include <QLineEdit>
#include <QPushButton>
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

    void projectIsFoundFromTheAccessKeyBeforeConnecting()
    {
        ProjectDiscovery::clearCache();
        FakeDesktopNetwork desktops;
        desktops.desktops.append(FakeDesktopNetwork::desktop(QStringLiteral("d1"), QStringLiteral("a")));
        const QByteArray projects =
            R"({"links":{"self":"x"},"projects":[{"id":"0f1e2d3c4b5a69788796a5b4c3d2e1f0","name":"cn-north-4",)"
            R"("domain_id":"d","enabled":true,"is_domain":false,"parent_id":"d","description":"","links":{"self":"x"}}]})";
        FakeNetworkAccessManager network([&desktops, projects](const RecordedRequest &request) {
            if (request.url.path().startsWith(QLatin1String("/v3/")))
                return FakeResponse::json(200, projects);
            // The listing must name the project found.
            if (!request.url.path().startsWith(QLatin1String("/v2/0f1e2d3c4b5a69788796a5b4c3d2e1f0/")))
                return FakeResponse::json(403, R"({"error_code":"APIGW.0302","error_msg":"wrong project"})");
            return FakeResponse::json(200, QJsonDocument(QJsonObject{{QStringLiteral("total_count"), 1},
                                                                     {QStringLiteral("desktops"), desktops.desktops}})
                                               .toJson(QJsonDocument::Compact));
        });
        ProfileStore profiles(m_dir.filePath(QStringLiteral("empty-discovery.ini")));
        CredentialStore credentials(QStringLiteral("tst_appstartup"));
        credentials.setKeychainEnabled(false);
        MainWindow window;
        window.setNetworkAccessManager(&network);
        AppStartup startup(&window, &profiles, &credentials);
        startup.setNetworkAccessManager(&network);
        QSignalSpy loaded(&window, &MainWindow::desktopsLoaded);
        ConnectionOptionValues values;
        values.endpoint = QStringLiteral("http://127.0.0.1:9");
        values.region = QStringLiteral("cn-north-4");
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("HUAWEICLOUD_SDK_AK"), QStringLiteral("AK"));
        environment.insert(QStringLiteral("HUAWEICLOUD_SDK_SK"), QStringLiteral("SK"));
        startup.start(values, environment);
        QVERIFY(loaded.wait());
        QVERIFY(!loaded.at(0).at(0).value<ApiError>().isError());
        QCOMPARE(window.desktopModel()->rowCount(), 1);
        QCOMPARE(network.requests().first().url.host(), QStringLiteral("iam.cn-north-4.myhuaweicloud.com"));
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

    void demoDesktopsAloneOpensTheDemoOfThatSize()
    {
        // Not the welcome page, whose demo button speaks of the default size.
        ConnectionOptionValues values;
        values.demoDesktops = 40;
        values.dataDir = m_dir.filePath(QStringLiteral("sized-demo"));
        ProfileStore profiles(m_dir.filePath(QStringLiteral("empty-sized-demo.ini")));
        CredentialStore credentials(QStringLiteral("tst_appstartup"));
        credentials.setKeychainEnabled(false);
        MainWindow window;
        AppStartup startup(&window, &profiles, &credentials);
        window.show();
        QSignalSpy loaded(&window, &MainWindow::desktopsLoaded);
        startup.start(values, QProcessEnvironment());
        QVERIFY(loaded.wait(30000));
        QCOMPARE(window.desktopModel()->rowCount(), 40);
        QVERIFY(!window.findChild<WelcomePage *>()->isVisible());
    }

    void demoDesktopsBesideAConnectionIsFatal()
    {
        ProfileStore profiles(m_dir.filePath(QStringLiteral("empty-sized-demo2.ini")));
        CredentialStore credentials(QStringLiteral("tst_appstartup"));
        credentials.setKeychainEnabled(false);
        MainWindow window;
        AppStartup startup(&window, &profiles, &credentials);
        QSignalSpy fatal(&startup, &AppStartup::fatalError);
        ConnectionOptionValues values;
        values.endpoint = QStringLiteral("http://127.0.0.1:9");
        values.projectId = QStringLiteral("project");
        values.demoDesktops = 40;
        startup.start(values, QProcessEnvironment());
        QCOMPARE(fatal.count(), 1);
        QVERIFY(fatal.at(0).at(0).toString().contains(QLatin1String("--demo-desktops")));
        QVERIFY(!window.client());
    }

    void demoKeepsItsDataUnderTheGivenDirectoryAndResumes()
    {
        // The window's demo: --data-dir honoured (the demo's data in <dir>/demo), the demo's
        // protection applied, and a restart that follows the journal's job to its end because the
        // demo service remembers it.
        const QString chosen = m_dir.filePath(QStringLiteral("chosen"));
        ConnectionOptionValues values;
        values.demo = true;
        values.dataDir = chosen;
        ProfileStore profiles(m_dir.filePath(QStringLiteral("empty-demo.ini")));
        CredentialStore credentials(QStringLiteral("tst_appstartup"));
        credentials.setKeychainEnabled(false);
        QStringList submitted;
        {
            MainWindow window;
            AppStartup startup(&window, &profiles, &credentials);
            QSignalSpy loaded(&window, &MainWindow::desktopsLoaded);
            startup.start(values, QProcessEnvironment());
            QVERIFY(loaded.wait(30000));
            QCOMPARE(window.dataDirectory(), chosen + QStringLiteral("/demo"));
            QVERIFY(window.desktopModel()->protectedTags().contains(QStringLiteral("protected=true")));
            const DesktopTableModel *model = window.desktopModel();
            for (int row = 0; row < model->rowCount() && submitted.size() < 2; ++row) {
                const Desktop &desktop = model->desktopAt(row);
                if (model->index(row, 0).data(DesktopTableModel::DeletableRole).toBool() && !desktop.isConnected()
                    && desktop.billingMode == BillingMode::PayPerUse)
                    submitted.append(desktop.id);
            }
            QCOMPARE(submitted.size(), 2);
            DeletionController *deletion = window.deletionController();
            QSignalSpy prepared(deletion, &DeletionController::preparationFinished);
            deletion->requestDeletion(submitted);
            QVERIFY(prepared.wait(30000));
            DeletionDialog *dialog = deletion->dialog();
            QVERIFY(dialog);
            QSignalSpy started(deletion, &DeletionController::runStarted);
            dialog->confirmationField()->setText(QStringLiteral("2"));
            dialog->deleteButton()->click();
            QCOMPARE(started.size(), 1);
            QSignalSpy accepted(started.at(0).at(0).value<DeletionRun *>(), &DeletionRun::chunkSubmitted);
            QVERIFY(accepted.wait(30000));
        } // the window closes while the demo's job runs
        JobJournal journal(JobJournal::defaultFilePath(chosen + QStringLiteral("/demo")));
        QVERIFY(journal.load());
        QCOMPARE(journal.entries().size(), 1);

        MainWindow window;
        AppStartup startup(&window, &profiles, &credentials);
        QSignalSpy loaded(&window, &MainWindow::desktopsLoaded);
        startup.start(values, QProcessEnvironment());
        QVERIFY(loaded.wait(30000));
        QCOMPARE(window.deletionController()->runs().size(), 1);
        DeletionRun *resumed = window.deletionController()->runs().constFirst();
        if (resumed->state() != DeletionRun::State::Finished) {
            QSignalSpy finished(resumed, &DeletionRun::finished);
            QVERIFY(finished.wait(30000));
        }
        QCOMPARE(resumed->result().count(DeletionOutcome::Deleted), 2);
        QVERIFY(journal.load());
        QVERIFY(journal.entries().isEmpty());
    }
};

QTEST_MAIN(TestAppStartup)
#include "tst_appstartup.moc"
