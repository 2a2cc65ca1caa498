#include "applanguage.h"
#include "cliapplication.h"
#include "exitcode.h"
#include "settings/connectionoptions.h"
#include "terminaloutput.h"

#include <QCoreApplication>
#include <QStringDecoder>
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
    // The arguments as bytes: Qt would turn bytes that are not UTF-8 into replacement characters,
    // and a log-off message, a name or an id would then be sent as something no one typed.
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        arguments.append(decoder(QByteArray(argv[i])));
        if (decoder.hasError()) {
            err << QCoreApplication::translate("main", "Argument %1 is not valid UTF-8 text; nothing was sent.").arg(i)
                << Qt::endl;
            return ExitUsageError;
        }
    }
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
