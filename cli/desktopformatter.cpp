#include "desktopformatter.h"

#include "decommission/retirementstate.h"

#include "api/serverinput.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

std::optional<DesktopFormatter::Format> DesktopFormatter::formatFromName(const QString &name)
{
    if (name == QLatin1String("table"))
        return Format::Table;
    if (name == QLatin1String("csv"))
        return Format::Csv;
    if (name == QLatin1String("json"))
        return Format::Json;
    return std::nullopt;
}

QString DesktopFormatter::format(const QList<Desktop> &desktops, Format format, const UsageById &usage)
{
    switch (format) {
    case Format::Table:
        return table(desktops, usage);
    case Format::Csv:
        return csv(desktops, usage);
    case Format::Json:
        return json(desktops, usage);
    }
    return {};
}

namespace {
// The usage entry of a desktop, or nothing when it has no data.
std::optional<DesktopUsage> usageOf(const Desktop &desktop, const DesktopFormatter::UsageById &usage)
{
    if (!usage)
        return std::nullopt;
    const auto found = usage->constFind(desktop.id);
    return found == usage->cend() ? std::nullopt : std::optional<DesktopUsage>(*found);
}

std::optional<int> idleDaysOf(const Desktop &desktop, const DesktopFormatter::UsageById &usage)
{
    const std::optional<DesktopUsage> entry = usageOf(desktop, usage);
    return entry ? entry->idleDays() : std::nullopt;
}

bool idleBeyondKnowable(const Desktop &desktop, const DesktopFormatter::UsageById &usage)
{
    const std::optional<DesktopUsage> entry = usageOf(desktop, usage);
    return entry && entry->idleBeyondKnowable();
}

std::optional<double> usedHoursOf(const Desktop &desktop, const DesktopFormatter::UsageById &usage)
{
    const std::optional<DesktopUsage> entry = usageOf(desktop, usage);
    return entry ? entry->usedHours() : std::nullopt;
}

QString hoursText(double hours)
{
    return QString::number(hours, 'f', 1);
}
} // namespace

// Machine-readable headers stay untranslated: scripts match on them.
QStringList DesktopFormatter::columns(bool withUsage)
{
    QStringList names{QStringLiteral("desktop_id"), QStringLiteral("computer_name"), QStringLiteral("status"),
                      QStringLiteral("user_name"),  QStringLiteral("login_status"),  QStringLiteral("billing_mode"),
                      QStringLiteral("ip_addresses"), QStringLiteral("desktop_type"), QStringLiteral("created"),
                      QStringLiteral("tags"), QStringLiteral("in_maintenance_mode"), QStringLiteral("pool_id")};
    if (withUsage)
        names += {QStringLiteral("idle_days"), QStringLiteral("used_hours")};
    return names;
}

QStringList DesktopFormatter::cells(const Desktop &desktop, const UsageById &usage)
{
    QStringList row{desktop.id,
                    desktop.computerName,
                    desktop.displayStatus(),
                    desktop.userName,
                    desktop.loginStatus,
                    billingModeKey(desktop.billingMode),
                    desktop.ipAddresses.join(QLatin1Char(' ')),
                    desktop.desktopType,
                    desktop.created.isValid() ? desktop.created.toUTC().toString(Qt::ISODate) : QString(),
                    desktop.tagsText(),
                    desktop.inMaintenanceMode ? QStringLiteral("true") : QStringLiteral("false"),
                    desktop.poolId};
    if (usage) {
        const std::optional<int> idle = idleDaysOf(desktop, usage);
        const std::optional<double> used = usedHoursOf(desktop, usage);
        // Idle beyond what the period can tell is a lower bound, written ">30" for scripts.
        const QString idleText = !idle ? QString()
            : idleBeyondKnowable(desktop, usage) ? QLatin1Char('>') + QString::number(*idle)
                                                 : QString::number(*idle);
        row += {idleText, used ? hoursText(*used) : QString()};
    }
    return row;
}

