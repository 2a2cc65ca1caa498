#pragma once

#include "simulatorconfig.h"
#include "simulateddesktop.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrlQuery>

// The simulator's answers to the calls that prepare a decommissioning: usage statistics
// (ListDesktopUsageMetric), maintenance mode, log-off, desktop pools and a pool's update. It works
// on the simulator's desktops; signatures, faults and the answer's delivery stay with the simulator.
//
// What the documents do not say is modelled as follows, and named an ASSUMPTION where it is used:
// the idle duration runs from the last use (or the creation, or the start of the 180 days the
// service keeps, whichever is latest) to the end of the period; a desktop created after the
// period has no entry; setting maintenance mode ends the session of a connected user; maintenance
// mode takes at most 100 desktops and log-off at least one. docs/SIMULATOR-ASSUMPTIONS.md lists them.
class DecommissionRoutes
{
public:
    struct Answer
    {
        int status = 200;
        QByteArray body;
    };

    // Usage is derived from last-use times made from the desktops' ids and the seed, relative to
    // `start` (the simulator's start): some desktops are in use, some idle for months, some never
    // used, and a few created hours before `start`, too new to have statistics.
    DecommissionRoutes(QList<SimulatedDesktop> &desktops, const QHash<QString, qsizetype> &indexById,
                       quint32 seed, const QDateTime &start);

    // How an unknown desktop or pool is answered (SimulatorConfig::notFoundAnswer).
    void setNotFoundAnswer(NotFoundAnswer answer) { m_notFoundAnswer = answer; }

    // Whether method and path are one of these calls; *projectId is the path's project.
    static bool matches(const QByteArray &method, const QString &path, QString *projectId);
    Answer handle(const QByteArray &method, const QString &path, const QUrlQuery &query,
                  const QByteArray &contentType, const QByteArray &body, const QDateTime &now);

    // The end of the statistics available at `now`: the last daily aggregation.
    static QDateTime dataEnd(const QDateTime &now);
    // The pools' autoscale, for the demo's state file, and its restoring after a restart (pools
    // not named keep their generated setting).
    QHash<QString, bool> poolAutoscale() const;
    void restorePoolAutoscale(const QHash<QString, bool> &autoscale);
    // Invalid for a desktop never used.
    QDateTime lastUsed(const QString &desktopId) const { return m_lastUsed.value(desktopId); }
    void setLastUsed(const QString &desktopId, const QDateTime &time) { m_lastUsed.insert(desktopId, time); }

private:
    struct Pool
    {
        QString id;
        QString name;
        QString type;
        bool autoscale = false;
        bool inMaintenanceMode = false;
    };

    Answer listUsage(const QUrlQuery &query, const QDateTime &now) const;
    Answer listPools(const QUrlQuery &query) const;
    // ListPoolDesktopsDetail, in poolroutes.cpp.
    Answer listPoolDesktops(const QString &poolId, const QUrlQuery &query) const;
    Answer setMaintenanceMode(const QJsonObject &body);
    Answer logoff(const QJsonObject &body);
    Answer updatePool(const QString &poolId, const QJsonObject &body);
    // The desktops a request names, checked as batch-delete checks them; an answer on refusal.
    Answer targets(const QJsonObject &body, QList<SimulatedDesktop *> *desktops);

    QList<SimulatedDesktop> &m_desktops;
    const QHash<QString, qsizetype> &m_indexById;
    QHash<QString, QDateTime> m_lastUsed;
    QHash<QString, int> m_dailyUseHours;
    QList<Pool> m_pools; // in the order of their ids
    NotFoundAnswer m_notFoundAnswer = NotFoundAnswer::Status404;
};
