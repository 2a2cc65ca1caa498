// workspace-bench-probe: the process that workspace-bench measures for start-up time and memory.
// A separate executable so that it holds nothing but the application (and so that the in-process
// figures build without the widgets).

#include "windowprobe.h"

#include <QApplication>
#include <QStandardPaths>
#include <QUrl>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("WorkspaceAdmin"));
    QCoreApplication::setApplicationName(QStringLiteral("workspace-admin"));
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.value(1) == QLatin1String("startup"))
        return WindowProbe::runStartup();
    if (arguments.value(1) == QLatin1String("memory") && arguments.size() == 4)
        return WindowProbe::runMemory(QUrl(arguments.at(2)), arguments.at(3));
    if (arguments.value(1) == QLatin1String("delete") && arguments.size() == 6)
        return WindowProbe::runDeletion(QUrl(arguments.at(2)), arguments.at(3), arguments.at(4).toInt(),
                                        arguments.at(5).toDouble());
    if (arguments.value(1) == QLatin1String("all-regions") && arguments.size() == 5)
        return WindowProbe::runAllRegions(QUrl(arguments.at(2)), arguments.at(3), arguments.at(4));
    if (arguments.value(1) == QLatin1String("demo-delete") && arguments.size() == 4)
        return WindowProbe::runDemoDeletion(arguments.at(2).toInt(), arguments.at(3).toInt());
    return 2;
}
