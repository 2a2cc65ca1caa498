#include "deletiondialog.h"

#include "appicons.h"
#include "computedtablemodel.h"
#include "desktopstatusnames.h"
#include "desktoptablemodel.h"
#include "noticelabel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace {
QLabel *explanation(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    // Indented under the check box's text, not under its indicator.
    label->setContentsMargins(22, 0, 0, 4);
    return label;
}

QLabel *warningStrip(QWidget *parent)
{
    auto *label = new NoticeLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setContentsMargins(8, 6, 8, 6);
    return label;
}

QTreeView *listView(ComputedTableModel *model, QWidget *parent)
{
    auto *view = new QTreeView(parent);
    view->setModel(model);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setSelectionMode(QAbstractItemView::NoSelection);
    view->setItemsExpandable(false);
    return view;
}

// A few thousand user names would make a label taller than the screen; the dry run of the CLI
// prints them all.
constexpr int kUserNamesShown = 30;

QString namesText(const QStringList &names)
{
    if (names.size() <= kUserNamesShown)
        return names.join(QLatin1String(", "));
    return DeletionDialog::tr("%1 and %Ln more", "a list of user names, cut short", int(names.size()) - kUserNamesShown)
        .arg(names.mid(0, kUserNamesShown).join(QLatin1String(", ")));
}
} // namespace

