#include "idleoverviewfilter.h"

#include "desktopfilterproxy.h"
#include "desktoptablemodel.h"

#include <QComboBox>
#include <QSignalBlocker>
#include <QSpinBox>

namespace {

using Bar = IdleOverviewChart::Bar;
using RetirementFilter = DesktopTableModel::RetirementFilter;

// The idle range of a bar: [first, below) in whole days, below 0 for no upper end.
std::pair<int, int> idleRangeOf(Bar bar)
{
    switch (bar) {
    case Bar::IdleUnder7:
        return {0, 7};
    case Bar::Idle7To29:
        return {7, 30};
    case Bar::Idle30To89:
        return {30, 90};
    case Bar::Idle90AndMore:
        return {90, 0};
    case Bar::Retiring:
    case Bar::Due:
        break;
    }
    return {0, 0};
}

} // namespace

IdleOverviewFilter::IdleOverviewFilter(IdleOverviewChart *chart, QComboBox *retirementFilter, QSpinBox *idleFilter,
                                       DesktopFilterProxy *proxy, DesktopTableModel *model, QObject *parent)
    : QObject(parent)
    , m_chart(chart)
    , m_retirementFilter(retirementFilter)
    , m_idleFilter(idleFilter)
    , m_proxy(proxy)
    , m_model(model)
{
    // A listing of 100,000 desktops or a usage load changes rows in slices: count once after them.
    m_recount.setSingleShot(true);
    m_recount.setInterval(150);
    connect(&m_recount, &QTimer::timeout, this, &IdleOverviewFilter::recount);
    const auto scheduleRecount = [this] { m_recount.start(); };
    connect(model, &QAbstractItemModel::modelReset, this, scheduleRecount);
    connect(model, &QAbstractItemModel::rowsInserted, this, scheduleRecount);
    connect(model, &QAbstractItemModel::rowsRemoved, this, scheduleRecount);
    connect(model, &QAbstractItemModel::dataChanged, this, scheduleRecount);
    connect(chart, &IdleOverviewChart::activated, this, &IdleOverviewFilter::onChartActivated);
    connect(retirementFilter, &QComboBox::currentIndexChanged, this, [this] {
        apply();
        showMatchingBar();
    });
    connect(idleFilter, &QSpinBox::valueChanged, this, [this] {
        // Typed by hand: the range a bar chose no longer holds.
        m_idleDaysBelow = 0;
        apply();
        showMatchingBar();
    });
    recount();
}

void IdleOverviewFilter::fillRetirementFilter(QComboBox *retirementFilter)
{
    retirementFilter->addItem(tr("Retiring or not"), int(RetirementFilter::Any));
    retirementFilter->addItem(tr("Retiring"), int(RetirementFilter::Retiring));
    retirementFilter->addItem(tr("Due for deletion"), int(RetirementFilter::Due));
    retirementFilter->addItem(tr("Not retiring"), int(RetirementFilter::NotRetiring));
}

void IdleOverviewFilter::apply()
{
    m_proxy->setRetirementFilter(RetirementFilter(m_retirementFilter->currentData().toInt()));
    m_proxy->setIdleDaysBelow(m_idleDaysBelow);
}

void IdleOverviewFilter::onChartActivated(std::optional<Bar> bar)
{
    const QSignalBlocker blockRetirement(m_retirementFilter);
    const QSignalBlocker blockIdle(m_idleFilter);
    m_idleDaysBelow = 0;
    int minIdleDays = 0;
    m_idleFilter->setValue(0);
    m_retirementFilter->setCurrentIndex(m_retirementFilter->findData(int(RetirementFilter::Any)));
    if (bar == Bar::Retiring || bar == Bar::Due) {
        const RetirementFilter filter = bar == Bar::Due ? RetirementFilter::Due : RetirementFilter::Retiring;
        m_retirementFilter->setCurrentIndex(m_retirementFilter->findData(int(filter)));
    } else if (bar) {
        const auto [first, below] = idleRangeOf(*bar);
        // "Idle 0-7 days" includes desktops idle for less than a day: a minimum of 0 is the spin
        // box's "any", so the range alone keeps desktops without usage data out.
        m_idleFilter->setValue(first);
        m_idleDaysBelow = below;
        // The spin box stops at the usage period; a bar beyond it keeps its own range.
        minIdleDays = first;
    }
    m_proxy->setMinIdleDays(minIdleDays);
    apply();
}

void IdleOverviewFilter::recount()
{
    if (m_chart)
        m_chart->setOverview(m_model->idleOverview());
}

void IdleOverviewFilter::showMatchingBar()
{
    const auto filter = RetirementFilter(m_retirementFilter->currentData().toInt());
    std::optional<Bar> bar;
    if (filter == RetirementFilter::Retiring && m_idleFilter->value() == 0)
        bar = Bar::Retiring;
    else if (filter == RetirementFilter::Due && m_idleFilter->value() == 0)
        bar = Bar::Due;
    m_chart->setActiveBar(bar);
}
