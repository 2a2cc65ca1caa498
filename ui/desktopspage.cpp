#include "desktopspage.h"

#include "desktopcolumnlayout.h"
#include "desktopcsv.h"
#include "desktopdetailsdialog.h"
#include "desktopfilterbar.h"
#include "desktopfilterproxy.h"
#include "desktoploader.h"
#include "desktoptablemodel.h"
#include "errorbanner.h"
#include "idleoverviewchart.h"
#include "idleoverviewfilter.h"
#include "listingwarningbanner.h"
#include "mainwindowtext.h"
#include "noticelabel.h"
#include "regionfilter.h"
#include "selectbyidsdialog.h"
#include "tableheader.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

DesktopsPage::DesktopsPage(DesktopTableModel *model, DesktopLoader *loader, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_loader(loader)
    , m_proxy(new DesktopFilterProxy(this))
    , m_view(new QTableView(this))
    , m_banner(new ErrorBanner(this))
    , m_listingWarning(new ListingWarningBanner(this))
    , m_demoBanner(new NoticeLabel(this))
{
    m_proxy->setDesktopModel(m_model);

    m_view->setObjectName(QStringLiteral("desktopTable"));
    m_view->setAccessibleName(MainWindowText::tr("Desktops"));
    m_view->setAccessibleDescription(MainWindowText::tr("The desktops of the project. Enter opens the details, "
                                        "the Delete key deletes the selected desktops after a confirmation."));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(DesktopTableModel::NameColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    // Tab leaves the table for the next control: the arrow keys move between its cells.
    m_view->setTabKeyNavigation(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionsMovable(true);
    keepHeaderOutOfSelection(m_view);
    header->setStretchLastSection(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    applyDefaultDesktopColumns(m_view);

    m_emptyTableNote = new QLabel(m_view->viewport());
    m_emptyTableNote->setObjectName(QStringLiteral("emptyTableNote"));
    m_emptyTableNote->setAlignment(Qt::AlignCenter);
    m_emptyTableNote->setWordWrap(true);
    m_emptyTableNote->setEnabled(false); // drawn in the palette's placeholder colour
    m_emptyTableNote->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_emptyTableNote->hide();
    m_view->viewport()->installEventFilter(this);
    m_view->installEventFilter(this);

    m_demoBanner->setObjectName(QStringLiteral("demoBanner"));
    m_demoBanner->setAccessibleName(MainWindowText::tr("Demo mode"));
    m_demoBanner->setText(MainWindowText::tr("<b>Demo mode</b> — a simulated project on this computer. Nothing you do "
                             "here touches a real cloud."));
    m_demoBanner->setContentsMargins(10, 6, 10, 6);
    m_demoBanner->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_demoBanner);
    layout->addWidget(m_banner);
    layout->addWidget(m_listingWarning);
    m_idleOverview = new IdleOverviewChart(this);
    m_idleOverview->setObjectName(QStringLiteral("idleOverview"));
    m_idleOverview->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_idleOverview);
    layout->addWidget(m_view);

    m_filterBar = new DesktopFilterBar(m_proxy, this);
    m_overviewFilter = new IdleOverviewFilter(m_idleOverview, m_filterBar->retirementFilter(), m_filterBar->idleFilter(),
                                              m_proxy, m_model, this);
    m_regionFilter = new RegionFilter(m_filterBar, m_view, m_proxy, m_model, this);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DesktopsPage::scheduleCountUpdate);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &DesktopsPage::scheduleCountUpdate);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &DesktopsPage::scheduleCountUpdate);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &DesktopsPage::scheduleCountUpdate);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &DesktopsPage::scheduleCountUpdate);
    // Enter or a double click (per platform style) opens the details.
    connect(m_view, &QTableView::activated, this, &DesktopsPage::showDetails);
}

bool DesktopsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        m_emptyTableNote->setGeometry(m_view->viewport()->rect());
    if (watched == m_view && event->type() == QEvent::FocusIn && !m_view->currentIndex().isValid()
        && m_proxy->rowCount() > 0) {
        // A table with focus but no current row shows nothing: the first row becomes current
        // (not selected), so the focus is visible and the arrow keys start there.
        m_view->selectionModel()->setCurrentIndex(m_proxy->index(0, 0), QItemSelectionModel::NoUpdate);
    }
    return QWidget::eventFilter(watched, event);
}

void DesktopsPage::setDemoBannerVisible(bool visible)
{
    m_demoBanner->setVisible(visible);
}

void DesktopsPage::scheduleCountUpdate()
{
    // Selection and row changes arrive in bursts while pages load: count once per burst.
    if (m_countUpdateScheduled)
        return;
    m_countUpdateScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_countUpdateScheduled = false;
        updateCounts();
    });
}

void DesktopsPage::updateCounts()
{
    // Once per burst of changes, from the selection's ranges: selectedRows() would ask every cell
    // of a large selection for its flags.
    m_selectionCounts = m_proxy->selectionCountsIn(m_view->selectionModel()->selection());
    updateEmptyTableNote();
    Q_EMIT countsChanged(m_model->rowCount(), m_proxy->rowCount(), m_selectionCounts.selectable);
}

void DesktopsPage::updateEmptyTableNote()
{
    // An empty table says why, rather than look like a listing that never came.
    QString note;
    if (m_proxy->rowCount() == 0 && !m_loader->isLoading() && m_loader->client()) {
        note = m_model->rowCount() > 0 ? MainWindowText::tr("No desktops match the search and the filters.")
                                       : MainWindowText::tr("No desktops in this project.");
    }
    m_emptyTableNote->setText(note);
    m_emptyTableNote->setVisible(!note.isEmpty());
    if (!note.isEmpty())
        m_emptyTableNote->setGeometry(m_view->viewport()->rect());
}

