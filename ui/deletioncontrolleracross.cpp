// DeletionController's changes across the projects of an account (a table of every region): the
// review and the runs are MultiProjectChange's, the confirmation one dialog for all projects.
#include "deletioncontroller.h"

#include "changeactiondialog.h"
#include "deletiondialog.h"
#include "desktoptablemodel.h"

#include "decommission/deletionafterautoscaleoff.h"
#include "decommission/retirementrun.h"
#include "review/changereviewtext.h"

void DeletionController::requestAcrossProjects(ReviewedChange kind,
    const QList<ProjectDesktopId>& desktops, const QList<WorkspaceProject>& projects,
    const AccountAccess& access, const QString& logoffMessage)
{
    MultiProjectChange::Request request;
    request.kind = kind;
    request.desktops = desktops;
    request.choices.logoffMessage = logoffMessage;
    prepareAcrossProjects(request, projects, access, false);
}

void DeletionController::prepareAcrossProjects(MultiProjectChange::Request request,
    const QList<WorkspaceProject>& projects, const AccountAccess& access, bool retry)
{
    const auto refuse = [this, retry] {
        Q_EMIT preparationFinished(0);
        if (retry)
            Q_EMIT retryLookUpFinished(0);
    };
    if (request.kind == ReviewedChange::Delete && raiseIfOpen(m_dialog)) {
        if (retry)
            Q_EMIT retryLookUpFinished(0);
        return;
    }
    if (!m_store) {
        Q_EMIT statusMessage(tr("Nothing was sent."));
        refuse();
        return;
    }
    if (request.kind == ReviewedChange::Delete)
        request.protectedTags = m_connection.protectedTags;
    auto* change
        = new MultiProjectChange(access, projects, m_store, deletionContext(), request, this);
    connect(change, &MultiProjectChange::prepared, this,
        [this, change, retry] { onPreparedAcrossProjects(change, retry); });
    change->prepare();
}

void DeletionController::requestSelectionAcrossProjects(ReviewedChange kind, const QList<ProjectDesktop> &selection,
                                                        const QString &logoffMessage)
{
    const std::optional<AccountAccess> access = m_accountProvider ? m_accountProvider() : std::nullopt;
    if (!access || selection.isEmpty())
        return;
    // The rows name their projects: nothing needs to be found first.
    QList<ProjectDesktopId> desktops;
    QList<WorkspaceProject> projects;
    QSet<QString> seen;
    for (const ProjectDesktop &desktop : selection) {
        desktops.append({desktop.project.id, desktop.desktopId});
        if (!seen.contains(desktop.project.id)) {
            seen.insert(desktop.project.id);
            projects.append(desktop.project);
        }
    }
    requestAcrossProjects(kind, desktops, projects, *access, logoffMessage);
}

void DeletionController::onPreparedAcrossProjects(MultiProjectChange* change, bool retry)
{
    const auto done = [this, retry](int offered) {
        Q_EMIT preparationFinished(offered);
        if (retry)
            Q_EMIT retryLookUpFinished(offered);
    };
    const QStringList failures = change->lookUpFailures();
    if (!failures.isEmpty() || change->targetCount() == 0) {
        // Nothing may be sent when a project's desktops could not be reviewed.
        Q_EMIT statusMessage(!failures.isEmpty()
                ? tr("Nothing was sent: %1").arg(failures.join(QLatin1Char(' ')))
                : tr("None of the selected desktops can be changed: %1")
                      .arg(ChangeReviewText::leftOutTally(change->combinedReview())));
        change->deleteLater();
        done(0);
        return;
    }
    const ChangeReview combined = change->combinedReview();
    if (combined.isDeletion()) {
        if (m_dialog)
            m_dialog->reject();
        auto* dialog = new DeletionDialog(combined, m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setAcrossProjects(change);
        // A user name is a project's own: each project's users' desktops are looked up there.
        connect(dialog, &DeletionDialog::usersDesktopsNeeded, change,
            &MultiProjectChange::lookUpUsersDesktops);
        connect(dialog, &QDialog::rejected, change, &QObject::deleteLater);
        connect(dialog, &DeletionDialog::deletionConfirmed, this,
            [this, change] { runAcrossProjects(change); });
        m_dialog = dialog;
        dialog->open();
        Q_EMIT dialogOpened(dialog);
    } else {
        if (m_actionDialog)
            m_actionDialog->reject();
        auto* dialog = new ChangeActionDialog(combined, m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setAcrossProjects(change);
        connect(dialog, &QDialog::rejected, change, &QObject::deleteLater);
        connect(dialog, &ChangeActionDialog::confirmed, this,
            [this, change] { runAcrossProjects(change); });
        m_actionDialog = dialog;
        dialog->open();
        Q_EMIT actionDialogOpened(dialog);
    }
    done(change->targetCount());
}

void DeletionController::runAcrossProjects(MultiProjectChange* change)
{
    if (!change->canRun()) {
        Q_EMIT statusMessage(tr("Nothing was sent: %1").arg(change->planningProblem()));
        change->deleteLater();
        return;
    }
    m_acrossProjects.removeAll(nullptr);
    m_acrossProjects.append(change);
    // Each project's run is shown and reported as the window's own runs are, one after another.
    connect(change, &MultiProjectChange::changeRunReady, this,
        [this](int, ChangeRun* run) { followAction(run); });
    connect(change, &MultiProjectChange::retirementRunReady, this,
            [this](int, RetirementRun *run) { followRetirement(run); });
    connect(change, &MultiProjectChange::deletionReady, this,
        [this](int, DeletionAfterAutoscaleOff* deletion) {
            followAutoscale(deletion);
            connect(deletion, &DeletionAfterAutoscaleOff::notDeleted, this,
                &DeletionController::statusMessage);
        });
    connect(change, &MultiProjectChange::deletionRunReady, this, [this](int, DeletionRun* run) {
        run->setParent(this);
        addRun(run);
    });
    connect(change, &MultiProjectChange::partNotSent, this,
        [this, change](int part, const QString& reason) {
            Q_EMIT statusMessage(
                tr("%1: nothing sent: %2").arg(change->parts().at(size_t(part))->label(), reason));
        });
    connect(change, &MultiProjectChange::finished, change, &QObject::deleteLater);
    change->run();
}
