#include "desktopfilterbar.h"

#include "idleoverviewfilter.h"

// The texts keep the window's translation context: they are the window's words, moved here.
#include "desktopfilterproxy.h"
#include "desktoptablemodel.h"
#include "mainwindow.h"

#include <QComboBox>
#include <QRegularExpression>
#include <QSpinBox>

namespace {
// "Idle ≥ 1 day", "Idle ≥ 7 days": the count and its noun agree, which a fixed suffix cannot do.
class IdleDaysSpinBox : public QSpinBox
{
public:
    using QSpinBox::QSpinBox;

protected:
    QString textFromValue(int value) const override
    {
        return MainWindow::tr("Idle ≥ %Ln day(s)", "idle filter: at least N days", value);
    }
    int valueFromText(const QString &text) const override
    {
        static const QRegularExpression number(QStringLiteral("\\d+"));
        const QRegularExpressionMatch match = number.match(text);
        return match.hasMatch() ? match.captured().toInt() : minimum();
    }
    QValidator::State validate(QString &text, int &) const override
    {
        if (text == specialValueText())
            return QValidator::Acceptable;
        static const QRegularExpression number(QStringLiteral("\\d+"));
        const QRegularExpressionMatch match = number.match(text);
        if (!match.hasMatch())
            return QValidator::Intermediate;
        const int value = match.captured().toInt();
        return value >= minimum() && value <= maximum() ? QValidator::Acceptable : QValidator::Intermediate;
    }
};
} // namespace

