#pragma once

#include "desktopcolumns.h"
#include "desktoprowstore.h"

#include "api/decommissionjson.h"
#include "api/workspacetypes.h"

#include <QAbstractTableModel>
#include <QHash>

#include <QIcon>
#include <QSet>
#include <QStringList>
#include <QVector>

#include <optional>

// A desktop of the table with its project: a desktop id is unique only within its project. The
// project is empty (no id) for the desktops of a single-region connection.
struct ProjectDesktop
{
    WorkspaceProject project;
    QString desktopId;
};

// The desktops of one project, or of every project of an account, as a flat table, keyed by
// desktop_id within a project (the same id in two projects is two rows). Rows are only ever appended,
// updated in place or removed, never reset, so that views keep their selection (persistent
// indexes) across refreshes. The search haystack and sort keys are computed once per row, when the
// desktop arrives, so that filtering and sorting stay cheap for 100k rows.
class DesktopTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        StatusColumn,
        UserColumn,
        LoginStatusColumn,
        IpColumn,
        TypeColumn,
        BillingColumn,
        ZoneColumn,
        CreatedColumn,
        TagsColumn,
        IdColumn,
        IdleDaysColumn,  // usage of the period last loaded; "No data" when the service has none
        UsedHoursColumn,
        PoolColumn,
        MaintenanceColumn,
        RetireAfterColumn, // the retirement's date: retiring desktops only
        DaysLeftColumn,
        RegionColumn, // a connection to every region: the region, or the sub-project's name
        ColumnCount
    };

    enum Role {
        DesktopIdRole = Qt::UserRole + 1,
        SortRole,
        ProtectedRole,     // bool: carries a protected tag, never deletable
        BeingDeletedRole,  // bool: the API reports it as being deleted
        DeletableRole,     // bool: neither of the above
        ExportRole,        // the cell for a file: times in ISO-8601 UTC, otherwise as displayed
        // QStringList: the API's own values behind a translated cell (status and task_status,
        // login_status, charge_mode); headerData() with this role names those fields.
        ApiValuesRole,
        ProjectIdRole, // the id of the row's project; empty for a single-region connection
    };

    // What the proxy filters by; every condition set must hold.
    enum class RetirementFilter {
        Any,
        Retiring,    // carries the retirement tags, due or not, readable or not
        Due,         // retiring and its date has come (the date rule alone)
        NotRetiring,
    };

    struct Filter
    {
        QStringList words;   // lower-case; each must occur in the name, user, IP addresses or id
        QString status;      // upper-case; empty: any
        QString loginStatus; // any case; empty: any
        std::optional<BillingMode> billing;
        int minIdleDays = 0; // 0: off; a desktop without usage data never passes
        int idleDaysBelow = 0; // 0: off; otherwise only desktops idle fewer whole days than this
        std::optional<bool> inMaintenance;
        RetirementFilter retirement = RetirementFilter::Any;
        int project = -1; // an index of project(); -1: any
    };

    explicit DesktopTableModel(QObject *parent = nullptr);

    // Without QAbstractTableModel's virtual rowCount()/columnCount() calls: a sorting proxy asks
    // for two indexes per comparison, millions of times for 100k rows.
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // Tags ("key=value" or "key") whose desktops are marked protected.
    void setProtectedTags(const QStringList &tags);
    QStringList protectedTags() const { return m_store.protectedTags(); }
    bool isProtectedDesktop(const Desktop &desktop) const;
    // Shown next to the name of a protected desktop (the view supplies a themed icon).
    void setProtectedIcon(const QIcon &icon);

    // The projects of a connection to every region. Index 0 is the one project of a single-region
    // connection; addProject() gives each project of an account its index (the same one for the
    // same project id until clear()), by which its desktops are upserted, filtered and counted.
    int addProject(const WorkspaceProject &project);
    int projectCount() const { return m_store.projectCount(); }
    const WorkspaceProject &project(int index) const { return m_store.project(quint32(index)); }
    int projectIndexAt(int row) const { return int(m_rows.at(row).project); }
    const WorkspaceProject &projectAt(int row) const { return m_store.project(m_rows.at(row).project); }
    ProjectDesktop projectDesktopAt(int row) const { return {projectAt(row), idAt(row)}; }
    static QString projectLabel(const WorkspaceProject &project) { return DesktopRowStore::projectLabel(project); }

    // Updates known desktops of the project in place, appends new ones with one insertion, and
    // removes those the server reports as DELETED.
    void upsertDesktops(const QList<Desktop> &desktops, int project = 0);
    void removeDesktops(const QSet<QString> &ids);
    // Desktops whose deletion the service just accepted (a batch-delete job was submitted for
    // them): shown "deleting", greyed out and unselectable at once, until a listing says otherwise.
    // Ids not in the table are ignored.
    void markBeingDeleted(const QStringList &ids);
    // A complete listing: removeUnlisted() removes the desktops that no upsert brought since
    // beginListing() (the server no longer lists them). A mark per row, rather than a set of
    // 100k ids to build and look up.
    void beginListing() { ++m_listing; }
    // Changes with every beginListing(): data read before a listing began is older than its rows.
    quint32 listingGeneration() const { return m_listing; }
    // The usage of a period (ListDesktopUsageMetric) for every row: a desktop missing from it, or a
    // metric missing for it, has no data, which is never shown or filtered as 0.
    // With a project index, only the rows of that project (its own statistics) are set.
    void setUsage(const QList<DesktopUsage> &usage, int project = -1);
    // The pools (desktop-pools listing) by which the Pool column names each desktop's pool: those
    // of the project (an index of project()) whose rows they name.
    void setPools(const QList<DesktopPool> &pools, int project = 0);
    // Today's UTC date, by which Days left and "due" are counted (the current date unless set).
    void setToday(const QDate &todayUtc);
    QDate today() const { return m_store.today(); }
    // How idle the desktops are and how many are retiring, for the overview above the table.
    struct IdleOverview
    {
        int idleUnder7 = 0; // whole idle days 0–6
        int idle7To29 = 0;
        int idle30To89 = 0;
        int idle90AndMore = 0;
        int withoutUsage = 0; // no statistics (yet)
        int retiring = 0;     // due ones included
        int due = 0;
    };
    IdleOverview idleOverview() const;
    // Desktop id → pool id of the project's desktops, from its pools' desktop listings
    // (PoolMembershipLookUp).
    void setPoolMembership(QHash<QString, QString> poolOfDesktop, int project = 0);
    // With a project index, only that project's rows: the other projects' listings may have failed.
    void removeUnlisted(int project = -1);
    void clear();

    // The row of a desktop of the single-region connection's project (index 0).
    int rowOf(const QString &desktopId) const { return m_rowById.value(desktopId, -1); }
    int rowOf(int project, const QString &desktopId) const { return m_rowById.value(rowKey(quint32(project), desktopId), -1); }
    // The row of a desktop by its project's id (empty: the single-region project); -1 if none.
    int rowOf(const ProjectDesktop &desktop) const;
    // Every row of this id, one per project that lists it.
    QList<int> rowsOfId(const QString &desktopId) const;
    // The desktop as the API type, rebuilt from the row; its raw JSON holds the fields the app
    // reads (the full answer is not kept for 100k desktops: re-fetch it by id for the details).
    Desktop desktopAt(int row) const;
    QString idAt(int row) const { return m_rows.at(row).id; }
    // Without rebuilding a Desktop: for questions over every row (whose other desktops a user has).
    QString userNameAt(int row) const { return m_rows.at(row).userName; }
    QString computerNameAt(int row) const { return m_rows.at(row).computerName; }
    // Every user of the row's desktop (Desktop::userNames()).
    QStringList userNamesAt(int row) const { return m_store.userNamesOf(m_rows.at(row)); }
    // The API reports the desktop as being deleted (or markBeingDeleted() said so): such a row is
    // shown greyed out and cannot be selected, so it can never be submitted again.
    bool isBeingDeletedAt(int row) const { return m_beingDeleted.at(row); }
    // As the table last listed it: carries the retirement tags; in maintenance mode.
    bool isRetiringAt(int row) const { return m_rows.at(row).isRetiring(); }
    bool isInMaintenanceAt(int row) const { return m_rows.at(row).inMaintenanceMode; }
    // The flags of every cell of the row, from a compact array: asked for every cell of 100k rows
    // when a view selects all.
    Qt::ItemFlags rowFlags(int row) const
    {
        return isBeingDeletedAt(row) ? Qt::ItemNeverHasChildren : kSelectableFlags;
    }
    bool isSelectableAt(int row) const { return rowFlags(row).testFlag(Qt::ItemIsSelectable); }

    // For the proxy, without a QVariant per call: whether a row passes the filter, and the order of
    // two rows by a column (the same order as the sort role's values; rows without a value last).
    bool rowMatches(int row, const Filter &filter) const;
    bool passesRetirementFilter(const DesktopRow &row, RetirementFilter filter) const;
    bool lessThan(int column, int leftRow, int rightRow, const TextOrder &order, Qt::SortOrder sortOrder) const;
    // The rank of every row by name (case-insensitive; equal names share a rank), from one
    // cache-friendly pass: sorting 100k rows then compares two integers per step.
    QList<int> nameRanks() const;

    static QString billingModeText(BillingMode mode);
    // The API's charge_mode coding of a billing mode ("0" yearly/monthly, "1" pay-per-use).
    static QString chargeModeValue(BillingMode mode);
    // A time as the table shows it: local, the locale's short format with a four-digit year.
    static QString displayTime(const QDateTime &time);
    // The translated name of a status or task status of the API ("ACTIVE", "deleting"; any case);
    // an unknown value is returned as it is. Filters keep comparing the raw value.
    static QString statusDisplayName(const QString &raw);
    // "Dedicated", "Pooled" in the user's language; another value as it is.
    static QString desktopTypeText(const QString &raw);

Q_SIGNALS:
    // addProject() added a project (a new region to show and filter by).
    void projectsChanged();

private:
    // The key of m_rowById: the id itself in project 0, so that a single-region table pays nothing.
    static QString rowKey(quint32 project, const QString &desktopId)
    {
        return project == 0 ? desktopId : desktopId + QChar(0x1f) + QString::number(project);
    }
    static QString rowKey(const DesktopRow &row) { return rowKey(row.project, row.id); }

    static constexpr Qt::ItemFlags kSelectableFlags{Qt::ItemIsEnabled | Qt::ItemIsSelectable
                                                    | Qt::ItemNeverHasChildren};

    void removeRows(QList<int> rows);
    void emitChangedRuns(QList<int> rows);
    void emitColumnsChanged(int firstColumn, int lastColumn);
    void compactWithout(const QList<int> &sortedRows);

    static constexpr int kMaxRemovalRanges = 8;
    void reindexFrom(int firstRow);

    QVector<DesktopRow> m_rows;
    DesktopRowStore m_store;
    quint32 m_listing = 0;
    QHash<QString, int> m_rowById;
    QList<bool> m_beingDeleted; // parallel to m_rows
    QIcon m_protectedIcon;
};
