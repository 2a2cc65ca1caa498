#include "cliapplication.h"

#include "api/apiclient.h"
#include "clicommand.h"
#include "clioptions.h"
#include "settings/credentialstore.h"
#include "settings/profilestore.h"

#include "democonnection.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>

using namespace CliOptions;

CliApplication::CliApplication(QStringList arguments, QProcessEnvironment environment,
                               QTextStream &out, QTextStream &err, QObject *parent)
    : QObject(parent)
    , m_arguments(std::move(arguments))
    , m_environment(environment) // QProcessEnvironment has no move constructor in Qt 6.4
    , m_out(out)
    , m_err(err)
{
}

CliApplication::~CliApplication() = default;

void CliApplication::start()
{
    if (!parseCommandLine())
        return;

    if (m_invocation.reach == CliInvocation::Reach::DataDirectory) {
        startCommand(nullptr);
        return;
    }

    ProfileStore profiles(ProfileStore::defaultFilePath());
    QString error;
    const std::optional<ResolvedConnection> resolved = ConnectionOptions::resolve(
        ConnectionOptions::valuesFrom(m_parser), m_environment, &profiles, &error);
    if (!resolved) {
        usageError(error);
        return;
    }
    m_connection = *resolved;

    if (m_connection.isDemo) {
        // The demo service runs on a thread of its own; the command starts once it listens.
        m_demo = new DemoConnection(this);
        connect(m_demo, &DemoConnection::failed, this, &CliApplication::usageError);
        connect(m_demo, &DemoConnection::started, this, [this](const ResolvedConnection &demo) {
            m_connection = demo;
            m_err << tr("Demo mode: working against a simulated Workspace service at %1; nothing real "
                        "is touched.")
                         .arg(m_connection.config.endpoint.toDisplayString())
                  << Qt::endl;
            connectAndRun();
        });
        m_demo->start(m_connection);
        return;
    }
    if (m_connection.needsStoredCredentials()) {
        readStoredCredentials();
        return;
    }
    connectAndRun();
}

bool CliApplication::parseCommandLine()
{
    m_parser.setApplicationDescription(m_commands.helpDescription());
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addPositionalArgument(QStringLiteral("command"),
                                   tr("%1.", "the commands: “list, job or delete”").arg(m_commands.namesInProse()));
    ConnectionOptions::addTo(m_parser);
    m_commands.addOptionsTo(m_parser);

    if (!m_parser.parse(m_arguments)) {
        usageError(m_parser.errorText());
        return false;
    }
    if (m_parser.isSet(Name::help) || m_parser.isSet(QStringLiteral("help-all"))) {
        m_out << m_parser.helpText();
        finish(ExitSuccess);
        return false;
    }
    if (m_parser.isSet(Name::version)) {
        m_out << QCoreApplication::applicationName() << QLatin1Char(' ')
              << QCoreApplication::applicationVersion() << Qt::endl;
        finish(ExitSuccess);
        return false;
    }

    QStringList arguments = m_parser.positionalArguments();
    if (arguments.isEmpty()) {
        usageError(tr("No command given; use %1.").arg(m_commands.namesInProse()));
        return false;
    }
    const QString name = arguments.takeFirst();
    m_command = m_commands.find(name);
    if (!m_command) {
        usageError(tr("Unknown command “%1”; use %2.").arg(name, m_commands.namesInProse()));
        return false;
    }
    // A filter for list given to job, or --yes given to list, is a mistake worth stopping for: the
    // script would not do what its author thinks.
    const QString notTaken = m_commands.firstOptionNotTakenBy(*m_command, m_parser.optionNames());
    if (!notTaken.isEmpty()) {
        usageError(tr("The option --%1 does not apply to this command.").arg(notTaken));
        return false;
    }
    QString error;
    std::optional<CliInvocation> invocation = m_command->check(CliCommandLine(m_parser, arguments), &error);
    if (!invocation) {
        usageError(error);
        return false;
    }
    m_invocation = std::move(*invocation);
    return true;
}

void CliApplication::readStoredCredentials()
{
    m_credentialStore = std::make_unique<CredentialStore>();
    connect(m_credentialStore.get(), &CredentialStore::readFinished, this,
            [this](const QString &, const Credentials &stored, const QString &readError) {
                QString error;
                if (!m_connection.fillStoredCredentials(stored, &error)) {
                    if (!readError.isEmpty())
                        error = readError;
                    else if (!m_credentialStore->isKeychainAvailable())
                        error = m_credentialStore->unavailableReason() + QLatin1Char('\n')
                            + tr("Set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK instead.");
                    usageError(error);
                    return;
                }
                connectAndRun();
            });
    m_credentialStore->read(m_connection.profileName, m_connection.credentials.accessKey);
}

void CliApplication::connectAndRun()
{
    m_network = std::make_unique<QNetworkAccessManager>();
    // regions and list --all-regions work on every project of the account, none found beforehand.
    if (m_connection.needsProjectDiscovery() && m_invocation.reach != CliInvocation::Reach::Account) {
        findProjectThenRun();
        return;
    }
    runCommand();
}

void CliApplication::runCommand()
{
    m_client = std::make_unique<ApiClient>(m_network.get(), m_connection.config, m_connection.credentials);
    startCommand(m_client.get());
}

void CliApplication::startCommand(ApiClient *client)
{
    const CliRunContext context{client, m_connection, [this] { return accountAccess(); }, m_out, m_err};
    QString error;
    m_running = m_invocation.create(context, &error);
    m_connection.credentials.clear(); // the client and the command keep their own copies
    if (!m_running) {
        usageError(error);
        return;
    }
    connect(m_running.get(), &CliCommand::finished, this, &CliApplication::finish);
    m_running->start();
}

void CliApplication::usageError(const QString &message)
{
    m_err << message << Qt::endl;
    if (!m_command)
        m_err << tr("Run with --help for usage.") << Qt::endl;
    finish(ExitUsageError);
}

void CliApplication::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_out.flush();
    m_err.flush();
    Q_EMIT finished(exitCode);
}
