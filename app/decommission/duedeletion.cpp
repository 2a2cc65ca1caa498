#include "duedeletion.h"

#include "api/retirementcalls.h"

#include <QTimeZone>

namespace DueDeletion {

namespace {

    QString tr(const char* text)
    {
        return QCoreApplication::translate("DueDeletion", text);
    }

    bool recordBelongsTo(const LoginRecord& record, const Candidate& candidate)
    {
        if (!record.sid.isEmpty() && !candidate.sid.isEmpty())
            return record.sid == candidate.sid;
        return !record.computerName.isEmpty()
            && record.computerName.compare(candidate.name, Qt::CaseInsensitive) == 0;
    }

    // The latest log-in since `from`; a record without a readable start is taken as one (unknown is
    // never unused).
    std::optional<QDateTime> logInSince(
        const QList<LoginRecord>& records, const Candidate& candidate, const QDateTime& from)
    {
        std::optional<QDateTime> latest;
        for (const LoginRecord& record : records) {
            if (!recordBelongsTo(record, candidate))
                continue;
            if (record.connectionStart.isValid() && record.connectionStart < from)
                continue;
            if (!latest || (record.connectionStart.isValid() && record.connectionStart > *latest))
                latest = record.connectionStart;
        }
        return latest;
    }

    Judgement judgeOne(
        const Candidate& candidate, const LogInEvidence& evidence, const QDate& todayUtc)
    {
        Judgement judgement { candidate.desktopId, candidate.name, Verdict::Delete, {}, {} };
        const auto refuse = [&judgement](Verdict verdict, const QString& reason) {
            judgement.verdict = verdict;
            judgement.reason = reason;
            return judgement;
        };
        switch (candidate.retirement.kind) {
        case Retirement::State::Kind::NotRetiring:
            return refuse(
                Verdict::NotRetiring, tr("It is not retiring: it has no retirement date."));
        case Retirement::State::Kind::DateUnreadable:
            return refuse(Verdict::DateUnreadable,
                tr("Its retirement date cannot be read (not one YYYY-MM-DD date); it is never "
                   "deleted "
                   "until the date is corrected or the desktop is restored."));
        case Retirement::State::Kind::Retiring:
            break;
        }
        if (!candidate.retirement.isDue(todayUtc))
            return refuse(Verdict::NotDueYet,
                tr("It is not due until %1.")
                    .arg(Retirement::dayText(candidate.retirement.retireAfter)));
        if (!candidate.inMaintenanceMode)
            return refuse(Verdict::NotInMaintenance,
                tr("It was taken out of maintenance mode, so somebody may be using it again."));
        if (candidate.status != QLatin1String("SHUTOFF"))
            return refuse(Verdict::NotStopped,
                tr("It is not stopped (status %1), so somebody may have started it again.")
                    .arg(candidate.status));
        if (candidate.userConnected)
            return refuse(Verdict::UserConnected, tr("A user is connected to it."));
        if (!evidence.complete)
            return refuse(Verdict::UseUnknown,
                tr("Whether it was used since its retirement is unknown: %1")
                    .arg(evidence.incompleteReason));
        const std::optional<QDateTime> used
            = logInSince(evidence.records, candidate, useCountsFrom(candidate.retirement));
        if (used) {
            judgement.lastLogIn = *used;
            return refuse(Verdict::LoggedInSinceRetirement,
                used->isValid()
                    ? tr("A user logged in on %1, after it was retired.")
                          .arg(used->toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")))
                    : tr("A log-in record since its retirement has no readable time."));
        }
        return judgement;
    }

} // namespace

QDateTime useCountsFrom(const Retirement::State& retirement)
{
    if (retirement.retiredOn.isValid())
        return QDateTime(retirement.retiredOn.addDays(1), QTime(0, 0), QTimeZone::utc());
    const QDate since = retirement.evidenceSince();
    return since.isValid() ? QDateTime(since, QTime(0, 0), QTimeZone::utc()) : QDateTime();
}

QDateTime evidenceStart(const QList<Candidate>& candidates)
{
    QDateTime earliest;
    for (const Candidate& candidate : candidates) {
        if (candidate.retirement.kind != Retirement::State::Kind::Retiring)
            continue;
        const QDate since = candidate.retirement.evidenceSince();
        const QDateTime start(since, QTime(0, 0), QTimeZone::utc());
        if (!earliest.isValid() || start < earliest)
            earliest = start;
    }
    return earliest;
}

LogInEvidence evidenceFrom(const ListAllLoginRecordsCall& listing)
{
    LogInEvidence evidence;
    evidence.records = listing.records();
    evidence.complete = listing.isComplete();
    if (!listing.isFinished())
        evidence.incompleteReason = tr("the log-in records were not read to the end.");
    else if (!listing.succeeded())
        evidence.incompleteReason = listing.error().summary();
    else if (!evidence.complete)
        evidence.incompleteReason = listing.incompletenessText();
    return evidence;
}

QList<Judgement> judge(
    const QList<Candidate>& candidates, const LogInEvidence& evidence, const QDate& todayUtc)
{
    QList<Judgement> judgements;
    judgements.reserve(candidates.size());
    for (const Candidate& candidate : candidates)
        judgements.append(judgeOne(candidate, evidence, todayUtc));
    return judgements;
}

} // namespace DueDeletion
