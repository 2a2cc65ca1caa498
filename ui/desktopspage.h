#pragma once

#include "desktopfilterproxy.h"
#include "pastedselection.h"

#include <QStringList>
#include <QWidget>

class DesktopFilterBar;
class DesktopLoader;
class DesktopTableModel;
class ErrorBanner;
class IdleOverviewChart;
class IdleOverviewFilter;
class ListingWarningBanner;
class QLabel;
class QTableView;
class RegionFilter;
struct ProjectDesktop;

// The desktops of the project as the window shows them: the table over its filter proxy, the
// banners above it (demo mode, a failed listing, a listing that did not add up), the idle
// overview, the quick filters' bar (DesktopFilterBar, which the window places as a tool bar) and
// the selection: read and set by desktop id, its count once per burst of changes, the details of
// the selected desktop, CSV of the shown rows.
class DesktopsPage : public QWidget {
    Q_OBJECT
public:
    DesktopsPage(DesktopTableModel* model, DesktopLoader* loader, QWidget* parent = nullptr);

    DesktopFilterProxy* proxy() const { return m_proxy; }
    QTableView* view() const { return m_view; }
    DesktopFilterBar* filterBar() const { return m_filterBar; }
    IdleOverviewChart* idleOverview() const { return m_idleOverview; }
    ErrorBanner* errorBanner() const { return m_banner; }
    ListingWarningBanner* listingWarning() const { return m_listingWarning; }
    void setDemoBannerVisible(bool visible);

    QStringList selectedDesktopIds() const;
    // The same desktops with their projects (a connection to every region has several).
    QList<ProjectDesktop> selectedProjectDesktops() const;
    // The Region column and filter of a connection to every region, or neither (RegionFilter).
    void setAllRegions(bool allRegions);
    // The selected desktops that may be submitted for deletion: not protected, not being deleted.
    QStringList selectedDeletableDesktopIds() const;
    enum class SelectionChange { Replace, Add };
    // Selects the shown rows of these ids, instead of or in addition to the current selection;
    // returns how many rows of ids were selected.
    int selectDesktopIds(const QStringList& ids, SelectionChange change = SelectionChange::Replace);
    // Resolves pasted ids/names (PastedSelection), selects the shown rows they name and returns
    // what they resolved to: the rows, the misses, the ids found in several projects.
    PastedSelection selectPasted(
        const QStringList& lines, SelectionChange change = SelectionChange::Replace);
    // The same, returning only the items that matched nothing.
    QStringList selectByIdsOrNames(
        const QStringList& lines, SelectionChange change = SelectionChange::Replace);
    // The values of one column in the selected rows, in the order shown.
    QStringList selectedValues(int column) const;
    // Selectable selected rows, as of the last updateCounts().
    int selectedCount() const { return m_selectionCounts.selectable; }
    // The same, with how many of them are retiring and in maintenance mode.
    const DesktopFilterProxy::SelectionCounts& selectionCounts() const { return m_selectionCounts; }
    // CSV of the shown rows (or only the selected ones), visible columns in their visual order.
    QByteArray csvForShown(bool selectedOnly) const;

    // Counts once per burst of selection and row changes (countsChanged()).
    void scheduleCountUpdate();
    void updateCounts();
    // An empty table says why ("No desktops match…"); called when the listing starts or ends.
    void updateEmptyTableNote();
    QString emptyTableText() const;

    void showDetails();
    void openSelectByIds();

Q_SIGNALS:
    void countsChanged(int total, int shown, int selected);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // Selects the shown, selectable rows among these rows of the model; returns how many.
    int selectSourceRows(const QList<int>& sourceRows, SelectionChange change);

    DesktopTableModel* m_model;
    DesktopLoader* m_loader;
    DesktopFilterProxy* m_proxy;
    QTableView* m_view;
    ErrorBanner* m_banner;
    ListingWarningBanner* m_listingWarning;
    QLabel* m_demoBanner;
    QLabel* m_emptyTableNote;
    IdleOverviewChart* m_idleOverview;
    DesktopFilterBar* m_filterBar;
    IdleOverviewFilter* m_overviewFilter;
    RegionFilter* m_regionFilter;
    bool m_countUpdateScheduled = false;
    DesktopFilterProxy::SelectionCounts m_selectionCounts;
};
