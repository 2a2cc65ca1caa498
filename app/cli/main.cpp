#include "applanguage.h"
#include "cliapplication.h"
#include "settings/connectionoptions.h"
#include "terminaloutput.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The identity of the window, so that both read and write the same places.
    ConnectionOptions::applyApplicationIdentity();
    QCoreApplication::setApplicationVersion(QStringLiteral(WORKSPACE_ADMIN_VERSION));

    TerminalOutput standardOutput(stdout);
    TerminalOutput standardError(stderr);
    QTextStream out(&standardOutput);
    QTextStream err(&standardError);
    // --lang is taken out here, before the command parser runs, because that parser accepts only
    // the options of the command given.
    QStringList arguments = QCoreApplication::arguments();
    const QString requestedLanguage = AppLanguage::takeRequested(&arguments);
    AppLanguage language;
    if (!language.install(AppLanguage::chooseLocale(requestedLanguage)) && !requestedLanguage.isEmpty()) {
        err << QCoreApplication::translate("main", "No translation for “%1”; using English.").arg(requestedLanguage)
            << Qt::endl;
    }
    CliApplication cli(arguments, QProcessEnvironment::systemEnvironment(), out, err);
    QObject::connect(&cli, &CliApplication::finished, &app, &QCoreApplication::exit,
                     Qt::QueuedConnection);
    QTimer::singleShot(0, &cli, &CliApplication::start);
    return app.exec();
}
