#pragma once

#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

// Where the Workspace API lives: a region's public endpoint or an explicit URL (private clouds,
// proxies, the local simulator).
namespace Endpoint {

// A region the current SDKs (or the API reference) list for Workspace, with the domain its
// endpoints live under.
struct Region
{
    QString name;   // e.g. "cn-north-4"
    QString domain; // e.g. "myhuaweicloud.com"
};

// The one table of regions: the SDKs' 18, the API reference's na-mexico-1.
const QList<Region> &regions();
QStringList knownRegions(); // their names, in the table's order

// The domain of a region's endpoints: myhuaweicloud.eu for the European regions (every eu-west-1*
// one, listed or not, as terraform-provider-huaweicloud maps them), myhuaweicloud.com otherwise.
QString domainFor(const QString &region);

// https://workspace.{region}.{domainFor(region)}, unless the SDK's environment override
// HUAWEICLOUD_SDK_REGION_WORKSPACE_<REGION> names another URL. A region that is not a plain
// name (letters, digits, '-') gives an invalid URL, which validate() refuses.
QUrl forRegion(const QString &region);
QUrl forRegion(const QString &region, const QProcessEnvironment &environment);

// The name of the variable that overrides a region's endpoint, e.g. for cn-north-4
// HUAWEICLOUD_SDK_REGION_WORKSPACE_CN_NORTH_4.
QString overrideVariable(const QString &region);

// Where IAM answers for a region, as the SDKs choose it: HUAWEICLOUD_SDK_IAM_ENDPOINT when set
// (https:// added when it names no scheme), else https://iam.{region}.{domainFor(region)}. Like
// forRegion(), a region that is not a plain name gives an invalid URL.
inline constexpr const char iamEndpointVariable[] = "HUAWEICLOUD_SDK_IAM_ENDPOINT";
QUrl iamForRegion(const QString &region, const QProcessEnvironment &environment);

// Whether a region id is a plain name (letters, digits, '-'), fit to become part of a host name.
bool isPlainRegionName(const QString &region);

bool isLoopbackHost(const QString &host);

// Accepts https URLs, and http only for loopback hosts, so that nothing travels in clear over a
// network. Returns the URL without trailing slash, or nothing with a translated reason.
std::optional<QUrl> validate(const QUrl &url, QString *error);

} // namespace Endpoint
