#pragma once

#include <QAbstractItemModel>
#include <QDateTime>
#include <QList>
#include <QPointer>

class DeletionRun;

// The jobs panel's tree: one top-level row per deletion (a DeletionRun: the administrator's one
// confirmed action, however many batch jobs it needs), and under it one row per desktop with its
// outcome, the sub-job's progress, error_code and fail_reason. Rows are only ever appended.
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
    // being reset (it is not owned).
    void addRun(DeletionRun *run);
    int runCount() const { return int(m_runs.size()); }
    DeletionRun *runAt(int row) const;
    int rowOfRun(const DeletionRun *run) const;
    // The run of a top-level or desktop index.
    DeletionRun *runFor(const QModelIndex &index) const;

    // Overall progress: finished desktops count as 100.
    static int overallPercent(const DeletionRun *run);
    // "Sending…", "In progress", or the result's summary ("97 deleted, 3 failed") at the end.
    static QString statusText(const DeletionRun *run);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void onRunChanged(DeletionRun *run);
    QVariant runData(int row, int column, int role) const;
    QVariant desktopData(int runRow, int row, int column, int role) const;

    QList<QPointer<DeletionRun>> m_runs;
    QList<int> m_childCounts; // rows announced per run
    QList<QDateTime> m_addedAt;  // when each run appeared, to tell deletions apart
};
