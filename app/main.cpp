// The Workspace Admin desktop application.

#include "applanguage.h"
#include "appstartup.h"
#include "mainwindow.h"

#include "settings/connectionoptions.h"
#include "settings/credentialstore.h"
#include "settings/profilestore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QProcessEnvironment>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    ConnectionOptions::applyApplicationIdentity();
    QCoreApplication::setApplicationVersion(QStringLiteral(WORKSPACE_ADMIN_VERSION));
    // Before the parser: option descriptions are translated as they are added.
    const QString requestedLanguage = AppLanguage::requested(QCoreApplication::arguments());
    AppLanguage language;
    if (!language.install(AppLanguage::chooseLocale(requestedLanguage)) && !requestedLanguage.isEmpty()) {
        QTextStream(stderr) << QCoreApplication::translate("main", "No translation for “%1”; using English.")
                                   .arg(requestedLanguage)
                            << Qt::endl;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Review and delete Huawei Cloud Workspace desktops in batches."));
    parser.addHelpOption();
    parser.addVersionOption();
    ConnectionOptions::addTo(parser);
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Load the desktops, save a picture of the window to <file> and exit."),
        QCoreApplication::translate("main", "file"));
    parser.addOption(screenshotOption);
    const QCommandLineOption dialogScreenshotOption(
        QStringLiteral("screenshot-dialog"),
        QCoreApplication::translate("main", "Load the desktops, open the deletion dialog for a few of them, save a "
                                            "picture of it to <file> and exit without deleting."),
        QCoreApplication::translate("main", "file"));
    parser.addOption(dialogScreenshotOption);
    const QCommandLineOption jobsScreenshotOption(
        QStringLiteral("screenshot-jobs"),
        QCoreApplication::translate("main", "Load the desktops, delete a few of them (use with --demo), save a "
                                            "picture of the window with the Jobs panel to <file> and exit."),
        QCoreApplication::translate("main", "file"));
    parser.addOption(jobsScreenshotOption);
    parser.process(app);

    ProfileStore profiles(ProfileStore::defaultFilePath());
    CredentialStore credentials;
    MainWindow window;
    AppStartup startup(&window, &profiles, &credentials);
    startup.setScreenshotPath(parser.value(screenshotOption));
    startup.setDialogScreenshotPath(parser.value(dialogScreenshotOption));
    startup.setJobsScreenshotPath(parser.value(jobsScreenshotOption));
    QObject::connect(&startup, &AppStartup::fatalError, &app, [](const QString &message) {
        QTextStream(stderr) << message << Qt::endl;
        QCoreApplication::exit(2);
    }, Qt::QueuedConnection);

    startup.start(ConnectionOptions::valuesFrom(parser), QProcessEnvironment::systemEnvironment());
    window.show();
    return QApplication::exec();
}
