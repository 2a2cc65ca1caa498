#include "deletiondialog.h"

#include "appicons.h"
#include "computedtablemodel.h"
#include "review/changereviewtext.h"
#include "review/multiprojectchange.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace ReviewWidgets;

namespace {
// A few thousand user names would make a label taller than the screen; the CLI's dry run prints
// them all.
constexpr int kNamesShown = 30;

ChangeReview reviewOfDesktops(const QList<Desktop> &desktops, const QUrl &batchDeleteUrl)
{
    ChangeReview::Facts facts;
    facts.classification.deletable = desktops;
    QString base = batchDeleteUrl.toString();
    base.chop(QStringLiteral("desktops/batch-delete").size());
    facts.apiBase = QUrl(base);
    return ChangeReview(facts, ChangeReview::Choices());
}
} // namespace

DeletionDialog::DeletionDialog(const QList<Desktop> &desktops, const QUrl &batchDeleteUrl, QWidget *parent)
    : DeletionDialog(reviewOfDesktops(desktops, batchDeleteUrl), parent)
{
}

DeletionDialog::DeletionDialog(const ChangeReview &review, QWidget *parent)
    : QDialog(parent)
    , m_review(review)
    , m_deleteUsers(new QCheckBox(tr("Also delete &users who have no other desktop"), this))
    , m_email(new QCheckBox(tr("&Email the users"), this))
    , m_force(new QCheckBox(tr("&Force delete even if in use"), this))
    , m_forceWarning(warningStrip(this))
    , m_heading(new QLabel(this))
    , m_leaveOutYearlyMonthly(new QCheckBox(this))
    , m_usersSection(new QGroupBox(tr("Users this deletion removes or keeps"), this))
    , m_usersLabel(new QLabel(this))
    , m_poolsWarning(warningStrip(this))
    , m_turnAutoscaleOff(new QCheckBox(tr("&Turn autoscale off first"), this))
    , m_retryAdvice(warningStrip(this))
    , m_target(new QLabel(this))
    , m_leftOut(new LeftOutSection(this))
    , m_counts(new QLabel(this))
    , m_listModel(new ComputedTableModel(TargetList::headers(ReviewedChange::Delete), this))
    , m_list(listView(m_listModel, this))
    , m_warnings(warningStrip(this))
    , m_confirmationLabel(new QLabel(this))
    , m_confirmation(new QLineEdit(this))
    , m_confirmationHint(new QLabel(this))
    , m_preview(new QPlainTextEdit(this))
    , m_previewButton(new QPushButton(this))
    , m_deleteButton(new QPushButton(this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_body(new QScrollArea(this))
    , m_targetList(std::make_unique<TargetList>(m_listModel, m_list))
    , m_requestPreview(std::make_unique<RequestPreview>(m_preview, m_previewButton))
{
    setObjectName(QStringLiteral("deletionDialog"));
    // The check boxes start from the review's choices (a retry: the original run's options).
    const ChangeReview::Choices &choices = m_review.choices();
    m_deleteUsers->setChecked(choices.options.deleteUsers);
    m_email->setChecked(choices.options.emailNotification);
    m_force->setChecked(choices.options.forceDelete);
    m_leaveOutYearlyMonthly->setChecked(choices.leaveOutYearlyMonthly);
    m_turnAutoscaleOff->setChecked(choices.turnAutoscaleOffFirst);
    m_usersDesktopsAsked = choices.options.deleteUsers;
    buildLayout();
    connectControls();
    // Until the caller names the connection: the project and host the requests go to.
    m_target->setText(ReviewWidgets::targetText(m_review));
    present(true);
    fitToScreen(this, QSize(920, 860));
    m_confirmation->setFocus();
}

DeletionDialog::~DeletionDialog() = default;

QWidget *DeletionDialog::buildOptions()
{
    auto *optionsBox = new QGroupBox(tr("Options"), this);
    m_deleteUsers->setObjectName(QStringLiteral("deleteUsersBox"));
    m_email->setObjectName(QStringLiteral("emailBox"));
    m_force->setObjectName(QStringLiteral("forceBox"));
    m_leaveOutYearlyMonthly->setObjectName(QStringLiteral("leaveOutYearlyMonthlyBox"));
    m_forceWarning->setText(tr("Users who are logged in lose their session and any unsaved work."));
    m_retryAdvice->setObjectName(QStringLiteral("retryAdvice"));
    m_retryAdvice->setTextFormat(Qt::PlainText);
    // The users section belongs to *Also delete users*: it sits right under it, with its own title.
    m_usersSection->setObjectName(QStringLiteral("usersSection"));
    m_usersLabel->setObjectName(QStringLiteral("usersLabel"));
    m_usersLabel->setWordWrap(true);
    m_usersLabel->setTextFormat(Qt::PlainText); // user names come from the server
    m_usersLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *usersLayout = new QVBoxLayout(m_usersSection);
    usersLayout->setContentsMargins(8, 4, 8, 4);
    usersLayout->addWidget(m_usersLabel);
    auto *usersIndent = new QHBoxLayout;
    usersIndent->setContentsMargins(22, 0, 0, 4);
    usersIndent->addWidget(m_usersSection);

    auto *layout = new QVBoxLayout(optionsBox);
    layout->setSpacing(2);
    layout->addWidget(m_deleteUsers);
    layout->addWidget(
        explanation(tr("A user whose last desktop this is is removed from the directory as well."), optionsBox));
    layout->addLayout(usersIndent);
    layout->addWidget(m_email);
    layout->addWidget(explanation(tr("Each user is told by email that the desktop was deleted."), optionsBox));
    layout->addWidget(m_force);
    layout->addWidget(explanation(
        tr("Deletes desktops that are running or have a user logged in, instead of failing for them."), optionsBox));
    layout->addWidget(m_forceWarning);
    layout->addWidget(m_retryAdvice);
    layout->addWidget(m_leaveOutYearlyMonthly);
    m_leaveOutExplanation = explanation(tr("The console deletes such desktops by unsubscribing them."), optionsBox);
    layout->addWidget(m_leaveOutExplanation);
    return optionsBox;
}

void DeletionDialog::buildLayout()
{
    m_heading->setObjectName(QStringLiteral("headingLabel"));
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::RichText);
    m_target->setObjectName(QStringLiteral("targetLabel"));
    m_target->setWordWrap(true);
    m_target->setTextFormat(Qt::PlainText); // names come from the profile and the URL
    m_target->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_poolsWarning->setObjectName(QStringLiteral("poolsWarning"));
    m_turnAutoscaleOff->setObjectName(QStringLiteral("turnAutoscaleOffBox"));
    m_counts->setObjectName(QStringLiteral("countsLabel"));
    m_list->setObjectName(QStringLiteral("desktopList"));
    m_list->setAccessibleName(tr("Desktops to delete"));
    m_list->setAccessibleDescription(
        tr("The desktops this deletion removes; a warning icon marks those in use or billed yearly/monthly"));
    m_warnings->setObjectName(QStringLiteral("warningsLabel"));

    // Everything between the heading and the confirmation scrolls, so that the confirmation and the
    // buttons stay on the screen whatever is shown (the users, the left-out list).
    auto *body = new QWidget(m_body);
    body->setObjectName(QStringLiteral("reviewBody"));
    auto *bodyLayout = new QVBoxLayout(body);
    bodyLayout->setContentsMargins(0, 0, 4, 0);
    bodyLayout->addWidget(m_leftOut);
    bodyLayout->addWidget(buildOptions());
    bodyLayout->addWidget(m_poolsWarning);
    bodyLayout->addWidget(m_turnAutoscaleOff);
    bodyLayout->addWidget(m_counts);
    bodyLayout->addWidget(m_list, 1);
    bodyLayout->addWidget(m_warnings);
    m_body->setObjectName(QStringLiteral("reviewScrollArea"));
    m_body->setWidget(body);
    m_body->setWidgetResizable(true);
    m_body->setFrameShape(QFrame::NoFrame);
    m_body->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_confirmationLabel->setBuddy(m_confirmation);
    m_confirmation->setObjectName(QStringLiteral("confirmationField"));
    m_confirmation->setAccessibleName(tr("Number of desktops to delete"));
    m_confirmation->setMaximumWidth(120);
    m_confirmationHint->setObjectName(QStringLiteral("confirmationHint"));
    m_confirmationHint->setTextFormat(Qt::PlainText);
    m_confirmationHint->setWordWrap(true);
    m_confirmationHint->setForegroundRole(QPalette::PlaceholderText);
    m_confirmationHint->hide();
    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));
    m_deleteButton->setIcon(AppIcons::icon(QStringLiteral("delete"), QStringLiteral("edit-delete")));
    m_deleteButton->setEnabled(false);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    // Enter does what the default button says: Cancel (the safe choice) until the typed count
    // matches, then Delete (see updateConfirmation()).
    m_cancelButton->setDefault(true);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_previewButton, QDialogButtonBox::HelpRole);
    buttons->addButton(m_deleteButton, QDialogButtonBox::DestructiveRole);
    buttons->addButton(m_cancelButton, QDialogButtonBox::RejectRole);

    auto *confirmRow = new QHBoxLayout;
    confirmRow->addWidget(m_confirmationLabel);
    confirmRow->addWidget(m_confirmation);
    confirmRow->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_target);
    layout->addWidget(m_body, 1);
    // Outside the scrolling body, of bounded height: shown, it takes room from the body, never
    // from the screen.
    layout->addWidget(m_preview);
    layout->addLayout(confirmRow);
    layout->addWidget(m_confirmationHint);
    layout->addWidget(buttons);
}

