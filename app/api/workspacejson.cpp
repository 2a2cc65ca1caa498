#include "workspacejson.h"

#include "serverinput.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

// Parse failures end up in error dialogs, so they are translated like every other message.
QString tr(const char *text)
{
    return QCoreApplication::translate("WorkspaceJson", text);
}

// Every text field of an answer passes here: bounded before anything keeps it.
QString str(const QJsonObject &object, QLatin1String key)
{
    const QJsonValue value = object.value(key);
    if (value.isString())
        return ServerInput::bounded(value.toString());
    if (value.isDouble()) // an id or name sent as a number: shortest exact text, "0.1" not "0.10…01"
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    return {};
}

// A count as DesktopPageShape reads one; *ok false (and 0) when the value is none.
int integer(const QJsonObject &object, QLatin1String key, bool *ok = nullptr)
{
    const QJsonValue value = object.value(key);
    std::optional<int> count;
    if (value.isDouble())
        count = WorkspaceJson::DesktopPageShape::countFromNumber(value.toDouble());
    else if (value.isString())
        count = WorkspaceJson::DesktopPageShape::countFromText(value.toString());
    if (ok)
        *ok = count.has_value();
    return count.value_or(0);
}

void appendAddress(const QJsonValue &entry, QStringList &addresses)
{
    const QJsonValue addr = entry.toObject().value(QLatin1String("addr"));
    if (addr.isString() && !addr.toString().isEmpty())
        addresses.append(addr.toString());
}

// "addresses" in its two documented shapes: a map {network: [{addr, version, …}]} (the SDK's
// model; networks in the order of their names) or an array of such entries (the published
// example). version is a string ("4") there and is not needed.
QStringList addressesOf(const QJsonValue &addresses)
{
    QStringList result;
    if (addresses.isArray()) {
        for (const QJsonValue &entry : addresses.toArray())
            appendAddress(entry, result);
        return result;
    }
    const QJsonObject networks = addresses.toObject();
    for (auto network = networks.begin(); network != networks.end(); ++network) {
        for (const QJsonValue &entry : network.value().toArray())
            appendAddress(entry, result);
    }
    return result;
}

// The strings of an array; anything else in it is left out.
QStringList stringsOf(const QJsonValue &value)
{
    QStringList strings;
    for (const QJsonValue &item : value.toArray()) {
        if (item.isString())
            strings.append(ServerInput::bounded(item.toString()));
    }
    return strings;
}

QList<AttachedUser> attachedUsersOf(const QJsonValue &value)
{
    QList<AttachedUser> users;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isObject())
            continue;
        const QJsonObject object = item.toObject();
        AttachedUser user;
        user.id = str(object, QLatin1String("user_id"));
        user.name = str(object, QLatin1String("user_name"));
        user.permissionGroup = str(object, QLatin1String("user_group"));
        user.type = WorkspaceJson::attachedUserType(str(object, QLatin1String("type")));
        if (!user.id.isEmpty() || !user.name.isEmpty())
            users.append(user);
    }
    return users;
}

bool setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

namespace WorkspaceJson {

std::optional<QJsonObject> parseObject(const QByteArray &body, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = QCoreApplication::translate("WorkspaceJson", "invalid JSON at byte %1: %2")
                         .arg(parseError.offset)
                         .arg(parseError.errorString());
        return std::nullopt;
    }
    if (!document.isObject()) {
        if (error)
            *error = QCoreApplication::translate("WorkspaceJson", "expected a JSON object");
        return std::nullopt;
    }
    return document.object();
}


