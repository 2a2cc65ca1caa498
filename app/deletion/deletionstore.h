#pragma once

#include "deletion/auditlog.h"
#include "deletion/inflightregistry.h"
#include "deletion/jobjournal.h"
#include "deletion/recordsettlement.h"

#include <QString>

#include <memory>

// The record of one data directory: the audit log, the job journal and the registry of the
// deletions in flight, opened and settled the one way both front ends use. Every run, follower
// and preparation of that directory holds it through a shared pointer, so the log and the journal
// outlive everything that writes to them, whatever order their owners end in; there is no other
// owner and no global.
class DeletionStore
{
public:
    // The three parts for this directory, nothing read or written yet (see open()).
    explicit DeletionStore(const QString &dataDir);
    DeletionStore(const DeletionStore &) = delete;
    DeletionStore &operator=(const DeletionStore &) = delete;

    AuditLog &audit() const { return *m_audit; }
    JobJournal &journal() const { return *m_journal; }
    InFlightRegistry &inFlight() const { return *m_inFlight; }

    QString loadWarning; // the journal could not be read (kept aside), translated; empty if fine
    // What opening settled (intents without an outcome, unfollowable journal entries), as the
    // window settles them when it connects.
    SettlementReport settlement;

    // loadWarning and the settlement's messages, translated, one a line.
    QStringList notices() const;

    // Creates the directory when needed, loads the journal and settles the record. Nothing with a
    // translated *error when the directory cannot be made.
    static std::shared_ptr<DeletionStore> open(const QString &dataDir, QString *error);
    // The same, never nothing: a directory that cannot be made is named in loadWarning, and writes
    // to it fail (and refuse to send) later. What the window, which keeps running, opens.
    static std::shared_ptr<DeletionStore> openAnyway(const QString &dataDir);

private:
    const std::unique_ptr<AuditLog> m_audit;
    const std::unique_ptr<JobJournal> m_journal;
    const std::unique_ptr<InFlightRegistry> m_inFlight;
};

using DeletionStorePtr = std::shared_ptr<DeletionStore>;
