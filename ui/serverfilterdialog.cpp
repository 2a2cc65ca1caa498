#include "serverfilterdialog.h"

#include "desktoptablemodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

ServerFilterDialog::ServerFilterDialog(const DesktopQuery &query, QWidget *parent)
    : QDialog(parent)
    , m_base(query)
    , m_status(new QComboBox(this))
    , m_name(new QLineEdit(query.computerName, this))
    , m_user(new QLineEdit(query.userName, this))
    , m_tag(new QLineEdit(query.tag, this))
{
    setWindowTitle(tr("Server-Side Filters"));
    m_status->setObjectName(QStringLiteral("serverStatusFilter"));
    m_status->addItem(tr("Any"), QString());
    // Listed by name like the table's statuses; the server is sent the API value.
    for (const char *status : {"ACTIVE", "SHUTOFF", "ERROR", "HIBERNATED"}) {
        const QString raw = QString::fromLatin1(status);
        m_status->addItem(DesktopTableModel::statusDisplayName(raw), raw);
    }
    m_status->setCurrentIndex(std::max(0, m_status->findData(query.status)));
    m_tag->setPlaceholderText(tr("key=value,key2=value2"));

    auto *hint = new QLabel(tr("The service applies these filters while listing, so that only matching "
                               "desktops are loaded. Leave a field empty to not filter on it."),
                            this);
    hint->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Status:"), m_status);
    form->addRow(tr("Computer &name:"), m_name);
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("&Tag:"), m_tag);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
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
    query.computerName = m_name->text().trimmed();
    query.userName = m_user->text().trimmed();
    query.tag = m_tag->text().trimmed();
    return query;
}
