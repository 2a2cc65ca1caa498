#include "api/credentialsource.h"

#include <QTest>

class TestCredentialSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void permanentCredentialsAndProject();
    void temporaryCredentials();
    void valuesAreTrimmed();
    void nothingSetIsNotAnError();
    void contradictionsAreRefused_data();
    void contradictionsAreRefused();
    void errorsNeverQuoteTheSecret();

private:
    static QProcessEnvironment environment(std::initializer_list<std::pair<const char *, const char *>> values);
};

QProcessEnvironment TestCredentialSource::environment(
    std::initializer_list<std::pair<const char *, const char *>> values)
{
    QProcessEnvironment result;
    result.insert(QStringLiteral("UNRELATED"), QStringLiteral("x"));
    for (const auto &[name, value] : values)
        result.insert(QLatin1String(name), QString::fromUtf8(value));
    return result;
}

void TestCredentialSource::permanentCredentialsAndProject()
{
    QString error;
    const auto resolved = CredentialSource::fromEnvironment(
        environment({{"HUAWEICLOUD_SDK_AK", "AK1"}, {"HUAWEICLOUD_SDK_SK", "SK1"},
                     {"HUAWEICLOUD_SDK_PROJECT_ID", "proj-1"}}),
        &error);
    QVERIFY2(resolved, qPrintable(error));
    QVERIFY(resolved->hasCredentials());
    QCOMPARE(resolved->credentials.accessKey, QStringLiteral("AK1"));
    QCOMPARE(resolved->credentials.secretKey, QStringLiteral("SK1"));
    QVERIFY(resolved->credentials.securityToken.isEmpty());
    QCOMPARE(resolved->projectId, QStringLiteral("proj-1"));
}

void TestCredentialSource::temporaryCredentials()
{
    QString error;
    const auto resolved = CredentialSource::fromEnvironment(
        environment({{"HUAWEICLOUD_SDK_AK", "AK"}, {"HUAWEICLOUD_SDK_SK", "SK"},
                     {"HUAWEICLOUD_SDK_SECURITY_TOKEN", "TOKEN"}}),
        &error);
    QVERIFY2(resolved, qPrintable(error));
    QCOMPARE(resolved->credentials.securityToken, QStringLiteral("TOKEN"));
    QVERIFY(resolved->projectId.isEmpty());
}

void TestCredentialSource::valuesAreTrimmed()
{
    QString error;
    const auto resolved = CredentialSource::fromEnvironment(
        environment({{"HUAWEICLOUD_SDK_AK", " AK \n"}, {"HUAWEICLOUD_SDK_SK", "SK\n"},
                     {"HUAWEICLOUD_SDK_PROJECT_ID", "\tp "}}),
        &error);
    QVERIFY2(resolved, qPrintable(error));
    QCOMPARE(resolved->credentials.accessKey, QStringLiteral("AK"));
    QCOMPARE(resolved->credentials.secretKey, QStringLiteral("SK"));
    QCOMPARE(resolved->projectId, QStringLiteral("p"));
}

void TestCredentialSource::nothingSetIsNotAnError()
{
    QString error;
    const auto resolved = CredentialSource::fromEnvironment(environment({}), &error);
    QVERIFY(resolved);
    QVERIFY(!resolved->hasCredentials());
    QVERIFY(error.isEmpty());
    // Only a project id: credentials may come from elsewhere (a profile and the keychain).
    const auto projectOnly =
        CredentialSource::fromEnvironment(environment({{"HUAWEICLOUD_SDK_PROJECT_ID", "p"}}), &error);
    QVERIFY(projectOnly);
    QCOMPARE(projectOnly->projectId, QStringLiteral("p"));
    // Blank values count as unset.
    QVERIFY(CredentialSource::fromEnvironment(
        environment({{"HUAWEICLOUD_SDK_AK", "  "}, {"HUAWEICLOUD_SDK_SK", ""}}), &error));
}

void TestCredentialSource::contradictionsAreRefused_data()
{
    QTest::addColumn<QProcessEnvironment>("env");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("AK without SK") << environment({{"HUAWEICLOUD_SDK_AK", "AK"}})
                                   << QStringLiteral("HUAWEICLOUD_SDK_SK");
    QTest::newRow("SK without AK") << environment({{"HUAWEICLOUD_SDK_SK", "SK"}})
                                   << QStringLiteral("HUAWEICLOUD_SDK_AK");
    QTest::newRow("token alone") << environment({{"HUAWEICLOUD_SDK_SECURITY_TOKEN", "T"}})
                                 << QStringLiteral("HUAWEICLOUD_SDK_SECURITY_TOKEN");
}

void TestCredentialSource::contradictionsAreRefused()
{
    QFETCH(QProcessEnvironment, env);
    QFETCH(QString, mentions);
    QString error;
    QVERIFY(!CredentialSource::fromEnvironment(env, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

void TestCredentialSource::errorsNeverQuoteTheSecret()
{
    QString error;
    QVERIFY(!CredentialSource::fromEnvironment(
        environment({{"HUAWEICLOUD_SDK_SK", "very-secret-value"},
                     {"HUAWEICLOUD_SDK_SECURITY_TOKEN", "secret-token"}}),
        &error));
    QVERIFY(!error.contains(QLatin1String("very-secret-value")));
    QVERIFY(!error.contains(QLatin1String("secret-token")));
}

QTEST_GUILESS_MAIN(TestCredentialSource)
#include "tst_credentialsource.moc"
