#include "desktopcsv.h"

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
    QByteArray csv;
    auto appendLine = [&csv, &columns](auto cellText) {
        for (int i = 0; i < columns.size(); ++i) {
            if (i > 0)
                csv.append(',');
            csv.append(escapeCell(cellText(columns.at(i))));
        }
        csv.append("\r\n");
    };
    appendLine([&model](int column) {
        return model.headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
    });
    for (int row : rows) {
        appendLine([&model, row](int column) {
            return model.index(row, column).data(Qt::DisplayRole).toString();
        });
    }
    return csv;
}

} // namespace DesktopCsv
