#pragma once

#include "api/decommissionjson.h"
#include "deletion/changerun.h"
#include "decommission/poolautoscalecheck.h"
#include "deletion/deletioncontext.h"
#include "deletion/deletionplan.h"
#include "deletion/deletionrun.h"

#include <QDeadlineTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class ApiClient;

// "Turn autoscale off, then delete", for the window and the CLI alike. A pool whose autoscale is on
// may create new desktops after a bulk delete, so the pools stop scaling before any desktop is
// deleted: a ChangeRun turning the given pools' autoscale off (one audited request per pool, never
// re-sent, nothing more after the first pool that was not turned off), then — only when every pool's autoscale was turned off — a DeletionRun for
// the plan. When a pool could not be stopped (refused, answer lost, not sent, cancelled) nothing is
// deleted: the administrator asked for that order. Without pools the deletion starts at once.
// After the first pool that is not turned off no other pool is changed. Every pool id is checked
// while planning: a plan with an id that cannot be used sends nothing (planningProblem()), the dry
// run included. Once every pool's change was accepted, the pools are read back (PoolAutoscaleCheck)
// and the deletion starts only when each reads "off"; the check is audited (autoscale_checked).
//
// Exactly one of deletionReady() and notDeleted() is emitted. The DeletionRun is created as this
// object's child and handed out through deletionReady() before it starts, so that the caller can
// set its timing, connect to it and take it over (setParent()). Both runs share the ownership of the
// store they record in.
class DeletionAfterAutoscaleOff : public QObject
{
    Q_OBJECT
public:
    DeletionAfterAutoscaleOff(ApiClient *client, DeletionStorePtr store, DeletionContext context, DeletionPlan plan,
                              const QList<DesktopPool> &poolsToStop, QObject *parent = nullptr);

    // The read-back's deadline (the run's: the CLI's --timeout).
    void setDeadline(QDeadlineTimer deadline) { m_deadline = deadline; }
    // Translated: why this plan may not be carried out (an unusable pool id); empty when it may.
    QString planningProblem() const;
    void start();
    // Before the deletion: stops turning autoscale off (the request on the wire is let finish) and
    // deletes nothing; notDeleted() follows. Once the deletion has started: cancels the DeletionRun.
    void cancel();

    // The run that turns the pools' autoscale off (null without pools), there from construction so
    // that callers can follow its requests.
    ChangeRun *autoscaleRun() const { return m_autoscaleRun; }
    DeletionRun *deletionRun() const { return m_deletionRun; }
    const DeletionPlan &plan() const { return m_plan; }
    // Exactly the autoscale requests start() sends first, for a dry run.
    QList<PlannedRequest> plannedAutoscaleRequests() const;
    // Translated, one line a pool: those whose autoscale was not turned off, with the reason.
    QStringList poolsNotStopped() const;
    // The pools (names, or ids without one) whose autoscale was turned off.
    QStringList poolsTurnedOff() const;
    // The read-back after the change, once it ran (null before).
    PoolAutoscaleCheck *autoscaleCheck() const { return m_check; }

Q_SIGNALS:
    // The autoscale run ended (before deletionReady() or notDeleted()); not emitted without pools.
    void autoscaleFinished(ChangeRun *run);
    // Every pool's autoscale is off (or there was none): the run starts as soon as the slots return.
    void deletionReady(DeletionRun *run);
    // Nothing was deleted; `reason` is translated and names the pools that could not be stopped.
    void notDeleted(const QString &reason);

private:
    void onAutoscaleFinished();
    void checkPools();
    void onPoolsChecked();
    QString poolName(const QString &id) const;
    QString stoppedAndNot(const QStringList &notStopped) const;
    static QString stoppedBeforeDeletionText();
    void startDeletion();

    QPointer<ApiClient> m_client;
    DeletionStorePtr m_store;
    DeletionContext m_context;
    DeletionPlan m_plan;
    QList<DesktopPool> m_pools;
    QPointer<ChangeRun> m_autoscaleRun;
    QPointer<DeletionRun> m_deletionRun;
    QPointer<PoolAutoscaleCheck> m_check;
    QDeadlineTimer m_deadline = QDeadlineTimer::Forever;
    bool m_started = false;
    bool m_cancelled = false;
};
