#include "journalfollower.h"

#include "api/apiclient.h"
#include "api/requestsigner.h"
#include "deletion/deletionrun.h"
#include "deletion/jobjournal.h"

#include <QSet>

#include <algorithm>

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
    DeletionContext project;
    project.projectId = projectId;
    return resumeRuns(client, store, project, parent);
}

QList<DeletionRun *> JournalFollower::resumeRuns(ApiClient *client, const DeletionStorePtr &store,
                                                 const DeletionContext &project, QObject *parent)
{
    QList<DeletionRun *> runs;
    const QList<JournalEntry> entries = store->journal().entriesForProject(project.projectId);
    for (JournalEntry entry : entries) {
        if (entry.region.isEmpty())
            entry.region = project.region;
        if (entry.endpointHost.isEmpty())
            entry.endpointHost = project.endpointHost;
        runs.append(DeletionRun::resume(client, entry, store, parent));
    }
    return runs;
}

QList<DeletionRun *> JournalFollower::recoverRuns(ApiClient *client, const QList<RecordSettlement::OpenIntent> &intents,
                                                  const DeletionStorePtr &store, const QString &projectId,
                                                  QObject *parent)
{
    DeletionContext project;
    project.projectId = projectId;
    return recoverRuns(client, intents, store, project, parent);
}

QList<DeletionRun *> JournalFollower::recoverRuns(ApiClient *client, const QList<RecordSettlement::OpenIntent> &intents,
                                                  const DeletionStorePtr &store, const DeletionContext &project,
                                                  QObject *parent)
{
    QList<DeletionRun *> runs;
    for (const RecordSettlement::OpenIntent &intent : intents) {
        if (intent.projectId == project.projectId)
            runs.append(DeletionRun::recover(client, intent, store, parent, project));
    }
    return runs;
}

void JournalFollower::start()
{
    if (m_started)
        return;
    m_started = true;
    DeletionContext project = m_place;
    project.projectId = m_projectId;
    m_runs = resumeRuns(m_client, m_store, project, nullptr)
        + recoverRuns(m_client, m_intents, m_store, project, nullptr);
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

AccountJournalShare AccountJournalShare::of(const JobJournal &journal,
                                            const QList<RecordSettlement::OpenIntent> &intents,
                                            const QList<WorkspaceProject> &accountProjects)
{
    // Each project id with what the record says of its region, in the order first met.
    QStringList recordedIds;
    QHash<QString, QString> regionOf;
    QHash<QString, int> countOf;
    QHash<QString, int> jobsOf;
    const auto note = [&](const QString &projectId, const QString &region, bool job) {
        if (!recordedIds.contains(projectId))
            recordedIds.append(projectId);
        if (regionOf.value(projectId).isEmpty())
            regionOf.insert(projectId, region);
        countOf[projectId] += 1;
        if (job)
            jobsOf[projectId] += 1;
    };
    for (const JournalEntry &entry : journal.entries())
        note(entry.projectId, entry.region, true);
    for (const RecordSettlement::OpenIntent &intent : intents)
        note(intent.projectId, QString(), false);

    AccountJournalShare share;
    QSet<QString> reached;
    for (const WorkspaceProject &project : accountProjects) {
        if (recordedIds.contains(project.id) && !reached.contains(project.id)) {
            reached.insert(project.id);
            share.projects.append(project);
            share.jobCount += jobsOf.value(project.id);
        }
    }
    for (const QString &projectId : std::as_const(recordedIds)) {
        if (reached.contains(projectId))
            continue;
        const QString region = regionOf.value(projectId);
        share.unreachable.append(region.isEmpty() ? projectId
                                                  : JournalFollower::tr("%1 (project %2)").arg(region, projectId));
        share.unreachableCount += countOf.value(projectId);
    }
    return share;
}

DeletionContext AccountJournalShare::placeOf(const WorkspaceProject &project)
{
    DeletionContext place;
    place.projectId = project.id;
    place.region = project.region;
    place.endpointHost = QString::fromLatin1(RequestSigner::hostHeader(project.endpoint));
    return place;
}

QString AccountJournalShare::unreachableText() const
{
    if (unreachable.isEmpty())
        return {};
    return JournalFollower::tr("%Ln unfinished deletion job(s) or request(s) of %1 stay in the journal: the "
                               "account has no such Workspace project.",
                               nullptr, unreachableCount)
        .arg(unreachable.join(QLatin1String(", ")));
}

AccountJournalFollower::AccountJournalFollower(AccountAccess access, QList<WorkspaceProject> accountProjects,
                                               DeletionStorePtr store, QObject *parent)
    : QObject(parent)
    , m_access(std::move(access))
    , m_projects(std::move(accountProjects))
    , m_store(std::move(store))
{
}

AccountJournalFollower::~AccountJournalFollower()
{
    // The runs before the clients they talk through.
    qDeleteAll(m_followers);
    m_followers.clear();
    m_access.credentials.clear();
}

AccountJournalShare AccountJournalFollower::share() const
{
    return AccountJournalShare::of(m_store->journal(), m_intents, m_projects);
}

void AccountJournalFollower::start()
{
    if (m_started)
        return;
    m_started = true;
    for (const WorkspaceProject &project : share().projects) {
        m_clients.push_back(m_access.projectClient(project));
        auto *follower = new JournalFollower(m_clients.back().get(), m_store, project.id, this);
        follower->setPlace(AccountJournalShare::placeOf(project));
        follower->setTrackerTiming(m_timing);
        follower->setIntentsToRecover(m_intents);
        m_followers.append(follower);
        connect(follower, &JournalFollower::runStarted, this, &AccountJournalFollower::runStarted);
        connect(follower, &JournalFollower::finished, this, &AccountJournalFollower::checkFinished);
        follower->start();
    }
    QMetaObject::invokeMethod(this, &AccountJournalFollower::checkFinished, Qt::QueuedConnection);
}

void AccountJournalFollower::cancel()
{
    // Each follower's finished() comes from the event loop after its cancel(), before this check.
    for (JournalFollower *follower : std::as_const(m_followers))
        follower->cancel();
    QMetaObject::invokeMethod(this, &AccountJournalFollower::checkFinished, Qt::QueuedConnection);
}

void AccountJournalFollower::checkFinished()
{
    const bool allFinished = std::all_of(m_followers.cbegin(), m_followers.cend(),
                                         [](const JournalFollower *follower) { return follower->isFinished(); });
    if (m_finished || !allFinished)
        return;
    m_finished = true;
    Q_EMIT finished();
}