void DeletionDialog::connectControls()
{
    for (QCheckBox *box : {m_deleteUsers, m_email, m_force, m_turnAutoscaleOff})
        connect(box, &QCheckBox::toggled, this, &DeletionDialog::applyChoices);
    connect(m_leaveOutYearlyMonthly, &QCheckBox::toggled, this, &DeletionDialog::applyChoices);
    connect(m_confirmation, &QLineEdit::textChanged, this, &DeletionDialog::updateConfirmation);
    connect(m_previewButton, &QPushButton::toggled, this, &DeletionDialog::presentPreview);
    connect(m_deleteButton, &QPushButton::clicked, this, &DeletionDialog::confirm);
    connect(m_cancelButton, &QPushButton::clicked, this, &QDialog::reject);
}

void DeletionDialog::applyChoices()
{
    if (m_confirmed)
        return;
    ChangeReview::Choices choices = m_review.choices();
    choices.options.deleteUsers = m_deleteUsers->isChecked();
    choices.options.emailNotification = m_email->isChecked();
    choices.options.forceDelete = m_force->isChecked();
    choices.leaveOutYearlyMonthly = m_leaveOutYearlyMonthly->isChecked();
    choices.turnAutoscaleOffFirst = m_turnAutoscaleOff->isChecked();
    const bool targetsChanged = choices.leaveOutYearlyMonthly != m_review.choices().leaveOutYearlyMonthly;
    if (m_acrossProjects) {
        // Every project's review takes the choices; what is shown is theirs together.
        m_acrossProjects->setChoices(choices);
        if (choices.options.deleteUsers && !m_usersDesktopsAsked) {
            m_usersDesktopsAsked = true;
            Q_EMIT usersDesktopsNeeded(); // each project's look-up: usersDesktopsChanged()
        }
        m_review = m_acrossProjects->combinedReview();
        present(targetsChanged);
        return;
    }
    m_review = m_review.withChoices(choices);
    if (choices.options.deleteUsers && !m_usersDesktopsAsked) {
        m_usersDesktopsAsked = true;
        Q_EMIT usersDesktopsNeeded(); // may call setUsersDesktops() at once
    }
    present(targetsChanged);
}

