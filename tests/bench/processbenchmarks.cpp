#include "processbenchmarks.h"

#include "benchreport.h"
#include "iamroutes.h"
#include "workspacesimulator.h"

#include "api/endpoint.h"
#include "settings/connectionoptions.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <functional>
#include <future>
#include <memory>
#include <vector>

namespace {

constexpr int kProbeTimeoutMs = 120000;

QString probePath()
{
    return QCoreApplication::applicationDirPath() + QStringLiteral("/workspace-bench-probe");
}

QProcessEnvironment probeEnvironment(const QTemporaryDir &home)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {ConnectionOptions::accessKeyVariable(), ConnectionOptions::secretKeyVariable(),
                             ConnectionOptions::securityTokenVariable(), ConnectionOptions::projectIdVariable()})
        environment.remove(QLatin1String(name));
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return environment;
}

// Waits for the probe to end, serving the simulator meanwhile, and returns its `key: value` lines.
std::optional<QHash<QString, QString>> finishProbe(QProcess &process)
{
    QSignalSpy finished(&process, &QProcess::finished);
    if (process.state() != QProcess::NotRunning && !finished.wait(kProbeTimeoutMs)) {
        process.kill();
        QTextStream(stderr) << "benchmark failed: a probe did not finish" << Qt::endl;
        return std::nullopt;
    }
    const QString output = QString::fromUtf8(process.readAllStandardOutput());
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        QTextStream(stderr) << "benchmark failed: a probe failed: " << output
                            << QString::fromUtf8(process.readAllStandardError()) << Qt::endl;
        return std::nullopt;
    }
    QHash<QString, QString> values;
    const QStringList lines = output.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        values.insert(colon < 0 ? line.trimmed() : line.left(colon).trimmed(),
                      colon < 0 ? QString() : line.mid(colon + 1).trimmed());
    }
    return values;
}

// A probe in a fresh home, given the simulator's credentials like the app gets them (in the
// environment, never on the command line).
std::optional<QHash<QString, QString>> runConnectedProbe(const SimulatorConfig &config,
                                                         const QStringList &arguments,
                                                         const QProcessEnvironment &extra = {})
{
    QTemporaryDir home;
    QProcessEnvironment environment = probeEnvironment(home);
    environment.insert(extra);
    environment.insert(QLatin1String(ConnectionOptions::accessKeyVariable()), config.accessKey);
    environment.insert(QLatin1String(ConnectionOptions::secretKeyVariable()), config.secretKey);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(probePath(), arguments);
    return finishProbe(process);
}

bool measureStartup(const BenchOptions &options, BenchReport &report)
{
    QList<double> samples;
    for (int i = 0; i < options.processIterations; ++i) {
        QTemporaryDir home;
        QProcess process;
        process.setProcessEnvironment(probeEnvironment(home));
        process.setProcessChannelMode(QProcess::SeparateChannels);
        QSignalSpy output(&process, &QProcess::readyReadStandardOutput);
        QElapsedTimer timer;
        timer.start();
        process.start(probePath(), {QStringLiteral("startup")});
        // The first line is "shown": the moment the window has painted.
        if (!output.wait(kProbeTimeoutMs)) {
            process.kill();
            QTextStream(stderr) << "benchmark failed: the start-up probe showed no window" << Qt::endl;
            return false;
        }
        const double elapsed = double(timer.nsecsElapsed()) / 1e6;
        const auto values = finishProbe(process);
        if (!values || !values->contains(QStringLiteral("shown")))
            return false;
        samples.append(elapsed);
    }
    report.add(QStringLiteral("startup_to_window_ms"), samples, QStringLiteral("ms"), 500);
    return true;
}

// Whether the probe reported `expected` under `key`; says what it reported otherwise.
bool probeCounted(const QHash<QString, QString> &values, const QString &key, const char *what, int expected)
{
    if (values.value(key).toInt() == expected)
        return true;
    QTextStream(stderr) << "benchmark failed: the window " << what << ' ' << values.value(key) << " desktops, "
                        << expected << " expected" << Qt::endl;
    return false;
}

