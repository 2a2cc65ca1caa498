#include "regionfilter.h"

#include "desktopfilterbar.h"
#include "desktopfilterproxy.h"
#include "desktoptablemodel.h"

#include <QComboBox>
#include <QHeaderView>
#include <QSignalBlocker>
#include <QTableView>

#include <algorithm>

RegionFilter::RegionFilter(DesktopFilterBar* bar, QTableView* view, DesktopFilterProxy* proxy,
    DesktopTableModel* model, QObject* parent)
    : QObject(parent)
    , m_bar(bar)
    , m_view(view)
    , m_proxy(proxy)
    , m_model(model)
{
    connect(model, &DesktopTableModel::projectsChanged, this, &RegionFilter::fillEntries);
    connect(bar->regionFilter(), &QComboBox::currentIndexChanged, this, &RegionFilter::apply);
    fillEntries();
    m_view->horizontalHeader()->setSectionHidden(DesktopTableModel::RegionColumn, true);
}

void RegionFilter::setAllRegions(bool allRegions)
{
    const bool changed = allRegions != m_allRegions;
    m_allRegions = allRegions;
    m_bar->setRegionFilterVisible(allRegions);
    if (changed || !allRegions)
        m_view->horizontalHeader()->setSectionHidden(DesktopTableModel::RegionColumn, !allRegions);
    if (!allRegions)
        m_bar->regionFilter()->setCurrentIndex(0);
}

void RegionFilter::fillEntries()
{
    QComboBox* combo = m_bar->regionFilter();
    const QString chosenId
        = combo->currentIndex() > 0 ? m_model->project(combo->currentData().toInt()).id : QString();
    // The projects by their labels: a region's sub-projects ({region}_{suffix}) follow it.
    QList<int> projects;
    for (int project = 1; project < m_model->projectCount(); ++project)
        projects.append(project);
    std::sort(projects.begin(), projects.end(), [this](int a, int b) {
        return DesktopTableModel::projectLabel(m_model->project(a))
            < DesktopTableModel::projectLabel(m_model->project(b));
    });
    {
        const QSignalBlocker blocker(combo);
        combo->clear();
        combo->addItem(tr("All regions"), -1);
        for (int project : std::as_const(projects)) {
            const WorkspaceProject& workspaceProject = m_model->project(project);
            combo->addItem(DesktopTableModel::projectLabel(workspaceProject), project);
            combo->setItemData(
                combo->count() - 1, tr("Project %1").arg(workspaceProject.id), Qt::ToolTipRole);
            if (!chosenId.isEmpty() && workspaceProject.id == chosenId)
                combo->setCurrentIndex(combo->count() - 1);
        }
    }
    apply();
}

void RegionFilter::apply()
{
    const QVariant project = m_bar->regionFilter()->currentData();
    m_proxy->setProjectFilter(project.isValid() ? project.toInt() : -1);
}
