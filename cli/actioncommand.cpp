#include "actioncommand.h"

#include "api/apiclient.h"
#include "decommission/retirementrun.h"
#include "decommission/retirementsettlement.h"
#include "review/reviewedretirement.h"
#include "deletion/deletionstore.h"
#include "review/changepreparation.h"
#include "review/changereviewtext.h"
#include "desktopformatter.h"
#include "interruptwatcher.h"

ActionCommand::ActionCommand(ApiClient *client, Request request, ResolvedConnection connection,
                             QTextStream &out, QTextStream &err, QObject *parent)
    : CliCommand(client, out, err, parent)
    , m_request(std::move(request))
    , m_connection(std::move(connection))
{
    m_connection.credentials.clear(); // the client has its own copy
}

ActionCommand::~ActionCommand() = default;

void ActionCommand::start()
{
    m_store = openRecord(m_connection.dataDir);
    if (!m_store)
        return;
    if (m_request.retirement) {
        for (const QString &settled : RetirementSettlement::settleAtStart(m_store->audit()))
            err() << settled << Qt::endl;
    }
    m_interruptWatcher = new InterruptWatcher(this);
    connect(m_interruptWatcher, &InterruptWatcher::interrupted, this, &ActionCommand::onInterrupted);
    prepare();
}

void ActionCommand::prepare()
{
    err() << tr("Looking up %Ln desktop(s)…", nullptr, int(m_request.desktopIds.size())) << Qt::endl;
    ChangePreparation::Request request = ChangePreparation::requestFor(
        m_request.kind(),
        m_request.requestedIds.isEmpty() ? m_request.desktopIds : m_request.requestedIds, m_connection);
    request.audit = &m_store->audit();
    request.inFlight = &m_store->inFlight();
    request.choices.logoffMessage = m_request.message;
    request.choices.graceDays = m_request.graceDays;
    m_preparation = new ChangePreparation(client(), request, &m_store->journal(), this);
    connect(m_preparation, &ChangePreparation::retrying, this, &ActionCommand::reportRetry);
    connect(m_preparation, &ChangePreparation::finished, this, &ActionCommand::onPrepared);
    m_preparation->start();
}

void ActionCommand::onPrepared()
{
    m_preparation->deleteLater();
    if (m_interrupted)
        return; // already reported
    if (!m_preparation->succeeded()) {
        failWithApiError(tr("Looking up the desktops failed; nothing was sent."), m_preparation->error());
        return;
    }
    m_review = m_preparation->review();
    printReview();
    if (m_review.isRetirement()) {
        if (m_request.dryRun) {
            printPlan();
            return;
        }
        startRetirement();
        return;
    }
    m_run = new ChangeRun(client(), m_store, ChangePreparation::contextFor(m_connection), m_review.changeKind(),
                          m_review.actionTargets(), this);
    m_run->setDeadlineMs(m_request.timeoutMs);
    if (m_request.dryRun) {
        printPlan();
        return;
    }
    if (m_review.targetCount() == 0) {
        err() << tr("Nothing to send.") << Qt::endl;
        finish(m_review.leavesWorkUndone() ? ExitPartialFailure : ExitSuccess);
        return;
    }
    startRun();
}

void ActionCommand::printReview()
{
    // The review as the window's confirmation shows it, every name written out.
    for (const QString &line : ChangeReviewText::leftOutLines(m_review))
        err() << tr("Leaving out %1.").arg(line) << Qt::endl;
    const QString repeated = ChangeReviewText::repeatedText(m_review);
    if (!repeated.isEmpty())
        err() << repeated << Qt::endl;
    for (const QString &line : ChangeReviewText::warnings(m_review))
        err() << tr("Warning: %1").arg(line) << Qt::endl;
}

void ActionCommand::startRun()
{
    connect(m_run, &ChangeRun::progress, this, [this](int done, int total) {
        err() << tr("%1: %2 of %3 desktops answered.")
                     .arg(m_run->kind().displayName)
                     .arg(done)
                     .arg(total)
              << Qt::endl;
    });
    connect(m_run, &ChangeRun::targetsNotSent, this, [this](const QStringList &ids, const QString &reason) {
        err() << tr("Not sent (%1): %2").arg(reason, ids.join(QLatin1String(", "))) << Qt::endl;
    });
    connect(m_run, &ChangeRun::finished, this, &ActionCommand::onRunFinished);
    m_run->start();
}

void ActionCommand::onInterrupted()
{
    m_interrupted = true;
    if (m_retirement) {
        err() << tr("Interrupted: sending no more requests; the request already sent is allowed to finish.")
              << Qt::endl;
        m_retirement->cancel(); // finished() follows
        return;
    }
    if (m_run && !m_request.dryRun) {
        err() << tr("Interrupted: sending no more requests; the request already sent is allowed to finish.")
              << Qt::endl;
        m_run->cancel(); // finished() follows
        return;
    }
    if (m_preparation)
        m_preparation->cancel();
    err() << tr("Interrupted; nothing was sent.") << Qt::endl;
    finish(ExitPartialFailure);
}

