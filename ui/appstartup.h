#pragma once

#include "api/credentials.h"
#include "settings/connectionoptions.h"
#include "settings/connectionprofile.h"

#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>

#include <optional>

class CredentialStore;
class DeletionController;
class DemoConnection;
class MainWindow;
class ProfileStore;

// Decides what the window shows after start and when the user picks a connection: the command
// line, the environment, the last used profile, the demo, or the welcome page. Reads secrets from
// the keychain asynchronously and hands the resolved connection to the window.
class AppStartup : public QObject
{
    Q_OBJECT
public:
    AppStartup(MainWindow *window, ProfileStore *profiles, CredentialStore *credentials,
               QObject *parent = nullptr);
    ~AppStartup() override;

    // The window's deletions, driven by the dialog and jobs screenshots.
    void setDeletionController(DeletionController *deletion);
    // Once the first load ends, renders the window to `path` and quits (0 on success).
    void setScreenshotPath(const QString &path) { m_screenshotPath = path; }
    // Once the first load ends, selects a few desktops, opens the deletion dialog, renders it to
    // `path` and quits (for README screenshots; nothing is deleted).
    void setDialogScreenshotPath(const QString &path) { m_dialogScreenshotPath = path; }
    // Once the first load ends, deletes a few desktops (use with --demo), waits for the job's end and
    // renders the window with the Jobs panel to `path`, then quits.
    void setJobsScreenshotPath(const QString &path) { m_jobsScreenshotPath = path; }

    void start(const ConnectionOptionValues &values, const QProcessEnvironment &environment);
    void startDemo();
    // Uses a saved profile, reading its secret from the keychain.
    void connectToProfile(const QString &profileName);

Q_SIGNALS:
    // The command line names a connection that cannot be used; main() reports it and exits.
    void fatalError(const QString &message);

private:
    void useResolved(ResolvedConnection connection);
    void onConnectionRequested(const ConnectionProfile &profile, const Credentials &credentials);
    void onEditConnectionRequested();
    void onCredentialsRead(const QString &profileName, const Credentials &credentials, const QString &error);
    void onDesktopsLoaded(bool succeeded);
    void showWarning(const QString &message);
    QStringList screenshotSelection() const;
    void takeDialogScreenshot();
    void takeJobsScreenshot();
    void saveScreenshot(QWidget *widget, const QString &path);

    QPointer<MainWindow> m_window;
    QPointer<DeletionController> m_deletion;
    ProfileStore *m_profiles;
    CredentialStore *m_credentials;
    QString m_screenshotPath;
    QString m_dialogScreenshotPath;
    QString m_jobsScreenshotPath;
    bool m_screenshotTaken = false;
    // A connection waiting for its secret from the keychain.
    std::optional<ResolvedConnection> m_pending;
    QString m_editingProfile; // profile whose secret is read for the edit dialog
    DemoConnection *m_demo = nullptr;
    QString m_dataDirOption; // --data-dir as given; empty: the default
};
