#include "retirementstate.h"

#include <QRegularExpression>

namespace Retirement {

bool isOwnKey(const QString& key)
{
    return key == retiredOnKey() || key == retireAfterKey();
}

bool State::isDue(const QDate& todayUtc) const
{
    return kind == Kind::Retiring && todayUtc >= retireAfter;
}

int State::daysLeft(const QDate& todayUtc) const
{
    return kind == Kind::Retiring ? int(todayUtc.daysTo(retireAfter)) : 0;
}

QDate State::evidenceSince() const
{
    if (retiredOn.isValid())
        return retiredOn;
    return retireAfter.isValid() ? retireAfter.addDays(-kAssumedGraceDays) : QDate();
}

QDate parseDay(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (!pattern.match(text).hasMatch())
        return {};
    return QDate::fromString(text, Qt::ISODate);
}

QString dayText(const QDate& day)
{
    return day.toString(Qt::ISODate);
}

State stateOf(const QList<QPair<QString, QString>>& tags)
{
    int retireAfterCount = 0;
    int retiredOnCount = 0;
    QString retireAfterText;
    QString retiredOnText;
    for (const auto& [key, value] : tags) {
        if (key == retireAfterKey()) {
            ++retireAfterCount;
            retireAfterText = value;
        } else if (key == retiredOnKey()) {
            ++retiredOnCount;
            retiredOnText = value;
        }
    }
    State state;
    if (retireAfterCount == 0 && retiredOnCount == 0)
        return state;
    // A retired-on tag alone (the retire-after tag removed by hand) still marks a retirement that
    // nobody may take for finished: it is shown, never deleted.
    state.kind = State::Kind::DateUnreadable;
    if (retiredOnCount == 1)
        state.retiredOn = parseDay(retiredOnText);
    if (retireAfterCount != 1)
        return state;
    state.retireAfter = parseDay(retireAfterText);
    if (state.retireAfter.isValid())
        state.kind = State::Kind::Retiring;
    return state;
}

QList<DesktopTag> retirementTags(const QDate& todayUtc, int graceDays)
{
    return { DesktopTag { retiredOnKey(), dayText(todayUtc) },
        DesktopTag { retireAfterKey(), dayText(todayUtc.addDays(graceDays)) } };
}

QList<DesktopTag> ownTags(const QList<QPair<QString, QString>>& tags)
{
    QList<DesktopTag> own;
    for (const auto& [key, value] : tags) {
        if (isOwnKey(key))
            own.append(DesktopTag { key, value });
    }
    return own;
}

} // namespace Retirement
