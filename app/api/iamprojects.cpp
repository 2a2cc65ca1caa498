#include "iamprojects.h"

#include "serverinput.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("IamJson", text);
}

QString text(const QJsonObject &object, QLatin1String key)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? ServerInput::bounded(value.toString()) : QString();
}
} // namespace

namespace IamJson {

std::optional<IamProjectList> parseProjectList(const QByteArray &body, QString *error)
{
    const auto fail = [error](const QString &reason) -> std::optional<IamProjectList> {
        if (error)
            *error = reason;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(tr("the list of projects is not valid JSON (%1)").arg(parseError.errorString()));
    if (!document.isObject())
        return fail(tr("the list of projects is not a JSON object"));
    const QJsonValue projects = document.object().value(QLatin1String("projects"));
    if (!projects.isArray())
        return fail(tr("the answer has no list of projects"));
    const QJsonArray entries = projects.toArray();
    if (entries.size() > kMaxProjects)
        return fail(tr("the answer lists %1 projects, more than the %2 any account holds")
                        .arg(entries.size())
                        .arg(kMaxProjects));

    IamProjectList list;
    for (const QJsonValue &entry : entries) {
        if (!entry.isObject())
            return fail(tr("an entry of the list of projects is not a JSON object"));
        const QJsonObject object = entry.toObject();
        IamProject project;
        project.id = text(object, QLatin1String("id"));
        project.name = text(object, QLatin1String("name"));
        project.domainId = text(object, QLatin1String("domain_id"));
        project.parentId = text(object, QLatin1String("parent_id"));
        project.description = text(object, QLatin1String("description"));
        const QJsonValue enabled = object.value(QLatin1String("enabled"));
        project.enabled = !enabled.isBool() || enabled.toBool();
        if (project.name.size() > kMaxProjectNameChars) {
            list.unusableNames.append(project.name.left(kMaxProjectNameChars) + QChar(0x2026));
            continue;
        }
        if (!ServerInput::isUsableId(project.id)) {
            list.unusableNames.append(project.name);
            continue;
        }
        list.projects.append(project);
    }
    return list;
}

} // namespace IamJson

namespace IamProjects {

RegionProjectMatch regionProject(const IamProjectList &list, const QString &region)
{
    RegionProjectMatch match;
    for (const IamProject &project : list.projects) {
        if (project.name == region)
            match.projectIds.append(project.id);
    }
    const bool unusable = list.unusableNames.contains(region);
    match.count = int(match.projectIds.size() + list.unusableNames.count(region));
    if (match.projectIds.size() > 1 || (unusable && !match.projectIds.isEmpty())) {
        match.outcome = RegionProjectMatch::Outcome::Several;
    } else if (unusable) {
        match.outcome = RegionProjectMatch::Outcome::UnusableId;
    } else if (match.projectIds.size() == 1) {
        match.outcome = RegionProjectMatch::Outcome::Found;
        match.projectId = match.projectIds.constFirst();
    }
    return match;
}

QString workspaceRegionOf(const QString &projectName, const QStringList &workspaceRegions)
{
    const qsizetype separator = projectName.indexOf(QLatin1Char('_'));
    const QString region = separator < 0 ? projectName : projectName.left(separator);
    if (separator == projectName.size() - 1) // "cn-north-4_": no suffix, no sub-project name IAM gives
        return {};
    return workspaceRegions.contains(region) ? region : QString();
}

} // namespace IamProjects