QString DesktopFormatter::csvField(const QString &rawValue)
{
    const QString value = ServerInput::forTerminal(rawValue, ServerInput::LineBreaks::Keep);
    const bool needsQuotes = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"'))
        || value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r'));
    if (!needsQuotes)
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString DesktopFormatter::csvLine(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &field : fields)
        quoted.append(csvField(field));
    return quoted.join(QLatin1Char(',')) + QLatin1String("\r\n");
}

QString DesktopFormatter::csv(const QList<Desktop> &desktops, const UsageById &usage)
{
    QString out = csvLine(columns(usage.has_value()));
    for (const Desktop &desktop : desktops)
        out += csvLine(cells(desktop, usage));
    return out;
}

namespace {
QString tableCell(const QString &value, bool whole)
{
    QString cell = ServerInput::forTerminal(value);
    if (!whole && cell.size() > DesktopFormatter::kMaxColumnWidth)
        cell = cell.left(DesktopFormatter::kMaxColumnWidth - 1) + QChar(0x2026);
    return cell;
}
} // namespace

QString DesktopFormatter::alignedTable(const QStringList &header, const QList<QStringList> &rawRows)
{
    QList<QStringList> rows;
    rows.reserve(rawRows.size());
    for (const QStringList &rawRow : rawRows) {
        QStringList row;
        row.reserve(rawRow.size());
        // The last column is not aligned to anything: it keeps its whole text (a reason, advice).
        for (qsizetype i = 0; i < rawRow.size(); ++i)
            row.append(tableCell(rawRow.at(i), i + 1 == rawRow.size()));
        rows.append(row);
    }
    QList<qsizetype> widths;
    for (const QString &title : header)
        widths.append(title.size());
    for (const QStringList &row : std::as_const(rows))
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row.at(i).size());
    auto line = [&widths](const QStringList &fields) -> QString {
        QString text;
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (i > 0)
                text += QLatin1String("  ");
            text += i + 1 < fields.size() ? fields.at(i).leftJustified(widths.value(i)) : fields.at(i);
        }
        return text + QLatin1Char('\n');
    };
    QString out = line(header);
    for (const QStringList &row : std::as_const(rows))
        out += line(row);
    return out;
}

QString DesktopFormatter::formatRows(const QStringList &header, const QList<QStringList> &rows, Format format)
{
    switch (format) {
    case Format::Json: {
        QJsonArray array;
        for (const QStringList &row : rows) {
            QJsonObject object;
            for (qsizetype column = 0; column < header.size() && column < row.size(); ++column)
                object.insert(header.at(column).toLower(), row.at(column));
            array.append(object);
        }
        return jsonText(array);
    }
    case Format::Csv: {
        QStringList names;
        for (const QString &name : header)
            names.append(name.toLower());
        QString csv = csvLine(names);
        for (const QStringList &row : rows)
            csv += csvLine(row);
        return csv;
    }
    case Format::Table:
        break;
    }
    return alignedTable(header, rows);
}

QString DesktopFormatter::table(const QList<Desktop> &desktops, const UsageById &usage)
{
    const QStringList names = columns(usage.has_value());
    QStringList header;
    for (const QString &column : names)
        header.append(column.toUpper());
    QList<QStringList> rows;
    rows.reserve(desktops.size());
    // People read the login state and the billing mode by their translated names.
    const qsizetype statusColumn = names.indexOf(QLatin1String("status"));
    const qsizetype loginColumn = names.indexOf(QLatin1String("login_status"));
    const qsizetype billingColumn = names.indexOf(QLatin1String("billing_mode"));
    const qsizetype idleColumn = names.indexOf(QLatin1String("idle_days"));
    const qsizetype usedColumn = names.indexOf(QLatin1String("used_hours"));
    for (const Desktop &desktop : desktops) {
        QStringList row = cells(desktop, usage);
        // The status as JSON and --status name it (STOPPING), with the operation under way.
        row[statusColumn] = desktop.taskStatus.isEmpty() || desktop.status.isEmpty()
            ? desktop.displayStatus()
            : QStringLiteral("%1 (%2)").arg(desktop.status, desktop.taskStatus);
        row[loginColumn] = loginStatusDisplayName(desktop.loginStatus);
        row[billingColumn] = billingModeDisplayName(desktop.billingMode);
        // A desktop the statistics do not cover says so: an empty cell would read as 0 or as lost.
        if (idleColumn >= 0 && row.at(idleColumn).isEmpty())
            row[idleColumn] = tr("no data");
        else if (idleColumn >= 0 && idleBeyondKnowable(desktop, usage))
            row[idleColumn] = tr("more than %1").arg(*idleDaysOf(desktop, usage));
        if (usedColumn >= 0 && row.at(usedColumn).isEmpty())
            row[usedColumn] = tr("no data");
        rows.append(row);
    }
    return alignedTable(header, rows);
}

