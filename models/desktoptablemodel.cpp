#include "desktoptablemodel.h"

#include <QLocale>

#include <algorithm>

DesktopTableModel::DesktopTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
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
    switch (mode) {
    case BillingMode::PayPerUse:
        return tr("Pay-per-use");
    case BillingMode::YearlyMonthly:
        return tr("Yearly/monthly");
    case BillingMode::Unknown:
        break;
    }
    return {};
}

QVariant DesktopTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const Desktop &desktop = row.desktop;

    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case NameColumn: return desktop.computerName;
        case StatusColumn: return row.statusText;
        case UserColumn: return desktop.userName;
        case LoginStatusColumn: return desktop.loginStatus;
        case IpColumn: return row.ipText;
        case TypeColumn: return desktop.desktopType;
        case BillingColumn: return billingModeText(desktop.billingMode);
        case ZoneColumn: return desktop.availabilityZone;
        case CreatedColumn:
            // Sorting by the time itself, displaying the localised text.
            return role == SortRole ? QVariant(desktop.created) : QVariant(row.createdText);
        case TagsColumn: return row.tagsText;
        case IdColumn: return desktop.id;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == NameColumn && row.isProtected)
            return tr("Protected by a tag of the profile: this desktop is never deleted.");
        if (index.column() == StatusColumn && desktop.isBeingDeleted())
            return tr("The service is deleting this desktop.");
        return {};
    case Qt::DecorationRole:
        if (index.column() == NameColumn && row.isProtected)
            return m_protectedIcon;
        return {};
    case DesktopIdRole: return desktop.id;
    case ProtectedRole: return row.isProtected;
    case BeingDeletedRole: return desktop.isBeingDeleted();
    case DeletableRole: return !row.isProtected && !desktop.isBeingDeleted();
    default:
        return {};
    }
}

QVariant DesktopTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Name");
    case StatusColumn: return tr("Status");
    case UserColumn: return tr("User");
    case LoginStatusColumn: return tr("Login status");
    case IpColumn: return tr("IP address");
    case TypeColumn: return tr("Type");
    case BillingColumn: return tr("Billing");
    case ZoneColumn: return tr("Availability zone");
    case CreatedColumn: return tr("Created");
    case TagsColumn: return tr("Tags");
    case IdColumn: return tr("Desktop ID");
    }
    return {};
}

Qt::ItemFlags DesktopTableModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    // A desktop the service is already deleting is shown greyed out and cannot be selected, so it
    // can never be submitted again.
    if (m_rows.at(index.row()).desktop.isBeingDeleted())
        return Qt::ItemNeverHasChildren;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
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
    for (const QString &tag : m_protectedTags) {
        const qsizetype equals = tag.indexOf(QLatin1Char('='));
        if (equals < 0) {
            if (desktop.hasTag(tag.trimmed(), QString()))
                return true;
        } else if (desktop.hasTag(tag.left(equals).trimmed(), tag.mid(equals + 1).trimmed())) {
            return true;
        }
    }
    return false;
}

