#include "fakedesktopnetwork.h"
#include "profiledialog.h"

#include <QComboBox>
#include <QLineEdit>
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

private Q_SLOTS:
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
