#include "desktopcsv.h"

#include "desktoptablemodel.h"

#include <QAbstractItemModel>
#include <QString>

namespace DesktopCsv {

QByteArray escapeCell(const QString &text)
{
    QString cell = text;
    if (!cell.isEmpty()
        && (cell.front() == QLatin1Char('=') || cell.front() == QLatin1Char('+')
            || cell.front() == QLatin1Char('-') || cell.front() == QLatin1Char('@'))) {
        cell.prepend(QLatin1Char('\''));
    }
    if (cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"'))
        || cell.contains(QLatin1Char('\n')) || cell.contains(QLatin1Char('\r'))) {
        cell.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        cell = QLatin1Char('"') + cell + QLatin1Char('"');
    }
    return cell.toUtf8();
}

QByteArray write(const QAbstractItemModel &model, const QList<int> &rows, const QList<int> &columns)
{
    // Each column, and after a translated one the API's values behind it ("status", …): a file
    // read by scripts must not depend on the language the app ran in.
    struct Field
    {
        int column;
        int apiValue; // -1: the cell itself, else the index into ApiValuesRole's list
    };
    QList<Field> fields;
    QStringList header;
    for (int column : columns) {
        fields.append({column, -1});
        header.append(model.headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
        const QStringList apiNames =
            model.headerData(column, Qt::Horizontal, DesktopTableModel::ApiValuesRole).toStringList();
        for (int i = 0; i < apiNames.size(); ++i) {
            fields.append({column, i});
            header.append(apiNames.at(i));
        }
    }
    QByteArray csv;
    auto appendLine = [&csv](const QStringList &cells) {
        for (int i = 0; i < cells.size(); ++i) {
            if (i > 0)
                csv.append(',');
            csv.append(escapeCell(cells.at(i)));
        }
        csv.append("\r\n");
    };
    appendLine(header);
    QStringList cells;
    for (int row : rows) {
        cells.clear();
        for (const Field &field : std::as_const(fields)) {
            const QModelIndex index = model.index(row, field.column);
            if (field.apiValue >= 0) {
                cells.append(index.data(DesktopTableModel::ApiValuesRole).toStringList().value(field.apiValue));
                continue;
            }
            // Machine-friendly where the model has a form for files (ISO-8601 UTC times).
            const QVariant exported = index.data(DesktopTableModel::ExportRole);
            cells.append(exported.isValid() ? exported.toString() : index.data(Qt::DisplayRole).toString());
        }
        appendLine(cells);
    }
    return csv;
}

} // namespace DesktopCsv
