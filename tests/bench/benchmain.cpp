// workspace-bench: the performance figures of docs/PERFORMANCE.md, one `name: value unit` line each (the
// median of several runs). scripts/bench.sh runs it on a Release build; ctest runs it as
// bench_short (small sizes, one run, no targets) so that CI keeps it working.

#include "benchclock.h"
#include "benchoptions.h"
#include "benchreport.h"
#include "deletebenchmark.h"
#include "jobspanelbenchmark.h"
#include "loopbackbenchmark.h"
#include "modelbenchmarks.h"
#include "processbenchmarks.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("WorkspaceAdmin"));
    QCoreApplication::setApplicationName(QStringLiteral("workspace-admin"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Performance figures of Workspace Admin."));
    parser.addHelpOption();
    const QCommandLineOption shortOption(QStringLiteral("short"),
                                         QStringLiteral("Small sizes, one run, no targets (for CI)."));
    const QCommandLineOption iterationsOption(QStringLiteral("iterations"),
                                              QStringLiteral("Runs per in-process figure."), QStringLiteral("N"));
    const QCommandLineOption onlyOption(QStringLiteral("only"),
                                        QStringLiteral("Only this group: model, loopback, delete, panel, process, window-delete, "
                                                       "demo-delete or all-regions (repeatable)."),
                                        QStringLiteral("group"));
    const QCommandLineOption checkOption(QStringLiteral("check"),
                                         QStringLiteral("Exit with 3 when a figure misses its target."));
    const QCommandLineOption cpuClockOption(
        QStringLiteral("cpu-clock"),
        QStringLiteral("Time the in-process figures (model group) by the CPU time of their thread, "
                       "not wall time: for a machine busy with other work."));
    parser.addOptions({shortOption, iterationsOption, onlyOption, checkOption, cpuClockOption});
    parser.process(app);

    BenchClock::useThreadCpuTime(parser.isSet(cpuClockOption));
    BenchOptions options = parser.isSet(shortOption) ? BenchOptions::shortRun() : BenchOptions();
    if (parser.isSet(iterationsOption))
        options.iterations = qMax(1, parser.value(iterationsOption).toInt());
    QStringList groups = parser.values(onlyOption);
    if (groups.isEmpty())
        groups = {QStringLiteral("model"), QStringLiteral("loopback"), QStringLiteral("delete"),
                  QStringLiteral("panel"), QStringLiteral("process"), QStringLiteral("window-delete"),
                  QStringLiteral("demo-delete"), QStringLiteral("all-regions")};

    BenchReport report;
    report.setTargetsShown(!options.shortMode);
    bool worked = true;
    if (worked && groups.contains(QStringLiteral("model")))
        worked = runModelBenchmarks(options, report);
    if (worked && groups.contains(QStringLiteral("loopback")))
        worked = runLoopbackBenchmark(options, report);
    if (worked && groups.contains(QStringLiteral("delete")))
        worked = runDeleteBenchmark(options, report);
    if (worked && groups.contains(QStringLiteral("panel")))
        worked = runJobsPanelBenchmark(options, report);
    if (worked && groups.contains(QStringLiteral("process")))
        worked = runProcessBenchmarks(options, report);
    if (worked && groups.contains(QStringLiteral("window-delete")))
        worked = runWindowDeletionBenchmark(options, report);
    if (worked && groups.contains(QStringLiteral("demo-delete")))
        worked = runDemoDeletionBenchmark(options, report);
    if (worked && groups.contains(QStringLiteral("all-regions")))
        worked = runInterleavedProjectsBenchmark(options, report) && runAllRegionsBenchmark(options, report);
    if (!worked)
        return 1;
    return parser.isSet(checkOption) && !report.allTargetsMet() ? 3 : 0;
}
