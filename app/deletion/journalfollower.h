#pragma once

#include "deletion/deletionstore.h"
#include "deletion/jobtracker.h"
#include "deletion/recordsettlement.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class ApiClient;
class DeletionRun;

// Follows the journal's unfinished jobs of one project to their end, through DeletionRun::resume
// (which audits each job's end and removes it from the journal), as the window does at start and
// every CLI `delete` does before it classifies; and the requests settled as "outcome unknown"
// (the process died during their POST), whose jobs it looks for and follows (DeletionRun::recover,
// which sends nothing). finished() is emitted exactly once, when every run has finished (queued
// when there is none), or after cancel().
class JournalFollower : public QObject
{
    Q_OBJECT
public:
    JournalFollower(ApiClient *client, DeletionStorePtr store, QString projectId, QObject *parent = nullptr);
    ~JournalFollower() override;

    // Creates (does not start) a resumed run for each unfinished job of the project.
    static QList<DeletionRun *> resumeRuns(ApiClient *client, const DeletionStorePtr &store, const QString &projectId,
                                           QObject *parent);
    // Creates (does not start) a recovering run for each of the project's intents.
    static QList<DeletionRun *> recoverRuns(ApiClient *client, const QList<RecordSettlement::OpenIntent> &intents,
                                            const DeletionStorePtr &store, const QString &projectId, QObject *parent);

    // Requests whose outcome the settlement found unknown (SettlementReport::unknownIntents).
    void setIntentsToRecover(QList<RecordSettlement::OpenIntent> intents) { m_intents = std::move(intents); }

    void setTrackerTiming(const JobTracker::Timing &timing) { m_timing = timing; }
    void start();
    // Stops following; the jobs stay in the journal.
    void cancel();

    const QList<DeletionRun *> &runs() const { return m_runs; }
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    void runStarted(DeletionRun *run);
    void finished();

private:
    void checkFinished();

    QPointer<ApiClient> m_client;
    DeletionStorePtr m_store;
    QString m_projectId;
    JobTracker::Timing m_timing;
    QList<RecordSettlement::OpenIntent> m_intents;
    QList<DeletionRun *> m_runs; // children
    bool m_started = false;
    bool m_finished = false;
};
