// The actions that prepare a decommissioning: maintenance mode on and off, logging the users off,
// and retiring and restoring, for the selected desktops. The DeletionController looks them up afresh and opens the
// confirmation of the review (ChangeActionDialog); a recorded ChangeRun carries the change out
// (audited, in requests of at most 100 ids), which Cancel stops.
#include "decommissionactions.h"

#include "appicons.h"
#include "deletioncontroller.h"
#include "desktopfilterproxy.h"
#include "desktopspage.h"
#include "desktoptablemodel.h"
#include "mainwindowtext.h"

#include "api/decommissionjson.h"
#include "decommission/retirementrun.h"
#include "deletion/changerun.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

DecommissionActions::DecommissionActions(DesktopsPage *page, QStatusBar *statusBar, QWidget *window)
    : QObject(window)
    , m_page(page)
    , m_statusBar(statusBar)
    , m_window(window)
{
    auto makeAction = [this](const QString &text, const char *objectName, const QString &toolTip,
                             auto onTriggered) {
        auto *qaction = new QAction(text, this);
        qaction->setObjectName(QLatin1String(objectName));
        qaction->setToolTip(toolTip);
        qaction->setStatusTip(toolTip);
        connect(qaction, &QAction::triggered, this, onTriggered);
        return qaction;
    };
    m_startMaintenanceAction = makeAction(MainWindowText::tr("Start &Maintenance…"), "startMaintenanceAction",
                                          MainWindowText::tr("Put the selected desktops in maintenance mode: their "
                                                             "users can no longer log in"),
                                          [this] { askForAction(DecommissionAction::StartMaintenance); });
    m_endMaintenanceTip = MainWindowText::tr("Take the selected desktops out of maintenance mode");
    m_endMaintenanceAction = makeAction(MainWindowText::tr("E&nd Maintenance…"), "endMaintenanceAction",
                                        m_endMaintenanceTip,
                                        [this] { askForAction(DecommissionAction::EndMaintenance); });
    m_logoffAction = makeAction(MainWindowText::tr("&Log Users Off…"), "logoffAction",
                                MainWindowText::tr("Log the users of the selected desktops off, with a message to "
                                                   "them"),
                                [this] { askForAction(DecommissionAction::LogOff); });
    m_retireAction = makeAction(MainWindowText::tr("&Retire Desktops…"), "retireAction",
                                MainWindowText::tr("Retire the selected desktops: maintenance mode on, users logged "
                                                   "off, tagged with the day they may be deleted, and stopped"),
                                [this] { askForRetirement(false); });
    m_restoreTip = MainWindowText::tr("Bring retiring desktops back: maintenance mode off, started, "
                                      "the retirement tags removed");
    m_restoreAction = makeAction(MainWindowText::tr("Rest&ore Retiring Desktops…"), "restoreAction", m_restoreTip,
                                 [this] { askForRetirement(true); });
    m_cancelChangeAction = new QAction(MainWindowText::tr("&Cancel Running Change"), this);
    m_cancelChangeAction->setObjectName(QStringLiteral("cancelChangeAction"));
    m_cancelChangeAction->setStatusTip(MainWindowText::tr("Send nothing more of the running change; the request "
                                                          "already sent is let finish, so that its outcome is known"));
    m_cancelChangeAction->setEnabled(false);
    connect(m_cancelChangeAction, &QAction::triggered, this, [this] {
        if (m_controller)
            m_controller->cancelRunningChanges(); // the maintenance or log-off run too
        Q_EMIT stateChanged();
    });
    // The preparation of a decommissioning from the keyboard; log-off and retirement with Shift,
    // since they interrupt the users.
    m_startMaintenanceAction->setShortcut(QKeySequence(MainWindowText::tr("Ctrl+M")));
    m_endMaintenanceAction->setShortcut(QKeySequence(MainWindowText::tr("Ctrl+Shift+M")));
    m_logoffAction->setShortcut(QKeySequence(MainWindowText::tr("Ctrl+Shift+L")));
    m_retireAction->setShortcut(QKeySequence(MainWindowText::tr("Ctrl+Shift+R")));
    m_restoreAction->setShortcut(QKeySequence(MainWindowText::tr("Ctrl+Shift+O")));
}

void DecommissionActions::setController(DeletionController *controller)
{
    m_controller = controller;
}

QList<QAction *> DecommissionActions::actions() const
{
    return {m_startMaintenanceAction, m_endMaintenanceAction, m_logoffAction,
            m_retireAction,           m_restoreAction,        m_cancelChangeAction};
}

