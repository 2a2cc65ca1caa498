#pragma once

#include <QObject>

class QSocketNotifier;

// Turns the first SIGINT or SIGTERM into a signal on the event loop (through a self-pipe, the only
// safe way out of a POSIX signal handler), so a command can stop cleanly and report. The default
// handlers come back after that first signal: a second Ctrl+C ends the process at once.
class InterruptWatcher : public QObject
{
    Q_OBJECT
public:
    explicit InterruptWatcher(QObject *parent = nullptr);
    ~InterruptWatcher() override;

    bool isActive() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void interrupted(int signalNumber);

private:
    void onPipeReadable();
    void restoreDefaults();

    QSocketNotifier *m_notifier = nullptr;
};
