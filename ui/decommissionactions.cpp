// The actions that prepare a decommissioning: maintenance mode on and off and logging the users
// off, for the selected desktops. The DeletionController looks them up afresh and opens the
// confirmation of the review (ChangeActionDialog); a recorded ChangeRun carries the change out
// (audited, in requests of at most 100 ids), which Cancel stops.
#include "decommissionactions.h"

#include "appicons.h"
#include "deletioncontroller.h"
#include "desktopspage.h"
#include "mainwindowtext.h"

#include "api/decommissionjson.h"
#include "deletion/changerun.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QMenu>
#include <QPushButton>
#include <QStatusBar>

DecommissionActions::DecommissionActions(DesktopsPage *page, QStatusBar *statusBar, QWidget *window)
    : QObject(window)
    , m_page(page)
    , m_statusBar(statusBar)
    , m_window(window)
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
    m_startMaintenanceAction = makeAction(MainWindowText::tr("Start &Maintenance…"), "startMaintenanceAction",
                                          MainWindowText::tr("Put the selected desktops in maintenance mode: their "
                                                             "users can no longer log in"),
                                          DecommissionAction::StartMaintenance);
    m_endMaintenanceAction = makeAction(MainWindowText::tr("E&nd Maintenance…"), "endMaintenanceAction",
                                        MainWindowText::tr("Take the selected desktops out of maintenance mode"),
                                        DecommissionAction::EndMaintenance);
    m_logoffAction = makeAction(MainWindowText::tr("&Log Users Off…"), "logoffAction",
                                MainWindowText::tr("Log the users of the selected desktops off, with a message to "
                                                   "them"),
                                DecommissionAction::LogOff);
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
    // The preparation of a decommissioning from the keyboard; log-off with Shift, since it
    // interrupts the users.
    m_startMaintenanceAction->setShortcut(QKeySequence(MainWindowText::tr("Ctrl+M")));
    m_endMaintenanceAction->setShortcut(QKeySequence(MainWindowText::tr("Ctrl+Shift+M")));
    m_logoffAction->setShortcut(QKeySequence(MainWindowText::tr("Ctrl+Shift+L")));
}

void DecommissionActions::setController(DeletionController *controller)
{
    m_controller = controller;
}

QList<QAction *> DecommissionActions::actions() const
{
    return {m_startMaintenanceAction, m_endMaintenanceAction, m_logoffAction, m_cancelChangeAction};
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
    const bool idle = !m_actionRun;
    for (QAction *action : {m_startMaintenanceAction, m_endMaintenanceAction, m_logoffAction})
        action->setEnabled(enabled && idle);
    m_cancelChangeAction->setEnabled(!idle || (m_controller && m_controller->activeRunCount() > 0));
}

void DecommissionActions::addTo(QMenu *menu) const
{
    menu->addAction(m_startMaintenanceAction);
    menu->addAction(m_endMaintenanceAction);
    menu->addAction(m_logoffAction);
    menu->addAction(m_cancelChangeAction);
}

void DecommissionActions::askForAction(DecommissionAction action)
{
    const QStringList ids = m_page->selectedDesktopIds();
    if (ids.isEmpty() || m_actionRun || action == DecommissionAction::TurnAutoscaleOff)
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
    if (m_controller)
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
