#include "serverfilterdialog.h"

#include "desktoptablemodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

ServerFilterDialog::ServerFilterDialog(const DesktopQuery &query, QWidget *parent)
    : QDialog(parent)
    , m_base(query)
    , m_status(new QComboBox(this))
    , m_maintenance(new QComboBox(this))
    , m_name(new QLineEdit(query.computerName, this))
    , m_user(new QLineEdit(query.userName, this))
    , m_tag(new QLineEdit(query.tag, this))
    , m_clearButton(new QPushButton(tr("C&lear"), this))
{
    setWindowTitle(tr("Server-Side Filters"));
    m_status->setObjectName(QStringLiteral("serverStatusFilter"));
    m_status->addItem(tr("Any"), QString());
    // Listed by name like the table's statuses; the server is sent the API value.
    for (const QString &raw : desktopStatusFilterValues())
        m_status->addItem(DesktopTableModel::statusDisplayName(raw), raw);
    m_status->setCurrentIndex(std::max(0, m_status->findData(query.status)));
    m_maintenance->setObjectName(QStringLiteral("serverMaintenanceFilter"));
    m_maintenance->setAccessibleName(tr("Maintenance mode"));
    m_maintenance->addItem(tr("Any"), QVariant());
    m_maintenance->addItem(tr("In maintenance"), true);
    m_maintenance->addItem(tr("Not in maintenance"), false);
    if (query.inMaintenanceMode)
        m_maintenance->setCurrentIndex(m_maintenance->findData(*query.inMaintenanceMode));
    m_tag->setPlaceholderText(tr("key=value,key2=value2"));

    auto *hint = new QLabel(tr("The service applies these filters while listing, so that only matching "
                               "desktops are loaded. Leave a field empty to not filter on it."),
                            this);
    hint->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Status:"), m_status);
    form->addRow(tr("&Maintenance mode:"), m_maintenance);
    form->addRow(tr("Computer &name:"), m_name);
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("&Tag:"), m_tag);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_clearButton->setObjectName(QStringLiteral("clearFiltersButton"));
    m_clearButton->setToolTip(tr("Empties every field, so that OK loads all desktops"));
    m_clearButton->setAutoDefault(false);
    buttons->addButton(m_clearButton, QDialogButtonBox::ResetRole);
    connect(m_clearButton, &QPushButton::clicked, this, [this] {
        m_status->setCurrentIndex(0);
        m_maintenance->setCurrentIndex(0);
        m_name->clear();
        m_user->clear();
        m_tag->clear();
        clearFilters(&m_base);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

DesktopQuery ServerFilterDialog::query() const
{
    DesktopQuery query = m_base;
    query.status = m_status->currentData().toString();
    const QVariant maintenance = m_maintenance->currentData();
    query.inMaintenanceMode = maintenance.isValid() ? std::optional<bool>(maintenance.toBool()) : std::nullopt;
    query.computerName = m_name->text().trimmed();
    query.userName = m_user->text().trimmed();
    query.tag = m_tag->text().trimmed();
    return query;
}

QString ServerFilterDialog::describe(const DesktopQuery &query)
{
    QStringList parts;
    auto add = [&parts](const QString &pattern, const QString &value) {
        if (!value.isEmpty())
            parts.append(pattern.arg(value));
    };
    add(tr("status %1", "server filter"),
        query.status.isEmpty() ? QString() : DesktopTableModel::statusDisplayName(query.status));
    if (query.inMaintenanceMode)
        parts.append(*query.inMaintenanceMode ? tr("in maintenance", "server filter")
                                              : tr("not in maintenance", "server filter"));
    add(tr("name %1", "server filter"), query.computerName);
    add(tr("user %1", "server filter"), query.userName);
    add(tr("users %1", "server filter"), query.userNames.join(QLatin1String(", ")));
    add(tr("IP %1", "server filter"), query.desktopIp);
    add(tr("tag %1", "server filter"), query.tag);
    add(tr("billing %1", "server filter"),
        query.chargeMode.isEmpty() ? QString()
                                   : DesktopTableModel::billingModeText(query.chargeMode == QLatin1String("0")
                                                                             ? BillingMode::YearlyMonthly
                                                                             : BillingMode::PayPerUse));
    add(tr("type %1", "server filter"), query.desktopType);
    add(tr("zone %1", "server filter"), query.availabilityZone);
    add(tr("pool %1", "server filter"), query.poolId);
    add(tr("enterprise project %1", "server filter"), query.enterpriseProjectId);
    add(tr("image %1", "server filter"), query.imageId);
    add(tr("subnet %1", "server filter"), query.subnetId);
    if (!query.desktopIds.isEmpty())
        parts.append(tr("%Ln desktop ID(s)", "server filter", int(query.desktopIds.size())));
    return parts.join(tr(", ", "between server filters"));
}

void ServerFilterDialog::clearFilters(DesktopQuery *query)
{
    DesktopQuery cleared;
    cleared.sortField = query->sortField;
    cleared.sortType = query->sortType;
    *query = cleared;
}
