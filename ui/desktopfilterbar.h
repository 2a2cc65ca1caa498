#pragma once

#include <QToolBar>

class DesktopFilterProxy;
class QComboBox;
class QSpinBox;

// The quick filters over the loaded desktops, on a tool bar line of their own: status (the
// transitional ones included), login state, billing mode, maintenance mode, and the usage period
// with the least idle time. Each change is applied to the proxy at once; a new usage period is
// announced, for the window to load the statistics of that period.
class DesktopFilterBar : public QToolBar
{
    Q_OBJECT
public:
    DesktopFilterBar(DesktopFilterProxy *proxy, QWidget *parent = nullptr);

    int usagePeriodDays() const;
    QSpinBox *idleFilter() const { return m_idleFilter; }
    QComboBox *retirementFilter() const { return m_retirementFilter; }
    // The Region filter, first on the bar: shown only for a connection to every region (RegionFilter).
    QComboBox *regionFilter() const { return m_regionFilter; }
    void setRegionFilterVisible(bool visible);
    // Tab goes from `before` through the filters to `after`.
    void chainTabOrder(QWidget *before, QWidget *after);

Q_SIGNALS:
    void usagePeriodChanged(int days);

private:
    void apply();

    DesktopFilterProxy *m_proxy;
    QComboBox *m_statusFilter = nullptr;
    QComboBox *m_loginFilter = nullptr;
    QComboBox *m_billingFilter = nullptr;
    QComboBox *m_maintenanceFilter = nullptr;
    QComboBox *m_usagePeriod = nullptr;
    QSpinBox *m_idleFilter = nullptr;
    QComboBox *m_retirementFilter = nullptr;
    QComboBox *m_regionFilter = nullptr;
    QAction *m_regionFilterAction = nullptr;
};
