#pragma once

#include "desktoptablemodel.h"

#include <QItemSelection>
#include <QPointer>
#include <optional>
#include <QSortFilterProxyModel>
#include <QStringList>

// Sorting and client-side finding over a DesktopTableModel: free text (every word must occur in
// name, user, IP or id) and quick filters on status, login status and billing mode. Filtering,
// comparing and flags are the model's (DesktopTableModel::rowMatches(), lessThan(), rowFlags()),
// which read its precomputed rows: a filter pass over 100k rows allocates nothing.
class DesktopFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit DesktopFilterProxy(QObject *parent = nullptr);

    void setDesktopModel(DesktopTableModel *model);
    DesktopTableModel *desktopModel() const { return m_model; }

    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    // Empty: any. Status compares with the desktop's status (case-insensitive).
    void setStatusFilter(const QString &status);
    void setLoginStatusFilter(const QString &loginStatus);
    void setBillingFilter(std::optional<BillingMode> mode);
    void setMaintenanceFilter(std::optional<bool> inMaintenance);
    // 0: off; otherwise only desktops with usage data idle for at least `days` whole days.
    void setMinIdleDays(int days);
    // Only desktops idle fewer whole days than this (0: off), with setMinIdleDays() a range.
    void setIdleDaysBelow(int days);
    void setRetirementFilter(DesktopTableModel::RetirementFilter filter);
    // Only the desktops of this project (DesktopTableModel::project()); -1: any.
    void setProjectFilter(int project);
    int projectFilter() const { return m_filter.project; }

    QString sourceIdAt(int proxyRow) const;
    // The ids of the selectable rows in `selection` (proxy indexes; ranges that cover whole rows,
    // as a view selecting rows makes them), in proxy order. Reads the ranges, not every cell, so
    // that "select all" of 100k rows stays instant; QItemSelectionModel::selectedRows() asks every
    // cell for its flags.
    QStringList desktopIdsIn(const QItemSelection &selection) const;
    // The same desktops with their projects: what a change across regions sends where.
    QList<ProjectDesktop> projectDesktopsIn(const QItemSelection &selection) const;
    // The same rows as proxy rows, and as source rows, both in proxy order.
    QList<int> selectableRowsIn(const QItemSelection &selection) const;
    QList<int> selectableSourceRowsIn(const QItemSelection &selection) const;
    // Sorting by name ranks the rows first (DesktopTableModel::nameRanks()), so that the proxy's
    // own sort compares two integers per step instead of two strings scattered over the heap.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int selectableRowCountIn(const QItemSelection &selection) const;
    // The selectable rows in `selection`, and how many of them a change that applies only to some
    // desktops could apply to, from one pass over the ranges.
    struct SelectionCounts
    {
        int selectable = 0;
        int retiring = 0;      // Restore applies to these
        int inMaintenance = 0; // End Maintenance applies to these
    };
    SelectionCounts selectionCountsIn(const QItemSelection &selection) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    // The model's comparison, with the same order as the default (the sort role's value,
    // case-insensitive text): no QVariant per comparison.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

public:
    // Read for every cell when a view paints its header after "select all": mapped straight to the
    // source's row.
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    // Calls visit(proxyRow, sourceRow) for each selectable row that whole-row ranges of
    // `selection` cover, once each, in proxy order.
    template<typename Visit>
    void forEachSelectableRowIn(const QItemSelection &selection, Visit visit) const;

    QPointer<DesktopTableModel> m_model;
    QString m_searchText;
    DesktopTableModel::Filter m_filter;
    // Copies of the sort properties: reading a bindable property on each of the ~2 million
    // comparisons of a 100k sort costs more than the comparison itself.
    TextOrder m_textOrder;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    bool m_sortsBySortRole = true;
    // Rank of each source row by the column being sorted, valid only while the proxy sorts
    // (sort(), or after new rows): the sort then compares two integers per step instead of two
    // rows' values.
    QList<int> m_ranks;
    int m_rankedColumn = -1;

    // A sorted proxy places new rows one place at a time, and each place rewrites its row map from
    // there to the end: a page of 500 desktops whose names fall all over the table cost 500 passes
    // over it, the more the larger it grew (several regions listing into one table). New rows
    // bound for that many places are therefore taken unsorted, at the end, and every row then
    // sorted once by the ranks of where each goes; rows that go to a few places (names in order)
    // are still placed.
    static constexpr int kScatteredPlaces = 100;
    void rememberShownRows();
    void beforeRowsPlaced(const QModelIndex &parent, int first, int last);
    void afterRowsPlaced();
    // Sorts the new rows first..last that pass the filter into m_newRows, and finds how many rows
    // shown go before each (m_rowsBeforeNew); returns how many places they go to.
    int planPlaces(int first, int last);
    // Whether 16 rows spread over first..last go to at least 8 places: only then is the page
    // planned row by row.
    bool looksScattered(int first, int last) const;
    // Where the source row goes among the rows shown before the insertion: after every one (from
    // `low` on) that it does not sort before.
    int shownRowsBefore(int sourceRow, int low) const;
    bool rowSortsBefore(int leftRow, int rightRow) const;
    QList<QMetaObject::Connection> m_sourceConnections;
    int m_rowsShownBeforeInsert = 0;
    QList<int> m_newRows;
    QList<int> m_rowsBeforeNew;
    bool m_sortingAfterInsert = false;
};
