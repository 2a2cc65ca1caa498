#include "jobmodel.h"

#include "failureexplanation.h"

#include "deletion/deletionrun.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <utility>

namespace {
// Internal id of a desktop row: its deletion's row + 1; top-level rows use 0.
constexpr quintptr kTopLevel = 0;
} // namespace

int JobModel::Group::runRowCount() const
{
    int sum = 0;
    for (int count : childCounts)
        sum += count;
    return sum;
}

int JobModel::Group::childCount() const
{
    return runRowCount() + int(earlier.size());
}

JobModel::JobModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    m_announceTimer.setSingleShot(true);
    m_announceTimer.setInterval(0);
    connect(&m_announceTimer, &QTimer::timeout, this, &JobModel::announceChanges);
}

void JobModel::addRun(DeletionRun *run)
{
    const QString runId = run->runId();
    const auto joined = std::find_if(m_groups.begin(), m_groups.end(), [&runId](const Group &group) {
        return !runId.isEmpty() && group.runId == runId;
    });
    const int size = run->result().size();
    if (joined != m_groups.end()) {
        // Another job of a deletion already shown (resumed from the journal in parts).
        const int row = int(joined - m_groups.begin());
        const int first = joined->runRowCount(); // before the earlier rows
        if (size > 0)
            beginInsertRows(index(row, 0), first, first + size - 1);
        joined->runs.append(run);
        joined->childCounts.append(size);
        joined->cachedPercent = -1;
        if (run->submittedAt().isValid()
            && (!joined->submittedAt.isValid() || run->submittedAt() < joined->submittedAt))
            joined->submittedAt = run->submittedAt();
        if (size > 0)
            endInsertRows();
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    } else {
        const int row = int(m_groups.size());
        beginInsertRows({}, row, row);
        Group group;
        group.runId = runId;
        group.runs.append(run);
        group.childCounts.append(size);
        group.submittedAt = run->submittedAt().isValid() ? run->submittedAt() : QDateTime::currentDateTimeUtc();
        m_groups.append(group);
        endInsertRows();
    }
    auto changed = [this, run] { onRunChanged(run); };
    // A new state (sending, tracking, the end) is shown at once; progress at the end of the turn.
    auto milestone = [this, run] {
        onRunChanged(run);
        announceChanges();
    };
    connect(run, &DeletionRun::resultChanged, this, changed);
    connect(run, &DeletionRun::jobProgress, this, changed);
    connect(run, &DeletionRun::stateChanged, this, milestone);
    connect(run, &DeletionRun::finished, this, milestone);
}

