#include "duedeletionaction.h"

#include "deletioncontroller.h"
#include "mainwindowtext.h"

#include "review/duedeletionpreparation.h"

#include <QAction>
#include <QProgressDialog>

#include <algorithm>

DueDeletionAction::DueDeletionAction(QWidget* window)
    : QObject(window)
    , m_window(window)
    , m_action(new QAction(MainWindowText::tr("Delete D&ue Desktops…"), this))
{
    m_action->setObjectName(QStringLiteral("deleteDueAction"));
    m_action->setStatusTip(
        MainWindowText::tr("Find the retiring desktops whose date has passed and that "
                           "nobody used since their retirement, and review their deletion"));
    m_action->setToolTip(m_action->statusTip());
    m_action->setEnabled(false);
    connect(m_action, &QAction::triggered, this, [this] {
        if (m_controller)
            m_controller->requestDueDeletion();
    });
}

void DueDeletionAction::setController(DeletionController* controller)
{
    if (m_controller)
        m_controller->disconnect(this);
    m_controller = controller;
    if (m_controller)
        connect(m_controller, &DeletionController::dueDeletionStarted, this,
            &DueDeletionAction::showProgress);
}

void DueDeletionAction::update(bool enabled)
{
    m_action->setEnabled(enabled);
}

void DueDeletionAction::showProgress(DueDeletionPreparation* preparation)
{
    auto* progress = new QProgressDialog(m_window);
    progress->setObjectName(QStringLiteral("dueDeletionProgress"));
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setWindowTitle(MainWindowText::tr("Delete Due Desktops"));
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setMinimumDuration(0);
    progress->setRange(0, 0);
    const auto say = [progress](DueDeletionPreparation::Stage stage) {
        progress->setRange(0, 0);
        switch (stage) {
        case DueDeletionPreparation::Stage::ListingDesktops:
            progress->setLabelText(
                MainWindowText::tr("Listing the project's desktops to find those retiring…"));
            break;
        case DueDeletionPreparation::Stage::ReadingLogIns:
            progress->setLabelText(
                MainWindowText::tr("Reading the log-in records since the retirements…"));
            break;
        case DueDeletionPreparation::Stage::Reviewing:
            progress->setLabelText(
                MainWindowText::tr("Looking the due desktops up for the deletion review…"));
            break;
        }
    };
    say(preparation->stage());
    connect(preparation, &DueDeletionPreparation::stageChanged, progress, say);
    connect(
        preparation, &DueDeletionPreparation::progress, progress, [progress](int done, int total) {
            if (total > 0) {
                progress->setRange(0, total);
                progress->setValue(std::min(done, total));
            }
        });
    // Cancel ends the search; nothing that changes a desktop has been sent.
    connect(progress, &QProgressDialog::canceled, preparation, &DueDeletionPreparation::cancel);
    connect(preparation, &DueDeletionPreparation::finished, progress, &QWidget::close);
    progress->open();
}