DeletionDialog::DeletionDialog(const QList<Desktop> &desktops, const QUrl &batchDeleteUrl, QWidget *parent)
    : QDialog(parent)
    , m_desktops(desktops)
    , m_batchDeleteUrl(batchDeleteUrl)
    , m_deleteUsers(new QCheckBox(tr("Also delete &users who have no other desktop"), this))
    , m_email(new QCheckBox(tr("&Email the users"), this))
    , m_force(new QCheckBox(tr("&Force delete even if in use"), this))
    , m_forceWarning(warningStrip(this))
    , m_heading(new QLabel(this))
    , m_leaveOutYearlyMonthly(new QCheckBox(this))
    , m_usersLabel(explanation(QString(), this))
    , m_poolsWarning(warningStrip(this))
    , m_turnAutoscaleOff(new QCheckBox(tr("&Turn autoscale off first"), this))
    , m_retryAdvice(warningStrip(this))
    , m_note(new QLabel(this))
    , m_target(new QLabel(this))
    , m_leftOutToggle(new QToolButton(this))
    , m_leftOutModel(new ComputedTableModel({tr("Name"), tr("Desktop ID"), tr("Reason")}, this))
    , m_counts(new QLabel(this))
    , m_listModel(new ComputedTableModel(
          {tr("Name"), tr("Desktop ID"), tr("User"), tr("Status"), tr("Login Status"), tr("Billing")}, this))
    , m_warnings(warningStrip(this))
    , m_confirmationLabel(new QLabel(this))
    , m_confirmation(new QLineEdit(this))
    , m_preview(new QPlainTextEdit(this))
    , m_previewButton(new QPushButton(tr("&Preview Requests"), this))
    , m_deleteButton(new QPushButton(this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("deletionDialog"));
    const int count = int(m_desktops.size());
    setWindowTitle(tr("Delete %Ln Desktop(s)", nullptr, count));

    m_yearlyMonthlyCount = int(DeletionImpact::billedYearlyMonthly(m_desktops).size());
    m_leaveOutYearlyMonthly->setObjectName(QStringLiteral("leaveOutYearlyMonthlyBox"));
    m_leaveOutYearlyMonthly->setText(
        tr("&Leave out the %Ln desktop(s) billed yearly/monthly", nullptr, m_yearlyMonthlyCount));
    // The console deletes them by unsubscribing; a batch delete of them is not known to succeed.
    m_leaveOutYearlyMonthly->setChecked(true);
    m_leaveOutYearlyMonthly->setVisible(m_yearlyMonthlyCount > 0);
    m_usersLabel->setObjectName(QStringLiteral("usersLabel"));
    m_usersLabel->setTextFormat(Qt::PlainText); // user names come from the server
    m_usersLabel->hide();
    m_poolsWarning->setObjectName(QStringLiteral("poolsWarning"));
    m_poolsWarning->hide();
    m_turnAutoscaleOff->setObjectName(QStringLiteral("turnAutoscaleOffBox"));
    m_turnAutoscaleOff->setChecked(true);
    m_turnAutoscaleOff->hide();
    m_retryAdvice->setObjectName(QStringLiteral("retryAdvice"));
    m_retryAdvice->setTextFormat(Qt::PlainText);
    m_retryAdvice->hide();

    auto *optionsBox = new QGroupBox(tr("Options"), this);
    m_deleteUsers->setObjectName(QStringLiteral("deleteUsersBox"));
    m_email->setObjectName(QStringLiteral("emailBox"));
    m_force->setObjectName(QStringLiteral("forceBox"));
    const BatchDeleteOptions defaults;
    m_deleteUsers->setChecked(defaults.deleteUsers);
    m_email->setChecked(defaults.emailNotification);
    m_force->setChecked(defaults.forceDelete);
    m_forceWarning->setText(tr("Users who are logged in lose their session and any unsaved work."));
    m_forceWarning->setVisible(m_force->isChecked());
    auto *optionsLayout = new QVBoxLayout(optionsBox);
    optionsLayout->setSpacing(2);
    optionsLayout->addWidget(m_deleteUsers);
    optionsLayout->addWidget(explanation(
        tr("A user whose last desktop this is is removed from the directory as well."), optionsBox));
    optionsLayout->addWidget(m_email);
    optionsLayout->addWidget(explanation(tr("Each user is told by email that the desktop was deleted."), optionsBox));
    optionsLayout->addWidget(m_force);
    optionsLayout->addWidget(explanation(
        tr("Deletes desktops that are running or have a user logged in, instead of failing for them."),
        optionsBox));
    optionsLayout->addWidget(m_forceWarning);
    optionsLayout->addWidget(m_retryAdvice);
    optionsLayout->addWidget(m_leaveOutYearlyMonthly);
    optionsLayout->addWidget(m_usersLabel);

    m_note->setWordWrap(true);
    m_note->hide();
    m_target->setObjectName(QStringLiteral("targetLabel"));
    m_target->setWordWrap(true);
    m_target->setTextFormat(Qt::PlainText); // names come from the profile and the URL
    m_target->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_leftOutToggle->setObjectName(QStringLiteral("leftOutToggle"));
    m_leftOutToggle->setAccessibleName(tr("Desktops left out"));
    m_leftOutToggle->setAccessibleDescription(tr("Shows or hides the selected desktops this deletion leaves out"));
    m_leftOutToggle->setCheckable(true);
    m_leftOutToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_leftOutToggle->setArrowType(Qt::RightArrow);
    m_leftOutToggle->setAutoRaise(true);
    m_leftOutToggle->hide();
    m_leftOutList = listView(m_leftOutModel, this);
    m_leftOutList->setObjectName(QStringLiteral("leftOutList"));
    m_leftOutList->setAccessibleName(tr("Desktops left out"));
    m_leftOutList->setMaximumHeight(120);
    m_leftOutList->hide();
    connect(m_leftOutToggle, &QToolButton::toggled, this, [this](bool shown) {
        m_leftOutToggle->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
        m_leftOutList->setVisible(shown);
    });
    m_counts->setObjectName(QStringLiteral("countsLabel"));

    m_list = listView(m_listModel, this);
    m_list->setObjectName(QStringLiteral("desktopList"));
    m_list->setAccessibleName(tr("Desktops to delete"));
    m_list->setAccessibleDescription(tr("The desktops this deletion removes; a warning icon marks those in "
                                        "use or billed yearly/monthly"));
    m_list->setAlternatingRowColors(true);
    m_list->header()->resizeSection(0, 150);
    // Wide enough for a whole UUID, so that the ids can be checked against a ticket.
    m_list->header()->resizeSection(
        1, m_list->fontMetrics().horizontalAdvance(QStringLiteral("0000000000-0000-0000-0000-000000000000")) + 16);
    m_list->header()->resizeSection(2, 100);
    m_list->header()->resizeSection(3, 90);
    m_list->header()->resizeSection(4, 110);
    m_list->setMinimumHeight(140);

    m_warnings->setObjectName(QStringLiteral("warningsLabel"));

    m_confirmationLabel->setBuddy(m_confirmation);
    m_confirmation->setObjectName(QStringLiteral("confirmationField"));
    m_confirmation->setAccessibleName(tr("Number of desktops to delete"));
    m_confirmation->setMaximumWidth(120);

    m_preview->setObjectName(QStringLiteral("requestPreview"));
    m_preview->setAccessibleName(tr("Request preview"));
    m_preview->setAccessibleDescription(tr("The deletion requests that will be sent, one after another"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Tall enough to read one request body whole.
    m_preview->setMinimumHeight(m_preview->fontMetrics().lineSpacing() * 14);
    m_preview->hide();
    m_previewButton->setObjectName(QStringLiteral("previewButton"));
    m_previewButton->setCheckable(true);
    m_previewButton->setAccessibleDescription(tr("Shows or hides the requests this deletion sends"));
    m_previewButton->setAutoDefault(false);

    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));
    m_deleteButton->setIcon(AppIcons::icon(QStringLiteral("delete"), QStringLiteral("edit-delete")));
    m_deleteButton->setEnabled(false);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    // Enter does what the default button says: Cancel (the safe choice) until the typed count
    // matches, then Delete (see updateState()).
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
    layout->addWidget(optionsBox);
    layout->addWidget(m_poolsWarning);
    layout->addWidget(m_turnAutoscaleOff);
    layout->addWidget(m_note);
    layout->addWidget(m_leftOutToggle);
    layout->addWidget(m_leftOutList);
    layout->addWidget(m_counts);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_warnings);
    layout->addWidget(m_preview, 1);
    layout->addLayout(confirmRow);
    layout->addWidget(buttons);

    connect(m_force, &QCheckBox::toggled, m_forceWarning, &QWidget::setVisible);
    for (QCheckBox *box : {m_deleteUsers, m_email, m_force})
        connect(box, &QCheckBox::toggled, this, &DeletionDialog::updatePreview);
    connect(m_force, &QCheckBox::toggled, this, &DeletionDialog::updateState);
    connect(m_leaveOutYearlyMonthly, &QCheckBox::toggled, this, [this] {
        updateSelection();
        updatePreview();
    });
    connect(m_deleteUsers, &QCheckBox::toggled, this, &DeletionDialog::updateState);
    connect(m_confirmation, &QLineEdit::textChanged, this, &DeletionDialog::updateState);
    connect(m_previewButton, &QPushButton::toggled, this, [this](bool shown) {
        updatePreview();
        m_preview->setVisible(shown);
    });
    connect(m_deleteButton, &QPushButton::clicked, this, &DeletionDialog::confirm);
    connect(m_cancelButton, &QPushButton::clicked, this, &QDialog::reject);

    // Until the caller names the connection: the project and host the requests go to.
    const QStringList path = m_batchDeleteUrl.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    setTarget(QString(), path.size() > 1 ? path.at(1) : QString(), m_batchDeleteUrl.host());
    updateSelection();
    updatePreview();
    resize(880, 640);
    m_confirmation->setFocus();
}

