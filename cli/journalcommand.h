#pragma once

#include "clicommand.h"

#include <QString>

class DeletionStore;

// `journal`: lists the unfinished jobs of the journal (every project of the data directory).
// `journal forget JOB_ID --yes`: removes one entry, for a job the administrator has settled by
// other means; the audit log records who forgot what (`journal_forgotten`). Needs no connection.
class JournalCommand : public CliCommand
{
    Q_OBJECT
public:
    struct Options
    {
        QString dataDir;
        QString forgetJobId; // empty: list
        bool confirmed = false;
    };

    JournalCommand(Options options, QTextStream &out, QTextStream &err, QObject *parent = nullptr);

    void start() override;

private:
    void list(const DeletionStore &store);
    void forget(DeletionStore &store);

    Options m_options;
};
