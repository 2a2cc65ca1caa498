#include "selectbyidsdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

SelectByIdsDialog::SelectByIdsDialog(QWidget *parent)
    : QDialog(parent)
    , m_editor(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Select by IDs or Names"));
    auto *label = new QLabel(tr("Paste desktop &IDs or computer names, one a line:"), this);
    label->setBuddy(m_editor);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Select"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_editor);
    layout->addWidget(buttons);
    resize(420, 360);
}

QStringList SelectByIdsDialog::lines() const
{
    return m_editor->toPlainText().split(QLatin1Char('\n'));
}
