#include "duedeletionpreparation.h"

#include "api/apicalls.h"
#include "api/retirementcalls.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <limits>

namespace DueDeletion {

namespace {

    QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
    {
        return QCoreApplication::translate("DueDeletionPreparation", text, disambiguation, n);
    }

} // namespace

Candidate candidateOf(const Desktop& desktop)
{
    Candidate candidate;
    candidate.desktopId = desktop.id;
    candidate.name = desktop.computerName;
    candidate.sid = desktop.sid;
    candidate.retirement = Retirement::stateOf(desktop.tags);
    candidate.inMaintenanceMode = desktop.inMaintenanceMode;
    candidate.status = desktop.status;
    candidate.userConnected = desktop.isConnected();
    return candidate;
}

QList<Candidate> retiringCandidates(const QList<Desktop>& desktops)
{
    QList<Candidate> candidates;
    for (const Desktop& desktop : desktops) {
        if (desktop.isGone())
            continue;
        Candidate candidate = candidateOf(desktop);
        if (candidate.retirement.isRetiring())
            candidates.append(std::move(candidate));
    }
    return candidates;
}

QList<Candidate> needingEvidence(const QList<Candidate>& candidates, const QDate& todayUtc)
{
    // Judged as if the records showed nothing: whoever still goes needs them.
    const QList<Judgement> judgements = judge(candidates, LogInEvidence { true, {}, {} }, todayUtc);
    QList<Candidate> needing;
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        if (judgements.at(i).verdict == Verdict::Delete)
            needing.append(candidates.at(i));
    }
    return needing;
}

bool isKeptPastItsDate(Verdict verdict)
{
    return verdict != Verdict::Delete && verdict != Verdict::NotDueYet
        && verdict != Verdict::NotRetiring;
}

QString keptLine(const Judgement& judgement)
{
    const QString name = judgement.name.isEmpty() ? judgement.desktopId : judgement.name;
    return tr("%1 (%2): %3", "desktop name, desktop id, reason")
        .arg(name, judgement.desktopId, judgement.reason);
}

} // namespace DueDeletion

namespace {

bool sameRetirement(const Retirement::State& a, const Retirement::State& b)
{
    return a.kind == b.kind && a.retiredOn == b.retiredOn && a.retireAfter == b.retireAfter;
}

} // namespace

