#include "democonnection.h"

#include <QDir>
#include <QRandomGenerator>

namespace {
// Throw-away credentials: the simulator checks signatures like the real gateway does, so the demo
// exercises the same signing path as real use.
QString randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()),
                                          bytes / int(sizeof(quint32)));
    return QString::fromLatin1(raw.toHex().toUpper());
}

QString stateFileName(const QString &dataDir, int desktopCount, const QString &extension)
{
    // A project of another size is another project: its state is kept apart.
    const QString name = desktopCount > 0 ? QStringLiteral("simulator-state-%1.").arg(desktopCount)
                                          : QStringLiteral("simulator-state.");
    return QDir(dataDir).filePath(name + extension);
}
} // namespace

QString DemoConnection::stateFilePath(const QString &dataDir, int desktopCount)
{
    return stateFileName(dataDir, desktopCount, QStringLiteral("sqlite"));
}

QString DemoConnection::legacyStateFilePath(const QString &dataDir, int desktopCount)
{
    return stateFileName(dataDir, desktopCount, QStringLiteral("json"));
}

QString DemoConnection::demoProtectedTag()
{
    return QStringLiteral("protected=true");
}

DemoConnection::DemoConnection(QObject *parent)
    : QObject(parent)
{
    connect(&m_service, &SimulatorThread::started, this, &DemoConnection::onServiceStarted);
    connect(&m_service, &SimulatorThread::failed, this,
            [this] { Q_EMIT failed(tr("The demo service could not start on this computer.")); });
}

DemoConnection::~DemoConnection() = default;

void DemoConnection::start(const ResolvedConnection &connection)
{
    SimulatorConfig config;
    config.accessKey = QStringLiteral("DEMO") + randomToken(8);
    config.secretKey = randomToken(20);
    // The demo service remembers its desktops and jobs in the demo's data directory, so that a
    // restart (of the window or of the CLI) finds the jobs of the last one going on.
    if (connection.demoDesktopCount > 0)
        config.desktopCount = connection.demoDesktopCount;
    // A few desktops already retiring, so that the retirement columns, filter and overview show
    // something from the start.
    config.retiringExamples = true;
    if (!connection.dataDir.isEmpty()) {
        config.stateFilePath = stateFilePath(connection.dataDir, connection.demoDesktopCount);
        config.legacyStateFilePath = legacyStateFilePath(connection.dataDir, connection.demoDesktopCount);
    }
    m_connection = connection;
    m_connection.isDemo = true;
    m_connection.explicitEndpoint = true;
    // As with a real access key alone: the project is found through the simulated IAM.
    m_connection.config.projectId.clear();
    m_connection.region = config.region;
    m_connection.config.extraCaCertificates.clear();
    m_connection.credentials.accessKey = config.accessKey;
    m_connection.credentials.secretKey = config.secretKey;
    m_connection.credentials.securityToken.clear();
    // The simulated project tags some desktops protected=true: the demo protects them in the window
    // and in the CLI alike, on top of any profile's rules.
    if (!m_connection.protectedTags.contains(demoProtectedTag()))
        m_connection.protectedTags.append(demoProtectedTag());
    m_service.setOtherProjects(otherRegions(config, connection.dataDir));
    m_service.start(config);
}

QList<SimulatorConfig> DemoConnection::otherRegions(const SimulatorConfig &home, const QString &dataDir)
{
    // Each office names its computers by its site (Singapore, Santiago), as the home region's are
    // named WKS-…: a name in the table of every region is never another region's too.
    const struct
    {
        const char *region;
        const char *projectId;
        int desktops;
        const char *namePrefix;
    } others[] = {{"ap-southeast-3", "1b2c3d4e5f6a47b8c9d0e1f2a3b4c5d6", 120, "SIN"},
                  {"la-south-2", "2c3d4e5f6a7b48c9d0e1f2a3b4c5d6e7", 60, "SCL"}};
    QList<SimulatorConfig> configs;
    for (const auto &other : others) {
        SimulatorConfig config = home;
        config.region = QLatin1String(other.region);
        config.projectId = QLatin1String(other.projectId);
        config.desktopCount = other.desktops;
        config.computerNamePrefix = QLatin1String(other.namePrefix);
        config.seed = home.seed + quint32(config.desktopCount);
        config.retiringExamples = false;
        config.legacyStateFilePath.clear();
        config.stateFilePath = dataDir.isEmpty()
            ? QString()
            : QDir(dataDir).filePath(QStringLiteral("simulator-state-%1.sqlite").arg(config.region));
        configs.append(config);
    }
    return configs;
}

void DemoConnection::onServiceStarted(const QUrl &url)
{
    m_connection.config.endpoint = url;
    m_connection.iamEndpoint = url;
    ResolvedConnection connection = m_connection;
    // The secret is handed out once; this object keeps none of it.
    m_connection.credentials.clear();
    Q_EMIT started(connection);
}
