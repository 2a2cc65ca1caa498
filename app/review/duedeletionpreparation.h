#pragma once

#include "api/apierror.h"
#include "api/workspacetypes.h"
#include "decommission/duedeletion.h"
#include "review/changepreparation.h"
#include "review/changereview.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QPointer>

class ApiClient;
class JobJournal;
class ListAllDesktopsCall;
class ListAllLoginRecordsCall;

namespace DueDeletion {

// What the listing says of one desktop, for the judgement.
Candidate candidateOf(const Desktop& desktop);
// The listed desktops that carry this tool's retirement tags, in the order listed; gone ones
// (status DELETED) are not candidates.
QList<Candidate> retiringCandidates(const QList<Desktop>& desktops);
// The candidates that every sign but the log-in records lets go: only they need the records.
QList<Candidate> needingEvidence(const QList<Candidate>& candidates, const QDate& todayUtc);
// Whether a verdict is for a desktop whose date has passed (or cannot be read) and is kept: what
// both front ends list with the reason.
bool isKeptPastItsDate(Verdict verdict);
// "name (id): reason", for the lists of both front ends.
QString keptLine(const Judgement& judgement);

} // namespace DueDeletion

// From the project's retiring desktops to the one deletion review of those that are due, for the
// window's Delete Due Desktops and the CLI's `retire --delete-due` alike:
// 1. lists the project's desktops and keeps those carrying the retirement tags (the listing's tag
//    filter takes a key with one value only, and the value is a date, so it cannot ask for all);
// 2. reads the log-in records from the earliest retirement among those that may go (none when
//    none may);
// 3. judges every retiring desktop (DueDeletion::judge);
// 4. hands the due ones to ChangePreparation as a deletion, so that protected, yearly/monthly,
//    in-flight and already-being-deleted desktops are left out by the deletion review's own rules;
// 5. judges the desktops again on the review's fresh look-up with the same evidence: one taken out
//    of maintenance, started, connected to or re-tagged since the listing is kept, and the review
//    is made again without it (a few rounds at most).
// Incomplete log-in records keep every desktop they were needed for ("use unknown"); an
// incomplete desktop listing keeps nothing it saw from going, but is reported. Everything is
// bounded by the request's deadline. finished() is emitted exactly once.
class DueDeletionPreparation : public QObject {
    Q_OBJECT
public:
    // Reviews made again at most this often when the desktops change under the review.
    static constexpr int kMaxReviewRounds = 3;

    enum class Stage { ListingDesktops, ReadingLogIns, Reviewing };
    Q_ENUM(Stage)

    struct Request {
        // The deletion's project, protected tags, record, choices and known pools; its desktop ids
        // are this preparation's to fill.
        ChangePreparation::Request deletion;
        QDateTime now; // UTC: the end of the log-in records, and today's date
        QDeadlineTimer deadline = QDeadlineTimer::Forever;
    };

    // journal may be null.
    DueDeletionPreparation(
        ApiClient* client, Request request, const JobJournal* journal, QObject* parent = nullptr);
    ~DueDeletionPreparation() override;

    void start();
    // finished() follows (at once, or once a look-up on the wire has ended).
    void cancel();

    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_finished && !m_error.isError(); }
    bool wasCancelled() const { return m_error.kind == ApiError::Kind::Cancelled; }
    const ApiError& error() const { return m_error; }
    Stage stage() const { return m_stage; }
    const Request& request() const { return m_request; }

    // Every retiring desktop's judgement, in the order listed (after the fresh look-up, its
    // verdict there).
    const QList<DueDeletion::Judgement>& judgements() const { return m_judgements; }
    // Past their date (or with an unreadable date) and not deleted, each with its reason.
    QList<DueDeletion::Judgement> keptPastTheirDate() const;
    int retiringCount() const { return int(m_judgements.size()); }
    int notDueYetCount() const;
    // The ids handed to the deletion review.
    QStringList dueIds() const;

    // The deletion review of the due desktops; without due desktops, an empty deletion review.
    const ChangeReview& review() const { return m_review; }
    // As ChangePreparation's, for the due desktops (empty and false when none was due).
    const QString& poolsWarning() const { return m_poolsWarning; }
    bool poolsIncomplete() const { return m_poolsIncomplete; }
    bool usersListingWasIncomplete() const { return m_usersListingIncomplete; }
    const QList<Desktop>& found() const { return m_found; }

    // The desktop listing did not add up: some retiring desktops may not have been seen.
    const QString& listingProblem() const { return m_listingProblem; }
    // The log-in records could not be read completely (an error, a timeout, an answer that did
    // not add up): every desktop they were needed for is kept as "use unknown".
    bool evidenceIncomplete() const { return !m_evidenceProblem.isEmpty(); }
    const QString& evidenceProblem() const { return m_evidenceProblem; }

    // One translated sentence: how many retiring desktops, how many due, kept and waiting.
    QString summaryText() const;
    // What the front ends warn of, translated: incomplete log-in records, an incomplete listing.
    QStringList warnings() const;

Q_SIGNALS:
    void stageChanged(DueDeletionPreparation::Stage stage);
    // Within the stage; total -1 while unknown.
    void progress(int done, int total);
    void retrying(int nextAttempt, int delayMs, const ApiError& error);
    void finished();

private:
    void enter(Stage stage);
    void onListed();
    void readLogIns(const QDateTime& from);
    void onLogInsRead();
    void judgeAll();
    void prepareDeletion();
    void onDeletionPrepared();
    void finish(const ApiError& error);
    bool deadlinePassed();

    QPointer<ApiClient> m_client;
    Request m_request;
    const JobJournal* m_journal;
    Stage m_stage = Stage::ListingDesktops;
    QPointer<ListAllDesktopsCall> m_listing;
    QPointer<ListAllLoginRecordsCall> m_records;
    QPointer<ChangePreparation> m_preparation;
    QList<DueDeletion::Candidate> m_candidates; // the listing's retiring desktops, page by page
    DueDeletion::LogInEvidence m_evidence;
    QList<DueDeletion::Judgement> m_judgements;
    int m_rounds = 0;
    ChangeReview m_review;
    QString m_poolsWarning;
    bool m_poolsIncomplete = false;
    bool m_usersListingIncomplete = false;
    QList<Desktop> m_found;
    QString m_listingProblem;
    QString m_evidenceProblem;
    ApiError m_error;
    bool m_started = false;
    bool m_finished = false;
};
