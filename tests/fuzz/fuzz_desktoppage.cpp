// libFuzzer: WorkspaceJson::parseDesktopPage on arbitrary bytes. Either a page comes back or a
// reason does; a page never holds a desktop without an id and never a negative total.
#include "api/workspacejson.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const std::optional<DesktopPage> page = WorkspaceJson::parseDesktopPage(body, &error);
    if (!page && error.isEmpty())
        std::abort(); // a refusal must say why
    if (page) {
        if (page->totalCount < 0)
            std::abort();
        for (const Desktop &desktop : page->desktops) {
            if (desktop.id.isEmpty())
                std::abort();
        }
    }
    return 0;
}