// The simulator a probe connects to: `desktops` generated from `seed`, the probes' throw-away keys.
SimulatorConfig probeSimulatorConfig(int desktops, quint32 seed)
{
    SimulatorConfig config;
    config.desktopCount = desktops;
    config.seed = seed;
    config.accessKey = QStringLiteral("BENCHPROBEKEY");
    config.secretKey = QStringLiteral("bench-probe-secret-not-a-real-one");
    return config;
}

bool listenOnLoopback(WorkspaceSimulator &simulator)
{
    if (simulator.listen())
        return true;
    QTextStream(stderr) << "benchmark failed: the simulator cannot listen on loopback" << Qt::endl;
    return false;
}

bool measureMemory(const BenchOptions &options, BenchReport &report)
{
    const SimulatorConfig config = probeSimulatorConfig(options.windowDesktops, 13);
    WorkspaceSimulator simulator(config);
    if (!listenOnLoopback(simulator))
        return false;
    QList<double> samples;
    for (int i = 0; i < options.processIterations; ++i) {
        const auto values = runConnectedProbe(
            config, {QStringLiteral("memory"), simulator.url().toString(), config.projectId});
        if (!values)
            return false;
        if (!probeCounted(*values, QStringLiteral("rows"), "loaded", options.windowDesktops))
            return false;
        samples.append(values->value(QStringLiteral("rss_kb")).toDouble() / 1024.0);
    }
    const QString name = options.shortMode ? QStringLiteral("rss_short_mb") : QStringLiteral("rss_100k_mb");
    report.add(name, samples, QStringLiteral("MB"), 150);
    return true;
}

// The window follows a deletion of options.deleteDesktops listed desktops (100 jobs at full size)
// from the dialog's click to the last job's end; time runs faster as in the delete group.
bool measureDeletion(const BenchOptions &options, BenchReport &report)
{
    // Some generated desktops cannot be deleted (yearly/monthly, connected): list enough.
    SimulatorConfig config = probeSimulatorConfig(options.deleteDesktops * 2, 19);
    config.jobDurationMs = int(60000 / options.deleteTimeCompression);
    WorkspaceSimulator simulator(config);
    if (!listenOnLoopback(simulator))
        return false;
    const auto values = runConnectedProbe(
        config, {QStringLiteral("delete"), simulator.url().toString(), config.projectId,
                 QString::number(options.deleteDesktops), QString::number(options.deleteTimeCompression)});
    if (!values)
        return false;
    // Some desktops fail in the simulator (e.g. connected ones without is_force_delete): every
    // one must have been followed to its outcome, not deleted.
    if (!probeCounted(*values, QStringLiteral("followed"), "followed", options.deleteDesktops))
        return false;
    QTextStream(stderr) << "the window deleted " << values->value(QStringLiteral("deleted")) << " of "
                        << options.deleteDesktops << " desktops; the longest stall was in its "
                        << values->value(QStringLiteral("max_stall_phase")) << " phase (";
    for (const QString &phase : {QStringLiteral("look-up"), QStringLiteral("dialog"), QStringLiteral("confirm"),
                                 QStringLiteral("follow")})
        QTextStream(stderr) << phase << ' ' << values->value(QStringLiteral("stall_ms_") + phase) << " ms; ";
    QTextStream(stderr) << ')' << Qt::endl;
    const bool full = !options.shortMode;
    report.add(full ? QStringLiteral("gui_max_stall_during_10k_delete_ms")
                    : QStringLiteral("gui_max_stall_during_short_delete_ms"),
               {values->value(QStringLiteral("max_stall_ms")).toDouble()}, QStringLiteral("ms"), 50);
    report.add(full ? QStringLiteral("rss_10k_delete_mb") : QStringLiteral("rss_short_delete_mb"),
               {values->value(QStringLiteral("rss_kb")).toDouble() / 1024.0}, QStringLiteral("MB"), 150);
    return true;
}

