#include "desktopfilterproxy.h"

#include "desktoptablemodel.h"

#include <algorithm>

DesktopFilterProxy::DesktopFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(DesktopTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
    m_textOrder = {sortCaseSensitivity(), isSortLocaleAware()};
    m_sortsBySortRole = sortRole() == DesktopTableModel::SortRole;
    connect(this, &QSortFilterProxyModel::sortCaseSensitivityChanged, this,
            [this](Qt::CaseSensitivity sensitivity) { m_textOrder.caseSensitivity = sensitivity; });
    connect(this, &QSortFilterProxyModel::sortLocaleAwareChanged, this,
            [this](bool localeAware) { m_textOrder.localeAware = localeAware; });
    connect(this, &QSortFilterProxyModel::sortRoleChanged, this,
            [this](int role) { m_sortsBySortRole = role == DesktopTableModel::SortRole; });
}

void DesktopFilterProxy::setDesktopModel(DesktopTableModel *model)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_sourceConnections))
        disconnect(connection);
    m_sourceConnections.clear();
    m_sortingAfterInsert = false;
    m_model = model;
    // Around the base class's own handling of new rows (slots run in the order connected):
    // before it, to choose how they are placed; after it, to sort them.
    if (model)
        m_sourceConnections.append(
            connect(model, &QAbstractItemModel::rowsInserted, this, &DesktopFilterProxy::beforeRowsPlaced));
    setSourceModel(model);
    if (!model)
        return;
    m_sourceConnections.append(
        connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, &DesktopFilterProxy::rememberShownRows));
    m_sourceConnections.append(
        connect(model, &QAbstractItemModel::rowsInserted, this, &DesktopFilterProxy::afterRowsPlaced));
}

void DesktopFilterProxy::rememberShownRows()
{
    // Also makes the base class map the rows shown now, before the model has the new ones.
    m_rowsShownBeforeInsert = rowCount();
}

void DesktopFilterProxy::beforeRowsPlaced(const QModelIndex &parent, int first, int last)
{
    // Only rows appended to the model: unsorted, the base class puts them after every row shown.
    if (parent.isValid() || !dynamicSortFilter() || sortColumn() < 0 || last + 1 != m_model->rowCount()
        || last - first + 1 < kScatteredPlaces || placesOf(first, last) < kScatteredPlaces)
        return;
    m_sortingAfterInsert = true;
    setDynamicSortFilter(false);
}

int DesktopFilterProxy::placesOf(int first, int last) const
{
    const int column = sortColumn();
    const bool ascending = sortOrder() == Qt::AscendingOrder;
    const auto before = [this, column, ascending](int leftRow, int rightRow) {
        const QModelIndex left = m_model->index(leftRow, column);
        const QModelIndex right = m_model->index(rightRow, column);
        return ascending ? lessThan(left, right) : lessThan(right, left);
    };
    QList<int> rows;
    for (int row = first; row <= last; ++row) {
        if (m_model->rowMatches(row, m_filter))
            rows.append(row);
    }
    std::stable_sort(rows.begin(), rows.end(), before);
    // Each new row goes after the rows shown that it does not sort before; the rows shown are
    // those of before the insertion (the base class has not taken the new ones yet).
    int places = 0;
    int place = -1;
    int low = 0;
    for (const int row : std::as_const(rows)) {
        int high = m_rowsShownBeforeInsert;
        while (low < high) {
            const int middle = low + (high - low) / 2;
            if (before(row, mapToSource(index(middle, 0)).row()))
                high = middle;
            else
                low = middle + 1;
        }
        if (low != place) {
            place = low;
            if (++places >= kScatteredPlaces)
                break;
        }
    }
    return places;
}

template<typename SortBy>
void DesktopFilterProxy::sortRanked(int column, SortBy sortBy)
{
    const bool ranked = column == DesktopTableModel::NameColumn && m_model && m_sortsBySortRole
        && m_textOrder.isDefault() && m_model->rowCount() > 1000;
    if (ranked)
        m_nameRanks = m_model->nameRanks();
    sortBy();
    // Later changes re-sort a few rows at a time, by the names themselves.
    m_nameRanks.clear();
}

void DesktopFilterProxy::afterRowsPlaced()
{
    if (!m_sortingAfterInsert)
        return;
    m_sortingAfterInsert = false;
    // A stable sort of every row: the rows shown keep their order, equal ones included, and the
    // new ones follow the rows they equal, in the model's order.
    sortRanked(sortColumn(), [this] { setDynamicSortFilter(true); });
}

