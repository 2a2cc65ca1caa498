#include "settings/connectionoptions.h"
#include "settings/profilestore.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class TestProfileStore : public QObject
{
    Q_OBJECT

private:
    static ConnectionProfile sampleProfile(const QString &name)
    {
        ConnectionProfile profile;
        profile.name = name;
        profile.region = QStringLiteral("cn-north-4");
        profile.projectId = QStringLiteral("0123456789abcdef0123456789abcdef");
        profile.endpoint = QUrl(QStringLiteral("https://workspace.example.internal:8443"));
        profile.caFile = QStringLiteral("/etc/ssl/private-ca.pem");
        profile.protectedTags = {QStringLiteral("env=prod"), QStringLiteral("keep")};
        profile.accessKeyId = QStringLiteral("AKIDEXAMPLE0001");
        return profile;
    }

    QTemporaryDir m_dir;
    QString m_path;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("settings-%1.ini").arg(QLatin1String(QTest::currentTestFunction())));
        QFile::remove(m_path);
    }

    void emptyStore()
    {
        ProfileStore store(m_path);
        QVERIFY(store.profileNames().isEmpty());
        QVERIFY(!store.load(QStringLiteral("missing")).has_value());
        QVERIFY(store.lastUsed().isEmpty());
        QVERIFY(!store.remove(QStringLiteral("missing")));
    }

    void saveAndLoadRoundTrip()
    {
        const ConnectionProfile profile = sampleProfile(QStringLiteral("Production / Beijing"));
        {
            ProfileStore store(m_path);
            QString error;
            QVERIFY2(store.save(profile, &error), qPrintable(error));
        }
        ProfileStore reopened(m_path);
        QCOMPARE(reopened.profileNames(), QStringList{profile.name});
        const std::optional<ConnectionProfile> loaded = reopened.load(profile.name);
        QVERIFY(loaded.has_value());
        QCOMPARE(*loaded, profile);
    }

    // "Every region" is the profile's own choice and survives a restart; a profile without it
    // writes nothing for it.
    void allRegionsPersists()
    {
        ConnectionProfile profile = sampleProfile(QStringLiteral("whole account"));
        profile.allRegions = true;
        profile.caFile.clear();
        {
            ProfileStore store(m_path);
            QVERIFY(store.save(profile));
            QVERIFY(store.save(sampleProfile(QStringLiteral("one region"))));
        }
        ProfileStore reopened(m_path);
        QVERIFY(reopened.load(QStringLiteral("whole account"))->allRegions);
        QCOMPARE(*reopened.load(QStringLiteral("whole account")), profile);
        QVERIFY(!reopened.load(QStringLiteral("one region"))->allRegions);
        QSettings settings(m_path, QSettings::IniFormat);
        QVERIFY(!settings.allKeys().join(QLatin1Char(' ')).contains(QLatin1String("one%20region/allRegions")));
        // Resolved, it asks the window for every region, through the region's IAM.
        ConnectionOptionValues values;
        values.profile = QStringLiteral("whole account");
        values.dataDir = m_dir.path();
        QString error;
        const std::optional<ResolvedConnection> resolved =
            ConnectionOptions::resolve(values, QProcessEnvironment(), &reopened, &error);
        QVERIFY2(resolved, qPrintable(error));
        QVERIFY(resolved->allRegions);
        QCOMPARE(resolved->iamEndpoint.host(), QStringLiteral("iam.cn-north-4.myhuaweicloud.com"));
    }

    void saveReplacesClearedFields()
    {
        ProfileStore store(m_path);
        ConnectionProfile profile = sampleProfile(QStringLiteral("lab"));
        QVERIFY(store.save(profile));
        profile.endpoint.clear();
        profile.caFile.clear();
        profile.protectedTags.clear();
        QVERIFY(store.save(profile));
        const auto loaded = store.load(QStringLiteral("lab"));
        QVERIFY(loaded.has_value());
        QVERIFY(loaded->endpoint.isEmpty());
        QVERIFY(loaded->caFile.isEmpty());
        QVERIFY(loaded->protectedTags.isEmpty());
        QCOMPARE(loaded->effectiveEndpoint(),
                 QUrl(QStringLiteral("https://workspace.cn-north-4.myhuaweicloud.com")));
    }

    void namesAreSortedAndDistinct()
    {
        ProfileStore store(m_path);
        for (const char *name : {"zeta", "Alpha", "beta", "a/b\\c"})
            QVERIFY(store.save(sampleProfile(QString::fromLatin1(name))));
        QCOMPARE(store.profileNames(),
                 (QStringList{QStringLiteral("a/b\\c"), QStringLiteral("Alpha"), QStringLiteral("beta"),
                              QStringLiteral("zeta")}));
        QVERIFY(store.contains(QStringLiteral("a/b\\c")));
        QVERIFY(!store.contains(QStringLiteral("alpha"))); // names are case-sensitive
    }

    void rejectsNamelessProfile()
    {
        ProfileStore store(m_path);
        QString error;
        QVERIFY(!store.save(sampleProfile(QStringLiteral("  ")), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(store.profileNames().isEmpty());
    }

    void removeForgetsLastUsed()
    {
        ProfileStore store(m_path);
        QVERIFY(store.save(sampleProfile(QStringLiteral("one"))));
        QVERIFY(store.save(sampleProfile(QStringLiteral("two"))));
        store.setLastUsed(QStringLiteral("two"));
        QCOMPARE(store.lastUsed(), QStringLiteral("two"));
        QVERIFY(store.remove(QStringLiteral("two")));
        QVERIFY(store.lastUsed().isEmpty());
        QCOMPARE(store.profileNames(), QStringList{QStringLiteral("one")});
    }

    void lastUsedIgnoresVanishedProfile()
    {
        ProfileStore store(m_path);
        store.setLastUsed(QStringLiteral("ghost"));
        QVERIFY(store.lastUsed().isEmpty());
    }

    void worksOnCallersSettings()
    {
        QSettings settings(m_path, QSettings::IniFormat);
        ProfileStore store(settings);
        QVERIFY(store.save(sampleProfile(QStringLiteral("shared"))));
        QVERIFY(settings.childGroups().contains(QStringLiteral("profiles")));
    }

    void settingsFileHoldsOnlyProfileFields()
    {
        ProfileStore store(m_path);
        QVERIFY(store.save(sampleProfile(QStringLiteral("audit"))));
        QSettings raw(m_path, QSettings::IniFormat);
        raw.beginGroup(QStringLiteral("profiles/audit"));
        QStringList keys = raw.allKeys();
        keys.sort();
        QCOMPARE(keys, (QStringList{QStringLiteral("accessKeyId"), QStringLiteral("caFile"),
                                    QStringLiteral("endpoint"), QStringLiteral("name"),
                                    QStringLiteral("projectId"), QStringLiteral("protectedTags"),
                                    QStringLiteral("region")}));
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