void DecommissionActions::applyIcons()
{
    m_startMaintenanceAction->setIcon(AppIcons::icon(QStringLiteral("maintenance-start")));
    m_endMaintenanceAction->setIcon(AppIcons::icon(QStringLiteral("maintenance-end")));
    m_logoffAction->setIcon(AppIcons::icon(QStringLiteral("logoff"), QStringLiteral("system-log-out")));
}

void DecommissionActions::update(bool enabled)
{
    // One run at a time: its outcome and the refresh after it are what the next one starts from.
    const bool idle = !m_actionRun && !m_retirementRun;
    for (QAction *action : {m_startMaintenanceAction, m_logoffAction, m_retireAction})
        action->setEnabled(enabled && idle);
    // The review of a change that applies to none of the selected desktops would leave every one
    // of them out: such a change is not offered, and its tool tip says why.
    const DesktopFilterProxy::SelectionCounts &selection = m_page->selectionCounts();
    offerIfApplicable(m_endMaintenanceAction, enabled && idle, selection.inMaintenance > 0, m_endMaintenanceTip,
                      MainWindowText::tr("None of the selected desktops is in maintenance mode."));
    offerIfApplicable(m_restoreAction, enabled && idle, selection.retiring > 0, m_restoreTip,
                      MainWindowText::tr("None of the selected desktops is retiring: only retiring desktops can "
                                         "be restored."));
    m_cancelChangeAction->setEnabled(!idle || (m_controller && m_controller->activeRunCount() > 0));
}

void DecommissionActions::offerIfApplicable(QAction *action, bool enabled, bool applies, const QString &toolTip,
                                            const QString &whyNot)
{
    action->setEnabled(enabled && applies);
    const QString tip = enabled && !applies ? whyNot : toolTip;
    action->setToolTip(tip);
    action->setStatusTip(tip);
}

void DecommissionActions::addTo(QMenu *menu) const
{
    menu->addAction(m_startMaintenanceAction);
    menu->addAction(m_endMaintenanceAction);
    menu->addAction(m_logoffAction);
    menu->addAction(m_retireAction);
    menu->addAction(m_restoreAction);
    menu->addAction(m_cancelChangeAction);
}

