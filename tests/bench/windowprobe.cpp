#include "windowprobe.h"

#include "appstartup.h"
#include "mainwindow.h"

#include "deletiondialog.h"
#include "deletioncontroller.h"
#include "desktoploader.h"
#include "desktoptablemodel.h"
#include "deletion/deletionrun.h"
#include "deletion/pollingbudget.h"
#include "settings/connectionoptions.h"
#include "settings/credentialstore.h"
#include "settings/profilestore.h"

#include <QCheckBox>
#include <QDir>
#include <QApplication>
#include <QEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QProcessEnvironment>
#include <QTextStream>
#include <QTimer>

#include <ctime>
#include <functional>

#include <unistd.h>
#include <memory>

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

qint64 WindowProbe::threadCpuMs(const QByteArray &threadName)
{
    const QDir tasks(QStringLiteral("/proc/self/task"));
    const qint64 ticksPerSecond = sysconf(_SC_CLK_TCK);
    qint64 ticks = 0;
    for (const QString &task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(task + QStringLiteral("/comm")));
        QFile stat(tasks.filePath(task + QStringLiteral("/stat")));
        if (!comm.open(QIODevice::ReadOnly) || comm.readAll().trimmed() != threadName.left(15)
            || !stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (comm) state ppid …": utime and stime are the 12th and 13th fields after the comm.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        ticks += fields.value(11).toLongLong() + fields.value(12).toLongLong();
    }
    return ticksPerSecond > 0 ? ticks * 1000 / ticksPerSecond : -1;
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
// The name SimulatorThread gives its thread, as Linux keeps it (15 characters).
const QByteArray kServiceThread = QByteArrayLiteral("workspace-simulator");

// The stall probe: a 10 ms timer of the GUI thread whose longest gap, less its interval, is the
// stall, told per phase for whoever has to make it shorter; it also samples the resident size.
class StallProbe
{
public:
    explicit StallProbe(QObject *context)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, context, [this] { tick(); });
    }

    // Starts afresh: what an earlier start measured is forgotten.
    void start(const QString &phase)
    {
        m_phase = phase;
        m_stallPhase.clear();
        m_stallByPhase.clear();
        m_maxRssKb = WindowProbe::residentKilobytes();
        m_sinceTick.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    void setPhase(const QString &phase) { m_phase = phase; }
    qint64 maxStallMs() const
    {
        qint64 longest = 0;
        for (const qint64 stall : m_stallByPhase)
            longest = std::max(longest, stall);
        return longest;
    }
    // max_stall_ms, max_stall_phase, stall_ms_<phase> and rss_kb lines.
    void report(QTextStream &out) const
    {
        out << "max_stall_ms: " << maxStallMs() << Qt::endl;
        out << "max_stall_phase: " << m_stallPhase << Qt::endl;
        for (auto it = m_stallByPhase.cbegin(); it != m_stallByPhase.cend(); ++it)
            out << "stall_ms_" << it.key() << ": " << it.value() << Qt::endl;
        out << "rss_kb: " << std::max(m_maxRssKb, WindowProbe::residentKilobytes()) << Qt::endl;
    }

private:
    void tick()
    {
        const qint64 stall = m_sinceTick.restart() - m_timer.interval();
        m_stallByPhase[m_phase] = std::max(m_stallByPhase.value(m_phase), stall);
        if (stall >= maxStallMs())
            m_stallPhase = m_phase;
        if (++m_ticks % 50 == 0)
            m_maxRssKb = std::max(m_maxRssKb, WindowProbe::residentKilobytes());
    }

    QTimer m_timer;
    QElapsedTimer m_sinceTick;
    QString m_phase;
    QString m_stallPhase;
    QHash<QString, qint64> m_stallByPhase;
    qint64 m_maxRssKb = 0;
    int m_ticks = 0;
};

