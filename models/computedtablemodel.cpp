#include "computedtablemodel.h"

ComputedTableModel::ComputedTableModel(QStringList headers, QObject *parent)
    : QAbstractTableModel(parent)
    , m_headers(std::move(headers))
{
}

void ComputedTableModel::setRows(int rowCount, CellFunction cell)
{
    beginResetModel();
    m_rowCount = cell ? std::max(0, rowCount) : 0;
    m_cell = std::move(cell);
    endResetModel();
}

void ComputedTableModel::setHeaders(QStringList headers)
{
    if (headers == m_headers)
        return;
    beginResetModel();
    m_headers = std::move(headers);
    endResetModel();
}

int ComputedTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int ComputedTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

QVariant ComputedTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return m_cell(index.row(), index.column(), role);
}

QVariant ComputedTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < m_headers.size())
        return m_headers.at(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

Qt::ItemFlags ComputedTableModel::flags(const QModelIndex &index) const
{
    // Read-only and not selectable: the lists show what a confirmation is about.
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemNeverHasChildren : Qt::NoItemFlags;
}
