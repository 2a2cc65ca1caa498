#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// One IAM project as KeystoneListProjects and KeystoneListAuthProjects describe it.
struct IamProject
{
    QString id;
    QString name; // a region id (cn-north-4), a sub-project ({region}_{suffix}) or a built-in (MOS)
    QString domainId;
    QString parentId;
    QString description;
    bool enabled = true;
};

// The projects of one answer. IAM's answers are untrusted: an entry whose id could not be used in
// a request path is not kept, but its (bounded) name is, so that a look-up by name can tell
// "IAM named no such project" from "IAM named it with an unusable id".
struct IamProjectList
{
    QList<IamProject> projects;
    QStringList unusableNames;
};

// The region's own project among `list`: exactly one project named exactly `region`.
struct RegionProjectMatch
{
    enum class Outcome { Found, None, Several, UnusableId };
    Outcome outcome = Outcome::None;
    QString projectId;    // Found
    QStringList projectIds; // Several: every usable id named so, in IAM's order
    int count = 0;          // projects named so, those with unusable ids included
};

namespace IamJson {

// More projects than any account holds (IAM allows some hundred sub-projects per region).
constexpr int kMaxProjects = 10000;
// Project names are at most 64 characters; anything longer is no name IAM gives.
constexpr qsizetype kMaxProjectNameChars = 64;

// Reads the body of GET /v3/projects or GET /v3/auth/projects. Nothing, with *error, when the body
// is not an object with a `projects` array of objects, or holds more than kMaxProjects entries.
std::optional<IamProjectList> parseProjectList(const QByteArray &body, QString *error);

} // namespace IamJson

namespace IamProjects {

// The project named exactly `region` (IAM's `name` filter is not trusted to have been applied).
RegionProjectMatch regionProject(const IamProjectList &list, const QString &region);

// The Workspace region a project belongs to, or an empty string: a known Workspace region id, or
// such an id followed by '_' and a suffix (a sub-project). Built-ins such as MOS and regions
// without Workspace give an empty string.
QString workspaceRegionOf(const QString &projectName, const QStringList &workspaceRegions);

} // namespace IamProjects