QString DesktopsPage::emptyTableText() const
{
    return m_emptyTableNote->isHidden() ? QString() : m_emptyTableNote->text();
}

QStringList DesktopsPage::selectedDesktopIds() const
{
    // In the order shown; read from the selection's ranges (see updateCounts()).
    return m_proxy->desktopIdsIn(m_view->selectionModel()->selection());
}

QList<ProjectDesktop> DesktopsPage::selectedProjectDesktops() const
{
    return m_proxy->projectDesktopsIn(m_view->selectionModel()->selection());
}

void DesktopsPage::setAllRegions(bool allRegions)
{
    m_regionFilter->setAllRegions(allRegions);
}

QStringList DesktopsPage::selectedDeletableDesktopIds() const
{
    QStringList ids;
    for (int row : m_proxy->selectableSourceRowsIn(m_view->selectionModel()->selection())) {
        if (m_model->index(row, 0).data(DesktopTableModel::DeletableRole).toBool())
            ids.append(m_model->idAt(row));
    }
    return ids;
}

int DesktopsPage::selectDesktopIds(const QStringList &ids, SelectionChange change)
{
    QList<int> sourceRows;
    // In each project that lists the id (one, unless the connection is to every region).
    for (const QString &id : ids)
        sourceRows.append(m_model->rowsOfId(id));
    return selectSourceRows(sourceRows, change);
}

int DesktopsPage::selectSourceRows(const QList<int> &sourceRows, SelectionChange change)
{
    QList<int> proxyRows;
    for (const int sourceRow : sourceRows) {
        const QModelIndex proxyIndex = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
        if (proxyIndex.isValid() && (m_proxy->flags(proxyIndex) & Qt::ItemIsSelectable))
            proxyRows.append(proxyIndex.row());
    }
    std::sort(proxyRows.begin(), proxyRows.end());
    proxyRows.erase(std::unique(proxyRows.begin(), proxyRows.end()), proxyRows.end());
    // Contiguous rows become one range, so a selection of thousands stays a handful of ranges.
    QItemSelection selection;
    const int lastColumn = m_proxy->columnCount() - 1;
    for (int i = 0; i < proxyRows.size();) {
        int j = i;
        while (j + 1 < proxyRows.size() && proxyRows.at(j + 1) == proxyRows.at(j) + 1)
            ++j;
        selection.append(QItemSelectionRange(m_proxy->index(proxyRows.at(i), 0),
                                              m_proxy->index(proxyRows.at(j), lastColumn)));
        i = j + 1;
    }
    m_view->selectionModel()->select(selection, change == SelectionChange::Add
                                                    ? QItemSelectionModel::Select
                                                    : QItemSelectionModel::ClearAndSelect);
    if (!proxyRows.isEmpty()) {
        m_view->selectionModel()->setCurrentIndex(m_proxy->index(proxyRows.constFirst(), 0),
                                                  QItemSelectionModel::NoUpdate);
        m_view->scrollTo(m_proxy->index(proxyRows.constFirst(), 0));
    }
    return int(proxyRows.size());
}

PastedSelection DesktopsPage::selectPasted(const QStringList &lines, SelectionChange change)
{
    PastedSelection pasted = PastedSelection::resolve(*m_model, lines);
    selectSourceRows(pasted.rows, change);
    return pasted;
}

QStringList DesktopsPage::selectByIdsOrNames(const QStringList &lines, SelectionChange change)
{
    return selectPasted(lines, change).notFound;
}

QStringList DesktopsPage::selectedValues(int column) const
{
    QStringList values;
    for (int row : m_proxy->selectableSourceRowsIn(m_view->selectionModel()->selection()))
        values.append(m_model->index(row, column).data().toString());
    return values;
}

QByteArray DesktopsPage::csvForShown(bool selectedOnly) const
{
    QList<int> rows;
    if (selectedOnly) {
        rows = m_proxy->selectableRowsIn(m_view->selectionModel()->selection());
    } else {
        rows.reserve(m_proxy->rowCount());
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            rows.append(row);
    }
    QList<int> columns;
    const QHeaderView *header = m_view->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        if (!header->isSectionHidden(column))
            columns.append(column);
    }
    return DesktopCsv::write(*m_proxy, rows, columns);
}

void DesktopsPage::showDetails()
{
    QModelIndex current = m_view->currentIndex();
    const QItemSelectionModel *selection = m_view->selectionModel();
    if (!current.isValid() || !selection->isRowSelected(current.row())) {
        const QList<int> rows = m_proxy->selectableRowsIn(selection->selection());
        if (rows.isEmpty())
            return;
        current = m_proxy->index(rows.constFirst(), 0);
    }
    const int sourceRow = m_proxy->mapToSource(current).row();
    // The table keeps only the fields it shows; the dialog asks the server for the rest.
    auto cell = [this, sourceRow](int column) { return m_model->index(sourceRow, column).data().toString(); };
    const DesktopDetailsDialog::TableFacts facts{cell(DesktopTableModel::PoolColumn),
                                                 cell(DesktopTableModel::IdleDaysColumn),
                                                 cell(DesktopTableModel::UsedHoursColumn)};
    auto *dialog = new DesktopDetailsDialog(m_model->desktopAt(sourceRow), facts, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->fetchAllFields(m_loader);
}

void DesktopsPage::openSelectByIds()
{
    auto *dialog = new SelectByIdsDialog(window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const PastedSelection pasted = selectPasted(
            dialog->lines(), dialog->addsToSelection() ? SelectionChange::Add : SelectionChange::Replace);
        SelectByIdsDialog::reportUnselected(pasted, window());
    });
    dialog->open();
}
