#pragma once

#include "api/workspacetypes.h"

#include <QAbstractTableModel>
#include <QHash>

#include <array>
#include <QIcon>
#include <QSet>
#include <QStringList>
#include <QVector>

#include <limits>

// The desktops of one project as a flat table, keyed by desktop_id. Rows are only ever appended,
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
    };

    // What the model keeps per desktop; public so that the filter proxy reads it without QVariant.
    // Compact on purpose (100k desktops): values that repeat across desktops (status,
    // type, zone, image, tag sets, …) are stored once in the model and referenced by index, the
    // server's full JSON is not kept (desktopAt() rebuilds it from the fields), and display texts
    // that only visible cells need (created, tags, billing) are formed in data().
    struct Row
    {
        QString id;
        QString computerName;
        QString userName;
        QString ipText;         // "10.0.0.1, 10.0.0.2"
        QString searchHaystack; // lower-case name, user, IPs and id
        QString statusKey;      // upper-case status (shared)
        // The first 16 UTF-16 units of the lower-case name, four to an integer, zero-padded: most
        // comparisons by name are decided here without touching the strings.
        std::array<quint64, 4> nameKey{};
        qint64 createdMsecs = kNoTime; // UTC
        quint32 status = 0;     // the quint32 fields index sharedValue()
        quint32 taskStatus = 0;
        quint32 loginStatus = 0;
        quint32 userGroup = 0;
        quint32 desktopType = 0;
        quint32 productId = 0;
        quint32 flavorId = 0;
        quint32 availabilityZone = 0;
        quint32 osType = 0;
        quint32 imageName = 0;
        quint32 tagSet = 0;     // indexes tagSet()/tagSetText()
        BillingMode billingMode = BillingMode::Unknown;
        bool isProtected = false;
        bool isBeingDeleted = false;
        quint32 listing = 0;    // the listing that last brought it (not content)

        bool hasSameContent(const Row &other) const;
    };
    static constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();
    // The flags of a row that may be selected (every row but those being deleted).
    static constexpr Qt::ItemFlags kSelectableFlags{Qt::ItemIsEnabled | Qt::ItemIsSelectable
                                                    | Qt::ItemNeverHasChildren};

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
    QStringList protectedTags() const { return m_protectedTags; }
    bool isProtectedDesktop(const Desktop &desktop) const;
    // Shown next to the name of a protected desktop (the view supplies a themed icon).
    void setProtectedIcon(const QIcon &icon);

    // Updates known desktops in place, appends new ones with one insertion, and removes those
    // the server reports as DELETED.
    void upsertDesktops(const QList<Desktop> &desktops);
    void removeDesktops(const QSet<QString> &ids);
    // Desktops whose deletion the service just accepted (a batch-delete job was submitted for
    // them): shown "deleting", greyed out and unselectable at once, until a listing says otherwise.
    // Ids not in the table are ignored.
    void markBeingDeleted(const QStringList &ids);
    // Removes every desktop whose id is not in keep (after a complete reload).
    void retainOnly(const QSet<QString> &keep);
    // A complete listing: removeUnlisted() removes the desktops that no upsert brought since
    // beginListing() (the server no longer lists them). A mark per row, rather than a set of
    // 100k ids to build and look up.
    void beginListing() { ++m_listing; }
    void removeUnlisted();
    void clear();

    int rowOf(const QString &desktopId) const { return m_rowById.value(desktopId, -1); }
    const Row &rowAt(int row) const { return m_rows.at(row); }
    // The desktop as the API type, rebuilt from the row; its raw JSON holds the fields the app
    // reads (the full answer is not kept for 100k desktops: re-fetch it by id for the details).
    Desktop desktopAt(int row) const;
    QString idAt(int row) const { return m_rows.at(row).id; }
    // Row::isBeingDeleted, from a compact array: flags() are asked for every cell of 100k rows.
    bool isBeingDeletedAt(int row) const { return m_beingDeleted.at(row); }
    const QString &sharedValue(quint32 index) const { return m_values.at(index); }
    const QList<QPair<QString, QString>> &tagSet(quint32 index) const { return m_tagSets.at(index).tags; }
    const QString &tagSetText(quint32 index) const { return m_tagSets.at(index).text; }
    // "Active" or "Active (rebooting)" in the user's language, like the status column.
    QString statusText(const Row &row) const;
    // The row's login status by its translated name (the raw value when unknown); cached like the statuses.
    QString loginStatusText(const Row &row) const;

    // Resolves pasted lines to desktop ids: each line holds ids or computer names (case-insensitive;
    // a name shared by several desktops selects all of them), one or several separated by tabs,
    // commas or semicolons. Blank lines are skipped; lines of which no cell matches are returned
    // in *notFound.
    QStringList resolveIdsOrNames(const QStringList &lines, QStringList *notFound) const;

    static QString billingModeText(BillingMode mode);
    // The API's charge_mode coding of a billing mode ("0" yearly/monthly, "1" pay-per-use).
    static QString chargeModeValue(BillingMode mode);
    // A time as the table shows it: local, the locale's short format with a four-digit year.
    static QString displayTime(const QDateTime &time);
    // The translated name of a status or task status of the API ("ACTIVE", "deleting"; any case);
    // an unknown value is returned as it is. Filters keep comparing the raw value.
    static QString statusDisplayName(const QString &raw);

private:
    struct TagSet
    {
        QList<QPair<QString, QString>> tags;
        QString text; // "k=v, k2=v2"
        bool isProtected = false;
    };

    Row makeRow(const Desktop &desktop);
    quint32 share(const QString &value);
    quint32 shareTags(const QList<QPair<QString, QString>> &tags);
    bool isProtectedTagSet(const QList<QPair<QString, QString>> &tags) const;
    void resetSharedValues();
    void removeRows(QList<int> rows);
    void emitChangedRuns(QList<int> rows);
    void compactWithout(const QList<int> &sortedRows);

    static constexpr int kMaxRemovalRanges = 8;
    void reindexFrom(int firstRow);

    QVector<Row> m_rows;
    quint32 m_listing = 0;
    QHash<QString, int> m_rowById;
    QList<bool> m_beingDeleted; // parallel to m_rows
    // Values that repeat across desktops, each stored once; index 0 is the empty string.
    QStringList m_values;
    QHash<QString, quint32> m_valueIndex;
    QList<TagSet> m_tagSets; // index 0: no tags
    QMultiHash<QString, quint32> m_tagSetIndex; // by text
    QStringList m_protectedTags;
    QIcon m_protectedIcon;
};
