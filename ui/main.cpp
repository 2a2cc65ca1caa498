// The Workspace Admin desktop application.

#include "applanguage.h"
#include "appstartup.h"
#include "mainwindow.h"

#include "settings/connectionoptions.h"
#include "settings/credentialstore.h"
#include "settings/profilestore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>
#include <QTextStream>

namespace {

// Names, translation and every option, for the help text and for the run alike.
void setUp(QCommandLineParser &parser, AppLanguage &language)
{
    ConnectionOptions::applyApplicationIdentity();
    QCoreApplication::setApplicationVersion(QStringLiteral(WORKSPACE_ADMIN_VERSION));
    // Before the parser: option descriptions are translated as they are added.
    const QString requestedLanguage = AppLanguage::requested(QCoreApplication::arguments());
    if (!language.install(AppLanguage::chooseLocale(requestedLanguage)) && !requestedLanguage.isEmpty()) {
        QTextStream(stderr) << QCoreApplication::translate("main", "No translation for “%1”; using English.")
                                   .arg(requestedLanguage)
                            << Qt::endl;
    }

    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Review and delete Huawei Cloud Workspace desktops in batches."));
    parser.addHelpOption();
    parser.addVersionOption();
    ConnectionOptions::addTo(parser);
}

// --help and --version need no display: answered before a QApplication (which aborts without a
// platform) exists.
bool asksForHelpOrVersion(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "--")
            break;
        if (argument == "-h" || argument == "-?" || argument == "--help" || argument == "--help-all"
            || argument == "-v" || argument == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (asksForHelpOrVersion(argc, argv)) {
        QCoreApplication app(argc, argv);
        AppLanguage language;
        QCommandLineParser parser;
        setUp(parser, language);
        parser.process(app); // prints and exits 0 (or 1 with a usage error)
        return 0;
    }

    QApplication app(argc, argv);
    AppLanguage language;
    QCommandLineParser parser;
    setUp(parser, language);
    parser.process(app);

    ProfileStore profiles(ProfileStore::defaultFilePath());
    CredentialStore credentials;
    QNetworkAccessManager network;
    MainWindow window;
    window.setNetworkAccessManager(&network);
    AppStartup startup(&window, &profiles, &credentials);
    startup.setNetworkAccessManager(&network);
    QObject::connect(&startup, &AppStartup::fatalError, &app, [](const QString &message) {
        QTextStream(stderr) << message << Qt::endl;
        QCoreApplication::exit(2);
    }, Qt::QueuedConnection);

    startup.start(ConnectionOptions::valuesFrom(parser), QProcessEnvironment::systemEnvironment());
    window.show();
    return QApplication::exec();
}