DueDeletionPreparation::DueDeletionPreparation(
    ApiClient* client, Request request, const JobJournal* journal, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_request(std::move(request))
    , m_journal(journal)
{
    m_request.deletion.kind = ReviewedChange::Delete;
    m_request.deletion.desktopIds.clear();
    if (!m_request.now.isValid())
        m_request.now = QDateTime::currentDateTimeUtc();
    m_request.now = m_request.now.toUTC();
}

DueDeletionPreparation::~DueDeletionPreparation() = default;

void DueDeletionPreparation::start()
{
    if (m_started)
        return;
    m_started = true;
    if (!m_client) {
        finish(ApiError::configuration(tr("Not connected.")));
        return;
    }
    enter(Stage::ListingDesktops);
    m_listing = new ListAllDesktopsCall(m_client, DesktopQuery {}, this);
    if (!m_request.deadline.isForever())
        m_listing->setDeadline(m_request.deadline);
    connect(m_listing, &ListAllDesktopsCall::progress, this, &DueDeletionPreparation::progress);
    connect(m_listing, &ListAllDesktopsCall::retrying, this, &DueDeletionPreparation::retrying);
    connect(m_listing, &ListAllDesktopsCall::pageLoaded, this,
        [this](const QList<Desktop>& desktops) {
            m_candidates.append(DueDeletion::retiringCandidates(desktops));
        });
    connect(m_listing, &ListAllDesktopsCall::finished, this, &DueDeletionPreparation::onListed);
    m_listing->start();
}

void DueDeletionPreparation::cancel()
{
    if (m_finished)
        return;
    // Each of them finishes with Cancelled, which finishes this preparation.
    if (m_listing && !m_listing->isFinished()) {
        m_listing->cancel();
        return;
    }
    if (m_records && !m_records->isFinished()) {
        m_records->cancel();
        return;
    }
    if (m_preparation && !m_preparation->isFinished()) {
        m_preparation->cancel();
        return;
    }
    finish(ApiError::cancelled());
}

void DueDeletionPreparation::enter(Stage stage)
{
    m_stage = stage;
    Q_EMIT stageChanged(stage);
}

bool DueDeletionPreparation::deadlinePassed()
{
    if (m_request.deadline.isForever() || !m_request.deadline.hasExpired())
        return false;
    ApiError error;
    error.kind = ApiError::Kind::Timeout;
    error.transportMessage
        = tr("The time allowed for finding the due desktops ran out; nothing was deleted.");
    finish(error);
    return true;
}

void DueDeletionPreparation::onListed()
{
    ListAllDesktopsCall* listing = m_listing;
    listing->deleteLater();
    if (m_finished)
        return;
    if (!listing->succeeded()) {
        finish(listing->error());
        return;
    }
    m_listingProblem = listing->incompletenessText();
    if (deadlinePassed())
        return;
    const QList<DueDeletion::Candidate> needing
        = DueDeletion::needingEvidence(m_candidates, m_request.now.date());
    if (needing.isEmpty()) {
        // Nobody could go whatever the records say: they are not read.
        m_evidence = DueDeletion::LogInEvidence { true, {}, {} };
        judgeAll();
        return;
    }
    readLogIns(DueDeletion::evidenceStart(needing));
}

void DueDeletionPreparation::readLogIns(const QDateTime& from)
{
    enter(Stage::ReadingLogIns);
    LoginRecordQuery query;
    query.startTime = from;
    // Sent to the minute: the end is the next whole minute, so that the last minute's log-ins
    // are in.
    const QDateTime now = m_request.now;
    query.endTime = now.addSecs(60 - now.time().second()).addMSecs(-now.time().msec());
    m_records = new ListAllLoginRecordsCall(m_client, query, this);
    if (!m_request.deadline.isForever())
        m_records->setDeadline(m_request.deadline);
    connect(m_records, &ListAllLoginRecordsCall::progress, this, &DueDeletionPreparation::progress);
    connect(m_records, &ListAllLoginRecordsCall::retrying, this, &DueDeletionPreparation::retrying);
    connect(
        m_records, &ListAllLoginRecordsCall::finished, this, &DueDeletionPreparation::onLogInsRead);
    m_records->start();
}

void DueDeletionPreparation::onLogInsRead()
{
    ListAllLoginRecordsCall* records = m_records;
    records->deleteLater();
    if (m_finished)
        return;
    if (records->error().kind == ApiError::Kind::Cancelled) {
        finish(ApiError::cancelled());
        return;
    }
    m_evidence = DueDeletion::evidenceFrom(*records);
    if (!m_evidence.complete)
        m_evidenceProblem = m_evidence.incompleteReason;
    judgeAll();
}

void DueDeletionPreparation::judgeAll()
{
    m_judgements = DueDeletion::judge(m_candidates, m_evidence, m_request.now.date());
    if (deadlinePassed())
        return;
    prepareDeletion();
}

QStringList DueDeletionPreparation::dueIds() const
{
    QStringList ids;
    for (const DueDeletion::Judgement& judgement : m_judgements) {
        if (judgement.verdict == DueDeletion::Verdict::Delete)
            ids.append(judgement.desktopId);
    }
    return ids;
}

void DueDeletionPreparation::prepareDeletion()
{
    const QStringList ids = dueIds();
    if (ids.isEmpty()) {
        ChangeReview::Facts facts;
        facts.kind = ReviewedChange::Delete;
        facts.apiBase = m_client ? m_client->urlFor(QString()) : QUrl();
        m_review = ChangeReview(facts, m_request.deletion.choices);
        finish({});
        return;
    }
    enter(Stage::Reviewing);
    ++m_rounds;
    ChangePreparation::Request request = m_request.deletion;
    request.desktopIds = ids;
    if (request.usersLookUpTimeoutMs <= 0 && !m_request.deadline.isForever())
        request.usersLookUpTimeoutMs = int(std::clamp<qint64>(
            m_request.deadline.remainingTime(), 1, std::numeric_limits<int>::max()));
    m_preparation = new ChangePreparation(m_client, request, m_journal, this);
    connect(m_preparation, &ChangePreparation::progress, this, &DueDeletionPreparation::progress);
    connect(m_preparation, &ChangePreparation::retrying, this, &DueDeletionPreparation::retrying);
    connect(m_preparation, &ChangePreparation::finished, this,
        &DueDeletionPreparation::onDeletionPrepared);
    m_preparation->start();
}

void DueDeletionPreparation::onDeletionPrepared()
{
    ChangePreparation* preparation = m_preparation;
    preparation->deleteLater();
    if (m_finished)
        return;
    if (!preparation->succeeded()) {
        finish(preparation->error());
        return;
    }
    // The review's look-up is fresher than the listing: a desktop that changed since is judged
    // again on what it shows now, with the same log-in records.
    QHash<QString, qsizetype> indexById;
    for (qsizetype i = 0; i < m_judgements.size(); ++i)
        indexById.insert(m_judgements.at(i).desktopId, i);
    bool changed = false;
    const QList<Desktop> found = preparation->found();
    for (const Desktop& desktop : found) {
        const qsizetype index = indexById.value(desktop.id, -1);
        if (index < 0 || m_judgements.at(index).verdict != DueDeletion::Verdict::Delete)
            continue;
        const DueDeletion::Candidate fresh = DueDeletion::candidateOf(desktop);
        DueDeletion::Judgement judgement
            = DueDeletion::judge({ fresh }, m_evidence, m_request.now.date()).constFirst();
        if (judgement.verdict == DueDeletion::Verdict::Delete
            && !sameRetirement(fresh.retirement, m_candidates.at(index).retirement)) {
            // The log-in records were read for the dates listed, not for these.
            judgement.verdict = DueDeletion::Verdict::UseUnknown;
            judgement.reason = tr("Its retirement tags changed while it was being reviewed; it is "
                                  "looked at again next time.");
        }
        if (judgement.verdict != DueDeletion::Verdict::Delete) {
            m_judgements[index] = judgement;
            changed = true;
        }
    }
    if (changed) {
        if (m_rounds >= kMaxReviewRounds) {
            finish(ApiError::configuration(
                tr("The retiring desktops kept changing while they were "
                   "being reviewed; nothing was deleted. Try again later.")));
            return;
        }
        if (deadlinePassed())
            return;
        prepareDeletion();
        return;
    }
    m_review = preparation->review();
    m_poolsWarning = preparation->poolsWarning();
    m_poolsIncomplete = preparation->poolsIncomplete();
    m_usersListingIncomplete = preparation->usersListingWasIncomplete();
    m_found = found;
    finish({});
}

QList<DueDeletion::Judgement> DueDeletionPreparation::keptPastTheirDate() const
{
    QList<DueDeletion::Judgement> kept;
    std::copy_if(m_judgements.cbegin(), m_judgements.cend(), std::back_inserter(kept),
        [](const DueDeletion::Judgement& judgement) {
            return DueDeletion::isKeptPastItsDate(judgement.verdict);
        });
    return kept;
}

int DueDeletionPreparation::notDueYetCount() const
{
    return int(std::count_if(
        m_judgements.cbegin(), m_judgements.cend(), [](const DueDeletion::Judgement& judgement) {
            return judgement.verdict == DueDeletion::Verdict::NotDueYet;
        }));
}

QString DueDeletionPreparation::summaryText() const
{
    const int retiring = retiringCount();
    if (retiring == 0)
        return tr("No desktop of the project is retiring.");
    return tr("%1: %2 due for deletion, %3 past their date but kept, %4 not due yet.",
        "%1: retiring desktops; %2, %3, %4: counts")
        .arg(tr("%Ln retiring desktop(s)", nullptr, retiring))
        .arg(dueIds().size())
        .arg(keptPastTheirDate().size())
        .arg(notDueYetCount());
}

QStringList DueDeletionPreparation::warnings() const
{
    QStringList lines;
    if (evidenceIncomplete())
        lines.append(tr("The log-in records could not all be read, so no desktop whose use they "
                        "had to show is deleted: %1")
                         .arg(m_evidenceProblem));
    if (!m_listingProblem.isEmpty())
        lines.append(tr("The desktop listing was not complete, so some retiring desktops may not "
                        "have been seen: %1")
                         .arg(m_listingProblem));
    return lines;
}

void DueDeletionPreparation::finish(const ApiError& error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    Q_EMIT finished();
}
