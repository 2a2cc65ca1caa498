#include "desktopfilterproxy.h"

#include "desktoptablemodel.h"

#include <QSet>

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
        || last - first + 1 < kScatteredPlaces)
        return;
    if (!looksScattered(first, last) || planPlaces(first, last) < kScatteredPlaces) {
        m_newRows.clear();
        m_rowsBeforeNew.clear();
        return;
    }
    m_sortingAfterInsert = true;
    setDynamicSortFilter(false);
}

bool DesktopFilterProxy::rowSortsBefore(int leftRow, int rightRow) const
{
    const QModelIndex left = m_model->index(leftRow, sortColumn());
    const QModelIndex right = m_model->index(rightRow, sortColumn());
    return sortOrder() == Qt::AscendingOrder ? lessThan(left, right) : lessThan(right, left);
}

int DesktopFilterProxy::shownRowsBefore(int sourceRow, int low) const
{
    int high = m_rowsShownBeforeInsert;
    while (low < high) {
        const int middle = low + (high - low) / 2;
        if (rowSortsBefore(sourceRow, mapToSource(index(middle, 0)).row()))
            high = middle;
        else
            low = middle + 1;
    }
    return low;
}

bool DesktopFilterProxy::looksScattered(int first, int last) const
{
    // Planning every row costs a search per row, as much as placing a page that goes to a few
    // places (one project's pages in name order): a few rows spread over the page tell first.
    constexpr int kSamples = 16;
    QSet<int> places;
    for (int sample = 0; sample < kSamples; ++sample) {
        const int row = first + int(qint64(last - first) * sample / (kSamples - 1));
        places.insert(shownRowsBefore(row, 0));
    }
    return places.size() >= kSamples / 2;
}

int DesktopFilterProxy::planPlaces(int first, int last)
{
    const auto before = [this](int leftRow, int rightRow) { return rowSortsBefore(leftRow, rightRow); };
    m_newRows.clear();
    for (int row = first; row <= last; ++row) {
        if (m_model->rowMatches(row, m_filter))
            m_newRows.append(row);
    }
    std::stable_sort(m_newRows.begin(), m_newRows.end(), before);
    // Each new row goes after the rows shown that it does not sort before (the rows shown are
    // those of before the insertion: the base class has not taken the new ones yet).
    m_rowsBeforeNew.clear();
    m_rowsBeforeNew.reserve(m_newRows.size());
    int places = 0;
    int low = 0;
    for (const int row : std::as_const(m_newRows)) {
        low = shownRowsBefore(row, low);
        if (m_rowsBeforeNew.isEmpty() || m_rowsBeforeNew.constLast() != low)
            ++places;
        m_rowsBeforeNew.append(low);
    }
    return places;
}

void DesktopFilterProxy::afterRowsPlaced()
{
    if (!m_sortingAfterInsert)
        return;
    m_sortingAfterInsert = false;
    // The rows shown before keep their order and the new ones go where planned, ties after the
    // rows they equal: each row's rank is its place in that order.
    const int shown = rowCount();
    const bool ascending = sortOrder() == Qt::AscendingOrder;
    QList<int> ranks(m_model->rowCount(), 0);
    int place = 0;
    const auto rank = [&ranks, &place, shown, ascending](int sourceRow) {
        ranks[sourceRow] = ascending ? place : shown - 1 - place;
        ++place;
    };
    qsizetype next = 0;
    for (int row = 0; row < m_rowsShownBeforeInsert && place < shown; ++row) {
        for (; next < m_newRows.size() && m_rowsBeforeNew.at(next) == row; ++next)
            rank(m_newRows.at(next));
        rank(mapToSource(index(row, 0)).row());
    }
    for (; next < m_newRows.size() && place < shown; ++next)
        rank(m_newRows.at(next));
    // Should the base class have taken other rows than planned, the sort compares the rows.
    if (place == shown && next == m_newRows.size()) {
        m_ranks = std::move(ranks);
        m_rankedColumn = sortColumn();
    }
    m_newRows.clear();
    m_rowsBeforeNew.clear();
    setDynamicSortFilter(true); // a stable sort of every row
    m_ranks.clear();
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
    if (left.column() == m_rankedColumn && m_ranks.size() == model->rowCount())
        return m_ranks.at(left.row()) < m_ranks.at(right.row());
    return model->lessThan(left.column(), left.row(), right.row(), m_textOrder, m_sortOrder);
}

void DesktopFilterProxy::sort(int column, Qt::SortOrder order)
{
    m_sortOrder = order;
    const bool ranked = column == DesktopTableModel::NameColumn && m_model && m_sortsBySortRole
        && m_textOrder.isDefault() && m_model->rowCount() > 1000;
    if (ranked) {
        m_ranks = m_model->nameRanks();
        m_rankedColumn = column;
    }
    QSortFilterProxyModel::sort(column, order);
    // Later changes re-sort a few rows at a time, by the names themselves.
    m_ranks.clear();
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

DesktopFilterProxy::SelectionCounts DesktopFilterProxy::selectionCountsIn(const QItemSelection &selection) const
{
    SelectionCounts counts;
    forEachSelectableRowIn(selection, [this, &counts](int, int sourceRow) {
        ++counts.selectable;
        if (m_model->isRetiringAt(sourceRow))
            ++counts.retiring;
        if (m_model->isInMaintenanceAt(sourceRow))
            ++counts.inMaintenance;
    });
    return counts;
}

int DesktopFilterProxy::selectableRowCountIn(const QItemSelection &selection) const
{
    int count = 0;
    forEachSelectableRowIn(selection, [&count](int, int) { ++count; });
    return count;
}