void DesktopFilterProxy::setSearchText(const QString &text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    m_filter.words = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

void DesktopFilterProxy::setStatusFilter(const QString &status)
{
    const QString upper = status.toUpper();
    if (upper == m_filter.status)
        return;
    m_filter.status = upper;
    invalidateFilter();
}

void DesktopFilterProxy::setLoginStatusFilter(const QString &loginStatus)
{
    const QString upper = loginStatus.toUpper();
    if (upper == m_filter.loginStatus)
        return;
    m_filter.loginStatus = upper;
    invalidateFilter();
}

void DesktopFilterProxy::setBillingFilter(std::optional<BillingMode> mode)
{
    if (mode == m_filter.billing)
        return;
    m_filter.billing = mode;
    invalidateFilter();
}

void DesktopFilterProxy::setMaintenanceFilter(std::optional<bool> inMaintenance)
{
    if (inMaintenance == m_filter.inMaintenance)
        return;
    m_filter.inMaintenance = inMaintenance;
    invalidateFilter();
}

void DesktopFilterProxy::setRetirementFilter(DesktopTableModel::RetirementFilter filter)
{
    if (filter == m_filter.retirement)
        return;
    m_filter.retirement = filter;
    invalidateFilter();
}

void DesktopFilterProxy::setProjectFilter(int project)
{
    if (project == m_filter.project)
        return;
    m_filter.project = project;
    invalidateFilter();
}

void DesktopFilterProxy::setIdleDaysBelow(int days)
{
    days = std::max(days, 0);
    if (days == m_filter.idleDaysBelow)
        return;
    m_filter.idleDaysBelow = days;
    invalidateFilter();
}

void DesktopFilterProxy::setMinIdleDays(int days)
{
    days = qMax(0, days);
    if (days == m_filter.minIdleDays)
        return;
    m_filter.minIdleDays = days;
    invalidateFilter();
}

QString DesktopFilterProxy::sourceIdAt(int proxyRow) const
{
    const QModelIndex source = mapToSource(index(proxyRow, 0));
    return source.isValid() && m_model ? m_model->idAt(source.row()) : QString();
}

bool DesktopFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    return !sourceParent.isValid() && m_model && m_model->rowMatches(sourceRow, m_filter);
}

bool DesktopFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const DesktopTableModel *model = m_model.data();
    if (!model || left.model() != model || right.model() != model || left.column() != right.column()
        || !m_sortsBySortRole)
        return QSortFilterProxyModel::lessThan(left, right);
    if (left.column() == DesktopTableModel::NameColumn && m_nameRanks.size() == model->rowCount())
        return m_nameRanks.at(left.row()) < m_nameRanks.at(right.row());
    return model->lessThan(left.column(), left.row(), right.row(), m_textOrder, m_sortOrder);
}

void DesktopFilterProxy::sort(int column, Qt::SortOrder order)
{
    m_sortOrder = order;
    sortRanked(column, [this, column, order] { QSortFilterProxyModel::sort(column, order); });
}

Qt::ItemFlags DesktopFilterProxy::flags(const QModelIndex &index) const
{
    const QModelIndex source = mapToSource(index);
    if (!source.isValid() || !m_model)
        return QSortFilterProxyModel::flags(index);
    return m_model->rowFlags(source.row());
}

template<typename Visit>
void DesktopFilterProxy::forEachSelectableRowIn(const QItemSelection &selection, Visit visit) const
{
    if (!m_model)
        return;
    QList<int> proxyRows;
    for (const QItemSelectionRange &range : selection) {
        if (range.model() != this || range.parent().isValid() || range.left() != 0
            || range.right() != columnCount() - 1)
            continue;
        for (int row = range.top(); row <= range.bottom(); ++row)
            proxyRows.append(row);
    }
    std::sort(proxyRows.begin(), proxyRows.end());
    proxyRows.erase(std::unique(proxyRows.begin(), proxyRows.end()), proxyRows.end());
    for (int proxyRow : std::as_const(proxyRows)) {
        const int sourceRow = mapToSource(index(proxyRow, 0)).row();
        if (sourceRow >= 0 && m_model->isSelectableAt(sourceRow))
            visit(proxyRow, sourceRow);
    }
}

QList<int> DesktopFilterProxy::selectableRowsIn(const QItemSelection &selection) const
{
    QList<int> rows;
    forEachSelectableRowIn(selection, [&rows](int proxyRow, int) { rows.append(proxyRow); });
    return rows;
}

QList<int> DesktopFilterProxy::selectableSourceRowsIn(const QItemSelection &selection) const
{
    QList<int> rows;
    forEachSelectableRowIn(selection, [&rows](int, int sourceRow) { rows.append(sourceRow); });
    return rows;
}

QStringList DesktopFilterProxy::desktopIdsIn(const QItemSelection &selection) const
{
    QStringList ids;
    forEachSelectableRowIn(selection, [this, &ids](int, int sourceRow) { ids.append(m_model->idAt(sourceRow)); });
    return ids;
}

QList<ProjectDesktop> DesktopFilterProxy::projectDesktopsIn(const QItemSelection &selection) const
{
    QList<ProjectDesktop> desktops;
    forEachSelectableRowIn(selection,
                           [this, &desktops](int, int sourceRow) { desktops.append(m_model->projectDesktopAt(sourceRow)); });
    return desktops;
}

int DesktopFilterProxy::selectableRowCountIn(const QItemSelection &selection) const
{
    int count = 0;
    forEachSelectableRowIn(selection, [&count](int, int) { ++count; });
    return count;
}
