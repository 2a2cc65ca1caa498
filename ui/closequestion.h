#pragma once

#include <QObject>
#include <QPointer>

class DeletionController;
class QMessageBox;
class QWidget;

// Closing the window while deletions are submitted or followed: asked without a nested event loop
// (the close waits for the answer, which closes the window again), the question kept true while it
// is open, and after Quit Anyway what was not sent yet is recorded as not sent.
class CloseQuestion : public QObject {
    Q_OBJECT
public:
    CloseQuestion(DeletionController* controller, QWidget* window);

    // The question while it is open; null otherwise.
    QMessageBox* box() const;
    // Whether the window may close now; when not, the question is open (or raised).
    bool allowsClose();
    // Deletions started or ended: an open question says how many still run.
    void update();

private:
    DeletionController* m_controller;
    QWidget* m_window;
    QPointer<QMessageBox> m_box;
    // The administrator chose to quit although deletions were running.
    bool m_confirmed = false;
};
