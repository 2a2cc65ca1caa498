#include "desktoptablemodel.h"

#include "api/workspacejson.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLocale>
#include <QPointer>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

namespace {

enum class LetterCase { Lower, Upper };

// QString::toLower()/toUpper() look every character up in the Unicode tables; names, ids,
// addresses and statuses are nearly always ASCII, for which that lookup was half the cost of
// adding a row.
QString inCase(QString text, LetterCase letterCase)
{
    char16_t *const begin = reinterpret_cast<char16_t *>(text.data());
    char16_t *const end = begin + text.size();
    if (std::any_of(begin, end, [](char16_t c) { return c >= 0x80; }))
        return letterCase == LetterCase::Lower ? std::move(text).toLower() : std::move(text).toUpper();
    const char16_t first = letterCase == LetterCase::Lower ? u'A' : u'a';
    const int shift = letterCase == LetterCase::Lower ? 32 : -32;
    std::transform(begin, end, begin, [first, shift](char16_t c) {
        return c >= first && c < first + 26 ? char16_t(c + shift) : c;
    });
    return text;
}

} // namespace

DesktopTableModel::DesktopTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    resetSharedValues();
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

namespace {

// The statuses and task statuses of shared/spec/workspace-api.md, compared in upper case (the API
// varies the case of task statuses).
QString translatedStatus(const QString &raw)
{
    const QString key = raw.toUpper();
    // Statuses of the desktop.
    if (key == QLatin1String("ACTIVE"))
        return DesktopTableModel::tr("Active", "desktop status ACTIVE");
    if (key == QLatin1String("SHUTOFF"))
        return DesktopTableModel::tr("Shut off", "desktop status SHUTOFF");
    if (key == QLatin1String("HIBERNATED"))
        return DesktopTableModel::tr("Hibernated", "desktop status HIBERNATED");
    if (key == QLatin1String("ERROR"))
        return DesktopTableModel::tr("Error", "desktop status ERROR");
    if (key == QLatin1String("STARTING"))
        return DesktopTableModel::tr("Starting", "desktop status STARTING");
    if (key == QLatin1String("STOPPING"))
        return DesktopTableModel::tr("Stopping", "desktop status STOPPING");
    if (key == QLatin1String("RESTARTING"))
        return DesktopTableModel::tr("Restarting", "desktop status RESTARTING");
    if (key == QLatin1String("HIBERNATING"))
        return DesktopTableModel::tr("Hibernating", "desktop status HIBERNATING");
    if (key == QLatin1String("AWAKENING"))
        return DesktopTableModel::tr("Waking up", "desktop status AWAKENING");
    if (key == QLatin1String("DELETED"))
        return DesktopTableModel::tr("Deleted", "desktop status DELETED");
    // Task statuses: the operation the service is carrying out on the desktop.
    if (key == QLatin1String("DELETING"))
        return DesktopTableModel::tr("deleting", "desktop task status deleting");
    if (key == QLatin1String("DELETEFAILED"))
        return DesktopTableModel::tr("delete failed", "desktop task status deleteFailed");
    if (key == QLatin1String("CREATING"))
        return DesktopTableModel::tr("creating", "desktop task status creating");
    if (key == QLatin1String("POWERING-OFF"))
        return DesktopTableModel::tr("powering off", "desktop task status powering-off");
    if (key == QLatin1String("POWERING-ON"))
        return DesktopTableModel::tr("powering on", "desktop task status powering-on");
    if (key == QLatin1String("REBOOTING"))
        return DesktopTableModel::tr("rebooting", "desktop task status rebooting");
    if (key == QLatin1String("SCHEDULING"))
        return DesktopTableModel::tr("scheduling", "desktop task status scheduling");
    if (key == QLatin1String("MIGRATING"))
        return DesktopTableModel::tr("migrating", "desktop task status migrating");
    return raw;
}

// Sorting 100k rows by status asks for ~2 million status texts: the display names (and the
// pattern that joins status and task status) are looked up once per raw value and kept until the
// application's language changes. GUI thread only, like the model.
class StatusNames : public QObject
{
public:
    static StatusNames &instance()
    {
        static StatusNames names;
        names.watchApplication();
        return names;
    }

