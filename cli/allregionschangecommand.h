#pragma once

#include "api/accountprojects.h"
#include "clicommand.h"
#include "clicommandspec.h"
#include "deletion/deletionstore.h"
#include "desktopformatter.h"
#include "review/changereview.h"
#include "settings/connectionoptions.h"

#include <QPointer>
#include <QStringList>

#include <memory>

class AccountJournalFollower;
class ListAuthProjectsCall;
class InterruptWatcher;
class MultiProjectChange;

// `delete`, `maintenance on|off` and `logoff` with --all-regions: the ids (which may belong to
// any Workspace project of the account) are found in the account's projects (IAM's list, as
// `list --all-regions` uses it), after a deletion has followed every project's unfinished jobs
// of the journal to their end, as `delete` does in its one project, and changed through MultiProjectChange: one review and one
// recorded run per project, each request sent to its own project and endpoint. An id found in two
// projects is ambiguous and left out, as is one found nowhere. The review is printed grouped by
// project ("120 desktops in cn-north-4, 35 in ap-southeast-3"); --dry-run prints every planned
// request (each with its project's URL); --yes sends them project after project, and after a
// project whose run did not end with every request done nothing more is sent anywhere. --timeout
// is one deadline for the whole change. The outcome is printed a desktop a row with its region and
// project (--format table, csv or json: keys `region` and `project_id`). A project that could not
// be looked up is named with its error, and then nothing is sent. Exit codes as the commands'
// own: 0 done, 1 left out or not sent, 3 a look-up, a request or a job failed or is unknown, 4 the
// pools of the desktops could not all be found.
class AllRegionsChangeCommand : public CliCommand {
    Q_OBJECT
public:
    struct Options {
        ReviewedChange kind = ReviewedChange::Delete;
        QStringList requestedIds; // as given, repeats included
        ChangeReview::Choices choices;
        bool dryRun = false;
        int timeoutMs = 0; // the whole change's deadline and the look-ups' bound; 0: none
        int pollIntervalMs = 0; // deletion: the jobs' first poll interval; 0: the default
        DesktopFormatter::Format format = DesktopFormatter::Format::Table;
    };

    AllRegionsChangeCommand(AccountAccess access, ResolvedConnection connection, Options options,
        QTextStream& out, QTextStream& err, QObject* parent = nullptr);
    ~AllRegionsChangeCommand() override;

    void start() override;

    // The invocation of `delete`, `maintenance` or `logoff` given --all-regions (whose own check
    // has filled `options`): it reaches the whole account, and needs the region whose IAM lists
    // the account's projects. --format is read here; nothing, with *usageError, when it is unknown.
    static std::optional<CliInvocation> invocation(
        Options options, const CliCommandLine& line, QString* usageError);
    // For those commands without --all-regions: --format belongs to --all-regions.
    static bool refusesFormatWithoutAllRegions(const CliCommandLine& line, QString* usageError);

private:
    void onProjectsListed(ListAuthProjectsCall* call);
    // A deletion first follows every project's unfinished jobs and unknown requests of the
    // journal to their end (AccountJournalFollower, bounded by --timeout), then reviews.
    void followJournal(const QList<WorkspaceProject>& projects);
    void prepare(const QList<WorkspaceProject>& projects);
    void onPrepared();
    void printReview();
    void printPlan();
    void startRun();
    void followRuns();
    void onFinished();
    void onInterrupted();
    QString where(int part) const; // "cn-north-4 (project …)"
    QList<QStringList> outcomeRows() const;
    int exitCodeForRun() const;
    bool isDeletion() const { return m_options.kind == ReviewedChange::Delete; }

    AccountAccess m_access;
    ResolvedConnection m_connection;
    Options m_options;
    DeletionStorePtr m_store;
    std::unique_ptr<ApiClient> m_iam;
    InterruptWatcher* m_interruptWatcher = nullptr;
    bool m_interrupted = false;
    QPointer<AccountJournalFollower> m_follower;
    QPointer<MultiProjectChange> m_change;
    int m_impactExitCode = 0; // a deletion whose users' look-up failed
};
