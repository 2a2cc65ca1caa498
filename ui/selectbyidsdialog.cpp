#include "selectbyidsdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

SelectByIdsDialog::SelectByIdsDialog(QWidget *parent)
    : QDialog(parent)
    , m_editor(new QPlainTextEdit(this))
    , m_replaceButton(new QPushButton(tr("&Select"), this))
    , m_addButton(new QPushButton(tr("&Add to Selection"), this))
{
    setWindowTitle(tr("Select by IDs or Names"));
    auto *label = new QLabel(tr("Paste desktop &IDs or computer names, one per line or separated by commas, "
                                "semicolons or spaces. Rows copied from a spreadsheet work too:"),
                             this);
    label->setWordWrap(true);
    label->setBuddy(m_editor);
    m_editor->setObjectName(QStringLiteral("idsEditor"));
    m_editor->setAccessibleName(tr("Desktop IDs or names"));
    // Tab is for moving on to the buttons: ids never contain one, and pasted tabs are kept.
    m_editor->setTabChangesFocus(true);
    m_replaceButton->setObjectName(QStringLiteral("replaceSelectionButton"));
    m_replaceButton->setToolTip(tr("Selects these desktops instead of the current selection"));
    m_addButton->setObjectName(QStringLiteral("addToSelectionButton"));
    m_addButton->setToolTip(tr("Adds these desktops to the current selection"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_replaceButton, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_addButton, QDialogButtonBox::AcceptRole);
    connect(m_replaceButton, &QPushButton::clicked, this, [this] {
        m_adds = false;
        accept();
    });
    connect(m_addButton, &QPushButton::clicked, this, [this] {
        m_adds = true;
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_editor);
    layout->addWidget(buttons);
    resize(460, 360);
}

QStringList SelectByIdsDialog::lines() const
{
    return m_editor->toPlainText().split(QLatin1Char('\n'));
}