    const QString &displayName(const QString &raw)
    {
        auto found = m_names.constFind(raw);
        if (found == m_names.cend())
            found = m_names.insert(raw, translatedStatus(raw));
        return found.value();
    }

    const QString &loginName(const QString &raw)
    {
        auto found = m_loginNames.constFind(raw);
        if (found == m_loginNames.cend())
            found = m_loginNames.insert(raw, loginStatusDisplayName(raw));
        return found.value();
    }

    const QString &joinPattern()
    {
        if (m_joinPattern.isEmpty())
            m_joinPattern = DesktopTableModel::tr("%1 (%2)", "desktop status (task status)");
        return m_joinPattern;
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::LanguageChange && watched == QCoreApplication::instance()) {
            m_names.clear();
            m_loginNames.clear();
            m_joinPattern.clear();
        }
        return false;
    }

private:
    void watchApplication()
    {
        QCoreApplication *application = QCoreApplication::instance();
        if (application == m_watched)
            return;
        m_names.clear();
        m_loginNames.clear();
        m_joinPattern.clear();
        m_watched = application;
        if (application)
            application->installEventFilter(this);
    }

    QHash<QString, QString> m_names;
    QHash<QString, QString> m_loginNames;
    QString m_joinPattern;
    QPointer<QObject> m_watched;
};

} // namespace

QString DesktopTableModel::statusDisplayName(const QString &raw)
{
    return StatusNames::instance().displayName(raw);
}

QString DesktopTableModel::statusText(const Row &row) const
{
    StatusNames &names = StatusNames::instance();
    const QString &status = names.displayName(m_values.at(row.status));
    const QString &taskStatus = names.displayName(m_values.at(row.taskStatus));
    if (taskStatus.isEmpty())
        return status;
    if (status.isEmpty())
        return taskStatus;
    return names.joinPattern().arg(status, taskStatus);
}

QString DesktopTableModel::loginStatusText(const Row &row) const
{
    return StatusNames::instance().loginName(m_values.at(row.loginStatus));
}

QVariant DesktopTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());

    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case NameColumn: return row.computerName;
        case StatusColumn: return statusText(row);
        case UserColumn: return row.userName;
        case LoginStatusColumn: return loginStatusText(row);
        case IpColumn: return row.ipText;
        case TypeColumn: return m_values.at(row.desktopType);
        case BillingColumn: return billingModeText(row.billingMode);
        case ZoneColumn: return m_values.at(row.availabilityZone);
        case CreatedColumn: {
            if (row.createdMsecs == kNoTime)
                return role == SortRole ? QVariant(QDateTime()) : QVariant(QString());
            const QDateTime created = QDateTime::fromMSecsSinceEpoch(row.createdMsecs, QTimeZone::utc());
            // Sorting by the time itself, displaying the localised text (formed for visible cells
            // only, not for every row).
            return role == SortRole ? QVariant(created) : QVariant(displayTime(created));
        }
        case TagsColumn: return m_tagSets.at(row.tagSet).text;
        case IdColumn: return row.id;
        }
        return {};
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
        if (index.column() == CreatedColumn) {
            return row.createdMsecs == kNoTime
                ? QString()
                : QDateTime::fromMSecsSinceEpoch(row.createdMsecs, QTimeZone::utc())
                      .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
        }
        return data(index, Qt::DisplayRole);
    case ApiValuesRole:
        switch (index.column()) {
        case StatusColumn: return QStringList{m_values.at(row.status), m_values.at(row.taskStatus)};
        case LoginStatusColumn: return QStringList{m_values.at(row.loginStatus)};
        case BillingColumn: return QStringList{chargeModeValue(row.billingMode)};
        }
        return {};
    case DesktopIdRole: return row.id;
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