void DeletionDialog::setNote(const QString &note)
{
    m_explicitNote = note;
    QString text = note;
    if (text.isEmpty() && !m_leftOutDesktops.isEmpty())
        text = tr("%Ln selected desktop(s) are left out.", nullptr, int(m_leftOutDesktops.size()));
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
}

void DeletionDialog::setLeftOut(const QList<LeftOutDesktop> &desktops)
{
    m_leftOutDesktops = desktops;
    m_leftOutModel->setRows(int(desktops.size()), [this](int row, int column, int role) -> QVariant {
        if (role != Qt::DisplayRole && !(role == Qt::ToolTipRole && column == 2))
            return {};
        const LeftOutDesktop &desktop = m_leftOutDesktops.at(row);
        switch (column) {
        case 0:
            return desktop.desktopName;
        case 1:
            return desktop.desktopId;
        default:
            return desktop.reasonText();
        }
    });
    m_leftOutList->resizeColumnToContents(0);
    m_leftOutList->resizeColumnToContents(1);
    m_leftOutToggle->setText(tr("Show the %Ln desktop(s) left out", nullptr, int(desktops.size())));
    m_leftOutToggle->setVisible(!desktops.isEmpty());
    if (desktops.isEmpty())
        m_leftOutToggle->setChecked(false);
    setNote(m_explicitNote);
}

