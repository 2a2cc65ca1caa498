#include "jobmodel.h"

#include "deletion/deletionrun.h"

#include <QDateTime>
#include <QLocale>

namespace {
// Internal id of a desktop row: its run's row + 1; top-level rows use 0.
constexpr quintptr kTopLevel = 0;
} // namespace

JobModel::JobModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void JobModel::addRun(DeletionRun *run)
{
    const int row = int(m_runs.size());
    beginInsertRows({}, row, row);
    m_runs.append(run);
    m_childCounts.append(run->result().size());
    m_addedAt.append(QDateTime::currentDateTime());
    endInsertRows();
    auto changed = [this, run] { onRunChanged(run); };
    connect(run, &DeletionRun::resultChanged, this, changed);
    connect(run, &DeletionRun::stateChanged, this, changed);
    connect(run, &DeletionRun::jobProgress, this, changed);
    connect(run, &DeletionRun::finished, this, changed);
}

DeletionRun *JobModel::runAt(int row) const
{
    return row >= 0 && row < m_runs.size() ? m_runs.at(row).data() : nullptr;
}

int JobModel::rowOfRun(const DeletionRun *run) const
{
    for (int row = 0; row < m_runs.size(); ++row) {
        if (m_runs.at(row) == run)
            return row;
    }
    return -1;
}

DeletionRun *JobModel::runFor(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return runAt(index.internalId() == kTopLevel ? index.row() : int(index.internalId() - 1));
}

int JobModel::overallPercent(const DeletionRun *run)
{
    const QList<DesktopResult> &rows = run->result().rows();
    if (rows.isEmpty())
        return 100;
    qint64 sum = 0;
    for (const DesktopResult &row : rows)
        sum += row.isFinal() ? 100 : std::clamp(row.process, 0, 100);
    return int(sum / rows.size());
}

QString JobModel::statusText(const DeletionRun *run)
{
    switch (run->state()) {
    case DeletionRun::State::Idle:
        return tr("Waiting");
    case DeletionRun::State::Sending:
        return tr("Sending…");
    case DeletionRun::State::Tracking:
        return tr("In progress");
    case DeletionRun::State::Finished:
        break;
    }
    return run->result().summaryText();
}

void JobModel::onRunChanged(DeletionRun *run)
{
    const int row = rowOfRun(run);
    if (row < 0)
        return;
    const QModelIndex parentIndex = index(row, 0);
    const int now = run->result().size();
    if (now > m_childCounts.at(row)) {
        beginInsertRows(parentIndex, m_childCounts.at(row), now - 1);
        m_childCounts[row] = now;
        endInsertRows();
    }
    Q_EMIT dataChanged(parentIndex, index(row, ColumnCount - 1));
    if (m_childCounts.at(row) > 0)
        Q_EMIT dataChanged(index(0, 0, parentIndex), index(m_childCounts.at(row) - 1, ColumnCount - 1, parentIndex));
}

QModelIndex JobModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_runs.size() ? createIndex(row, column, kTopLevel) : QModelIndex();
    if (parent.internalId() != kTopLevel || parent.column() != 0 || row >= m_childCounts.value(parent.row()))
        return {};
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex JobModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kTopLevel)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kTopLevel);
}

int JobModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_runs.size());
    if (parent.internalId() != kTopLevel || parent.column() != 0)
        return 0;
    return m_childCounts.value(parent.row());
}

int JobModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant JobModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Deletion / Desktop");
    case StatusColumn:
        return tr("Status");
    case ProgressColumn:
        return tr("Progress");
    case ErrorCodeColumn:
        return tr("Error Code");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

QVariant JobModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    if (index.internalId() == kTopLevel)
        return runData(index.row(), index.column(), role);
    return desktopData(int(index.internalId() - 1), index.row(), index.column(), role);
}

QVariant JobModel::runData(int row, int column, int role) const
{
    const DeletionRun *run = runAt(row);
    if (!run)
        return {};
    if (role == ProgressRole)
        return overallPercent(run);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (column) {
    case NameColumn: {
        const QStringList jobs = run->jobIds();
        QString text = tr("Deletion of %Ln desktop(s)", nullptr, run->result().size()) + QStringLiteral(" · ")
            + QLocale().toString(m_addedAt.value(row).time(), QLocale::ShortFormat);
        if (role == Qt::ToolTipRole && !jobs.isEmpty())
            text += QLatin1Char('\n') + tr("Jobs: %1").arg(jobs.join(QLatin1String(", ")));
        return text;
    }
    case StatusColumn:
        return statusText(run);
    case ProgressColumn:
        return QStringLiteral("%1%").arg(overallPercent(run));
    case ErrorCodeColumn:
        return run->postError().isError() ? QVariant(run->postError().errorCode) : QVariant();
    case ReasonColumn:
        return run->postError().isError() ? QVariant(run->postError().summary()) : QVariant();
    default:
        return {};
    }
}

QVariant JobModel::desktopData(int runRow, int row, int column, int role) const
{
    const DeletionRun *run = runAt(runRow);
    if (!run || row >= run->result().size())
        return {};
    const DesktopResult &result = run->result().rows().at(row);
    const int progress = result.outcome == DeletionOutcome::Deleted ? 100 : std::clamp(result.process, 0, 100);
    // A desktop that ended without being deleted has no progress to show: a half-full bar would
    // suggest it is still going.
    const bool endedUndeleted = result.isFinal() && result.outcome != DeletionOutcome::Deleted;
    switch (role) {
    case ProgressRole:
        return endedUndeleted ? QVariant() : QVariant(progress);
    case DesktopIdRole:
        return result.desktopId;
    case OutcomeRole:
        return int(result.outcome);
    case Qt::ToolTipRole:
        if (column == NameColumn)
            return result.desktopId;
        if (column == ReasonColumn)
            return result.reason;
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case NameColumn:
        return result.desktopName.isEmpty() ? result.desktopId : result.desktopName;
    case StatusColumn:
        return DeletionResult::outcomeText(result.outcome);
    case ProgressColumn:
        return endedUndeleted ? QString() : QStringLiteral("%1%").arg(progress);
    case ErrorCodeColumn:
        return result.errorCode;
    case ReasonColumn:
        return result.reason;
    default:
        return {};
    }
}
