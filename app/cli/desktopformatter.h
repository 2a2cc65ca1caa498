#pragma once

#include "api/workspacetypes.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// Renders desktops for the CLI: an aligned table for people, CSV and JSON for scripts. Pure.
class DesktopFormatter
{
public:
    enum class Format { Table, Csv, Json };

    static std::optional<Format> formatFromName(const QString &name);
    static QString format(const QList<Desktop> &desktops, Format format);

    static QString table(const QList<Desktop> &desktops);
    static QString csv(const QList<Desktop> &desktops);
    static QString json(const QList<Desktop> &desktops);

    // Column headers and one row's cells, shared by table and CSV.
    static QStringList columns();
    static QStringList cells(const Desktop &desktop);

    // RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. Control
    // characters other than line breaks are replaced: the CSV may well go to a terminal.
    static QString csvField(const QString &value);
    // No column of the table is wider than this; a longer cell is cut with an ellipsis.
    static constexpr qsizetype kMaxColumnWidth = 48;

    // Aligned, space-separated columns; the last column is not padded. Cells are cut to
    // kMaxColumnWidth and made safe for a terminal (no control characters).
    static QString alignedTable(const QStringList &header, const QList<QStringList> &rows);
};
