#pragma once

#include "simulatorconfig.h"

#include <QList>
#include <QObject>
#include <QUrl>

#include <memory>

class SimulatorThreadRunner;

// A WorkspaceSimulator on a thread of its own, so that generating thousands of desktops, answering
// their listings and keeping its state never hold up the thread that started it (the window's).
// The simulator is built, listens, serves and is destroyed on that thread; the rest of the process
// reaches it only over loopback HTTP, as it would reach the real service.
class SimulatorThread : public QObject
{
    Q_OBJECT
public:
    explicit SimulatorThread(QObject *parent = nullptr);
    // Stops it (see stop()).
    ~SimulatorThread() override;

    // Starts the thread, which builds the simulator and listens on 127.0.0.1:port (0: any free
    // port); started() or failed() follows, once. A simulator still running is stopped first.
    void start(const SimulatorConfig &config, quint16 port = 0);
    // More projects of the account served behind the same server (WorkspaceSimulator::addProject),
    // from the next start() on.
    void setOtherProjects(QList<SimulatorConfig> configs) { m_otherProjects = std::move(configs); }
    // Ends the thread: the simulator is destroyed on it (its state store commits what is pending)
    // and this returns when the thread has ended. Requests in flight go unanswered.
    void stop();
    bool isRunning() const;
    // http://127.0.0.1:PORT once started, empty before.
    QUrl url() const { return m_url; }

Q_SIGNALS:
    void started(const QUrl &url);
    void failed();

private:
    void onListening(const QUrl &url);
    void onFailedToListen();

    std::unique_ptr<SimulatorThreadRunner> m_runner;
    QUrl m_url;
    QList<SimulatorConfig> m_otherProjects;
    quint64 m_generation = 0;
};
