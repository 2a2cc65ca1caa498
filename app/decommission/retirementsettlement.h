#pragma once

#include "decommission/retirementrun.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

class AuditLog;

// Settles, at the start of either front end, a retirement or restore that the app ended before
// it finished, so that no desktop is left tagged but still running without anyone being told.
// A RetirementRun writes "retirement_started" before its first request and "retirement_finished"
// at its end; a started run with neither an end nor a settlement, whose process no longer runs, is
// read back from its steps' records (the intents of the same process and host after its start,
// for its desktops, and their outcomes, which RecordSettlement has settled first) and every
// desktop it left half-way is named with what was done to it. "retirement_settled" records it:
// settled stays settled.
class RetirementSettlement {
    Q_DECLARE_TR_FUNCTIONS(RetirementSettlement)
public:
    struct Interrupted {
        QString runId;
        RetirementRun::Mode mode = RetirementRun::Mode::Retire;
        QString projectId;
        QDateTime startedAt;
        qint64 processId = 0;
        QString host;
        // Every desktop of the run: the steps its records show done, and the step whose outcome
        // is unknown or failed, where there is one.
        QList<RetirementRun::DesktopOutcome> desktops;

        // Desktops with a step done, or one whose outcome is unknown, and not carried through.
        QList<RetirementRun::DesktopOutcome> halfWay() const;
    };

    // Pure: the runs of these entries (oldest first) that have started and neither finished nor
    // been settled.
    static QList<Interrupted> interrupted(const QList<QJsonObject>& entries);
    // Reads the log, settles every interrupted run not of a process still running, and returns
    // one translated message for each (its half-way desktops named, one a line).
    static QStringList settleAtStart(AuditLog& audit);
    static QString message(const Interrupted& run);
};