void JobModel::addEarlierPart(const QString &runId, const QDateTime &confirmedAt, const QList<DesktopResult> &desktops)
{
    const auto group = std::find_if(m_groups.begin(), m_groups.end(), [&runId](const Group &candidate) {
        return !runId.isEmpty() && candidate.runId == runId;
    });
    if (group == m_groups.end())
        return;
    const int row = int(group - m_groups.begin());
    if (confirmedAt.isValid() && (!group->submittedAt.isValid() || confirmedAt < group->submittedAt))
        group->submittedAt = confirmedAt;
    if (!desktops.isEmpty()) {
        const int first = group->childCount();
        beginInsertRows(index(row, 0), first, first + int(desktops.size()) - 1);
        group->earlier += desktops;
        endInsertRows();
    }
    group->cachedPercent = -1;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

DeletionRun *JobModel::runAt(int row) const
{
    if (row < 0 || row >= m_groups.size())
        return nullptr;
    for (const QPointer<DeletionRun> &run : m_groups.at(row).runs) {
        if (run)
            return run.data();
    }
    return nullptr;
}

QList<DeletionRun *> JobModel::runsAt(int row) const
{
    QList<DeletionRun *> runs;
    if (row < 0 || row >= m_groups.size())
        return runs;
    for (const QPointer<DeletionRun> &run : m_groups.at(row).runs) {
        if (run)
            runs.append(run.data());
    }
    return runs;
}

QDateTime JobModel::submittedAt(int row) const
{
    return row >= 0 && row < m_groups.size() ? m_groups.at(row).submittedAt : QDateTime();
}

QPair<int, int> JobModel::locate(const DeletionRun *run) const
{
    for (int row = 0; row < m_groups.size(); ++row) {
        const QList<QPointer<DeletionRun>> &runs = m_groups.at(row).runs;
        for (int part = 0; part < runs.size(); ++part) {
            if (runs.at(part) == run)
                return {row, part};
        }
    }
    return {-1, -1};
}

int JobModel::rowOfRun(const DeletionRun *run) const
{
    return locate(run).first;
}

DeletionRun *JobModel::runFor(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    if (index.internalId() == kTopLevel)
        return runAt(index.row());
    const int groupRow = int(index.internalId() - 1);
    if (groupRow >= m_groups.size())
        return nullptr;
    const Group &group = m_groups.at(groupRow);
    int row = index.row();
    for (int part = 0; part < group.runs.size(); ++part) {
        if (row < group.childCounts.at(part))
            return group.runs.at(part).data();
        row -= group.childCounts.at(part);
    }
    return nullptr;
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
    QString text;
    switch (run->state()) {
    case DeletionRun::State::Idle:
        return tr("Waiting");
    case DeletionRun::State::Sending: {
        const QList<DeletionRun::Chunk> &chunks = run->chunks();
        // The request on the wire (or the next one, during the gap) is the first not yet answered.
        const auto pending = std::find_if(chunks.cbegin(), chunks.cend(), [](const DeletionRun::Chunk &chunk) {
            return chunk.status == DeletionRun::Chunk::Status::Pending
                || chunk.status == DeletionRun::Chunk::Status::Sending;
        });
        const int current = int(std::min(pending - chunks.cbegin(), qsizetype(chunks.size()) - 1)) + 1;
        const QLocale locale;
        text = chunks.size() > 1 ? tr("Sending request %1 of %2…").arg(locale.toString(current),
                                                                         locale.toString(chunks.size()))
                                 : tr("Sending…");
        break;
    }
    case DeletionRun::State::Tracking:
        text = tr("In progress");
        break;
    case DeletionRun::State::Finished:
        return run->result().summaryText();
    }
    // While it runs: what has ended so far.
    const int deleted = run->result().count(DeletionOutcome::Deleted);
    const int failed = run->result().count(DeletionOutcome::Failed);
    if (deleted == 0 && failed == 0)
        return text;
    QStringList counts;
    counts.append(tr("%Ln deleted", "running count", deleted));
    if (failed > 0)
        counts.append(tr("%Ln failed", "running count", failed));
    return tr("%1 (%2)", "status (counts so far)").arg(text, counts.join(tr(", ", "separator between counts")));
}

QString JobModel::groupStatusText(const Group &group) const
{
    QList<const DeletionRun *> runs;
    for (const QPointer<DeletionRun> &run : group.runs) {
        if (run)
            runs.append(run.data());
    }
    if (runs.size() == 1 && group.earlier.isEmpty())
        return statusText(runs.constFirst());
    // The least advanced part says where the deletion is; at the end, the counts of all parts.
    const auto unfinished = std::find_if(runs.cbegin(), runs.cend(), [](const DeletionRun *run) {
        return run->state() != DeletionRun::State::Finished;
    });
    if (unfinished != runs.cend())
        return statusText(*unfinished);
    return DeletionResult::summaryText([&runs, &group](DeletionOutcome outcome) {
        int sum = int(std::count_if(group.earlier.cbegin(), group.earlier.cend(),
                                    [outcome](const DesktopResult &row) { return row.outcome == outcome; }));
        for (const DeletionRun *run : runs)
            sum += run->result().count(outcome);
        return sum;
    });
}

QString JobModel::deletionStatusText(const DeletionRun *run) const
{
    const int row = rowOfRun(run);
    return row >= 0 ? groupStatusText(m_groups.at(row)) : statusText(run);
}

void JobModel::onRunChanged(DeletionRun *run)
{
    const auto [row, part] = locate(run);
    if (row < 0)
        return;
    Group &group = m_groups[row];
    const QModelIndex parentIndex = index(row, 0);
    const int now = run->result().size();
    if (now > group.childCounts.at(part)) {
        int offset = 0;
        for (int before = 0; before < part; ++before)
            offset += group.childCounts.at(before);
        beginInsertRows(parentIndex, offset + group.childCounts.at(part), offset + now - 1);
        group.childCounts[part] = now;
        endInsertRows();
    }
    group.cachedPercent = -1;
    // A poll changes a run several times (progress, result, state): the views hear of it once.
    m_changedGroups.insert(row);
    if (!m_announceTimer.isActive())
        m_announceTimer.start();
}

namespace {
// What a desktop row shows that a poll can change: its outcome and its progress.
quint16 shownState(const DesktopResult &result)
{
    return quint16((int(result.outcome) << 8) | std::clamp(result.process, 0, 100));
}
} // namespace

void JobModel::announceChanges()
{
    m_announceTimer.stop();
    const QSet<int> changed = std::exchange(m_changedGroups, {});
    for (int row : changed) {
        if (row >= m_groups.size())
            continue;
        const QModelIndex parentIndex = index(row, 0);
        Q_EMIT dataChanged(parentIndex, index(row, ColumnCount - 1));
        // Only the desktop rows that changed: a view's cost grows with the announced range
        // (QTreeView walks it), and a poll moves one job's desktops, not the deletion's 10,000.
        Group &group = m_groups[row];
        int first = 0;
        int changedFrom = -1;
        auto announce = [&](int last) {
            if (changedFrom >= 0)
                Q_EMIT dataChanged(index(changedFrom, 0, parentIndex), index(last, ColumnCount - 1, parentIndex));
            changedFrom = -1;
        };
        group.shown.resize(group.childCount(), quint16(0xffff));
        for (int part = 0; part < group.runs.size(); ++part) {
            const DeletionRun *run = group.runs.at(part);
            const int count = group.childCounts.at(part);
            for (int i = 0; i < count; ++i) {
                const int childRow = first + i;
                const quint16 state = run && i < run->result().size()
                    ? shownState(run->result().rows().at(i))
                    : quint16(0xfffe);
                if (state != group.shown.at(childRow)) {
                    group.shown[childRow] = state;
                    if (changedFrom < 0)
                        changedFrom = childRow;
                } else {
                    announce(childRow - 1);
                }
            }
            first += count;
        }
        announce(first - 1);
    }
}

QModelIndex JobModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, column, kTopLevel) : QModelIndex();
    if (parent.internalId() != kTopLevel || parent.column() != 0 || parent.row() >= m_groups.size()
        || row >= m_groups.at(parent.row()).childCount())
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
        return int(m_groups.size());
    if (parent.internalId() != kTopLevel || parent.column() != 0 || parent.row() >= m_groups.size())
        return 0;
    return m_groups.at(parent.row()).childCount();
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
    // A view asks for many roles per cell: only these cost a look at the deletion's desktops.
    if (role != ProgressRole && role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const QList<DeletionRun *> runs = runsAt(row);
    if (runs.isEmpty())
        return {};
    const Group &group = m_groups.at(row);
    int desktops = int(group.earlier.size());
    QStringList jobs;
    const DeletionRun *failed = nullptr; // the first part whose request failed
    for (const DeletionRun *run : runs) {
        desktops += run->result().size();
        jobs += run->jobIds();
        if (!failed && run->postError().isError())
            failed = run;
    }
    // 10,000 desktops are summed once per change, not once per painted cell.
    if (group.cachedPercent < 0) {
        // Desktops of the record that no run follows: done when their outcome is final.
        qint64 weighted = 100 * std::count_if(group.earlier.cbegin(), group.earlier.cend(),
                                              [](const DesktopResult &row) { return row.isFinal(); });
        int weights = int(group.earlier.size());
        for (const DeletionRun *run : runs) {
            // Parts weigh by their desktops: 100 finished and 78 just started is not half done.
            const int weight = std::max(run->result().size(), 1);
            weighted += qint64(overallPercent(run)) * weight;
            weights += weight;
        }
        group.cachedPercent = int(weighted / std::max(weights, 1));
    }
    const int percent = group.cachedPercent;
    if (role == ProgressRole)
        return percent;
    switch (column) {
    case NameColumn: {
        // The submission's time (the date too when not today): a resumed deletion keeps its own.
        const QDateTime submitted = m_groups.at(row).submittedAt.toLocalTime();
        const QLocale locale;
        const QString when = submitted.date() == QDate::currentDate()
            ? locale.toString(submitted.time(), QLocale::ShortFormat)
            : locale.toString(submitted, QLocale::ShortFormat);
        // Where it was sent: a change across regions has a row per project.
        const DeletionContext &context = runs.first()->context();
        QString text = tr("Deletion of %Ln desktop(s)", nullptr, desktops) + QStringLiteral(" · ");
        if (!context.region.isEmpty())
            text += context.region + QStringLiteral(" · ");
        text += when;
        if (role == Qt::ToolTipRole && !context.projectId.isEmpty())
            text += QLatin1Char('\n') + tr("Project: %1").arg(context.projectId);
        if (role == Qt::ToolTipRole && !jobs.isEmpty())
            text += QLatin1Char('\n') + tr("Jobs: %1").arg(jobs.join(QLatin1String(", ")));
        return text;
    }
    case StatusColumn:
        return groupStatusText(m_groups.at(row));
    case ProgressColumn:
        return QStringLiteral("%1%").arg(percent);
    case ErrorCodeColumn:
        return failed ? QVariant(failed->postError().errorCode) : QVariant();
    case ReasonColumn:
        return failed ? QVariant(FailureExplanation::withExplanation(failed->postError().errorCode,
                                                                     failed->postError().summary()))
                      : QVariant();
    default:
        return {};
    }
}

QVariant JobModel::desktopData(int groupRow, int row, int column, int role) const
{
    const Group &group = m_groups.at(groupRow);
    const DesktopResult *found = nullptr;
    if (row >= group.runRowCount()) {
        // A desktop of the record that no resumed run holds.
        const int earlier = row - group.runRowCount();
        if (earlier >= group.earlier.size())
            return {};
        found = &group.earlier.at(earlier);
    } else {
        const DeletionRun *run = runFor(createIndex(row, 0, quintptr(groupRow) + 1));
        if (!run)
            return {};
        // The row within its run: the rows of the earlier parts come first.
        for (int part = 0; part < group.runs.size() && group.runs.at(part) != run; ++part)
            row -= group.childCounts.at(part);
        if (row < 0 || row >= run->result().size())
            return {};
        found = &run->result().rows().at(row);
    }
    const DesktopResult &result = *found;
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
            return result.reason; // the service's own words
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
        // The service's reasons are in English: a known code gets an explanation in the user's language.
        return FailureExplanation::withExplanation(result.errorCode, result.reason);
    default:
        return {};
    }
}
