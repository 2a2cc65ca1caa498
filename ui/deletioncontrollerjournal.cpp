// DeletionController's side of the account in a connection to every region: the journal's jobs
// and unknown intents of every project of the account followed at start, and Retry Failed of
// another project's run, each through a client of that project's endpoint and id.
#include "deletioncontroller.h"

#include "api/apiclient.h"
#include "api/iamcalls.h"
#include "deletion/deletionrun.h"
#include "deletion/journalfollower.h"

#include <algorithm>

void DeletionController::withAccountProjects(const AccountAccess& access, ProjectsListed done)
{
    // What turns IAM's answer into projects; no key is kept past the call.
    AccountAccess endpoints;
    endpoints.explicitEndpoint = access.explicitEndpoint;
    endpoints.environment = access.environment;
    auto* iam = access.iamClient(this).release();
    auto* call = new ListAuthProjectsCall(iam, iam);
    const int connection = m_connectionCount;
    connect(call, &ListAuthProjectsCall::finished, this,
        [this, iam, call, endpoints, connection, done] {
            iam->deleteLater();
            if (connection != m_connectionCount)
                return; // an answer for the previous connection
            if (!call->succeeded()) {
                done({}, call->error());
                return;
            }
            m_accountProjects = MultiProjectChange::projectsOf(call->result(), endpoints);
            done(m_accountProjects, {});
        });
    call->start();
}

void DeletionController::resumeAccountJournal(const AccountAccess& access)
{
    // Nothing recorded, nothing to ask IAM for.
    if (m_store->journal().entries().isEmpty() && m_store->settlement.unknownIntents.isEmpty())
        return;
    withAccountProjects(
        access, [this, access](const QList<WorkspaceProject>& projects, const ApiError& error) {
            if (!m_store)
                return;
            if (error.isError()) {
                // The connection's own project is still reached through its own client.
                Q_EMIT statusMessage(tr(
                    "The account's projects could not be listed, so only the unfinished deletion "
                    "jobs of the connection's own project are followed: %1")
                                         .arg(error.summary()));
                const qsizetype before = m_runs.size();
                const QList<DeletionRun*> resumed = JournalFollower::resumeRuns(
                    m_client, m_store, m_connection.config.projectId, this);
                for (DeletionRun* run : resumed) {
                    addRun(run);
                    run->start();
                }
                recoverUnknownIntents(m_client);
                if (m_runs.size() > before)
                    Q_EMIT journalRunsResumed(m_runs.mid(before));
                return;
            }
            followAccountJournal(projects, access);
        });
}

void DeletionController::followAccountJournal(
    const QList<WorkspaceProject>& projects, const AccountAccess& access)
{
    QList<RecordSettlement::OpenIntent>& intents = m_store->settlement.unknownIntents;
    const AccountJournalShare share
        = AccountJournalShare::of(m_store->journal(), intents, projects);
    QList<DeletionRun*> followed;
    for (const WorkspaceProject& project : share.projects) {
        ApiClient* client = projectClient(project, access);
        const DeletionContext place = AccountJournalShare::placeOf(project);
        followed += JournalFollower::resumeRuns(client, m_store, place, this);
        followed += JournalFollower::recoverRuns(client, intents, m_store, place, this);
        intents.removeIf([&project](const RecordSettlement::OpenIntent& intent) {
            return intent.projectId == project.id;
        });
    }
    for (DeletionRun* run : std::as_const(followed)) {
        addRun(run);
        run->start();
    }
    if (share.jobCount > 0) {
        Q_EMIT statusMessage(tr("Following %Ln unfinished deletion job(s) from the last session.",
            nullptr, share.jobCount));
    }
    // Said last: what is not followed matters more than what is.
    if (const QString unreachable = share.unreachableText(); !unreachable.isEmpty())
        Q_EMIT statusMessage(unreachable);
    if (!followed.isEmpty())
        Q_EMIT journalRunsResumed(followed);
}

ApiClient* DeletionController::projectClient(
    const WorkspaceProject& project, const AccountAccess& access)
{
    QPointer<ApiClient>& client = m_projectClients[project.id];
    if (!client)
        client = access.projectClient(project, this).release();
    return client;
}

void DeletionController::retryAcrossProjects(DeletionRun* run, const QStringList& ids,
    const QSet<QString>& deletedSince, const AccountAccess& access)
{
    const DeletionContext where = run->context();
    // The retry starts from the run's options: what was asked then is asked again.
    MultiProjectChange::Request request;
    request.kind = ReviewedChange::Delete;
    for (const QString& id : ids)
        request.desktops.append({ where.projectId, id });
    request.choices.options = run->plan().options();
    request.retryWasForced = run->plan().options().forceDelete;
    request.alreadyDeleted = deletedSince;
    const auto retryIn = [this, request, where, access](
                             const QList<WorkspaceProject>& projects, const ApiError& error) {
        if (error.isError()) {
            Q_EMIT statusMessage(
                tr("Looking up the desktops failed; nothing was sent: %1").arg(error.summary()));
            Q_EMIT retryLookUpFinished(0);
            return;
        }
        for (const WorkspaceProject& project : projects) {
            if (project.id == where.projectId) {
                prepareAcrossProjects(request, { project }, access, true);
                return;
            }
        }
        Q_EMIT statusMessage(
            tr("Retry Failed cannot look up the desktops of %1: the account has no such Workspace "
               "project.")
                .arg(where.region.isEmpty() ? where.projectId : where.region));
        Q_EMIT retryLookUpFinished(0);
    };
    const bool known = std::any_of(m_accountProjects.cbegin(), m_accountProjects.cend(),
        [&where](const WorkspaceProject& project) { return project.id == where.projectId; });
    if (known)
        retryIn(m_accountProjects, {});
    else
        withAccountProjects(access, retryIn);
}
