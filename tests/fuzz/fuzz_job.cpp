// libFuzzer: WorkspaceJson::parseJob and parseBatchDeleteResponse on arbitrary bytes.
#include "api/workspacejson.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const std::optional<Job> job = WorkspaceJson::parseJob(body, &error);
    if (!job && error.isEmpty())
        std::abort();
    if (job)
        (void)job->state();
    error.clear();
    const std::optional<QString> jobId = WorkspaceJson::parseBatchDeleteResponse(body, &error);
    if (!jobId && error.isEmpty())
        std::abort();
    if (jobId && jobId->isEmpty())
        std::abort(); // an accepted batch delete always names its job
    return 0;
}
