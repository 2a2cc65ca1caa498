#include "loopbackbenchmark.h"

#include "benchreport.h"
#include "benchtable.h"
#include "desktoploader.h"
#include "workspacesimulator.h"

#include "api/apiclient.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTextStream>

#include <memory>

bool runLoopbackBenchmark(const BenchOptions &options, BenchReport &report)
{
    SimulatorConfig config;
    config.desktopCount = options.loopbackDesktops;
    config.seed = 11;
    config.accessKey = QStringLiteral("BENCHACCESSKEY");
    config.secretKey = QStringLiteral("bench-secret-key-not-a-real-one");
    WorkspaceSimulator simulator(config);
    QTextStream err(stderr);
    if (!simulator.listen()) {
        err << "benchmark failed: the simulator cannot listen on loopback" << Qt::endl;
        return false;
    }

    QNetworkAccessManager network;
    ClientConfig clientConfig;
    clientConfig.endpoint = simulator.url();
    clientConfig.projectId = config.projectId;
    Credentials credentials;
    credentials.accessKey = config.accessKey;
    credentials.secretKey = config.secretKey;
    ApiClient client(&network, clientConfig, credentials);

    QList<double> samples;
    for (int i = 0; i < options.iterations; ++i) {
        // A fresh table each time: a reload into a full table updates instead of inserting.
        auto table = std::make_unique<BenchTable>();
        DesktopLoader loader(&table->model());
        loader.setClient(&client);
        QSignalSpy finished(&loader, &DesktopLoader::loadingFinished);
        QElapsedTimer timer;
        timer.start();
        loader.load();
        if (!finished.wait(60000)) {
            err << "benchmark failed: the loopback listing did not finish" << Qt::endl;
            return false;
        }
        samples.append(double(timer.nsecsElapsed()) / 1e6);
        const ApiError error = finished.at(0).at(0).value<ApiError>();
        if (error.isError() || table->model().rowCount() != options.loopbackDesktops) {
            err << "benchmark failed: the loopback listing gave " << table->model().rowCount()
                << " desktops, " << options.loopbackDesktops << " expected" << Qt::endl;
            return false;
        }
    }
    const QString name = options.shortMode ? QStringLiteral("list_short_loopback_ms")
                                           : QStringLiteral("list_10k_loopback_ms");
    report.add(name, samples, QStringLiteral("ms"), 1500);
    return true;
}
