// libFuzzer: WorkspaceJson::parseDesktopPage on arbitrary bytes. Either a page comes back or a
// reason does; a page never holds a desktop without an id and never a negative total; and the
// simdjson reader agrees with the reference reading through Qt's JSON classes, answer by answer.
#include "api/workspacejson.h"
#include "desktoppagereference.h"

#include <cstdint>
#include <cstdio>
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
    const std::optional<DesktopPage> reference = DesktopPageReference::parse(body);
    if (bool(page) != bool(reference)) {
        std::fprintf(stderr, "parseDesktopPage %s what the reference %s\n", page ? "accepts" : "refuses",
                     reference ? "accepts" : "refuses");
        std::abort();
    }
    if (page) {
        const QString difference = DesktopPageReference::firstDifference(*page, *reference);
        if (!difference.isEmpty()) {
            std::fprintf(stderr, "differs from the reference: %s\n", qPrintable(difference));
            std::abort();
        }
    }
    return 0;
}
