#include "desktopcolumnlayout.h"

#include "desktopstatusnames.h"
#include "desktoptablemodel.h"

#include <QHeaderView>
#include <QStyle>
#include <QTableView>

#include <algorithm>

namespace {

// Wide enough for the column's title and the sort arrow: titles are longer in some languages.
int fittingHeaderWidth(const QTableView *view, int column)
{
    const QHeaderView *header = view->horizontalHeader();
    const QString title = view->model()->headerData(column, Qt::Horizontal).toString();
    return header->fontMetrics().horizontalAdvance(title) + 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin)
        + header->style()->pixelMetric(QStyle::PM_HeaderMarkSize) + 12;
}

// The longest of the statuses the table commonly shows while an operation is under way.
QString longestStatusText()
{
    const QList<QPair<const char *, const char *>> samples{
        {"STOPPING", "powering-off"}, {"STARTING", "powering-on"}, {"ACTIVE", "deleteFailed"},
        {"RESTARTING", "rebooting"},  {"ACTIVE", "deleting"},     {"HIBERNATED", "powering-on"}};
    QString longest;
    for (const auto &[status, taskStatus] : samples) {
        const QString text = DesktopStatusNames::statusText(QLatin1String(status), QLatin1String(taskStatus));
        if (text.size() > longest.size())
            longest = text;
    }
    return longest;
}

} // namespace

void applyDefaultDesktopColumns(QTableView *view)
{
    QHeaderView *header = view->horizontalHeader();
    const QList<QPair<int, int>> widths = {
        {DesktopTableModel::NameColumn, 160}, {DesktopTableModel::StatusColumn, 140},
        {DesktopTableModel::UserColumn, 110}, {DesktopTableModel::LoginStatusColumn, 110},
        {DesktopTableModel::IpColumn, 100}, {DesktopTableModel::TypeColumn, 90},
        {DesktopTableModel::BillingColumn, 100}, {DesktopTableModel::ZoneColumn, 120},
        {DesktopTableModel::CreatedColumn, 140}, {DesktopTableModel::TagsColumn, 150},
        {DesktopTableModel::IdleDaysColumn, 80}, {DesktopTableModel::UsedHoursColumn, 90},
        {DesktopTableModel::PoolColumn, 120}, {DesktopTableModel::MaintenanceColumn, 100},
        {DesktopTableModel::RetireAfterColumn, 100}, {DesktopTableModel::DaysLeftColumn, 80},
        {DesktopTableModel::RegionColumn, 120}};
    for (const auto &[column, width] : widths)
        header->resizeSection(column, std::max(width, fittingHeaderWidth(view, column)));
    // A status with the operation under way ("Stopping (powering off)") is read whole.
    header->resizeSection(DesktopTableModel::StatusColumn,
                          std::max(header->sectionSize(DesktopTableModel::StatusColumn),
                                   view->fontMetrics().horizontalAdvance(longestStatusText()) + 24));
    header->setSectionHidden(DesktopTableModel::TypeColumn, true);
    header->setSectionHidden(DesktopTableModel::ZoneColumn, true);
    // The id next to the name and wide enough for a whole UUID: it is what tickets and the
    // console name desktops by, and it must be readable without scrolling. Then what decides a
    // decommissioning, next to who uses the desktop, so that it is on screen in a window of
    // ordinary width: idle days, hours used, maintenance mode, the pool and the retirement.
    // A connection to every region shows the region next to the name (RegionFilter).
    const QList<int> leading{DesktopTableModel::NameColumn,      DesktopTableModel::RegionColumn,
                             DesktopTableModel::IdColumn,
                             DesktopTableModel::StatusColumn,    DesktopTableModel::UserColumn,
                             DesktopTableModel::LoginStatusColumn, DesktopTableModel::IdleDaysColumn,
                             DesktopTableModel::UsedHoursColumn, DesktopTableModel::MaintenanceColumn,
                             DesktopTableModel::PoolColumn,      DesktopTableModel::RetireAfterColumn,
                             DesktopTableModel::DaysLeftColumn};
    for (int visual = 0; visual < leading.size(); ++visual)
        header->moveSection(header->visualIndex(leading.at(visual)), visual);
    header->resizeSection(DesktopTableModel::IdColumn,
                          view->fontMetrics().horizontalAdvance(
                              QStringLiteral("00000000-0000-0000-0000-000000000000"))
                              + 24);

}
