#pragma once

#include "clicommand.h"
#include "deletion/changerun.h"
#include "deletion/deletionclassification.h"
#include "review/changereview.h"
#include "settings/connectionoptions.h"

#include <QPointer>
#include <QStringList>

#include <memory>
#include <optional>

class ChangePreparation;
class RetirementRun;
class InterruptWatcher;

// `maintenance on|off` and `logoff --message`: a thin face of the ChangeReview and the recorded
// ChangeRun, with the rules of `delete`: the ids from --ids or --ids-file, reviewed through the
// same ChangePreparation as the window (not found, already being deleted, in an unfinished job,
// outcome unknown, not in maintenance for `off`: reported and left out; connected users named),
// --dry-run prints the review and exactly the requests a real run would send, --yes sends them
// (requests of at most 100 desktops, each audited, none re-sent, nothing more after one that was
// not done; --timeout bounds the whole run). The profile's
// protected tags do not apply: these changes destroy nothing, and a protected desktop may need them
// most. The exit codes are delete's: 0 everything asked for was done (a dry run: would be sent), 1
// a desktop was left out or a request not sent (e.g. after Ctrl+C), 2 usage, 3 the look-up failed,
// the service refused a request or its answer was lost.
//
// `retire` and `restore` are the same face over a RetirementRun built from the review: the
// review leaves out what a retirement must not touch (protected, already retiring, billed
// yearly/monthly, no room for the tags, …), names the users logged off and the dates, and the dry
// run prints exactly the requests of every step and batch. A retirement the app ended half-way
// earlier is settled and named first.
class ActionCommand : public CliCommand
{
    Q_OBJECT
public:
    struct Request
    {
        DecommissionAction action = DecommissionAction::StartMaintenance;
        QStringList desktopIds;
        QStringList requestedIds; // as given, duplicates included, so that they can be reported
        QString message; // logoff; retire (empty: nobody is logged off)
        bool dryRun = false;
        int timeoutMs = 0; // the whole run's deadline; 0: none
        // retire or restore (instead of the action), and a retirement's grace period.
        std::optional<ReviewedChange> retirement;
        int graceDays = Retirement::kDefaultGraceDays;

        ReviewedChange kind() const { return retirement ? *retirement : reviewedChangeOf(action); }
    };

    ActionCommand(ApiClient *client, Request request, ResolvedConnection connection, QTextStream &out,
                  QTextStream &err, QObject *parent = nullptr);
    ~ActionCommand() override;

    void start() override;

    // The exit code a finished run of these requests earns (also `delete`'s when it turns autoscale
    // off first and a pool could not be stopped).
    static int exitCodeFor(const ChangeRun &run);
    static int exitCodeFor(const RetirementRun &run);
    // The rows of a finished run's outcome table (with --all-regions too, after the project's).
    static QList<QStringList> outcomeRows(const ChangeRun &run);
    static QList<QStringList> outcomeRows(const RetirementRun &run);

private:
    void prepare();
    void onPrepared();
    void printReview();
    void printPlan();
    void startRun();
    void onRunFinished();
    void startRetirement();
    void onRetirementFinished();
    // The run's summary with the desktops left out, and the exit code of the run and the review.
    void finishRun(QString summary, int runCode);
    void onInterrupted();

    Request m_request;
    ResolvedConnection m_connection;
    DeletionStorePtr m_store;
    InterruptWatcher *m_interruptWatcher = nullptr;
    bool m_interrupted = false;
    QPointer<ChangePreparation> m_preparation;
    ChangeReview m_review;
    QPointer<ChangeRun> m_run;
    QPointer<RetirementRun> m_retirement;
};
