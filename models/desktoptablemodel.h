#pragma once

#include "api/workspacetypes.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QSet>
#include <QStringList>
#include <QVector>

// The desktops of one project as a flat table, keyed by desktop_id. Rows are only ever appended,
// updated in place or removed, never reset, so that views keep their selection (persistent
// indexes) across refreshes. Display texts and the search haystack are computed once per row,
// when the desktop arrives, so that data() and filtering stay cheap for 100k rows.
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
    };

    // What the model keeps per desktop; public so that the filter proxy reads it without QVariant.
    struct Row
    {
        Desktop desktop;
        QString statusText;  // "ACTIVE" or "ACTIVE (rebooting)"
        QString ipText;
        QString createdText;
        QString tagsText;
        QString searchHaystack; // lower-case name, user, IPs and id
        QString statusKey;      // upper-case status
        bool isProtected = false;
    };

    explicit DesktopTableModel(QObject *parent = nullptr);

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
    // Removes every desktop whose id is not in keep (after a complete reload).
    void retainOnly(const QSet<QString> &keep);
    void clear();

    int rowOf(const QString &desktopId) const { return m_rowById.value(desktopId, -1); }
    const Row &rowAt(int row) const { return m_rows.at(row); }
    const Desktop &desktopAt(int row) const { return m_rows.at(row).desktop; }
    QString idAt(int row) const { return m_rows.at(row).desktop.id; }

    // Resolves pasted lines to desktop ids: each line is an id or a computer name (case-insensitive;
    // a name shared by several desktops selects all of them). Blank lines are skipped; lines that
    // match nothing are returned in *notFound.
    QStringList resolveIdsOrNames(const QStringList &lines, QStringList *notFound) const;

    static QString billingModeText(BillingMode mode);

private:
    Row makeRow(const Desktop &desktop) const;
    void removeRows(QList<int> rows);
    void compactWithout(const QList<int> &sortedRows);

    static constexpr int kMaxRemovalRanges = 8;
    void reindexFrom(int firstRow);

    QVector<Row> m_rows;
    QHash<QString, int> m_rowById;
    QStringList m_protectedTags;
    QIcon m_protectedIcon;
};
