#include "desktopfilterproxy.h"

#include "desktoptablemodel.h"

#include <algorithm>
#include <array>
#include <vector>

DesktopFilterProxy::DesktopFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(DesktopTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
    m_sortCaseSensitivity = sortCaseSensitivity();
    m_sortLocaleAware = isSortLocaleAware();
    m_sortsBySortRole = sortRole() == DesktopTableModel::SortRole;
    connect(this, &QSortFilterProxyModel::sortCaseSensitivityChanged, this,
            [this](Qt::CaseSensitivity sensitivity) { m_sortCaseSensitivity = sensitivity; });
    connect(this, &QSortFilterProxyModel::sortLocaleAwareChanged, this,
            [this](bool localeAware) { m_sortLocaleAware = localeAware; });
    connect(this, &QSortFilterProxyModel::sortRoleChanged, this,
            [this](int role) { m_sortsBySortRole = role == DesktopTableModel::SortRole; });
}

void DesktopFilterProxy::setDesktopModel(DesktopTableModel *model)
{
    m_model = model;
    setSourceModel(model);
}

void DesktopFilterProxy::setSearchText(const QString &text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    m_searchWords = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

void DesktopFilterProxy::setStatusFilter(const QString &status)
{
    const QString upper = status.toUpper();
    if (upper == m_status)
        return;
    m_status = upper;
    invalidateFilter();
}

void DesktopFilterProxy::setLoginStatusFilter(const QString &loginStatus)
{
    const QString upper = loginStatus.toUpper();
    if (upper == m_loginStatus)
        return;
    m_loginStatus = upper;
    invalidateFilter();
}

void DesktopFilterProxy::setBillingFilter(std::optional<BillingMode> mode)
{
    if (mode == m_billing)
        return;
    m_billing = mode;
    invalidateFilter();
}

QString DesktopFilterProxy::sourceIdAt(int proxyRow) const
{
    const QModelIndex source = mapToSource(index(proxyRow, 0));
    return source.isValid() && m_model ? m_model->idAt(source.row()) : QString();
}

bool DesktopFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_model)
        return false;
    const DesktopTableModel::Row &row = m_model->rowAt(sourceRow);
    if (!m_status.isEmpty() && row.statusKey != m_status)
        return false;
    if (!m_loginStatus.isEmpty()
        && m_model->sharedValue(row.loginStatus).compare(m_loginStatus, Qt::CaseInsensitive) != 0)
        return false;
    if (m_billing && row.billingMode != *m_billing)
        return false;
    for (const QString &word : m_searchWords) {
        if (!row.searchHaystack.contains(word))
            return false;
    }
    return true;
}

namespace {

bool nameLessThan(const DesktopTableModel::Row &a, const DesktopTableModel::Row &b)
{
    // The key holds the first 16 units of the lower-case name in order, so where keys differ
    // they decide as the names would.
    if (a.nameKey != b.nameKey)
        return a.nameKey < b.nameKey;
    // The haystack starts with the lower-case name: comparing those prefixes exactly is the
    // case-insensitive order without folding the case of every character on every comparison.
    return QStringView(a.searchHaystack).left(a.computerName.size())
               .compare(QStringView(b.searchHaystack).left(b.computerName.size()))
        < 0;
}

} // namespace

