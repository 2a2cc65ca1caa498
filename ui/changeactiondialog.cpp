#include "changeactiondialog.h"

#include "computedtablemodel.h"
#include "api/decommissionjson.h"
#include "review/changereviewtext.h"
#include "review/multiprojectchange.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTreeView>
#include <QVBoxLayout>

using namespace ReviewWidgets;

namespace {
constexpr int kNamesShown = 30;
}

ChangeActionDialog::ChangeActionDialog(const ChangeReview& review, QWidget* parent)
    : QDialog(parent)
    , m_review(review)
    , m_heading(new QLabel(this))
    , m_target(new QLabel(this))
    , m_leftOut(new LeftOutSection(this))
    , m_counts(new QLabel(this))
    , m_listModel(new ComputedTableModel(TargetList::headers(review.kind()), this))
    , m_list(listView(m_listModel, this))
    , m_warnings(warningStrip(this))
    , m_message(new QLabel(this))
    , m_record(new QLabel(tr("Each request is recorded in the audit log, with its outcome."), this))
    , m_preview(new QPlainTextEdit(this))
    , m_previewButton(new QPushButton(this))
    , m_confirmButton(new QPushButton(this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_targetList(std::make_unique<TargetList>(m_listModel, m_list))
    , m_requestPreview(std::make_unique<RequestPreview>(m_preview, m_previewButton))
{
    setObjectName(QStringLiteral("decommissionQuestion"));
    buildLayout();
    connect(m_previewButton, &QPushButton::toggled, this, &ChangeActionDialog::presentPreview);
    connect(m_confirmButton, &QPushButton::clicked, this, &ChangeActionDialog::confirm);
    connect(m_cancelButton, &QPushButton::clicked, this, &QDialog::reject);
    m_target->setText(ReviewWidgets::targetText(m_review));
    present();
    fitToScreen(this, QSize(860, 640));
    m_cancelButton->setFocus();
}

ChangeActionDialog::~ChangeActionDialog() = default;

void ChangeActionDialog::buildLayout()
{
    m_heading->setObjectName(QStringLiteral("headingLabel"));
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::RichText);
    m_target->setObjectName(QStringLiteral("targetLabel"));
    m_target->setWordWrap(true);
    m_target->setTextFormat(Qt::PlainText);
    m_counts->setObjectName(QStringLiteral("countsLabel"));
    m_list->setObjectName(QStringLiteral("desktopList"));
    m_list->setAccessibleName(tr("Desktops this change is sent to"));
    m_warnings->setObjectName(QStringLiteral("warningsLabel"));
    m_message->setObjectName(QStringLiteral("logoffMessageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_record->setWordWrap(true);
    m_record->setForegroundRole(QPalette::PlaceholderText);

    auto* body = new QWidget(this);
    auto* bodyLayout = new QVBoxLayout(body);
    bodyLayout->setContentsMargins(0, 0, 4, 0);
    bodyLayout->addWidget(m_leftOut);
    bodyLayout->addWidget(m_counts);
    bodyLayout->addWidget(m_list, 1);
    bodyLayout->addWidget(m_warnings);
    bodyLayout->addWidget(m_message);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("reviewScrollArea"));
    scroll->setWidget(body);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_confirmButton->setObjectName(QStringLiteral("decommissionConfirmButton"));
    m_confirmButton->setAutoDefault(false);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setDefault(true); // Enter cancels: the change is a click, never a stray key
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_previewButton, QDialogButtonBox::HelpRole);
    buttons->addButton(m_confirmButton, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancelButton, QDialogButtonBox::RejectRole);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_target);
    if (m_review.kind() == ReviewedChange::Retire)
        layout->addWidget(retirementChoices());
    layout->addWidget(scroll, 1);
    layout->addWidget(m_preview); // bounded: it takes room from the body, never from the screen
    layout->addWidget(m_record);
    layout->addWidget(buttons);
}

QWidget* ChangeActionDialog::retirementChoices()
{
    auto* choices = new QWidget(this);
    auto* form = new QFormLayout(choices);
    form->setContentsMargins(0, 0, 0, 0);
    m_graceDays = new QSpinBox(choices);
    m_graceDays->setObjectName(QStringLiteral("graceDaysSpinBox"));
    m_graceDays->setRange(0, RetirementRun::kMaxGraceDays);
    m_graceDays->setValue(m_review.choices().graceDays);
    m_graceDays->setSuffix(tr(" days", "grace period"));
    m_graceDays->setSpecialValueText(tr("0 days: due at once"));
    m_graceDays->setAccessibleName(tr("Grace period in days"));
    m_graceDays->setToolTip(tr("How long the desktops wait, switched off, before they may be "
                               "deleted. 0 makes them due at once."));
    m_messageEdit = new QLineEdit(m_review.choices().logoffMessage, choices);
    m_messageEdit->setObjectName(QStringLiteral("retirementMessageEdit"));
    m_messageEdit->setPlaceholderText(tr("Optional: users who are connected are logged off with it"));
    m_messageEdit->setAccessibleName(tr("Message to the users"));
    m_messageEdit->setMaxLength(int(DecommissionJson::kMaxLogoffMessageUnits));
    m_messageNote = new QLabel(choices);
    m_messageNote->setObjectName(QStringLiteral("retirementMessageNote"));
    m_messageNote->setWordWrap(true);
    m_messageNote->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(tr("&Grace period:"), m_graceDays);
    form->addRow(tr("&Message:"), m_messageEdit);
    form->addRow(QString(), m_messageNote);
    connect(m_graceDays, &QSpinBox::valueChanged, this,
        &ChangeActionDialog::onRetirementChoicesChanged);
    connect(m_messageEdit, &QLineEdit::textChanged, this,
        &ChangeActionDialog::onRetirementChoicesChanged);
    return choices;
}

