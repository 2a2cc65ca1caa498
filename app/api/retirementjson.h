#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The values and JSON of the calls a retirement needs: desktop tags (BatchAddDesktopsTags,
// BatchDeleteDesktopsTags), power actions (BatchRunDesktops) and log-in records
// (ListLoginRecordsNew). Parsers are lenient about unknown fields and strict about the shape they
// need; on failure they return nothing and say why in *error.

struct DesktopTag {
    QString key;
    QString value;

    friend bool operator==(const DesktopTag& a, const DesktopTag& b)
    {
        return a.key == b.key && a.value == b.value;
    }
};

enum class PowerOperation { Start, Stop, Reboot, Hibernate };

// One desktop the service refused in an otherwise accepted power action.
struct PowerActionFailure {
    QString desktopId;
    QString desktopName;
    QString errorCode;
    QString errorMessage;
};

// A power action is accepted, not done: the job (when the service names one) tells the end.
struct PowerActionAnswer {
    QString jobId; // empty when the service named none
    QList<PowerActionFailure> failures;
};

// One connection of a user to a desktop. The records carry no desktop id: they are joined to
// desktops by sid or computer name.
struct LoginRecord {
    QString userName;
    QString computerName;
    QString sid;
    QString terminalType;
    QDateTime connectionStart; // UTC; invalid when the service did not say
    QDateTime connectionEnd; // UTC; invalid while connected or when not said
};

struct LoginRecordPage {
    int totalCount = -1; // -1 when the server did not say
    QList<LoginRecord> records;
};

namespace RetirementJson {

// The documented batch limits of the tag calls.
constexpr int kMaxDesktopsPerTagRequest = 100;
constexpr int kMaxTagsPerDesktop = 20;
constexpr int kMaxTagKeyChars = 128;
constexpr int kMaxTagValueChars = 43;

// Why a tag may not be sent (the newer, stricter documented rules: letters of any language,
// digits, space and _ . : = + - @; no space at either end; no "_sys_" prefix; a key of 1–128
// characters, a value of up to 43), or an empty string when it may.
QString tagProblem(const DesktopTag& tag);

// {"desktops":[{"desktop_id":…,"tags":[{"key":…,"value":…}]}]}: the body of both tag calls
// (the deletion is a DELETE with this body).
QByteArray batchTagsBody(const QStringList& desktopIds, const QList<DesktopTag>& tags);

// The op_type the service documents for each operation ("os-start", "os-stop", …).
QString powerOperationName(PowerOperation operation);
QByteArray powerActionBody(const QStringList& desktopIds, PowerOperation operation, bool hard);
std::optional<PowerActionAnswer> parsePowerActionAnswer(const QByteArray& body, QString* error);

// The log-in records' time format: UTC to the minute, "2016-08-20T21:11Z".
QString loginRecordTime(const QDateTime& time);
std::optional<LoginRecordPage> parseLoginRecordPage(const QByteArray& body, QString* error);

} // namespace RetirementJson
