#pragma once

#include "api/credentials.h"
#include "settings/connectionoptions.h"
#include "settings/connectionprofile.h"

#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>

#include <optional>

class CredentialStore;
class DemoConnection;
class MainWindow;
class ProjectDiscovery;
class QNetworkAccessManager;
class ProfileStore;

// Decides what the window shows after start and when the user picks a connection: the command
// line, the environment, the last used profile, the demo, or the welcome page. Reads secrets from
// the keychain asynchronously and hands the resolved connection to the window.
class AppStartup : public QObject
{
    Q_OBJECT
public:
    AppStartup(MainWindow *window, ProfileStore *profiles, CredentialStore *credentials,
               QObject *parent = nullptr);
    ~AppStartup() override;

    // The network the project of a connection without project id is found through (the window's);
    // by default one of its own.
    void setNetworkAccessManager(QNetworkAccessManager *network) { m_network = network; }

    void start(const ConnectionOptionValues &values, const QProcessEnvironment &environment);
    // The demo; with allRegions, its account's three regions in one table.
    void startDemo(bool allRegions = false);
    // Uses a saved profile, reading its secret from the keychain.
    void connectToProfile(const QString &profileName);

Q_SIGNALS:
    // The command line names a connection that cannot be used; main() reports it and exits.
    void fatalError(const QString &message);

private:
    void useResolved(ResolvedConnection connection);
    // Finds the project from the access key, then connects; a failure is shown, never guessed.
    void findProjectThenConnect(ResolvedConnection connection);
    void onConnectionRequested(const ConnectionProfile &profile, const Credentials &credentials);
    void onEditConnectionRequested();
    void onCredentialsRead(const QString &profileName, const Credentials &credentials, const QString &error);
    void showWarning(const QString &message);

    QPointer<MainWindow> m_window;
    ProfileStore *m_profiles;
    CredentialStore *m_credentials;
    // A connection waiting for its secret from the keychain.
    std::optional<ResolvedConnection> m_pending;
    QString m_editingProfile; // profile whose secret is read for the edit dialog
    DemoConnection *m_demo = nullptr;
    QPointer<QNetworkAccessManager> m_network;
    QNetworkAccessManager *m_ownNetwork = nullptr;
    QPointer<ProjectDiscovery> m_discovery;
    QString m_dataDirOption; // --data-dir as given; empty: the default
    int m_demoDesktops = 0;  // --demo-desktops as given
    bool m_demoAllRegions = false;
};
