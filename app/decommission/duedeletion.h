#pragma once

#include "api/retirementjson.h"
#include "decommission/retirementstate.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

class ListAllLoginRecordsCall;

// Which retiring desktops may be deleted now. A desktop is deleted only when every sign says
// nobody wants it back: its date has passed, it still carries the retire-after tag, it is still in
// maintenance, it is stopped, nobody is connected, and the log-in records show no log-in since it
// was retired. Evidence that is not complete makes the use unknown, and unknown is never unused.
// The rules that hold for every deletion (protected, yearly/monthly, already being deleted) are
// the deletion review's, applied after this one.
namespace DueDeletion {
Q_NAMESPACE

// What is known of one retiring desktop from the listing.
struct Candidate {
    QString desktopId;
    QString name; // computer_name
    QString sid; // joins the log-in records, which carry no desktop id
    Retirement::State retirement;
    bool inMaintenanceMode = false;
    QString status; // SHUTOFF when stopped
    bool userConnected = false;
};

// The log-in records of the period since the earliest retirement among the candidates.
struct LogInEvidence {
    bool complete = false;
    QString incompleteReason; // why not, with the service's status and code where there was one
    QList<LoginRecord> records;
};

enum class Verdict {
    Delete,
    NotRetiring,
    DateUnreadable,
    NotDueYet,
    NotInMaintenance,
    NotStopped,
    UserConnected,
    LoggedInSinceRetirement,
    UseUnknown,
};
Q_ENUM_NS(Verdict)

struct Judgement {
    QString desktopId;
    QString name;
    Verdict verdict = Verdict::UseUnknown;
    QString reason; // translated, for every verdict but Delete
    QDateTime lastLogIn; // for LoggedInSinceRetirement
};

// The first moment a log-in counts as use: the day after the retired-on day (the retirement day's
// own sessions may precede the retirement, which logs them off), else the evidence window's start.
QDateTime useCountsFrom(const Retirement::State& retirement);
// Where the log-in records must start to cover every candidate (invalid when none is retiring).
QDateTime evidenceStart(const QList<Candidate>& candidates);

// The evidence a finished listing of log-in records gives: complete only when the listing is.
LogInEvidence evidenceFrom(const ListAllLoginRecordsCall& listing);

QList<Judgement> judge(
    const QList<Candidate>& candidates, const LogInEvidence& evidence, const QDate& todayUtc);

} // namespace DueDeletion