QDateTime parseTimestamp(const QString &text)
{
    if (text.isEmpty())
        return {};
    // "2026-11-28T08:15:00Z" and "…00.250Z", the form the service sends for every desktop, read
    // directly: QDateTime::fromString was a sixth of reading a page.
    const auto digits = [&text](int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; ++i) {
            const char16_t c = text.at(i).unicode();
            if (c < u'0' || c > u'9')
                return -1;
            value = value * 10 + (c - u'0');
        }
        return value;
    };
    const qsizetype size = text.size();
    if ((size == 20 || (size == 24 && text.at(19) == QLatin1Char('.'))) && text.at(4) == QLatin1Char('-')
        && text.at(7) == QLatin1Char('-') && text.at(10) == QLatin1Char('T') && text.at(13) == QLatin1Char(':')
        && text.at(16) == QLatin1Char(':') && text.at(size - 1) == QLatin1Char('Z')) {
        const int year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
        const int hour = digits(11, 2), minute = digits(14, 2), second = digits(17, 2);
        const int millisecond = size == 24 ? digits(20, 3) : 0;
        const QDate date(year, month, day);
        const QTime time(hour, minute, second, millisecond);
        // Anything unusual (24:00:00, a day that does not exist) goes the general way below.
        if (std::min({year, month, day, hour, minute, second, millisecond}) >= 0 && date.isValid()
            && time.isValid())
            return QDateTime(date, time, QTimeZone::utc());
    }
    QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid()) {
        // "2026-11-28 08:15:00" and zone-less variants: the API documents none, so be generous.
        QString normalised = text;
        normalised.replace(QLatin1Char(' '), QLatin1Char('T'));
        parsed = QDateTime::fromString(normalised, Qt::ISODateWithMs);
    }
    if (parsed.isValid() && parsed.timeSpec() == Qt::LocalTime)
        parsed.setTimeZone(QTimeZone::utc()); // the API speaks UTC
    return parsed;
}

Desktop desktopFromJson(const QJsonObject &object)
{
    Desktop desktop;
    desktop.id = str(object, QLatin1String("desktop_id"));
    desktop.computerName = str(object, QLatin1String("computer_name"));
    desktop.status = str(object, QLatin1String("status"));
    desktop.taskStatus = str(object, QLatin1String("task_status"));
    desktop.loginStatus = str(object, QLatin1String("login_status"));
    desktop.userName = str(object, QLatin1String("user_name"));
    desktop.userGroup = str(object, QLatin1String("user_group"));
    desktop.desktopType = str(object, QLatin1String("desktop_type"));
    desktop.productId = str(object, QLatin1String("product_id"));
    desktop.availabilityZone = str(object, QLatin1String("availability_zone"));
    desktop.sid = str(object, QLatin1String("sid"));
    desktop.poolId = str(object, QLatin1String("pool_id"));
    // Documented as a boolean: anything else (a text, a number) does not put a desktop in maintenance.
    desktop.inMaintenanceMode = object.value(QLatin1String("in_maintenance_mode")).toBool(false);
    desktop.created = parseTimestamp(str(object, QLatin1String("created")));

    const QJsonArray ips = object.value(QLatin1String("ip_addresses")).toArray();
    for (const QJsonValue &ip : ips) {
        if (ip.isString())
            desktop.ipAddresses.append(ip.toString());
    }
    if (desktop.ipAddresses.isEmpty())
        desktop.ipAddresses = addressesOf(object.value(QLatin1String("addresses")));

    const QJsonObject flavor = object.value(QLatin1String("flavor")).toObject();
    desktop.flavorId = str(flavor, QLatin1String("id"));
    const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    desktop.osType = str(metadata, QLatin1String("os_type"));
    desktop.imageName = str(metadata, QLatin1String("image_name"));
    desktop.billingMode = billingModeFromFields(
        str(object.value(QLatin1String("product")).toObject(), QLatin1String("charge_mode")),
        str(object, QLatin1String("order_id")), str(metadata, QLatin1String("charging_mode")));

    const QJsonArray tags = object.value(QLatin1String("tags")).toArray();
    for (const QJsonValue &tag : tags) {
        const QJsonObject tagObject = tag.toObject();
        const QString key = str(tagObject, QLatin1String("key"));
        if (!key.isEmpty())
            desktop.tags.append({key, str(tagObject, QLatin1String("value"))});
    }
    desktop.attachedUsers = attachedUsersOf(object.value(QLatin1String("attach_user_infos")));
    desktop.userList = stringsOf(object.value(QLatin1String("user_list")));
    desktop.userGroupList = stringsOf(object.value(QLatin1String("user_group_list")));
    desktop.raw = object;
    return desktop;
}

