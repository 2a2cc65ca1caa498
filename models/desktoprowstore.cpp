#include "desktoprowstore.h"

#include "decommission/retirementstate.h"

#include "api/workspacejson.h"

#include <QJsonDocument>
#include <QTimeZone>

#include <algorithm>

QString inLetterCase(QString text, LetterCase letterCase)
{
    char16_t *const begin = reinterpret_cast<char16_t *>(text.data());
    char16_t *const end = begin + text.size();
    if (std::any_of(begin, end, [](char16_t c) { return c >= 0x80; }))
        return letterCase == LetterCase::Lower ? std::move(text).toLower() : std::move(text).toUpper();
    const char16_t first = letterCase == LetterCase::Lower ? u'A' : u'a';
    const int shift = letterCase == LetterCase::Lower ? 32 : -32;
    std::transform(begin, end, begin, [first, shift](char16_t c) {
        return c >= first && c < first + 26 ? char16_t(c + shift) : c;
    });
    return text;
}

bool DesktopRow::hasSameContent(const DesktopRow &other) const
{
    return id == other.id && computerName == other.computerName && userName == other.userName
        && ipText == other.ipText && createdMsecs == other.createdMsecs && status == other.status
        && taskStatus == other.taskStatus && loginStatus == other.loginStatus && userGroup == other.userGroup
        && desktopType == other.desktopType && productId == other.productId && flavorId == other.flavorId
        && availabilityZone == other.availabilityZone && osType == other.osType
        && imageName == other.imageName && poolId == other.poolId && inMaintenanceMode == other.inMaintenanceMode
        && tagSet == other.tagSet && billingMode == other.billingMode && attachedUsers == other.attachedUsers;
}

QDate DesktopRowStore::today() const
{
    return m_today.isValid() ? m_today : QDateTime::currentDateTimeUtc().date();
}

void DesktopRowStore::reset()
{
    m_values = {QString()};
    m_valueIndex.clear();
    m_valueIndex.insert(QString(), 0);
    m_tagSets = {TagSet()};
    m_tagSetIndex.clear();
    m_tagSetIndex.insert(QString(), 0);
    m_projects = {WorkspaceProject()};
    // The other projects' indexes go to whichever projects come next: their pools are not those.
    m_poolNames.removeIf([](const auto &entry) { return entry.key() != 0; });
    m_poolOfDesktop.removeIf([](const auto &entry) { return entry.key() != 0; });
}

quint32 DesktopRowStore::shareProject(const WorkspaceProject &project)
{
    for (int index = 1; index < m_projects.size(); ++index) {
        if (m_projects.at(index).id == project.id)
            return quint32(index);
    }
    m_projects.append(project);
    return quint32(m_projects.size() - 1);
}

QString DesktopRowStore::projectLabel(const WorkspaceProject &project)
{
    return project.isSubProject() ? project.name : project.region;
}

quint32 DesktopRowStore::share(const QString &value)
{
    const auto it = m_valueIndex.constFind(value);
    if (it != m_valueIndex.constEnd())
        return *it;
    const auto index = quint32(m_values.size());
    m_values.append(value);
    m_valueIndex.insert(value, index);
    return index;
}

quint32 DesktopRowStore::shareTags(const QList<QPair<QString, QString>> &tags)
{
    if (tags.isEmpty())
        return 0;
    TagSet tagSet;
    QStringList parts;
    parts.reserve(tags.size());
    for (const auto &[key, value] : tags)
        parts.append(value.isEmpty() ? key : key + QLatin1Char('=') + value);
    // Found by its text, which is also what the Tags column shows.
    tagSet.text = parts.join(QStringLiteral(", "));
    // Tag values may hold ", " themselves, so the text alone does not identify a set.
    for (auto it = m_tagSetIndex.constFind(tagSet.text); it != m_tagSetIndex.constEnd() && it.key() == tagSet.text; ++it) {
        if (m_tagSets.at(*it).tags == tags)
            return *it;
    }
    tagSet.tags = tags;
    tagSet.isProtected = isProtected(tags);
    const Retirement::State retirement = Retirement::stateOf(tags);
    if (retirement.kind == Retirement::State::Kind::Retiring)
        tagSet.retireAfterDay = retirement.retireAfter.toJulianDay();
    else if (retirement.kind == Retirement::State::Kind::DateUnreadable)
        tagSet.retireAfterDay = DesktopRow::kRetireDateUnreadable;
    const auto index = quint32(m_tagSets.size());
    m_tagSetIndex.insert(tagSet.text, index);
    m_tagSets.append(std::move(tagSet));
    return index;
}

bool DesktopRowStore::isProtected(const QList<QPair<QString, QString>> &tags) const
{
    return tagsMatchAnyRule(tags, m_protectedTags);
}

void DesktopRowStore::setProtectedTags(const QStringList &rules)
{
    m_protectedTags.clear();
    for (const QString &rule : rules) {
        if (!rule.trimmed().isEmpty())
            m_protectedTags.append(rule.trimmed());
    }
    for (TagSet &tagSet : m_tagSets)
        tagSet.isProtected = isProtected(tagSet.tags);
}

