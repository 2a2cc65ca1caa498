#pragma once

#include "simulatorconfig.h"
#include "simulatorreply.h"

#include <QByteArray>
#include <QPointer>
#include <QRandomGenerator>
#include <QString>
#include <QTcpSocket>

#include <functional>
#include <optional>
#include <memory>

class QHttpServerResponder;
class QObject;

// The simulator's faults on demand (SimulatorFaults): answers given instead of carrying a request
// out (429, 5xx, an HTML error page), and what happens to an answer on its way to the client
// (delay, silence, a dropped connection, a broken, truncated, re-encoded or padded body, half a
// body).
class FaultInjector
{
public:
    // onHandled is called as each answer is written; status 0 when a fault swallowed it.
    using HandledCallback = std::function<void(const QByteArray &method, const QString &path, int status)>;

    FaultInjector(quint32 seed, QObject *timerContext, HandledCallback onHandled);

    // The same faults give the same sequence of answers, whatever happened before.
    void setFaults(const SimulatorFaults &faults);
    const SimulatorFaults &faults() const { return m_faults; }

    // Whether the faults apply to a request of this method for this path.
    bool appliesTo(const QByteArray &method, const QString &path) const;
    // The fault answer to give instead of carrying the request out, if one is drawn.
    std::optional<SimulatorReply> answerInstead();
    // Sends the answer, changed by the faults when `faulty`.
    void deliver(SimulatorReply reply, bool faulty, const QByteArray &method, const QString &path,
                 QPointer<QTcpSocket> socket, std::shared_ptr<QHttpServerResponder> responder);

private:
    void write(const SimulatorReply &reply, bool faulty, const QByteArray &method, const QString &path,
               const QPointer<QTcpSocket> &socket, QHttpServerResponder &responder);
    QByteArray faultyBody(QByteArray body) const;

    quint32 m_seed;
    QObject *m_timerContext;
    HandledCallback m_onHandled;
    SimulatorFaults m_faults;
    QRandomGenerator m_random;
};
