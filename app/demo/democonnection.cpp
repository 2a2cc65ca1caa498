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