void DeletionDialog::setTarget(const QString &connectionName, const QString &projectId, const QString &region)
{
    const QString text = connectionName.isEmpty()
        ? tr("In project %1, region %2.", "deletion dialog: what the deletion acts on")
              .arg(projectId, region)
        : tr("In project %1, region %2 (connection “%3”).", "deletion dialog: what the deletion acts on")
              .arg(projectId, region, connectionName);
    m_target->setText(text);
}

QString DeletionDialog::targetText() const
{
    return m_target->text();
}

QString DeletionDialog::noteText() const
{
    return m_note->text();
}

void DeletionDialog::setUsersDesktops(const QList<Desktop> &usersDesktops)
{
    m_usersDesktops = usersDesktops;
    m_usersStale = true;
    updateState();
}

QString DeletionDialog::usersText() const
{
    return m_usersLabel->isHidden() ? QString() : m_usersLabel->text();
}

void DeletionDialog::setScalingPools(const QList<DesktopPool> &pools)
{
    m_scalingPools = pools;
    QStringList names;
    for (const DesktopPool &pool : pools)
        names.append(pool.name.isEmpty() ? pool.id : pool.name);
    m_poolsWarning->setText(
        QStringLiteral("⚠ ")
        + tr("Some desktops belong to %Ln pool(s) whose autoscale is on (or not known to be off): %1. Such a "
             "pool may create new desktops after the deletion.", nullptr, int(pools.size()))
              .arg(names.join(QLatin1String(", ")))
              .toHtmlEscaped());
    m_poolsWarning->setVisible(!pools.isEmpty());
    m_turnAutoscaleOff->setVisible(!pools.isEmpty());
}

QString DeletionDialog::poolsWarningText() const
{
    return m_poolsWarning->isHidden() ? QString() : m_poolsWarning->text();
}

QList<DesktopPool> DeletionDialog::poolsToStopScaling() const
{
    return m_turnAutoscaleOff->isChecked() ? m_scalingPools : QList<DesktopPool>();
}

void DeletionDialog::setForceSuggested(const QStringList &desktopIds)
{
    m_retryAdvice->setText(
        tr("%Ln desktop(s) failed because a user was connected: tick “Force delete” to log the users off and "
           "delete them.", nullptr, int(desktopIds.size())));
    m_retryAdvice->setVisible(!desktopIds.isEmpty());
}

QString DeletionDialog::retryAdviceText() const
{
    return m_retryAdvice->isHidden() ? QString() : m_retryAdvice->text();
}

QStringList DeletionDialog::desktopIds() const
{
    return m_toDeleteIds;
}

BatchDeleteOptions DeletionDialog::options() const
{
    BatchDeleteOptions options;
    options.deleteUsers = m_deleteUsers->isChecked();
    options.emailNotification = m_email->isChecked();
    options.forceDelete = m_force->isChecked();
    return options;
}

DeletionPlan DeletionDialog::plan() const
{
    return DeletionPlan(m_toDeleteIds, options(), m_toDeleteNames);
}

QString DeletionDialog::countsText() const
{
    return m_counts->text();
}

QString DeletionDialog::warningsText() const
{
    return m_warningLines.join(QLatin1Char('\n'));
}

QString DeletionDialog::previewText() const
{
    const DeletionPlan plan = this->plan();
    QString autoscale;
    for (const DesktopPool &pool : poolsToStopScaling()) {
        autoscale += QLatin1String("\n\n# ") + tr("First: turn off the autoscale of pool %1").arg(pool.id)
            + QLatin1String("\nPUT ") + m_batchDeleteUrl.resolved(QUrl(QStringLiteral("../desktop-pools/") + pool.id)).toDisplayString()
            + QLatin1Char('\n') + QString::fromUtf8(DecommissionJson::poolAutoscaleBody(false));
    }
    QString text = plan.chunkCount() == 1 ? tr("1 request:")
                                          : tr("%Ln requests, sent one after another:", nullptr, plan.chunkCount());
    for (int index = 0; index < plan.chunkCount(); ++index) {
        const QByteArray body = QJsonDocument::fromJson(plan.requestBody(index)).toJson(QJsonDocument::Indented);
        text += QLatin1String("\n\n# ")
            + tr("Request %1 of %2: %Ln desktop(s)", nullptr, int(plan.chunk(index).size()))
                  .arg(index + 1)
                  .arg(plan.chunkCount())
            + QLatin1String("\nPOST ") + m_batchDeleteUrl.toDisplayString() + QLatin1Char('\n')
            + QString::fromUtf8(body).trimmed();
    }
    return autoscale.isEmpty() ? text : autoscale.mid(2) + QLatin1String("\n\n") + text;
}

