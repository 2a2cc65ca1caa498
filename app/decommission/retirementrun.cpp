#include "retirementrun.h"

#include "api/apiclient.h"
#include "api/decommissionjson.h"
#include "decommission/retirementstate.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QSysInfo>
#include <QUuid>

namespace {
// A tag set as one comparable text: desktops whose own tags are alike share a removal request.
QString tagSetKey(const QList<DesktopTag>& tags)
{
    QString key;
    for (const DesktopTag& tag : tags)
        key += tag.key + QLatin1Char('\n') + tag.value + QLatin1Char('\n');
    return key;
}
} // namespace

RetirementRun::RetirementRun(ApiClient* client, DeletionStorePtr store, DeletionContext context,
    Mode mode, QList<RetirementTarget> targets, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_store(std::move(store))
    , m_context(std::move(context))
    , m_mode(mode)
    , m_runId(QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_graceDays(Retirement::kDefaultGraceDays)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    // Each desktop once, in the order given.
    for (RetirementTarget& target : targets) {
        if (m_indexById.contains(target.id))
            continue;
        m_indexById.insert(target.id, int(m_targets.size()));
        DesktopOutcome outcome;
        outcome.target = { target.id, target.name };
        m_outcomes.append(outcome);
        m_targets.append(std::move(target));
    }
    for (int i = 0; i < m_targets.size(); ++i) {
        if (i % kMaxBatch == 0)
            m_batches.append(QList<int>());
        m_batches.last().append(i);
    }
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &RetirementRun::expire);
}

RetirementRun::~RetirementRun() = default; // a ChangeRun on the wire records its own outcome

QList<RetirementRun::Step> RetirementRun::stepsFor(Mode mode, const QString& message)
{
    if (mode == Mode::Restore)
        return { Step::MaintenanceOff, Step::Start, Step::Untag };
    if (message.trimmed().isEmpty())
        return { Step::MaintenanceOn, Step::Tag, Step::Stop };
    return { Step::MaintenanceOn, Step::LogOff, Step::Tag, Step::Stop };
}

QList<RetirementRun::Step> RetirementRun::steps() const
{
    return stepsFor(m_mode, m_message);
}

QList<DesktopTag> RetirementRun::retirementTags() const
{
    return Retirement::retirementTags(
        m_today.isValid() ? m_today : m_clock().toUTC().date(), m_graceDays);
}

QList<RetirementRun::StepRequest> RetirementRun::stepRequests(Step step,
    const QList<RetirementTarget>& going, const QString& message,
    const QList<DesktopTag>& retirementTags)
{
    if (going.isEmpty())
        return {};
    QList<ChangeTarget> targets;
    targets.reserve(going.size());
    for (const RetirementTarget& target : going)
        targets.append({ target.id, target.name });
    switch (step) {
    case Step::MaintenanceOn:
        return { { step, ChangeKinds::maintenance(true), targets } };
    case Step::LogOff:
        return { { step, ChangeKinds::logoff(message), targets } };
    case Step::Tag:
        return { { step, ChangeKinds::addTags(retirementTags), targets } };
    case Step::Stop:
        return { { step, ChangeKinds::power(PowerOperation::Stop), targets } };
    case Step::MaintenanceOff:
        return { { step, ChangeKinds::maintenance(false), targets } };
    case Step::Start:
        return { { step, ChangeKinds::power(PowerOperation::Start), targets } };
    case Step::Untag:
        break;
    }
    // One removal per distinct set of this tool's tags (see ChangeKinds::removeTags).
    QList<StepRequest> requests;
    QHash<QString, int> requestOfSet;
    for (const RetirementTarget& target : going) {
        const QList<DesktopTag> own = Retirement::ownTags(target.tags);
        if (own.isEmpty())
            continue;
        const QString key = tagSetKey(own);
        if (!requestOfSet.contains(key)) {
            requestOfSet.insert(key, int(requests.size()));
            requests.append({ step, ChangeKinds::removeTags(own), {} });
        }
        requests[requestOfSet.value(key)].targets.append({ target.id, target.name });
    }
    return requests;
}

QList<RetirementRun::StepRequest> RetirementRun::plannedRequests(Mode mode,
    const QList<RetirementTarget>& targets, const QString& message,
    const QList<DesktopTag>& retirementTags)
{
    QList<RetirementTarget> unique;
    QSet<QString> seen;
    for (const RetirementTarget& target : targets) {
        if (!seen.contains(target.id)) {
            seen.insert(target.id);
            unique.append(target);
        }
    }
    QList<StepRequest> planned;
    const QList<Step> steps = stepsFor(mode, message);
    for (qsizetype first = 0; first < unique.size(); first += kMaxBatch) {
        const QList<RetirementTarget> batch = unique.mid(first, kMaxBatch);
        for (Step step : steps)
            planned.append(stepRequests(step, batch, message, retirementTags));
    }
    return planned;
}

