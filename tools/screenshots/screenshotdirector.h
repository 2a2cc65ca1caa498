#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

class DeletionController;
class MainWindow;
class QWidget;

// Drives the window like a user for one picture once its first load ends: the window as loaded,
// the deletion dialog for a few desktops (nothing deleted), the Jobs panel after deleting a few
// demo desktops, or the retirement's confirmation (nothing retired). Then quits (0 on success).
class ScreenshotDirector : public QObject
{
    Q_OBJECT
public:
    enum class Picture { Window, DeletionDialog, JobsPanel, RetireDialog };

    ScreenshotDirector(MainWindow *window, DeletionController *deletion, Picture picture, const QString &path,
                       QObject *parent = nullptr);

Q_SIGNALS:
    // The picture cannot be taken; the tool reports it and exits.
    void failed(const QString &message);

private:
    void onFirstLoad(bool succeeded);
    QStringList selection() const;
    void takeDialog();
    void takeJobs();
    void takeRetireDialog();
    void save(QWidget *widget, int exitCode = 0);

    QPointer<MainWindow> m_window;
    QPointer<DeletionController> m_deletion;
    Picture m_picture;
    QString m_path;
    bool m_taken = false;
};
