#pragma once

#include "api/accountprojects.h"
#include "api/workspacetypes.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QMultiHash>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <array>
#include <limits>

// How DesktopTableModel keeps a desktop: compact on purpose (100k desktops). Values that repeat
// across desktops (status, type, zone, image, tag sets, …) are stored once in a DesktopRowStore and
// referenced by index, the server's full JSON is not kept (DesktopRowStore::desktopOf() rebuilds it
// from the fields), and display texts that only visible cells need are formed when asked. An
// implementation detail of the model: nothing outside models/desktop*.cpp reads it.
struct DesktopRow
{
    static constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();
    static constexpr qint64 kNoData = -1;    // a usage metric the service has no value for
    static constexpr qint64 kNotLoaded = -2; // the usage statistics are not (yet) loaded: nothing is said
    static bool isUsageValue(qint64 seconds) { return seconds >= 0; }
    // retireAfterDay when the desktop carries no retirement tag, or one whose date is unreadable.
    static constexpr qint64 kNotRetiring = std::numeric_limits<qint64>::min();
    static constexpr qint64 kRetireDateUnreadable = kNotRetiring + 1;

    QString id;
    QString computerName;
    QString userName;
    QString ipText;         // "10.0.0.1, 10.0.0.2"
    QString searchHaystack; // lower-case name, user, IPs and id
    QString statusKey;      // upper-case status (shared)
    // The first 16 UTF-16 units of the lower-case name, four to an integer, zero-padded: most
    // comparisons by name are decided here without touching the strings.
    std::array<quint64, 4> nameKey{};
    qint64 createdMsecs = kNoTime; // UTC
    // Usage of the period last loaded, in seconds; not content of the listing (a refresh keeps it).
    qint64 idleSeconds = kNotLoaded;
    qint64 usageSeconds = kNotLoaded;
    qint64 retireAfterDay = kNotRetiring; // the retire-after tag's date as a Julian day
    quint32 status = 0; // the quint32 fields index DesktopRowStore::value()
    quint32 taskStatus = 0;
    quint32 loginStatus = 0;
    quint32 userGroup = 0;
    quint32 desktopType = 0;
    quint32 productId = 0;
    quint32 flavorId = 0;
    quint32 availabilityZone = 0;
    quint32 osType = 0;
    quint32 imageName = 0;
    quint32 poolId = 0;
    quint32 tagSet = 0; // indexes DesktopRowStore::tagSet()
    // attach_user_infos, user_list and user_group_list as compact JSON (shared; 0: none): rare
    // beyond SHARED desktops, read back only for the users of a deletion.
    quint32 attachedUsers = 0;
    BillingMode billingMode = BillingMode::Unknown;
    bool inMaintenanceMode = false;
    bool isProtected = false;
    bool isBeingDeleted = false;
    quint32 listing = 0; // the listing that last brought it (not content)
    // Indexes DesktopRowStore::project(): 0 for the one project of a single-region connection.
    // Part of the row's key, since a desktop id is unique only within its project.
    quint32 project = 0;

    bool hasSameContent(const DesktopRow &other) const;
    bool hasUsage() const { return isUsageValue(idleSeconds) || isUsageValue(usageSeconds); }
    bool isRetiring() const { return retireAfterDay != kNotRetiring; }
    bool hasRetireDate() const { return retireAfterDay > kRetireDateUnreadable; }
    // Retiring with a readable date on or before `todayDay` (a Julian day).
    bool isRetirementDue(qint64 todayDay) const { return hasRetireDate() && retireAfterDay <= todayDay; }
};

// The values rows share, each stored once, and the conversions between a Desktop and its row.
class DesktopRowStore
{
public:
    struct TagSet
    {
        QList<QPair<QString, QString>> tags;
        QString text; // "k=v, k2=v2"
        bool isProtected = false;
        qint64 retireAfterDay = DesktopRow::kNotRetiring;
    };

    DesktopRowStore() { reset(); }

