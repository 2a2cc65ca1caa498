#include "settings/credentialstore.h"
#include "settings/profilestore.h"

#include <QDirIterator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

// On CI there is no secret service: the store must say so and keep secrets for the run. Where a
// keychain does exist, the round trip goes through it, under a service name of its own.
class TestCredentialStore : public QObject
{
    Q_OBJECT

private:
    static Credentials sampleCredentials()
    {
        Credentials credentials;
        credentials.accessKey = QStringLiteral("AK-NOT-STORED-HERE");
        credentials.secretKey = QStringLiteral("SK-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
        credentials.securityToken = QStringLiteral("TOKEN-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
        return credentials;
    }

    // Searches every file under the sandboxed config and data homes for the text.
    bool anyFileContains(const QString &text) const
    {
        QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(text.toUtf8()))
                return true;
        }
        return false;
    }

    static std::tuple<bool, QString> waitForWrite(CredentialStore &store, const QString &profile,
                                                  const Credentials &credentials)
    {
        QSignalSpy spy(&store, &CredentialStore::writeFinished);
        store.write(profile, credentials);
        if (!spy.wait(20000) || spy.size() != 1)
            return {false, QStringLiteral("no answer")};
        return {spy.at(0).at(1).toBool(), spy.at(0).at(2).toString()};
    }

    static std::optional<Credentials> waitForRead(CredentialStore &store, const QString &profile,
                                                  const QString &accessKey)
    {
        std::optional<Credentials> result;
        int answers = 0;
        QObject context;
        QObject::connect(&store, &CredentialStore::readFinished, &context,
                         [&](const QString &name, const Credentials &credentials, const QString &) {
                             ++answers;
                             if (name == profile)
                                 result = credentials;
                         });
        QSignalSpy spy(&store, &CredentialStore::readFinished);
        store.read(profile, accessKey);
        if (!spy.wait(20000) || answers != 1)
            return std::nullopt;
        return result;
    }

