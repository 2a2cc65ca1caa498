#include "settings/connectionoptions.h"

#include <QTemporaryDir>
#include <QTest>

class TestConnectionOptions : public QObject
{
    Q_OBJECT

private:
    static QString dataFile(const char *name)
    {
        return QStringLiteral(SETTINGS_TEST_DATA_DIR "/") + QString::fromLatin1(name);
    }

    static QProcessEnvironment environment(
        std::initializer_list<std::pair<const char *, const char *>> variables)
    {
        QProcessEnvironment env;
        for (const auto &[name, value] : variables)
            env.insert(QString::fromLatin1(name), QString::fromLatin1(value));
        return env;
    }

    static ConnectionOptionValues withDataDir(ConnectionOptionValues values = {})
    {
        values.dataDir = QStringLiteral("/tmp/workspace-admin-test-data");
        return values;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<ProfileStore> m_store;
    ConnectionProfile m_profile;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath(QStringLiteral("profiles.ini")));
        m_store = std::make_unique<ProfileStore>(m_dir.filePath(QStringLiteral("profiles.ini")));
        m_profile = {};
        m_profile.name = QStringLiteral("prod");
        m_profile.region = QStringLiteral("cn-east-3");
        m_profile.projectId = QStringLiteral("profile-project");
        m_profile.protectedTags = {QStringLiteral("keep=yes")};
        m_profile.accessKeyId = QStringLiteral("PROFILE-AK");
        QVERIFY(m_store->save(m_profile));
    }

    void parsesEveryOption()
    {
        QCommandLineParser parser;
        ConnectionOptions::addTo(parser);
        QVERIFY(parser.parse({QStringLiteral("app"), QStringLiteral("--demo"), QStringLiteral("--profile"),
                              QStringLiteral("p"), QStringLiteral("--region"), QStringLiteral("r"),
                              QStringLiteral("--project-id"), QStringLiteral("id"),
                              QStringLiteral("--endpoint"), QStringLiteral("https://e"),
                              QStringLiteral("--ca-file"), QStringLiteral("ca.pem"),
                              QStringLiteral("--data-dir"), QStringLiteral("/d")}));
        const ConnectionOptionValues values = ConnectionOptions::valuesFrom(parser);
        QVERIFY(values.demo);
        QCOMPARE(values.profile, QStringLiteral("p"));
        QCOMPARE(values.region, QStringLiteral("r"));
        QCOMPARE(values.projectId, QStringLiteral("id"));
        QCOMPARE(values.endpoint, QStringLiteral("https://e"));
        QCOMPARE(values.caFile, QStringLiteral("ca.pem"));
        QCOMPARE(values.dataDir, QStringLiteral("/d"));
    }

    void environmentOnly()
    {
        ConnectionOptionValues values = withDataDir();
        values.region = QStringLiteral("cn-north-4");
        QString error;
        const auto resolved = ConnectionOptions::resolve(
            values,
            environment({{"HUAWEICLOUD_SDK_AK", "ENV-AK"}, {"HUAWEICLOUD_SDK_SK", "ENV-SK"},
                         {"HUAWEICLOUD_SDK_SECURITY_TOKEN", "ENV-TOKEN"},
                         {"HUAWEICLOUD_SDK_PROJECT_ID", "env-project"}}),
            m_store.get(), &error);
        QVERIFY2(resolved, qPrintable(error));
        QCOMPARE(resolved->config.endpoint,
                 QUrl(QStringLiteral("https://workspace.cn-north-4.myhuaweicloud.com")));
        QCOMPARE(resolved->config.projectId, QStringLiteral("env-project"));
        QCOMPARE(resolved->credentials.accessKey, QStringLiteral("ENV-AK"));
        QCOMPARE(resolved->credentials.secretKey, QStringLiteral("ENV-SK"));
        QCOMPARE(resolved->credentials.securityToken, QStringLiteral("ENV-TOKEN"));
        QVERIFY(resolved->profileName.isEmpty());
        QVERIFY(!resolved->needsStoredCredentials());
        QVERIFY(!resolved->isDemo);
        QCOMPARE(resolved->dataDir, QStringLiteral("/tmp/workspace-admin-test-data"));
    }

    void profileOnlyNeedsStoredSecret()
    {
        ConnectionOptionValues values = withDataDir();
        values.profile = QStringLiteral("prod");
        QString error;
        auto resolved = ConnectionOptions::resolve(values, {}, m_store.get(), &error);
        QVERIFY2(resolved, qPrintable(error));
        QCOMPARE(resolved->config.endpoint,
                 QUrl(QStringLiteral("https://workspace.cn-east-3.myhuaweicloud.com")));
        QCOMPARE(resolved->config.projectId, QStringLiteral("profile-project"));
        QCOMPARE(resolved->profileName, QStringLiteral("prod"));
        QCOMPARE(resolved->protectedTags, QStringList{QStringLiteral("keep=yes")});
        QCOMPARE(resolved->credentials.accessKey, QStringLiteral("PROFILE-AK"));
        QVERIFY(resolved->needsStoredCredentials());

        Credentials stored;
        stored.secretKey = QStringLiteral("KEYCHAIN-SK");
        QVERIFY2(resolved->fillStoredCredentials(stored, &error), qPrintable(error));
        QVERIFY(!resolved->needsStoredCredentials());
        QCOMPARE(resolved->credentials.accessKey, QStringLiteral("PROFILE-AK"));
        QCOMPARE(resolved->credentials.secretKey, QStringLiteral("KEYCHAIN-SK"));
    }

    void missingStoredSecretIsAnError()
    {
        ConnectionOptionValues values = withDataDir();
        values.profile = QStringLiteral("prod");
        auto resolved = ConnectionOptions::resolve(values, {}, m_store.get(), nullptr);
        QVERIFY(resolved);
        QString error;
        QVERIFY(!resolved->fillStoredCredentials({}, &error));
        QVERIFY(error.contains(QStringLiteral("prod")));
    }

    void precedence_data()
    {
        QTest::addColumn<QString>("cliProject");
        QTest::addColumn<QString>("envProject");
        QTest::addColumn<QString>("expected");
        QTest::newRow("command line wins") << "cli-project" << "env-project" << "cli-project";
        QTest::newRow("environment beats profile") << "" << "env-project" << "env-project";
        QTest::newRow("profile last") << "" << "" << "profile-project";
    }

    void precedence()
    {
        QFETCH(QString, cliProject);
        QFETCH(QString, envProject);
        QFETCH(QString, expected);
        ConnectionOptionValues values = withDataDir();
        values.profile = QStringLiteral("prod");
        values.projectId = cliProject;
        QProcessEnvironment env = environment({{"HUAWEICLOUD_SDK_AK", "ENV-AK"},
                                               {"HUAWEICLOUD_SDK_SK", "ENV-SK"}});
        if (!envProject.isEmpty())
            env.insert(QStringLiteral("HUAWEICLOUD_SDK_PROJECT_ID"), envProject);
        QString error;
        const auto resolved = ConnectionOptions::resolve(values, env, m_store.get(), &error);
        QVERIFY2(resolved, qPrintable(error));
        QCOMPARE(resolved->config.projectId, expected);
        // Environment credentials beat the profile's access key.
        QCOMPARE(resolved->credentials.accessKey, QStringLiteral("ENV-AK"));
        QVERIFY(!resolved->needsStoredCredentials());
    }

    void endpointPrecedence_data()
    {
        QTest::addColumn<QString>("cliEndpoint");
        QTest::addColumn<QString>("cliRegion");
        QTest::addColumn<QString>("profileEndpoint");
        QTest::addColumn<QUrl>("expected");
        QTest::newRow("cli endpoint beats all")
            << "https://proxy.example.com/" << "cn-north-4" << "https://p.example.com"
            << QUrl(QStringLiteral("https://proxy.example.com"));
        QTest::newRow("cli region beats profile endpoint")
            << "" << "ap-southeast-1" << "https://p.example.com"
            << QUrl(QStringLiteral("https://workspace.ap-southeast-1.myhuaweicloud.com"));
        QTest::newRow("profile endpoint beats profile region")
            << "" << "" << "https://p.example.com" << QUrl(QStringLiteral("https://p.example.com"));
        QTest::newRow("profile region") << "" << "" << ""
                                        << QUrl(QStringLiteral("https://workspace.cn-east-3.myhuaweicloud.com"));
        QTest::newRow("typed region") << "" << "xx-private-7" << ""
                                      << QUrl(QStringLiteral("https://workspace.xx-private-7.myhuaweicloud.com"));
        QTest::newRow("loopback http") << "http://127.0.0.1:8080" << "" << ""
                                       << QUrl(QStringLiteral("http://127.0.0.1:8080"));
    }

    void endpointPrecedence()
    {
        QFETCH(QString, cliEndpoint);
        QFETCH(QString, cliRegion);
        QFETCH(QString, profileEndpoint);
        QFETCH(QUrl, expected);
        m_profile.endpoint = QUrl(profileEndpoint);
        QVERIFY(m_store->save(m_profile));
        ConnectionOptionValues values = withDataDir();
        values.profile = QStringLiteral("prod");
        values.endpoint = cliEndpoint;
        values.region = cliRegion;
        QString error;
        const auto resolved = ConnectionOptions::resolve(values, {}, m_store.get(), &error);
        QVERIFY2(resolved, qPrintable(error));
        QCOMPARE(resolved->config.endpoint, expected);
    }

    void regionEnvironmentOverride()
    {
        qputenv("HUAWEICLOUD_SDK_REGION_WORKSPACE_CN_NORTH_4", "https://override.example.com");
        ConnectionOptionValues values = withDataDir();
        values.profile = QStringLiteral("prod");
        values.region = QStringLiteral("cn-north-4");
        const auto resolved = ConnectionOptions::resolve(values, {}, m_store.get(), nullptr);
        qunsetenv("HUAWEICLOUD_SDK_REGION_WORKSPACE_CN_NORTH_4");
        QVERIFY(resolved);
        QCOMPARE(resolved->config.endpoint, QUrl(QStringLiteral("https://override.example.com")));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("projectId");
        QTest::addColumn<QString>("caFile");
        QTest::addColumn<bool>("envCredentials");
        QTest::addColumn<QString>("errorMentions");
        QTest::newRow("unknown profile") << "nope" << "" << "" << "" << "" << true << "nope";
        QTest::newRow("no endpoint") << "" << "" << "" << "p" << "" << true << "--region";
        QTest::newRow("bad endpoint") << "" << "not a url" << "" << "p" << "" << true << "not a url";
        QTest::newRow("ftp endpoint") << "" << "ftp://example.com" << "" << "p" << "" << true << "https";
        QTest::newRow("http to a remote host")
            << "" << "http://workspace.example.com" << "" << "p" << "" << true << "localhost";
        QTest::newRow("neither project id nor region")
            << "" << "https://workspace.example.com" << "" << "" << "" << true << "--region";
        QTest::newRow("project to be found in a region that is no name")
            << "" << "https://workspace.example.com" << "cn north" << "" << "" << true << "cn north";
        QTest::newRow("missing credentials") << "" << "" << "cn-north-4" << "p" << "" << false
                                             << "HUAWEICLOUD_SDK_AK";
        QTest::newRow("unreadable CA file")
            << "" << "" << "cn-north-4" << "p" << dataFile("does-not-exist.pem") << true
            << "does-not-exist.pem";
        QTest::newRow("CA file without certificate")
            << "" << "" << "cn-north-4" << "p" << dataFile("not-a-certificate.pem") << true
            << "not-a-certificate.pem";
    }

    void errors()
    {
        QFETCH(QString, profile);
        QFETCH(QString, endpoint);
        QFETCH(QString, region);
        QFETCH(QString, projectId);
        QFETCH(QString, caFile);
        QFETCH(bool, envCredentials);
        QFETCH(QString, errorMentions);
        ConnectionOptionValues values = withDataDir();
        values.profile = profile;
        values.endpoint = endpoint;
        values.region = region;
        values.projectId = projectId;
        values.caFile = caFile;
        const QProcessEnvironment env = envCredentials
            ? environment({{"HUAWEICLOUD_SDK_AK", "AK"}, {"HUAWEICLOUD_SDK_SK", "SK"}})
            : QProcessEnvironment();
        QString error;
        QVERIFY(!ConnectionOptions::resolve(values, env, m_store.get(), &error));
        QVERIFY2(error.contains(errorMentions), qPrintable(error));
    }

    void withoutProjectIdTheRegionsIamFindsIt_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("iamOverride");
        QTest::addColumn<QString>("expectedIam");
        QTest::newRow("region") << "" << "cn-north-4" << "" << "https://iam.cn-north-4.myhuaweicloud.com";
        QTest::newRow("EU region") << "" << "eu-west-101" << "" << "https://iam.eu-west-101.myhuaweicloud.eu";
        QTest::newRow("explicit endpoint and region")
            << "https://workspace.example.com" << "ap-southeast-3" << "" << "https://iam.ap-southeast-3.myhuaweicloud.com";
        QTest::newRow("IAM endpoint from the environment")
            << "http://127.0.0.1:9" << "cn-north-4" << "http://127.0.0.1:10" << "http://127.0.0.1:10";
    }

    void withoutProjectIdTheRegionsIamFindsIt()
    {
        QFETCH(QString, endpoint);
        QFETCH(QString, region);
        QFETCH(QString, iamOverride);
        QFETCH(QString, expectedIam);
        ConnectionOptionValues values = withDataDir();
        values.endpoint = endpoint;
        values.region = region;
        QProcessEnvironment env = environment({{"HUAWEICLOUD_SDK_AK", "AK"}, {"HUAWEICLOUD_SDK_SK", "SK"}});
        if (!iamOverride.isEmpty())
            env.insert(QStringLiteral("HUAWEICLOUD_SDK_IAM_ENDPOINT"), iamOverride);
        QString error;
        const auto resolved = ConnectionOptions::resolve(values, env, m_store.get(), &error);
        QVERIFY2(resolved, qPrintable(error));
        QVERIFY(resolved->needsProjectDiscovery());
        QCOMPARE(resolved->region, region);
        QCOMPARE(resolved->iamEndpoint, QUrl(expectedIam));
        QCOMPARE(resolved->explicitEndpoint, !endpoint.isEmpty());
        const ProjectDiscovery::Request request = resolved->projectDiscoveryRequest();
        QCOMPARE(request.region, region);
        QCOMPARE(request.iamEndpoint, QUrl(expectedIam));
        QCOMPARE(request.credentials.accessKey, QStringLiteral("AK"));
    }

    void profileWithoutProjectIdUsesItsRegion()
    {
        m_profile.projectId.clear();
        QVERIFY(m_store->save(m_profile));
        ConnectionOptionValues values = withDataDir();
        values.profile = m_profile.name;
        QString error;
        const auto resolved = ConnectionOptions::resolve(values, {}, m_store.get(), &error);
        QVERIFY2(resolved, qPrintable(error));
        QVERIFY(resolved->needsProjectDiscovery());
        QCOMPARE(resolved->region, QStringLiteral("cn-east-3"));
        QCOMPARE(resolved->iamEndpoint, QUrl(QStringLiteral("https://iam.cn-east-3.myhuaweicloud.com")));
    }

    void explicitProjectIdNeedsNoDiscovery()
    {
        ConnectionOptionValues values = withDataDir();
        values.region = QStringLiteral("cn-north-4");
        values.projectId = QStringLiteral("given");
        const auto resolved = ConnectionOptions::resolve(
            values, environment({{"HUAWEICLOUD_SDK_AK", "AK"}, {"HUAWEICLOUD_SDK_SK", "SK"}}), m_store.get(), nullptr);
        QVERIFY(resolved);
        QVERIFY(!resolved->needsProjectDiscovery());
        QCOMPARE(resolved->config.projectId, QStringLiteral("given"));
    }

    void halfEnvironmentCredentialsAreAnError()
    {
        ConnectionOptionValues values = withDataDir();
        values.profile = QStringLiteral("prod");
        QString error;
        QVERIFY(!ConnectionOptions::resolve(values, environment({{"HUAWEICLOUD_SDK_AK", "AK"}}),
                                            m_store.get(), &error));
        QVERIFY(error.contains(QStringLiteral("HUAWEICLOUD_SDK_SK")));
    }

    void caFileIsLoaded()
    {
        ConnectionOptionValues values = withDataDir();
        values.profile = QStringLiteral("prod");
        values.caFile = dataFile("test-ca.pem");
        QString error;
        const auto resolved = ConnectionOptions::resolve(values, {}, m_store.get(), &error);
        QVERIFY2(resolved, qPrintable(error));
        QCOMPARE(resolved->config.extraCaCertificates.size(), 1);
        QCOMPARE(resolved->config.extraCaCertificates.first().subjectInfo(QSslCertificate::CommonName),
                 QStringList{QStringLiteral("Workspace Admin Test CA")});
    }

    void demoNeedsNothingElse()
    {
        ConnectionOptionValues values;
        values.demo = true;
        QString error;
        const auto resolved = ConnectionOptions::resolve(values, {}, nullptr, &error);
        QVERIFY2(resolved, qPrintable(error));
        QVERIFY(resolved->isDemo);
        QVERIFY(!resolved->needsStoredCredentials());
        QCOMPARE(resolved->dataDir, ConnectionOptions::defaultDataDir() + QStringLiteral("/demo"));
        // A chosen directory holds the demo's data too, still apart from real deletions.
        values.dataDir = QStringLiteral("/chosen");
        QCOMPARE(ConnectionOptions::resolve(values, {}, nullptr, &error)->dataDir, QStringLiteral("/chosen/demo"));
        values.demo = false;
        QCOMPARE(ConnectionOptions::resolveDataDir(values), QStringLiteral("/chosen"));
    }
};

QTEST_GUILESS_MAIN(TestConnectionOptions)
#include "tst_connectionoptions.moc"