QJsonObject desktopToJson(const Desktop &desktop)
{
    QJsonObject object;
    const auto insertText = [&object](QLatin1String key, const QString &value) {
        if (!value.isEmpty())
            object.insert(key, value);
    };
    insertText(QLatin1String("desktop_id"), desktop.id);
    insertText(QLatin1String("computer_name"), desktop.computerName);
    insertText(QLatin1String("status"), desktop.status);
    insertText(QLatin1String("task_status"), desktop.taskStatus);
    insertText(QLatin1String("login_status"), desktop.loginStatus);
    insertText(QLatin1String("user_name"), desktop.userName);
    insertText(QLatin1String("user_group"), desktop.userGroup);
    insertText(QLatin1String("desktop_type"), desktop.desktopType);
    insertText(QLatin1String("product_id"), desktop.productId);
    insertText(QLatin1String("availability_zone"), desktop.availabilityZone);
    insertText(QLatin1String("sid"), desktop.sid);
    insertText(QLatin1String("pool_id"), desktop.poolId);
    if (desktop.inMaintenanceMode)
        object.insert(QLatin1String("in_maintenance_mode"), true);
    if (desktop.created.isValid())
        object.insert(QLatin1String("created"), desktop.created.toUTC().toString(Qt::ISODateWithMs));
    if (!desktop.ipAddresses.isEmpty())
        object.insert(QLatin1String("ip_addresses"), QJsonArray::fromStringList(desktop.ipAddresses));
    if (!desktop.flavorId.isEmpty())
        object.insert(QLatin1String("flavor"), QJsonObject{{QLatin1String("id"), desktop.flavorId}});
    QJsonObject metadata;
    if (!desktop.osType.isEmpty())
        metadata.insert(QLatin1String("os_type"), desktop.osType);
    if (!desktop.imageName.isEmpty())
        metadata.insert(QLatin1String("image_name"), desktop.imageName);
    // The one field that tells the billing mode on its own in both directions; "product" is left
    // out, so that what is left of a desktop is not taken for the whole answer.
    if (desktop.billingMode != BillingMode::Unknown)
        metadata.insert(QLatin1String("charging_mode"),
                        desktop.billingMode == BillingMode::YearlyMonthly ? QLatin1String("1") : QLatin1String("0"));
    if (!metadata.isEmpty())
        object.insert(QLatin1String("metadata"), metadata);
    if (!desktop.tags.isEmpty()) {
        QJsonArray tags;
        for (const auto &[key, value] : desktop.tags)
            tags.append(QJsonObject{{QLatin1String("key"), key}, {QLatin1String("value"), value}});
        object.insert(QLatin1String("tags"), tags);
    }
    const QJsonArray users = attachedUsersToJson(desktop.attachedUsers);
    if (!users.isEmpty())
        object.insert(QLatin1String("attach_user_infos"), users);
    if (!desktop.userList.isEmpty())
        object.insert(QLatin1String("user_list"), QJsonArray::fromStringList(desktop.userList));
    if (!desktop.userGroupList.isEmpty())
        object.insert(QLatin1String("user_group_list"), QJsonArray::fromStringList(desktop.userGroupList));
    return object;
}

AttachedUser::Type attachedUserType(const QString &type)
{
    // USER is the documented default; an unknown value is taken as a user too, so that it is named.
    return type.compare(QLatin1String("GROUP"), Qt::CaseInsensitive) == 0 ? AttachedUser::Type::Group
                                                                          : AttachedUser::Type::User;
}

QJsonArray attachedUsersToJson(const QList<AttachedUser> &users)
{
    QJsonArray array;
    for (const AttachedUser &user : users) {
        QJsonObject object{{QLatin1String("type"), user.type == AttachedUser::Type::Group ? QLatin1String("GROUP")
                                                                                          : QLatin1String("USER")}};
        if (!user.id.isEmpty())
            object.insert(QLatin1String("user_id"), user.id);
        if (!user.name.isEmpty())
            object.insert(QLatin1String("user_name"), user.name);
        if (!user.permissionGroup.isEmpty())
            object.insert(QLatin1String("user_group"), user.permissionGroup);
        array.append(object);
    }
    return array;
}