bool DesktopFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const DesktopTableModel *model = m_model.data();
    if (!model || left.model() != model || right.model() != model || left.column() != right.column()
        || !m_sortsBySortRole)
        return QSortFilterProxyModel::lessThan(left, right);
    const DesktopTableModel::Row &a = model->rowAt(left.row());
    const DesktopTableModel::Row &b = model->rowAt(right.row());
    const auto compare = [this](const QString &x, const QString &y) {
        return m_sortLocaleAware ? x.localeAwareCompare(y) < 0 : x.compare(y, m_sortCaseSensitivity) < 0;
    };
    switch (left.column()) {
    case DesktopTableModel::NameColumn:
        if (m_nameRanks.size() == model->rowCount())
            return m_nameRanks.at(left.row()) < m_nameRanks.at(right.row());
        if (m_sortCaseSensitivity == Qt::CaseInsensitive && !m_sortLocaleAware)
            return nameLessThan(a, b);
        return compare(a.computerName, b.computerName);
    case DesktopTableModel::StatusColumn: return compare(model->statusText(a), model->statusText(b));
    case DesktopTableModel::UserColumn: return compare(a.userName, b.userName);
    case DesktopTableModel::LoginStatusColumn:
        return compare(model->loginStatusText(a), model->loginStatusText(b));
    case DesktopTableModel::IpColumn: return compare(a.ipText, b.ipText);
    case DesktopTableModel::TypeColumn:
        return compare(model->sharedValue(a.desktopType), model->sharedValue(b.desktopType));
    case DesktopTableModel::BillingColumn:
        return compare(DesktopTableModel::billingModeText(a.billingMode),
                       DesktopTableModel::billingModeText(b.billingMode));
    case DesktopTableModel::ZoneColumn:
        return compare(model->sharedValue(a.availabilityZone), model->sharedValue(b.availabilityZone));
    case DesktopTableModel::CreatedColumn: return a.createdMsecs < b.createdMsecs; // unknown first
    case DesktopTableModel::TagsColumn:
        return compare(model->tagSetText(a.tagSet), model->tagSetText(b.tagSet));
    case DesktopTableModel::IdColumn: return compare(a.id, b.id);
    }
    return QSortFilterProxyModel::lessThan(left, right);
}


void DesktopFilterProxy::rankByName()
{
    // The rows' name keys copied side by side, so that most comparisons never leave this array;
    // longer or equal prefixes compare the full names.
    struct Entry
    {
        std::array<quint64, 4> key{};
        int row = 0;
    };
    const int rows = m_model->rowCount();
    std::vector<Entry> entries(static_cast<size_t>(rows));
    for (int row = 0; row < rows; ++row) {
        Entry &entry = entries[size_t(row)];
        entry.row = row;
        entry.key = m_model->rowAt(row).nameKey;
    }
    const auto less = [this](const Entry &a, const Entry &b) {
        if (a.key != b.key)
            return a.key < b.key;
        return nameLessThan(m_model->rowAt(a.row), m_model->rowAt(b.row));
    };
    std::sort(entries.begin(), entries.end(), less);
    m_nameRanks.resize(rows);
    int rank = 0;
    for (size_t i = 0; i < entries.size(); ++i) {
        if (i > 0 && less(entries[i - 1], entries[i]))
            ++rank;
        m_nameRanks[entries[i].row] = rank;
    }
}

void DesktopFilterProxy::sort(int column, Qt::SortOrder order)
{
    const bool ranked = column == DesktopTableModel::NameColumn && m_model && m_sortsBySortRole
        && m_sortCaseSensitivity == Qt::CaseInsensitive && !m_sortLocaleAware && m_model->rowCount() > 1000;
    if (ranked)
        rankByName();
    QSortFilterProxyModel::sort(column, order);
    // Later changes re-sort a few rows at a time, by the names themselves.
    m_nameRanks.clear();
}

Qt::ItemFlags DesktopFilterProxy::flags(const QModelIndex &index) const
{
    const QModelIndex source = mapToSource(index);
    if (!source.isValid() || !m_model)
        return QSortFilterProxyModel::flags(index);
    return m_model->isBeingDeletedAt(source.row()) ? Qt::ItemNeverHasChildren
                                                    : DesktopTableModel::kSelectableFlags;
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
        if (sourceRow >= 0 && !m_model->rowAt(sourceRow).isBeingDeleted) // the only unselectable rows
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
    forEachSelectableRowIn(selection, [this, &ids](int, int sourceRow) { ids.append(m_model->rowAt(sourceRow).id); });
    return ids;
}

int DesktopFilterProxy::selectableRowCountIn(const QItemSelection &selection) const
{
    int count = 0;
    forEachSelectableRowIn(selection, [&count](int, int) { ++count; });
    return count;
}
