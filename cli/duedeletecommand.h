#pragma once

#include "deletecommand.h"

#include <QPointer>

class DueDeletionPreparation;

// `retire --delete-due`: the deletion of the retiring desktops that are due, made to run from cron
// or a systemd timer. After the journal's jobs (as `delete`), DueDeletionPreparation finds the due
// desktops (listing, log-in records, judgement) and makes the one deletion review of them; the
// desktops past their date that are kept are named with their reasons, then the review goes on
// exactly as `delete`'s: the dry run's plan, or the recorded run with its jobs followed.
// Nothing due exits 0; log-in records or a listing that could not all be read raise a clean exit
// to 4 (no desktop whose use they had to show is deleted).
class DueDeleteCommand : public DeleteCommand {
    Q_OBJECT
public:
    DueDeleteCommand(ApiClient* client, DeleteRequest request, ResolvedConnection connection,
        Timing timing, QTextStream& out, QTextStream& err, QObject* parent = nullptr);
    ~DueDeleteCommand() override;

protected:
    void prepare() override;
    void cancelPreparation() override;
    void finish(int exitCode) override;

private:
    void onSearched();

    QPointer<DueDeletionPreparation> m_search;
    bool m_evidenceIncomplete = false;
};
