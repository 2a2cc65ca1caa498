#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

class MainWindow;

// The child side of the process benchmarks (workspace-bench-probe): builds the application's real main window and reports on stdout, one `key: value` line, what
// the parent measures. Kept in a separate process so that the figure is the memory and start-up
// of a process that holds nothing but the application.
class WindowProbe : public QObject
{
    Q_OBJECT
public:
    // Prints "shown" once the main window has painted for the first time, then quits.
    static int runStartup();
    // Connects the main window to `endpoint` (credentials from the environment, as the app reads
    // them), loads every desktop, then prints "rss_kb: N" and "rows: N" and quits.
    static int runMemory(const QUrl &endpoint, const QString &projectId);

    // Connects like runMemory(), then deletes `count` deletable desktops through the window's own
    // dialog and follows the jobs to their end with every delay `compression` times shorter.
    // Prints "max_stall_ms: N" (the longest the GUI thread went without serving a 10 ms timer),
    // "rss_kb: N" (the largest resident size meanwhile), "deleted: N", then quits.
    static int runDeletion(const QUrl &endpoint, const QString &projectId, int count, double compression);
    // The README's demo at scale: the window starts its in-app demo of `desktopCount` desktops (the
    // demo service on its own thread, its state in a fresh data directory), deletes `count` idle
    // ones through its own dialog and follows them to their end, every delay as the user has it.
    // Prints "max_stall_ms: N" (from the deletion's request to its end), the phases' stalls (the
    // listing's apart), "requests_unsent: N" and the other counts, then quits.
    static int runDemoDeletion(int desktopCount, int count);
    // The account behind `endpoint` (its IAM there too) in one window: lists the project
    // `projectId` of `region` alone, then every project of the account, each at its region's
    // endpoint (HUAWEICLOUD_SDK_REGION_WORKSPACE_* in the environment).
    // Prints "one_ms: N" and "all_ms: N" (from connecting to the listing's end), "rows: N" (of
    // every project), "stall_ms_one: N" and "stall_ms_all: N" (the longest the GUI thread went
    // without serving a 10 ms timer while the one, then every project loaded), then quits.
    static int runAllRegions(const QUrl &endpoint, const QString &projectId, const QString &region);

    static qint64 residentKilobytes(); // VmRSS of this process, -1 when unknown
    // CPU time (user and system) of this process's threads whose name starts `threadName`'s
    // first 15 characters (Linux cuts the rest), -1 when unknown.
    static qint64 threadCpuMs(const QByteArray &threadName);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool m_painted = false;
};
