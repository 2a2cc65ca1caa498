#include "desktoptablemodel.h"

#include "desktopstatusnames.h"

#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <vector>

DesktopTableModel::DesktopTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QModelIndex DesktopTableModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= m_rows.size() || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(row, column);
}

int DesktopTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DesktopTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DesktopTableModel::billingModeText(BillingMode mode)
{
    return billingModeDisplayName(mode);
}

QString DesktopTableModel::statusDisplayName(const QString &raw)
{
    return DesktopStatusNames::statusName(raw);
}

QVariant DesktopTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DesktopRow &row = m_rows.at(index.row());
    const DesktopColumn &column = DesktopColumns::at(index.column());

    switch (role) {
    case Qt::DisplayRole: return column.text(m_store, row);
    case SortRole: return column.sortValueOf(m_store, row);
    case Qt::TextAlignmentRole: return column.alignment ? QVariant::fromValue(column.alignment) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == NameColumn && row.isProtected)
            return tr("Protected by a tag of the profile: this desktop is never deleted.");
        if (index.column() == StatusColumn && row.isBeingDeleted)
            return tr("The service is deleting this desktop.");
        return {};
    case Qt::DecorationRole:
        if (index.column() == NameColumn && row.isProtected)
            return m_protectedIcon;
        return {};
    case ExportRole:
        return column.exportValue ? column.exportValue(m_store, row) : QVariant(column.text(m_store, row));
    case ApiValuesRole:
        return column.apiValues ? QVariant(column.apiValues(m_store, row)) : QVariant();
    case DesktopIdRole: return row.id;
    case ProjectIdRole: return m_store.project(row.project).id;
    case ProtectedRole: return row.isProtected;
    case BeingDeletedRole: return row.isBeingDeleted;
    case DeletableRole: return !row.isProtected && !row.isBeingDeleted;
    default:
        return {};
    }
}

QString DesktopTableModel::displayTime(const QDateTime &time)
{
    // The locale's short format, but with the whole year: "8/17/24" reads as three possible dates.
    const QLocale locale;
    QString format = locale.dateTimeFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(QRegularExpression(QStringLiteral("y+")), QStringLiteral("yyyy"));
    return locale.toString(time.toLocalTime(), format);
}

QString DesktopTableModel::chargeModeValue(BillingMode mode)
{
    // The coding of the API's charge_mode (list filter and product.charge_mode).
    switch (mode) {
    case BillingMode::YearlyMonthly:
        return QStringLiteral("0");
    case BillingMode::PayPerUse:
        return QStringLiteral("1");
    case BillingMode::Unknown:
        break;
    }
    return {};
}

QString DesktopTableModel::desktopTypeText(const QString &raw)
{
    if (raw.compare(QLatin1String("DEDICATED"), Qt::CaseInsensitive) == 0)
        return tr("Dedicated", "desktop type DEDICATED: one user's own desktop");
    if (raw.compare(QLatin1String("POOLED"), Qt::CaseInsensitive) == 0)
        return tr("Pooled", "desktop type POOLED: a desktop of a pool");
    return raw;
}

