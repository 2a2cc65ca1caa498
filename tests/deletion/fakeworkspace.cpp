#include "fakeworkspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

FakeNetworkAccessManager::RequestHandler FakeWorkspace::handler()
{
    return [this](const RecordedRequest &request) { return handle(request); };
}

FakeResponse FakeWorkspace::handle(const RecordedRequest &request)
{
    const QString path = request.url.path();
    if (request.method == "POST" && path.endsWith(QLatin1String("/desktops/batch-delete"))) {
        const int index = m_postCount++;
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        QStringList ids;
        const QJsonArray array = body.value(QLatin1String("desktop_ids")).toArray();
        for (const QJsonValue &value : array)
            ids.append(value.toString());
        postedDesktopIds.append(ids);
        if (postOverride) {
            if (std::optional<FakeResponse> response = postOverride(index))
                return *response;
        }
        FakeJob job;
        job.id = QStringLiteral("job-%1").arg(index + 1);
        job.desktopIds = ids;
        jobs.insert(job.id, job);
        return FakeResponse::json(202, QJsonDocument(QJsonObject{{QLatin1String("job_id"), job.id}})
                                           .toJson(QJsonDocument::Compact),
                                  "req-post-" + QByteArray::number(index + 1));
    }
    if (request.method == "GET" && path.contains(QLatin1String("/workspace-jobs/"))) {
        if (transientJobErrors > 0) {
            --transientJobErrors;
            return FakeResponse::json(503, R"({"error_code":"WKS.0001","error_msg":"busy"})");
        }
        const QString id = path.section(QLatin1Char('/'), -1);
        auto it = jobs.find(id);
        if (it == jobs.end())
            return FakeResponse::json(404, R"({"error_code":"WKS.0202","error_msg":"no such job"})");
        ++it->showCount;
        const bool done = !jobsNeverEnd && it->showCount > pollsUntilDone;
        bool anyFailed = false;
        for (const QString &desktop : std::as_const(it->desktopIds))
            anyFailed = anyFailed || failingDesktopIds.contains(desktop);
        QJsonObject job{{QLatin1String("id"), id},
                        {QLatin1String("job_type"), QLatin1String("BATCH_DELETE_DESKTOPS")},
                        {QLatin1String("status"),
                         done ? (anyFailed ? QLatin1String("FAIL") : QLatin1String("SUCCESS"))
                              : QLatin1String("RUNNING")},
                        {QLatin1String("sub_jobs_total"), int(it->desktopIds.size())}};
        if (subJobsInShowJob)
            job.insert(QLatin1String("sub_jobs"),
                       QJsonDocument::fromJson(subJobsJson(*it, done)).object().value(QLatin1String("jobs")));
        return FakeResponse::json(200, QJsonDocument(job).toJson(QJsonDocument::Compact));
    }
    if (request.method == "GET" && path.endsWith(QLatin1String("/workspace-sub-jobs"))
        && !QUrlQuery(request.url).hasQueryItem(QStringLiteral("job_id"))) {
        return FakeResponse::json(200, deletionSubJobsJson(QUrlQuery(request.url)));
    }
    if (request.method == "GET" && path.endsWith(QLatin1String("/workspace-sub-jobs"))) {
        const QString id = QUrlQuery(request.url).queryItemValue(QStringLiteral("job_id"));
        auto it = jobs.find(id);
        if (it == jobs.end())
            return FakeResponse::json(404, R"({"error_code":"WKS.0202","error_msg":"no such job"})");
        const bool done = !jobsNeverEnd && it->showCount > pollsUntilDone;
        return FakeResponse::json(200, subJobsJson(*it, done));
    }
    return FakeResponse::json(404, R"({"error_code":"APIG.0101","error_msg":"not found"})");
}

QByteArray FakeWorkspace::deletionSubJobsJson(const QUrlQuery &query) const
{
    QJsonArray all;
    if (query.queryItemValue(QStringLiteral("job_type")) == QLatin1String("deleteDesktops")) {
        const QString status = query.queryItemValue(QStringLiteral("status"));
        for (const FakeJob &job : jobs) {
            const bool done = !jobsNeverEnd && job.showCount > pollsUntilDone;
            const QJsonArray subJobs =
                QJsonDocument::fromJson(subJobsJson(job, done)).object().value(QLatin1String("jobs")).toArray();
            for (const QJsonValue &subJob : subJobs) {
                if (status.isEmpty() || subJob.toObject().value(QLatin1String("status")).toString() == status)
                    all.append(subJob);
            }
        }
    }
    const int offset = query.queryItemValue(QStringLiteral("offset")).toInt();
    QJsonArray page;
    for (int i = offset; i < all.size() && page.size() < 1000; ++i)
        page.append(all.at(i));
    return QJsonDocument(QJsonObject{{QLatin1String("total_count"), int(all.size())},
                                     {QLatin1String("jobs"), page}})
        .toJson(QJsonDocument::Compact);
}

QByteArray FakeWorkspace::subJobsJson(const FakeJob &job, bool done) const
{
    QJsonArray subJobs;
    int n = 0;
    for (const QString &desktop : job.desktopIds) {
        const bool fails = failingDesktopIds.contains(desktop);
        QJsonObject sub{
            {QLatin1String("id"), QString(job.id + QStringLiteral("-sub-") + QString::number(++n))},
            {QLatin1String("job_id"), job.id},
            {QLatin1String("status"),
             done ? (fails ? QLatin1String("FAILED") : QLatin1String("SUCCESS"))
                  : QLatin1String("RUNNING")},
            {QLatin1String("process"), done ? 100 : std::min(90, job.showCount * 30)},
            {QLatin1String("entities"), QJsonObject{{QLatin1String("desktop_id"), desktop},
                                                    {QLatin1String("desktop_name"),
                                                     QString(QStringLiteral("name-") + desktop)}}}};
        if (done && fails) {
            sub.insert(QLatin1String("error_code"), QLatin1String("WKS.0110"));
            sub.insert(QLatin1String("fail_reason"),
                       QLatin1String("yearly/monthly desktops must be unsubscribed"));
        }
        subJobs.append(sub);
    }
    return QJsonDocument(QJsonObject{{QLatin1String("total_count"), int(subJobs.size())},
                                     {QLatin1String("jobs"), subJobs}})
        .toJson(QJsonDocument::Compact);
}

void FakeWorkspace::addJob(const QString &jobId, const QStringList &desktopIds)
{
    FakeJob job;
    job.id = jobId;
    job.desktopIds = desktopIds;
    jobs.insert(jobId, job);
}
