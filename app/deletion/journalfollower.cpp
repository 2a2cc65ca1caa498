#include "journalfollower.h"

#include "api/apiclient.h"
#include "deletion/deletionrun.h"
#include "deletion/jobjournal.h"

JournalFollower::JournalFollower(ApiClient *client, DeletionStorePtr store, QString projectId, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(std::move(store))
    , m_projectId(std::move(projectId))
{
}

JournalFollower::~JournalFollower()
{
    qDeleteAll(m_runs);
}

QList<DeletionRun *> JournalFollower::resumeRuns(ApiClient *client, const DeletionStorePtr &store,
                                                 const QString &projectId, QObject *parent)
{
    QList<DeletionRun *> runs;
    const QList<JournalEntry> entries = store->journal().entriesForProject(projectId);
    for (const JournalEntry &entry : entries)
        runs.append(DeletionRun::resume(client, entry, store, parent));
    return runs;
}

QList<DeletionRun *> JournalFollower::recoverRuns(ApiClient *client, const QList<RecordSettlement::OpenIntent> &intents,
                                                  const DeletionStorePtr &store, const QString &projectId,
                                                  QObject *parent)
{
    QList<DeletionRun *> runs;
    for (const RecordSettlement::OpenIntent &intent : intents) {
        if (intent.projectId == projectId)
            runs.append(DeletionRun::recover(client, intent, store, parent));
    }
    return runs;
}

void JournalFollower::start()
{
    if (m_started)
        return;
    m_started = true;
    m_runs = resumeRuns(m_client, m_store, m_projectId, nullptr)
        + recoverRuns(m_client, m_intents, m_store, m_projectId, nullptr);
    for (DeletionRun *run : std::as_const(m_runs)) {
        run->setTrackerTiming(m_timing);
        connect(run, &DeletionRun::finished, this, &JournalFollower::checkFinished);
        Q_EMIT runStarted(run);
        run->start();
    }
    QMetaObject::invokeMethod(this, &JournalFollower::checkFinished, Qt::QueuedConnection);
}

void JournalFollower::cancel()
{
    for (DeletionRun *run : std::as_const(m_runs)) {
        if (run->state() != DeletionRun::State::Finished)
            run->cancel();
    }
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!m_finished) {
                m_finished = true;
                Q_EMIT finished();
            }
        },
        Qt::QueuedConnection);
}

void JournalFollower::checkFinished()
{
    if (m_finished)
        return;
    for (const DeletionRun *run : std::as_const(m_runs)) {
        if (run->state() != DeletionRun::State::Finished)
            return;
    }
    m_finished = true;
    Q_EMIT finished();
}
