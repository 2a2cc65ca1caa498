#include "desktopdetailsdialog.h"

#include "desktoptablemodel.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QVBoxLayout>

DesktopDetailsDialog::DesktopDetailsDialog(const Desktop &desktop, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Desktop %1").arg(desktop.computerName.isEmpty() ? desktop.id : desktop.computerName));
    auto *tabs = new QTabWidget(this);

    auto *fields = new QWidget(tabs);
    auto *form = new QFormLayout(fields);
    auto addField = [form, fields](const QString &label, const QString &value) {
        auto *valueLabel = new QLabel(value.isEmpty() ? QStringLiteral("—") : value, fields);
        valueLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        form->addRow(label, valueLabel);
    };
    addField(tr("Name:"), desktop.computerName);
    addField(tr("Desktop ID:"), desktop.id);
    addField(tr("Status:"), desktop.status);
    addField(tr("Task status:"), desktop.taskStatus);
    addField(tr("Login status:"), desktop.loginStatus);
    addField(tr("User:"), desktop.userName);
    addField(tr("User group:"), desktop.userGroup);
    addField(tr("IP addresses:"), desktop.ipAddresses.join(QStringLiteral(", ")));
    addField(tr("Type:"), desktop.desktopType);
    addField(tr("Billing:"), DesktopTableModel::billingModeText(desktop.billingMode));
    addField(tr("Product:"), desktop.productId);
    addField(tr("Flavor:"), desktop.flavorId);
    addField(tr("Availability zone:"), desktop.availabilityZone);
    addField(tr("Operating system:"), desktop.osType);
    addField(tr("Image:"), desktop.imageName);
    addField(tr("Created:"), desktop.created.isValid()
                 ? QLocale().toString(desktop.created.toLocalTime(), QLocale::LongFormat)
                 : QString());
    addField(tr("Tags:"), desktop.tagsText());
    tabs->addTab(fields, tr("&Fields"));

    auto *json = new QPlainTextEdit(tabs);
    json->setReadOnly(true);
    json->setAccessibleName(tr("Desktop JSON"));
    json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    json->setPlainText(QString::fromUtf8(QJsonDocument(desktop.raw).toJson(QJsonDocument::Indented)));
    tabs->addTab(json, tr("&JSON"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
    resize(560, 520);
}
