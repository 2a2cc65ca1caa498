// The tool bar's find field and quick filters (client-side, over the loaded desktops), and the
// server-side filters of the listing with their indicator in the status bar.
#include "mainwindow.h"

#include "desktopfilterproxy.h"
#include "desktoploader.h"
#include "desktopstatusbar.h"
#include "desktoptablemodel.h"
#include "idleoverviewfilter.h"
#include "serverfilterdialog.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStackedWidget>
#include <QToolBar>

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

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(tr("Main"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(m_refreshAction);
    m_toolBar->addSeparator();

    m_search = new QLineEdit(m_toolBar);
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setPlaceholderText(tr("Find by name, user, IP or ID (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Find desktops"));
    m_search->setAccessibleDescription(tr("Shows only the desktops whose name, user, IP address or ID "
                                          "contains this text"));
    m_search->setMinimumWidth(260);
    m_toolBar->addWidget(m_search);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &DesktopFilterProxy::setSearchText);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_detailsAction);
    m_toolBar->addAction(m_deleteAction);

    // The quick filters on a line of their own, under the actions: together they would push
    // Delete out of a window of ordinary width.
    addToolBarBreak();
    m_filterBar = addToolBar(tr("Filters"));
    m_filterBar->setObjectName(QStringLiteral("filterBar"));
    m_filterBar->setMovable(false);

    auto makeFilter = [this](const QString &anyText, const QList<QPair<QString, QVariant>> &items) {
        auto *combo = new QComboBox(m_filterBar);
        combo->addItem(anyText, QVariant());
        for (const auto &[text, value] : items)
            combo->addItem(text, value);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        connect(combo, &QComboBox::currentIndexChanged, this, &MainWindow::applyQuickFilters);
        m_filterBar->addWidget(combo);
        return combo;
    };
    // Listed by their translated names, filtered by the API's value.
    auto status = [](const char *value) {
        const QString raw = QString::fromLatin1(value);
        return qMakePair(DesktopTableModel::statusDisplayName(raw), QVariant(raw));
    };
    // Every status the table shows, the transitional ones included.
    m_statusFilter = makeFilter(tr("All statuses"),
                                {status("ACTIVE"), status("SHUTOFF"), status("ERROR"), status("HIBERNATED"),
                                 status("STARTING"), status("STOPPING"), status("RESTARTING"),
                                 status("HIBERNATING"), status("AWAKENING")});
    m_statusFilter->setToolTip(tr("Show only desktops with this status"));
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilter->setAccessibleName(tr("Status filter"));
    m_statusFilter->setAccessibleDescription(m_statusFilter->toolTip());
    auto loginStatus = [](const char *value) {
        const QString raw = QString::fromLatin1(value);
        return qMakePair(loginStatusDisplayName(raw), QVariant(raw));
    };
    // The four documented login states.
    m_loginFilter = makeFilter(tr("All login states"), {loginStatus("CONNECTED"), loginStatus("DISCONNECTED"),
                                                        loginStatus("REGISTERED"), loginStatus("UNREGISTER")});
    m_loginFilter->setToolTip(tr("Show only desktops with this login status"));
    m_loginFilter->setObjectName(QStringLiteral("loginFilter"));
    m_loginFilter->setAccessibleName(tr("Login status filter"));
    m_loginFilter->setAccessibleDescription(m_loginFilter->toolTip());
    m_billingFilter = makeFilter(
        tr("All billing modes"),
        {qMakePair(DesktopTableModel::billingModeText(BillingMode::PayPerUse), QVariant(int(BillingMode::PayPerUse))),
         qMakePair(DesktopTableModel::billingModeText(BillingMode::YearlyMonthly),
                   QVariant(int(BillingMode::YearlyMonthly))),
         qMakePair(DesktopTableModel::billingModeText(BillingMode::Unknown), QVariant(int(BillingMode::Unknown)))});
    m_billingFilter->setToolTip(tr("Show only desktops with this billing mode"));
    m_billingFilter->setObjectName(QStringLiteral("billingFilter"));
    m_billingFilter->setAccessibleName(tr("Billing mode filter"));
    m_billingFilter->setAccessibleDescription(m_billingFilter->toolTip());
    m_maintenanceFilter = makeFilter(tr("In maintenance or not"),
                                     {qMakePair(tr("In maintenance"), QVariant(true)),
                                      qMakePair(tr("Not in maintenance"), QVariant(false))});
    m_maintenanceFilter->setToolTip(tr("Show only desktops in maintenance mode (users cannot log in), or only "
                                       "those not in it"));
    m_maintenanceFilter->setObjectName(QStringLiteral("maintenanceFilter"));
    m_maintenanceFilter->setAccessibleName(tr("Maintenance mode filter"));
    m_maintenanceFilter->setAccessibleDescription(m_maintenanceFilter->toolTip());
    createUsageFilters();


    // Tool buttons show the icon text, which Qt derives from the menu text: in translations whose
    // mnemonics are appended, as in "刷新(&R)", that would show "刷新(R)". Short texts of their own.
    m_refreshAction->setIconText(tr("Refresh", "toolbar button"));
    m_detailsAction->setIconText(tr("Details", "toolbar button"));
    m_deleteAction->setIconText(tr("Delete", "toolbar button"));
}

