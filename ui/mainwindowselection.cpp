// What the window does with the selection: reading and setting it by desktop id, copying,
// exporting to CSV and the details of the selected desktop.
#include "mainwindow.h"

#include "desktopcsv.h"
#include "desktopdetailsdialog.h"
#include "desktopfilterproxy.h"
#include "desktoploader.h"
#include "desktoptablemodel.h"
#include "selectbyidsdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QMessageBox>
#include <QSaveFile>
#include <QStatusBar>
#include <QTableView>

#include <algorithm>

QStringList MainWindow::selectedDesktopIds() const
{
    // In the order shown; read from the selection's ranges (see updateCounts()).
    return m_proxy->desktopIdsIn(m_view->selectionModel()->selection());
}

QList<ProjectDesktop> MainWindow::selectedProjectDesktops() const
{
    return m_proxy->projectDesktopsIn(m_view->selectionModel()->selection());
}

QStringList MainWindow::selectedDeletableDesktopIds() const
{
    QStringList ids;
    for (int row : m_proxy->selectableSourceRowsIn(m_view->selectionModel()->selection())) {
        if (m_model->index(row, 0).data(DesktopTableModel::DeletableRole).toBool())
            ids.append(m_model->idAt(row));
    }
    return ids;
}

int MainWindow::selectDesktopIds(const QStringList &ids, SelectionChange change)
{
    QList<int> proxyRows;
    for (const QString &id : ids) {
        // In each project that lists the id (one, unless the connection is to every region).
        for (const int sourceRow : m_model->rowsOfId(id)) {
            const QModelIndex proxyIndex = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
            if (proxyIndex.isValid() && (m_proxy->flags(proxyIndex) & Qt::ItemIsSelectable))
                proxyRows.append(proxyIndex.row());
        }
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

QStringList MainWindow::selectByIdsOrNames(const QStringList &lines, SelectionChange change)
{
    QStringList notFound;
    const QStringList ids = m_model->resolveIdsOrNames(lines, &notFound);
    selectDesktopIds(ids, change);
    return notFound;
}

void MainWindow::copySelection(int column)
{
    QStringList values;
    for (int row : m_proxy->selectableSourceRowsIn(m_view->selectionModel()->selection()))
        values.append(m_model->index(row, column).data().toString());
    QApplication::clipboard()->setText(values.join(QLatin1Char('\n')));
    statusBar()->showMessage(tr("Copied %Ln value(s).", nullptr, int(values.size())), 4000);
}

QByteArray MainWindow::csvForShown(bool selectedOnly) const
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

void MainWindow::exportCsv(bool selectedOnly)
{
    auto *dialog = new QFileDialog(this, selectedOnly ? tr("Export Selected Desktops")
                                                      : tr("Export Shown Desktops"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(tr("CSV files (*.csv)"));
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->selectFile(QStringLiteral("desktops.csv"));
    connect(dialog, &QFileDialog::fileSelected, this, [this, selectedOnly](const QString &path) {
        QSaveFile file(path);
        if (file.open(QIODevice::WriteOnly) && file.write(csvForShown(selectedOnly)) >= 0 && file.commit()) {
            statusBar()->showMessage(tr("Exported to %1.").arg(QDir::toNativeSeparators(path)), 6000);
            return;
        }
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Export Failed"),
                                    tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()),
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    dialog->open();
}

void MainWindow::showDetails()
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
    auto *dialog = new DesktopDetailsDialog(m_model->desktopAt(sourceRow), facts, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->fetchAllFields(m_loader);
}

void MainWindow::openSelectByIds()
{
    auto *dialog = new SelectByIdsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QStringList notFound = selectByIdsOrNames(
            dialog->lines(), dialog->addsToSelection() ? SelectionChange::Add : SelectionChange::Replace);
        if (notFound.isEmpty())
            return;
        // The first few in the message itself, every one of them in the details.
        constexpr int kNamed = 10;
        QStringList named = notFound.mid(0, kNamed);
        if (notFound.size() > kNamed)
            named.append(tr("and %Ln more", nullptr, int(notFound.size() - kNamed)));
        auto *box = new QMessageBox(QMessageBox::Information, tr("Not Found"),
                                    tr("%Ln of the pasted IDs or names matched no loaded desktop:", nullptr,
                                       int(notFound.size())),
                                    QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("notFoundBox"));
        box->setInformativeText(named.join(QLatin1String(", ")));
        box->setDetailedText(notFound.join(QLatin1Char('\n')));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    dialog->open();
}
