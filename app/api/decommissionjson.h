#pragma once

#include "workspacetypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The values and JSON of the calls that prepare a decommissioning: usage statistics
// (ListDesktopUsageMetric), desktop pools, maintenance mode, log-off and a pool's autoscale.
// Parsers follow WorkspaceJson's rules: lenient about missing and unknown fields, strict about the
// shape they need; on failure they return nothing and say why in *error.

// One desktop's usage in a period. "No data" (a desktop the service has no statistics for, or a
// metric it did not send) is std::nullopt and never reads as 0.
struct DesktopUsage
{
    // The service keeps the statistics of the last 180 days: no idle time beyond it is known.
    static constexpr int kServiceMemoryDays = 180;

    QString desktopId;   // resource_id
    QString desktopName; // resource_name
    QString poolId;      // resource_pool_id; empty when the desktop is in no pool
    std::optional<qint64> idleSeconds;  // desktop_idle_duration, as sent
    std::optional<qint64> usageSeconds; // desktop_usage
    // The most idle days the statistics of the period asked for can tell: the period's length,
    // never beyond kServiceMemoryDays. Set by the listing from its query.
    int knowableIdleDays = kServiceMemoryDays;

    // Whole days, rounded down, never beyond knowableIdleDays: a desktop idle for longer (the
    // service has sent 1,157,407 days) is idle for "more than knowableIdleDays" and nothing more
    // is known.
    std::optional<int> idleDays() const;
    bool idleBeyondKnowable() const;
    std::optional<double> usedHours() const;
    // The same values, as two entries of one desktop are compared.
    bool sameValues(const DesktopUsage &other) const;
    // The knowable idle days of a period from start to end: its whole days (a started day counts),
    // at least 1, at most kServiceMemoryDays.
    static int knowableIdleDaysOf(const QDateTime &start, const QDateTime &end);
};

struct DesktopUsagePage
{
    int count = -1; // what the server says matches; -1 when it did not say
    QList<DesktopUsage> items;
};

struct AutoscalePolicy
{
    QString autoscaleType; // ACCESS_CREATED | AUTO_CREATED, as sent
    std::optional<int> maxAutoCreated;
    std::optional<int> minIdle;
};

struct DesktopPool
{
    QString id;
    QString name;
    QString type; // DYNAMIC | STATIC, as sent
    int desktopCount = 0;
    int desktopUsed = 0;
    // Unknown when the server did not say: a pool that may scale is treated as scaling.
    std::optional<bool> autoscaleEnabled;
    std::optional<AutoscalePolicy> autoscalePolicy;
    std::optional<bool> inMaintenanceMode;
    // From product.charge_mode and charging_mode: "0" yearly/monthly, "1" pay-per-use.
    BillingMode billingMode = BillingMode::Unknown;

    bool mayCreateDesktops() const { return autoscaleEnabled.value_or(true); }
};

struct DesktopPoolPage
{
    int totalCount = -1; // -1 when the server did not say
    QList<DesktopPool> pools;
};

// One page of a pool's desktops (ListPoolDesktopsDetail): only what tells membership is kept.
struct PoolDesktopPage
{
    int totalCount = -1; // -1 when the server did not say
    QStringList desktopIds;
};

namespace DecommissionJson {

// The longest text kept from these answers and the longest id accepted. KEEP IN STEP with the
// project's shared bound for server strings (ServerInput) and replace these with it once both are
// on one branch.
constexpr qsizetype kMaxTextChars = 4096;
constexpr qsizetype kMaxIdChars = 255;

QString boundedText(const QString &text);
// 1–255 characters of letters, digits and - _ . :, not only dots: usable in a path and a record.
bool isUsableId(const QString &id);

std::optional<DesktopUsagePage> parseUsagePage(const QByteArray &body, QString *error);
std::optional<DesktopPoolPage> parsePoolPage(const QByteArray &body, QString *error);
// The desktops of one pool, under pool_desktops; an entry without a usable desktop_id fails the page.
std::optional<PoolDesktopPage> parsePoolDesktopPage(const QByteArray &body, QString *error);
// The answers of maintenance mode, log-off and pool update carry no field: an empty body or a JSON
// object is accepted; anything else is not an answer of these calls.
bool parseEmptyAnswer(const QByteArray &body, QString *error);

// The log-off message, as BatchLogoffDesktops documents it: at most 255 characters counted as
// the service counts them (see kMaxLogoffMessageUnits), text (no control character but line breaks
// and tabs, no unpaired surrogate), not blank. The problem as one translated sentence, or nothing
// when the message may be sent.
constexpr qsizetype kMaxLogoffMessageUnits = 255;
std::optional<QString> logoffMessageProblem(const QString &message);
// What is left of kMaxLogoffMessageUnits (negative beyond it): the window's counter.
qsizetype logoffMessageUnitsLeft(const QString &message);
// A message read as bytes (the command line): only valid UTF-8 is text; anything else is refused
// rather than sent with replacement characters.
std::optional<QString> logoffMessageFromUtf8(const QByteArray &bytes, QString *problem);

// Request bodies, compact, keys in a stable order.
QByteArray maintenanceModeBody(const QStringList &desktopIds, bool inMaintenanceMode);
QByteArray logoffBody(const QStringList &desktopIds, const QString &message);
QByteArray poolAutoscaleBody(bool enableAutoscale);

} // namespace DecommissionJson
