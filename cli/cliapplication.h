#pragma once

#include "actioncommand.h"
#include "api/accountprojects.h"
#include "api/apicalls.h"
#include "deleterequest.h"
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

// workspace-admin-cli: parses the command line, resolves the connection (command line >
// environment > profile, secrets from the keychain), starts the sub-command and reports its exit
// code through finished(). Everything is asynchronous; the caller runs the event loop.
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
    enum class Command { None, List, Job, Delete, Journal, Maintenance, Logoff, Regions };

    bool parseCommandLine();
    bool checkOptionsBelongTo(Command command);
    // The ids of delete, maintenance and logoff: exactly one of --ids and --ids-file, read into
    // m_deleteRequest's ids.
    bool requireOneIdSource(const QString &command);
    bool parseIds();
    bool parseDeleteRequest();
    bool parseActionRequest();
    void readStoredCredentials();
    void connectAndRun();
    // Without a project id: finds the region's project from the access key, then runs the command.
    void findProjectThenRun();
    void runCommand();
    // How the account's projects are reached (cliaccount.cpp); needs the credentials not cleared yet.
    AccountAccess accountAccess() const;
    std::unique_ptr<CliCommand> createRegionsCommand(const QString &format);
    std::unique_ptr<CliCommand> createAllRegionsListCommand(const DesktopQuery &query, const QString &format,
                                                            const QString &timeout);
    // regions and list --all-regions: every project of the account, none found beforehand.
    bool worksOnTheWholeAccount() const;
    std::unique_ptr<CliCommand> createCommand();
    void usageError(const QString &message);
    void finish(int exitCode);

    QStringList m_arguments;
    QProcessEnvironment m_environment;
    QTextStream &m_out;
    QTextStream &m_err;
    QCommandLineParser m_parser;
    Command m_command = Command::None;
    QStringList m_commandArguments;
    DeleteRequest m_deleteRequest;
    ActionCommand::Request m_actionRequest;
    ResolvedConnection m_connection;
    std::unique_ptr<CredentialStore> m_credentialStore;
    DemoConnection *m_demo = nullptr; // child; only in builds with the simulator
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<CliCommand> m_running;
    bool m_finished = false;
};
