#include "benchtable.h"

#include "api/workspacejson.h"

#include <QHeaderView>
#include <QItemSelectionModel>

BenchTable::BenchTable()
{
    m_proxy.setDesktopModel(&m_model);
    m_view.setModel(&m_proxy);
    m_view.setSortingEnabled(true);
    m_view.sortByColumn(DesktopTableModel::NameColumn, Qt::AscendingOrder);
    m_view.setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view.setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view.setWordWrap(false);
    m_view.verticalHeader()->hide();
    m_view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view.horizontalHeader()->setStretchLastSection(true);
    m_view.horizontalHeader()->setHighlightSections(false);
    m_view.resize(1200, 700);
    m_view.show();
}

bool BenchTable::loadPages(const QList<QByteArray> &pages, QString *error)
{
    for (const QByteArray &body : pages) {
        std::optional<DesktopPage> page = WorkspaceJson::parseDesktopPage(body, error);
        if (!page)
            return false;
        m_model.upsertDesktops(page->desktops);
    }
    return true;
}

QSet<QString> BenchTable::selectedIds() const
{
    const QModelIndexList rows = m_view.selectionModel()->selectedRows();
    QSet<QString> ids;
    ids.reserve(rows.size());
    for (const QModelIndex &index : rows)
        ids.insert(m_model.idAt(m_proxy.mapToSource(index).row()));
    return ids;
}
