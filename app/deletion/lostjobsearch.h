#pragma once

#include "api/apierror.h"
#include "api/workspacetypes.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

class ApiClient;
class ListAllSubJobsCall;

// Looks for the job of a batch-delete request whose answer was lost (no usable answer, or a 409
// that may answer a silent resend) among the project's deletion sub-jobs, listed by job type
// without a job id. Statuses are listed in the order a sub-job goes through them (WAITING,
// RUNNING, SUCCESS, FAILED), so that one moving on between two listings is still seen once.
// The job is found when exactly one job's sub-jobs, begun no earlier than a few minutes before
// the request, name exactly the requested desktops. Each status is one ListAllSubJobsCall, paged
// and bounded like every listing. Finishes exactly once.
class LostJobSearch : public QObject
{
    Q_OBJECT
public:
    enum class Outcome { Searching, Found, NotFound, Failed };
    Q_ENUM(Outcome)

    static constexpr int kMaxPagesPerStatus = 11;
    // Sub-jobs that began this long before the request are an earlier deletion's.
    static constexpr qint64 kClockSlackMs = 10 * 60 * 1000;

    LostJobSearch(ApiClient *client, QStringList desktopIds, QDateTime requestedAt,
                  QObject *parent = nullptr);
    ~LostJobSearch() override;

    void start();
    void cancel(); // no signal follows

    Outcome outcome() const { return m_outcome; }
    QString jobId() const { return m_jobId; }
    // Why nothing was found, or what failed (translated).
    QString reason() const { return m_reason; }
    const ApiError &error() const { return m_error; }
    int pageRequests() const { return m_pageRequests; }

Q_SIGNALS:
    void finished();

private:
    void listStatus();
    void onStatusListed(ListAllSubJobsCall *listing);
    void finish(Outcome outcome, const QString &reason = {});
    QString matchingJob(QString *why) const;

    QPointer<ApiClient> m_client;
    QStringList m_desktopIds;
    QSet<QString> m_wanted;
    QDateTime m_requestedAt;
    QPointer<ListAllSubJobsCall> m_call;
    int m_statusIndex = 0;
    int m_pageRequests = 0;
    QHash<QString, QSet<QString>> m_desktopsByJob;
    Outcome m_outcome = Outcome::Searching;
    QString m_jobId;
    QString m_reason;
    ApiError m_error;
    bool m_started = false;
};