void DesktopTableModel::setProtectedTags(const QStringList &tags)
{
    m_protectedTags.clear();
    for (const QString &tag : tags) {
        if (!tag.trimmed().isEmpty())
            m_protectedTags.append(tag.trimmed());
    }
    for (Row &row : m_rows)
        row.isProtected = isProtectedDesktop(row.desktop);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

DesktopTableModel::Row DesktopTableModel::makeRow(const Desktop &desktop) const
{
    Row row;
    row.desktop = desktop;
    row.statusText = desktop.taskStatus.isEmpty()
        ? desktop.status
        : (desktop.status.isEmpty() ? desktop.taskStatus
                                    : QString(desktop.status + QStringLiteral(" (")
                                              + desktop.taskStatus + QLatin1Char(')')));
    row.ipText = desktop.ipAddresses.join(QStringLiteral(", "));
    row.createdText = desktop.created.isValid()
        ? QLocale().toString(desktop.created.toLocalTime(), QLocale::ShortFormat)
        : QString();
    row.tagsText = desktop.tagsText();
    row.searchHaystack = QString(desktop.computerName + QLatin1Char('\n') + desktop.userName
                          + QLatin1Char('\n') + row.ipText + QLatin1Char('\n') + desktop.id)
                             .toLower();
    row.statusKey = desktop.status.toUpper();
    row.isProtected = isProtectedDesktop(desktop);
    return row;
}

void DesktopTableModel::upsertDesktops(const QList<Desktop> &desktops)
{
    QVector<Row> fresh;
    QSet<QString> gone;
    QSet<QString> freshIds;
    QList<int> updated;
    for (const Desktop &desktop : desktops) {
        if (desktop.id.isEmpty())
            continue; // without an id a desktop can be neither tracked nor deleted
        if (desktop.isGone()) {
            gone.insert(desktop.id);
            continue;
        }
        const int existing = rowOf(desktop.id);
        if (existing >= 0) {
            // A refresh re-sends mostly unchanged desktops: skipping them spares the views a
            // re-sort per row.
            const Desktop &current = m_rows.at(existing).desktop;
            if (desktop.raw.isEmpty() || current.raw != desktop.raw) {
                m_rows[existing] = makeRow(desktop);
                updated.append(existing);
            }
        } else if (!freshIds.contains(desktop.id)) {
            // The same id twice in one answer (paging shifted under us) is kept once.
            freshIds.insert(desktop.id);
            fresh.append(makeRow(desktop));
        }
    }
    // One dataChanged per run of neighbouring rows: a page usually updates one run.
    std::sort(updated.begin(), updated.end());
    for (int i = 0; i < updated.size();) {
        int j = i;
        while (j + 1 < updated.size() && updated.at(j + 1) == updated.at(j) + 1)
            ++j;
        Q_EMIT dataChanged(index(updated.at(i), 0), index(updated.at(j), ColumnCount - 1));
        i = j + 1;
    }
    if (!fresh.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        for (Row &row : fresh) {
            m_rowById.insert(row.desktop.id, int(m_rows.size()));
            m_rows.append(std::move(row));
        }
        endInsertRows();
    }
    if (!gone.isEmpty())
        removeDesktops(gone);
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

void DesktopTableModel::retainOnly(const QSet<QString> &keep)
{
    QList<int> rows;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (!keep.contains(m_rows.at(row).desktop.id))
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
            m_rowById.remove(m_rows.at(row).desktop.id);
        m_rows.erase(m_rows.begin() + firstRow, m_rows.begin() + lastRow + 1);
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
            m_rowById.remove(m_rows.at(row).desktop.id);
            continue;
        }
        newRowOf[row] = write;
        if (write != row)
            m_rows[write] = std::move(m_rows[row]);
        ++write;
    }
    m_rows.resize(write);
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
        m_rowById[m_rows.at(row).desktop.id] = row;
}

void DesktopTableModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginRemoveRows({}, 0, int(m_rows.size()) - 1);
    m_rows.clear();
    m_rowById.clear();
    endRemoveRows();
}

QStringList DesktopTableModel::resolveIdsOrNames(const QStringList &lines, QStringList *notFound) const
{
    QHash<QString, QList<int>> rowsByName;
    QStringList ids;
    QSet<QString> seen;
    for (const QString &rawLine : lines) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty())
            continue;
        const int byId = rowOf(line);
        if (byId >= 0) {
            if (!seen.contains(line)) {
                seen.insert(line);
                ids.append(line);
            }
            continue;
        }
        if (rowsByName.isEmpty()) {
            // Built only when a name is pasted: ids are the common case.
            for (int row = 0; row < m_rows.size(); ++row)
                rowsByName[m_rows.at(row).desktop.computerName.toLower()].append(row);
        }
        const auto it = rowsByName.constFind(line.toLower());
        if (it == rowsByName.constEnd()) {
            if (notFound)
                notFound->append(line);
            continue;
        }
        for (int row : *it) {
            const QString &id = m_rows.at(row).desktop.id;
            if (!seen.contains(id)) {
                seen.insert(id);
                ids.append(id);
            }
        }
    }
    return ids;
}