// The README's demo at scale, as a user runs it: the window's own demo service (on its thread,
// its state in the probe's fresh home) and a deletion of some of its desktops through the window,
// no delay shortened.
bool measureDemoDeletion(const BenchOptions &options, BenchReport &report)
{
    QTemporaryDir home;
    QProcess process;
    process.setProcessEnvironment(probeEnvironment(home));
    process.start(probePath(), {QStringLiteral("demo-delete"), QString::number(options.demoDesktops),
                                QString::number(options.demoDeleteDesktops)});
    const auto values = finishProbe(process);
    if (!values || !probeCounted(*values, QStringLiteral("followed"), "followed", options.demoDeleteDesktops))
        return false;
    QTextStream(stderr) << "the window's demo of " << options.demoDesktops << " desktops deleted "
                        << values->value(QStringLiteral("deleted")) << " of " << options.demoDeleteDesktops
                        << " in " << values->value(QStringLiteral("requests")) << " requests ("
                        << values->value(QStringLiteral("requests_failed")) << " failed); stalls: listing "
                        << values->value(QStringLiteral("stall_ms_listing")) << " ms, look-up "
                        << values->value(QStringLiteral("stall_ms_look-up")) << " ms, dialog "
                        << values->value(QStringLiteral("stall_ms_dialog")) << " ms, confirm "
                        << values->value(QStringLiteral("stall_ms_confirm")) << " ms, follow "
                        << values->value(QStringLiteral("stall_ms_follow")) << " ms; the demo service's thread used "
                        << values->value(QStringLiteral("service_cpu_ms")) << " ms of CPU meanwhile" << Qt::endl;
    const QString size = options.shortMode ? QStringLiteral("short")
                                           : QStringLiteral("%1k_of_%2k")
                                                 .arg(options.demoDeleteDesktops / 1000)
                                                 .arg(options.demoDesktops / 1000);
    report.add(QStringLiteral("demo_delete_%1_max_stall_ms").arg(size),
               {values->value(QStringLiteral("max_stall_ms")).toDouble()}, QStringLiteral("ms"), 50);
    report.addCount(QStringLiteral("demo_delete_%1_requests_unsent").arg(size),
                    values->value(QStringLiteral("requests_unsent")).toInt(), QStringLiteral("requests"), 0);
    return true;
}

// One region's Workspace endpoint: a simulator of its own project, created, serving and destroyed
// on a thread of its own, as each region is a server of its own. `prepare` runs on that thread
// before it listens.
class RegionServer : public QThread
{
public:
    RegionServer(SimulatorConfig config, std::function<void(WorkspaceSimulator &)> prepare)
        : m_config(std::move(config))
        , m_prepare(std::move(prepare))
    {
        setObjectName(QStringLiteral("region-") + m_config.region);
    }
    ~RegionServer() override
    {
        quit();
        wait();
    }

    // Starts the thread and returns the server's URL once it listens, empty when it cannot.
    QUrl startListening()
    {
        std::future<QUrl> listening = m_url.get_future();
        start();
        return listening.get();
    }

protected:
    void run() override
    {
        WorkspaceSimulator simulator(m_config);
        m_prepare(simulator);
        if (!simulator.listen()) {
            m_url.set_value(QUrl());
            return;
        }
        m_url.set_value(simulator.url());
        exec();
    }

private:
    const SimulatorConfig m_config;
    const std::function<void(WorkspaceSimulator &)> m_prepare;
    std::promise<QUrl> m_url;
};