// Confirms the deletion dialog as the administrator would: a moment after it opens, every listed
// desktop sent (the yearly/monthly ones too), no autoscale step, the count typed, Delete clicked.
void confirmEachDialog(DeletionController *controller, StallProbe *probe)
{
    QObject::connect(controller, &DeletionController::dialogOpened, controller, [probe](DeletionDialog *dialog) {
        probe->setPhase(QStringLiteral("dialog"));
        QTimer::singleShot(100, dialog, [dialog, probe] {
            dialog->leaveOutYearlyMonthlyBox()->setChecked(false);
            dialog->turnAutoscaleOffBox()->setChecked(false);
            dialog->confirmationField()->setText(QString::number(dialog->desktopIds().size()));
            probe->setPhase(QStringLiteral("confirm"));
            dialog->deleteButton()->click();
            // The probe's next tick tells how long the click itself held the thread.
            QTimer::singleShot(20, qApp, [probe] { probe->setPhase(QStringLiteral("follow")); });
        });
    });
}

// What the window's runs did, once every one has ended: "followed: N", "deleted: N" and, of the
// requests (chunks of up to 100 desktops), "requests: N", "requests_failed: N" (sent and refused or
// unanswered) and "requests_unsent: N" (never sent).
void reportRuns(DeletionController *controller, QTextStream &out)
{
    int deleted = 0;
    int followed = 0;
    int requests = 0;
    int failed = 0;
    int unsent = 0;
    for (const DeletionRun *run : controller->runs()) {
        deleted += run->result().count(DeletionOutcome::Deleted);
        followed += run->result().size();
        for (const DeletionRun::Chunk &chunk : run->chunks()) {
            ++requests;
            failed += chunk.status == DeletionRun::Chunk::Status::Failed ? 1 : 0;
            unsent += chunk.status == DeletionRun::Chunk::Status::NotSent
                    || chunk.status == DeletionRun::Chunk::Status::Pending
                ? 1
                : 0;
        }
    }
    out << "followed: " << followed << Qt::endl;
    out << "deleted: " << deleted << Qt::endl;
    out << "requests: " << requests << Qt::endl;
    out << "requests_failed: " << failed << Qt::endl;
    out << "requests_unsent: " << unsent << Qt::endl;
}

// Once the window has listed its desktops the first time (not the re-listing after each run), the
// deletion of those `chosen` picks is requested with the probe running; when the last run has
// ended, the probe's and the runs' figures are printed and the process quits.
void deleteOnceListed(MainWindow &window, StallProbe &probe, const std::function<QStringList()> &chosen)
{
    DeletionController *controller = window.deletionController();
    confirmEachDialog(controller, &probe);
    auto started = std::make_shared<bool>(false);
    const auto onListed = [controller, &probe, started, chosen](const ApiError &error) {
        if (*started)
            return;
        *started = true;
        if (error.isError()) {
            QTextStream(stdout) << "error: kind " << static_cast<int>(error.kind) << Qt::endl;
            QCoreApplication::exit(1);
            return;
        }
        const QStringList ids = chosen();
        probe.start(QStringLiteral("look-up"));
        controller->requestDeletion(ids);
    };
    QObject::connect(&window, &MainWindow::desktopsLoaded, &window, onListed);
    QObject::connect(controller, &DeletionController::runFinished, &window, [controller, &probe](DeletionRun *) {
        if (controller->activeRunCount() > 0)
            return;
        probe.stop();
        QTextStream out(stdout);
        probe.report(out);
        reportRuns(controller, out);
        QCoreApplication::exit(0);
    });
}

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
    StallProbe probe(&window);
    deleteOnceListed(window, probe, [&window, count, compression] {
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
        return ids;
    });
    window.resize(1200, 800);
    window.show();
    window.connectTo(connection);
    return QApplication::exec();
}

