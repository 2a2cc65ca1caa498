#pragma once

#include "deletionjob.h"
#include "simulatorconfig.h"
#include "simulateddesktop.h"
#include "simulatorreply.h"
#include "simulatorstate.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

class SimulatorStore;

// The simulator's answers to the deletion calls: batch-delete (checks, the unconfirmed cases of
// UnconfirmedDeletion, a DeletionJob per accepted call), ShowJob and the sub-job listing; and what
// an ended sub-job does to its desktop and, with delete_users, to its user. It works on the
// simulator's desktops; signatures, faults and delivery stay with the simulator.
class DeletionRoutes : public QObject
{
    Q_OBJECT
public:
    // Only failingDesktopIds and jobsNeverEnd of `faults` are read, at each batch-delete.
    DeletionRoutes(QList<SimulatedDesktop> &desktops, const QHash<QString, qsizetype> &indexById,
                   const SimulatorConfig &config, const SimulatorFaults &faults, QObject *parent = nullptr);

    // Deleted: no longer listed, or listed as DELETED (SimulatorConfig::deletedDesktopsRemain).
    static bool isGone(const SimulatedDesktop &desktop);

    SimulatorReply batchDelete(const QByteArray &contentType, const QByteArray &body);
    SimulatorReply showJob(const QString &jobId);
    SimulatorReply listSubJobs(const QUrlQuery &query);

    // Brings every running job up to the elapsed time, so that the desktops show its effects.
    void updateJobs();
    QStringList deletedUsers() const; // sorted

    // The deletions' part of the state kept across restarts (the desktops' fields are the caller's).
    void restore(const SimulatorState &state);
    void saveInto(SimulatorState *state) const;
    // From then on each change is written to `store` as it happens (the rows it touches); null:
    // nothing is written.
    void setStore(SimulatorStore *store) { m_store = store; }

Q_SIGNALS:
    // A batch-delete job reached its final status (SUCCESS or FAILED).
    void jobFinished(const QString &jobId, const QString &status);

private:
    SimulatorReply conflictReply(const QString &instanceStatus, const QStringList &desktopIds) const;
    SimulatorReply refusalOfUnconfirmedDeletions(const QStringList &ids, bool forceDelete) const;
    DeletionTarget targetOf(const SimulatedDesktop &desktop, bool forceDelete) const;
    DeletionJob *addJob(const QString &jobId, QList<DeletionTarget> targets, int durationMs, bool deleteUsers);
    void onSubJobFinished(DeletionJob *job, const QString &desktopId, bool succeeded, bool deleteUsers);
    void applySubJobEnd(const QString &desktopId, bool succeeded, bool deleteUsers);
    static QString settledKey(const QString &jobId, const QString &desktopId);
    SimulatorState::Job savedJob(const DeletionJob &job) const;

    QList<SimulatedDesktop> &m_desktops;
    const QHash<QString, qsizetype> &m_indexById;
    const SimulatorConfig &m_config;
    const SimulatorFaults &m_faults;
    QHash<QString, QString> m_taskStatusBeforeDeletion;
    QHash<QString, DeletionJob *> m_jobs;
    QSet<QString> m_deletedUsers;
    QHash<QString, bool> m_jobDeleteUsers;
    QSet<QString> m_settledSubJobs; // settledKey(): sub-jobs whose end already changed the desktop
    SimulatorStore *m_store = nullptr;
};