void MainWindow::createUsageFilters()
{
    m_filterBar->addSeparator();
    // The period of the usage statistics; the service keeps 180 days.
    m_usagePeriod = new QComboBox(m_filterBar);
    m_usagePeriod->setObjectName(QStringLiteral("usagePeriod"));
    for (int days : {7, 30, 90, 180})
        m_usagePeriod->addItem(tr("Usage: last %Ln day(s)", nullptr, days), days);
    m_usagePeriod->setCurrentIndex(1); // 30 days
    m_usagePeriod->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_usagePeriod->setToolTip(tr("The period of the Idle and Used columns"));
    m_usagePeriod->setAccessibleName(tr("Usage period"));
    m_usagePeriod->setAccessibleDescription(m_usagePeriod->toolTip());
    connect(m_usagePeriod, &QComboBox::currentIndexChanged, this, &MainWindow::loadUsage);
    m_filterBar->addWidget(m_usagePeriod);

    m_idleFilter = new IdleDaysSpinBox(m_filterBar);
    m_idleFilter->setObjectName(QStringLiteral("idleFilter"));
    m_idleFilter->setRange(0, 180);
    m_idleFilter->setSpecialValueText(tr("Any idle time"));
    m_idleFilter->setToolTip(tr("Show only desktops idle for at least this many days in the usage period "
                                "(desktops without usage data are hidden); 0 shows all"));
    m_idleFilter->setAccessibleName(tr("Idle at least (days)"));
    m_idleFilter->setAccessibleDescription(m_idleFilter->toolTip());
    connect(m_idleFilter, &QSpinBox::valueChanged, this, &MainWindow::applyQuickFilters);
    m_filterBar->addWidget(m_idleFilter);

    // Retirement: this app's tags on the desktops, the same list on every administrator's machine.
    m_retirementFilter = new QComboBox(m_filterBar);
    m_retirementFilter->setObjectName(QStringLiteral("retirementFilter"));
    IdleOverviewFilter::fillRetirementFilter(m_retirementFilter);
    m_retirementFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_retirementFilter->setToolTip(tr("Show only the desktops being retired (switched off and waiting for "
                                      "their date), only those due for deletion, or only the others"));
    m_retirementFilter->setAccessibleName(tr("Retirement filter"));
    m_retirementFilter->setAccessibleDescription(m_retirementFilter->toolTip());
    m_filterBar->addWidget(m_retirementFilter);
}

void MainWindow::loadUsage()
{
    if (m_client && m_stack->currentWidget() == m_tablePage)
        m_loader->loadUsage(m_usagePeriod->currentData().toInt());
}

void MainWindow::applyQuickFilters()
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

void MainWindow::openServerFilters()
{
    auto *dialog = new ServerFilterDialog(m_loader->query(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { setServerQuery(dialog->query()); });
    dialog->open();
}

void MainWindow::setServerQuery(const DesktopQuery &query)
{
    m_loader->setQuery(query);
    updateServerFilterIndicator();
    refresh();
}

void MainWindow::clearServerFilters()
{
    DesktopQuery query = m_loader->query();
    ServerFilterDialog::clearFilters(&query);
    setServerQuery(query);
}

QString MainWindow::serverFilterText() const
{
    return ServerFilterDialog::describe(m_loader->query());
}

void MainWindow::updateServerFilterIndicator()
{
    const QString filters = serverFilterText();
    m_statusBar->setServerFilter(filters);
    updateTitle();
}
