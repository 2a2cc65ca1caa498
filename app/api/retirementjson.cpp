#include "retirementjson.h"

#include "serverinput.h"
#include "workspacejson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace {

QString translated(const char* text)
{
    return QCoreApplication::translate("RetirementJson", text);
}

QString text(const QJsonObject& object, const char* key)
{
    return ServerInput::bounded(object.value(QLatin1String(key)).toString());
}

// A list the service may leave out (absent or null: empty) but must not send in another shape.
std::optional<QJsonArray> optionalArray(const QJsonObject& object, const char* key, QString* error)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull())
        return QJsonArray();
    if (!value.isArray()) {
        if (error)
            *error = translated(QT_TRANSLATE_NOOP("RetirementJson", "\"%1\" is not an array")).arg(QLatin1String(key));
        return std::nullopt;
    }
    return value.toArray();
}

bool isAllowedTagCharacter(QChar c)
{
    static const QString punctuation = QStringLiteral("_.:=+-@ ");
    return c.isLetter() || c.isDigit() || c.isMark() || punctuation.contains(c);
}

QString characterProblem(const QString& text, const QString& what)
{
    for (const QChar c : text) {
        if (!isAllowedTagCharacter(c))
            return translated(QT_TRANSLATE_NOOP("RetirementJson", "The tag %1 may hold only letters, digits, spaces and _ . : = + - @."))
                .arg(what);
    }
    if (!text.isEmpty() && (text.front().isSpace() || text.back().isSpace()))
        return translated(QT_TRANSLATE_NOOP("RetirementJson", "The tag %1 may not begin or end with a space.")).arg(what);
    return {};
}

} // namespace

