#include "democonnection.h"

#include "workspacesimulator.h"

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
} // namespace

QString DemoConnection::stateFilePath(const QString &dataDir, int desktopCount)
{
    // A project of another size is another project: its state is kept apart.
    if (desktopCount > 0)
        return QDir(dataDir).filePath(QStringLiteral("simulator-state-%1.json").arg(desktopCount));
    return QDir(dataDir).filePath(QStringLiteral("simulator-state.json"));
}

void DemoConnection::addOtherRegions(const SimulatorConfig &home, const QString &dataDir)
{
    // The account's desktops in two more regions, for `regions` and `list --all-regions`.
    const struct
    {
        const char *region;
        const char *projectId;
        int desktops;
    } others[] = {{"ap-southeast-3", "1b2c3d4e5f6a47b8c9d0e1f2a3b4c5d6", 120},
                  {"la-south-2", "2c3d4e5f6a7b48c9d0e1f2a3b4c5d6e7", 60}};
    for (const auto &other : others) {
        SimulatorConfig config = home;
        config.region = QLatin1String(other.region);
        config.projectId = QLatin1String(other.projectId);
        config.desktopCount = other.desktops;
        config.seed = home.seed + config.desktopCount;
        config.stateFilePath = dataDir.isEmpty()
            ? QString()
            : QDir(dataDir).filePath(QStringLiteral("simulator-state-%1.json").arg(config.region));
        m_simulator->addProject(config);
    }
}

QString DemoConnection::demoProtectedTag()
{
    return QStringLiteral("protected=true");
}

DemoConnection::DemoConnection(QObject *parent)
    : QObject(parent)
{
}

DemoConnection::~DemoConnection() = default;

bool DemoConnection::start(ResolvedConnection &connection, QString *error)
{
    SimulatorConfig config;
    config.accessKey = QStringLiteral("DEMO") + randomToken(8);
    config.secretKey = randomToken(20);
    // The demo service remembers its desktops and jobs in the demo's data directory, so that a
    // restart (of the window or of the CLI) finds the jobs of the last one going on.
    if (connection.demoDesktopCount > 0)
        config.desktopCount = connection.demoDesktopCount;
    if (!connection.dataDir.isEmpty())
        config.stateFilePath = stateFilePath(connection.dataDir, connection.demoDesktopCount);
    m_simulator = std::make_unique<WorkspaceSimulator>(config);
    addOtherRegions(config, connection.dataDir);
    if (!m_simulator->listen()) {
        if (error)
            *error = tr("The demo service could not start on this computer.");
        m_simulator.reset();
        return false;
    }
    connection.isDemo = true;
    connection.config.endpoint = m_simulator->url();
    connection.explicitEndpoint = true;
    // As with a real access key alone: the project is found through the simulated IAM.
    connection.config.projectId.clear();
    connection.region = m_simulator->config().region;
    connection.iamEndpoint = m_simulator->url();
    connection.config.extraCaCertificates.clear();
    connection.credentials.accessKey = config.accessKey;
    connection.credentials.secretKey = config.secretKey;
    connection.credentials.securityToken.clear();
    // The simulated project tags some desktops protected=true: the demo protects them in the window
    // and in the CLI alike, on top of any profile's rules.
    if (!connection.protectedTags.contains(demoProtectedTag()))
        connection.protectedTags.append(demoProtectedTag());
    return true;
}
