#include "modelbenchmarks.h"

#include "benchclock.h"
#include "benchreport.h"
#include "benchtable.h"
#include "pagefixture.h"

#include "desktopgenerator.h"

#include "api/workspacejson.h"

#include <QCoreApplication>
#include <QJsonDocument>
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

// The desktops of one generated project, in pages of pageSize as its listing brings them.
QList<QList<Desktop>> projectPages(int desktops, int pageSize, quint32 seed)
{
    QList<QList<Desktop>> pages;
    const QList<SimulatedDesktop> generated = DesktopGenerator::generate(desktops, seed);
    for (int i = 0; i < generated.size(); ++i) {
        if (i % pageSize == 0)
            pages.append(QList<Desktop>());
        pages.last().append(WorkspaceJson::desktopFromJson(QJsonDocument::fromJson(generated.at(i).compactJson()).object()));
    }
    return pages;
}

// Milliseconds for the pages of `projects` projects, a page of each in turn as a listing of every
// region brings them, into the sorted table, each page a turn of the event loop. Their names follow
// the same pattern, so each page of one project falls between the rows of the others.
double insertInterleaved(const QList<QList<QList<Desktop>>> &pagesByProject, int projects)
{
    BenchTable table;
    QList<int> indexes;
    for (int project = 0; project < projects; ++project) {
        WorkspaceProject workspaceProject;
        workspaceProject.region = QStringLiteral("region-%1").arg(project);
        workspaceProject.name = workspaceProject.region;
        workspaceProject.id = QStringLiteral("project-%1").arg(project);
        indexes.append(table.model().addProject(workspaceProject));
    }
    settle();
    BenchClock timer;
    for (int page = 0; page < pagesByProject.constFirst().size(); ++page) {
        for (int project = 0; project < projects; ++project) {
            table.model().upsertDesktops(pagesByProject.at(project).at(page), indexes.at(project));
            settle();
        }
    }
    return millisecondsSince(timer);
}

} // namespace

bool runInterleavedProjectsBenchmark(const BenchOptions &options, BenchReport &report)
{
    QList<QList<QList<Desktop>>> pagesByProject;
    for (quint32 project = 0; project < 3; ++project)
        pagesByProject.append(projectPages(options.regionDesktops, options.pageSize, 23 + project));
    QList<double> ratios;
    for (int i = 0; i < options.iterations; ++i) {
        const double one = insertInterleaved(pagesByProject, 1);
        const double three = insertInterleaved(pagesByProject, 3);
        QTextStream(stderr) << "the sorted table took " << one << " ms for one project's " << options.regionDesktops
                            << " desktops, " << three << " ms for three projects' interleaved" << Qt::endl;
        ratios.append(one > 0 ? three / one : 0.0);
    }
    const QString size = options.shortMode ? QStringLiteral("short") : QStringLiteral("3x%1k").arg(options.regionDesktops / 1000);
    // Three times the rows: three times the time, were the cost per row the same (no target: it
    // tells how much of all_regions_*_vs_one_ratio the table itself takes).
    report.add(QStringLiteral("insert_interleaved_%1_vs_one_ratio").arg(size), ratios, QStringLiteral("x"), 0, 2);
    return true;
}

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
