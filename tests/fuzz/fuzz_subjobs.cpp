// libFuzzer: WorkspaceJson::parseSubJobPage on arbitrary bytes.
#include "api/workspacejson.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const std::optional<SubJobPage> page = WorkspaceJson::parseSubJobPage(body, &error);
    if (!page && error.isEmpty())
        std::abort();
    if (page) {
        for (const SubJob &subJob : page->jobs)
            (void)subJob.state();
    }
    return 0;
}