void RetirementRun::start()
{
    if (m_started)
        return;
    m_started = true;
    m_steps = steps();
    recordStart();
    if (m_deadlineMs > 0)
        m_deadline.start(m_deadlineMs);
    QTimer::singleShot(0, this, &RetirementRun::next);
}

void RetirementRun::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    if (m_current) {
        m_current->cancel(); // its finished() brings the rest
        return;
    }
    if (!m_started) {
        m_started = true;
        m_steps = steps();
        halt(tr("Cancelled before it was sent."));
        QTimer::singleShot(0, this, &RetirementRun::finish);
    }
}

void RetirementRun::expire()
{
    if (m_finished || m_expired)
        return;
    m_expired = true;
    if (m_current)
        m_current->expire(); // its finished() brings the rest
}

void RetirementRun::next()
{
    if (m_step < 0 && m_batch == 0)
        checkBeforeSending();
    while (!m_halted) {
        if (m_cancelled) {
            halt(tr("Cancelled before it was sent."));
            break;
        }
        if (m_expired) {
            halt(tr("Not sent: the deadline passed first."));
            break;
        }
        if (!m_parts.isEmpty()) {
            launch(m_parts.takeFirst());
            return;
        }
        if (++m_step >= m_steps.size()) {
            m_step = 0;
            ++m_batch;
        }
        if (m_batch >= m_batches.size())
            break;
        m_parts = partsFor(m_batch, m_steps.at(m_step));
    }
    finish();
}

void RetirementRun::checkBeforeSending()
{
    // What would stop the run half-way for every desktop is refused before anything is sent.
    if (m_mode != Mode::Retire)
        return;
    if (m_graceDays < 0 || m_graceDays > kMaxGraceDays) {
        halt(tr("Not sent: the grace period must be 0 to %1 days.").arg(kMaxGraceDays));
        return;
    }
    if (m_steps.contains(Step::LogOff)) {
        if (const std::optional<QString> problem
            = DecommissionJson::logoffMessageProblem(m_message))
            halt(tr("Not sent: %1").arg(*problem));
    }
}

QList<RetirementRun::Part> RetirementRun::partsFor(int batch, Step step)
{
    QList<RetirementTarget> going;
    for (int index : m_batches.at(batch)) {
        if (m_outcomes.at(index).stopped)
            continue;
        going.append(m_targets.at(index));
        // A restore's desktop without this tool's tags has none to remove: that step is done.
        if (step == Step::Untag && Retirement::ownTags(m_targets.at(index).tags).isEmpty())
            m_outcomes[index].done.append(step);
    }
    return stepRequests(step, going, m_message, retirementTags());
}

void RetirementRun::launch(const Part& part)
{
    auto* run = new ChangeRun(m_client, m_store, m_context, part.kind, part.targets, this);
    m_current = run;
    const Step step = part.step;
    connect(
        run, &ChangeRun::requestSent, this, [this, run] { m_sentKinds.append(run->kind().name); });
    connect(
        run, &ChangeRun::finished, this, [this, run, step] { onPartFinished(run, step); },
        Qt::SingleShotConnection);
    Q_EMIT stepStarted(m_batch, step);
    run->start();
}

void RetirementRun::onPartFinished(ChangeRun* run, Step step)
{
    m_current = nullptr;
    run->deleteLater();
    for (const ChangeRun::TargetOutcome& target : run->targetOutcomes()) {
        const int index = m_indexById.value(target.target.id, -1);
        if (index < 0)
            continue;
        if (target.outcome == ChangeRun::Outcome::Done)
            m_outcomes[index].done.append(step);
        else
            stopDesktop(index, step, target.outcome, target.reason);
    }
    bool requestNotDone = false;
    for (const ChangeRun::Request& request : run->requests())
        requestNotDone = requestNotDone || request.outcome != ChangeRun::Outcome::Done;
    if (run->isCancelled() || m_cancelled)
        halt(tr("Cancelled before it was sent."));
    else if (run->hasExpired() || m_expired)
        halt(tr("Not sent: the deadline passed first."));
    else if (requestNotDone)
        halt(tr("Not sent: an earlier step was not done (%1), so nothing more of this run is sent.")
                 .arg(run->summary()));
    next();
}