std::optional<DesktopPage> parseDesktopPageWithQt(const QByteArray &body, QString *error, RawJson raw)
{
    const std::optional<QJsonObject> object = parseObject(body, error);
    if (!object)
        return std::nullopt;
    const QJsonValue desktops = object->value(QLatin1String("desktops"));
    using DesktopPageShape::Member;
    const Member member = desktops.isUndefined() ? Member::Missing
        : desktops.isNull()                      ? Member::Null
        : desktops.isArray()                     ? Member::Array
                                                 : Member::Other;
    if (const std::optional<QString> refusal =
            DesktopPageShape::refusal(member, object->contains(QLatin1String("total_count")))) {
        setError(error, *refusal);
        return std::nullopt;
    }
    DesktopPage page;
    bool hasTotal = false;
    const int total = integer(*object, QLatin1String("total_count"), &hasTotal);
    const QJsonArray array = desktops.toArray();
    page.desktops.reserve(array.size());
    for (const QJsonValue &value : array) {
        if (!value.isObject()) {
            setError(error, DesktopPageShape::entryIsNotAnObject());
            return std::nullopt;
        }
        Desktop desktop = desktopFromJson(value.toObject());
        if (raw == RawJson::Drop)
            desktop.raw = {};
        if (desktop.id.isEmpty()) {
            setError(error, DesktopPageShape::entryHasNoId());
            return std::nullopt;
        }
        page.desktops.append(std::move(desktop));
    }
    DesktopPageShape::settleTotal(page, hasTotal ? std::optional<int>(total) : std::nullopt);
    return page;
}

std::optional<QString> DesktopPageShape::refusal(Member desktops, bool hasTotalCount)
{
    if (desktops == Member::Other)
        return tr("\"desktops\" is not an array");
    // An object with neither key is something else (an error body behind a 200, a proxy's page),
    // not an empty list: reading it as "no desktops" would hide the problem.
    if (desktops == Member::Missing && !hasTotalCount)
        return tr("the answer has neither \"desktops\" nor \"total_count\"");
    return std::nullopt;
}

QString DesktopPageShape::entryIsNotAnObject()
{
    return tr("a desktop entry is not an object");
}

QString DesktopPageShape::entryHasNoId()
{
    return tr("a desktop has no desktop_id");
}

std::optional<int> DesktopPageShape::countFromNumber(double number)
{
    // Only an integral value in int range is a count: 1500.5 or 3000000000 is none.
    if (std::nearbyint(number) != number || number < std::numeric_limits<int>::min()
        || number > std::numeric_limits<int>::max())
        return std::nullopt;
    return int(number);
}

std::optional<int> DesktopPageShape::countFromText(const QString &text)
{
    bool converted = false;
    const int number = text.toInt(&converted);
    return converted ? std::optional<int>(number) : std::nullopt;
}

void DesktopPageShape::settleTotal(DesktopPage &page, std::optional<int> count)
{
    page.totalCountKnown = count && *count >= 0;
    page.totalCount = page.totalCountKnown ? *count : int(page.desktops.size());
}

std::optional<QString> parseBatchDeleteResponse(const QByteArray &body, QString *error)
{
    const std::optional<QJsonObject> object = parseObject(body, error);
    if (!object)
        return std::nullopt;
    const QString jobId = ServerInput::bounded(object->value(QLatin1String("job_id")).toString());
    if (jobId.isEmpty()) {
        setError(error, tr("the answer has no job_id"));
        return std::nullopt;
    }
    return jobId;
}

SubJob subJobFromJson(const QJsonObject &object)
{
    SubJob job;
    job.id = str(object, QLatin1String("id"));
    job.jobId = str(object, QLatin1String("job_id"));
    job.jobType = str(object, QLatin1String("job_type"));
    job.status = str(object, QLatin1String("status"));
    job.errorCode = str(object, QLatin1String("error_code"));
    job.failReason = str(object, QLatin1String("fail_reason"));
    job.process = qBound(0, integer(object, QLatin1String("process")), 100);
    job.beginTime = parseTimestamp(str(object, QLatin1String("begin_time")));
    job.endTime = parseTimestamp(str(object, QLatin1String("end_time")));
    const QJsonObject entities = object.value(QLatin1String("entities")).toObject();
    job.desktopId = str(entities, QLatin1String("desktop_id"));
    job.desktopName = str(entities, QLatin1String("desktop_name"));
    if (job.desktopName.isEmpty()) // older answers (and the published definitions) name it at the top
        job.desktopName = str(object, QLatin1String("desktop_name"));
    job.userName = str(entities, QLatin1String("user_name"));
    return job;
}