void DecommissionActions::askForAction(DecommissionAction action)
{
    const QStringList ids = m_page->selectedDesktopIds();
    if (ids.isEmpty() || m_actionRun || m_retirementRun || action == DecommissionAction::TurnAutoscaleOff)
        return;
    if (action != DecommissionAction::LogOff) {
        reviewAction(action, ids, QString());
        return;
    }
    auto *dialog = new QInputDialog(m_window);
    dialog->setObjectName(QStringLiteral("logoffMessageDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(MainWindowText::tr("Log Users Off"));
    const QString question = MainWindowText::tr("The message the users of %Ln desktop(s) see before they are logged off:", nullptr,
                                int(ids.size()));
    dialog->setOkButtonText(MainWindowText::tr("Continue"));
    dialog->setAccessibleName(MainWindowText::tr("Log-off message"));
    // What is left of the service's 255 characters, or why the message cannot be sent; Continue
    // only for a message the service takes.
    const auto check = [dialog, question](const QString &text) {
        const QString message = text.trimmed();
        const std::optional<QString> problem = DecommissionJson::logoffMessageProblem(message);
        dialog->setLabelText(question + QLatin1Char('\n')
                             + (problem ? *problem
                                        : MainWindowText::tr("%Ln character(s) left.", nullptr,
                                             int(DecommissionJson::logoffMessageUnitsLeft(message)))));
        if (auto *buttons = dialog->findChild<QDialogButtonBox *>())
            if (QPushButton *ok = buttons->button(QDialogButtonBox::Ok))
                ok->setEnabled(!problem);
    };
    connect(dialog, &QInputDialog::textValueChanged, dialog, check);
    dialog->setTextValue(MainWindowText::tr("This desktop is being retired. Please save your work and log off."));
    check(dialog->textValue());
    connect(dialog, &QInputDialog::textValueSelected, this, [this, ids](const QString &message) {
        if (!DecommissionJson::logoffMessageProblem(message.trimmed()))
            reviewAction(DecommissionAction::LogOff, ids, message.trimmed());
    });
    dialog->open();
}

void DecommissionActions::reviewAction(DecommissionAction action, const QStringList &ids, const QString &message)
{
    // Looked up afresh by id, as the CLI does: the confirmation shows the review, never the rows.
    if (m_controller && m_controller->isAcrossProjects())
        m_controller->requestSelectionAcrossProjects(reviewedChangeOf(action), m_page->selectedProjectDesktops(),
                                                     message);
    else if (m_controller)
        m_controller->requestChange(reviewedChangeOf(action), ids, message);
}

void DecommissionActions::follow(ChangeRun *run)
{
    m_actionRun = run;
    const QString name = run->kind().displayName;
    m_statusBar->showMessage(MainWindowText::tr("%1: sending…").arg(name));
    connect(run, &ChangeRun::progress, this, [this, name](int done, int total) {
        m_statusBar->showMessage(MainWindowText::tr("%1: %2 of %3 desktops…").arg(name).arg(done).arg(total));
    });
    // The controller reports the outcome (statusMessage) and asks for the refresh.
    connect(run, &ChangeRun::finished, this, [this] {
        m_actionRun = nullptr;
        Q_EMIT stateChanged();
    });
    Q_EMIT stateChanged();
}

void DecommissionActions::askForRetirement(bool restore)
{
    const QStringList ids = m_page->selectedDesktopIds();
    if (ids.isEmpty() || m_actionRun || m_retirementRun || !m_controller)
        return;
    // The grace period and the message are chosen in the confirmation, where the review shows
    // the dates and the users they concern.
    const ReviewedChange kind = restore ? ReviewedChange::Restore : ReviewedChange::Retire;
    if (m_controller->isAcrossProjects())
        m_controller->requestSelectionAcrossProjects(kind, m_page->selectedProjectDesktops());
    else
        m_controller->requestChange(kind, ids);
}

void DecommissionActions::follow(RetirementRun *run)
{
    m_retirementRun = run;
    const bool restore = run->mode() == RetirementRun::Mode::Restore;
    m_statusBar->showMessage(restore ? MainWindowText::tr("Restoring: sending…")
                                     : MainWindowText::tr("Retiring: sending…"));
    connect(run, &RetirementRun::stepStarted, this, [this, restore](int batch, RetirementRun::Step step) {
        const QString name = RetirementRun::stepName(step);
        m_statusBar->showMessage(restore ? MainWindowText::tr("Restoring, batch %1: %2…").arg(batch + 1).arg(name)
                                         : MainWindowText::tr("Retiring, batch %1: %2…").arg(batch + 1).arg(name));
    });
    // The controller reports the summary (statusMessage) and asks for the refresh.
    connect(run, &RetirementRun::finished, this, [this, run] {
        m_retirementRun = nullptr;
        reportRetirement(run);
        Q_EMIT stateChanged();
    });
    Q_EMIT stateChanged();
}

void DecommissionActions::reportRetirement(RetirementRun *run)
{
    // Nobody is left unsure whether a desktop is tagged but still running.
    const QStringList unfinished = run->unfinishedLines();
    const bool restore = run->mode() == RetirementRun::Mode::Restore;
    const int completed = int(run->completedIds().size());
    if (unfinished.isEmpty() && !restore)
        return;
    auto *box = new QMessageBox(m_window);
    box->setObjectName(QStringLiteral("retirementResultBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(unfinished.isEmpty() ? QMessageBox::Information : QMessageBox::Warning);
    box->setWindowTitle(restore ? MainWindowText::tr("Restore") : MainWindowText::tr("Retirement"));
    // The summary's counts matter only when some desktop was not carried through.
    QStringList text;
    if (!unfinished.isEmpty())
        text.append(run->summary());
    if (restore && completed > 0) {
        text.append(MainWindowText::tr("%Ln desktop(s) restored: out of maintenance mode, started, and no longer "
                                       "retiring.",
                                       nullptr, completed));
    }
    box->setText(text.join(QLatin1Char(' ')));
    if (!unfinished.isEmpty()) {
        box->setInformativeText(MainWindowText::tr("%Ln desktop(s) were not carried through; the details name "
                                                   "what was done to each.",
                                                   nullptr, int(unfinished.size())));
        box->setDetailedText(unfinished.join(QLatin1Char('\n')));
    }
    box->open();
}

void DecommissionActions::showRetirementSettlement(const QStringList &messages)
{
    auto *box = new QMessageBox(m_window);
    box->setObjectName(QStringLiteral("retirementSettlementBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Warning);
    box->setWindowTitle(MainWindowText::tr("Unfinished Retirement"));
    box->setText(messages.join(QLatin1String("\n\n")));
    box->setInformativeText(MainWindowText::tr("Retire or restore these desktops again to carry them through."));
    box->open();
}
