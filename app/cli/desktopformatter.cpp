#include "desktopformatter.h"

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

QString DesktopFormatter::format(const QList<Desktop> &desktops, Format format)
{
    switch (format) {
    case Format::Table:
        return table(desktops);
    case Format::Csv:
        return csv(desktops);
    case Format::Json:
        return json(desktops);
    }
    return {};
}

// Machine-readable headers stay untranslated: scripts match on them.
QStringList DesktopFormatter::columns()
{
    return {QStringLiteral("desktop_id"), QStringLiteral("computer_name"), QStringLiteral("status"),
            QStringLiteral("user_name"),  QStringLiteral("login_status"),  QStringLiteral("billing_mode"),
            QStringLiteral("ip_addresses"), QStringLiteral("desktop_type"), QStringLiteral("created"),
            QStringLiteral("tags")};
}

QStringList DesktopFormatter::cells(const Desktop &desktop)
{
    return {desktop.id,
            desktop.computerName,
            desktop.displayStatus(),
            desktop.userName,
            desktop.loginStatus,
            billingModeKey(desktop.billingMode),
            desktop.ipAddresses.join(QLatin1Char(' ')),
            desktop.desktopType,
            desktop.created.isValid() ? desktop.created.toUTC().toString(Qt::ISODate) : QString(),
            desktop.tagsText()};
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

QString DesktopFormatter::csv(const QList<Desktop> &desktops)
{
    auto line = [](const QStringList &fields) -> QString {
        QStringList quoted;
        quoted.reserve(fields.size());
        for (const QString &field : fields)
            quoted.append(csvField(field));
        return quoted.join(QLatin1Char(',')) + QLatin1String("\r\n");
    };
    QString out = line(columns());
    for (const Desktop &desktop : desktops)
        out += line(cells(desktop));
    return out;
}

namespace {
QString tableCell(const QString &value)
{
    QString cell = ServerInput::forTerminal(value);
    if (cell.size() > DesktopFormatter::kMaxColumnWidth)
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
        for (const QString &value : rawRow)
            row.append(tableCell(value));
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

QString DesktopFormatter::table(const QList<Desktop> &desktops)
{
    QStringList header;
    for (const QString &column : columns())
        header.append(column.toUpper());
    QList<QStringList> rows;
    rows.reserve(desktops.size());
    // People read the login state and the billing mode by their translated names.
    const qsizetype loginColumn = columns().indexOf(QLatin1String("login_status"));
    const qsizetype billingColumn = columns().indexOf(QLatin1String("billing_mode"));
    for (const Desktop &desktop : desktops) {
        QStringList row = cells(desktop);
        row[loginColumn] = loginStatusDisplayName(desktop.loginStatus);
        row[billingColumn] = billingModeDisplayName(desktop.billingMode);
        rows.append(row);
    }
    return alignedTable(header, rows);
}

QString DesktopFormatter::json(const QList<Desktop> &desktops)
{
    QJsonArray array;
    for (const Desktop &desktop : desktops) {
        QJsonObject tags;
        for (const auto &[key, value] : desktop.tags)
            tags.insert(key, value);
        array.append(QJsonObject{
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
        });
    }
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
