#include "retirementroutes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

#include <algorithm>

namespace {

constexpr int kMaxDesktopsPerRequest = 100;
constexpr int kMaxTagDesktopIdLength = 128;
constexpr int kMaxPowerDesktopIdLength = 255;
constexpr int kMaxTagsPerRequest = 20;
// ASSUMPTION TAG-LIMIT: a desktop holds at most 20 tags (the batch calls' bound; CreateTag says 10).
constexpr int kMaxTagsPerDesktop = 20;
constexpr int kMaxTagKeyLength = 128;
constexpr int kMaxTagValueLength = 43;
constexpr int kMaxLoginRecordLimit = 100;
constexpr int kDefaultLoginRecordLimit = 20;
// How long a simulated session lasts before the last use the statistics record.
constexpr qint64 kSessionSeconds = 3600;

using Answer = RetirementRoutes::Answer;

Answer answerOf(const SimulatorReply &reply)
{
    return {reply.status, reply.body};
}

Answer invalid(const QString &message, const QString &detail = {})
{
    return answerOf(invalidParameterReply(message, detail));
}

bool isGone(const SimulatedDesktop &desktop)
{
    return desktop.removed || desktop.status == QLatin1String("DELETED");
}

// The newer, stricter documented rules: letters of any language, digits, space and _ . : = + - @,
// no space at either end, no "_sys_" prefix.
bool isValidTagText(const QString &text, bool isKey)
{
    static const QRegularExpression allowed(QStringLiteral("^[\\p{L}\\p{M}\\p{N}_.:=+\\-@ ]*$"));
    if (isKey && (text.isEmpty() || text.size() > kMaxTagKeyLength || text.startsWith(QLatin1String("_sys_"))))
        return false;
    if (!isKey && text.size() > kMaxTagValueLength)
        return false;
    if (!text.isEmpty() && (text.front().isSpace() || text.back().isSpace()))
        return false;
    return allowed.match(text).hasMatch();
}

QDateTime parseMinuteTime(const QString &text)
{
    // The documented form is "2016-08-20T21:11Z"; seconds are accepted too.
    for (const QString &format : {QStringLiteral("yyyy-MM-ddTHH:mmZ"), QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")}) {
        QDateTime time = QDateTime::fromString(text, format);
        if (time.isValid()) {
            time.setTimeZone(QTimeZone::utc());
            return time;
        }
    }
    return {};
}

std::optional<int> boundedInteger(const QString &text, int minimum, int maximum)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < minimum || value > maximum)
        return std::nullopt;
    return value;
}

} // namespace

namespace {
const QString kRetiredOnKey = QStringLiteral("workspace-admin-retired-on");
const QString kRetireAfterKey = QStringLiteral("workspace-admin-retire-after");
} // namespace

QStringList RetirementRoutes::addRetiringExamples(QList<SimulatedDesktop> &desktops, const QDate &today)
{
    // retired-on and retire-after, in days from today, of the due, the used and the waiting one.
    const std::pair<int, int> dates[] = {{-35, -5}, {-35, -5}, {-10, 20}};
    QStringList ids;
    for (SimulatedDesktop &desktop : desktops) {
        if (ids.size() == 3)
            break;
        const bool suitable = !desktop.userName.isEmpty() && !desktop.yearlyMonthly && desktop.poolId.isEmpty()
            && desktop.taskStatus.isEmpty() && !desktop.hasTag(QStringLiteral("protected"), QStringLiteral("true"));
        if (!suitable)
            continue;
        const auto &[retiredOn, retireAfter] = dates[ids.size()];
        desktop.tags.append({kRetiredOnKey, today.addDays(retiredOn).toString(Qt::ISODate)});
        desktop.tags.append({kRetireAfterKey, today.addDays(retireAfter).toString(Qt::ISODate)});
        desktop.status = QStringLiteral("SHUTOFF");
        desktop.loginStatus = QStringLiteral("UNREGISTER");
        desktop.inMaintenanceMode = true;
        desktop.refreshJson();
        ids.append(desktop.id);
    }
    return ids;
}

QDateTime RetirementRoutes::exampleLastUse(const SimulatedDesktop &desktop, int exampleIndex)
{
    QDate retiredOn;
    for (const auto &[key, value] : desktop.tags) {
        if (key == kRetiredOnKey)
            retiredOn = QDate::fromString(value, Qt::ISODate);
    }
    if (!retiredOn.isValid())
        return {};
    // The used one was logged in to two days after its retirement; the others before it.
    const int days = exampleIndex == 1 ? 2 : -3;
    return QDateTime(retiredOn.addDays(days), QTime(9, 30), QTimeZone::utc());
}