namespace RetirementJson {

QString tagProblem(const DesktopTag& tag)
{
    if (tag.key.isEmpty() || tag.key.size() > kMaxTagKeyChars)
        return translated(QT_TRANSLATE_NOOP("RetirementJson", "A tag key must have 1 to %1 characters.")).arg(kMaxTagKeyChars);
    if (tag.key.startsWith(QLatin1String("_sys_")))
        return translated(QT_TRANSLATE_NOOP("RetirementJson", "A tag key may not begin with \"_sys_\"."));
    if (tag.value.size() > kMaxTagValueChars)
        return translated(QT_TRANSLATE_NOOP("RetirementJson", "A tag value may have at most %1 characters.")).arg(kMaxTagValueChars);
    const QString keyProblem = characterProblem(tag.key, translated(QT_TRANSLATE_NOOP("RetirementJson", "key")));
    if (!keyProblem.isEmpty())
        return keyProblem;
    return characterProblem(tag.value, translated(QT_TRANSLATE_NOOP("RetirementJson", "value")));
}

QByteArray batchTagsBody(const QStringList& desktopIds, const QList<DesktopTag>& tags)
{
    QJsonArray tagArray;
    for (const DesktopTag& tag : tags)
        tagArray.append(QJsonObject {
            { QStringLiteral("key"), tag.key }, { QStringLiteral("value"), tag.value } });
    QJsonArray desktops;
    for (const QString& id : desktopIds)
        desktops.append(QJsonObject {
            { QStringLiteral("desktop_id"), id }, { QStringLiteral("tags"), tagArray } });
    return QJsonDocument(QJsonObject { { QStringLiteral("desktops"), desktops } })
        .toJson(QJsonDocument::Compact);
}

QString powerOperationName(PowerOperation operation)
{
    switch (operation) {
    case PowerOperation::Start:
        return QStringLiteral("os-start");
    case PowerOperation::Stop:
        return QStringLiteral("os-stop");
    case PowerOperation::Reboot:
        return QStringLiteral("reboot");
    case PowerOperation::Hibernate:
        return QStringLiteral("os-hibernate");
    }
    return {};
}

QByteArray powerActionBody(const QStringList& desktopIds, PowerOperation operation, bool hard)
{
    const QJsonObject body { { QStringLiteral("desktop_ids"),
                                 QJsonArray::fromStringList(desktopIds) },
        { QStringLiteral("op_type"), powerOperationName(operation) },
        { QStringLiteral("type"), hard ? QStringLiteral("HARD") : QStringLiteral("SOFT") } };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

std::optional<PowerActionAnswer> parsePowerActionAnswer(const QByteArray& body, QString* error)
{
    // The documented answer is a JSON object; an empty body carries no job and no failure.
    if (body.trimmed().isEmpty())
        return PowerActionAnswer {};
    const std::optional<QJsonObject> object = WorkspaceJson::parseObject(body, error);
    if (!object)
        return std::nullopt;
    PowerActionAnswer answer;
    const QJsonValue jobId = object->value(QLatin1String("job_id"));
    if (!jobId.isUndefined() && !jobId.isNull()) {
        answer.jobId = jobId.toString();
        if (!ServerInput::isUsableId(answer.jobId)) {
            if (error)
                *error = translated(QT_TRANSLATE_NOOP("RetirementJson", "the answer's job_id is not usable: %1"))
                             .arg(ServerInput::describeId(answer.jobId));
            return std::nullopt;
        }
    }
    const std::optional<QJsonArray> failures
        = optionalArray(*object, "failed_operation_list", error);
    if (!failures)
        return std::nullopt;
    // The service lists at most one failure a desktop of the request (100).
    if (failures->size() > 100) {
        if (error)
            *error
                = translated(QT_TRANSLATE_NOOP("RetirementJson", "the answer lists %1 failures for a request of at most 100 desktops"))
                      .arg(failures->size());
        return std::nullopt;
    }
    for (const QJsonValue& entry : *failures) {
        const QJsonObject failure = entry.toObject();
        PowerActionFailure item { failure.value(QLatin1String("desktop_id")).toString(),
            text(failure, "desktop_name"), text(failure, "error_code"),
            text(failure, "error_msg") };
        if (!ServerInput::isUsableId(item.desktopId)) {
            if (error)
                *error = translated(QT_TRANSLATE_NOOP("RetirementJson", "a failed operation names no usable desktop_id"));
            return std::nullopt;
        }
        answer.failures.append(item);
    }
    return answer;
}

QString loginRecordTime(const QDateTime& time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm")) + QLatin1Char('Z');
}

std::optional<LoginRecordPage> parseLoginRecordPage(const QByteArray& body, QString* error)
{
    const std::optional<QJsonObject> object = WorkspaceJson::parseObject(body, error);
    if (!object)
        return std::nullopt;
    LoginRecordPage page;
    const QJsonValue total = object->value(QLatin1String("total_count"));
    if (!total.isUndefined() && !total.isNull()) {
        const double count = total.toDouble(-1);
        if (!total.isDouble() || count < 0 || count > 1e9 || std::floor(count) != count) {
            if (error)
                *error = translated(QT_TRANSLATE_NOOP("RetirementJson", "\"total_count\" is not a count"));
            return std::nullopt;
        }
        page.totalCount = int(count);
    }
    if (!object->contains(QLatin1String("records")) && page.totalCount < 0) {
        if (error)
            *error = translated(QT_TRANSLATE_NOOP("RetirementJson", "the answer has neither \"records\" nor \"total_count\""));
        return std::nullopt;
    }
    const std::optional<QJsonArray> records = optionalArray(*object, "records", error);
    if (!records)
        return std::nullopt;
    for (const QJsonValue& entry : *records) {
        if (!entry.isObject()) {
            if (error)
                *error = translated(QT_TRANSLATE_NOOP("RetirementJson", "a log-in record is not an object"));
            return std::nullopt;
        }
        const QJsonObject record = entry.toObject();
        page.records.append(LoginRecord { text(record, "user_name"), text(record, "computer_name"),
            text(record, "sid"), text(record, "terminal_type"),
            WorkspaceJson::parseTimestamp(text(record, "connection_start_time")),
            WorkspaceJson::parseTimestamp(text(record, "connection_end_time")) });
    }
    return page;
}

} // namespace RetirementJson