QVariant DesktopTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    const DesktopColumn &column = DesktopColumns::at(section);
    switch (role) {
    case Qt::DisplayRole: return tr(column.header);
    // The API's field names of the values ApiValuesRole gives for the column's cells.
    case ApiValuesRole: return column.apiFields.isEmpty() ? QVariant() : QVariant(column.apiFields);
    case Qt::TextAlignmentRole: return column.alignment ? QVariant::fromValue(column.alignment) : QVariant();
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

Qt::ItemFlags DesktopTableModel::flags(const QModelIndex &index) const
{
    // Asked for every cell of every row when a view selects all: kept to plain comparisons.
    // (An index of this model with a valid row is a top-level cell: a table has no children.)
    if (index.model() != this || index.row() < 0 || index.row() >= m_rows.size() || index.column() < 0
        || index.column() >= ColumnCount)
        return Qt::NoItemFlags;
    return rowFlags(index.row());
}

bool DesktopTableModel::passesRetirementFilter(const DesktopRow &row, RetirementFilter filter) const
{
    switch (filter) {
    case RetirementFilter::Any:
        return true;
    case RetirementFilter::Retiring:
        return row.isRetiring();
    case RetirementFilter::Due:
        return row.isRetirementDue(m_store.today().toJulianDay());
    case RetirementFilter::NotRetiring:
        return !row.isRetiring();
    }
    return true;
}

bool DesktopTableModel::rowMatches(int sourceRow, const Filter &filter) const
{
    const DesktopRow &row = m_rows.at(sourceRow);
    if (!filter.status.isEmpty() && row.statusKey != filter.status)
        return false;
    if (!filter.loginStatus.isEmpty()
        && m_store.value(row.loginStatus).compare(filter.loginStatus, Qt::CaseInsensitive) != 0)
        return false;
    if (filter.billing && row.billingMode != *filter.billing)
        return false;
    if (filter.minIdleDays > 0
        && (!DesktopRow::isUsageValue(row.idleSeconds) || m_store.idleDaysOf(row) < filter.minIdleDays))
        return false;
    if (filter.idleDaysBelow > 0
        && (!DesktopRow::isUsageValue(row.idleSeconds) || row.idleSeconds / 86400 >= filter.idleDaysBelow))
        return false;
    if (filter.inMaintenance && row.inMaintenanceMode != *filter.inMaintenance)
        return false;
    if (!passesRetirementFilter(row, filter.retirement))
        return false;
    if (filter.project >= 0 && row.project != quint32(filter.project))
        return false;
    for (const QString &word : filter.words) {
        if (!row.searchHaystack.contains(word))
            return false;
    }
    return true;
}

bool DesktopTableModel::lessThan(int column, int leftRow, int rightRow, const TextOrder &order,
                                 Qt::SortOrder sortOrder) const
{
    return DesktopColumns::at(column).lessThan(m_store, m_rows.at(leftRow), m_rows.at(rightRow), order, sortOrder);
}

QList<int> DesktopTableModel::nameRanks() const
{
    // The rows' name keys copied side by side, so that most comparisons never leave this array;
    // longer or equal prefixes compare the full names.
    struct Entry
    {
        std::array<quint64, 4> key{};
        int row = 0;
    };
    const int rows = int(m_rows.size());
    std::vector<Entry> entries(static_cast<size_t>(rows));
    for (int row = 0; row < rows; ++row) {
        Entry &entry = entries[size_t(row)];
        entry.row = row;
        entry.key = m_rows.at(row).nameKey;
    }
    const auto less = [this](const Entry &a, const Entry &b) {
        if (a.key != b.key)
            return a.key < b.key;
        return DesktopColumns::nameLessThan(m_rows.at(a.row), m_rows.at(b.row));
    };
    std::sort(entries.begin(), entries.end(), less);
    QList<int> ranks(rows);
    int rank = 0;
    for (size_t i = 0; i < entries.size(); ++i) {
        if (i > 0 && less(entries[i - 1], entries[i]))
            ++rank;
        ranks[entries[i].row] = rank;
    }
    return ranks;
}

void DesktopTableModel::setProtectedIcon(const QIcon &icon)
{
    m_protectedIcon = icon;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, NameColumn), index(int(m_rows.size()) - 1, NameColumn),
                           {Qt::DecorationRole});
}

bool DesktopTableModel::isProtectedDesktop(const Desktop &desktop) const
{
    return m_store.isProtected(desktop.tags);
}

void DesktopTableModel::setProtectedTags(const QStringList &tags)
{
    m_store.setProtectedTags(tags);
    for (DesktopRow &row : m_rows)
        row.isProtected = m_store.tagSet(row.tagSet).isProtected;
    emitColumnsChanged(0, ColumnCount - 1);
}

Desktop DesktopTableModel::desktopAt(int row) const
{
    return m_store.desktopOf(m_rows.at(row));
}

int DesktopTableModel::addProject(const WorkspaceProject &project)
{
    const int before = m_store.projectCount();
    const int index = int(m_store.shareProject(project));
    if (m_store.projectCount() != before)
        Q_EMIT projectsChanged();
    return index;
}

int DesktopTableModel::rowOf(const ProjectDesktop &desktop) const
{
    if (desktop.project.id.isEmpty())
        return rowOf(desktop.desktopId);
    for (int project = 1; project < m_store.projectCount(); ++project) {
        if (m_store.project(quint32(project)).id == desktop.project.id)
            return rowOf(project, desktop.desktopId);
    }
    return -1;
}

QList<int> DesktopTableModel::rowsOfId(const QString &desktopId) const
{
    QList<int> rows;
    for (int project = 0; project < m_store.projectCount(); ++project) {
        const int row = rowOf(project, desktopId);
        if (row >= 0)
            rows.append(row);
    }
    return rows;
}

