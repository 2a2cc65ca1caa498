#include "duedeletecommand.h"

#include "review/duedeletionpreparation.h"

DueDeleteCommand::DueDeleteCommand(ApiClient* client, DeleteRequest request,
    ResolvedConnection connection, Timing timing, QTextStream& out, QTextStream& err,
    QObject* parent)
    : DeleteCommand(client, std::move(request), std::move(connection), timing, out, err, parent)
{
}

DueDeleteCommand::~DueDeleteCommand() = default;

void DueDeleteCommand::prepare()
{
    err() << tr("Looking for the retiring desktops that are due…") << Qt::endl;
    DueDeletionPreparation::Request search;
    search.deletion = preparationRequest({});
    search.now = QDateTime::currentDateTimeUtc();
    // --timeout bounds the search; the deletion has its own from its start, as `delete`'s.
    if (timing().deadlineMs > 0)
        search.deadline = QDeadlineTimer(timing().deadlineMs);
    m_search = new DueDeletionPreparation(client(), search, &store()->journal(), this);
    connect(m_search, &DueDeletionPreparation::retrying, this, &DueDeleteCommand::reportRetry);
    connect(m_search, &DueDeletionPreparation::finished, this, &DueDeleteCommand::onSearched);
    m_search->start();
}

void DueDeleteCommand::cancelPreparation()
{
    if (m_search)
        m_search->cancel();
}

void DueDeleteCommand::onSearched()
{
    m_search->deleteLater();
    if (wasInterrupted())
        return; // already reported
    if (!m_search->succeeded()) {
        failWithApiError(
            tr("Looking for the due desktops failed; nothing was deleted."), m_search->error());
        return;
    }
    m_evidenceIncomplete = m_search->evidenceIncomplete() || !m_search->listingProblem().isEmpty();
    err() << m_search->summaryText() << Qt::endl;
    for (const QString& warning : m_search->warnings())
        err() << tr("Warning: %1").arg(warning) << Qt::endl;
    for (const DueDeletion::Judgement& judgement : m_search->keptPastTheirDate())
        err() << tr("Kept, although past its date: %1").arg(DueDeletion::keptLine(judgement))
              << Qt::endl;
    const ChangeReview& review = m_search->review();
    if (review.targetCount() == 0 && review.leftOut().isEmpty()) {
        err() << tr("Nothing is due for deletion.") << Qt::endl;
        finish(ExitSuccess);
        return;
    }
    reviewReady(review, m_search->poolsWarning(), m_search->poolsIncomplete(),
        m_search->usersListingWasIncomplete());
}

void DueDeleteCommand::finish(int exitCode)
{
    DeleteCommand::finish(
        exitCode == ExitSuccess && m_evidenceIncomplete ? int(ExitIncompleteListing) : exitCode);
}
