#include "simulatorthread.h"

#include "workspacesimulator.h"

#include <QThread>

// The thread itself: its run() owns the simulator, so that it is created, serves and is destroyed
// on this thread alone, whatever happens to the SimulatorThread.
class SimulatorThreadRunner : public QThread
{
    Q_OBJECT
public:
    SimulatorThreadRunner(SimulatorConfig config, QList<SimulatorConfig> otherProjects, quint16 port)
        : m_config(std::move(config))
        , m_otherProjects(std::move(otherProjects))
        , m_port(port)
    {
        setObjectName(QStringLiteral("workspace-simulator"));
    }

Q_SIGNALS:
    void listening(const QUrl &url);
    void failedToListen();

protected:
    void run() override
    {
        WorkspaceSimulator simulator(m_config);
        for (const SimulatorConfig &project : m_otherProjects)
            simulator.addProject(project);
        if (!simulator.listen(m_port)) {
            Q_EMIT failedToListen();
            return;
        }
        Q_EMIT listening(simulator.url());
        exec(); // until stop() (quit() before exec() makes it return at once)
    }

private:
    const SimulatorConfig m_config;
    const QList<SimulatorConfig> m_otherProjects;
    const quint16 m_port;
};

SimulatorThread::SimulatorThread(QObject *parent)
    : QObject(parent)
{
}

SimulatorThread::~SimulatorThread()
{
    stop();
}

void SimulatorThread::start(const SimulatorConfig &config, quint16 port)
{
    stop();
    m_runner = std::make_unique<SimulatorThreadRunner>(config, m_otherProjects, port);
    // Emitted on the runner's thread, delivered on this object's. A signal still queued from a
    // runner stopped since then is dropped: disconnecting does not take back what was posted.
    const quint64 generation = m_generation;
    connect(m_runner.get(), &SimulatorThreadRunner::listening, this, [this, generation](const QUrl &url) {
        if (generation == m_generation)
            onListening(url);
    }, Qt::QueuedConnection);
    connect(m_runner.get(), &SimulatorThreadRunner::failedToListen, this, [this, generation] {
        if (generation == m_generation)
            onFailedToListen();
    }, Qt::QueuedConnection);
    m_runner->start();
}

void SimulatorThread::stop()
{
    if (!m_runner)
        return;
    ++m_generation; // a stopped thread reports nothing more
    m_runner->quit();
    m_runner->wait();
    m_runner.reset();
    m_url.clear();
}

bool SimulatorThread::isRunning() const
{
    return m_runner && m_runner->isRunning();
}

void SimulatorThread::onListening(const QUrl &url)
{
    m_url = url;
    Q_EMIT started(url);
}

void SimulatorThread::onFailedToListen()
{
    stop();
    Q_EMIT failed();
}

#include "simulatorthread.moc"
