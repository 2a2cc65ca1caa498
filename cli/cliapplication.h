#pragma once

#include "api/accountprojects.h"
#include "clicommandregistry.h"
#include "exitcode.h"
#include "settings/connectionoptions.h"

#include <QCommandLineParser>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QTextStream>

#include <memory>

class ApiClient;
class CliCommand;
class CredentialStore;
class DemoConnection;
class QNetworkAccessManager;

// workspace-admin-cli: parses the command line and hands it to its command's check
// (CliCommandRegistry), resolves the connection (command line > environment > profile, secrets
// from the keychain), starts the command and reports its exit code through finished(). Everything
// is asynchronous; the caller runs the event loop.
class CliApplication : public QObject
{
    Q_OBJECT
public:
    CliApplication(QStringList arguments, QProcessEnvironment environment, QTextStream &out,
                   QTextStream &err, QObject *parent = nullptr);
    ~CliApplication() override;

    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    bool parseCommandLine();
    void readStoredCredentials();
    void connectAndRun();
    // Without a project id: finds the region's project from the access key, then runs the command.
    void findProjectThenRun();
    void runCommand();
    // Creates the invocation's command with the client (none for the data directory alone) and starts it.
    void startCommand(ApiClient *client);
    // How the account's projects are reached (cliaccount.cpp); needs the credentials not cleared yet.
    AccountAccess accountAccess() const;
    void usageError(const QString &message);
    void finish(int exitCode);

    QStringList m_arguments;
    QProcessEnvironment m_environment;
    QTextStream &m_out;
    QTextStream &m_err;
    QCommandLineParser m_parser;
    CliCommandRegistry m_commands;
    const CliCommandSpec *m_command = nullptr; // once the command's name is known
    CliInvocation m_invocation;
    ResolvedConnection m_connection;
    std::unique_ptr<CredentialStore> m_credentialStore;
    DemoConnection *m_demo = nullptr; // child; only in builds with the simulator
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<CliCommand> m_running;
    bool m_finished = false;
};
