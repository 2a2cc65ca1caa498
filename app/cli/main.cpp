#include "cliapplication.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Same name as the GUI, so both share the data directory (journal, audit log).
    QCoreApplication::setApplicationName(QStringLiteral("workspace-admin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WORKSPACE_ADMIN_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    CliApplication cli(QCoreApplication::arguments(), QProcessEnvironment::systemEnvironment(), out, err);
    QObject::connect(&cli, &CliApplication::finished, &app, &QCoreApplication::exit,
                     Qt::QueuedConnection);
    QTimer::singleShot(0, &cli, &CliApplication::start);
    return app.exec();
}
