#pragma once

#include "idleoverviewchart.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class DesktopFilterProxy;
class DesktopTableModel;
class QComboBox;
class QSpinBox;

// Keeps the idle overview above the table and the filter bar in step: the chart counts the
// table's desktops (once per burst of changes, not per changed row), a click on an idle bar shows
// that range of idle days, a click on Retiring or Due sets the retirement filter, and changing
// those filters by hand lights the matching bar, or none.
class IdleOverviewFilter : public QObject
{
    Q_OBJECT
public:
    IdleOverviewFilter(IdleOverviewChart *chart, QComboBox *retirementFilter, QSpinBox *idleFilter,
                       DesktopFilterProxy *proxy, DesktopTableModel *model, QObject *parent = nullptr);

    // The retirement filter's choices, in the combo box's order.
    static void fillRetirementFilter(QComboBox *retirementFilter);
    // Applies the retirement filter and the idle range to the proxy (the filter bar's own
    // filters are applied by the window).
    void apply();

private:
    void onChartActivated(std::optional<IdleOverviewChart::Bar> bar);
    void recount();
    void showMatchingBar();

    QPointer<IdleOverviewChart> m_chart;
    QPointer<QComboBox> m_retirementFilter;
    QPointer<QSpinBox> m_idleFilter;
    DesktopFilterProxy *m_proxy;
    DesktopTableModel *m_model;
    QTimer m_recount;
    // The upper end of the idle range a bar chose (0: none); the lower end is the spin box's.
    int m_idleDaysBelow = 0;
};
