// The question asked when the window is closed while deletions run.
#include "closequestion.h"

#include "deletioncontroller.h"
#include "mainwindowtext.h"

#include "deletion/deletionrun.h"

#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

CloseQuestion::CloseQuestion(DeletionController *controller, QWidget *window)
    : QObject(window)
    , m_controller(controller)
    , m_window(window)
{
}

QMessageBox *CloseQuestion::box() const
{
    return m_box.data();
}

bool CloseQuestion::allowsClose()
{
    const int active = m_controller->activeRunCount();
    if (active > 0 && !m_confirmed) {
        // Ask without a nested event loop: the close waits for the answer, which closes again.
        if (m_box) {
            m_box->raise();
            m_box->activateWindow();
            return false;
        }
        auto *box = new QMessageBox(QMessageBox::Warning, MainWindowText::tr("Deletions Still Running"),
                                    QString(), QMessageBox::NoButton, m_window);
        box->setObjectName(QStringLiteral("closeQuestion"));
        m_box = box;
        update();
        QPushButton *quit = box->addButton(MainWindowText::tr("&Quit Anyway"), QMessageBox::DestructiveRole);
        quit->setObjectName(QStringLiteral("quitAnywayButton"));
        QPushButton *keep = box->addButton(MainWindowText::tr("&Keep Open"), QMessageBox::RejectRole);
        keep->setObjectName(QStringLiteral("keepOpenButton"));
        box->setDefaultButton(keep);
        box->setEscapeButton(keep);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::finished, this, [this, box, quit] {
            if (box->clickedButton() != quit)
                return;
            m_confirmed = true;
            // After the box has gone: closing from inside its own finished() would re-enter it.
            QTimer::singleShot(0, m_window, &QWidget::close);
        });
        box->open();
        return false;
    }
    if (m_confirmed) {
        // What was not sent yet is recorded as not sent, so that the next start shows it with its
        // deletion; submitted jobs stay in the journal, to be followed again.
        for (DeletionRun *run : m_controller->runs()) {
            if (run->state() != DeletionRun::State::Finished)
                run->cancel();
        }
    }
    m_confirmed = false; // a window shown again asks again
    return true;
}

void CloseQuestion::update()
{
    // The question stays true while it is open: deletions end while the administrator reads it.
    if (!m_box)
        return;
    const int active = m_controller->activeRunCount();
    if (active == 0) {
        m_box->setText(MainWindowText::tr("Every deletion has finished."));
        m_box->setInformativeText(
            MainWindowText::tr("Nothing is being submitted or followed any more.\n\nQuit now?"));
        return;
    }
    m_box->setText(MainWindowText::tr("%Ln deletion(s) are still being submitted or followed.", nullptr, active));
    m_box->setInformativeText(
        MainWindowText::tr("Deletions already submitted stay in the journal: Workspace Admin follows them again "
                           "on its next start with this connection. Requests not yet sent are not sent.\n\nQuit "
                           "anyway?"));
}
