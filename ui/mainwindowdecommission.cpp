// What the window does to prepare a decommissioning: maintenance mode on and off and logging the
// users off, for the selected desktops. The DeletionController looks them up afresh and opens the
// confirmation of the review (ChangeActionDialog); a recorded ChangeRun carries the change out
// (audited, in requests of at most 100 ids), which Cancel stops. Delete Due Desktops looks for
// the retiring desktops that may go and opens the deletion dialog on them.
#include "mainwindow.h"

#include "changeactiondialog.h"
#include "deletioncontroller.h"
#include "desktopfilterproxy.h"
#include "desktoptablemodel.h"

#include "api/decommissionjson.h"
#include "deletion/changerun.h"
#include "review/duedeletionpreparation.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QMenu>
#include <QProgressDialog>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>

#include <algorithm>

void MainWindow::createDecommissionActions()
{
    auto makeAction = [this](const QString &text, const char *objectName, const QString &toolTip,
                             DecommissionAction action) {
        auto *qaction = new QAction(text, this);
        qaction->setObjectName(QLatin1String(objectName));
        qaction->setToolTip(toolTip);
        qaction->setStatusTip(toolTip);
        connect(qaction, &QAction::triggered, this, [this, action] { askForAction(action); });
        return qaction;
    };
    m_startMaintenanceAction = makeAction(tr("Start &Maintenance…"), "startMaintenanceAction",
                                          tr("Put the selected desktops in maintenance mode: their users can no "
                                             "longer log in"),
                                          DecommissionAction::StartMaintenance);
    m_endMaintenanceAction = makeAction(tr("E&nd Maintenance…"), "endMaintenanceAction",
                                        tr("Take the selected desktops out of maintenance mode"),
                                        DecommissionAction::EndMaintenance);
    m_logoffAction = makeAction(tr("&Log Users Off…"), "logoffAction",
                                tr("Log the users of the selected desktops off, with a message to them"),
                                DecommissionAction::LogOff);
    m_cancelChangeAction = new QAction(tr("&Cancel Running Change"), this);
    m_cancelChangeAction->setObjectName(QStringLiteral("cancelChangeAction"));
    m_cancelChangeAction->setStatusTip(tr("Send nothing more of the running change; the request already sent "
                                          "is let finish, so that its outcome is known"));
    m_cancelChangeAction->setEnabled(false);
    connect(m_cancelChangeAction, &QAction::triggered, this, [this] {
        if (m_deletion)
            m_deletion->cancelRunningChanges(); // the maintenance or log-off run too
        updateActions();
    });
    const QList<QAction *> actions{m_startMaintenanceAction, m_endMaintenanceAction, m_logoffAction,
                                   m_cancelChangeAction};
    m_desktopsMenu->insertActions(m_deleteAction, actions);
    m_desktopsMenu->insertSeparator(m_deleteAction);

    // Not of the selection: of every retiring desktop of the project. Beside Delete, since it
    // ends in the same confirmation.
    m_deleteDueAction = new QAction(tr("Delete D&ue Desktops…"), this);
    m_deleteDueAction->setObjectName(QStringLiteral("deleteDueAction"));
    m_deleteDueAction->setStatusTip(tr("Find the retiring desktops whose date has passed and that nobody used "
                                       "since their retirement, and review their deletion"));
    m_deleteDueAction->setToolTip(m_deleteDueAction->statusTip());
    m_deleteDueAction->setEnabled(false);
    connect(m_deleteDueAction, &QAction::triggered, this, [this] { m_deletion->requestDueDeletion(); });
    m_desktopsMenu->addAction(m_deleteDueAction);
}

void MainWindow::updateDecommissionActions(bool enabled)
{
    // One run at a time: its outcome and the refresh after it are what the next one starts from.
    const bool idle = !m_actionRun;
    for (QAction *action : {m_startMaintenanceAction, m_endMaintenanceAction, m_logoffAction})
        action->setEnabled(enabled && idle);
    m_cancelChangeAction->setEnabled(!idle || (m_deletion && m_deletion->activeRunCount() > 0));
    m_deleteDueAction->setEnabled(m_client != nullptr && m_stack->currentWidget() == m_tablePage);
}

void MainWindow::addDecommissionActions(QMenu *menu) const
{
    menu->addAction(m_startMaintenanceAction);
    menu->addAction(m_endMaintenanceAction);
    menu->addAction(m_logoffAction);
    menu->addAction(m_cancelChangeAction);
}

