#include "windowprobe.h"

#include "appstartup.h"
#include "mainwindow.h"

#include "deletiondialog.h"
#include "deletioncontroller.h"
#include "desktoptablemodel.h"
#include "deletion/deletionrun.h"
#include "deletion/pollingbudget.h"
#include "settings/connectionoptions.h"
#include "settings/credentialstore.h"
#include "settings/profilestore.h"

#include <QCheckBox>
#include <QApplication>
#include <QEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QProcessEnvironment>
#include <QTextStream>
#include <QTimer>

qint64 WindowProbe::residentKilobytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:")) {
            // "VmRSS:	  123456 kB"
            const QList<QByteArray> fields = line.mid(6).simplified().split(' ');
            bool ok = false;
            const qint64 kilobytes = fields.value(0).toLongLong(&ok);
            return ok ? kilobytes : -1;
        }
    }
    return -1;
}

bool WindowProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        QTextStream(stdout) << "shown" << Qt::endl;
        // Quit once the paint is done, not inside it.
        QTimer::singleShot(0, qApp, [] { QCoreApplication::exit(0); });
    }
    return QObject::eventFilter(watched, event);
}

int WindowProbe::runStartup()
{
    // What main() does, with the profiles and settings of the (temporary) home the parent gave us.
    ProfileStore profiles(ProfileStore::defaultFilePath());
    CredentialStore credentials;
    MainWindow window;
    AppStartup startup(&window, &profiles, &credentials);
    WindowProbe probe;
    window.installEventFilter(&probe);
    startup.start(ConnectionOptionValues(), QProcessEnvironment());
    window.show();
    return QApplication::exec();
}

namespace {
ResolvedConnection probeConnection(const QUrl &endpoint, const QString &projectId)
{
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    ResolvedConnection connection;
    connection.config.endpoint = endpoint;
    connection.config.projectId = projectId;
    connection.credentials.accessKey = environment.value(QLatin1String(ConnectionOptions::accessKeyVariable()));
    connection.credentials.secretKey = environment.value(QLatin1String(ConnectionOptions::secretKeyVariable()));
    return connection;
}
} // namespace

int WindowProbe::runMemory(const QUrl &endpoint, const QString &projectId)
{
    const ResolvedConnection connection = probeConnection(endpoint, projectId);

    MainWindow window;
    QObject::connect(&window, &MainWindow::desktopsLoaded, &window, [&window](const ApiError &error) {
        QTextStream out(stdout);
        if (error.isError()) {
            out << "error: kind " << static_cast<int>(error.kind) << ", HTTP " << error.httpStatus << Qt::endl;
            QCoreApplication::exit(1);
            return;
        }
        // After the views have handled the last page, as a user would see it.
        QTimer::singleShot(0, &window, [&window] {
            QTextStream out(stdout);
            out << "rss_kb: " << residentKilobytes() << Qt::endl;
            out << "rows: " << window.desktopModel()->rowCount() << Qt::endl;
            QCoreApplication::exit(0);
        });
    });
    window.resize(1200, 800);
    window.show();
    window.connectTo(connection);
    return QApplication::exec();
}

int WindowProbe::runDeletion(const QUrl &endpoint, const QString &projectId, int count, double compression)
{
    const ResolvedConnection connection = probeConnection(endpoint, projectId);
    MainWindow window;
    DeletionController *controller = window.deletionController();
    controller->setChunkGapMs(int(500 / compression));
    JobTracker::Timing timing;
    timing.initialIntervalMs = int(timing.initialIntervalMs / compression);
    timing.maxIntervalMs = int(timing.maxIntervalMs / compression);
    controller->setTrackerTiming(timing);

    // The stall probe: a 10 ms timer whose longest gap, less its interval, is the stall.
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(10);
    QElapsedTimer sinceTick;
    qint64 maxStallMs = 0;
    qint64 maxRssKb = 0;
    int ticks = 0;
    // Where the longest stall happened, for whoever has to make it shorter.
    QString phase = QStringLiteral("look-up");
    QString stallPhase;
    QHash<QString, qint64> stallByPhase;
    QObject::connect(&probe, &QTimer::timeout, &window, [&] {
        const qint64 stall = sinceTick.restart() - probe.interval();
        stallByPhase[phase] = std::max(stallByPhase.value(phase), stall);
        if (stall > maxStallMs) {
            maxStallMs = stall;
            stallPhase = phase;
        }
        if (++ticks % 50 == 0)
            maxRssKb = std::max(maxRssKb, residentKilobytes());
    });

    bool started = false;
    QObject::connect(&window, &MainWindow::desktopsLoaded, &window, [&](const ApiError &error) {
        if (started)
            return; // the re-listing after each run
        started = true;
        if (error.isError()) {
            QTextStream(stdout) << "error: kind " << static_cast<int>(error.kind) << Qt::endl;
            QCoreApplication::exit(1);
            return;
        }
        PollingBudget::Settings budget;
        budget.requestsPerSecond *= compression;
        budget.minRequestsPerSecond *= compression;
        budget.recoveryAfterMs = qint64(budget.recoveryAfterMs / compression);
        PollingBudget::forClient(window.client())->setSettings(budget);
        QStringList ids;
        const DesktopTableModel *desktops = window.desktopModel();
        for (int row = 0; row < desktops->rowCount() && ids.size() < count; ++row) {
            if (desktops->index(row, 0).data(DesktopTableModel::DeletableRole).toBool())
                ids.append(desktops->desktopAt(row).id);
        }
        maxRssKb = residentKilobytes();
        sinceTick.start();
        probe.start();
        controller->requestDeletion(ids);
    });
    QObject::connect(controller, &DeletionController::dialogOpened, &window, [&phase](DeletionDialog *dialog) {
        phase = QStringLiteral("dialog");
        // As the administrator would: a moment later, not inside the signal.
        QTimer::singleShot(100, dialog, [dialog, &phase] {
            // All the listed desktops are sent, in 100 jobs of 100, the yearly/monthly ones too.
            dialog->leaveOutYearlyMonthlyBox()->setChecked(false);
            dialog->turnAutoscaleOffBox()->setChecked(false);
            dialog->confirmationField()->setText(QString::number(dialog->desktopIds().size()));
            phase = QStringLiteral("confirm");
            dialog->deleteButton()->click();
            // The probe's next tick tells how long the click itself held the thread.
            QTimer::singleShot(20, qApp, [&phase] { phase = QStringLiteral("follow"); });
        });
    });
    QObject::connect(controller, &DeletionController::runFinished, &window, [&](DeletionRun *) {
        if (controller->activeRunCount() > 0)
            return;
        probe.stop();
        int deleted = 0;
        int followed = 0;
        for (const DeletionRun *run : controller->runs()) {
            deleted += run->result().count(DeletionOutcome::Deleted);
            followed += run->result().size();
        }
        QTextStream out(stdout);
        out << "max_stall_ms: " << maxStallMs << Qt::endl;
        out << "max_stall_phase: " << stallPhase << Qt::endl;
        for (auto it = stallByPhase.cbegin(); it != stallByPhase.cend(); ++it)
            out << "stall_ms_" << it.key() << ": " << it.value() << Qt::endl;
        out << "rss_kb: " << std::max(maxRssKb, residentKilobytes()) << Qt::endl;
        out << "followed: " << followed << Qt::endl;
        out << "deleted: " << deleted << Qt::endl;
        QCoreApplication::exit(0);
    });
    window.resize(1200, 800);
    window.show();
    window.connectTo(connection);
    return QApplication::exec();
}