QString DesktopFormatter::json(const QList<Desktop> &desktops, const UsageById &usage)
{
    QJsonArray array;
    for (const Desktop &desktop : desktops)
        array.append(jsonObject(desktop, usage));
    return jsonText(array);
}

QJsonObject DesktopFormatter::jsonObject(const Desktop &desktop, const UsageById &usage)
{
    QJsonObject tags;
    for (const auto &[key, value] : desktop.tags)
        tags.insert(key, value);
    QJsonObject object{
        {QStringLiteral("desktop_id"), desktop.id},
        {QStringLiteral("computer_name"), desktop.computerName},
        {QStringLiteral("status"), desktop.status},
        {QStringLiteral("task_status"), desktop.taskStatus},
        {QStringLiteral("login_status"), desktop.loginStatus},
        {QStringLiteral("user_name"), desktop.userName},
        {QStringLiteral("billing_mode"), billingModeKey(desktop.billingMode)},
        {QStringLiteral("ip_addresses"), QJsonArray::fromStringList(desktop.ipAddresses)},
        {QStringLiteral("desktop_type"), desktop.desktopType},
        {QStringLiteral("created"),
         desktop.created.isValid() ? desktop.created.toUTC().toString(Qt::ISODate) : QString()},
        {QStringLiteral("tags"), tags},
        {QStringLiteral("billing"), billingModeKey(desktop.billingMode)},
        {QStringLiteral("in_maintenance_mode"), desktop.inMaintenanceMode},
        // null, not "", for a desktop in no pool: scripts test it as they test the usage.
        {QStringLiteral("pool_id"), desktop.poolId.isEmpty() ? QJsonValue() : QJsonValue(desktop.poolId)},
    };
    // The retirement, from this app's tags: retire_after null when not retiring or when the date
    // cannot be read (retiring true then); retire_due the date rule alone, in UTC days.
    const Retirement::State retirement = Retirement::stateOf(desktop.tags);
    const bool readable = retirement.kind == Retirement::State::Kind::Retiring;
    object.insert(QStringLiteral("retiring"), retirement.isRetiring());
    object.insert(QStringLiteral("retire_after"),
                  readable ? QJsonValue(Retirement::dayText(retirement.retireAfter)) : QJsonValue());
    object.insert(QStringLiteral("retire_due"), retirement.isDue(QDateTime::currentDateTimeUtc().date()));
    if (usage) {
        const std::optional<int> idle = idleDaysOf(desktop, usage);
        const std::optional<double> used = usedHoursOf(desktop, usage);
        object.insert(QStringLiteral("idle_days"), idle ? QJsonValue(*idle) : QJsonValue());
        // idle_days is then a lower bound: the desktop was idle for more than that many days.
        object.insert(QStringLiteral("idle_days_more_than"),
                      idle ? QJsonValue(idleBeyondKnowable(desktop, usage)) : QJsonValue());
        object.insert(QStringLiteral("used_hours"), used ? QJsonValue(*used) : QJsonValue());
    }
    return object;
}

QString DesktopFormatter::jsonText(const QJsonArray &array)
{
    // JSON escapes C0 controls itself; C1 controls and bidirectional overrides are escaped here,
    // which keeps the data whole and the terminal safe.
    const QString text = QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    QString escaped;
    escaped.reserve(text.size());
    for (const QChar c : text) {
        if (c != QLatin1Char('\n') && ServerInput::isTerminalControl(c))
            escaped += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            escaped += c;
    }
    return escaped;
}
