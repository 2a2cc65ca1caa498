// Delete Due Desktops: the controller's search for the retiring desktops that may go, and the
// same deletion dialog on the review of the due ones.
#include "deletioncontroller.h"

#include "deletiondialog.h"
#include "keptdesktopssection.h"

#include "deletion/deletionstore.h"
#include "review/duedeletionpreparation.h"

#include <QMessageBox>

void DeletionController::requestDueDeletion()
{
    if (!m_client || !m_store)
        return;
    if (raiseIfOpen(m_dialog))
        return;
    if (m_duePreparation)
        return; // the search under way opens the dialog
    DueDeletionPreparation::Request request;
    request.deletion = ChangePreparation::requestFor(ReviewedChange::Delete, {}, m_connection);
    addRecordTo(request.deletion);
    request.now = QDateTime::currentDateTimeUtc();
    auto *preparation = new DueDeletionPreparation(m_client, request, &m_store->journal(), this);
    m_duePreparation = preparation;
    connect(preparation, &DueDeletionPreparation::finished, this,
            [this, preparation] { onDuePrepared(preparation); });
    Q_EMIT statusMessage(tr("Looking for the retiring desktops that are due…"));
    Q_EMIT dueDeletionStarted(preparation);
    preparation->start();
}

void DeletionController::onDuePrepared(DueDeletionPreparation *preparation)
{
    preparation->deleteLater();
    if (m_duePreparation == preparation)
        m_duePreparation.clear();
    if (!preparation->succeeded()) {
        if (!preparation->wasCancelled())
            Q_EMIT statusMessage(tr("Looking for the due desktops failed; nothing was deleted: %1")
                                     .arg(preparation->error().summary()));
        Q_EMIT preparationFinished(0);
        return;
    }
    refreshTableInSlices(preparation->found(), 16);
    Q_EMIT statusMessage(preparation->summaryText());
    const ChangeReview &review = preparation->review();
    if (review.targetCount() == 0) {
        showNothingDue(*preparation);
        Q_EMIT preparationFinished(0);
        return;
    }
    if (!preparation->poolsWarning().isEmpty())
        Q_EMIT statusMessage(preparation->poolsWarning());
    DeletionDialog *dialog = openDialog(review);
    auto *kept = new KeptDesktopsSection(dialog);
    kept->present(*preparation);
    dialog->addReviewSection(kept);
    Q_EMIT preparationFinished(review.targetCount());
}

void DeletionController::showNothingDue(const DueDeletionPreparation &preparation)
{
    QStringList lines;
    for (const DueDeletion::Judgement &judgement : preparation.keptPastTheirDate())
        lines.append(DueDeletion::keptLine(judgement));
    // Due, but left out by the deletion's own rules (protected, billed yearly/monthly, …).
    lines.append(DeletionClassifier::describe(preparation.review().leftOut()));
    QStringList text{preparation.summaryText(), tr("No desktop is deleted.")};
    text.append(preparation.warnings());
    auto *message = new QMessageBox(QMessageBox::Information, tr("Delete Due Desktops"),
                                    text.join(QLatin1String("\n\n")), QMessageBox::Close, m_window);
    message->setObjectName(QStringLiteral("nothingDueMessage"));
    message->setAttribute(Qt::WA_DeleteOnClose);
    if (!lines.isEmpty()) {
        message->setInformativeText(tr("%Ln desktop(s) past their date are kept; the details say why.", nullptr,
                                       int(lines.size())));
        message->setDetailedText(lines.join(QLatin1Char('\n')));
    }
    message->open();
    Q_EMIT dueDeletionMessageOpened(message);
}