void ChangeActionDialog::onRetirementChoicesChanged()
{
    if (m_confirmed)
        return;
    ChangeReview::Choices choices = m_review.choices();
    choices.graceDays = m_graceDays->value();
    choices.logoffMessage = m_messageEdit->text().trimmed();
    if (m_acrossProjects) {
        // Every project's review takes them; what is shown is theirs together.
        m_acrossProjects->setChoices(choices);
        m_review = m_acrossProjects->combinedReview();
    } else {
        m_review = m_review.withChoices(choices);
    }
    present();
}

bool ChangeActionDialog::choicesAreSendable() const
{
    if (m_review.kind() != ReviewedChange::Retire)
        return true;
    const QString message = m_review.choices().logoffMessage.trimmed();
    return m_review.graceDaysValid()
        && (message.isEmpty() || !DecommissionJson::logoffMessageProblem(message));
}

void ChangeActionDialog::present()
{
    setWindowTitle(ChangeReviewText::title(m_review));
    m_heading->setText(QStringLiteral("<b>%1</b>")
                           .arg(headingText().toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>"))));
    m_leftOut->present(m_review);
    m_counts->setText(ReviewWidgets::countsText(m_review, m_acrossProjects));
    m_targetList->present(m_review);
    const QStringList warnings = ChangeReviewText::warnings(m_review, kNamesShown);
    m_warnings->setText(warningHtml(warnings));
    m_warnings->setVisible(!warnings.isEmpty());
    const bool logoff = m_review.kind() == ReviewedChange::LogOff;
    m_message->setText(logoff
            ? tr("The users see this message: “%1”").arg(m_review.choices().logoffMessage)
            : QString());
    m_message->setVisible(logoff);
    m_confirmButton->setText(ChangeReviewText::confirmButtonText(m_review));
    m_confirmButton->setEnabled(
        m_review.targetCount() > 0 && !m_confirmed && choicesAreSendable());
    if (m_messageNote) {
        // What is left of the service's 255 characters, or why the message cannot be sent.
        const QString message = m_review.choices().logoffMessage.trimmed();
        const std::optional<QString> problem = message.isEmpty()
            ? std::nullopt
            : DecommissionJson::logoffMessageProblem(message);
        m_messageNote->setText(problem ? *problem
                                       : message.isEmpty()
                ? tr("Without a message nobody is logged off: maintenance mode bars new log-ins "
                     "and the stop ends any session.")
                : tr("%Ln character(s) left.", nullptr,
                    int(DecommissionJson::logoffMessageUnitsLeft(message))));
    }
    presentPreview();
}

void ChangeActionDialog::presentPreview()
{
    m_requestPreview->present(m_review);
}

void ChangeActionDialog::setAcrossProjects(MultiProjectChange* change)
{
    m_acrossProjects = change;
    m_requestPreview->setAcrossProjects(change);
    m_review = change->combinedReview();
    m_target->setText(ReviewWidgets::projectsTargetText(*change));
    m_targetList->setRegions(ReviewWidgets::regionsOfTargets(*change));
    present();
}

void ChangeActionDialog::setTarget(
    const QString& connectionName, const QString& projectId, const QString& region)
{
    if (m_acrossProjects)
        return; // its projects are named already
    m_target->setText(ReviewWidgets::targetText(connectionName, projectId, region));
}

QString ChangeActionDialog::headingText() const
{
    return ReviewWidgets::headingText(m_review, m_acrossProjects);
}

QString ChangeActionDialog::warningsText() const
{
    return ChangeReviewText::warnings(m_review, kNamesShown).join(QLatin1Char('\n'));
}

QString ChangeActionDialog::previewText() const
{
    return m_requestPreview->text(m_review);
}

void ChangeActionDialog::confirm()
{
    if (m_confirmed || !m_confirmButton->isEnabled())
        return;
    m_confirmed = true;
    m_confirmButton->setEnabled(false);
    accept();
    Q_EMIT confirmed(m_review);
}
