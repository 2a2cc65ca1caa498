#include "connectionoptions.h"

#include "api/endpoint.h"

#include <QCoreApplication>
#include <QStandardPaths>

// Gives the free functions below a translation context that lupdate sees.
class ConnectionOptionsText
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionOptionsText)
};

namespace {
namespace Name {
const QString demo = QStringLiteral("demo");
const QString demoDesktops = QStringLiteral("demo-desktops");
const QString profile = QStringLiteral("profile");
const QString region = QStringLiteral("region");
const QString projectId = QStringLiteral("project-id");
const QString endpoint = QStringLiteral("endpoint");
const QString caFile = QStringLiteral("ca-file");
const QString dataDir = QStringLiteral("data-dir");
const QString language = QStringLiteral("lang");
} // namespace Name

template<typename... Candidates>
QString firstNonEmpty(const Candidates &...candidates)
{
    QString result;
    ((result.isEmpty() ? void(result = candidates.trimmed()) : void()), ...);
    return result;
}

std::optional<ResolvedConnection> failWith(const QString &message, QString *error)
{
    if (error)
        *error = message;
    return std::nullopt;
}
} // namespace

bool ResolvedConnection::needsStoredCredentials() const
{
    return !isDemo && !profileName.isEmpty() && !credentials.isComplete();
}

bool ResolvedConnection::fillStoredCredentials(const Credentials &stored, QString *error)
{
    if (stored.secretKey.isEmpty()) {
        if (error)
            *error = ConnectionOptionsText::tr("No secret key is stored for the profile “%1”. Enter it in the profile, or set "
                        "HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK.")
                         .arg(profileName);
        return false;
    }
    if (!stored.accessKey.isEmpty())
        credentials.accessKey = stored.accessKey;
    credentials.secretKey = stored.secretKey;
    credentials.securityToken = stored.securityToken;
    if (!credentials.isComplete()) {
        if (error)
            *error = ConnectionOptionsText::tr("The profile “%1” has no access key id.").arg(profileName);
        return false;
    }
    return true;
}

ProjectDiscovery::Request ResolvedConnection::projectDiscoveryRequest() const
{
    ProjectDiscovery::Request request;
    request.region = region;
    request.iamEndpoint = iamEndpoint;
    request.credentials = credentials;
    request.transport = config;
    return request;
}

AccountAccess ResolvedConnection::accountAccess(QNetworkAccessManager *network,
                                                const QProcessEnvironment &environment) const
{
    AccountAccess access;
    access.network = network;
    access.credentials = credentials;
    access.transport = config;
    access.iamEndpoint = iamEndpoint;
    if (explicitEndpoint)
        access.explicitEndpoint = config.endpoint;
    access.environment = environment;
    return access;
}