void DeletionDialog::updatePreview()
{
    if (m_previewButton->isChecked())
        m_preview->setPlainText(previewText());
}

void DeletionDialog::updateSelection()
{
    const bool leaveOut = m_leaveOutYearlyMonthly->isChecked();
    m_toDelete = leaveOut ? DeletionImpact::withoutYearlyMonthly(m_desktops) : m_desktops;
    m_toDeleteIds.clear();
    m_toDeleteIds.reserve(m_toDelete.size());
    m_toDeleteNames.clear();
    m_toDeleteNames.reserve(m_toDelete.size());
    m_connectedCount = 0;
    m_toDeleteYearlyMonthlyCount = 0;
    for (const Desktop &desktop : std::as_const(m_toDelete)) {
        m_toDeleteIds.append(desktop.id);
        m_toDeleteNames.insert(desktop.id, desktop.computerName);
        if (desktop.isConnected())
            ++m_connectedCount;
        if (desktop.billingMode == BillingMode::YearlyMonthly)
            ++m_toDeleteYearlyMonthlyCount;
    }
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    m_listModel->setRows(int(m_toDelete.size()), [this, warningIcon](int row, int column, int role) -> QVariant {
        const Desktop &desktop = m_toDelete.at(row);
        if (role == Qt::DecorationRole) {
            const bool warn = (column == 4 && desktop.isConnected())
                || (column == 5 && desktop.billingMode == BillingMode::YearlyMonthly);
            return warn ? QVariant(warningIcon) : QVariant();
        }
        if (role == Qt::ToolTipRole && column == 1)
            return desktop.id;
        if (role != Qt::DisplayRole)
            return {};
        switch (column) {
        case 0:
            return desktop.computerName;
        case 1:
            return desktop.id;
        case 2:
            return desktop.userName;
        case 3:
            return DesktopStatusNames::statusText(desktop.status, desktop.taskStatus); // as the table says it
        case 4:
            return loginStatusDisplayName(desktop.loginStatus);
        default:
            return DesktopTableModel::billingModeText(desktop.billingMode);
        }
    });
    m_usersStale = true;
    updateState();
}

void DeletionDialog::updateUsers()
{
    // The users the deletion removes, named while the option that removes them is ticked.
    // A desktop left out here keeps its user, as any desktop outside the selection does.
    m_usersStale = false;
    QList<Desktop> listing = m_usersDesktops;
    if (m_toDelete.size() < m_desktops.size())
        listing += DeletionImpact::billedYearlyMonthly(m_desktops);
    const DeletionImpact::Users users = DeletionImpact::usersOf(m_toDelete, listing);
    QString usersText;
    if (!users.deleted.isEmpty())
        usersText = tr("Users removed (no other desktop): %1").arg(namesText(users.deleted));
    if (!users.kept.isEmpty()) {
        usersText += (usersText.isEmpty() ? QString() : QStringLiteral("\n"))
            + tr("Users kept (they have another desktop): %1").arg(namesText(users.kept));
    }
    m_usersLabel->setText(usersText);
}