QString DesktopRowStore::poolText(const DesktopRow &row) const
{
    const QString id = poolIdOf(row);
    const auto names = m_poolNames.constFind(row.project);
    return names == m_poolNames.cend() ? id : names->value(id, id);
}

QString DesktopRowStore::poolIdOf(const DesktopRow &row) const
{
    const QString &carried = m_values.at(row.poolId);
    if (!carried.isEmpty())
        return carried;
    const auto members = m_poolOfDesktop.constFind(row.project);
    return members == m_poolOfDesktop.cend() ? QString() : members->value(row.id);
}

DesktopRow DesktopRowStore::makeRow(const Desktop &desktop, quint32 listing)
{
    DesktopRow row;
    row.id = desktop.id;
    row.computerName = desktop.computerName;
    row.userName = desktop.userName;
    row.ipText = desktop.ipAddresses.size() == 1 ? desktop.ipAddresses.constFirst()
                                                  : desktop.ipAddresses.join(QStringLiteral(", "));
    row.searchHaystack = inLetterCase(desktop.computerName + QLatin1Char('\n') + desktop.userName
                                          + QLatin1Char('\n') + row.ipText + QLatin1Char('\n') + desktop.id,
                                      LetterCase::Lower);
    const qsizetype keyLength = qMin<qsizetype>(desktop.computerName.size(), 16);
    for (qsizetype i = 0; i < keyLength; ++i)
        row.nameKey[size_t(i / 4)] |= quint64(row.searchHaystack.at(i).unicode()) << (48 - 16 * (i % 4));
    row.createdMsecs = desktop.created.isValid() ? desktop.created.toMSecsSinceEpoch() : DesktopRow::kNoTime;
    row.status = share(desktop.status);
    row.statusKey = m_values.at(share(inLetterCase(desktop.status, LetterCase::Upper)));
    row.taskStatus = share(desktop.taskStatus);
    row.loginStatus = share(desktop.loginStatus);
    row.userGroup = share(desktop.userGroup);
    row.desktopType = share(desktop.desktopType);
    row.productId = share(desktop.productId);
    row.flavorId = share(desktop.flavorId);
    row.availabilityZone = share(desktop.availabilityZone);
    row.osType = share(desktop.osType);
    row.imageName = share(desktop.imageName);
    row.poolId = share(desktop.poolId);
    row.inMaintenanceMode = desktop.inMaintenanceMode;
    row.tagSet = shareTags(desktop.tags);
    if (!desktop.attachedUsers.isEmpty() || !desktop.userList.isEmpty() || !desktop.userGroupList.isEmpty()) {
        Desktop users;
        users.attachedUsers = desktop.attachedUsers;
        users.userList = desktop.userList;
        users.userGroupList = desktop.userGroupList;
        row.attachedUsers = share(QString::fromUtf8(
            QJsonDocument(WorkspaceJson::desktopToJson(users)).toJson(QJsonDocument::Compact)));
    }
    row.billingMode = desktop.billingMode;
    row.isProtected = m_tagSets.at(row.tagSet).isProtected;
    row.retireAfterDay = m_tagSets.at(row.tagSet).retireAfterDay;
    row.isBeingDeleted = desktop.isBeingDeleted();
    row.listing = listing;
    return row;
}

Desktop DesktopRowStore::desktopOf(const DesktopRow &row) const
{
    Desktop desktop;
    desktop.id = row.id;
    desktop.computerName = row.computerName;
    desktop.status = m_values.at(row.status);
    desktop.taskStatus = m_values.at(row.taskStatus);
    desktop.loginStatus = m_values.at(row.loginStatus);
    desktop.userName = row.userName;
    desktop.userGroup = m_values.at(row.userGroup);
    if (!row.ipText.isEmpty())
        desktop.ipAddresses = row.ipText.split(QStringLiteral(", "));
    desktop.desktopType = m_values.at(row.desktopType);
    desktop.productId = m_values.at(row.productId);
    desktop.flavorId = m_values.at(row.flavorId);
    desktop.availabilityZone = m_values.at(row.availabilityZone);
    desktop.osType = m_values.at(row.osType);
    desktop.imageName = m_values.at(row.imageName);
    desktop.billingMode = row.billingMode;
    desktop.poolId = poolIdOf(row);
    desktop.inMaintenanceMode = row.inMaintenanceMode;
    if (row.createdMsecs != DesktopRow::kNoTime)
        desktop.created = QDateTime::fromMSecsSinceEpoch(row.createdMsecs, QTimeZone::utc());
    desktop.tags = m_tagSets.at(row.tagSet).tags;
    if (row.attachedUsers != 0) {
        const Desktop users = WorkspaceJson::desktopFromJson(
            QJsonDocument::fromJson(m_values.at(row.attachedUsers).toUtf8()).object());
        desktop.attachedUsers = users.attachedUsers;
        desktop.userList = users.userList;
        desktop.userGroupList = users.userGroupList;
    }
    desktop.raw = WorkspaceJson::desktopToJson(desktop);
    return desktop;
}

QStringList DesktopRowStore::userNamesOf(const DesktopRow &row) const
{
    if (row.attachedUsers == 0)
        return row.userName.isEmpty() ? QStringList() : QStringList{row.userName};
    return desktopOf(row).userNames();
}