void RetirementRun::stopDesktop(
    int index, Step step, ChangeRun::Outcome outcome, const QString& reason)
{
    DesktopOutcome& desktop = m_outcomes[index];
    if (desktop.stopped)
        return;
    desktop.stopped = true;
    desktop.stoppedAt = step;
    desktop.outcome = outcome;
    desktop.reason = reason;
}

void RetirementRun::halt(const QString& reason)
{
    if (m_halted)
        return;
    m_halted = true;
    // Every desktop not carried through and not stopped yet stops at its next step, not sent,
    // and the audit log says so as a ChangeRun says it for its own targets.
    QList<QPair<Step, QStringList>> notSent;
    for (int index = 0; index < m_outcomes.size(); ++index) {
        const DesktopOutcome& desktop = m_outcomes.at(index);
        if (desktop.stopped || isComplete(desktop))
            continue;
        const Step step = m_steps.value(desktop.done.size(), Step::MaintenanceOn);
        stopDesktop(index, step, ChangeRun::Outcome::NotSent, reason);
        if (notSent.isEmpty() || notSent.last().first != step)
            notSent.append({ step, {} });
        notSent.last().second.append(desktop.target.id);
    }
    m_parts.clear();
    for (const auto& [step, ids] : std::as_const(notSent)) {
        if (m_store)
            m_store->audit().appendNotSent(
                { kindName(step), m_runId, -1, m_context.projectId, ids }, reason);
    }
}

void RetirementRun::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadline.stop();
    recordFinish();
    Q_EMIT finished();
}

void RetirementRun::recordStart()
{
    if (!m_store || m_outcomes.isEmpty())
        return;
    QJsonArray targets;
    for (const DesktopOutcome& outcome : std::as_const(m_outcomes))
        targets.append(QJsonObject { { QStringLiteral("id"), outcome.target.id },
            { QStringLiteral("name"), outcome.target.name } });
    // Its steps' intents carry the same process and host, which ties them to this run.
    m_startRecorded = m_store->audit().append(QStringLiteral("retirement_started"),
        { { QStringLiteral("kind"), modeName(m_mode) }, { QStringLiteral("run_id"), m_runId },
            { QStringLiteral("project_id"), m_context.projectId },
            { QStringLiteral("targets"), targets },
            { QStringLiteral("process_id"), QCoreApplication::applicationPid() },
            { QStringLiteral("host"), QSysInfo::machineHostName() } });
}

void RetirementRun::recordFinish()
{
    if (!m_store || !m_startRecorded)
        return;
    QJsonArray unfinished;
    for (const DesktopOutcome& outcome : std::as_const(m_outcomes)) {
        if (!isComplete(outcome))
            unfinished.append(QJsonObject { { QStringLiteral("id"), outcome.target.id },
                { QStringLiteral("state"), stateText(outcome) } });
    }
    m_store->audit().append(QStringLiteral("retirement_finished"),
        { { QStringLiteral("kind"), modeName(m_mode) }, { QStringLiteral("run_id"), m_runId },
            { QStringLiteral("project_id"), m_context.projectId },
            { QStringLiteral("completed"), int(completedIds().size()) },
            { QStringLiteral("unfinished"), unfinished } });
}

QString RetirementRun::modeName(Mode mode)
{
    return mode == Mode::Restore ? QStringLiteral("restore") : QStringLiteral("retire");
}

bool RetirementRun::isComplete(const DesktopOutcome& outcome) const
{
    return !outcome.stopped && !m_steps.isEmpty() && outcome.done.size() == m_steps.size();
}

QStringList RetirementRun::completedIds() const
{
    QStringList ids;
    for (const DesktopOutcome& outcome : m_outcomes) {
        if (isComplete(outcome))
            ids.append(outcome.target.id);
    }
    return ids;
}

QStringList RetirementRun::halfWayIds() const
{
    QStringList ids;
    for (const DesktopOutcome& outcome : m_outcomes) {
        // A step whose outcome is unknown may have been carried out.
        const bool maybeChanged = !outcome.done.isEmpty()
            || (outcome.stopped && outcome.outcome == ChangeRun::Outcome::Unknown);
        if (maybeChanged && !isComplete(outcome))
            ids.append(outcome.target.id);
    }
    return ids;
}

