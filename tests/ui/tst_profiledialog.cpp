#include "fakedesktopnetwork.h"
#include "profiledialog.h"

#include "api/projectdiscovery.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

class TestProfileDialog : public QObject
{
    Q_OBJECT
private:
    static void fillValid(ProfileDialog &dialog)
    {
        dialog.nameEdit()->setText(QStringLiteral("prod"));
        dialog.projectIdEdit()->setText(QStringLiteral("project"));
        dialog.endpointEdit()->setText(QStringLiteral("http://127.0.0.1:9"));
        dialog.accessKeyEdit()->setText(QStringLiteral("AK"));
        dialog.secretKeyEdit()->setText(QStringLiteral("SK"));
    }

    static QByteArray fixture(const char *name)
    {
        QFile file(QStringLiteral(WORKSPACE_TEST_DATA_DIR "/") + QLatin1String(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    // IAM answers /v3/projects with `projectsFixture`; Workspace lists one desktop.
    static FakeNetworkAccessManager::RequestHandler iamAndWorkspace(const char *projectsFixture)
    {
        const QByteArray projects = fixture(projectsFixture);
        return [projects](const RecordedRequest &request) {
            if (request.url.path().startsWith(QLatin1String("/v3/")))
                return FakeResponse::json(200, projects).withHeader("X-IAM-Trace-Id", "trace-dialog");
            const QJsonObject page{{QStringLiteral("total_count"), 1},
                                   {QStringLiteral("desktops"),
                                    QJsonArray{FakeDesktopNetwork::desktop(QStringLiteral("d1"), QStringLiteral("a"))}}};
            return FakeResponse::json(200, QJsonDocument(page).toJson(QJsonDocument::Compact));
        };
    }

    static void fillWithoutProject(ProfileDialog &dialog)
    {
        fillValid(dialog);
        dialog.projectIdEdit()->clear();
        dialog.regionCombo()->setCurrentText(QStringLiteral("cn-north-4"));
        dialog.setEnvironment({});
    }

    // Test connection through `network` with the project left to be found: whether it connected.
    static bool testWithoutProject(ProfileDialog &dialog, FakeNetworkAccessManager &network)
    {
        dialog.setNetworkAccessManager(&network);
        fillWithoutProject(dialog);
        QSignalSpy finished(&dialog, &ProfileDialog::testFinished);
        dialog.testConnection();
        return finished.wait() && finished.at(0).at(0).toBool();
    }

private Q_SLOTS:
    void init() { ProjectDiscovery::clearCache(); }

    void projectIdIsOptionalWithARegion()
    {
        ProfileDialog dialog;
        fillWithoutProject(dialog);
        QVERIFY2(dialog.validationError().isEmpty(), qPrintable(dialog.validationError()));
        QVERIFY(dialog.profile().projectId.isEmpty());
        dialog.regionCombo()->setCurrentText(QString());
        QVERIFY(dialog.validationError().contains(QStringLiteral("region")));
    }

    void findShowsTheProjectFoundFromTheAccessKey()
    {
        FakeNetworkAccessManager network(iamAndWorkspace("iam-projects-by-name.json"));
        ProfileDialog dialog;
        dialog.setNetworkAccessManager(&network);
        fillWithoutProject(dialog);
        QSignalSpy found(&dialog, &ProfileDialog::projectSearchFinished);
        dialog.findProjectButton()->click();
        QVERIFY(found.wait());
        QCOMPARE(found.at(0).at(0).toBool(), true);
        QCOMPARE(dialog.foundProjectId(), QStringLiteral("06f1c15e6f0010672f86c003006c5f17"));
        QVERIFY2(dialog.projectNoteText().contains(QStringLiteral("found from the access key"), Qt::CaseInsensitive),
                 qPrintable(dialog.projectNoteText()));
        QVERIFY(dialog.projectNoteText().contains(dialog.foundProjectId()));
        QCOMPARE(network.lastRequest().url.host(), QStringLiteral("iam.cn-north-4.myhuaweicloud.com"));
        // The profile keeps finding it: nothing is saved in its place.
        QVERIFY(dialog.profile().projectId.isEmpty());
        // Another region is another project.
        dialog.regionCombo()->setCurrentText(QStringLiteral("ap-southeast-3"));
        QVERIFY(dialog.foundProjectId().isEmpty());
        QVERIFY(dialog.projectNoteText().isEmpty());
    }

    void testConnectionFindsTheProjectFirst()
    {
        FakeNetworkAccessManager network(iamAndWorkspace("iam-projects-by-name.json"));
        ProfileDialog dialog;
        QVERIFY(testWithoutProject(dialog, network));
        QCOMPARE(network.requestCount(), 2);
        QVERIFY(network.lastRequest().url.path().startsWith(QStringLiteral("/v2/06f1c15e6f0010672f86c003006c5f17/")));
        QVERIFY(dialog.projectNoteText().contains(QStringLiteral("06f1c15e6f0010672f86c003006c5f17")));
    }

    void projectNotFoundIsShownWithIamsTrace()
    {
        FakeNetworkAccessManager network(iamAndWorkspace("iam-projects-empty.json"));
        ProfileDialog dialog;
        QVERIFY(!testWithoutProject(dialog, network));
        QCOMPARE(network.requestCount(), 1);
        QVERIFY2(dialog.testResultText().contains(QStringLiteral("cn-north-4"))
                     && dialog.testResultText().contains(QStringLiteral("trace-dialog")),
                 qPrintable(dialog.testResultText()));
    }

    void explicitProjectIdIsNotSearched()
    {
        FakeNetworkAccessManager network(iamAndWorkspace("iam-projects-by-name.json"));
        ProfileDialog dialog;
        dialog.setNetworkAccessManager(&network);
        fillValid(dialog);
        QSignalSpy finished(&dialog, &ProfileDialog::testFinished);
        dialog.testConnection();
        QVERIFY(finished.wait());
        QCOMPARE(network.requestCount(), 1);
        QVERIFY(network.lastRequest().url.path().startsWith(QStringLiteral("/v2/project/")));
    }

    void offersEveryRegion()
    {
        ProfileDialog dialog;
        fillValid(dialog);
        QCheckBox *check = dialog.allRegionsCheck();
        QCOMPARE(check->objectName(), QStringLiteral("allRegionsCheck"));
        QVERIFY(!check->isChecked());
        QVERIFY(!dialog.profile().allRegions);
        check->setChecked(true);
        QVERIFY(dialog.profile().allRegions);
        // Every region is found through the region's IAM: without a region, nothing to ask.
        dialog.regionCombo()->setCurrentText(QString());
        dialog.projectIdEdit()->setText(QStringLiteral("0123456789abcdef0123456789abcdef"));
        QVERIFY(dialog.validationError().contains(QLatin1String("IAM")));
        // An edited profile shows its choice.
        ConnectionProfile saved = dialog.profile();
        saved.region = QStringLiteral("cn-north-4");
        ProfileDialog edit;
        edit.setProfile(saved, dialog.credentials());
        QVERIFY(edit.allRegionsCheck()->isChecked());
        QCOMPARE(edit.profile(), saved);
    }

    void validatesAndBuildsTheProfile()
    {
        ProfileDialog dialog;
        QVERIFY(!dialog.validationError().isEmpty());
        QVERIFY(dialog.regionCombo()->findText(QStringLiteral("cn-north-4")) >= 0);
        fillValid(dialog);
        QVERIFY(dialog.validationError().isEmpty());
        const ConnectionProfile profile = dialog.profile();
        QCOMPARE(profile.name, QStringLiteral("prod"));
        QCOMPARE(profile.endpoint, QUrl(QStringLiteral("http://127.0.0.1:9")));
        QCOMPARE(profile.accessKeyId, QStringLiteral("AK"));
        QCOMPARE(profile.protectedTags, QStringList{QStringLiteral("protected=true")});
        QCOMPARE(dialog.credentials().secretKey, QStringLiteral("SK"));
        dialog.secretKeyEdit()->clear();
        QVERIFY(!dialog.validationError().isEmpty());
    }

    void testConnectionReportsSuccess()
    {
        FakeDesktopNetwork network;
        network.desktops.append(FakeDesktopNetwork::desktop(QStringLiteral("d1"), QStringLiteral("a")));
        network.desktops.append(FakeDesktopNetwork::desktop(QStringLiteral("d2"), QStringLiteral("b")));
        ProfileDialog dialog;
        dialog.setNetworkAccessManager(&network);
        fillValid(dialog);
        QSignalSpy finished(&dialog, &ProfileDialog::testFinished);
        dialog.testConnection();
        QVERIFY(finished.wait());
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY(dialog.testResultText().contains(QStringLiteral("2")));
        QCOMPARE(network.requestCount(), 1);
    }

    void testConnectionReportsTheTypedError()
    {
        FakeDesktopNetwork network;
        network.failStatus = 403;
        network.failBody = R"({"error_code":"WKS.0004","error_msg":"No permission"})";
        ProfileDialog dialog;
        dialog.setNetworkAccessManager(&network);
        fillValid(dialog);
        QSignalSpy finished(&dialog, &ProfileDialog::testFinished);
        dialog.testConnection();
        QVERIFY(finished.wait());
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(dialog.testResultText().contains(QStringLiteral("WKS.0004")));
    }

    void refusesPlainHttpToRemoteHosts()
    {
        FakeDesktopNetwork network;
        ProfileDialog dialog;
        dialog.setNetworkAccessManager(&network);
        fillValid(dialog);
        dialog.endpointEdit()->setText(QStringLiteral("http://example.com"));
        QSignalSpy finished(&dialog, &ProfileDialog::testFinished);
        dialog.testConnection();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(network.requestCount(), 0);
    }
};

QTEST_MAIN(TestProfileDialog)
#include "tst_profiledialog.moc"
