#include "retirementsettlement.h"

#include "deletion/auditlog.h"
#include "deletion/recordsettlement.h"
#include "deletion/unknownoutcomes.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

using AuditRecord::text;

namespace {
const QString kStarted = QStringLiteral("retirement_started");

// What one step's records say of each desktop.
enum class StepState { Unsent, Done, Failed, Unknown };

struct StepRecord {
    RetirementRun::Step step;
    QStringList targetIds;
};

bool stepOfKind(RetirementRun::Mode mode, const QString& kind, RetirementRun::Step* step)
{
    for (RetirementRun::Step candidate : RetirementRun::stepsFor(mode, QStringLiteral("message"))) {
        if (RetirementRun::kindName(candidate) == kind) {
            *step = candidate;
            return true;
        }
    }
    return false;
}

// The run's desktops as its steps' records after `from` tell them.
void readSteps(RetirementSettlement::Interrupted& run, const QList<QJsonObject>& entries, int from)
{
    QHash<QString, int> indexById;
    for (int i = 0; i < run.desktops.size(); ++i)
        indexById.insert(run.desktops.at(i).target.id, i);
    QHash<QString, StepRecord> intents; // by the chunk key of a step's request
    QHash<int, QHash<int, StepState>> states; // desktop → step → state
    for (int e = from; e < entries.size(); ++e) {
        const QJsonObject& entry = entries.at(e);
        const QString event = text(entry, "event");
        if (event == QLatin1String("intent")) {
            RetirementRun::Step step;
            if (entry.value(QLatin1String("process_id")).toInteger() != run.processId
                || text(entry, "host") != run.host || text(entry, "project_id") != run.projectId
                || !stepOfKind(run.mode, text(entry, "kind"), &step))
                continue;
            QStringList ids;
            for (const QJsonValue& target : entry.value(QLatin1String("targets")).toArray())
                ids.append(text(target.toObject(), "id"));
            intents.insert(AuditRecord::chunkKey(entry), { step, ids });
            continue;
        }
        const auto intent = intents.constFind(AuditRecord::chunkKey(entry));
        if (intent == intents.cend())
            continue;
        StepState state = StepState::Unsent;
        if (event == QLatin1String("done"))
            state = StepState::Done;
        else if (event == QLatin1String("failed"))
            state = StepState::Failed;
        else if (event == QLatin1String("outcome_unknown"))
            state = StepState::Unknown;
        QSet<QString> refused;
        for (const QJsonValue& failure : entry.value(QLatin1String("failed_targets")).toArray())
            refused.insert(failure.toObject().value(QLatin1String("id")).toString());
        for (const QString& id : intent->targetIds) {
            const int index = indexById.value(id, -1);
            if (index >= 0)
                states[index][int(intent->step)] = refused.contains(id) ? StepState::Failed : state;
        }
    }
    // The steps in the order the run takes them: the first not done is where it stopped.
    const QList<RetirementRun::Step> steps = RetirementRun::stepsFor(run.mode, QStringLiteral("m"));
    for (int i = 0; i < run.desktops.size(); ++i) {
        RetirementRun::DesktopOutcome& desktop = run.desktops[i];
        const QHash<int, StepState> desktopStates = states.value(i);
        for (RetirementRun::Step step : steps) {
            const auto found = desktopStates.constFind(int(step));
            if (found == desktopStates.cend()) {
                if (step == RetirementRun::Step::LogOff)
                    continue; // a run without a message logs nobody off
                break;
            }
            if (*found == StepState::Done) {
                desktop.done.append(step);
                continue;
            }
            desktop.stopped = true;
            desktop.stoppedAt = step;
            desktop.outcome = *found == StepState::Unknown ? ChangeRun::Outcome::Unknown
                : *found == StepState::Failed              ? ChangeRun::Outcome::Failed
                                                           : ChangeRun::Outcome::NotSent;
            break;
        }
    }
}
} // namespace

QList<RetirementRun::DesktopOutcome> RetirementSettlement::Interrupted::halfWay() const
{
    QList<RetirementRun::DesktopOutcome> found;
    for (const RetirementRun::DesktopOutcome& desktop : desktops) {
        const bool maybeChanged = !desktop.done.isEmpty()
            || (desktop.stopped && desktop.outcome == ChangeRun::Outcome::Unknown);
        // Carried through once its last lasting step is done: stopped, or untagged.
        const bool complete = !desktop.stopped
            && (desktop.done.contains(mode == RetirementRun::Mode::Retire
                    ? RetirementRun::Step::Stop
                    : RetirementRun::Step::Untag));
        if (maybeChanged && !complete)
            found.append(desktop);
    }
    return found;
}

