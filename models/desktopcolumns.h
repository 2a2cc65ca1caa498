#pragma once

#include "desktoprowstore.h"

#include <QStringList>
#include <QVariant>

// What each column of DesktopTableModel shows, sorts by and exports, in one table: adding a column
// is an entry in DesktopTableModel::Column and one here (and a DesktopRow field when it shows new
// data). An implementation detail of the model.

// How the proxy compares texts (its sort case sensitivity and locale awareness).
struct TextOrder
{
    Qt::CaseSensitivity caseSensitivity = Qt::CaseInsensitive;
    bool localeAware = false;

    bool isDefault() const { return caseSensitivity == Qt::CaseInsensitive && !localeAware; }
    bool less(const QString &a, const QString &b) const
    {
        return localeAware ? a.localeAwareCompare(b) < 0 : a.compare(b, caseSensitivity) < 0;
    }
};

struct DesktopColumn
{
    using Text = QString (*)(const DesktopRowStore &, const DesktopRow &);
    using Value = QVariant (*)(const DesktopRowStore &, const DesktopRow &);
    using Less = bool (*)(const DesktopRow &, const DesktopRow &);
    using HasValue = bool (*)(const DesktopRow &);

    const char *header = nullptr;        // translated in the context DesktopTableModel
    Text text = nullptr;                 // the cell as displayed
    // Columns sorted by a value rather than their text: the sort role's value (a QVariant that
    // QSortFilterProxyModel orders the same way) and the direct comparison of two rows.
    Value sortValue = nullptr;
    Less less = nullptr;
    // Sorting by text with the default TextOrder, a faster comparison giving the same order.
    Less defaultOrderLess = nullptr;
    // Rows without a value ("No data") sort last in either order; null: every row has one.
    HasValue hasValue = nullptr;
    Value exportValue = nullptr;         // for a file; null: the text
    // The API's own values behind a translated cell, and the API's names for them.
    QStringList apiFields;
    QStringList (*apiValues)(const DesktopRowStore &, const DesktopRow &) = nullptr;
    Qt::Alignment alignment; // none: the view's default

    QVariant sortValueOf(const DesktopRowStore &store, const DesktopRow &row) const;
    bool lessThan(const DesktopRowStore &store, const DesktopRow &a, const DesktopRow &b,
                  const TextOrder &order, Qt::SortOrder sortOrder) const;
};

namespace DesktopColumns {

// Column by DesktopTableModel::Column; column must be valid.
const DesktopColumn &at(int column);
// The order of names for the Name column (case-insensitive by the stored lower-case name).
bool nameLessThan(const DesktopRow &a, const DesktopRow &b);

} // namespace DesktopColumns
