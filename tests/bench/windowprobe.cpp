#include "windowprobe.h"

#include "appstartup.h"
#include "mainwindow.h"

#include "desktoptablemodel.h"
#include "settings/connectionoptions.h"
#include "settings/credentialstore.h"
#include "settings/profilestore.h"

#include <QApplication>
#include <QEvent>
#include <QFile>
#include <QProcessEnvironment>
#include <QTextStream>
#include <QTimer>

qint64 WindowProbe::residentKilobytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:")) {
            // "VmRSS:	  123456 kB"
            const QList<QByteArray> fields = line.mid(6).simplified().split(' ');
            bool ok = false;
            const qint64 kilobytes = fields.value(0).toLongLong(&ok);
            return ok ? kilobytes : -1;
        }
    }
    return -1;
}

bool WindowProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        QTextStream(stdout) << "shown" << Qt::endl;
        // Quit once the paint is done, not inside it.
        QTimer::singleShot(0, qApp, [] { QCoreApplication::exit(0); });
    }
    return QObject::eventFilter(watched, event);
}

int WindowProbe::runStartup()
{
    // What main() does, with the profiles and settings of the (temporary) home the parent gave us.
    ProfileStore profiles(ProfileStore::defaultFilePath());
    CredentialStore credentials;
    MainWindow window;
    AppStartup startup(&window, &profiles, &credentials);
    WindowProbe probe;
    window.installEventFilter(&probe);
    startup.start(ConnectionOptionValues(), QProcessEnvironment());
    window.show();
    return QApplication::exec();
}

int WindowProbe::runMemory(const QUrl &endpoint, const QString &projectId)
{
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    ResolvedConnection connection;
    connection.config.endpoint = endpoint;
    connection.config.projectId = projectId;
    connection.credentials.accessKey = environment.value(QLatin1String(ConnectionOptions::accessKeyVariable()));
    connection.credentials.secretKey = environment.value(QLatin1String(ConnectionOptions::secretKeyVariable()));

    MainWindow window;
    QObject::connect(&window, &MainWindow::desktopsLoaded, &window, [&window](const ApiError &error) {
        QTextStream out(stdout);
        if (error.isError()) {
            out << "error: kind " << static_cast<int>(error.kind) << ", HTTP " << error.httpStatus << Qt::endl;
            QCoreApplication::exit(1);
            return;
        }
        // After the views have handled the last page, as a user would see it.
        QTimer::singleShot(0, &window, [&window] {
            QTextStream out(stdout);
            out << "rss_kb: " << residentKilobytes() << Qt::endl;
            out << "rows: " << window.desktopModel()->rowCount() << Qt::endl;
            QCoreApplication::exit(0);
        });
    });
    window.resize(1200, 800);
    window.show();
    window.connectTo(connection);
    return QApplication::exec();
}
