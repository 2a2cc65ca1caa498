// workspace-screenshots: the window with the same start-up as workspace-admin, plus a director that
// takes one picture and quits. Usage (see scripts/screenshots.sh):
//     workspace-screenshots --demo [--lang L] [--data-dir D] (--screenshot | --screenshot-dialog |
//                           --screenshot-jobs) FILE

#include "applanguage.h"
#include "appstartup.h"
#include "mainwindow.h"
#include "screenshotdirector.h"

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
    AppLanguage language;
    language.install(AppLanguage::chooseLocale(AppLanguage::requested(QCoreApplication::arguments())));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Renders the README's pictures of Workspace Admin."));
    parser.addHelpOption();
    ConnectionOptions::addTo(parser);
    const QString file = QStringLiteral("file");
    const QCommandLineOption window(QStringLiteral("screenshot"),
                                    QStringLiteral("Save a picture of the loaded window to <file>."), file);
    const QCommandLineOption dialog(QStringLiteral("screenshot-dialog"),
                                    QStringLiteral("Save a picture of the deletion dialog for a few desktops to "
                                                   "<file>; nothing is deleted."),
                                    file);
    const QCommandLineOption jobs(QStringLiteral("screenshot-jobs"),
                                  QStringLiteral("Delete a few desktops (--demo only) and save a picture of the "
                                                 "window with the Jobs panel to <file>."),
                                  file);
    const QCommandLineOption retire(QStringLiteral("screenshot-retire"),
                                    QStringLiteral("Save a picture of the retirement's confirmation for a few "
                                                   "desktops to <file>; nothing is retired."),
                                    file);
    parser.addOptions({window, dialog, jobs, retire});
    parser.process(app);

    ScreenshotDirector::Picture picture = ScreenshotDirector::Picture::Window;
    QString path = parser.value(window);
    if (parser.isSet(dialog)) {
        picture = ScreenshotDirector::Picture::DeletionDialog;
        path = parser.value(dialog);
    } else if (parser.isSet(jobs)) {
        picture = ScreenshotDirector::Picture::JobsPanel;
        path = parser.value(jobs);
    } else if (parser.isSet(retire)) {
        picture = ScreenshotDirector::Picture::RetireDialog;
        path = parser.value(retire);
    }
    if (path.isEmpty()) {
        QTextStream(stderr) << "Name the picture: --screenshot, --screenshot-dialog, --screenshot-jobs or --screenshot-retire FILE."
                            << Qt::endl;
        return 2;
    }

    ProfileStore profiles(ProfileStore::defaultFilePath());
    CredentialStore credentials;
    MainWindow mainWindow;
    AppStartup startup(&mainWindow, &profiles, &credentials);
    ScreenshotDirector director(&mainWindow, mainWindow.deletionController(), picture, path);
    const auto fail = [](const QString &message) {
        QTextStream(stderr) << message << Qt::endl;
        QCoreApplication::exit(2);
    };
    QObject::connect(&startup, &AppStartup::fatalError, &app, fail, Qt::QueuedConnection);
    QObject::connect(&director, &ScreenshotDirector::failed, &app, fail, Qt::QueuedConnection);

    startup.start(ConnectionOptions::valuesFrom(parser), QProcessEnvironment::systemEnvironment());
    mainWindow.show();
    return QApplication::exec();
}
