#include "pagefixture.h"

#include "desktopgenerator.h"

namespace PageFixture {

QList<QByteArray> desktopPages(int pageCount, int pageSize, quint32 seed)
{
    const int total = pageCount * pageSize;
    const QList<SimulatedDesktop> desktops = DesktopGenerator::generate(total, seed);
    const QByteArray totalText = QByteArray::number(total);
    QList<QByteArray> pages;
    pages.reserve(pageCount);
    for (int page = 0; page < pageCount; ++page) {
        QByteArray body = "{\"total_count\":" + totalText + ",\"desktops\":[";
        for (int i = 0; i < pageSize; ++i) {
            if (i > 0)
                body += ',';
            body += desktops.at(page * pageSize + i).compactJson();
        }
        body += "]}";
        pages.append(body);
    }
    return pages;
}

} // namespace PageFixture
