#pragma once

#include "api/retirementjson.h"

#include <QDate>
#include <QList>
#include <QPair>
#include <QString>

// What a desktop's tags say about its retirement. The state lives on the desktops themselves, as
// two tags of this tool's own, so that every administrator's window, the CLI on a server and the
// console see the same list. Dates are UTC calendar days, written YYYY-MM-DD.
namespace Retirement {

// Letters, digits and '-' only: valid under both the older and the newer documented key rules,
// and a prefix no person would type.
inline QString retiredOnKey()
{
    return QStringLiteral("workspace-admin-retired-on");
}
inline QString retireAfterKey()
{
    return QStringLiteral("workspace-admin-retire-after");
}
// Whether a key is one of this tool's: only these two are ever added, changed or removed.
bool isOwnKey(const QString& key);

// A retirement starts with a grace period of this many days unless told otherwise.
constexpr int kDefaultGraceDays = 30;
// Without a retired-on tag (tagged by hand), the search for log-ins starts this long before the
// retire-after date.
constexpr int kAssumedGraceDays = 30;

struct State {
    enum class Kind {
        NotRetiring,
        Retiring,
        DateUnreadable, // retiring, but the date cannot be read: shown, never deleted
    };
    Kind kind = Kind::NotRetiring;
    QDate retiredOn; // invalid when the tag is absent or unreadable
    QDate retireAfter; // valid for Retiring

    bool isRetiring() const { return kind != Kind::NotRetiring; }
    // The date rule alone: today (UTC) is on or after retire-after. The deletion of due desktops
    // asks for more (maintenance, stopped, no log-in since); see DueDeletionReview.
    bool isDue(const QDate& todayUtc) const;
    // Days until retire-after (0 on the day, negative after it); only for Retiring.
    int daysLeft(const QDate& todayUtc) const;
    // Where the search for log-ins since the retirement starts: the retired-on day, else
    // kAssumedGraceDays before retire-after.
    QDate evidenceSince() const;
};

State stateOf(const QList<QPair<QString, QString>>& tags);

// The two tags a retirement writes: retired on `today`, deletable after today + graceDays.
QList<DesktopTag> retirementTags(const QDate& todayUtc, int graceDays);
// The tags a restore removes: this tool's tags as the desktop carries them, values included,
// since whether the service needs the value to match is not documented.
QList<DesktopTag> ownTags(const QList<QPair<QString, QString>>& tags);

// "YYYY-MM-DD", strictly; an invalid QDate otherwise.
QDate parseDay(const QString& text);
QString dayText(const QDate& day);

} // namespace Retirement
