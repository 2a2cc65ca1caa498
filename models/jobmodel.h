#pragma once

#include <QAbstractItemModel>
#include <QDateTime>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include "deletion/deletionresult.h"

class DeletionRun;

// The jobs panel's tree: one top-level row per deletion (the administrator's one confirmed action,
// however many batch jobs it needs), and under it one row per desktop with its outcome, the
// sub-job's progress, error_code and fail_reason. A deletion is one DeletionRun, or after a restart
// the runs resumed from the journal that share its run id: they are shown as the one deletion they
// were, at the time it was submitted. Rows are only ever appended (never a reset), and what changed
// in a run is announced once per event-loop turn: a poll that moves many desktops of a 10,000-row
// deletion costs one dataChanged per deletion row and one per its desktop rows.
class JobModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, StatusColumn, ProgressColumn, ErrorCodeColumn, ReasonColumn, ColumnCount };
    enum Role {
        ProgressRole = Qt::UserRole + 1, // int 0–100
        DesktopIdRole,                   // desktop rows
        OutcomeRole,                     // desktop rows: DeletionOutcome as int
    };

    explicit JobModel(QObject *parent = nullptr);

    // The model follows the run's changes; the run must outlive the model or be deleted by it
    // being reset (it is not owned). A run with the run id of a shown deletion joins its row.
    void addRun(DeletionRun *run);
    // Top-level rows: deletions.
    int runCount() const { return int(m_groups.size()); }
    // What the record tells of a deletion whose runs were resumed after a restart (they share its
    // run id): it is shown at the time it was confirmed, and these desktops, which no resumed run
    // holds (ended before the restart, or never sent), follow its runs' desktops. Nothing for a
    // run id no row shows.
    void addEarlierPart(const QString &runId, const QDateTime &confirmedAt, const QList<DesktopResult> &desktops);
    // The first run of a deletion (the only one, unless it was resumed in parts).
    DeletionRun *runAt(int row) const;
    QList<DeletionRun *> runsAt(int row) const;
    // The top-level row a run is shown in.
    int rowOfRun(const DeletionRun *run) const;
    // The run of a top-level or desktop index.
    DeletionRun *runFor(const QModelIndex &index) const;
    // When the deletion was submitted (UTC), resumed or not.
    QDateTime submittedAt(int row) const;
    // statusText() of the deletion a run belongs to, over all its runs.
    QString deletionStatusText(const DeletionRun *run) const;

    // Overall progress: finished desktops count as 100.
    static int overallPercent(const DeletionRun *run);
    // "Sending request 3 of 19… (200 deleted)", "In progress (1,200 deleted, 3 failed)", or the
    // result's summary ("97 deleted, 3 failed") at the end.
    static QString statusText(const DeletionRun *run);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Group
    {
        QString runId;
        QList<QPointer<DeletionRun>> runs;
        QList<int> childCounts; // rows announced per run
        QList<DesktopResult> earlier; // rows after the runs': what the record tells (addEarlierPart)
        QDateTime submittedAt;  // UTC, the earliest of its runs
        mutable int cachedPercent = -1; // -1: to be summed again
        QList<quint16> shown;           // per desktop row, what the views were last told
        int runRowCount() const; // the rows of the runs, before the earlier ones
        int childCount() const;
    };

    void onRunChanged(DeletionRun *run);
    void announceChanges();
    // The group row and the run's place in it, or {-1, -1}.
    QPair<int, int> locate(const DeletionRun *run) const;
    QString groupStatusText(const Group &group) const;
    QVariant runData(int row, int column, int role) const;
    QVariant desktopData(int groupRow, int row, int column, int role) const;

    QList<Group> m_groups;
    QSet<int> m_changedGroups; // rows whose dataChanged waits for the end of this turn
    QTimer m_announceTimer;
};
