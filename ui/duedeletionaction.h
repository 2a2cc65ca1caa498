#pragma once

#include <QObject>
#include <QPointer>

class DeletionController;
class DueDeletionPreparation;
class QAction;
class QWidget;

// The window's Delete Due Desktops: not of the selection but of every retiring desktop of the
// project. The DeletionController finds the due ones (DueDeletionPreparation) and opens the same
// deletion dialog as Delete; meanwhile a progress dialog shows the search, and its Cancel ends it.
class DueDeletionAction : public QObject {
    Q_OBJECT
public:
    explicit DueDeletionAction(QWidget* window);

    QAction* action() const { return m_action; }
    // The controller is created after the window's menus; until then nothing is searched.
    void setController(DeletionController* controller);
    // Enabled while a single project is connected.
    void update(bool enabled);

private:
    void showProgress(DueDeletionPreparation* preparation);

    QWidget* m_window;
    QAction* m_action;
    QPointer<DeletionController> m_controller;
};