void DesktopTableModel::upsertDesktops(const QList<Desktop> &desktops, int project)
{
    QVector<DesktopRow> fresh;
    QList<int> gone;
    QList<int> updated;
    const int first = int(m_rows.size());
    for (const Desktop &desktop : desktops) {
        if (desktop.id.isEmpty())
            continue; // without an id a desktop can be neither tracked nor deleted
        const QString key = rowKey(quint32(project), desktop.id);
        if (desktop.isGone()) {
            gone.append(m_rowById.value(key, -1));
            continue;
        }
        // New ids get the row they are about to be inserted at, so one lookup tells new, known
        // and already in this answer apart.
        const auto known = m_rowById.constFind(key);
        if (known == m_rowById.cend()) {
            m_rowById.insert(key, first + int(fresh.size()));
            fresh.append(m_store.makeRow(desktop, m_listing));
            fresh.last().project = quint32(project);
        } else if (const int existing = known.value(); existing < first) {
            // A refresh re-sends mostly unchanged desktops: skipping them spares the views a
            // re-sort per row.
            DesktopRow row = m_store.makeRow(desktop, m_listing);
            row.project = quint32(project);
            m_rows[existing].listing = m_listing;
            if (!row.hasSameContent(m_rows.at(existing))) {
                row.idleSeconds = m_rows.at(existing).idleSeconds; // not part of the listing
                row.usageSeconds = m_rows.at(existing).usageSeconds;
                m_beingDeleted[existing] = row.isBeingDeleted;
                m_rows[existing] = std::move(row);
                updated.append(existing);
            }
        }
        // else: the same id twice in one answer (paging shifted under us), kept once.
    }
    if (!fresh.isEmpty()) {
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        for (DesktopRow &row : fresh) {
            m_beingDeleted.append(row.isBeingDeleted);
            m_rows.append(std::move(row));
        }
        endInsertRows();
    }
    emitChangedRuns(std::move(updated));
    gone.removeAll(-1);
    removeRows(std::move(gone));
}

void DesktopTableModel::setUsage(const QList<DesktopUsage> &usage, int project)
{
    QHash<QString, const DesktopUsage *> byId;
    byId.reserve(usage.size());
    for (const DesktopUsage &entry : usage)
        byId.insert(entry.desktopId, &entry);
    if (!usage.isEmpty()) // one period: every entry tells the same
        m_store.setKnowableIdleDays(usage.constFirst().knowableIdleDays);
    for (DesktopRow &row : m_rows) {
        if (project >= 0 && row.project != quint32(project))
            continue;
        const DesktopUsage *entry = byId.value(row.id);
        row.idleSeconds = entry && entry->idleSeconds ? qMax<qint64>(0, *entry->idleSeconds) : DesktopRow::kNoData;
        row.usageSeconds = entry && entry->usageSeconds ? qMax<qint64>(0, *entry->usageSeconds) : DesktopRow::kNoData;
    }
    emitColumnsChanged(IdleDaysColumn, UsedHoursColumn);
}

void DesktopTableModel::setPools(const QList<DesktopPool> &pools, int project)
{
    QHash<QString, QString> names;
    for (const DesktopPool &pool : pools) {
        if (!pool.name.isEmpty())
            names.insert(pool.id, pool.name);
    }
    m_store.setPoolNames(quint32(project), std::move(names));
    emitColumnsChanged(PoolColumn, PoolColumn);
}

void DesktopTableModel::setToday(const QDate &todayUtc)
{
    if (todayUtc == m_store.today())
        return;
    m_store.setToday(todayUtc);
    emitColumnsChanged(DaysLeftColumn, DaysLeftColumn);
}

DesktopTableModel::IdleOverview DesktopTableModel::idleOverview() const
{
    IdleOverview overview;
    const qint64 todayDay = m_store.today().toJulianDay();
    for (const DesktopRow &row : m_rows) {
        if (row.isRetiring())
            ++overview.retiring;
        if (row.isRetirementDue(todayDay))
            ++overview.due;
        if (!DesktopRow::isUsageValue(row.idleSeconds)) {
            ++overview.withoutUsage;
            continue;
        }
        const qint64 days = row.idleSeconds / 86400;
        int &bucket = days < 7 ? overview.idleUnder7
            : days < 30        ? overview.idle7To29
            : days < 90        ? overview.idle30To89
                               : overview.idle90AndMore;
        ++bucket;
    }
    return overview;
}

void DesktopTableModel::setPoolMembership(QHash<QString, QString> poolOfDesktop, int project)
{
    m_store.setPoolMembership(quint32(project), std::move(poolOfDesktop));
    emitColumnsChanged(PoolColumn, PoolColumn);
}

void DesktopTableModel::emitColumnsChanged(int firstColumn, int lastColumn)
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, firstColumn), index(int(m_rows.size()) - 1, lastColumn));
}

