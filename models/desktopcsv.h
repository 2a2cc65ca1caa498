#pragma once

#include <QByteArray>
#include <QList>

class QAbstractItemModel;

// CSV (RFC 4180, UTF-8, CRLF) of rows of a table model: a header line from headerData, then the
// given columns' cells (DesktopTableModel::ExportRole where the model has it, e.g. ISO-8601 UTC
// times, else the display text), each followed by the API's values behind it where the model
// names them (DesktopTableModel::ApiValuesRole: status, task_status, login_status, charge_mode,
// pool_id, in_maintenance_mode). Cells that a spreadsheet would run as a formula are
// prefixed with an apostrophe.
namespace DesktopCsv {

QByteArray write(const QAbstractItemModel &model, const QList<int> &rows, const QList<int> &columns);
QByteArray escapeCell(const QString &text);

} // namespace DesktopCsv