    DesktopRow makeRow(const Desktop &desktop, quint32 listing);
    // The desktop as the API type; its raw JSON holds the fields the app reads.
    Desktop desktopOf(const DesktopRow &row) const;
    // Desktop::userNames() of the row's desktop, without rebuilding the rest of it.
    QStringList userNamesOf(const DesktopRow &row) const;

    quint32 share(const QString &value);
    const QString &value(quint32 index) const { return m_values.at(index); }
    const TagSet &tagSet(quint32 index) const { return m_tagSets.at(index); }

    // Protection depends on the tags alone: decided once per distinct tag set.
    void setProtectedTags(const QStringList &rules);
    const QStringList &protectedTags() const { return m_protectedTags; }
    bool isProtected(const QList<QPair<QString, QString>> &tags) const;

    // Today's UTC date, for "days left" and "due"; the current date unless set (tests set it).
    void setToday(const QDate &todayUtc) { m_today = todayUtc; }
    QDate today() const;

    // Pool names by id (desktop-pools listing) of one project (each region has pools of its
    // own, and their ids may repeat from region to region); a pool not in it is shown by its id.
    void setPoolNames(quint32 project, QHash<QString, QString> namesById) { m_poolNames[project] = std::move(namesById); }
    QString poolText(const DesktopRow &row) const;
    // Which pool holds which desktop of the project (desktop id → pool id), from the pools' own
    // desktop listings: a desktop's details do not name its pool. A pool id the row's answer
    // carried comes first.
    void setPoolMembership(quint32 project, QHash<QString, QString> poolOfDesktop)
    {
        m_poolOfDesktop[project] = std::move(poolOfDesktop);
    }
    QString poolIdOf(const DesktopRow &row) const;

    // The most idle days the usage loaded can tell (DesktopUsage::knowableIdleDays): a row idle
    // for longer is idle for "more than" that, and counts as that many days.
    void setKnowableIdleDays(int days) { m_knowableIdleDays = days; }
    int knowableIdleDays() const { return m_knowableIdleDays; }
    qint64 idleDaysOf(const DesktopRow &row) const { return std::min<qint64>(row.idleSeconds / 86400, m_knowableIdleDays); }
    bool idleBeyondKnowable(const DesktopRow &row) const { return row.idleSeconds > qint64(m_knowableIdleDays) * 86400; }

    // The projects of a connection to every region, by which rows name their region. Index 0 is
    // the one project of a single-region connection (no region of its own); the same project id
    // gives the same index until reset().
    quint32 shareProject(const WorkspaceProject &project);
    const WorkspaceProject &project(quint32 index) const { return m_projects.at(index); }
    int projectCount() const { return int(m_projects.size()); }
    // What the Region column shows: the region, or a sub-project's own name ({region}_{suffix}).
    static QString projectLabel(const WorkspaceProject &project);

    // Nothing refers to the shared values any more (an empty table); the protection rules stay.
    void reset();

private:
    quint32 shareTags(const QList<QPair<QString, QString>> &tags);

    // Index 0 is the empty string.
    QStringList m_values;
    QHash<QString, quint32> m_valueIndex;
    QList<TagSet> m_tagSets;                    // index 0: no tags
    QMultiHash<QString, quint32> m_tagSetIndex; // by text
    QStringList m_protectedTags;
    QHash<quint32, QHash<QString, QString>> m_poolNames; // by project
    QDate m_today;
    int m_knowableIdleDays = 180;
    QHash<quint32, QHash<QString, QString>> m_poolOfDesktop; // by project
    QList<WorkspaceProject> m_projects; // index 0: the single-region connection's project
};

// QString::toLower()/toUpper() look every character up in the Unicode tables; names, ids,
// addresses and statuses are nearly always ASCII, for which that lookup was half the cost of
// adding a row.
enum class LetterCase { Lower, Upper };
QString inLetterCase(QString text, LetterCase letterCase);
