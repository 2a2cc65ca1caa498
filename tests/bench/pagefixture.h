#pragma once

#include <QByteArray>
#include <QList>

// ListDesktopsDetail answers as the service sends them, built from the simulator's realistic
// desktops: the input of the parsing and insertion benchmarks.
namespace PageFixture {

// pageCount pages of pageSize desktops each, every one a complete `{"total_count", "desktops"}`
// body. The same seed gives the same bytes.
QList<QByteArray> desktopPages(int pageCount, int pageSize, quint32 seed);

} // namespace PageFixture
