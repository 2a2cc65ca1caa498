#include "desktopcolumns.h"

#include "desktopstatusnames.h"
#include "desktoptablemodel.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

#include <array>

namespace {

QDateTime createdTime(const DesktopRow &row)
{
    return row.createdMsecs == DesktopRow::kNoTime
        ? QDateTime()
        : QDateTime::fromMSecsSinceEpoch(row.createdMsecs, QTimeZone::utc());
}

DesktopColumn textColumn(const char *header, DesktopColumn::Text text)
{
    DesktopColumn column;
    column.header = header;
    column.text = text;
    return column;
}

DesktopColumn nameColumn()
{
    DesktopColumn column = textColumn(QT_TRANSLATE_NOOP("DesktopTableModel", "Name"),
                                      [](const DesktopRowStore &, const DesktopRow &row) { return row.computerName; });
    column.defaultOrderLess = DesktopColumns::nameLessThan;
    return column;
}

DesktopColumn statusColumn()
{
    DesktopColumn column = textColumn(QT_TRANSLATE_NOOP("DesktopTableModel", "Status"),
                                      [](const DesktopRowStore &store, const DesktopRow &row) {
                                          return DesktopStatusNames::statusText(store.value(row.status),
                                                                                store.value(row.taskStatus));
                                      });
    column.apiFields = {QStringLiteral("status"), QStringLiteral("task_status")};
    column.apiValues = [](const DesktopRowStore &store, const DesktopRow &row) {
        return QStringList{store.value(row.status), store.value(row.taskStatus)};
    };
    return column;
}

DesktopColumn loginStatusColumn()
{
    DesktopColumn column = textColumn(QT_TRANSLATE_NOOP("DesktopTableModel", "Login status"),
                                      [](const DesktopRowStore &store, const DesktopRow &row) {
                                          return DesktopStatusNames::loginStatusName(store.value(row.loginStatus));
                                      });
    column.apiFields = {QStringLiteral("login_status")};
    column.apiValues = [](const DesktopRowStore &store, const DesktopRow &row) {
        return QStringList{store.value(row.loginStatus)};
    };
    return column;
}

DesktopColumn billingColumn()
{
    DesktopColumn column = textColumn(QT_TRANSLATE_NOOP("DesktopTableModel", "Billing"),
                                      [](const DesktopRowStore &, const DesktopRow &row) {
                                          return DesktopTableModel::billingModeText(row.billingMode);
                                      });
    column.apiFields = {QStringLiteral("charge_mode")};
    column.apiValues = [](const DesktopRowStore &, const DesktopRow &row) {
        return QStringList{DesktopTableModel::chargeModeValue(row.billingMode)};
    };
    return column;
}

DesktopColumn createdColumn()
{
    // Sorted by the time itself (unknown first, as an invalid QDateTime); the localised text is
    // formed for visible cells only.
    DesktopColumn column = textColumn(QT_TRANSLATE_NOOP("DesktopTableModel", "Created"),
                                      [](const DesktopRowStore &, const DesktopRow &row) {
                                          const QDateTime created = createdTime(row);
                                          return created.isValid() ? DesktopTableModel::displayTime(created) : QString();
                                      });
    column.sortValue = [](const DesktopRowStore &, const DesktopRow &row) { return QVariant(createdTime(row)); };
    column.less = [](const DesktopRow &a, const DesktopRow &b) { return a.createdMsecs < b.createdMsecs; };
    column.exportValue = [](const DesktopRowStore &, const DesktopRow &row) {
        const QDateTime created = createdTime(row);
        return QVariant(created.isValid() ? created.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'")) : QString());
    };
    return column;
}

// "No data" only when the service said so; before the statistics arrive (or when they could not be
// loaded) the cell says nothing, rather than a guess.
QString usageGapText(qint64 seconds)
{
    if (seconds == DesktopRow::kNotLoaded)
        return QString();
    return DesktopTableModel::tr("No data", "usage: the service has no statistics for the desktop");
}

// A usage metric in seconds: shown as `shown` (whole idle days, hours of use with one decimal),
// sorted by the seconds, rows without data last; exported as a plain number, empty without data.
template<qint64 DesktopRow::*seconds>
DesktopColumn usageColumn(const char *header, DesktopColumn::Text shown, DesktopColumn::Value exported)
{
    DesktopColumn column = textColumn(header, shown);
    column.sortValue = [](const DesktopRowStore &, const DesktopRow &row) {
        return DesktopRow::isUsageValue(row.*seconds) ? QVariant(row.*seconds) : QVariant();
    };
    column.less = [](const DesktopRow &a, const DesktopRow &b) { return a.*seconds < b.*seconds; };
    column.hasValue = [](const DesktopRow &row) { return DesktopRow::isUsageValue(row.*seconds); };
    column.exportValue = exported;
    column.alignment = Qt::AlignRight | Qt::AlignVCenter;
    return column;
}

DesktopColumn idleDaysColumn()
{
    return usageColumn<&DesktopRow::idleSeconds>(
        QT_TRANSLATE_NOOP("DesktopTableModel", "Idle (days)"),
        [](const DesktopRowStore &store, const DesktopRow &row) {
            if (!DesktopRow::isUsageValue(row.idleSeconds))
                return usageGapText(row.idleSeconds);
            // Never more than the statistics can know (the service has sent 1,157,407 days).
            if (store.idleBeyondKnowable(row))
                return DesktopTableModel::tr("more than %1", "idle days beyond what the usage period can tell")
                    .arg(QLocale().toString(store.idleDaysOf(row)));
            return QLocale().toString(store.idleDaysOf(row));
        },
        [](const DesktopRowStore &store, const DesktopRow &row) {
            if (!DesktopRow::isUsageValue(row.idleSeconds))
                return QVariant(QString());
            const QString days = QString::number(store.idleDaysOf(row));
            return QVariant(store.idleBeyondKnowable(row) ? QLatin1Char('>') + days : days);
        });
}

DesktopColumn usedHoursColumn()
{
    return usageColumn<&DesktopRow::usageSeconds>(
        QT_TRANSLATE_NOOP("DesktopTableModel", "Used (hours)"),
        [](const DesktopRowStore &, const DesktopRow &row) {
            if (!DesktopRow::isUsageValue(row.usageSeconds))
                return usageGapText(row.usageSeconds);
            return QLocale().toString(double(row.usageSeconds) / 3600.0, 'f', 1);
        },
        [](const DesktopRowStore &, const DesktopRow &row) {
            return QVariant(DesktopRow::isUsageValue(row.usageSeconds)
                                ? QString::number(double(row.usageSeconds) / 3600.0, 'f', 1)
                                : QString());
        });
}

DesktopColumn poolColumn()
{
    DesktopColumn column = textColumn(QT_TRANSLATE_NOOP("DesktopTableModel", "Pool"),
                                      [](const DesktopRowStore &store, const DesktopRow &row) { return store.poolText(row); });
    column.apiFields = {QStringLiteral("pool_id")};
    column.apiValues = [](const DesktopRowStore &store, const DesktopRow &row) {
        return QStringList{store.poolIdOf(row)};
    };
    return column;
}

DesktopColumn maintenanceColumn()
{
    DesktopColumn column = textColumn(
        QT_TRANSLATE_NOOP("DesktopTableModel", "In maintenance"), [](const DesktopRowStore &, const DesktopRow &row) {
            return row.inMaintenanceMode ? DesktopTableModel::tr("Yes", "in maintenance mode")
                                         : DesktopTableModel::tr("No", "in maintenance mode");
        });
    column.apiFields = {QStringLiteral("in_maintenance_mode")};
    column.apiValues = [](const DesktopRowStore &, const DesktopRow &row) {
        return QStringList{row.inMaintenanceMode ? QStringLiteral("true") : QStringLiteral("false")};
    };
    return column;
}

// Both retirement columns sort by the date, rows without a retirement last, unreadable dates first.
DesktopColumn retirementColumn(const char *header, DesktopColumn::Text shown)
{
    DesktopColumn column = textColumn(header, shown);
    column.sortValue = [](const DesktopRowStore &, const DesktopRow &row) {
        return row.isRetiring() ? QVariant(row.retireAfterDay) : QVariant();
    };
    column.less = [](const DesktopRow &a, const DesktopRow &b) { return a.retireAfterDay < b.retireAfterDay; };
    column.hasValue = [](const DesktopRow &row) { return row.isRetiring(); };
    return column;
}

QString retireAfterText(const DesktopRow &row)
{
    return row.hasRetireDate() ? QDate::fromJulianDay(row.retireAfterDay).toString(Qt::ISODate) : QString();
}

DesktopColumn retireAfterColumn()
{
    DesktopColumn column = retirementColumn(
        QT_TRANSLATE_NOOP("DesktopTableModel", "Retire after"), [](const DesktopRowStore &, const DesktopRow &row) {
            if (row.isRetiring() && !row.hasRetireDate())
                return DesktopTableModel::tr("Date unreadable", "a retirement tag whose date cannot be read");
            return retireAfterText(row);
        });
    column.exportValue = [](const DesktopRowStore &, const DesktopRow &row) { return QVariant(retireAfterText(row)); };
    return column;
}

DesktopColumn daysLeftColumn()
{
    DesktopColumn column = retirementColumn(
        QT_TRANSLATE_NOOP("DesktopTableModel", "Days left"), [](const DesktopRowStore &store, const DesktopRow &row) {
            if (!row.hasRetireDate())
                return QString();
            const qint64 left = row.retireAfterDay - store.today().toJulianDay();
            if (left <= 0)
                return DesktopTableModel::tr("Due", "a retiring desktop whose date has come");
            return QLocale().toString(left);
        });
    column.exportValue = [](const DesktopRowStore &store, const DesktopRow &row) {
        return QVariant(row.hasRetireDate() ? QString::number(row.retireAfterDay - store.today().toJulianDay()) : QString());
    };
    column.alignment = Qt::AlignRight | Qt::AlignVCenter;
    return column;
}

std::array<DesktopColumn, DesktopTableModel::ColumnCount> makeColumns()
{
    std::array<DesktopColumn, DesktopTableModel::ColumnCount> columns;
    columns[DesktopTableModel::NameColumn] = nameColumn();
    columns[DesktopTableModel::StatusColumn] = statusColumn();
    columns[DesktopTableModel::UserColumn] = textColumn(
        QT_TRANSLATE_NOOP("DesktopTableModel", "User"),
        [](const DesktopRowStore &, const DesktopRow &row) { return row.userName; });
    columns[DesktopTableModel::LoginStatusColumn] = loginStatusColumn();
    columns[DesktopTableModel::IpColumn] = textColumn(
        QT_TRANSLATE_NOOP("DesktopTableModel", "IP address"),
        [](const DesktopRowStore &, const DesktopRow &row) { return row.ipText; });
    columns[DesktopTableModel::TypeColumn] = textColumn(
        QT_TRANSLATE_NOOP("DesktopTableModel", "Type"),
        [](const DesktopRowStore &store, const DesktopRow &row) {
            return DesktopTableModel::desktopTypeText(store.value(row.desktopType));
        });
    columns[DesktopTableModel::BillingColumn] = billingColumn();
    columns[DesktopTableModel::ZoneColumn] = textColumn(
        QT_TRANSLATE_NOOP("DesktopTableModel", "Availability zone"),
        [](const DesktopRowStore &store, const DesktopRow &row) { return store.value(row.availabilityZone); });
    columns[DesktopTableModel::CreatedColumn] = createdColumn();
    columns[DesktopTableModel::TagsColumn] = textColumn(
        QT_TRANSLATE_NOOP("DesktopTableModel", "Tags"),
        [](const DesktopRowStore &store, const DesktopRow &row) { return store.tagSet(row.tagSet).text; });
    columns[DesktopTableModel::IdColumn] = textColumn(
        QT_TRANSLATE_NOOP("DesktopTableModel", "Desktop ID"),
        [](const DesktopRowStore &, const DesktopRow &row) { return row.id; });
    columns[DesktopTableModel::IdleDaysColumn] = idleDaysColumn();
    columns[DesktopTableModel::UsedHoursColumn] = usedHoursColumn();
    columns[DesktopTableModel::PoolColumn] = poolColumn();
    columns[DesktopTableModel::MaintenanceColumn] = maintenanceColumn();
    columns[DesktopTableModel::RetireAfterColumn] = retireAfterColumn();
    columns[DesktopTableModel::DaysLeftColumn] = daysLeftColumn();
    columns[DesktopTableModel::RegionColumn] = textColumn(
        QT_TRANSLATE_NOOP("DesktopTableModel", "Region"), [](const DesktopRowStore &store, const DesktopRow &row) {
            return DesktopRowStore::projectLabel(store.project(row.project));
        });
    return columns;
}

} // namespace

QVariant DesktopColumn::sortValueOf(const DesktopRowStore &store, const DesktopRow &row) const
{
    return sortValue ? sortValue(store, row) : QVariant(text(store, row));
}

bool DesktopColumn::lessThan(const DesktopRowStore &store, const DesktopRow &a, const DesktopRow &b,
                             const TextOrder &order, Qt::SortOrder sortOrder) const
{
    if (hasValue) {
        // The proxy sorts descending by asking lessThan(b, a): a row without a value must then be
        // "less" than any other, so that it still comes last.
        const bool aHas = hasValue(a);
        const bool bHas = hasValue(b);
        if (aHas != bHas)
            return sortOrder == Qt::AscendingOrder ? aHas : bHas;
        if (!aHas)
            return false;
    }
    if (less)
        return less(a, b);
    if (defaultOrderLess && order.isDefault())
        return defaultOrderLess(a, b);
    return order.less(text(store, a), text(store, b));
}

namespace DesktopColumns {

const DesktopColumn &at(int column)
{
    static const auto columns = makeColumns();
    return columns.at(size_t(column));
}

bool nameLessThan(const DesktopRow &a, const DesktopRow &b)
{
    // The key holds the first 16 units of the lower-case name in order, so where keys differ
    // they decide as the names would.
    if (a.nameKey != b.nameKey)
        return a.nameKey < b.nameKey;
    // The haystack starts with the lower-case name: comparing those prefixes exactly is the
    // case-insensitive order without folding the case of every character on every comparison.
    return QStringView(a.searchHaystack).left(a.computerName.size())
               .compare(QStringView(b.searchHaystack).left(b.computerName.size()))
        < 0;
}

} // namespace DesktopColumns
