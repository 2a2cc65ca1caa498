#pragma once

#include <QObject>

class DesktopFilterBar;
class DesktopFilterProxy;
class DesktopTableModel;
class QTableView;

// What a connection to every region adds to the table: the Region column and the Region filter of
// the filter bar, with an entry for each project of the table (a region's own project by the
// region, a sub-project by its name). A single-region connection shows neither, as before.
class RegionFilter : public QObject {
    Q_OBJECT
public:
    RegionFilter(DesktopFilterBar* bar, QTableView* view, DesktopFilterProxy* proxy,
        DesktopTableModel* model, QObject* parent = nullptr);

    void setAllRegions(bool allRegions);
    bool isAllRegions() const { return m_allRegions; }

private:
    void fillEntries();
    void apply();

    DesktopFilterBar* m_bar;
    QTableView* m_view;
    DesktopFilterProxy* m_proxy;
    DesktopTableModel* m_model;
    bool m_allRegions = false;
};