void DesktopTableModel::markBeingDeleted(const QStringList &ids)
{
    // The task status the service reports for a desktop being deleted; a later listing's own
    // value replaces it (the row's content then differs, so the upsert takes the server's).
    const quint32 deleting = m_store.share(QStringLiteral("deleting"));
    QList<int> rows;
    for (const QString &id : ids) {
        const int row = rowOf(id);
        if (row < 0 || m_rows.at(row).isBeingDeleted)
            continue;
        m_rows[row].taskStatus = deleting;
        m_rows[row].isBeingDeleted = true;
        m_beingDeleted[row] = true;
        rows.append(row);
    }
    emitChangedRuns(std::move(rows));
}

void DesktopTableModel::emitChangedRuns(QList<int> rows)
{
    // One dataChanged per run of neighbouring rows: a page usually updates one run.
    std::sort(rows.begin(), rows.end());
    for (int i = 0; i < rows.size();) {
        int j = i;
        while (j + 1 < rows.size() && rows.at(j + 1) == rows.at(j) + 1)
            ++j;
        Q_EMIT dataChanged(index(rows.at(i), 0), index(rows.at(j), ColumnCount - 1));
        i = j + 1;
    }
}

void DesktopTableModel::removeDesktops(const QSet<QString> &ids)
{
    QList<int> rows;
    for (const QString &id : ids) {
        const int row = rowOf(id);
        if (row >= 0)
            rows.append(row);
    }
    removeRows(std::move(rows));
}

void DesktopTableModel::removeUnlisted(int project)
{
    QList<int> rows;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).listing != m_listing && (project < 0 || m_rows.at(row).project == quint32(project)))
            rows.append(row);
    }
    removeRows(std::move(rows));
}

void DesktopTableModel::removeRows(QList<int> rows)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    int rangeCount = 1;
    for (int i = 1; i < rows.size(); ++i) {
        if (rows.at(i) != rows.at(i - 1) + 1)
            ++rangeCount;
    }
    // Each removal signal costs the views and a sorting proxy a pass over all rows; scattered
    // removals (a refresh after a batch deletion) are done as one compaction instead.
    if (rangeCount > kMaxRemovalRanges) {
        compactWithout(rows);
        return;
    }
    // From the end, one removal per contiguous range, so that earlier row numbers stay valid.
    int end = int(rows.size()) - 1;
    while (end >= 0) {
        int start = end;
        while (start > 0 && rows.at(start - 1) == rows.at(start) - 1)
            --start;
        const int firstRow = rows.at(start);
        const int lastRow = rows.at(end);
        beginRemoveRows({}, firstRow, lastRow);
        for (int row = firstRow; row <= lastRow; ++row)
            m_rowById.remove(rowKey(m_rows.at(row)));
        m_rows.erase(m_rows.begin() + firstRow, m_rows.begin() + lastRow + 1);
        m_beingDeleted.erase(m_beingDeleted.begin() + firstRow, m_beingDeleted.begin() + lastRow + 1);
        endRemoveRows();
        end = start - 1;
    }
    reindexFrom(rows.constFirst());
}

void DesktopTableModel::compactWithout(const QList<int> &sortedRows)
{
    Q_EMIT layoutAboutToBeChanged();
    QVector<int> newRowOf(m_rows.size());
    int next = 0;
    int write = 0;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (next < sortedRows.size() && sortedRows.at(next) == row) {
            ++next;
            newRowOf[row] = -1;
            m_rowById.remove(rowKey(m_rows.at(row)));
            continue;
        }
        newRowOf[row] = write;
        if (write != row) {
            m_rows[write] = std::move(m_rows[row]);
            m_beingDeleted[write] = m_beingDeleted.at(row);
        }
        ++write;
    }
    m_rows.resize(write);
    m_beingDeleted.resize(write);
    reindexFrom(sortedRows.constFirst());

    const QModelIndexList before = persistentIndexList();
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex &index : before) {
        const int row = newRowOf.at(index.row());
        after.append(row < 0 ? QModelIndex() : createIndex(row, index.column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged();
}

void DesktopTableModel::reindexFrom(int firstRow)
{
    for (int row = firstRow; row < m_rows.size(); ++row)
        m_rowById[rowKey(m_rows.at(row))] = row;
}

void DesktopTableModel::clear()
{
    const bool hadProjects = m_store.projectCount() > 1;
    if (!m_rows.isEmpty()) {
        beginRemoveRows({}, 0, int(m_rows.size()) - 1);
        m_rows.clear();
        m_beingDeleted.clear();
        m_rowById.clear();
        endRemoveRows();
    }
    // Nothing refers to the shared values any more; a new project brings its own.
    m_store.reset();
    if (hadProjects)
        Q_EMIT projectsChanged();
}
