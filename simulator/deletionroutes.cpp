#include "deletionroutes.h"

#include "simulatorstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <algorithm>
#include <limits>

using namespace SimulatorErrorCode;

namespace {

constexpr int kMaxDesktopsPerBatch = 100;
constexpr int kMaxDesktopIdLength = 255;
constexpr int kMaxSubJobLimit = 1000;
constexpr int kMaxSubJobOffset = 10000;

bool isInProgressDeletion(const SimulatedDesktop &desktop)
{
    return desktop.taskStatus == QLatin1String("deleting");
}

} // namespace

DeletionRoutes::DeletionRoutes(QList<SimulatedDesktop> &desktops, const QHash<QString, qsizetype> &indexById,
                               const SimulatorConfig &config, const SimulatorFaults &faults, QObject *parent)
    : QObject(parent)
    , m_desktops(desktops)
    , m_indexById(indexById)
    , m_config(config)
    , m_faults(faults)
{
}

bool DeletionRoutes::isGone(const SimulatedDesktop &desktop)
{
    return desktop.removed || desktop.status == QLatin1String("DELETED");
}

SimulatorReply DeletionRoutes::batchDelete(const QByteArray &contentType, const QByteArray &requestBody)
{
    if (!contentType.startsWith("application/json"))
        return invalidParameterReply(QStringLiteral("Content-Type must be application/json"));
    if (isEmptyRequest(requestBody))
        return emptyRequestReply();

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(requestBody, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return invalidParameterReply(QStringLiteral("The request body is not a JSON object"),
                          parseError.errorString());
    const QJsonObject body = document.object();

    bool options[3] = {false, true, false};
    const char *optionNames[3] = {"delete_users", "email_notification", "is_force_delete"};
    for (int i = 0; i < 3; ++i) {
        const QJsonValue value = body.value(QLatin1String(optionNames[i]));
        if (value.isUndefined())
            continue;
        if (!value.isBool())
            return invalidParameterReply(QStringLiteral("%1 must be a boolean").arg(QLatin1String(optionNames[i])));
        options[i] = value.toBool();
    }
    const bool deleteUsers = options[0];
    const bool forceDelete = options[2];

    const QJsonValue idsValue = body.value(QLatin1String("desktop_ids"));
    if (!idsValue.isArray())
        return invalidParameterReply(QStringLiteral("desktop_ids must be an array of desktop ids"));
    const QJsonArray idArray = idsValue.toArray();
    if (idArray.isEmpty() || idArray.size() > kMaxDesktopsPerBatch)
        return invalidParameterReply(QStringLiteral("desktop_ids must hold 1 to %1 desktop ids").arg(kMaxDesktopsPerBatch),
                          QStringLiteral("%1 were sent").arg(idArray.size()));
    QStringList ids;
    for (const QJsonValue &value : idArray) {
        if (!value.isString() || value.toString().isEmpty() || value.toString().size() > kMaxDesktopIdLength)
            return invalidParameterReply(
                QStringLiteral("every desktop id must be a string of 1 to %1 characters").arg(kMaxDesktopIdLength));
        if (ids.contains(value.toString()))
            return invalidParameterReply(QStringLiteral("desktop_ids holds a duplicate"), value.toString());
        ids.append(value.toString());
    }

    updateJobs();
    QStringList unknown;
    QStringList busy;
    for (const QString &id : std::as_const(ids)) {
        const auto index = m_indexById.constFind(id);
        if (index == m_indexById.cend() || isGone(m_desktops.at(*index)))
            unknown.append(id);
        else if (isInProgressDeletion(m_desktops.at(*index)))
            busy.append(id);
    }
    if (!unknown.isEmpty())
        return notFoundReply(m_config.notFoundAnswer,
                             QStringLiteral("Unknown desktop ids: ") + unknown.join(QStringLiteral(", ")));
    if (!busy.isEmpty())
        return conflictReply(QStringLiteral("deleting"), busy);
    const SimulatorReply refusal = refusalOfUnconfirmedDeletions(ids, forceDelete);
    if (refusal.status != 200)
        return refusal;

    QList<DeletionTarget> targets;
    for (const QString &id : std::as_const(ids)) {
        SimulatedDesktop &desktop = m_desktops[m_indexById.value(id)];
        targets.append(targetOf(desktop, forceDelete));
        m_taskStatusBeforeDeletion.insert(id, desktop.taskStatus);
        desktop.taskStatus = QStringLiteral("deleting");
        desktop.refreshJson();
    }

    const QString jobId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    DeletionJob *job = addJob(jobId, std::move(targets), m_config.jobDurationMs, deleteUsers);
    job->setNeverEnds(m_faults.jobsNeverEnd);
    job->start();
    if (m_store) {
        for (const QString &id : std::as_const(ids)) {
            m_store->saveTaskStatusBeforeDeletion(id, m_taskStatusBeforeDeletion.value(id));
            m_store->saveDesktop(m_desktops.at(m_indexById.value(id)));
        }
        m_store->saveJob(savedJob(*job));
    }
    return jsonReply(202, QJsonObject{{QStringLiteral("job_id"), jobId}});
}

DeletionTarget DeletionRoutes::targetOf(const SimulatedDesktop &desktop, bool forceDelete) const
{
    DeletionTarget target{desktop.id, desktop.computerName, desktop.userName, desktop.ipAddress,
                          desktop.productId, {}, {}};
    // ASSUMPTION (not confirmed by any document): yearly/monthly desktops and connected ones
    // without is_force_delete fail one by one; see UnconfirmedDeletion for the other answer.
    if (desktop.yearlyMonthly) {
        target.errorCode = kYearlyMonthly;
        target.failReason = QStringLiteral("The desktop is billed yearly/monthly and cannot be deleted; unsubscribe it instead.");
    } else if (m_faults.failingDesktopIds.contains(desktop.id)) {
        target.errorCode = kInjectedFailure;
        target.failReason = QStringLiteral("Deleting the desktop failed (injected fault).");
    } else if (desktop.loginStatus == QLatin1String("CONNECTED") && !forceDelete) {
        target.errorCode = kUserConnected;
        target.failReason = QStringLiteral("A user is connected to the desktop; delete it with is_force_delete to disconnect the user.");
    }
    return target;
}

DeletionJob *DeletionRoutes::addJob(const QString &jobId, QList<DeletionTarget> targets, int durationMs, bool deleteUsers)
{
    auto *job = new DeletionJob(jobId, std::move(targets), durationMs, this);
    job->setJobType(m_config.deletionJobType);
    connect(job, &DeletionJob::subJobFinished, this, [this, job, deleteUsers](const QString &desktopId, bool succeeded) {
        onSubJobFinished(job, desktopId, succeeded, deleteUsers);
    });
    connect(job, &DeletionJob::finished, this, [this, job] { Q_EMIT jobFinished(job->id(), job->status()); });
    m_jobs.insert(jobId, job);
    m_jobDeleteUsers.insert(jobId, deleteUsers);
    return job;
}

QString DeletionRoutes::settledKey(const QString &jobId, const QString &desktopId)
{
    return jobId + QLatin1Char('/') + desktopId;
}

void DeletionRoutes::restore(const SimulatorState &state)
{
    m_taskStatusBeforeDeletion = state.taskStatusBeforeDeletion;
    m_deletedUsers = QSet<QString>(state.deletedUsers.cbegin(), state.deletedUsers.cend());
    for (const SimulatorState::Job &saved : state.jobs) {
        for (const QString &desktopId : saved.settledDesktopIds)
            m_settledSubJobs.insert(settledKey(saved.id, desktopId));
        addJob(saved.id, saved.targets, saved.durationMs, saved.deleteUsers)->resume(saved.createdUtc, saved.subJobIds);
    }
}

void DeletionRoutes::saveInto(SimulatorState *state) const
{
    state->taskStatusBeforeDeletion = m_taskStatusBeforeDeletion;
    state->deletedUsers = QStringList(m_deletedUsers.cbegin(), m_deletedUsers.cend());
    for (const DeletionJob *job : std::as_const(m_jobs))
        state->jobs.append(savedJob(*job));
}

SimulatorState::Job DeletionRoutes::savedJob(const DeletionJob &job) const
{
    SimulatorState::Job saved;
    saved.id = job.id();
    saved.targets = job.targets();
    saved.subJobIds = job.subJobIds();
    saved.durationMs = job.durationMs();
    saved.createdUtc = job.createdUtc();
    saved.deleteUsers = m_jobDeleteUsers.value(job.id());
    for (const DeletionTarget &target : std::as_const(saved.targets)) {
        if (m_settledSubJobs.contains(settledKey(job.id(), target.desktopId)))
            saved.settledDesktopIds.append(target.desktopId);
    }
    return saved;
}

void DeletionRoutes::updateJobs()
{
    for (DeletionJob *job : std::as_const(m_jobs)) {
        if (!job->isFinished())
            job->update();
    }
}

QStringList DeletionRoutes::deletedUsers() const
{
    QStringList users(m_deletedUsers.cbegin(), m_deletedUsers.cend());
    users.sort();
    return users;
}

void DeletionRoutes::onSubJobFinished(DeletionJob *job, const QString &desktopId, bool succeeded, bool deleteUsers)
{
    // A resumed job reports the sub-jobs that ended before the restart again: their effects stay.
    const QString key = settledKey(job->id(), desktopId);
    if (m_settledSubJobs.contains(key))
        return;
    m_settledSubJobs.insert(key);
    applySubJobEnd(desktopId, succeeded, deleteUsers);
    if (m_store) {
        m_store->saveSettled(job->id(), desktopId);
        m_store->saveDesktop(m_desktops.at(m_indexById.value(desktopId)));
        m_store->forgetTaskStatusBeforeDeletion(desktopId);
    }
}

void DeletionRoutes::applySubJobEnd(const QString &desktopId, bool succeeded, bool deleteUsers)
{
    SimulatedDesktop &desktop = m_desktops[m_indexById.value(desktopId)];
    const QString previousTaskStatus = m_taskStatusBeforeDeletion.take(desktopId);
    if (!succeeded) {
        desktop.taskStatus = previousTaskStatus;
        desktop.refreshJson();
        return;
    }
    desktop.taskStatus.clear();
    if (m_config.deletedDesktopsRemain) {
        desktop.status = QStringLiteral("DELETED");
        desktop.loginStatus = QStringLiteral("UNREGISTER");
    } else {
        desktop.removed = true;
    }
    desktop.refreshJson();

    if (!deleteUsers || desktop.userName.isEmpty())
        return;
    const bool hasOtherDesktop = std::any_of(m_desktops.cbegin(), m_desktops.cend(), [&desktop](const SimulatedDesktop &other) {
        return &other != &desktop && !isGone(other) && other.userName == desktop.userName;
    });
    if (!hasOtherDesktop) {
        m_deletedUsers.insert(desktop.userName);
        if (m_store)
            m_store->saveDeletedUser(desktop.userName);
    }
}

SimulatorReply DeletionRoutes::conflictReply(const QString &instanceStatus, const QStringList &desktopIds) const
{
    // The documented conflict: "Operation conflict. The desktop current instance status is [...]
    // and deny operation [...]".
    return errorReply(409, kConflict,
                      QStringLiteral("Operation conflict. The desktop current instance status is [%1] and deny operation [delete]")
                          .arg(instanceStatus),
                      QStringLiteral("Desktops: ") + desktopIds.join(QStringLiteral(", ")));
}

SimulatorReply DeletionRoutes::refusalOfUnconfirmedDeletions(const QStringList &ids, bool forceDelete) const
{
    if (m_config.unconfirmedDeletion == UnconfirmedDeletion::FailPerDesktop)
        return {};
    // ASSUMPTION (the other plausible answer): the whole call is refused, nothing is deleted.
    QStringList yearly;
    QStringList connected;
    for (const QString &id : ids) {
        const SimulatedDesktop &desktop = m_desktops.at(m_indexById.value(id));
        if (desktop.yearlyMonthly)
            yearly.append(id);
        else if (desktop.loginStatus == QLatin1String("CONNECTED") && !forceDelete)
            connected.append(id);
    }
    if (yearly.isEmpty() && connected.isEmpty())
        return {};
    if (m_config.unconfirmedDeletion == UnconfirmedDeletion::RefuseWholeCall409)
        return conflictReply(yearly.isEmpty() ? QStringLiteral("connected") : QStringLiteral("yearly/monthly"),
                             yearly + connected);
    return errorReply(400, yearly.isEmpty() ? kUserConnected : kYearlyMonthly,
                      yearly.isEmpty()
                          ? QStringLiteral("A user is connected to a desktop; delete it with is_force_delete.")
                          : QStringLiteral("A desktop is billed yearly/monthly; unsubscribe it instead."),
                      QStringLiteral("Desktops: ") + (yearly + connected).join(QStringLiteral(", ")));
}

SimulatorReply DeletionRoutes::showJob(const QString &jobId)
{
    DeletionJob *job = m_jobs.value(jobId);
    if (!job)
        return notFoundReply(m_config.notFoundAnswer, jobId);
    job->update();
    return jsonReply(200, job->toJson());
}

SimulatorReply DeletionRoutes::listSubJobs(const QUrlQuery &query)
{
    const QString jobId = query.queryItemValue(QStringLiteral("job_id"), QUrl::FullyDecoded);
    const QString jobType = query.queryItemValue(QStringLiteral("job_type"), QUrl::FullyDecoded);
    const QString status = query.queryItemValue(QStringLiteral("status"), QUrl::FullyDecoded);
    static const QStringList statuses = {QStringLiteral("WAITING"), QStringLiteral("RUNNING"),
                                         QStringLiteral("SUCCESS"), QStringLiteral("FAILED")};
    if (query.hasQueryItem(QStringLiteral("status")) && !statuses.contains(status))
        return invalidParameterReply(QStringLiteral("status must be one of ") + statuses.join(QStringLiteral(", ")));
    int offset = 0;
    int limit = kMaxSubJobLimit;
    bool ok = true;
    if (query.hasQueryItem(QStringLiteral("offset")))
        offset = query.queryItemValue(QStringLiteral("offset")).toInt(&ok);
    if (!ok || offset < 0 || offset > kMaxSubJobOffset)
        return invalidParameterReply(QStringLiteral("offset must be an integer from 0 to %1").arg(kMaxSubJobOffset));
    if (query.hasQueryItem(QStringLiteral("limit")))
        limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit < 0 || limit > kMaxSubJobLimit)
        return invalidParameterReply(QStringLiteral("limit must be an integer from 0 to %1").arg(kMaxSubJobLimit));

    // job_id and job_type are filters: a job nobody knows, or another type, matches nothing
    // (the documents do not say; an empty page is what a filter gives). Jobs in the order of
    // their ids, so that paging is stable.
    QList<DeletionJob *> jobs;
    if (!jobId.isEmpty()) {
        if (DeletionJob *job = m_jobs.value(jobId))
            jobs.append(job);
    } else {
        jobs = m_jobs.values();
        std::sort(jobs.begin(), jobs.end(), [](const DeletionJob *a, const DeletionJob *b) { return a->id() < b->id(); });
    }
    if (!jobType.isEmpty() && jobType != m_config.deletionJobType)
        jobs.clear();
    QList<QJsonObject> matching;
    for (DeletionJob *job : std::as_const(jobs)) {
        job->update();
        int total = 0;
        matching += job->subJobsJson(status, 0, std::numeric_limits<int>::max(), &total);
    }
    QJsonArray page;
    for (const QJsonObject &subJob : matching.mid(offset, limit))
        page.append(subJob);
    return jsonReply(200, QJsonObject{{QStringLiteral("total_count"), int(matching.size())}, {QStringLiteral("jobs"), page}});
}