void DeletionDialog::updateState()
{
    const int connected = m_connectedCount;
    const int yearly = m_toDeleteYearlyMonthlyCount;
    const bool leaveOut = m_leaveOutYearlyMonthly->isChecked();
    const int count = int(m_toDelete.size());
    m_heading->setText(tr("<b>Delete %Ln desktop(s)?</b> Deletion cannot be undone.", nullptr, count));
    m_deleteButton->setText(tr("&Delete %Ln Desktop(s)", nullptr, count));
    m_confirmationLabel->setText(
        tr("To confirm, type the number of desktops to delete (%1):").arg(QString::number(count)));
    m_confirmation->setAccessibleDescription(m_confirmationLabel->text());

    if (m_deleteUsers->isChecked() && !m_usersDesktopsAsked) {
        m_usersDesktopsAsked = true;
        Q_EMIT usersDesktopsNeeded(); // may call setUsersDesktops() at once
    }
    if (m_deleteUsers->isChecked() && m_usersStale)
        updateUsers(); // only when asked for: the users of 10,000 desktops take a while to sort out
    m_usersLabel->setVisible(m_deleteUsers->isChecked() && !m_usersLabel->text().isEmpty());
    const int requests = (count + DeletionPlan::kMaxChunkSize - 1) / DeletionPlan::kMaxChunkSize;
    // One pattern, the counts inserted whole, so that a translation can order and punctuate them.
    m_counts->setText(tr("%1 · %2 · %3 · %4", "desktops · in use · billed yearly/monthly · sent in requests")
                          .arg(tr("%Ln desktop(s)", nullptr, count), tr("%Ln in use", nullptr, connected),
                               tr("%Ln billed yearly/monthly", nullptr, yearly),
                               tr("sent in %Ln request(s)", nullptr, requests)));

    QStringList warnings;
    if (connected > 0) {
        warnings << (m_force->isChecked()
                         ? tr("%Ln desktop(s) are in use (CONNECTED): their users are disconnected.", nullptr, connected)
                         : tr("%Ln desktop(s) are in use (CONNECTED): without “Force delete” their deletion "
                              "may fail.", nullptr, connected));
    }
    if (yearly > 0) {
        warnings << tr("%Ln desktop(s) are billed yearly/monthly: their deletion will fail. Unsubscribe "
                       "them in the console first.", nullptr, yearly);
    }
    if (leaveOut && m_yearlyMonthlyCount > 0) {
        warnings << tr("%Ln desktop(s) billed yearly/monthly are left out: unsubscribe them in the console.",
                       nullptr, m_yearlyMonthlyCount);
    }
    warnings << tr("Each desktop's system and data disks are deleted with it. An elastic IP is "
                   "unbound but still billed until you release it.");
    m_warningLines = warnings;
    QString html;
    for (const QString &warning : std::as_const(warnings))
        html += QStringLiteral("<p style=\"margin:2px\">⚠ ") + warning.toHtmlEscaped() + QLatin1String("</p>");
    m_warnings->setText(html);

    const bool matches = !m_confirmed && count > 0 && m_confirmation->text().trimmed() == QString::number(count);
    m_deleteButton->setEnabled(matches);
    m_deleteButton->setDefault(matches);
    m_cancelButton->setDefault(!matches);
}

void DeletionDialog::confirm()
{
    // A double click, a second Enter or a click queued behind the first must not send twice.
    if (m_confirmed || !m_deleteButton->isEnabled())
        return;
    m_confirmed = true;
    m_deleteButton->setEnabled(false);
    m_confirmation->setReadOnly(true);
    const DeletionPlan confirmedPlan = plan();
    accept();
    Q_EMIT deletionConfirmed(confirmedPlan);
}

void DeletionDialog::setUsersLookUpState(UsersLookUpState state, const QString &failure)
{
    // A label of its own under the users' list, made on first use.
    auto *label = findChild<QLabel *>(QStringLiteral("usersLookUpLabel"));
    if (!label) {
        label = explanation(QString(), this);
        label->setObjectName(QStringLiteral("usersLookUpLabel"));
        label->setTextFormat(Qt::PlainText); // the failure may quote the server
        if (auto *layout = qobject_cast<QBoxLayout *>(m_usersLabel->parentWidget()->layout()))
            layout->insertWidget(layout->indexOf(m_usersLabel) + 1, label);
        connect(m_deleteUsers, &QCheckBox::toggled, label,
                [label](bool ticked) { label->setVisible(ticked && !label->text().isEmpty()); });
    }
    QString text;
    switch (state) {
    case UsersLookUpState::InProgress:
        text = tr("Looking up the users' other desktops… Until then the users listed may be incomplete.");
        break;
    case UsersLookUpState::Complete:
        break;
    case UsersLookUpState::Failed:
        text = tr("The users' other desktops could not all be listed, so the users listed may be incomplete: "
                  "some of the users listed for removal may be kept.");
        if (!failure.isEmpty())
            text += QLatin1Char(' ') + failure;
        break;
    }
    label->setText(text);
    label->setVisible(m_deleteUsers->isChecked() && !text.isEmpty());
}
