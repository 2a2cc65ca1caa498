#include "appstartup.h"

#include "mainwindow.h"

#include "settings/credentialstore.h"
#include "settings/profilestore.h"

#include "democonnection.h"

#include "api/endpoint.h"
#include "api/projectdiscovery.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QStatusBar>

namespace {
// A saved profile takes nothing from the environment but what the SDKs let it override for every
// connection alike: where IAM is (Workspace's own endpoints are overridden by Endpoint itself).
QProcessEnvironment profileEnvironment()
{
    QProcessEnvironment environment;
    const QString iam = QString::fromLatin1(Endpoint::iamEndpointVariable);
    const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
    if (system.contains(iam))
        environment.insert(iam, system.value(iam));
    return environment;
}
} // namespace

AppStartup::AppStartup(MainWindow *window, ProfileStore *profiles, CredentialStore *credentials,
                       QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_profiles(profiles)
    , m_credentials(credentials)
{
    connect(window, &MainWindow::demoRequested, this, [this] { startDemo(); });
    connect(window, &MainWindow::allRegionsDemoRequested, this, [this] { startDemo(true); });
    connect(window, &MainWindow::connectionRequested, this, &AppStartup::onConnectionRequested);
    connect(window, &MainWindow::editConnectionRequested, this, &AppStartup::onEditConnectionRequested);
    connect(window, &MainWindow::profileChosen, this, &AppStartup::connectToProfile);
    connect(credentials, &CredentialStore::readFinished, this, &AppStartup::onCredentialsRead);
    connect(credentials, &CredentialStore::writeFinished, window, &MainWindow::showCredentialsSaved);
    window->setProfileNames(profiles->profileNames());
}

void AppStartup::connectToProfile(const QString &profileName)
{
    ConnectionOptionValues values;
    values.profile = profileName;
    values.dataDir = m_dataDirOption;
    QString error;
    std::optional<ResolvedConnection> resolved =
        ConnectionOptions::resolve(values, profileEnvironment(), m_profiles, &error);
    if (!resolved) {
        showWarning(error);
        return;
    }
    m_profiles->setLastUsed(profileName);
    m_profiles->sync();
    useResolved(std::move(*resolved));
}

AppStartup::~AppStartup() = default;

void AppStartup::start(const ConnectionOptionValues &values, const QProcessEnvironment &environment)
{
    // --data-dir holds for every connection of this session, the demo's included.
    m_dataDirOption = values.dataDir;
    m_demoDesktops = values.demoDesktops;
    const bool explicitConnection = !values.profile.isEmpty() || !values.region.isEmpty()
        || !values.endpoint.isEmpty() || !values.projectId.isEmpty();
    // --demo-desktops alone asks for the demo of that size: the welcome page would offer a demo of
    // another size. Beside a connection it is the usage error that ConnectionOptions reports.
    if (values.demo || (values.demoDesktops != 0 && !explicitConnection)) {
        startDemo();
        return;
    }
    ConnectionOptionValues effective = values;
    if (!explicitConnection)
        effective.profile = m_profiles->lastUsed();
    if (!explicitConnection && effective.profile.isEmpty()) {
        m_window->showWelcome();
        return;
    }
    QString error;
    std::optional<ResolvedConnection> resolved =
        ConnectionOptions::resolve(effective, environment, m_profiles, &error);
    if (!resolved) {
        if (explicitConnection) {
            Q_EMIT fatalError(error);
            return;
        }
        m_window->showWelcome();
        showWarning(error);
        return;
    }
    useResolved(std::move(*resolved));
}

void AppStartup::useResolved(ResolvedConnection connection)
{
    // A later choice wins over a project still being found for an earlier one.
    if (m_discovery)
        m_discovery->cancel();
    if (connection.needsStoredCredentials()) {
        const QString name = connection.profileName;
        const QString accessKey = connection.credentials.accessKey;
        m_pending = std::move(connection);
        m_credentials->read(name, accessKey);
        return;
    }
    if (connection.needsProjectDiscovery()) {
        findProjectThenConnect(std::move(connection));
        return;
    }
    m_window->setDemoMode(connection.isDemo);
    m_window->connectTo(connection);
    connection.credentials.clear();
}

void AppStartup::findProjectThenConnect(ResolvedConnection connection)
{
    if (!m_network) {
        if (!m_ownNetwork)
            m_ownNetwork = new QNetworkAccessManager(this);
        m_network = m_ownNetwork;
    }
    auto *discovery = new ProjectDiscovery(m_network, connection.projectDiscoveryRequest(), this);
    m_discovery = discovery;
    m_window->statusBar()->showMessage(
        tr("Finding the project of region %1 from the access key…").arg(connection.region));
    whenFinished(discovery, this, [this, connection = std::move(connection)](ProjectDiscovery *found) mutable {
        if (found->failure() == ProjectDiscovery::Failure::Cancelled)
            return;
        m_window->statusBar()->clearMessage();
        if (!found->succeeded()) {
            connection.credentials.clear();
            if (m_window->client() == nullptr)
                m_window->showWelcome();
            showWarning(found->errorText());
            return;
        }
        connection.config.projectId = found->projectId();
        m_window->statusBar()->showMessage(
            connection.allRegions
                ? tr("Every region of the account: its projects are found from the access key (%1: project %2).")
                      .arg(connection.region, found->projectId())
                : tr("Region %1: project %2, found from the access key.").arg(connection.region, found->projectId()),
            10000);
        useResolved(std::move(connection));
    });
    discovery->start();
}

void AppStartup::onCredentialsRead(const QString &profileName, const Credentials &credentials,
                                   const QString &error)
{
    if (m_editingProfile == profileName) {
        m_editingProfile.clear();
        const std::optional<ConnectionProfile> profile = m_profiles->load(profileName);
        if (profile)
            m_window->openProfileDialog(*profile, credentials);
        return;
    }
    if (!m_pending || m_pending->profileName != profileName)
        return;
    ResolvedConnection connection = std::move(*m_pending);
    m_pending.reset();
    QString fillError;
    if (!connection.fillStoredCredentials(credentials, &fillError)) {
        // Let the user type the missing secret instead of failing.
        const std::optional<ConnectionProfile> profile = m_profiles->load(profileName);
        if (profile)
            m_window->openProfileDialog(*profile, credentials);
        showWarning(error.isEmpty() ? fillError : error);
        if (m_window->client() == nullptr)
            m_window->showWelcome();
        return;
    }
    useResolved(std::move(connection));
}

void AppStartup::onConnectionRequested(const ConnectionProfile &profile, const Credentials &credentials)
{
    QString error;
    if (!m_profiles->save(profile, &error)) {
        showWarning(error);
        return;
    }
    m_profiles->setLastUsed(profile.name);
    m_profiles->sync(&error);
    m_window->setProfileNames(m_profiles->profileNames());
    m_credentials->write(profile.name, credentials);

    ConnectionOptionValues values;
    values.profile = profile.name;
    values.dataDir = m_dataDirOption;
    std::optional<ResolvedConnection> resolved =
        ConnectionOptions::resolve(values, profileEnvironment(), m_profiles, &error);
    if (!resolved || !resolved->fillStoredCredentials(credentials, &error)) {
        showWarning(error);
        return;
    }
    m_window->setDemoMode(false);
    useResolved(std::move(*resolved));
}

void AppStartup::onEditConnectionRequested()
{
    const QString name = m_profiles->lastUsed();
    const std::optional<ConnectionProfile> profile = m_profiles->load(name);
    if (!profile) {
        m_window->openProfileDialog();
        return;
    }
    m_editingProfile = name;
    m_credentials->read(name, profile->accessKeyId);
}

void AppStartup::startDemo(bool allRegions)
{
    m_demoAllRegions = allRegions;
    ConnectionOptionValues values;
    values.demo = true;
    values.dataDir = m_dataDirOption;
    values.demoDesktops = m_demoDesktops;
    QString error;
    const std::optional<ResolvedConnection> resolved =
        ConnectionOptions::resolve(values, QProcessEnvironment::systemEnvironment(), nullptr, &error);
    if (!resolved) {
        Q_EMIT fatalError(error);
        return;
    }
    if (!m_demo) {
        // The demo service starts on a thread of its own (thousands of desktops take a moment);
        // the window connects once it listens.
        m_demo = new DemoConnection(this);
        connect(m_demo, &DemoConnection::started, this, [this](ResolvedConnection connection) {
            connection.allRegions = m_demoAllRegions;
            useResolved(std::move(connection));
        });
        connect(m_demo, &DemoConnection::failed, this, &AppStartup::fatalError);
    }
    m_demo->start(*resolved);
}

void AppStartup::showWarning(const QString &message)
{
    if (message.isEmpty() || !m_window)
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Workspace Admin"), message, QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}
