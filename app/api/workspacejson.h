#pragma once

#include "apierror.h"
#include "workspacetypes.h"

#include <QByteArray>
#include <QJsonArray>
#include <QStringList>

#include <optional>

// Pure functions between the Workspace API's JSON and the app's types. Parsers are lenient about
// missing or unknown fields and strict about the shape they need; on failure they return nothing
// and say why in *error.
namespace WorkspaceJson {

// Whether a parsed desktop keeps the server's whole object in Desktop::raw: the details view wants
// every field; a listing needs only the fields Desktop has and is faster without.
enum class RawJson { Drop, Keep };

std::optional<DesktopPage> parseDesktopPage(const QByteArray &body, QString *error,
                                            RawJson raw = RawJson::Drop);
// The same reading with Qt's JSON classes (a QJsonObject per desktop, several times slower): the
// reference parseDesktopPage is tested against, and what it falls back to for answers that only
// Qt's more lenient parser takes (raw control characters in strings, integers beyond 64 bits), and
// for the exact place of a syntax error.
std::optional<DesktopPage> parseDesktopPageWithQt(const QByteArray &body, QString *error,
                                                  RawJson raw = RawJson::Drop);
// The same rules for one desktop already parsed by Qt; raw is set to the object.
Desktop desktopFromJson(const QJsonObject &object);
// The fields a Desktop holds, in the API's names and shape (the reverse of desktopFromJson for
// those fields): what is left of a desktop's JSON once only the parsed fields are kept.
QJsonObject desktopToJson(const Desktop &desktop);
// attach_user_infos' type: GROUP, or a user (USER, absent, or anything else).
AttachedUser::Type attachedUserType(const QString &type);
// attach_user_infos as the API writes it (the reverse of what desktopFromJson reads).
QJsonArray attachedUsersToJson(const QList<AttachedUser> &users);
std::optional<QString> parseBatchDeleteResponse(const QByteArray &body, QString *error); // job_id
std::optional<Job> parseJob(const QByteArray &body, QString *error);
std::optional<SubJobPage> parseSubJobPage(const QByteArray &body, QString *error);
SubJob subJobFromJson(const QJsonObject &object);

// The documented error body and its variants ({code, message}, {"error": {…}}); a body that is
// not JSON is kept as an excerpt. Always returns an ApiError of kind Http.
ApiError parseErrorBody(int httpStatus, const QByteArray &body);

// The exact batch-delete request body: keys in a stable order, compact.
QByteArray batchDeleteBody(const QStringList &desktopIds, const BatchDeleteOptions &options);

QDateTime parseTimestamp(const QString &text); // ISO-8601 with or without fraction and zone
// The body as a JSON object, or nothing with *error saying why (not JSON, or not an object).
std::optional<QJsonObject> parseObject(const QByteArray &body, QString *error);

// The shape rules of a desktops/detail page, written once for both readers (parseDesktopPage with
// simdjson, parseDesktopPageWithQt with Qt): each reader says what it found, these decide.
namespace DesktopPageShape {
// What the page's "desktops" member is.
enum class Member { Missing, Null, Array, Other };
// Why a page with this "desktops" member, and with or without "total_count", cannot be read;
// nothing when its shape holds.
std::optional<QString> refusal(Member desktops, bool hasTotalCount);
QString entryIsNotAnObject();
QString entryHasNoId();
// total_count as a count: a number with an integral value in int range, or a text
// QString::toInt() takes; anything else is none.
std::optional<int> countFromNumber(double number);
std::optional<int> countFromText(const QString &text);
// Once the desktops are in: the count read (none when missing or not a count) as the page's
// total, or, without a usable one, the page's own size with totalCountKnown false.
void settleTotal(DesktopPage &page, std::optional<int> count);
} // namespace DesktopPageShape

} // namespace WorkspaceJson
