#include "desktopdetailsdialog.h"

#include "desktoploader.h"
#include "desktoptablemodel.h"
#include "errorbanner.h"
#include "noticelabel.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QVBoxLayout>

namespace {

QList<QPair<QString, QString>> fieldsOf(const Desktop &desktop, const DesktopDetailsDialog::TableFacts &facts)
{
    // A status is shown by its translated name with the API's value, which administrators search for.
    auto status = [](const QString &raw, QString (*displayName)(const QString &) = DesktopTableModel::statusDisplayName) {
        const QString name = displayName(raw);
        return name == raw ? raw : DesktopDetailsDialog::tr("%1 (%2)", "status name (API value)").arg(name, raw);
    };
    return {
        {DesktopDetailsDialog::tr("Name:"), desktop.computerName},
        {DesktopDetailsDialog::tr("Desktop ID:"), desktop.id},
        {DesktopDetailsDialog::tr("Status:"), status(desktop.status)},
        {DesktopDetailsDialog::tr("Task status:"), status(desktop.taskStatus)},
        {DesktopDetailsDialog::tr("Login status:"), status(desktop.loginStatus, loginStatusDisplayName)},
        {DesktopDetailsDialog::tr("User:"), desktop.userName},
        {DesktopDetailsDialog::tr("User group:"), desktop.userGroup},
        {DesktopDetailsDialog::tr("IP addresses:"), desktop.ipAddresses.join(QStringLiteral(", "))},
        {DesktopDetailsDialog::tr("Type:"), status(desktop.desktopType, DesktopTableModel::desktopTypeText)},
        {DesktopDetailsDialog::tr("Pool:"), facts.poolName.isEmpty() ? desktop.poolId : facts.poolName},
        {DesktopDetailsDialog::tr("In maintenance:"), desktop.inMaintenanceMode
             ? DesktopDetailsDialog::tr("Yes: users cannot log in", "in maintenance mode")
             : DesktopDetailsDialog::tr("No", "in maintenance mode")},
        {DesktopDetailsDialog::tr("Idle (days):"), facts.idleDays},
        {DesktopDetailsDialog::tr("Used (hours):"), facts.usedHours},
        {DesktopDetailsDialog::tr("Billing:"), DesktopTableModel::billingModeText(desktop.billingMode)},
        {DesktopDetailsDialog::tr("Product:"), desktop.productId},
        {DesktopDetailsDialog::tr("Flavor:"), desktop.flavorId},
        {DesktopDetailsDialog::tr("Availability zone:"), desktop.availabilityZone},
        {DesktopDetailsDialog::tr("Operating system:"), desktop.osType},
        {DesktopDetailsDialog::tr("Image:"), desktop.imageName},
        {DesktopDetailsDialog::tr("Created:"), desktop.created.isValid()
             ? QLocale().toString(desktop.created.toLocalTime(), QLocale::LongFormat)
             : QString()},
        {DesktopDetailsDialog::tr("Tags:"), desktop.tagsText()},
    };
}

} // namespace

DesktopDetailsDialog::DesktopDetailsDialog(const Desktop &desktop, const TableFacts &facts, QWidget *parent)
    : QDialog(parent)
    , m_desktopId(desktop.id)
    , m_facts(facts)
    , m_notice(new NoticeLabel(this))
    , m_error(new ErrorBanner(this))
{
    setObjectName(QStringLiteral("desktopDetailsDialog"));
    setWindowTitle(tr("Desktop %1").arg(desktop.computerName.isEmpty() ? desktop.id : desktop.computerName));
    m_notice->setObjectName(QStringLiteral("detailsLoadingNotice"));
    m_notice->setText(tr("Loading all fields…"));
    m_notice->setAccessibleName(tr("Loading all fields"));
    m_notice->setContentsMargins(8, 4, 8, 4);
    m_notice->hide();
    connect(m_error, &ErrorBanner::retryRequested, this, [this] {
        if (m_loader)
            fetchAllFields(m_loader);
    });

    auto *tabs = new QTabWidget(this);
    auto *fields = new QWidget(tabs);
    auto *form = new QFormLayout(fields);
    for (const auto &[label, value] : fieldsOf(desktop, m_facts)) {
        auto *labelLabel = new QLabel(label, fields);
        auto *valueLabel = new QLabel(fields);
        valueLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        labelLabel->setBuddy(valueLabel);
        form->addRow(labelLabel, valueLabel);
        m_fields.append(qMakePair(labelLabel, valueLabel));
    }
    tabs->addTab(fields, tr("&Fields"));

    m_json = new QPlainTextEdit(tabs);
    m_json->setReadOnly(true);
    m_json->setAccessibleName(tr("Desktop JSON"));
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    tabs->addTab(m_json, tr("&JSON"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_notice);
    layout->addWidget(m_error);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
    showDesktop(desktop);
    resize(600, 560);
}

void DesktopDetailsDialog::showDesktop(const Desktop &desktop)
{
    const QList<QPair<QString, QString>> values = fieldsOf(desktop, m_facts);
    for (qsizetype i = 0; i < values.size() && i < m_fields.size(); ++i) {
        const QString &value = values.at(i).second;
        m_fields.at(i).second->setText(value.isEmpty() ? QStringLiteral("—") : value);
    }
    m_json->setPlainText(QString::fromUtf8(QJsonDocument(desktop.raw).toJson(QJsonDocument::Indented)));
}

void DesktopDetailsDialog::fetchAllFields(DesktopLoader *loader)
{
    if (!loader || !loader->client() || m_desktopId.isEmpty())
        return; // not connected: the kept fields are all there is
    if (m_loader != loader) {
        if (m_loader)
            disconnect(m_loader, nullptr, this, nullptr);
        m_loader = loader;
        connect(loader, &DesktopLoader::desktopFetched, this, &DesktopDetailsDialog::onDesktopFetched);
    }
    m_fetching = true;
    m_error->hide();
    m_notice->show();
    loader->fetchDesktop(m_desktopId);
}

void DesktopDetailsDialog::onDesktopFetched(const QString &desktopId, const Desktop &desktop,
                                            const ApiError &error)
{
    // The loader answers every dialog's fetch: take the first answer for this desktop.
    if (!m_fetching || desktopId != m_desktopId)
        return;
    m_fetching = false;
    m_notice->hide();
    if (error.isError())
        m_error->showError(tr("Could not load every field of the desktop; showing the fields the table has"), error);
    else
        showDesktop(desktop);
    Q_EMIT fetchFinished(error);
}

QString DesktopDetailsDialog::noticeText() const
{
    return m_notice->text();
}

bool DesktopDetailsDialog::isNoticeShown() const
{
    return !m_notice->isHidden();
}

QString DesktopDetailsDialog::jsonText() const
{
    return m_json->toPlainText();
}

QString DesktopDetailsDialog::fieldText(const QString &label) const
{
    for (const auto &[labelLabel, valueLabel] : m_fields) {
        if (labelLabel->text() == label)
            return valueLabel->text();
    }
    return {};
}
