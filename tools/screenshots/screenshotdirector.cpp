#include "screenshotdirector.h"

#include "changeactiondialog.h"
#include "deletioncontroller.h"
#include "deletiondialog.h"
#include "desktopfilterproxy.h"
#include "desktoptablemodel.h"
#include "mainwindow.h"

#include <QAction>
#include <QCoreApplication>
#include <QLineEdit>
#include <QLocale>
#include <QPixmap>
#include <QPushButton>
#include <QTableView>
#include <QTimer>

ScreenshotDirector::ScreenshotDirector(MainWindow *window, DeletionController *deletion, Picture picture,
                                       const QString &path, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_deletion(deletion)
    , m_picture(picture)
    , m_path(path)
{
    connect(window, &MainWindow::desktopsLoaded, this,
            [this](const ApiError &error) { onFirstLoad(!error.isError()); });
}

void ScreenshotDirector::onFirstLoad(bool succeeded)
{
    if (m_taken)
        return;
    m_taken = true;
    // After the table has laid out the last page.
    QTimer::singleShot(0, this, [this, succeeded] {
        switch (m_picture) {
        case Picture::Window:
            save(m_window, succeeded ? 0 : 1);
            break;
        case Picture::DeletionDialog:
            takeDialog();
            break;
        case Picture::JobsPanel:
            takeJobs();
            break;
        case Picture::RetireDialog:
            takeRetireDialog();
            break;
        }
    });
}

QStringList ScreenshotDirector::selection() const
{
    // The first deletable rows as shown, plus the first one in use and the first billed yearly or
    // monthly, so the picture shows the warnings too.
    // What the table shows, found as a user's tool would: by the widget's object name.
    const auto *table = m_window->findChild<const QTableView *>(QStringLiteral("desktopTable"));
    const auto *proxy = table ? qobject_cast<const DesktopFilterProxy *>(table->model()) : nullptr;
    const DesktopTableModel *model = proxy ? proxy->desktopModel() : nullptr;
    if (!model)
        return {};
    QStringList ids;
    bool connected = false;
    bool yearly = false;
    for (int row = 0; row < proxy->rowCount() && ids.size() < 8; ++row) {
        const QString id = proxy->sourceIdAt(row);
        const int sourceRow = model->rowOf(id);
        if (!model->index(sourceRow, 0).data(DesktopTableModel::DeletableRole).toBool())
            continue;
        const Desktop &desktop = model->desktopAt(sourceRow);
        const bool isYearly = desktop.billingMode == BillingMode::YearlyMonthly;
        if (ids.size() < 6 || (!connected && desktop.isConnected()) || (!yearly && isYearly)) {
            ids.append(id);
            connected = connected || desktop.isConnected();
            yearly = yearly || isYearly;
        }
    }
    return ids;
}

void ScreenshotDirector::save(QWidget *widget, int exitCode)
{
    // After the widget has been laid out and painted once.
    QTimer::singleShot(200, this, [this, widget = QPointer<QWidget>(widget), exitCode] {
        if (!widget || !widget->grab().save(m_path)) {
            Q_EMIT failed(QStringLiteral("Could not write the screenshot to %1.").arg(m_path));
            return;
        }
        QCoreApplication::exit(exitCode);
    });
}

void ScreenshotDirector::takeDialog()
{
    DeletionController *deletion = m_deletion;
    connect(deletion, &DeletionController::preparationFinished, this, [this, deletion](int offered) {
        DeletionDialog *dialog = deletion->dialog();
        if (offered == 0 || !dialog) {
            Q_EMIT failed(QStringLiteral("No desktop could be offered for deletion."));
            return;
        }
        // Left empty: the picture shows Delete disabled until the count is typed.
        save(dialog);
    }, Qt::SingleShotConnection);
    m_window->selectDesktopIds(selection());
    deletion->requestDeletion(m_window->selectedDeletableDesktopIds());
}

void ScreenshotDirector::takeJobs()
{
    // A picture is never worth deleting real desktops.
    if (!m_window->isDemoMode()) {
        Q_EMIT failed(QStringLiteral("--screenshot-jobs deletes desktops and only works with --demo."));
        return;
    }
    DeletionController *deletion = m_deletion;
    JobTracker::Timing timing;
    timing.initialIntervalMs = 500;
    timing.maxIntervalMs = 1000;
    deletion->setTrackerTiming(timing);
    connect(deletion, &DeletionController::preparationFinished, this, [this, deletion](int offered) {
        DeletionDialog *dialog = deletion->dialog();
        if (offered == 0 || !dialog) {
            Q_EMIT failed(QStringLiteral("No desktop could be offered for deletion."));
            return;
        }
        connect(deletion, &DeletionController::runFinished, this, [this] {
            // After the refresh that follows the job's end.
            connect(m_window, &MainWindow::desktopsLoaded, this, [this] { save(m_window); },
                    Qt::SingleShotConnection);
        }, Qt::SingleShotConnection);
        dialog->confirmationField()->setText(QString::number(dialog->desktopIds().size()));
        dialog->deleteButton()->click();
    }, Qt::SingleShotConnection);
    m_window->selectDesktopIds(selection());
    deletion->requestDeletion(m_window->selectedDeletableDesktopIds());
}

void ScreenshotDirector::takeRetireDialog()
{
    auto *retire = m_window->findChild<QAction *>(QStringLiteral("retireAction"));
    if (!retire) {
        Q_EMIT failed(QStringLiteral("The window has no Retire action."));
        return;
    }
    DeletionController *deletion = m_deletion;
    connect(deletion, &DeletionController::actionDialogOpened, this, [this](ChangeActionDialog *dialog) {
        // The tool's own words are not in the catalogues: the picture's language picks them.
        dialog->messageEdit()->setText(QLocale().language() == QLocale::Chinese
                ? QStringLiteral("此桌面即将退役。如仍需要，请联系 IT 服务台。")
                : QStringLiteral("This desktop is being retired. Ask the IT desk if you still need it."));
        save(dialog);
    }, Qt::SingleShotConnection);
    connect(deletion, &DeletionController::preparationFinished, this, [this](int offered) {
        if (offered == 0)
            Q_EMIT failed(QStringLiteral("The retirement's confirmation did not open."));
    }, Qt::SingleShotConnection);
    // The action follows the selection once the window has counted it; the confirmation opens
    // once the desktops have been looked up afresh.
    connect(m_window, &MainWindow::selectionCountChanged, this, [this, retire] {
        if (retire->isEnabled())
            retire->trigger();
        else
            Q_EMIT failed(QStringLiteral("The Retire action is not enabled for the selection."));
    }, Qt::SingleShotConnection);
    m_window->selectDesktopIds(selection());
}
