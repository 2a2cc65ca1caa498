#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class DesktopTableModel;

// Pasted desktop ids or computer names resolved to rows of the table. Each line holds ids or
// names (case-insensitive; a name shared by several desktops selects all of them), one or several
// separated by commas, semicolons or spaces; an item that matches nothing is a miss. A line with
// tabs is a row copied from a spreadsheet: it matches when any of its cells does (its other cells,
// status or user, are no misses), and is a miss whole when none does.
//
// A desktop id is unique only within its project: an id that rows of two projects carry (a table
// of every region) is ambiguous and selects nothing, as a change across projects leaves out an id
// found in two of them; it is named with the projects where it was found.
struct PastedSelection {
    struct AmbiguousId {
        QString desktopId;
        QStringList projects; // the region, or the sub-project's name, of each row that has it
    };

    QList<int> rows; // the model's rows to select, each once, in the order they were pasted
    QStringList notFound;
    QList<AmbiguousId> ambiguous;

    static PastedSelection resolve(const DesktopTableModel& model, const QStringList& lines);
    // The ids of rows, each once, in the order of rows.
    QStringList desktopIds(const DesktopTableModel& model) const;
    // "id (cn-north-4, ap-southeast-3)" for each ambiguous id.
    QStringList ambiguousTexts() const;
};
