#include "selectbyidsdialog.h"

#include "mainwindowtext.h"
#include "pastedselection.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QMessageBox>
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

namespace {
// The first few in the message itself, every one of them in the details.
QString firstFew(const QStringList &items)
{
    constexpr int kNamed = 10;
    QStringList named = items.mid(0, kNamed);
    if (items.size() > kNamed)
        named.append(MainWindowText::tr("and %Ln more", nullptr, int(items.size() - kNamed)));
    return named.join(QLatin1String(", "));
}
} // namespace

void SelectByIdsDialog::reportUnselected(const PastedSelection &pasted, QWidget *parent)
{
    if (pasted.notFound.isEmpty() && pasted.ambiguous.isEmpty())
        return;
    const QString missesSentence = MainWindowText::tr("%Ln of the pasted IDs or names matched no loaded desktop:",
                                                      nullptr, int(pasted.notFound.size()));
    // As a change across projects treats an id found in two of them: which desktop is meant is
    // not known, so none of them is selected.
    const QString ambiguousSentence = MainWindowText::tr("%Ln of the pasted IDs belong to desktops in more than "
                                                         "one region and were not selected:",
                                                         nullptr, int(pasted.ambiguous.size()));
    const QStringList ambiguous = pasted.ambiguousTexts();
    QString text;
    QStringList informative;
    QStringList details;
    if (!pasted.notFound.isEmpty()) {
        text = missesSentence;
        informative.append(firstFew(pasted.notFound));
        details << missesSentence << pasted.notFound;
    }
    if (!ambiguous.isEmpty()) {
        if (text.isEmpty()) {
            text = ambiguousSentence;
            informative.append(firstFew(ambiguous));
        } else {
            informative.append(ambiguousSentence + QLatin1Char(' ') + firstFew(ambiguous));
            details.append(QString());
        }
        details << ambiguousSentence << ambiguous;
    }
    const QString title = pasted.notFound.isEmpty() ? MainWindowText::tr("Not Selected")
                                                    : MainWindowText::tr("Not Found");
    auto *box = new QMessageBox(QMessageBox::Information, title, text, QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("notFoundBox"));
    box->setInformativeText(informative.join(QLatin1String("\n\n")));
    box->setDetailedText(details.join(QLatin1Char('\n')));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}
