#pragma once

#include <QAbstractTableModel>
#include <QStringList>

#include <functional>

// A read-only table whose cells are computed when a view asks for them: a list of thousands of
// rows costs nothing until it is painted, and showing another set of rows is one reset. The owner
// keeps the data and hands over the row count and a function that reads a cell.
class ComputedTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // role is a Qt::ItemDataRole; an empty QVariant means "nothing for this role".
    using CellFunction = std::function<QVariant(int row, int column, int role)>;

    explicit ComputedTableModel(QStringList headers, QObject *parent = nullptr);

    // Replaces every row at once (one model reset).
    void setRows(int rowCount, CellFunction cell);
    // Other columns (one model reset when they differ).
    void setHeaders(QStringList headers);
    const QStringList &headers() const { return m_headers; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    QStringList m_headers;
    int m_rowCount = 0;
    CellFunction m_cell;
};