QString RetirementRun::stateTextOf(Mode mode, const DesktopOutcome& outcome)
{
    // The lasting effects only (a log-off leaves nothing behind), each done, not done, or maybe
    // done when its step's outcome is unknown.
    const auto effect = [&outcome](Step step) {
        if (outcome.done.contains(step))
            return 2;
        return outcome.stopped && outcome.stoppedAt == step
                && outcome.outcome == ChangeRun::Outcome::Unknown
            ? 1
            : 0;
    };
    if (mode == Mode::Retire) {
        const int maintenance = effect(Step::MaintenanceOn);
        const int tagged = effect(Step::Tag);
        const int stopped = effect(Step::Stop);
        if (stopped == 2)
            return tr("retired: in maintenance, tagged and stopped");
        if (stopped == 1)
            return tr("in maintenance and tagged, maybe stopped");
        if (tagged == 2)
            return tr("in maintenance and tagged, not stopped");
        if (tagged == 1)
            return tr("in maintenance, maybe tagged, not stopped");
        if (maintenance == 2)
            return tr("in maintenance, not tagged, not stopped");
        if (maintenance == 1)
            return tr("maybe in maintenance, not tagged, not stopped");
        return tr("not changed");
    }
    const int outOfMaintenance = effect(Step::MaintenanceOff);
    const int started = effect(Step::Start);
    const int untagged = effect(Step::Untag);
    if (untagged == 2)
        return tr("restored: out of maintenance, started and untagged");
    if (untagged == 1)
        return tr("out of maintenance and started, maybe still tagged as retiring");
    if (started == 2)
        return tr("out of maintenance and started, still tagged as retiring");
    if (started == 1)
        return tr("out of maintenance, maybe started, still tagged as retiring");
    if (outOfMaintenance == 2)
        return tr("out of maintenance, not started, still tagged as retiring");
    if (outOfMaintenance == 1)
        return tr("maybe out of maintenance, not started, still tagged as retiring");
    return tr("not changed: still retiring");
}

QStringList RetirementRun::unfinishedLines() const
{
    QStringList lines;
    for (const DesktopOutcome& outcome : m_outcomes) {
        if (isComplete(outcome))
            continue;
        const QString name
            = outcome.target.name.isEmpty() ? outcome.target.id : outcome.target.name;
        if (!outcome.stopped) {
            lines.append(tr("%1: %2.").arg(name, stateText(outcome)));
            continue;
        }
        QString what;
        switch (outcome.outcome) {
        case ChangeRun::Outcome::Failed:
            what = tr("%1 failed").arg(stepName(outcome.stoppedAt));
            break;
        case ChangeRun::Outcome::Unknown:
            what = tr("%1: outcome unknown, it may or may not have been done")
                       .arg(stepName(outcome.stoppedAt));
            break;
        default:
            what = tr("%1 not sent").arg(stepName(outcome.stoppedAt));
            break;
        }
        lines.append(tr("%1: %2. %3: %4").arg(name, stateText(outcome), what, outcome.reason));
    }
    return lines;
}

QString RetirementRun::summary() const
{
    const int all = int(m_outcomes.size());
    const int completed = int(completedIds().size());
    const int halfWay = int(halfWayIds().size());
    // The plural follows the whole: "1 of 3 desktops retired".
    const QString text = m_mode == Mode::Retire
        ? tr("%1 of %n desktop(s) retired, %2 left half-way, %3 not changed.", nullptr, all)
        : tr("%1 of %n desktop(s) restored, %2 left half-way, %3 not changed.", nullptr, all);
    return text.arg(completed).arg(halfWay).arg(all - completed - halfWay);
}

QString RetirementRun::kindName(Step step)
{
    switch (step) {
    case Step::MaintenanceOn:
        return QStringLiteral("maintenance_on");
    case Step::LogOff:
        return QStringLiteral("logoff");
    case Step::Tag:
        return QStringLiteral("tags_add");
    case Step::Stop:
        return QStringLiteral("power_stop");
    case Step::MaintenanceOff:
        return QStringLiteral("maintenance_off");
    case Step::Start:
        return QStringLiteral("power_start");
    case Step::Untag:
        return QStringLiteral("tags_remove");
    }
    return {};
}

QString RetirementRun::stepName(Step step)
{
    switch (step) {
    case Step::MaintenanceOn:
        return tr("Maintenance on");
    case Step::LogOff:
        return tr("Log-off");
    case Step::Tag:
        return tr("Tagging");
    case Step::Stop:
        return tr("Stop");
    case Step::MaintenanceOff:
        return tr("Maintenance off");
    case Step::Start:
        return tr("Start");
    case Step::Untag:
        return tr("Removing the tags");
    }
    return {};
}