int WindowProbe::runAllRegions(const QUrl &endpoint, const QString &projectId, const QString &region)
{
    ResolvedConnection one = probeConnection(endpoint, projectId);
    one.region = region;
    ResolvedConnection all = one;
    all.iamEndpoint = endpoint;
    all.explicitEndpoint = false; // each project at its region's endpoint (overridden in the environment)
    all.allRegions = true;

    MainWindow window;
    StallProbe probe(&window);
    QElapsedTimer timer;
    // The GUI thread's own CPU time per listing: what the window did, apart from waiting its turn.
    const auto guiCpuMs = [] {
        timespec now{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
    };
    qint64 cpuAtStart = guiCpuMs();
    int listings = 0;
    QObject::connect(&window, &MainWindow::desktopsLoaded, &window, [&](const ApiError &error) {
        QTextStream out(stdout);
        const qint64 elapsedMs = timer.elapsed();
        if (error.isError()) {
            out << "error: kind " << static_cast<int>(error.kind) << ", HTTP " << error.httpStatus << Qt::endl;
            QCoreApplication::exit(1);
            return;
        }
        out << (listings == 0 ? "gui_cpu_ms_one: " : "gui_cpu_ms_all: ") << guiCpuMs() - cpuAtStart << Qt::endl;
        if (++listings == 1) {
            out << "one_ms: " << elapsedMs << Qt::endl;
            // From the event loop, as a user's choice of the other connection would come.
            QTimer::singleShot(0, &window, [&] {
                // The stall is told per step of the listing, for whoever has to make it shorter.
                probe.setPhase(QStringLiteral("all-connect"));
                cpuAtStart = guiCpuMs();
                timer.start();
                window.connectTo(all);
                probe.setPhase(QStringLiteral("all-iam"));
                QObject::connect(window.desktopModel(), &DesktopTableModel::projectsChanged, &window,
                                 [&probe] { probe.setPhase(QStringLiteral("all-projects")); });
                QObject::connect(window.loader(), &DesktopLoader::progress, &window,
                                 [&probe] { probe.setPhase(QStringLiteral("all-pages")); });
            });
            return;
        }
        probe.stop();
        out << "all_ms: " << elapsedMs << Qt::endl;
        out << "rows: " << window.desktopModel()->rowCount() << Qt::endl;
        probe.report(out);
        QCoreApplication::exit(0);
    });
    window.resize(1200, 800);
    window.show();
    probe.start(QStringLiteral("one")); // the single project's listing, for comparison
    timer.start();
    window.connectTo(one);
    return QApplication::exec();
}

int WindowProbe::runDemoDeletion(int desktopCount, int count)
{
    // What `workspace-admin --demo-desktops N` does: the window, its start-up and the demo service
    // inside this process, every delay as the user gets it. The data directory is the (temporary)
    // home's, so the demo starts afresh.
    ProfileStore profiles(ProfileStore::defaultFilePath());
    CredentialStore credentials;
    MainWindow window;
    AppStartup startup(&window, &profiles, &credentials);
    QObject::connect(&startup, &AppStartup::fatalError, &window, [](const QString &message) {
        QTextStream(stdout) << "error: " << message << Qt::endl;
        QCoreApplication::exit(1);
    });
    StallProbe probe(&window);
    // The demo service's CPU time while the window deletes (its thread's name is the simulator's).
    qint64 serviceCpuAtStart = 0;
    QObject::connect(window.deletionController(), &DeletionController::runFinished, &window, [&] {
        if (window.deletionController()->activeRunCount() == 0)
            QTextStream(stdout) << "service_cpu_ms: " << threadCpuMs(kServiceThread) - serviceCpuAtStart << Qt::endl;
    });
    deleteOnceListed(window, probe, [&window, &probe, &serviceCpuAtStart, count] {
        serviceCpuAtStart = threadCpuMs(kServiceThread);
        QTextStream(stdout) << "stall_ms_listing: " << probe.maxStallMs() << Qt::endl;
        // Desktops the demo deletes (billed per use, nobody connected, not protected), so that every
        // request carries 100 of them.
        QStringList ids;
        const DesktopTableModel *desktops = window.desktopModel();
        for (int row = 0; row < desktops->rowCount() && ids.size() < count; ++row) {
            const Desktop desktop = desktops->desktopAt(row);
            if (desktops->index(row, 0).data(DesktopTableModel::DeletableRole).toBool() && !desktop.isConnected()
                && desktop.billingMode == BillingMode::PayPerUse)
                ids.append(desktop.id);
        }
        return ids;
    });
    window.resize(1200, 800);
    window.show();
    probe.start(QStringLiteral("listing")); // the demo's start and the window's listing
    ConnectionOptionValues values;
    values.demo = true;
    values.demoDesktops = desktopCount;
    startup.start(values, QProcessEnvironment());
    return QApplication::exec();
}
