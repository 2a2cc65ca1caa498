// The simulator on a thread of its own (what the demo runs): it starts, serves over loopback while
// the starting thread is busy, keeps its state when stopped, and reports a port it cannot take.
#include "api/apicalls.h"
#include "api/apiclient.h"
#include "simulatorstore.h"
#include "simulatorthread.h"
#include "simulatortestsupport.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
const QString kAccessKey = QStringLiteral("THREADAK00000001");
const QString kSecretKey = QStringLiteral("thread-secret");
constexpr int kWaitMs = 30000;
} // namespace

class TestSimulatorThread : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void servesWhileTheStartingThreadIsBlocked();
    void stopKeepsWhatWasAccepted();
    void stopBeforeListeningReportsNothing();
    void aTakenPortFails();

private:
    SimulatorConfig config() const
    {
        SimulatorConfig result = simulatorConfig(kAccessKey, kSecretKey, 500, 60000);
        result.stateFilePath = m_dir.filePath(QStringLiteral("thread-state.sqlite"));
        return result;
    }
    std::unique_ptr<ApiClient> clientOf(const QUrl &url)
    {
        ClientConfig clientConfig;
        clientConfig.endpoint = url;
        clientConfig.projectId = config().projectId;
        return std::make_unique<ApiClient>(&m_network, clientConfig, Credentials{kAccessKey, kSecretKey, {}});
    }

    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
};

void TestSimulatorThread::servesWhileTheStartingThreadIsBlocked()
{
    SimulatorThread thread;
    QSignalSpy started(&thread, &SimulatorThread::started);
    thread.start(config());
    QVERIFY(started.wait(kWaitMs));
    QVERIFY(thread.isRunning());
    const QUrl url = started.at(0).at(0).toUrl();
    QCOMPARE(thread.url(), url);
    QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));

    // This thread waits on a socket without running its event loop: only a simulator on another
    // thread can answer (unsigned, so it answers 401).
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(url.port()));
    QVERIFY(socket.waitForConnected(kWaitMs));
    socket.write("GET /v2/" + config().projectId.toLatin1() + "/desktops/detail HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QVERIFY(socket.waitForBytesWritten(kWaitMs));
    QByteArray answer;
    while (!answer.contains("\r\n\r\n") && socket.waitForReadyRead(kWaitMs))
        answer += socket.readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 401"), answer.constData());

    // And it serves the signed calls of the app.
    const QList<Desktop> listed = listAllDesktops(clientOf(url).get(), kWaitMs);
    QCOMPARE(listed.size(), 500);

    thread.stop();
    QVERIFY(!thread.isRunning());
    QVERIFY(thread.url().isEmpty());
}

void TestSimulatorThread::stopKeepsWhatWasAccepted()
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(config().stateFilePath + suffix);
    QString jobId;
    QStringList ids;
    {
        SimulatorThread thread;
        QSignalSpy started(&thread, &SimulatorThread::started);
        thread.start(config());
        QVERIFY(started.wait(kWaitMs));
        const std::unique_ptr<ApiClient> client = clientOf(thread.url());
        const QList<Desktop> listed = listAllDesktops(client.get(), kWaitMs);
        for (const Desktop &desktop : listed) {
            if (ids.size() < 3 && desktop.taskStatus.isEmpty())
                ids.append(desktop.id);
        }
        QCOMPARE(ids.size(), 3);
        BatchDeleteCall call(client.get(), ids, {});
        QSignalSpy finished(&call, &ApiCall::finished);
        call.start();
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY(call.succeeded());
        jobId = call.jobId();
    } // destroyed while the job runs: the simulator ends on its thread, its store committed

    SimulatorStore store(config().stateFilePath);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    const std::optional<SimulatorState> state = store.load(&error);
    QVERIFY2(state, qPrintable(error));
    QCOMPARE(state->jobs.size(), 1);
    QCOMPARE(state->jobs.first().id, jobId);
    QCOMPARE(state->jobs.first().targets.size(), 3);
    QCOMPARE(state->taskStatusBeforeDeletion.size(), 3);
}

void TestSimulatorThread::stopBeforeListeningReportsNothing()
{
    SimulatorThread thread;
    QSignalSpy started(&thread, &SimulatorThread::started);
    QSignalSpy failed(&thread, &SimulatorThread::failed);
    thread.start(config());
    thread.stop();
    QVERIFY(!thread.isRunning());
    // Whatever the thread had posted before it ended is delivered now, and dropped.
    QCoreApplication::processEvents();
    QCOMPARE(started.size(), 0);
    QCOMPARE(failed.size(), 0);

    // Started again, it reports the new one only.
    thread.start(config());
    QVERIFY(started.wait(kWaitMs));
    QCoreApplication::processEvents();
    QCOMPARE(started.size(), 1);
}

void TestSimulatorThread::aTakenPortFails()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost));
    SimulatorConfig withoutState = config();
    withoutState.stateFilePath.clear();
    SimulatorThread thread;
    QSignalSpy failed(&thread, &SimulatorThread::failed);
    QSignalSpy started(&thread, &SimulatorThread::started);
    thread.start(withoutState, taken.serverPort());
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(started.size(), 0);
    QVERIFY(!thread.isRunning());
}

QTEST_GUILESS_MAIN(TestSimulatorThread)
#include "tst_simulatorthread.moc"
