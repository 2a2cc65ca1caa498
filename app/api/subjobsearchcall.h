#pragma once

#include "apicall.h"
#include "apicalls.h"
#include "workspacetypes.h"

#include <QString>

// GET workspace-sub-jobs?job_type=deleteDesktops[&status=…]: one page of the project's deletion
// sub-jobs, whatever job they belong to. This is how the job of a batch-delete request whose
// answer was lost is found again (each sub-job names its job_id and its desktop).
class ListDeletionSubJobsCall : public ApiCall
{
    Q_OBJECT
public:
    // The same listing as ListSubJobsCall, filtered by job type instead of job: the same bounds.
    static constexpr int kMaxLimit = ListSubJobsCall::kMaxLimit;
    static constexpr int kMaxOffset = ListSubJobsCall::kMaxOffset;
    static constexpr auto kDeletionJobType = "deleteDesktops";

    // status: WAITING, RUNNING, SUCCESS, FAILED, or empty for every status.
    ListDeletionSubJobsCall(ApiClient *client, QString status, int offset, int limit = kMaxLimit,
                            QObject *parent = nullptr);
    const SubJobPage &result() const { return m_result; }

protected:
    QUrl url() const override;
    ApiError validate() const override;
    bool parseSuccess(const QByteArray &body, QString *error) override;

private:
    QString m_status;
    int m_offset;
    int m_limit;
    SubJobPage m_result;
};
