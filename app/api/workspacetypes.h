#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>

enum class BillingMode { Unknown, PayPerUse, YearlyMonthly };

// The billing mode from every field of a desktop that tells, in the order of the spec:
// product.charge_mode ("0" yearly/monthly, "1" pay-per-use), then a non-empty order_id (the order
// of a yearly/monthly product), then metadata.charging_mode ("1" yearly/monthly, "0" pay-per-use;
// undocumented since 2026 and contradicted by the published example, so the last resort).
// Unknown when none of them tells.
BillingMode billingModeFromFields(const QString &productChargeMode, const QString &orderId,
                                  const QString &metadataChargingMode);

// What a person reads for these values, translated; an unknown login status is shown as sent.
QString billingModeDisplayName(BillingMode mode);
QString loginStatusDisplayName(const QString &loginStatus);
// For scripts (CLI CSV and JSON): "yearly_monthly", "pay_per_use" or "unknown".
QString billingModeKey(BillingMode mode);

// One entry of a desktop's attach_user_infos: a user, or a group of users, who may log in to it.
struct AttachedUser
{
    enum class Type { User, Group }; // type USER | GROUP (USER when absent, as documented)

    QString id;              // user_id: the user's id, or the group's
    QString name;            // user_name: the user's name, or the group's
    QString permissionGroup; // user_group: the permission group on the desktop (sudo, default,
                             // administrators, users), not a Workspace user group
    Type type = Type::User;

    bool operator==(const AttachedUser &other) const
    {
        return id == other.id && name == other.name && permissionGroup == other.permissionGroup && type == other.type;
    }
};

// One desktop of ListDesktopsDetail, with the fields the app works with. `raw` keeps every field
// the server sent, for the details view.
struct Desktop
{
    QString id;
    QString computerName;
    QString status;     // ACTIVE, SHUTOFF, … or DELETED in some regions
    QString taskStatus; // e.g. "deleting"; case varies
    QString loginStatus;
    QString userName;
    QString userGroup;
    QStringList ipAddresses;
    QString desktopType;
    QString productId;
    QString flavorId;
    QString availabilityZone;
    QString sid; // the desktop's security identifier: the log-in records name desktops by it
    QString osType;
    QString imageName;
    BillingMode billingMode = BillingMode::Unknown;
    QString poolId;                 // pool_id; empty when the desktop is in no pool
    bool inMaintenanceMode = false; // in_maintenance_mode: users cannot log in while it is on
    QDateTime created;
    QList<QPair<QString, QString>> tags;
    // Who is attached, from every documented field: attach_user_infos, user_list and
    // user_group_list (a SHARED desktop has several users; user_name names one).
    QList<AttachedUser> attachedUsers;
    QStringList userList;      // user_list: names or ids (not confirmed which)
    QStringList userGroupList; // user_group_list
    QJsonObject raw;

    bool isBeingDeleted() const;  // task_status deleting, in any case
    bool isGone() const;          // status DELETED
    bool isConnected() const { return loginStatus == QLatin1String("CONNECTED"); }
    bool hasTag(const QString &key, const QString &value) const;
    QString tagsText() const;     // "k=v, k2=v2"
    QString displayStatus() const; // task_status when set, else status, like the console
    // The users of the desktop from user_name, attach_user_infos (type USER) and user_list, each
    // once, sorted; an entry of user_list that is the user_id of an attached user is that user.
    // Groups are not users: they are never deleted with a desktop.
    QStringList userNames() const;
    // The groups attached (attach_user_infos of type GROUP, user_group_list), each once, sorted.
    QStringList groupNames() const;
};

struct DesktopPage
{
    int totalCount = 0;
    QList<Desktop> desktops;
    // False when total_count was missing or not a count (null, text, a fraction, negative, beyond
    // int): totalCount is then the page's own size and says nothing about the listing.
    bool totalCountKnown = true;
};

struct BatchDeleteOptions
{
    bool deleteUsers = false;
    bool emailNotification = true; // the API default
    bool forceDelete = false;
};

enum class JobState { InProgress, Succeeded, Failed };

// JobDetailInfo: one desktop's part of a batch job.
struct SubJob
{
    QString id;
    QString jobId;
    QString jobType;
    QString status; // WAITING, RUNNING, SUCCESS, FAILED
    QString desktopId;
    QString desktopName;
    QString userName;
    QString errorCode;
    QString failReason;
    int process = 0; // 0–100
    QDateTime beginTime;
    QDateTime endTime;

    JobState state() const;
};

struct Job
{
    QString id;
    QString jobType;
    QString status; // raw value: INIT, WAITING, RUNNING, SUCCESS, COMPLETE, FAILED, FAIL, …
    QString jobErrorCode;
    QString failReason;
    QDateTime beginTime;
    QDateTime endTime;
    int subJobsTotal = 0;
    QList<SubJob> subJobs;

    JobState state() const;
};

struct SubJobPage
{
    int totalCount = 0; // without total_count in the answer, the page's size
    bool totalCountKnown = false;
    QList<SubJob> jobs;
};

// Whether any of the rules ("key" or "key=value", as a profile's protected tags are written)
// matches the tags. Blank rules match nothing. The one place protection is decided, for GUI and CLI.
bool tagsMatchAnyRule(const QList<QPair<QString, QString>> &tags, const QStringList &rules);

// The desktop statuses ListDesktopsDetail documents. Its `status` filter takes the stable ones
// (ACTIVE, SHUTOFF, ERROR in the definitions, HIBERNATED in the SDKs); a desktop's status may also
// be one of the transitional ones (STARTING, STOPPING, RESTARTING, HIBERNATING, AWAKENING), which
// no filter documents. The one place these lists live, for the CLI's --status and the requests.
QStringList desktopStatusFilterValues();
QStringList transitionalDesktopStatuses();
// Whether the status (any letter case) may be sent as the listing's status filter.
bool isDesktopStatusFilterValue(const QString &status);

// In progress for INIT, WAITING, RUNNING and anything unknown; see the spec's "safe rule".
JobState jobStateFromStatus(const QString &status);

Q_DECLARE_METATYPE(Desktop)
Q_DECLARE_METATYPE(Job)
