#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

class ChangeRun;
enum class DecommissionAction;
class DeletionController;
class DesktopsPage;
class QAction;
class QMenu;
class QStatusBar;
class QWidget;
class RetirementRun;

// The window's actions that prepare a decommissioning, for the selected desktops: Start and End
// Maintenance, Log Users Off (which asks for the message first), Retire and Restore (whose
// confirmation asks for the grace period and the message) and Cancel Running Change. Each is
// looked up afresh and reviewed by the DeletionController before it is confirmed and run; one run
// at a time, its progress in the status bar.
class DecommissionActions : public QObject {
    Q_OBJECT
public:
    DecommissionActions(DesktopsPage* page, QStatusBar* statusBar, QWidget* window);

    // The controller is created after the window's menus; until then nothing is reviewed or
    // cancelled.
    void setController(DeletionController* controller);
    // In the order of the menus.
    QList<QAction*> actions() const;
    void addTo(QMenu* menu) const;
    void applyIcons();
    // Enabled for a selection of a connected project while no change of theirs runs; End
    // Maintenance and Restore only when a selected desktop is in maintenance mode or retiring (as
    // of the page's last count of the selection), their tool tips saying why not otherwise.
    void update(bool enabled);
    // A run the controller started: its progress in the status bar until it has finished.
    void follow(ChangeRun* run);
    void follow(RetirementRun* run);
    // A retirement the app ended half-way, settled when the record was opened: named in a message
    // box, not in the status bar that the next line replaces.
    void showRetirementSettlement(const QStringList& messages);

Q_SIGNALS:
    // A run started or finished: the window's actions are to be updated.
    void stateChanged();

private:
    // Log-off asks for the message first; every action is reviewed and confirmed, then run.
    void askForAction(DecommissionAction action);
    void reviewAction(DecommissionAction action, const QStringList& ids, const QString& message);
    void askForRetirement(bool restore);
    static void offerIfApplicable(QAction* action, bool enabled, bool applies, const QString& toolTip,
        const QString& whyNot);
    // Every desktop not carried through, named with what was done to it; after a restore, a note.
    void reportRetirement(RetirementRun* run);

    DesktopsPage* m_page;
    QStatusBar* m_statusBar;
    QWidget* m_window;
    QPointer<DeletionController> m_controller;
    QAction* m_startMaintenanceAction;
    QAction* m_endMaintenanceAction;
    QAction* m_logoffAction;
    QAction* m_retireAction;
    QAction* m_restoreAction;
    QAction* m_cancelChangeAction;
    QString m_endMaintenanceTip;
    QString m_restoreTip;
    QPointer<ChangeRun> m_actionRun;
    QPointer<RetirementRun> m_retirementRun;
};
