#pragma once

#include "api/accountprojects.h"
#include "api/apiclient.h"
#include "api/credentials.h"
#include "api/projectdiscovery.h"
#include "profilestore.h"

#include <QCommandLineParser>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

// The values of the connection options, as typed; empty means "not given".
struct ConnectionOptionValues
{
    bool demo = false;
    QString profile;
    QString region;
    QString projectId;
    QString endpoint;
    QString caFile;
    QString dataDir;
    int demoDesktops = 0; // --demo-desktops; 0: not given, -1: not a count
};

// Everything needed to talk to one Workspace project.
struct ResolvedConnection
{
    ClientConfig config;       // endpoint validated, CA certificates loaded
    Credentials credentials;   // from the environment, or (after fillStoredCredentials) a profile
    QString profileName;       // empty when no profile was used
    bool isDemo = false;       // the caller starts the simulator and points config at it
    int demoDesktopCount = 0;  // the demo project's size; 0: the simulator's default
    QString dataDir;           // journal, audit log and logs; demo: <default>/demo unless given
    QStringList protectedTags; // from the profile
    // The region named by --region or the profile (empty when only an endpoint was given). With no
    // project id, the project is found from the access key through this region's IAM.
    QString region;
    QUrl iamEndpoint;          // validated; the region's IAM, empty without a (usable) region
    bool explicitEndpoint = false; // --endpoint or the profile's URL, not the region's public endpoint
    // The window shows every Workspace project of the account (the profile's choice, or the
    // demo's); the project of `region` is still found, as the connection's own.
    bool allRegions = false;

    bool needsProjectDiscovery() const { return config.projectId.isEmpty(); }
    // What ProjectDiscovery needs to find this connection's project.
    ProjectDiscovery::Request projectDiscoveryRequest() const;
    // How every project of the account is reached with this connection's keys: each region's
    // public endpoint, or the explicit one for all.
    AccountAccess accountAccess(QNetworkAccessManager *network,
                                const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment()) const;

    // True when the secret must still be read from CredentialStore for profileName (the access key
    // id is already in credentials.accessKey).
    bool needsStoredCredentials() const;
    // Takes the secret parts read from the keychain. False with a translated *error when they are
    // incomplete.
    bool fillStoredCredentials(const Credentials &stored, QString *error);
};

// The command-line options shared by the GUI and the CLI, and the pure resolution of
// command line > environment > saved profile.
namespace ConnectionOptions {

// The largest demo project: as large as the window is measured with (docs/PERFORMANCE.md).
constexpr int kMaxDemoDesktops = 100000;

// --demo, --demo-desktops, --profile, --region, --project-id, --endpoint, --ca-file, --data-dir, and --lang (the
// language, which main() reads before the parser runs: see translations/applanguage.h).
void addTo(QCommandLineParser &parser);
// The names of the options addTo() adds, for a command that checks what it was given.
QStringList optionNames();
ConnectionOptionValues valuesFrom(const QCommandLineParser &parser);

// The organization and application name of both executables (QSettings, QStandardPaths): call
// first thing in main(), so that the window and the CLI read and write the same places.
void applyApplicationIdentity();
inline QString applicationName() { return QStringLiteral("workspace-admin"); }
inline QString organizationName() { return QStringLiteral("WorkspaceAdmin"); }

// The one default data directory of the window and the CLI: <generic data location>/workspace-admin
// (~/.local/share/workspace-admin on Linux), whatever the application identity of the process.
QString defaultDataDir();
// The data directory the options ask for: --data-dir, else the default; the demo keeps its data
// in <dir>/demo, apart from real deletions, under the given directory as well as the default.
QString resolveDataDir(const ConnectionOptionValues &values);

// Environment variables read (besides Endpoint's HUAWEICLOUD_SDK_REGION_WORKSPACE_<REGION>).
inline const char *accessKeyVariable() { return "HUAWEICLOUD_SDK_AK"; }
inline const char *secretKeyVariable() { return "HUAWEICLOUD_SDK_SK"; }
inline const char *securityTokenVariable() { return "HUAWEICLOUD_SDK_SECURITY_TOKEN"; }
inline const char *projectIdVariable() { return "HUAWEICLOUD_SDK_PROJECT_ID"; }

// Pure: no network, no keychain. profiles may be null (no saved profiles). When values.profile is
// empty no profile is used (the GUI may pass ProfileStore::lastUsed()). In demo mode only dataDir
// is resolved; the caller fills config and credentials from the simulator. On failure returns
// nothing with a translated *error.
std::optional<ResolvedConnection> resolve(const ConnectionOptionValues &values,
                                          const QProcessEnvironment &environment,
                                          const ProfileStore *profiles, QString *error);

} // namespace ConnectionOptions