void ActionCommand::printPlan()
{
    const QList<PlannedChangeRequest> planned = m_review.plannedRequests();
    err() << ChangeReviewText::dryRunSummary(m_review) << Qt::endl;
    for (const PlannedChangeRequest &request : planned) {
        out() << QString::fromLatin1(request.method) << ' ' << m_review.urlOf(request).toString() << '\n'
              << QString::fromUtf8(request.body) << '\n';
    }
    // A desktop already as asked (in maintenance, or not) needs nothing: that is no failure.
    finish(m_review.leavesWorkUndone() ? ExitPartialFailure : ExitSuccess);
}

void ActionCommand::onRunFinished()
{
    QList<QStringList> rows = outcomeRows(*m_run);
    for (const LeftOutDesktop &desktop : m_review.leftOut())
        rows.append({desktop.desktopId, desktop.desktopName, QStringLiteral("skipped"), QString(), QString(),
                     desktop.reasonText()});
    // Names beside the ids, and the reason last, where the table keeps it whole.
    out() << DesktopFormatter::alignedTable({QStringLiteral("DESKTOP_ID"), QStringLiteral("DESKTOP_NAME"),
                                             QStringLiteral("OUTCOME"), QStringLiteral("ERROR_CODE"),
                                             QStringLiteral("REQUEST_ID"), QStringLiteral("REASON")},
                                            rows);
    finishRun(m_run->summary(), exitCodeFor(*m_run));
}

void ActionCommand::finishRun(QString summary, int runCode)
{
    if (!m_review.leftOut().isEmpty())
        summary += QLatin1Char(' ') + tr("%Ln left out.", nullptr, int(m_review.leftOut().size()));
    err() << summary << Qt::endl;
    finish(runCode == ExitSuccess && m_review.leavesWorkUndone() ? ExitPartialFailure : runCode);
}

QList<QStringList> ActionCommand::outcomeRows(const ChangeRun &run)
{
    QList<QStringList> rows;
    for (const ChangeRun::TargetOutcome &outcome : run.targetOutcomes())
        rows.append({outcome.target.id, outcome.target.name, ChangeRun::outcomeName(outcome.outcome),
                     outcome.error.errorCode, outcome.requestId, outcome.reason});
    return rows;
}

QList<QStringList> ActionCommand::outcomeRows(const RetirementRun &run)
{
    QList<QStringList> rows;
    for (const RetirementRun::DesktopOutcome &outcome : run.outcomes()) {
        const QString name = outcome.stopped ? ChangeRun::outcomeName(outcome.outcome) : QStringLiteral("done");
        rows.append({outcome.target.id, outcome.target.name, name, run.stateText(outcome),
                     outcome.stopped ? RetirementRun::stepName(outcome.stoppedAt) + QLatin1String(": ") + outcome.reason
                                     : QString()});
    }
    return rows;
}

int ActionCommand::exitCodeFor(const ChangeRun &run)
{
    // As for delete: a refused or unanswered request is the API's; a request left unsent (Ctrl+C,
    // the audit log) leaves the work partly done.
    if (!run.targetIds(ChangeRun::Outcome::Failed).isEmpty() || !run.targetIds(ChangeRun::Outcome::Unknown).isEmpty())
        return ExitApiError;
    if (!run.allDone())
        return ExitPartialFailure;
    return ExitSuccess;
}

void ActionCommand::startRetirement()
{
    if (m_review.targetCount() == 0) {
        err() << tr("Nothing to send.") << Qt::endl;
        finish(m_review.leavesWorkUndone() ? ExitPartialFailure : ExitSuccess);
        return;
    }
    m_retirement = retirementRunFor(client(), m_store, ChangePreparation::contextFor(m_connection), m_review, this);
    m_retirement->setDeadlineMs(m_request.timeoutMs);
    connect(m_retirement, &RetirementRun::stepStarted, this, [this](int batch, RetirementRun::Step step) {
        err() << tr("Batch %1: %2…").arg(batch + 1).arg(RetirementRun::stepName(step)) << Qt::endl;
    });
    connect(m_retirement, &RetirementRun::finished, this, &ActionCommand::onRetirementFinished);
    m_retirement->start();
}

void ActionCommand::onRetirementFinished()
{
    QList<QStringList> rows = outcomeRows(*m_retirement);
    for (const LeftOutDesktop &desktop : m_review.leftOut())
        rows.append({desktop.desktopId, desktop.desktopName, QStringLiteral("skipped"), QString(), desktop.reasonText()});
    out() << DesktopFormatter::alignedTable({QStringLiteral("DESKTOP_ID"), QStringLiteral("DESKTOP_NAME"),
                                             QStringLiteral("OUTCOME"), QStringLiteral("STATE"),
                                             QStringLiteral("REASON")},
                                            rows);
    // Every desktop not carried through, with what was done to it: nobody is left unsure.
    for (const QString &line : m_retirement->unfinishedLines())
        err() << line << Qt::endl;
    finishRun(m_retirement->summary(), exitCodeFor(*m_retirement));
}

int ActionCommand::exitCodeFor(const RetirementRun &run)
{
    // As for one ChangeRun: a refusal or a lost answer is the API's; a step left unsent (Ctrl+C,
    // the deadline before sending) leaves the work partly done.
    bool notSent = false;
    for (const RetirementRun::DesktopOutcome &outcome : run.outcomes()) {
        if (!outcome.stopped)
            continue;
        if (outcome.outcome == ChangeRun::Outcome::Failed || outcome.outcome == ChangeRun::Outcome::Unknown)
            return ExitApiError;
        notSent = true;
    }
    return notSent ? ExitPartialFailure : ExitSuccess;
}