std::optional<Job> parseJob(const QByteArray &body, QString *error)
{
    const std::optional<QJsonObject> object = parseObject(body, error);
    if (!object)
        return std::nullopt;
    Job job;
    job.id = str(*object, QLatin1String("id"));
    job.status = str(*object, QLatin1String("status"));
    if (job.id.isEmpty() && job.status.isEmpty()) {
        setError(error, tr("the answer has neither id nor status"));
        return std::nullopt;
    }
    job.jobType = str(*object, QLatin1String("job_type"));
    job.jobErrorCode = str(*object, QLatin1String("job_error_code"));
    job.failReason = str(*object, QLatin1String("fail_reason"));
    job.beginTime = parseTimestamp(str(*object, QLatin1String("begin_time")));
    job.endTime = parseTimestamp(str(*object, QLatin1String("end_time")));
    job.subJobsTotal = integer(*object, QLatin1String("sub_jobs_total"));
    const QJsonValue subJobs = object->value(QLatin1String("sub_jobs"));
    if (!subJobs.isArray() && !subJobs.isUndefined() && !subJobs.isNull()) {
        setError(error, tr("\"sub_jobs\" is not an array"));
        return std::nullopt;
    }
    for (const QJsonValue &value : subJobs.toArray())
        job.subJobs.append(subJobFromJson(value.toObject()));
    return job;
}

std::optional<SubJobPage> parseSubJobPage(const QByteArray &body, QString *error)
{
    const std::optional<QJsonObject> object = parseObject(body, error);
    if (!object)
        return std::nullopt;
    // The rule of a desktops page: an absent or null list beside a total is an empty page; an
    // object with neither is something else (an error body behind a 200), not "no sub-jobs".
    const QJsonValue jobs = object->value(QLatin1String("jobs"));
    if (!jobs.isArray() && !jobs.isUndefined() && !jobs.isNull()) {
        setError(error, tr("\"jobs\" is not an array"));
        return std::nullopt;
    }
    if (jobs.isUndefined() && !object->contains(QLatin1String("total_count"))) {
        setError(error, tr("the answer has neither \"jobs\" nor \"total_count\""));
        return std::nullopt;
    }
    SubJobPage page;
    for (const QJsonValue &value : jobs.toArray()) {
        if (!value.isObject()) {
            setError(error, tr("a sub-job entry is not an object"));
            return std::nullopt;
        }
        page.jobs.append(subJobFromJson(value.toObject()));
    }
    bool hasTotal = false;
    page.totalCount = integer(*object, QLatin1String("total_count"), &hasTotal);
    page.totalCountKnown = hasTotal;
    if (!hasTotal)
        page.totalCount = static_cast<int>(page.jobs.size());
    return page;
}

ApiError parseErrorBody(int httpStatus, const QByteArray &body)
{
    ApiError error;
    error.kind = ApiError::Kind::Http;
    error.httpStatus = httpStatus;
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject()) {
        error.bodyExcerpt = body.left(2048);
        return error;
    }
    QJsonObject object = document.object();
    const QJsonValue nested = object.value(QLatin1String("error"));
    if (nested.isObject())
        object = nested.toObject();
    error.errorCode = str(object, QLatin1String("error_code"));
    if (error.errorCode.isEmpty())
        error.errorCode = str(object, QLatin1String("code"));
    error.errorMessage = str(object, QLatin1String("error_msg"));
    if (error.errorMessage.isEmpty())
        error.errorMessage = str(object, QLatin1String("message"));
    error.errorDetail = str(object, QLatin1String("error_detail"));
    error.encodedAuthorizationMessage = str(object, QLatin1String("encoded_authorization_message"));
    error.requestId = str(object, QLatin1String("request_id"));
    if (error.requestId.isEmpty())
        error.requestId = str(document.object(), QLatin1String("request_id"));
    if (error.errorCode.isEmpty() && error.errorMessage.isEmpty())
        error.bodyExcerpt = body.left(2048);
    return error;
}

QByteArray batchDeleteBody(const QStringList &desktopIds, const BatchDeleteOptions &options)
{
    // QJsonObject sorts its keys, which gives the stable order the preview and the audit show.
    QJsonObject body;
    body.insert(QLatin1String("desktop_ids"), QJsonArray::fromStringList(desktopIds));
    body.insert(QLatin1String("delete_users"), options.deleteUsers);
    body.insert(QLatin1String("email_notification"), options.emailNotification);
    body.insert(QLatin1String("is_force_delete"), options.forceDelete);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace WorkspaceJson
