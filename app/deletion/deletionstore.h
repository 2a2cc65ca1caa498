#pragma once

#include "deletion/auditlog.h"
#include "deletion/jobjournal.h"
#include "deletion/recordsettlement.h"

#include <QString>

#include <memory>

// The audit log and the job journal of one data directory, opened and settled the one way both front
// ends use: what the window and every CLI command that deletes, settles or forgets a job write to.
struct DeletionStore
{
    std::unique_ptr<AuditLog> audit;
    std::unique_ptr<JobJournal> journal;
    QString loadWarning; // the journal could not be read (kept aside), translated; empty if fine
    // What opening settled (intents without an outcome, unfollowable journal entries), as the
    // window settles them when it connects.
    SettlementReport settlement;

    // loadWarning and the settlement's messages, translated, one a line.
    QStringList notices() const;

    // Creates the directory when needed and settles the record. Nothing with a translated *error
    // when the directory cannot be made.
    static std::unique_ptr<DeletionStore> open(const QString &dataDir, QString *error);
    // The same, never nothing: a directory that cannot be made is named in loadWarning, and writes
    // to it fail (and refuse to send) later. What the window, which keeps running, opens.
    static std::unique_ptr<DeletionStore> openAnyway(const QString &dataDir);
};
