#pragma once

#include <QByteArray>
#include <QList>

class QAbstractItemModel;

// CSV (RFC 4180, UTF-8, CRLF) of rows of a table model: a header line from headerData, then the
// display texts of the given columns. Cells that a spreadsheet would run as a formula are
// prefixed with an apostrophe.
namespace DesktopCsv {

QByteArray write(const QAbstractItemModel &model, const QList<int> &rows, const QList<int> &columns);
QByteArray escapeCell(const QString &text);

} // namespace DesktopCsv
