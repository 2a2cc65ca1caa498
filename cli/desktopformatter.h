#pragma once

#include "api/decommissionjson.h"
#include "api/workspacetypes.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// Renders desktops for the CLI: an aligned table for people, CSV and JSON for scripts. Pure.
class DesktopFormatter
{
    Q_DECLARE_TR_FUNCTIONS(DesktopFormatter)
public:
    enum class Format { Table, Csv, Json };
    // The usage of the listed desktops in a period (list --idle-days), by desktop id. With it the
    // output has idle_days and used_hours; a desktop without an entry has no data, which reads
    // "no data" in the table, an empty CSV cell and null in JSON — never 0. Idle longer than the
    // period (or the 180 days the service keeps) can tell reads "more than N" in the table, ">N" in
    // CSV and, in JSON, idle_days N with idle_days_more_than true (false when exact, null without data).
    using UsageById = std::optional<QHash<QString, DesktopUsage>>;

    static std::optional<Format> formatFromName(const QString &name);
    static QString format(const QList<Desktop> &desktops, Format format, const UsageById &usage = std::nullopt);

    static QString table(const QList<Desktop> &desktops, const UsageById &usage = std::nullopt);
    static QString csv(const QList<Desktop> &desktops, const UsageById &usage = std::nullopt);
    static QString json(const QList<Desktop> &desktops, const UsageById &usage = std::nullopt);
    // One desktop of json(), and json()'s text of an array of them (terminal-safe).
    static QJsonObject jsonObject(const Desktop &desktop, const UsageById &usage = std::nullopt);
    static QString jsonText(const QJsonArray &array);

    // Column headers and one row's cells, shared by table and CSV.
    static QStringList columns(bool withUsage = false);
    static QStringList cells(const Desktop &desktop, const UsageById &usage = std::nullopt);

    // RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. Control
    // characters other than line breaks are replaced: the CSV may well go to a terminal.
    static QString csvField(const QString &value);
    // One CSV line: the fields as csvField() quotes them, comma-separated, ended by CRLF.
    static QString csvLine(const QStringList &fields);
    // No column of the table is wider than this; a longer cell is cut with an ellipsis.
    static constexpr qsizetype kMaxColumnWidth = 48;

    // Aligned, space-separated columns; the last column is not padded. Cells are made safe for a
    // terminal (no control characters) and cut to kMaxColumnWidth, except those of the last column,
    // which is where a table puts its longest text (a reason with its advice).
    static QString alignedTable(const QStringList &header, const QList<QStringList> &rows);
    // Rows other than desktops as the chosen format prints them: alignedTable(), or CSV and JSON
    // keyed by the header in lower case. Each row holds the header's fields in order.
    static QString formatRows(const QStringList &header, const QList<QStringList> &rows, Format format);
};
