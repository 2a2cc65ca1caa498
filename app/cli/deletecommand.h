#pragma once

#include "clicommand.h"
#include "deleterequest.h"

// `delete`: with dryRun, prints every batch-delete request it would send and sends nothing.
// Real deletions go through the deletion engine (app/deletion) when this build has it.
class DeleteCommand : public CliCommand
{
    Q_OBJECT
public:
    DeleteCommand(ApiClient *client, DeleteRequest request, QTextStream &out, QTextStream &err,
                  QObject *parent = nullptr);

    void start() override;

    // True when this build can really delete (it has the deletion engine).
    static bool canDelete();

private:
    void printDryRun();
    void runDeletion();

    DeleteRequest m_request;
};