namespace ConnectionOptions {

void addTo(QCommandLineParser &parser)
{
    parser.addOption({Name::demo,
                      ConnectionOptionsText::tr("Work against a built-in simulated Workspace service; nothing real is touched.")});
    parser.addOption({Name::demoDesktops,
                      ConnectionOptionsText::tr("With --demo: the simulated project has <count> desktops (1 to %1; "
                                                "default 300), e.g. to try a deletion of 10,000.")
                          .arg(kMaxDemoDesktops),
                      ConnectionOptionsText::tr("count")});
    parser.addOption({Name::profile, ConnectionOptionsText::tr("Use the saved connection profile <name>."), ConnectionOptionsText::tr("name")});
    parser.addOption({Name::region, ConnectionOptionsText::tr("Workspace region, e.g. cn-north-4."), ConnectionOptionsText::tr("region")});
    parser.addOption({Name::projectId,
                      ConnectionOptionsText::tr("IAM project id of the region (default: $HUAWEICLOUD_SDK_PROJECT_ID; "
                                                "without one, the region's project is found from the access key "
                                                "through IAM, at $HUAWEICLOUD_SDK_IAM_ENDPOINT when set)."),
                      ConnectionOptionsText::tr("id")});
    parser.addOption({Name::endpoint,
                      ConnectionOptionsText::tr("Explicit API endpoint URL (https, or http on localhost); overrides the region."),
                      ConnectionOptionsText::tr("url")});
    parser.addOption({Name::caFile, ConnectionOptionsText::tr("Also trust the CA certificates in <file> (PEM or DER)."),
                      ConnectionOptionsText::tr("file")});
    parser.addOption({Name::dataDir,
                      ConnectionOptionsText::tr("Directory for the job journal, audit log and logs (default: %1).")
                          .arg(defaultDataDir()),
                      ConnectionOptionsText::tr("dir")});
    // Read by main() before any parser runs (AppLanguage); listed here so that --help shows it.
    parser.addOption({Name::language,
                      ConnectionOptionsText::tr("User interface language: zh_CN or en (default: the system "
                                                "language)."),
                      ConnectionOptionsText::tr("language")});
}

QStringList optionNames()
{
    return {Name::demo, Name::demoDesktops, Name::profile,  Name::region,  Name::projectId,
            Name::endpoint, Name::caFile,     Name::dataDir, Name::language};
}

ConnectionOptionValues valuesFrom(const QCommandLineParser &parser)
{
    ConnectionOptionValues values;
    values.demo = parser.isSet(Name::demo);
    if (parser.isSet(Name::demoDesktops)) {
        bool isNumber = false;
        const int count = parser.value(Name::demoDesktops).toInt(&isNumber);
        values.demoDesktops = isNumber && count > 0 ? count : -1;
    }
    values.profile = parser.value(Name::profile);
    values.region = parser.value(Name::region);
    values.projectId = parser.value(Name::projectId);
    values.endpoint = parser.value(Name::endpoint);
    values.caFile = parser.value(Name::caFile);
    values.dataDir = parser.value(Name::dataDir);
    return values;
}

void applyApplicationIdentity()
{
    QCoreApplication::setOrganizationName(organizationName());
    QCoreApplication::setApplicationName(applicationName());
}

QString defaultDataDir()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty())
        return {};
    return base + QLatin1Char('/') + applicationName();
}

QString resolveDataDir(const ConnectionOptionValues &values)
{
    const QString given = values.dataDir.trimmed();
    const QString base = given.isEmpty() ? defaultDataDir() : given;
    if (base.isEmpty() || !values.demo)
        return base;
    return base + QStringLiteral("/demo");
}