    QTemporaryDir m_home;
    QString m_service;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // Anything a keychain library might write as a fallback lands in this sandbox.
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        m_service = QStringLiteral("workspace-admin-test-%1")
                        .arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    }

    void scopedKeys()
    {
        CredentialStore store;
        QCOMPARE(store.keyFor(QStringLiteral("prod"), CredentialStore::secretKeyPart()),
                 QStringLiteral("workspace-admin:prod:secret-key"));
        QCOMPARE(store.keyFor(QStringLiteral("prod"), CredentialStore::securityTokenPart()),
                 QStringLiteral("workspace-admin:prod:security-token"));
    }

    void memoryOnlyWhenDisabled()
    {
        CredentialStore store(m_service);
        store.setKeychainEnabled(false);
        QVERIFY(!store.isKeychainAvailable());
        QVERIFY(!store.unavailableReason().isEmpty());

        const Credentials credentials = sampleCredentials();
        QSignalSpy writeSpy(&store, &CredentialStore::writeFinished);
        store.write(QStringLiteral("demo"), credentials);
        QCOMPARE(writeSpy.size(), 0); // answered from the event loop, not from inside write()
        QVERIFY(writeSpy.wait(5000));
        QCOMPARE(writeSpy.size(), 1);
        QCOMPARE(writeSpy.at(0).at(0).toString(), QStringLiteral("demo"));
        QVERIFY(!writeSpy.at(0).at(1).toBool()); // not persisted
        QVERIFY(writeSpy.at(0).at(2).toString().isEmpty());

        const auto read = waitForRead(store, QStringLiteral("demo"), QStringLiteral("AK-1"));
        QVERIFY(read.has_value());
        QCOMPARE(read->accessKey, QStringLiteral("AK-1"));
        QCOMPARE(read->secretKey, credentials.secretKey);
        QCOMPARE(read->securityToken, credentials.securityToken);

        // Another profile's secrets stay apart.
        const auto other = waitForRead(store, QStringLiteral("other"), QStringLiteral("AK-2"));
        QVERIFY(other.has_value());
        QVERIFY(other->secretKey.isEmpty());
        QVERIFY(!other->isComplete());

        QSignalSpy removeSpy(&store, &CredentialStore::removeFinished);
        store.remove(QStringLiteral("demo"));
        QVERIFY(removeSpy.wait(5000));
        const auto afterRemove = waitForRead(store, QStringLiteral("demo"), QStringLiteral("AK-1"));
        QVERIFY(afterRemove.has_value());
        QVERIFY(afterRemove->secretKey.isEmpty());
        QVERIFY(afterRemove->securityToken.isEmpty());
    }

    void systemKeychainOrReportedFallback()
    {
        CredentialStore store(m_service);
        QSignalSpy unavailableSpy(&store, &CredentialStore::keychainUnavailable);
        const Credentials credentials = sampleCredentials();
        const QString profile = QStringLiteral("prod");

        const auto [persisted, error] = waitForWrite(store, profile, credentials);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        if (persisted) {
            QVERIFY(store.isKeychainAvailable());
            QCOMPARE(unavailableSpy.size(), 0);
        } else {
            // The fallback: said plainly, once, with a translated reason.
            QVERIFY(!store.isKeychainAvailable());
            QCOMPARE(unavailableSpy.size(), 1);
            QCOMPARE(unavailableSpy.at(0).at(0).toString(), store.unavailableReason());
            QVERIFY(store.unavailableReason().contains(QStringLiteral("this run only")));
        }

        // Either way the secret is there for this run…
        const auto read = waitForRead(store, profile, credentials.accessKey);
        QVERIFY(read.has_value());
        QCOMPARE(read->secretKey, credentials.secretKey);
        QCOMPARE(read->securityToken, credentials.securityToken);
        QCOMPARE(unavailableSpy.size(), persisted ? 0 : 1); // reported once only

        // …and never in a file.
        QVERIFY(!anyFileContains(credentials.secretKey));
        QVERIFY(!anyFileContains(credentials.securityToken));

        // A fresh store (the next run) only has it when the keychain kept it.
        CredentialStore nextRun(m_service);
        const auto again = waitForRead(nextRun, profile, credentials.accessKey);
        QVERIFY(again.has_value());
        QCOMPARE(again->secretKey, persisted ? credentials.secretKey : QString());

        QSignalSpy removeSpy(&store, &CredentialStore::removeFinished);
        store.remove(profile);
        QVERIFY(removeSpy.wait(20000));
        QVERIFY2(removeSpy.at(0).at(1).toString().isEmpty(), qPrintable(removeSpy.at(0).at(1).toString()));
    }

    void noSecretInProfileSettings()
    {
        const QString path = m_home.filePath(QStringLiteral("config/profiles.ini"));
        ProfileStore profiles(path);
        CredentialStore store(m_service);
        const Credentials credentials = sampleCredentials();

        ConnectionProfile profile;
        profile.name = QStringLiteral("audited");
        profile.region = QStringLiteral("cn-north-4");
        profile.projectId = QStringLiteral("project");
        profile.accessKeyId = credentials.accessKey;
        QVERIFY(profiles.save(profile));
        waitForWrite(store, profile.name, credentials);
        profiles.setLastUsed(profile.name);
        QVERIFY(profiles.sync());

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray contents = file.readAll();
        QVERIFY(contents.contains(credentials.accessKey.toUtf8())); // the file was really read
        QVERIFY(!contents.contains(credentials.secretKey.toUtf8()));
        QVERIFY(!contents.contains(credentials.securityToken.toUtf8()));
        QVERIFY(!anyFileContains(credentials.secretKey));

        QSignalSpy removeSpy(&store, &CredentialStore::removeFinished);
        store.remove(profile.name);
        QVERIFY(removeSpy.wait(20000));
    }
};

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
