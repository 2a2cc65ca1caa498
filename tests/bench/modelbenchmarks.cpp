#include "modelbenchmarks.h"

#include "benchclock.h"
#include "benchreport.h"
#include "benchtable.h"
#include "pagefixture.h"

#include <QCoreApplication>
#include <QTextStream>

#include <memory>

namespace {

double millisecondsSince(const BenchClock &timer)
{
    return timer.elapsedMs();
}

// Lets the view handle what the model and proxy posted (layout, repaint), as the GUI thread would
// before the next keystroke; part of the cost being measured.
void settle()
{
    QCoreApplication::processEvents();
}

bool fail(const QString &message)
{
    QTextStream(stderr) << "benchmark failed: " << message << Qt::endl;
    return false;
}

} // namespace

bool runModelBenchmarks(const BenchOptions &options, BenchReport &report)
{
    const QList<QByteArray> pages = PageFixture::desktopPages(options.pageCount, options.pageSize, 7);
    const int total = options.desktopCount();
    const QString sizeName = options.shortMode ? QStringLiteral("short") : QStringLiteral("100k");

    QList<double> parseInsert;
    std::unique_ptr<BenchTable> table;
    for (int i = 0; i < options.iterations; ++i) {
        table.reset(); // the previous table's teardown is not part of the figure
        table = std::make_unique<BenchTable>();
        settle();
        BenchClock timer;
        QString error;
        if (!table->loadPages(pages, options.pageSize, &error))
            return fail(error);
        settle();
        parseInsert.append(millisecondsSince(timer));
        if (table->model().rowCount() != total || table->proxy().rowCount() != total)
            return fail(QStringLiteral("%1 rows loaded, %2 expected").arg(table->model().rowCount()).arg(total));
    }
    report.add(QStringLiteral("parse_insert_%1_ms").arg(sizeName), parseInsert, QStringLiteral("ms"), 500);

    // One keystroke: the search grows by one character, as when typing a name. Alternating
    // between two texts keeps each sample a real re-filter of every row.
    DesktopFilterProxy &proxy = table->proxy();
    QList<double> keystrokes;
    const QStringList typed = {QStringLiteral("wks-dev-0"), QStringLiteral("wks-dev-00")};
    proxy.setSearchText(typed.at(0));
    settle();
    for (int i = 0; i < options.iterations * 2; ++i) {
        const QString &text = typed.at((i + 1) % typed.size());
        BenchClock timer;
        proxy.setSearchText(text);
        settle();
        keystrokes.append(millisecondsSince(timer));
        if (proxy.rowCount() == 0 || proxy.rowCount() == total)
            return fail(QStringLiteral("the search \"%1\" shows %2 rows").arg(text).arg(proxy.rowCount()));
    }
    report.add(QStringLiteral("filter_keystroke_%1_ms").arg(sizeName), keystrokes, QStringLiteral("ms"), 30);
    proxy.setSearchText(QString());
    settle();

    // Sorting by name, from another order each time so that every sample really sorts.
    QList<double> sorts;
    for (int i = 0; i < options.iterations; ++i) {
        table->view().sortByColumn(DesktopTableModel::CreatedColumn, Qt::AscendingOrder);
        settle();
        BenchClock timer;
        table->view().sortByColumn(DesktopTableModel::NameColumn,
                                   i % 2 == 0 ? Qt::AscendingOrder : Qt::DescendingOrder);
        settle();
        sorts.append(millisecondsSince(timer));
    }
    const QString firstName = proxy.index(0, DesktopTableModel::NameColumn).data().toString();
    const QString lastName = proxy.index(proxy.rowCount() - 1, DesktopTableModel::NameColumn).data().toString();
    const bool lastSortAscending = (options.iterations - 1) % 2 == 0;
    if ((firstName.compare(lastName, Qt::CaseInsensitive) <= 0) != lastSortAscending)
        return fail(QStringLiteral("the rows are not sorted by name"));
    report.add(QStringLiteral("sort_%1_ms").arg(sizeName), sorts, QStringLiteral("ms"), 150);

    // Select all shown rows, then the id set the deletion works with.
    QList<double> selections;
    for (int i = 0; i < options.iterations; ++i) {
        table->view().clearSelection();
        settle();
        BenchClock timer;
        table->view().selectAll();
        const QStringList idList = proxy.desktopIdsIn(table->view().selectionModel()->selection());
        const QSet<QString> ids(idList.cbegin(), idList.cend());
        settle();
        selections.append(millisecondsSince(timer));
        // Rows being deleted are not selectable, so a few may be missing, never more than all.
        if (ids.isEmpty() || ids.size() > total)
            return fail(QStringLiteral("select all gave %1 ids").arg(ids.size()));
    }
    report.add(QStringLiteral("select_all_%1_ms").arg(sizeName), selections, QStringLiteral("ms"), 100);

    // For comparison: the same through QItemSelectionModel::selectedRows(), which asks every cell
    // of every row for its flags (what MainWindow counted with at the time of writing).
    QList<double> selectedRows;
    for (int i = 0; i < options.iterations; ++i) {
        table->view().clearSelection();
        settle();
        BenchClock timer;
        table->view().selectAll();
        const QSet<QString> ids = table->selectedIds();
        settle();
        selectedRows.append(millisecondsSince(timer));
        if (ids.isEmpty())
            return fail(QStringLiteral("select all through selectedRows() gave no ids"));
    }
    report.add(QStringLiteral("select_all_selectedrows_%1_ms").arg(sizeName), selectedRows, QStringLiteral("ms"), 0);
    return true;
}