std::optional<ResolvedConnection> resolve(const ConnectionOptionValues &values,
                                          const QProcessEnvironment &environment,
                                          const ProfileStore *profiles, QString *error)
{
    ResolvedConnection resolved;
    resolved.isDemo = values.demo;
    resolved.dataDir = resolveDataDir(values);
    if (resolved.dataDir.isEmpty())
        return failWith(ConnectionOptionsText::tr("No directory for the journal and logs; use --data-dir."), error);

    ConnectionProfile profile;
    const QString profileName = values.profile.trimmed();
    if (!profileName.isEmpty()) {
        const std::optional<ConnectionProfile> loaded =
            profiles ? profiles->load(profileName) : std::nullopt;
        if (!loaded)
            return failWith(ConnectionOptionsText::tr("There is no saved profile named “%1”.").arg(profileName), error);
        profile = *loaded;
        resolved.profileName = profile.name;
        resolved.protectedTags = profile.protectedTags;
        resolved.allRegions = profile.allRegions;
    }

    if (values.demoDesktops != 0 && !values.demo)
        return failWith(ConnectionOptionsText::tr("--demo-desktops applies to --demo only."), error);
    if (values.demoDesktops < 0 || values.demoDesktops > kMaxDemoDesktops) {
        return failWith(ConnectionOptionsText::tr("--demo-desktops takes a whole number from 1 to %1.")
                            .arg(kMaxDemoDesktops),
                        error);
    }
    resolved.demoDesktopCount = values.demoDesktops;
    if (values.demo)
        return resolved;

    // Endpoint: an explicit URL beats a region, and the command line beats the profile.
    QUrl endpoint;
    QString endpointText = values.endpoint.trimmed();
    resolved.region = firstNonEmpty(values.region, profile.region).toLower();
    if (!endpointText.isEmpty())
        endpoint = QUrl(endpointText, QUrl::StrictMode);
    else if (!values.region.trimmed().isEmpty())
        endpoint = Endpoint::forRegion(values.region.trimmed());
    else
        endpoint = profile.effectiveEndpoint();
    resolved.explicitEndpoint = !endpointText.isEmpty()
        || (values.region.trimmed().isEmpty() && !profile.endpoint.isEmpty());
    if (endpointText.isEmpty())
        endpointText = endpoint.toDisplayString();
    if (endpoint.isEmpty())
        return failWith(ConnectionOptionsText::tr("No region or endpoint given; use --region, --endpoint or a profile."),
                        error);
    QString endpointError;
    const std::optional<QUrl> validated = Endpoint::validate(endpoint, &endpointError);
    if (!validated)
        return failWith(ConnectionOptionsText::tr("Endpoint “%1”: %2").arg(endpointText, endpointError), error);
    resolved.config.endpoint = *validated;

    resolved.config.projectId = firstNonEmpty(
        values.projectId,
        environment.value(QString::fromLatin1(projectIdVariable())), profile.projectId);
    // The region's IAM finds the project (as the SDKs do) and lists the account's projects.
    QString iamError;
    const QUrl iam = resolved.region.isEmpty() ? QUrl() : Endpoint::iamForRegion(resolved.region, environment);
    resolved.iamEndpoint = Endpoint::validate(iam, &iamError).value_or(QUrl());
    if (resolved.config.projectId.isEmpty()) {
        if (resolved.region.isEmpty())
            return failWith(ConnectionOptionsText::tr("No project id and no region given; use --region (the project is "
                                                      "then found from the access key), --project-id, "
                                                      "HUAWEICLOUD_SDK_PROJECT_ID or a profile."),
                            error);
        if (resolved.iamEndpoint.isEmpty())
            return failWith(ConnectionOptionsText::tr("IAM endpoint of region “%1” (“%2”): %3")
                                .arg(resolved.region, iam.toDisplayString(), iamError),
                            error);
    }

    if (resolved.allRegions && resolved.iamEndpoint.isEmpty())
        return failWith(ConnectionOptionsText::tr("Every region needs the region whose IAM lists the account's "
                                                  "projects: give the profile a region."),
                        error);

    const QString caFile = firstNonEmpty(values.caFile, profile.caFile);
    if (!caFile.isEmpty()) {
        QString caError;
        resolved.config.extraCaCertificates = ApiClient::loadCaFile(caFile, &caError);
        if (resolved.config.extraCaCertificates.isEmpty())
            return failWith(caError, error);
    }

    // Secrets never come from the command line (other users can read it); the environment beats
    // the profile, whose secret the caller reads from the keychain afterwards.
    const QString environmentAk = environment.value(QString::fromLatin1(accessKeyVariable()));
    const QString environmentSk = environment.value(QString::fromLatin1(secretKeyVariable()));
    if (!environmentAk.isEmpty() && !environmentSk.isEmpty()) {
        resolved.credentials.accessKey = environmentAk;
        resolved.credentials.secretKey = environmentSk;
        resolved.credentials.securityToken =
            environment.value(QString::fromLatin1(securityTokenVariable()));
    } else if (!environmentAk.isEmpty() || !environmentSk.isEmpty()) {
        return failWith(ConnectionOptionsText::tr("Set both HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, or neither."), error);
    } else if (!resolved.profileName.isEmpty() && !profile.accessKeyId.isEmpty()) {
        resolved.credentials.accessKey = profile.accessKeyId;
    } else {
        return failWith(ConnectionOptionsText::tr("No credentials: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, or use a "
                           "profile with an access key."),
                        error);
    }
    return resolved;
}

} // namespace ConnectionOptions