void MainWindow::askForAction(DecommissionAction action)
{
    const QStringList ids = selectedDesktopIds();
    if (ids.isEmpty() || m_actionRun || action == DecommissionAction::TurnAutoscaleOff)
        return;
    if (action != DecommissionAction::LogOff) {
        reviewAction(action, ids, QString());
        return;
    }
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("logoffMessageDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Log Users Off"));
    const QString question = tr("The message the users of %Ln desktop(s) see before they are logged off:", nullptr,
                                int(ids.size()));
    dialog->setOkButtonText(tr("Continue"));
    dialog->setAccessibleName(tr("Log-off message"));
    // What is left of the service's 255 characters, or why the message cannot be sent; Continue
    // only for a message the service takes.
    const auto check = [dialog, question](const QString &text) {
        const QString message = text.trimmed();
        const std::optional<QString> problem = DecommissionJson::logoffMessageProblem(message);
        dialog->setLabelText(question + QLatin1Char('\n')
                             + (problem ? *problem
                                        : tr("%Ln character(s) left.", nullptr,
                                             int(DecommissionJson::logoffMessageUnitsLeft(message)))));
        if (auto *buttons = dialog->findChild<QDialogButtonBox *>())
            if (QPushButton *ok = buttons->button(QDialogButtonBox::Ok))
                ok->setEnabled(!problem);
    };
    connect(dialog, &QInputDialog::textValueChanged, dialog, check);
    dialog->setTextValue(tr("This desktop is being retired. Please save your work and log off."));
    check(dialog->textValue());
    connect(dialog, &QInputDialog::textValueSelected, this, [this, ids](const QString &message) {
        if (!DecommissionJson::logoffMessageProblem(message.trimmed()))
            reviewAction(DecommissionAction::LogOff, ids, message.trimmed());
    });
    dialog->open();
}

void MainWindow::reviewAction(DecommissionAction action, const QStringList &ids, const QString &message)
{
    // Looked up afresh by id, as the CLI does: the confirmation shows the review, never the rows.
    m_deletion->requestChange(reviewedChangeOf(action), ids, message);
}

void MainWindow::followAction(ChangeRun *run)
{
    m_actionRun = run;
    const QString name = run->kind().displayName;
    statusBar()->showMessage(tr("%1: sending…").arg(name));
    connect(run, &ChangeRun::progress, this, [this, name](int done, int total) {
        statusBar()->showMessage(tr("%1: %2 of %3 desktops…").arg(name).arg(done).arg(total));
    });
    // The controller reports the outcome (statusMessage) and asks for the refresh.
    connect(run, &ChangeRun::finished, this, [this] {
        m_actionRun = nullptr;
        updateActions();
    });
    updateActions();
}

void MainWindow::showDueDeletionProgress(DueDeletionPreparation *preparation)
{
    auto *progress = new QProgressDialog(this);
    progress->setObjectName(QStringLiteral("dueDeletionProgress"));
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setWindowTitle(tr("Delete Due Desktops"));
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setMinimumDuration(0);
    progress->setRange(0, 0);
    const auto say = [progress](DueDeletionPreparation::Stage stage) {
        progress->setRange(0, 0);
        switch (stage) {
        case DueDeletionPreparation::Stage::ListingDesktops:
            progress->setLabelText(tr("Listing the project's desktops to find those retiring…"));
            break;
        case DueDeletionPreparation::Stage::ReadingLogIns:
            progress->setLabelText(tr("Reading the log-in records since the retirements…"));
            break;
        case DueDeletionPreparation::Stage::Reviewing:
            progress->setLabelText(tr("Looking the due desktops up for the deletion review…"));
            break;
        }
    };
    say(preparation->stage());
    connect(preparation, &DueDeletionPreparation::stageChanged, progress, say);
    connect(preparation, &DueDeletionPreparation::progress, progress, [progress](int done, int total) {
        if (total > 0) {
            progress->setRange(0, total);
            progress->setValue(std::min(done, total));
        }
    });
    // Cancel ends the search; nothing has been sent that changes anything.
    connect(progress, &QProgressDialog::canceled, preparation, &DueDeletionPreparation::cancel);
    connect(preparation, &DueDeletionPreparation::finished, progress, &QWidget::close);
    progress->open();
}