void DeletionDialog::setReview(const ChangeReview &review)
{
    const ChangeReview::Choices choices = m_review.choices();
    m_review = review.withChoices(choices);
    present(true);
}

void DeletionDialog::present(bool targetsChanged)
{
    const ChangeReview &review = m_review;
    setWindowTitle(ChangeReviewText::title(review));
    m_heading->setText(QStringLiteral("<b>%1</b>")
                           .arg(headingText().toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>"))));
    m_deleteButton->setText(ChangeReviewText::confirmButtonText(review));
    m_confirmationLabel->setText(ChangeReviewText::confirmationPrompt(review));
    m_confirmation->setAccessibleDescription(m_confirmationLabel->text());
    m_leftOut->present(review, m_explicitNote);

    const int yearlyMonthly = review.yearlyMonthlySelectedCount();
    m_leaveOutYearlyMonthly->setText(
        tr("&Leave out the %Ln desktop(s) billed yearly/monthly", nullptr, yearlyMonthly));
    m_leaveOutYearlyMonthly->setVisible(yearlyMonthly > 0);
    m_leaveOutExplanation->setVisible(yearlyMonthly > 0);
    m_forceWarning->setVisible(review.choices().options.forceDelete);
    const QString advice = ChangeReviewText::forceAdviceText(review);
    m_retryAdvice->setText(advice);
    m_retryAdvice->setVisible(!advice.isEmpty());

    // Across projects each project's users under its label: one project whose look-up failed
    // leaves the others' impact known.
    const QStringList users = m_acrossProjects ? m_acrossProjects->usersLines(kNamesShown)
                                               : ChangeReviewText::usersLines(review, kNamesShown);
    m_usersLabel->setText(users.join(QLatin1Char('\n')));
    m_usersSection->setVisible(review.choices().options.deleteUsers && !users.isEmpty());

    const QStringList pools = ChangeReviewText::poolsLines(review);
    m_poolsWarning->setText(warningHtml(pools));
    m_poolsWarning->setVisible(!pools.isEmpty());
    m_turnAutoscaleOff->setVisible(!review.scalingPools().isEmpty());

    m_counts->setText(ReviewWidgets::countsText(review, m_acrossProjects));
    if (targetsChanged)
        m_targetList->present(review);
    m_warnings->setText(warningHtml(ChangeReviewText::warnings(review, kNamesShown)));
    presentPreview();
    updateConfirmation();
}

void DeletionDialog::presentPreview()
{
    m_requestPreview->present(m_review);
}

MultiProjectChange *DeletionDialog::acrossProjects() const
{
    return m_acrossProjects;
}

void DeletionDialog::setAcrossProjects(MultiProjectChange *change)
{
    m_acrossProjects = change;
    m_requestPreview->setAcrossProjects(change);
    m_review = change->combinedReview();
    connect(change, &MultiProjectChange::usersDesktopsChanged, this, [this] {
        if (m_confirmed || !m_acrossProjects)
            return;
        m_review = m_acrossProjects->combinedReview();
        present(false);
    });
    m_target->setText(ReviewWidgets::projectsTargetText(*change));
    m_targetList->setRegions(ReviewWidgets::regionsOfTargets(*change));
    present(true);
}

void DeletionDialog::updateConfirmation()
{
    const QString typed = m_confirmation->text();
    const bool matches = !m_confirmed && ChangeReviewText::confirmationMatches(m_review, typed);
    const QString hint = ChangeReviewText::confirmationHint(m_review, typed);
    m_confirmationHint->setText(hint);
    m_confirmationHint->setVisible(!hint.isEmpty());
    m_deleteButton->setEnabled(matches);
    m_deleteButton->setDefault(matches);
    m_cancelButton->setDefault(!matches);
}

void DeletionDialog::setNote(const QString &note)
{
    m_explicitNote = note;
    m_leftOut->present(m_review, m_explicitNote);
}

QString DeletionDialog::noteText() const
{
    return m_leftOut->noteLabel()->text();
}

void DeletionDialog::addReviewSection(QWidget *section)
{
    auto *layout = qobject_cast<QVBoxLayout *>(m_body->widget()->layout());
    section->setParent(m_body->widget());
    layout->insertWidget(0, section);
}

void DeletionDialog::setLeftOut(const QList<LeftOutDesktop> &desktops)
{
    ChangeReview::Facts facts = m_review.facts();
    facts.classification.leftOut = desktops;
    setReview(ChangeReview(facts, m_review.choices()));
}

void DeletionDialog::setTarget(const QString &connectionName, const QString &projectId, const QString &region)
{
    if (m_acrossProjects)
        return; // its projects are named already
    m_target->setText(ReviewWidgets::targetText(connectionName, projectId, region));
}

QString DeletionDialog::targetText() const
{
    return m_target->text();
}

void DeletionDialog::setUsersDesktops(const QList<Desktop> &usersDesktops)
{
    setReview(m_review.withUsersDesktops(usersDesktops, m_review.facts().usersListing, m_review.facts().usersFailure));
}

void DeletionDialog::setUsersLookUpState(UsersLookUpState state, const QString &failure)
{
    ChangeReview::UsersListing listing = ChangeReview::UsersListing::InProgress;
    if (state == UsersLookUpState::Complete)
        listing = ChangeReview::UsersListing::Complete;
    else if (state == UsersLookUpState::Failed)
        listing = ChangeReview::UsersListing::Failed;
    setReview(m_review.withUsersDesktops(m_review.facts().usersDesktops, listing, failure));
}

QString DeletionDialog::usersText() const
{
    return m_usersSection->isHidden() ? QString() : m_usersLabel->text();
}

void DeletionDialog::setScalingPools(const QList<DesktopPool> &pools)
{
    setReview(m_review.withPools(pools));
}

QString DeletionDialog::poolsWarningText() const
{
    return m_poolsWarning->isHidden() ? QString() : ChangeReviewText::poolsLines(m_review).join(QLatin1Char('\n'));
}

void DeletionDialog::setForceSuggested(const QStringList &desktopIds)
{
    ChangeReview::Facts facts = m_review.facts();
    facts.forceSuggested = desktopIds;
    setReview(ChangeReview(facts, m_review.choices()));
}

QString DeletionDialog::retryAdviceText() const
{
    return m_retryAdvice->isHidden() ? QString() : m_retryAdvice->text();
}

QString DeletionDialog::headingText() const
{
    return ReviewWidgets::headingText(m_review, m_acrossProjects);
}

QString DeletionDialog::countsText() const
{
    return m_counts->text();
}

QString DeletionDialog::warningsText() const
{
    return ChangeReviewText::warnings(m_review, kNamesShown).join(QLatin1Char('\n'));
}

QString DeletionDialog::previewText() const
{
    return m_requestPreview->text(m_review);
}

void DeletionDialog::confirm()
{
    // A double click, a second Enter or a click queued behind the first must not send twice.
    if (m_confirmed || !m_deleteButton->isEnabled())
        return;
    m_confirmed = true;
    m_deleteButton->setEnabled(false);
    m_confirmation->setReadOnly(true);
    const DeletionPlan confirmedPlan = m_review.deletionPlan();
    accept();
    Q_EMIT deletionConfirmed(confirmedPlan);
}
