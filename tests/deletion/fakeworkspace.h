#pragma once

#include "fakenetworkaccessmanager.h"

#include <QHash>
#include <QSet>
#include <QStringList>
#include <QUrlQuery>

#include <functional>
#include <optional>

// A scripted Workspace API behind the shared FakeNetworkAccessManager: batch-delete creates a
// job, the job runs for a number of polls, then its sub-jobs succeed (or fail for chosen desktops).
class FakeWorkspace
{
public:
    struct FakeJob
    {
        QString id;
        QStringList desktopIds;
        int showCount = 0;
    };

    // POSTs answered by this instead of the normal flow when it returns a value (by 0-based index).
    std::function<std::optional<FakeResponse>(int postIndex)> postOverride;
    int pollsUntilDone = 2;                  // ShowJob answers RUNNING this many times first
    QSet<QString> failingDesktopIds;         // their sub-jobs end FAILED
    int transientJobErrors = 0;              // the next N job GETs answer 503
    bool jobsNeverEnd = false;
    bool subJobsInShowJob = false;           // ShowJob lists the sub-jobs itself

    FakeResponse handle(const RecordedRequest &request);
    FakeNetworkAccessManager::RequestHandler handler();

    QList<QStringList> postedDesktopIds;     // per POST, in order
    QHash<QString, FakeJob> jobs;

    // Adds a job as if a request for these desktops had been carried out (e.g. a first copy whose
    // answer was lost).
    void addJob(const QString &jobId, const QStringList &desktopIds);

private:
    QByteArray subJobsJson(const FakeJob &job, bool done) const;
    // workspace-sub-jobs by job_type, without a job id: every job's sub-jobs.
    QByteArray deletionSubJobsJson(const QUrlQuery &query) const;
    int m_postCount = 0;
};