RetirementRoutes::RetirementRoutes(QList<SimulatedDesktop> &desktops, const QHash<QString, qsizetype> &indexById,
                                   LastUse lastUse)
    : m_desktops(desktops)
    , m_indexById(indexById)
    , m_lastUse(std::move(lastUse))
{
}

bool RetirementRoutes::matches(const QByteArray &method, const QString &path, QString *projectId)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^/v2/([^/]+)/(desktops/batch-tags|desktops/action|desktops/[^/]+/tags|connections/desktops)/?$"));
    const QRegularExpressionMatch match = pattern.match(path);
    if (!match.hasMatch())
        return false;
    const QString resource = match.captured(2);
    bool known = false;
    if (resource == QLatin1String("desktops/batch-tags"))
        known = method == "POST" || method == "DELETE";
    else if (resource == QLatin1String("desktops/action"))
        known = method == "POST";
    else
        known = method == "GET";
    if (known && projectId)
        *projectId = match.captured(1);
    return known;
}

RetirementRoutes::Answer RetirementRoutes::handle(const QByteArray &method, const QString &path,
                                                  const QUrlQuery &query, const QByteArray &contentType,
                                                  const QByteArray &body, const QDateTime &now)
{
    m_changed.clear();
    const QString resource = path.section(QLatin1Char('/'), 3);
    if (method == "GET") {
        if (resource.startsWith(QLatin1String("connections/desktops")))
            return listLoginRecords(query, now);
        return showTags(path.section(QLatin1Char('/'), 4, 4));
    }
    if (isEmptyRequest(body))
        return answerOf(emptyRequestReply());
    if (!contentType.startsWith("application/json"))
        return invalid(QStringLiteral("Content-Type must be application/json"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return invalid(QStringLiteral("The request body is not a JSON object"), parseError.errorString());
    if (resource.startsWith(QLatin1String("desktops/action")))
        return runPowerAction(document.object());
    return changeTags(method == "POST", document.object());
}

SimulatedDesktop *RetirementRoutes::present(const QString &id)
{
    const auto index = m_indexById.constFind(id);
    if (index == m_indexById.cend() || isGone(m_desktops.at(*index)))
        return nullptr;
    return &m_desktops[*index];
}

RetirementRoutes::Answer RetirementRoutes::changeTags(bool add, const QJsonObject &body)
{
    const QJsonValue desktopsValue = body.value(QLatin1String("desktops"));
    if (!desktopsValue.isArray())
        return invalid(QStringLiteral("desktops must be an array"));
    const QJsonArray desktops = desktopsValue.toArray();
    if (desktops.isEmpty() || desktops.size() > kMaxDesktopsPerRequest)
        return invalid(QStringLiteral("desktops must hold 1 to %1 entries").arg(kMaxDesktopsPerRequest),
                       QStringLiteral("%1 were sent").arg(desktops.size()));
    struct Change
    {
        SimulatedDesktop *desktop = nullptr;
        QList<QPair<QString, QString>> tags;
    };
    QList<Change> changes;
    for (const QJsonValue &entryValue : desktops) {
        const QJsonObject entry = entryValue.toObject();
        const QString id = entry.value(QLatin1String("desktop_id")).toString();
        if (id.isEmpty() || id.size() > kMaxTagDesktopIdLength)
            return invalid(QStringLiteral("desktop_id must be a string of 1 to %1 characters").arg(kMaxTagDesktopIdLength));
        const QJsonValue tagsValue = entry.value(QLatin1String("tags"));
        const QJsonArray tags = tagsValue.toArray();
        if (!tagsValue.isArray() || tags.isEmpty() || tags.size() > kMaxTagsPerRequest)
            return invalid(QStringLiteral("tags must hold 1 to %1 tags").arg(kMaxTagsPerRequest), id);
        Change change;
        for (const QJsonValue &tagValue : tags) {
            const QJsonObject tag = tagValue.toObject();
            const QString key = tag.value(QLatin1String("key")).toString();
            const QString value = tag.value(QLatin1String("value")).toString();
            if (!isValidTagText(key, true) || !isValidTagText(value, false))
                return invalid(QStringLiteral("A tag key or value breaks the documented rules"), key);
            change.tags.append({key, value});
        }
        // Invalid desktop ids are skipped silently, as the definitions say.
        change.desktop = present(id);
        if (change.desktop)
            changes.append(change);
    }
    for (const Change &change : std::as_const(changes)) {
        QList<QPair<QString, QString>> tags = change.desktop->tags;
        for (const auto &[key, value] : change.tags) {
            // ASSUMPTION TAG-DELETE-VALUE: a tag is removed by its key, whatever its value.
            tags.erase(std::remove_if(tags.begin(), tags.end(), [&key = key](const auto &tag) { return tag.first == key; }),
                       tags.end());
            if (add)
                tags.append({key, value});
        }
        if (tags.size() > kMaxTagsPerDesktop)
            return invalid(QStringLiteral("A desktop can have at most %1 tags").arg(kMaxTagsPerDesktop), change.desktop->id);
    }
    for (const Change &change : std::as_const(changes)) {
        for (const auto &[key, value] : change.tags) {
            auto &tags = change.desktop->tags;
            tags.erase(std::remove_if(tags.begin(), tags.end(), [&key = key](const auto &tag) { return tag.first == key; }),
                       tags.end());
            if (add)
                tags.append({key, value});
        }
        change.desktop->refreshJson();
        m_changed.append(change.desktop->id);
    }
    return {204, {}};
}

RetirementRoutes::Answer RetirementRoutes::showTags(const QString &desktopId) const
{
    const auto index = m_indexById.constFind(desktopId);
    if (index == m_indexById.cend() || isGone(m_desktops.at(*index)))
        return answerOf(notFoundReply(m_notFoundAnswer, QStringLiteral("Unknown desktop id: ") + desktopId));
    QJsonArray tags;
    for (const auto &[key, value] : m_desktops.at(*index).tags)
        tags.append(QJsonObject{{QStringLiteral("key"), key}, {QStringLiteral("value"), value}});
    return answerOf(jsonReply(200, QJsonObject{{QStringLiteral("tags"), tags}}));
}

RetirementRoutes::Answer RetirementRoutes::runPowerAction(const QJsonObject &body)
{
    static const QHash<QString, std::pair<QString, QString>> kOutcome = {
        // op_type → the status and login status the desktop ends in
        {QStringLiteral("os-start"), {QStringLiteral("ACTIVE"), QStringLiteral("REGISTERED")}},
        {QStringLiteral("reboot"), {QStringLiteral("ACTIVE"), QStringLiteral("REGISTERED")}},
        {QStringLiteral("os-stop"), {QStringLiteral("SHUTOFF"), QStringLiteral("UNREGISTER")}},
        {QStringLiteral("os-hibernate"), {QStringLiteral("HIBERNATED"), QStringLiteral("UNREGISTER")}},
    };
    const QString operation = body.value(QLatin1String("op_type")).toString();
    if (!kOutcome.contains(operation))
        return invalid(QStringLiteral("op_type must be os-start, os-stop, reboot or os-hibernate"), operation);
    const QJsonValue type = body.value(QLatin1String("type"));
    if (!type.isUndefined() && type.toString() != QLatin1String("SOFT") && type.toString() != QLatin1String("HARD"))
        return invalid(QStringLiteral("type must be SOFT or HARD"));
    const QJsonValue idsValue = body.value(QLatin1String("desktop_ids"));
    const QJsonArray ids = idsValue.toArray();
    if (!idsValue.isArray() || ids.isEmpty() || ids.size() > kMaxDesktopsPerRequest)
        return invalid(QStringLiteral("desktop_ids must hold 1 to %1 desktop ids").arg(kMaxDesktopsPerRequest));
    QList<SimulatedDesktop *> targets;
    QStringList unknown;
    QSet<QString> seen;
    for (const QJsonValue &value : ids) {
        const QString id = value.toString();
        if (!value.isString() || id.isEmpty() || id.size() > kMaxPowerDesktopIdLength || seen.contains(id))
            return invalid(QStringLiteral("desktop_ids must be distinct strings of 1 to %1 characters")
                               .arg(kMaxPowerDesktopIdLength));
        seen.insert(id);
        if (SimulatedDesktop *desktop = present(id))
            targets.append(desktop);
        else
            unknown.append(id);
    }
    if (!unknown.isEmpty())
        return answerOf(notFoundReply(m_notFoundAnswer, QStringLiteral("Unknown desktop ids: ") + unknown.join(QStringLiteral(", "))));
    // Desktops being deleted are refused one by one, the others carried out.
    QJsonArray failures;
    const auto &[status, loginStatus] = kOutcome.value(operation);
    for (SimulatedDesktop *desktop : std::as_const(targets)) {
        if (desktop->taskStatus == QLatin1String("deleting")) {
            failures.append(QJsonObject{{QStringLiteral("desktop_id"), desktop->id},
                                        {QStringLiteral("desktop_name"), desktop->computerName},
                                        {QStringLiteral("error_code"), SimulatorErrorCode::kConflict},
                                        {QStringLiteral("error_msg"), QStringLiteral("The desktop is being deleted.")}});
            continue;
        }
        // ASSUMPTION POWER-AT-ONCE: the desktop is in its new state when the answer arrives, and
        // no job is named (job_id is optional): clients confirm by listing the desktop.
        desktop->status = status;
        desktop->loginStatus = loginStatus;
        desktop->refreshJson();
        m_changed.append(desktop->id);
    }
    QJsonObject answer;
    if (!failures.isEmpty())
        answer.insert(QStringLiteral("failed_operation_list"), failures);
    return answerOf(jsonReply(200, answer));
}

RetirementRoutes::Answer RetirementRoutes::listLoginRecords(const QUrlQuery &query, const QDateTime &now) const
{
    const auto value = [&query](const char *key) {
        return query.queryItemValue(QLatin1String(key), QUrl::FullyDecoded);
    };
    const QDateTime start = parseMinuteTime(value("start_time"));
    const QDateTime end = parseMinuteTime(value("end_time"));
    if (query.hasQueryItem(QStringLiteral("start_time")) != query.hasQueryItem(QStringLiteral("end_time")))
        return invalid(QStringLiteral("start_time and end_time go together"));
    if ((query.hasQueryItem(QStringLiteral("start_time")) && (!start.isValid() || !end.isValid())) || end < start)
        return invalid(QStringLiteral("start_time and end_time are UTC times such as 2016-08-20T21:11Z, the end after the start"));
    const std::optional<int> offset =
        query.hasQueryItem(QStringLiteral("offset")) ? boundedInteger(value("offset"), 0, 1000000) : 0;
    const std::optional<int> limit = query.hasQueryItem(QStringLiteral("limit"))
        ? boundedInteger(value("limit"), 0, kMaxLoginRecordLimit)
        : kDefaultLoginRecordLimit;
    if (!offset || !limit)
        return invalid(QStringLiteral("offset is 0 or more, limit 0 to %1").arg(kMaxLoginRecordLimit));
    const QDateTime from = start.isValid() ? start : now.addDays(-30);
    const QDateTime to = end.isValid() ? end : now;
    const QString userName = value("user_name");
    const QString computerName = value("computer_name");

    // ASSUMPTION LOGIN-RECORDS: one session per desktop, ending at its last use, and the records
    // are ordered by the desktops' order.
    QJsonArray matching;
    for (const SimulatedDesktop &desktop : m_desktops) {
        if (desktop.userName.isEmpty())
            continue;
        const QDateTime lastUse = m_lastUse(desktop.id);
        if (!lastUse.isValid() || lastUse < from || lastUse.addSecs(-kSessionSeconds) > to)
            continue;
        if (!userName.isEmpty() && desktop.userName != userName)
            continue;
        if (!computerName.isEmpty() && desktop.computerName.compare(computerName, Qt::CaseInsensitive) != 0)
            continue;
        matching.append(QJsonObject{
            {QStringLiteral("user_name"), desktop.userName},
            {QStringLiteral("computer_name"), desktop.computerName},
            {QStringLiteral("desktop_ip"), desktop.ipAddress},
            {QStringLiteral("sid"), desktop.sid()},
            {QStringLiteral("terminal_type"), QStringLiteral("WI")},
            {QStringLiteral("connection_start_time"),
             lastUse.addSecs(-kSessionSeconds).toUTC().toString(Qt::ISODate)},
            {QStringLiteral("connection_end_time"), lastUse.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("is_reconnect"), false},
        });
    }
    QJsonArray page;
    for (qsizetype i = *offset; i < std::min<qsizetype>(matching.size(), qsizetype(*offset) + *limit); ++i)
        page.append(matching.at(i));
    return answerOf(jsonReply(200, QJsonObject{{QStringLiteral("total_count"), int(matching.size())},
                                               {QStringLiteral("records"), page}}));
}