QList<RetirementSettlement::Interrupted> RetirementSettlement::interrupted(
    const QList<QJsonObject>& entries)
{
    QSet<QString> ended;
    for (const QJsonObject& entry : entries) {
        const QString event = text(entry, "event");
        if (event == QLatin1String("retirement_finished")
            || event == QLatin1String("retirement_settled"))
            ended.insert(text(entry, "run_id"));
    }
    QList<Interrupted> runs;
    for (int e = 0; e < entries.size(); ++e) {
        const QJsonObject& entry = entries.at(e);
        if (text(entry, "event") != kStarted || ended.contains(text(entry, "run_id")))
            continue;
        Interrupted run;
        run.runId = text(entry, "run_id");
        if (run.runId.isEmpty())
            continue;
        run.mode = text(entry, "kind") == RetirementRun::modeName(RetirementRun::Mode::Restore)
            ? RetirementRun::Mode::Restore
            : RetirementRun::Mode::Retire;
        run.projectId = text(entry, "project_id");
        run.startedAt = QDateTime::fromString(text(entry, "time"), Qt::ISODateWithMs);
        run.processId = entry.value(QLatin1String("process_id")).toInteger();
        run.host = text(entry, "host");
        QSet<QString> seen;
        for (const QJsonValue& value : entry.value(QLatin1String("targets")).toArray()) {
            const QJsonObject target = value.toObject();
            const QString id = text(target, "id");
            if (id.isEmpty() || seen.contains(id))
                continue;
            seen.insert(id);
            RetirementRun::DesktopOutcome desktop;
            desktop.target = { id, text(target, "name") };
            run.desktops.append(desktop);
        }
        readSteps(run, entries, e + 1);
        runs.append(run);
    }
    return runs;
}

QString RetirementSettlement::message(const Interrupted& run)
{
    const QList<RetirementRun::DesktopOutcome> halfWay = run.halfWay();
    const QString started = run.startedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    const bool restore = run.mode == RetirementRun::Mode::Restore;
    if (halfWay.isEmpty()) {
        return restore ? tr("A restore started %1 (UTC) ended with the app before it finished; its "
                            "records show no desktop changed.")
                             .arg(started)
                       : tr("A retirement started %1 (UTC) ended with the app before it finished; "
                            "its records show no desktop changed.")
                             .arg(started);
    }
    QStringList lines;
    lines.append(restore ? tr("A restore started %1 (UTC) ended with the app before it finished; "
                              "%Ln desktop(s) were left half-way:",
                     nullptr, int(halfWay.size()))
                               .arg(started)
                         : tr("A retirement started %1 (UTC) ended with the app before it "
                              "finished; %Ln desktop(s) were left half-way:",
                             nullptr, int(halfWay.size()))
                               .arg(started));
    for (const RetirementRun::DesktopOutcome& desktop : halfWay) {
        const QString name
            = desktop.target.name.isEmpty() ? desktop.target.id : desktop.target.name;
        lines.append(tr("%1: %2.", "desktop: what was done to it")
                         .arg(name, RetirementRun::stateTextOf(run.mode, desktop)));
    }
    return lines.join(QLatin1Char('\n'));
}

QStringList RetirementSettlement::settleAtStart(AuditLog& audit)
{
    QString error;
    const QList<QJsonObject> entries = AuditLog::readEntries(audit.filePath(), &error);
    QStringList messages;
    for (const Interrupted& run : interrupted(entries)) {
        if (RecordSettlement::isLiveProcess(run.processId, run.host))
            continue;
        QJsonArray halfWay;
        for (const RetirementRun::DesktopOutcome& desktop : run.halfWay())
            halfWay.append(QJsonObject { { QStringLiteral("id"), desktop.target.id },
                { QStringLiteral("state"), RetirementRun::stateTextOf(run.mode, desktop) } });
        const bool written = audit.append(QStringLiteral("retirement_settled"),
            { { QStringLiteral("kind"), RetirementRun::modeName(run.mode) },
                { QStringLiteral("run_id"), run.runId },
                { QStringLiteral("project_id"), run.projectId },
                { QStringLiteral("half_way"), halfWay } });
        messages.append(written ? message(run) : audit.lastError());
    }
    return messages;
}