QVariant DesktopTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == ApiValuesRole) {
        // The API's field names of the values ApiValuesRole gives for the column's cells.
        switch (section) {
        case StatusColumn: return QStringList{QStringLiteral("status"), QStringLiteral("task_status")};
        case LoginStatusColumn: return QStringList{QStringLiteral("login_status")};
        case BillingColumn: return QStringList{QStringLiteral("charge_mode")};
        }
        return {};
    }
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
    // Asked for every cell of every row when a view selects all: kept to plain comparisons.
    // (An index of this model with a valid row is a top-level cell: a table has no children.)
    if (index.model() != this || index.row() < 0 || index.row() >= m_rows.size() || index.column() < 0
        || index.column() >= ColumnCount)
        return Qt::NoItemFlags;
    // A desktop the service is already deleting is shown greyed out and cannot be selected, so it
    // can never be submitted again.
    if (m_beingDeleted.at(index.row()))
        return Qt::ItemNeverHasChildren;
    return kSelectableFlags;
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
    return isProtectedTagSet(desktop.tags);
}

bool DesktopTableModel::isProtectedTagSet(const QList<QPair<QString, QString>> &tags) const
{
    return tagsMatchAnyRule(tags, m_protectedTags);
}

void DesktopTableModel::setProtectedTags(const QStringList &tags)
{
    m_protectedTags.clear();
    for (const QString &tag : tags) {
        if (!tag.trimmed().isEmpty())
            m_protectedTags.append(tag.trimmed());
    }
    // Protection depends on the tags alone: decided once per distinct tag set.
    for (TagSet &tagSet : m_tagSets)
        tagSet.isProtected = isProtectedTagSet(tagSet.tags);
    for (Row &row : m_rows)
        row.isProtected = m_tagSets.at(row.tagSet).isProtected;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

void DesktopTableModel::resetSharedValues()
{
    m_values = {QString()};
    m_valueIndex.clear();
    m_valueIndex.insert(QString(), 0);
    m_tagSets = {TagSet()};
    m_tagSetIndex.clear();
    m_tagSetIndex.insert(QString(), 0);
}

quint32 DesktopTableModel::share(const QString &value)
{
    const auto it = m_valueIndex.constFind(value);
    if (it != m_valueIndex.constEnd())
        return *it;
    const auto index = quint32(m_values.size());
    m_values.append(value);
    m_valueIndex.insert(value, index);
    return index;
}

quint32 DesktopTableModel::shareTags(const QList<QPair<QString, QString>> &tags)
{
    if (tags.isEmpty())
        return 0;
    TagSet tagSet;
    QStringList parts;
    parts.reserve(tags.size());
    for (const auto &[key, value] : tags)
        parts.append(value.isEmpty() ? key : key + QLatin1Char('=') + value);
    // Found by its text, which is also what the Tags column shows.
    tagSet.text = parts.join(QStringLiteral(", "));
    // Tag values may hold ", " themselves, so the text alone does not identify a set.
    for (auto it = m_tagSetIndex.constFind(tagSet.text); it != m_tagSetIndex.constEnd() && it.key() == tagSet.text; ++it) {
        if (m_tagSets.at(*it).tags == tags)
            return *it;
    }
    tagSet.tags = tags;
    tagSet.isProtected = isProtectedTagSet(tags);
    const auto index = quint32(m_tagSets.size());
    m_tagSetIndex.insert(tagSet.text, index);
    m_tagSets.append(std::move(tagSet));
    return index;
}

bool DesktopTableModel::Row::hasSameContent(const Row &other) const
{
    return id == other.id && computerName == other.computerName && userName == other.userName
        && ipText == other.ipText && createdMsecs == other.createdMsecs && status == other.status
        && taskStatus == other.taskStatus && loginStatus == other.loginStatus && userGroup == other.userGroup
        && desktopType == other.desktopType && productId == other.productId && flavorId == other.flavorId
        && availabilityZone == other.availabilityZone && osType == other.osType
        && imageName == other.imageName && tagSet == other.tagSet && billingMode == other.billingMode;
}

DesktopTableModel::Row DesktopTableModel::makeRow(const Desktop &desktop)
{
    Row row;
    row.id = desktop.id;
    row.computerName = desktop.computerName;
    row.userName = desktop.userName;
    row.ipText = desktop.ipAddresses.size() == 1 ? desktop.ipAddresses.constFirst()
                                                  : desktop.ipAddresses.join(QStringLiteral(", "));
    row.searchHaystack = inCase(desktop.computerName + QLatin1Char('\n') + desktop.userName
                                + QLatin1Char('\n') + row.ipText + QLatin1Char('\n') + desktop.id,
                                LetterCase::Lower);
    const qsizetype keyLength = qMin<qsizetype>(desktop.computerName.size(), 16);
    for (qsizetype i = 0; i < keyLength; ++i)
        row.nameKey[size_t(i / 4)] |= quint64(row.searchHaystack.at(i).unicode()) << (48 - 16 * (i % 4));
    row.createdMsecs = desktop.created.isValid() ? desktop.created.toMSecsSinceEpoch() : kNoTime;
    row.status = share(desktop.status);
    row.statusKey = m_values.at(share(inCase(desktop.status, LetterCase::Upper)));
    row.taskStatus = share(desktop.taskStatus);
    row.loginStatus = share(desktop.loginStatus);
    row.userGroup = share(desktop.userGroup);
    row.desktopType = share(desktop.desktopType);
    row.productId = share(desktop.productId);
    row.flavorId = share(desktop.flavorId);
    row.availabilityZone = share(desktop.availabilityZone);
    row.osType = share(desktop.osType);
    row.imageName = share(desktop.imageName);
    row.tagSet = shareTags(desktop.tags);
    row.billingMode = desktop.billingMode;
    row.isProtected = m_tagSets.at(row.tagSet).isProtected;
    row.isBeingDeleted = desktop.isBeingDeleted();
    row.listing = m_listing;
    return row;
}

Desktop DesktopTableModel::desktopAt(int row) const
{
    const Row &stored = m_rows.at(row);
    Desktop desktop;
    desktop.id = stored.id;
    desktop.computerName = stored.computerName;
    desktop.status = m_values.at(stored.status);
    desktop.taskStatus = m_values.at(stored.taskStatus);
    desktop.loginStatus = m_values.at(stored.loginStatus);
    desktop.userName = stored.userName;
    desktop.userGroup = m_values.at(stored.userGroup);
    if (!stored.ipText.isEmpty())
        desktop.ipAddresses = stored.ipText.split(QStringLiteral(", "));
    desktop.desktopType = m_values.at(stored.desktopType);
    desktop.productId = m_values.at(stored.productId);
    desktop.flavorId = m_values.at(stored.flavorId);
    desktop.availabilityZone = m_values.at(stored.availabilityZone);
    desktop.osType = m_values.at(stored.osType);
    desktop.imageName = m_values.at(stored.imageName);
    desktop.billingMode = stored.billingMode;
    if (stored.createdMsecs != kNoTime)
        desktop.created = QDateTime::fromMSecsSinceEpoch(stored.createdMsecs, QTimeZone::utc());
    desktop.tags = m_tagSets.at(stored.tagSet).tags;
    desktop.raw = WorkspaceJson::desktopToJson(desktop);
    return desktop;
}

void DesktopTableModel::upsertDesktops(const QList<Desktop> &desktops)
{
    QVector<Row> fresh;
    QSet<QString> gone;
    QList<int> updated;
    const int first = int(m_rows.size());
    for (const Desktop &desktop : desktops) {
        if (desktop.id.isEmpty())
            continue; // without an id a desktop can be neither tracked nor deleted
        if (desktop.isGone()) {
            gone.insert(desktop.id);
            continue;
        }
        // New ids get the row they are about to be inserted at, so one lookup tells new, known
        // and already in this answer apart.
        const auto known = m_rowById.constFind(desktop.id);
        if (known == m_rowById.cend()) {
            m_rowById.insert(desktop.id, first + int(fresh.size()));
            fresh.append(makeRow(desktop));
        } else if (const int existing = known.value(); existing < first) {
            // A refresh re-sends mostly unchanged desktops: skipping them spares the views a
            // re-sort per row.
            Row row = makeRow(desktop);
            m_rows[existing].listing = m_listing;
            if (!row.hasSameContent(m_rows.at(existing))) {
                m_beingDeleted[existing] = row.isBeingDeleted;
                m_rows[existing] = std::move(row);
                updated.append(existing);
            }
        }
        // else: the same id twice in one answer (paging shifted under us), kept once.
    }
    if (!fresh.isEmpty()) {
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        for (Row &row : fresh) {
            m_beingDeleted.append(row.isBeingDeleted);
            m_rows.append(std::move(row));
        }
        endInsertRows();
    }
    emitChangedRuns(std::move(updated));
    if (!gone.isEmpty())
        removeDesktops(gone);
}

void DesktopTableModel::markBeingDeleted(const QStringList &ids)
{
    // The task status the service reports for a desktop being deleted; a later listing's own
    // value replaces it (the row's content then differs, so the upsert takes the server's).
    const quint32 deleting = share(QStringLiteral("deleting"));
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

void DesktopTableModel::retainOnly(const QSet<QString> &keep)
{
    QList<int> rows;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (!keep.contains(m_rows.at(row).id))
            rows.append(row);
    }
    removeRows(std::move(rows));
}

void DesktopTableModel::removeUnlisted()
{
    QList<int> rows;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).listing != m_listing)
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
            m_rowById.remove(m_rows.at(row).id);
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
            m_rowById.remove(m_rows.at(row).id);
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
        m_rowById[m_rows.at(row).id] = row;
}

void DesktopTableModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginRemoveRows({}, 0, int(m_rows.size()) - 1);
    m_rows.clear();
    m_beingDeleted.clear();
    m_rowById.clear();
    endRemoveRows();
    // Nothing refers to the shared values any more; a new project brings its own.
    resetSharedValues();
}

QStringList DesktopTableModel::resolveIdsOrNames(const QStringList &lines, QStringList *notFound) const
{
    QHash<QString, QList<int>> rowsByName;
    QStringList ids;
    QSet<QString> seen;
    auto take = [&ids, &seen](const QString &id) {
        if (!seen.contains(id)) {
            seen.insert(id);
            ids.append(id);
        }
    };
    // Ids and computer names hold none of these; rows copied from a spreadsheet are tab-separated.
    static const QRegularExpression separators(QStringLiteral("[\t,;]"));
    for (const QString &rawLine : lines) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty())
            continue;
        // A line matches when any of its cells does: the other cells of a pasted row (status,
        // user, …) are not misses.
        bool matched = false;
        for (const QString &rawCell : line.split(separators, Qt::SkipEmptyParts)) {
            const QString cell = rawCell.trimmed();
            if (cell.isEmpty())
                continue;
            if (rowOf(cell) >= 0) {
                take(cell);
                matched = true;
                continue;
            }
            if (rowsByName.isEmpty()) {
                // Built only when a name is pasted: ids are the common case.
                for (int row = 0; row < m_rows.size(); ++row)
                    rowsByName[m_rows.at(row).computerName.toLower()].append(row);
            }
            const auto it = rowsByName.constFind(cell.toLower());
            if (it == rowsByName.constEnd())
                continue;
            matched = true;
            for (int row : *it)
                take(m_rows.at(row).id);
        }
        if (!matched && notFound)
            notFound->append(line);
    }
    return ids;
}