DesktopFilterBar::DesktopFilterBar(DesktopFilterProxy *proxy, QWidget *parent)
    : QToolBar(MainWindow::tr("Filters"), parent)
    , m_proxy(proxy)
{
    setObjectName(QStringLiteral("filterBar"));
    setMovable(false);

    // Filled and applied by RegionFilter, from the projects of the table.
    m_regionFilter = new QComboBox(this);
    m_regionFilter->setObjectName(QStringLiteral("regionFilter"));
    m_regionFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_regionFilter->setToolTip(MainWindow::tr("Show only the desktops of this region (or of this project of it)"));
    m_regionFilter->setAccessibleName(MainWindow::tr("Region filter"));
    m_regionFilter->setAccessibleDescription(m_regionFilter->toolTip());
    m_regionFilterAction = addWidget(m_regionFilter);
    m_regionFilterAction->setVisible(false);

    auto makeFilter = [this](const QString &anyText, const QList<QPair<QString, QVariant>> &items) {
        auto *combo = new QComboBox(this);
        combo->addItem(anyText, QVariant());
        for (const auto &[text, value] : items)
            combo->addItem(text, value);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        connect(combo, &QComboBox::currentIndexChanged, this, &DesktopFilterBar::apply);
        addWidget(combo);
        return combo;
    };
    // Listed by their translated names, filtered by the API's value.
    auto status = [](const char *value) {
        const QString raw = QString::fromLatin1(value);
        return qMakePair(DesktopTableModel::statusDisplayName(raw), QVariant(raw));
    };
    // Every status the table shows, the transitional ones included.
    m_statusFilter = makeFilter(MainWindow::tr("All statuses"),
                                {status("ACTIVE"), status("SHUTOFF"), status("ERROR"), status("HIBERNATED"),
                                 status("STARTING"), status("STOPPING"), status("RESTARTING"),
                                 status("HIBERNATING"), status("AWAKENING")});
    m_statusFilter->setToolTip(MainWindow::tr("Show only desktops with this status"));
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilter->setAccessibleName(MainWindow::tr("Status filter"));
    m_statusFilter->setAccessibleDescription(m_statusFilter->toolTip());
    auto loginStatus = [](const char *value) {
        const QString raw = QString::fromLatin1(value);
        return qMakePair(loginStatusDisplayName(raw), QVariant(raw));
    };
    // The four documented login states.
    m_loginFilter = makeFilter(MainWindow::tr("All login states"), {loginStatus("CONNECTED"), loginStatus("DISCONNECTED"),
                                                        loginStatus("REGISTERED"), loginStatus("UNREGISTER")});
    m_loginFilter->setToolTip(MainWindow::tr("Show only desktops with this login status"));
    m_loginFilter->setObjectName(QStringLiteral("loginFilter"));
    m_loginFilter->setAccessibleName(MainWindow::tr("Login status filter"));
    m_loginFilter->setAccessibleDescription(m_loginFilter->toolTip());
    m_billingFilter = makeFilter(
        MainWindow::tr("All billing modes"),
        {qMakePair(DesktopTableModel::billingModeText(BillingMode::PayPerUse), QVariant(int(BillingMode::PayPerUse))),
         qMakePair(DesktopTableModel::billingModeText(BillingMode::YearlyMonthly),
                   QVariant(int(BillingMode::YearlyMonthly))),
         qMakePair(DesktopTableModel::billingModeText(BillingMode::Unknown), QVariant(int(BillingMode::Unknown)))});
    m_billingFilter->setToolTip(MainWindow::tr("Show only desktops with this billing mode"));
    m_billingFilter->setObjectName(QStringLiteral("billingFilter"));
    m_billingFilter->setAccessibleName(MainWindow::tr("Billing mode filter"));
    m_billingFilter->setAccessibleDescription(m_billingFilter->toolTip());
    m_maintenanceFilter = makeFilter(MainWindow::tr("In maintenance or not"),
                                     {qMakePair(MainWindow::tr("In maintenance"), QVariant(true)),
                                      qMakePair(MainWindow::tr("Not in maintenance"), QVariant(false))});
    m_maintenanceFilter->setToolTip(MainWindow::tr("Show only desktops in maintenance mode (users cannot log in), or only "
                                       "those not in it"));
    m_maintenanceFilter->setObjectName(QStringLiteral("maintenanceFilter"));
    m_maintenanceFilter->setAccessibleName(MainWindow::tr("Maintenance mode filter"));
    m_maintenanceFilter->setAccessibleDescription(m_maintenanceFilter->toolTip());

    addSeparator();
    // The period of the usage statistics; the service keeps 180 days.
    m_usagePeriod = new QComboBox(this);
    m_usagePeriod->setObjectName(QStringLiteral("usagePeriod"));
    for (int days : {7, 30, 90, 180})
        m_usagePeriod->addItem(MainWindow::tr("Usage: last %Ln day(s)", nullptr, days), days);
    m_usagePeriod->setCurrentIndex(1); // 30 days
    m_usagePeriod->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_usagePeriod->setToolTip(MainWindow::tr("The period of the Idle and Used columns"));
    m_usagePeriod->setAccessibleName(MainWindow::tr("Usage period"));
    m_usagePeriod->setAccessibleDescription(m_usagePeriod->toolTip());
    connect(m_usagePeriod, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT usagePeriodChanged(usagePeriodDays()); });
    addWidget(m_usagePeriod);

    m_idleFilter = new IdleDaysSpinBox(this);
    m_idleFilter->setObjectName(QStringLiteral("idleFilter"));
    m_idleFilter->setRange(0, 180);
    m_idleFilter->setSpecialValueText(MainWindow::tr("Any idle time"));
    m_idleFilter->setToolTip(MainWindow::tr("Show only desktops idle for at least this many days in the usage period "
                                "(desktops without usage data are hidden); 0 shows all"));
    m_idleFilter->setAccessibleName(MainWindow::tr("Idle at least (days)"));
    m_idleFilter->setAccessibleDescription(m_idleFilter->toolTip());
    connect(m_idleFilter, &QSpinBox::valueChanged, this, &DesktopFilterBar::apply);
    addWidget(m_idleFilter);

    // Retirement: this app's tags on the desktops, the same list on every administrator's machine.
    // Applied by IdleOverviewFilter, which keeps it in step with the overview above the table.
    m_retirementFilter = new QComboBox(this);
    m_retirementFilter->setObjectName(QStringLiteral("retirementFilter"));
    IdleOverviewFilter::fillRetirementFilter(m_retirementFilter);
    m_retirementFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_retirementFilter->setToolTip(MainWindow::tr("Show only the desktops being retired (switched off and waiting "
                                                  "for their date), only those due for deletion, or only the others"));
    m_retirementFilter->setAccessibleName(MainWindow::tr("Retirement filter"));
    m_retirementFilter->setAccessibleDescription(m_retirementFilter->toolTip());
    addWidget(m_retirementFilter);
}

int DesktopFilterBar::usagePeriodDays() const
{
    return m_usagePeriod->currentData().toInt();
}

void DesktopFilterBar::setRegionFilterVisible(bool visible)
{
    m_regionFilterAction->setVisible(visible);
}

void DesktopFilterBar::chainTabOrder(QWidget *before, QWidget *after)
{
    QWidget *previous = before;
    for (QWidget *widget : std::initializer_list<QWidget *>{m_regionFilter, m_statusFilter, m_loginFilter, m_billingFilter,
                                                            m_maintenanceFilter, m_usagePeriod, m_idleFilter,
                                                            m_retirementFilter}) {
        setTabOrder(previous, widget);
        previous = widget;
    }
    setTabOrder(previous, after);
}

void DesktopFilterBar::apply()
{
    m_proxy->setStatusFilter(m_statusFilter->currentData().toString());
    m_proxy->setLoginStatusFilter(m_loginFilter->currentData().toString());
    const QVariant billing = m_billingFilter->currentData();
    m_proxy->setBillingFilter(billing.isValid() ? std::optional<BillingMode>(BillingMode(billing.toInt()))
                                                : std::nullopt);
    const QVariant maintenance = m_maintenanceFilter->currentData();
    m_proxy->setMaintenanceFilter(maintenance.isValid() ? std::optional<bool>(maintenance.toBool()) : std::nullopt);
    m_proxy->setMinIdleDays(m_idleFilter->value());
}
