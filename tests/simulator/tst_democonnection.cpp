// --demo's connection: the demo service starts on its own thread, the resolved connection is
// pointed at it with throw-away keys and the demo's protection, and its state goes to the data
// directory (a state file of earlier versions migrated there once).
#include "democonnection.h"
#include "api/allregionslisting.h"
#include "api/projectdiscovery.h"
#include "simulatortestsupport.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
constexpr int kWaitMs = 30000;
}

class TestDemoConnection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsAndPointsTheConnectionAtIt();
    void migratesTheEarlierStateFileOfItsSize();
    void stateFilesAreKeptApartBySize();
    void everyRegionNamesItsComputersApart();

private:
    // Starts a demo of `desktopCount` desktops with its data in `dataDir`; the connection it
    // hands out, or nothing.
    std::optional<ResolvedConnection> startDemo(DemoConnection &demo, const QString &dataDir, int desktopCount)
    {
        ResolvedConnection connection;
        connection.dataDir = dataDir;
        connection.demoDesktopCount = desktopCount;
        connection.protectedTags = {QStringLiteral("keep=yes")};
        QSignalSpy started(&demo, &DemoConnection::started);
        QSignalSpy failed(&demo, &DemoConnection::failed);
        demo.start(connection);
        if (!started.wait(kWaitMs) || !failed.isEmpty())
            return std::nullopt;
        return started.at(0).at(0).value<ResolvedConnection>();
    }
    // As the front ends do: the demo's connection names no project, which is found through the
    // simulated IAM from the access key, then listed.
    QList<Desktop> listed(const ResolvedConnection &connection)
    {
        ProjectDiscovery discovery(&m_network, connection.projectDiscoveryRequest());
        QSignalSpy found(&discovery, &ProjectDiscovery::finished);
        discovery.start();
        if (!found.wait(kWaitMs) || !discovery.succeeded())
            return {};
        ClientConfig config = connection.config;
        config.projectId = discovery.projectId();
        ApiClient client(&m_network, config, connection.credentials);
        return listAllDesktops(&client, kWaitMs);
    }

    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
};

void TestDemoConnection::startsAndPointsTheConnectionAtIt()
{
    DemoConnection demo;
    const QString dataDir = m_dir.filePath(QStringLiteral("fresh"));
    const std::optional<ResolvedConnection> connection = startDemo(demo, dataDir, 40);
    QVERIFY(connection);
    QVERIFY(connection->isDemo);
    QCOMPARE(connection->config.endpoint.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(connection->credentials.accessKey.startsWith(QStringLiteral("DEMO")));
    QVERIFY(!connection->credentials.secretKey.isEmpty());
    QCOMPARE(connection->protectedTags,
             (QStringList{QStringLiteral("keep=yes"), DemoConnection::demoProtectedTag()}));
    QCOMPARE(listed(*connection).size(), 40);
    QVERIFY(QFile::exists(DemoConnection::stateFilePath(dataDir, 40)));

    // Started again: a new service with new keys; the old one is gone.
    const std::optional<ResolvedConnection> again = startDemo(demo, dataDir, 40);
    QVERIFY(again);
    QVERIFY(again->credentials.secretKey != connection->credentials.secretKey);
    QCOMPARE(listed(*again).size(), 40);
    QVERIFY(listed(*connection).isEmpty());
}

void TestDemoConnection::migratesTheEarlierStateFileOfItsSize()
{
    // The fixture is a state of 20 desktops, two of them deleted.
    const QString dataDir = m_dir.filePath(QStringLiteral("earlier"));
    QVERIFY(QDir().mkpath(dataDir));
    const QString legacy = DemoConnection::legacyStateFilePath(dataDir, 20);
    QCOMPARE(legacy, dataDir + QStringLiteral("/simulator-state-20.json"));
    QVERIFY(QFile::copy(QStringLiteral(WORKSPACE_TEST_DATA_DIR "/simulator-state-v1.json"), legacy));
    QFile::setPermissions(legacy, QFile::ReadOwner | QFile::WriteOwner);
    {
        DemoConnection demo;
        const std::optional<ResolvedConnection> connection = startDemo(demo, dataDir, 20);
        QVERIFY(connection);
        QCOMPARE(listed(*connection).size(), 18);
    }
    QVERIFY(!QFile::exists(legacy));
    QVERIFY(QFile::exists(DemoConnection::stateFilePath(dataDir, 20)));
    DemoConnection demo;
    const std::optional<ResolvedConnection> connection = startDemo(demo, dataDir, 20);
    QVERIFY(connection);
    QCOMPARE(listed(*connection).size(), 18);
}

void TestDemoConnection::stateFilesAreKeptApartBySize()
{
    const QString dataDir = m_dir.path();
    QCOMPARE(DemoConnection::stateFilePath(dataDir), dataDir + QStringLiteral("/simulator-state.sqlite"));
    QCOMPARE(DemoConnection::stateFilePath(dataDir, 10000), dataDir + QStringLiteral("/simulator-state-10000.sqlite"));
    QCOMPARE(DemoConnection::legacyStateFilePath(dataDir), dataDir + QStringLiteral("/simulator-state.json"));
}

void TestDemoConnection::everyRegionNamesItsComputersApart()
{
    DemoConnection demo;
    const std::optional<ResolvedConnection> connection = startDemo(demo, m_dir.filePath(QStringLiteral("regions")), 40);
    QVERIFY(connection);
    // The home region's names are those of a single-region demo: WKS-{DEPARTMENT}-{number}.
    const QRegularExpression homeName(QStringLiteral("^WKS-[A-Z]+-000[0-9]{2}$"));
    for (const Desktop &desktop : listed(*connection))
        QVERIFY2(homeName.match(desktop.computerName).hasMatch(), qPrintable(desktop.computerName));

    // Listed together, no name is another region's too, and each region's names share its site code.
    AccountAccess access;
    access.network = &m_network;
    access.credentials = connection->credentials;
    access.iamEndpoint = connection->iamEndpoint;
    access.explicitEndpoint = connection->config.endpoint;
    AllRegionsListing listing(access, {});
    QSignalSpy finished(&listing, &AllRegionsListing::finished);
    listing.start();
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY(listing.succeeded());
    QCOMPARE(listing.projects().size(), 3);
    QHash<QString, QString> regionOfName;
    QSet<QString> prefixes;
    for (const AllRegionsListing::ProjectListing &project : listing.projects()) {
        QVERIFY2(!project.error.isError(), qPrintable(project.error.summary()));
        QVERIFY(!project.desktops.isEmpty());
        QSet<QString> regionPrefixes;
        for (const Desktop &desktop : project.desktops) {
            const QString name = desktop.computerName;
            QVERIFY2(!regionOfName.contains(name),
                     qPrintable(name + QStringLiteral(" in ") + project.project.region + QStringLiteral(" and ")
                                + regionOfName.value(name)));
            regionOfName.insert(name, project.project.region);
            regionPrefixes.insert(name.section(QLatin1Char('-'), 0, 0));
        }
        QCOMPARE(regionPrefixes.size(), 1);
        prefixes += regionPrefixes;
    }
    QCOMPARE(prefixes, (QSet<QString>{QStringLiteral("WKS"), QStringLiteral("SIN"), QStringLiteral("SCL")}));
}

QTEST_GUILESS_MAIN(TestDemoConnection)
#include "tst_democonnection.moc"