// Three projects in three regions, each region's endpoint a loopback server on a thread of its own
// (the first also the account's IAM), each page of desktops answered after a region's round trip:
// the window lists the largest (the first) alone, then all of them.
bool measureAllRegions(const BenchOptions &options, BenchReport &report)
{
    const SimulatorConfig config = probeSimulatorConfig(options.regionDesktops, 23);
    SimulatorFaults roundTrip;
    roundTrip.latencyMs = options.regionLatencyMs;
    roundTrip.pathFilter = QStringLiteral("/desktops/detail");
    const struct
    {
        const char *region;
        const char *projectId;
    } others[] = {{"ap-southeast-3", "1b2c3d4e5f6a47b8c9d0e1f2a3b4c5d6"}, {"la-south-2", "2c3d4e5f6a7b48c9d0e1f2a3b4c5d6e7"}};
    QList<SimulatorConfig> projects{config};
    for (const auto &other : others) {
        SimulatorConfig project = config;
        project.region = QLatin1String(other.region);
        project.projectId = QLatin1String(other.projectId);
        project.seed = config.seed + quint32(project.projectId.size());
        projects.append(project);
    }
    std::vector<std::unique_ptr<RegionServer>> servers;
    for (const SimulatorConfig &project : projects) {
        const bool accountIam = servers.empty();
        servers.push_back(std::make_unique<RegionServer>(project, [&projects, &roundTrip, accountIam](WorkspaceSimulator &simulator) {
            simulator.setFaults(roundTrip);
            if (!accountIam)
                return;
            for (qsizetype i = 1; i < projects.size(); ++i)
                simulator.iam().addProject(projects.at(i).projectId, projects.at(i).region);
        }));
    }
    // The window reaches each region's server through the app's per-region endpoint override.
    QProcessEnvironment regionEndpoints;
    QUrl iam;
    for (std::size_t i = 0; i < servers.size(); ++i) {
        const QUrl url = servers[i]->startListening();
        if (url.isEmpty()) {
            QTextStream(stderr) << "benchmark failed: a region's simulator cannot listen on loopback" << Qt::endl;
            return false;
        }
        if (i == 0)
            iam = url;
        regionEndpoints.insert(Endpoint::overrideVariable(projects.at(qsizetype(i)).region), url.toString());
    }
    QList<double> ratios;
    QList<double> stalls;
    for (int i = 0; i < options.processIterations; ++i) {
        const auto values = runConnectedProbe(
            config, {QStringLiteral("all-regions"), iam.toString(), config.projectId, config.region}, regionEndpoints);
        if (!values || !probeCounted(*values, QStringLiteral("rows"), "listed", 3 * options.regionDesktops))
            return false;
        const double one = values->value(QStringLiteral("one_ms")).toDouble();
        const double all = values->value(QStringLiteral("all_ms")).toDouble();
        QTextStream(stderr) << "one project of " << options.regionDesktops << " desktops listed in " << one
                            << " ms (longest stall " << values->value(QStringLiteral("stall_ms_one"))
                            << " ms), three in " << all << " ms; " << options.regionLatencyMs
                            << " ms per page of desktops; the GUI thread's CPU time "
                            << values->value(QStringLiteral("gui_cpu_ms_one")) << " ms for one, "
                            << values->value(QStringLiteral("gui_cpu_ms_all")) << " ms for three" << Qt::endl;
        double longest = 0;
        for (auto it = values->cbegin(); it != values->cend(); ++it) {
            if (!it.key().startsWith(QLatin1String("stall_ms_all")))
                continue;
            QTextStream(stderr) << "  " << it.key() << ": " << it.value() << " ms" << Qt::endl;
            longest = std::max(longest, it.value().toDouble());
        }
        ratios.append(one > 0 ? all / one : 0.0);
        stalls.append(longest);
    }
    const QString size = options.shortMode ? QStringLiteral("short") : QStringLiteral("3x%1k").arg(options.regionDesktops / 1000);
    report.add(QStringLiteral("all_regions_%1_vs_one_ratio").arg(size), ratios, QStringLiteral("x"), 1.3, 2);
    report.add(QStringLiteral("all_regions_%1_max_stall_ms").arg(size), stalls, QStringLiteral("ms"), 50);
    return true;
}

} // namespace

bool runAllRegionsBenchmark(const BenchOptions &options, BenchReport &report)
{
    return measureAllRegions(options, report);
}

bool runProcessBenchmarks(const BenchOptions &options, BenchReport &report)
{
    return measureStartup(options, report) && measureMemory(options, report);
}

bool runWindowDeletionBenchmark(const BenchOptions &options, BenchReport &report)
{
    return measureDeletion(options, report);
}

bool runDemoDeletionBenchmark(const BenchOptions &options, BenchReport &report)
{
    return measureDemoDeletion(options, report);
}
