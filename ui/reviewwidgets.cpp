#include "reviewwidgets.h"

#include "computedtablemodel.h"
#include "desktopstatusnames.h"
#include "desktoptablemodel.h"
#include "noticelabel.h"
#include "review/changereviewtext.h"
#include "review/multiprojectchange.h"

#include <QApplication>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QStyle>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace ReviewWidgets {

QLabel* explanation(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    // Indented under the check box's text, not under its indicator.
    label->setContentsMargins(22, 0, 0, 4);
    return label;
}

QLabel* warningStrip(QWidget* parent)
{
    auto* label = new NoticeLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setContentsMargins(8, 6, 8, 6);
    return label;
}

QString warningHtml(const QStringList& lines)
{
    QString html;
    for (const QString& line : lines)
        html += QStringLiteral("<p style=\"margin:2px\">⚠ ") + line.toHtmlEscaped()
            + QLatin1String("</p>");
    return html;
}

QTreeView* listView(ComputedTableModel* model, QWidget* parent)
{
    auto* view = new QTreeView(parent);
    view->setModel(model);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setSelectionMode(QAbstractItemView::NoSelection);
    view->setItemsExpandable(false);
    return view;
}

LeftOutSection::LeftOutSection(QWidget* parent)
    : QWidget(parent)
    , m_note(new QLabel(this))
    , m_repeated(new QLabel(this))
    , m_toggle(new QToolButton(this))
    , m_model(new ComputedTableModel({ QApplication::translate("DeletionDialog", "Name"),
                                         QApplication::translate("DeletionDialog", "Desktop ID"),
                                         QApplication::translate("DeletionDialog", "Reason") },
          this))
{
    setObjectName(QStringLiteral("leftOutSection"));
    m_note->setObjectName(QStringLiteral("leftOutNote"));
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_repeated->setObjectName(QStringLiteral("repeatedLabel"));
    m_repeated->setWordWrap(true);
    m_repeated->setTextFormat(Qt::PlainText); // names come from the server
    m_toggle->setObjectName(QStringLiteral("leftOutToggle"));
    m_toggle->setAccessibleName(tr("Desktops left out"));
    m_toggle->setAccessibleDescription(
        tr("Shows or hides the selected desktops this change leaves out"));
    m_toggle->setCheckable(true);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setArrowType(Qt::RightArrow);
    m_toggle->setAutoRaise(true);
    m_list = listView(m_model, this);
    m_list->setObjectName(QStringLiteral("leftOutList"));
    m_list->setAccessibleName(tr("Desktops left out"));
    m_list->setMaximumHeight(120);
    m_list->hide();
    connect(m_toggle, &QToolButton::toggled, this, [this](bool shown) {
        m_toggle->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
        m_list->setVisible(shown);
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_note);
    layout->addWidget(m_toggle);
    layout->addWidget(m_list);
    layout->addWidget(m_repeated);
}

void LeftOutSection::present(const ChangeReview& review, const QString& note)
{
    m_leftOut = review.leftOut();
    m_model->setRows(int(m_leftOut.size()), [this](int row, int column, int role) -> QVariant {
        if (role != Qt::DisplayRole && !(role == Qt::ToolTipRole && column == 2))
            return {};
        const LeftOutDesktop& desktop = m_leftOut.at(row);
        switch (column) {
        case 0:
            return desktop.desktopName;
        case 1:
            return desktop.desktopId;
        default:
            return desktop.reasonText();
        }
    });
    m_list->resizeColumnToContents(0);
    m_list->resizeColumnToContents(1);
    const int count = int(m_leftOut.size());
    m_toggle->setText(QApplication::translate(
        "DeletionDialog", "Show the %Ln desktop(s) left out", nullptr, count));
    m_toggle->setVisible(count > 0);
    if (count == 0)
        m_toggle->setChecked(false);
    const QString text = note.isEmpty() ? ChangeReviewText::leftOutSummary(review) : note;
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
    const QString repeated = ChangeReviewText::repeatedText(review);
    m_repeated->setText(repeated);
    m_repeated->setVisible(!repeated.isEmpty());
    setVisible(!text.isEmpty() || count > 0 || !repeated.isEmpty());
}

TargetList::TargetList(ComputedTableModel* model, QTreeView* view)
    : m_model(model)
    , m_view(view)
{
    m_view->setAlternatingRowColors(true);
    sizeColumns();
    m_view->setMinimumHeight(120);
}

void TargetList::sizeColumns()
{
    const int shift = m_regionOfDesktop.isEmpty() ? 0 : 1;
    m_view->header()->resizeSection(0, 150);
    if (shift)
        m_view->header()->resizeSection(1, 110);
    // Wide enough for a whole UUID, so that the ids can be checked against a ticket.
    m_view->header()->resizeSection(1 + shift,
        m_view->fontMetrics().horizontalAdvance(
            QStringLiteral("0000000000-0000-0000-0000-000000000000"))
            + 16);
    m_view->header()->resizeSection(2 + shift, 100);
    m_view->header()->resizeSection(3 + shift, 90);
    m_view->header()->resizeSection(4 + shift, 110);
}

void TargetList::setRegions(QHash<QString, QString> regionOfDesktop)
{
    m_regionOfDesktop = std::move(regionOfDesktop);
}

QStringList TargetList::headers(ReviewedChange kind)
{
    return { QApplication::translate("DeletionDialog", "Name"),
        QApplication::translate("DeletionDialog", "Desktop ID"),
        QApplication::translate("DeletionDialog", "User"),
        QApplication::translate("DeletionDialog", "Status"),
        QApplication::translate("DeletionDialog", "Login Status"),
        kind == ReviewedChange::Delete        ? QApplication::translate("DeletionDialog", "Billing")
            : kind == ReviewedChange::Restore ? QApplication::translate("DesktopTableModel", "Retire after")
                                              : QApplication::translate("ReviewWidgets", "In Maintenance") };
}

void TargetList::present(const ChangeReview& review)
{
    m_targets = review.targets();
    const bool deletion = review.isDeletion();
    const bool restore = review.kind() == ReviewedChange::Restore;
    const bool regions = !m_regionOfDesktop.isEmpty();
    QStringList headers = TargetList::headers(review.kind());
    if (regions)
        headers.insert(1, QApplication::translate("DesktopTableModel", "Region"));
    if (headers != m_model->headers()) {
        m_model->setHeaders(headers);
        sizeColumns();
    }
    const QIcon warningIcon = m_view->style()->standardIcon(QStyle::SP_MessageBoxWarning);
    m_model->setRows(int(m_targets.size()),
        [this, deletion, restore, regions, warningIcon](int row, int column, int role) -> QVariant {
            const Desktop& desktop = m_targets.at(row);
            if (regions) {
                // The region stands beside the name; the other columns follow it.
                if (column == 1)
                    return role == Qt::DisplayRole ? m_regionOfDesktop.value(desktop.id) : QVariant();
                if (column > 1)
                    --column;
            }
            if (role == Qt::DecorationRole) {
                const bool warn = (column == 4 && desktop.isConnected())
                    || (deletion && column == 5
                        && desktop.billingMode == BillingMode::YearlyMonthly);
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
                return desktop.userNames().join(QLatin1String(", "));
            case 3:
                return DesktopStatusNames::statusText(desktop.status, desktop.taskStatus); // as the table says it
            case 4:
                return loginStatusDisplayName(desktop.loginStatus);
            default:
                if (deletion)
                    return DesktopTableModel::billingModeText(desktop.billingMode);
                if (restore) {
                    const Retirement::State state = Retirement::stateOf(desktop.tags);
                    return state.kind == Retirement::State::Kind::Retiring
                        ? Retirement::dayText(state.retireAfter)
                        : DesktopTableModel::tr("Date unreadable", "a retirement tag whose date cannot be read");
                }
                return desktop.inMaintenanceMode ? QApplication::translate("ReviewWidgets", "Yes")
                                                 : QApplication::translate("ReviewWidgets", "No");
            }
        });
}

RequestPreview::RequestPreview(QPlainTextEdit* text, QPushButton* button)
    : m_text(text)
    , m_button(button)
{
    m_text->setObjectName(QStringLiteral("requestPreview"));
    m_text->setAccessibleName(QApplication::translate("ReviewWidgets", "Request preview"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Tall enough to read one request body whole, never so tall that the buttons leave the screen:
    // the text scrolls.
    const int line = m_text->fontMetrics().lineSpacing();
    m_text->setMinimumHeight(line * 12);
    m_text->setMaximumHeight(line * 16);
    m_text->hide();
    m_button->setObjectName(QStringLiteral("previewButton"));
    m_button->setCheckable(true);
    m_button->setAutoDefault(false);
    m_button->setText(QApplication::translate("DeletionDialog", "&Preview Requests"));
    m_button->setAccessibleDescription(
        QApplication::translate("ReviewWidgets", "Shows or hides the requests this change sends"));
}

void RequestPreview::present(const ChangeReview& review)
{
    const bool shown = m_button->isChecked();
    m_button->setText(shown ? QApplication::translate("ReviewWidgets", "Hide &Preview")
                            : QApplication::translate("DeletionDialog", "&Preview Requests"));
    if (shown)
        m_text->setPlainText(text(review));
    m_text->setVisible(shown);
}

void RequestPreview::setAcrossProjects(MultiProjectChange* change)
{
    m_acrossProjects = change;
}

QString RequestPreview::text(const ChangeReview& review) const
{
    return m_acrossProjects ? m_acrossProjects->previewText() : ChangeReviewText::previewText(review);
}

QString headingText(const ChangeReview& review, const MultiProjectChange* acrossProjects)
{
    if (!acrossProjects)
        return ChangeReviewText::heading(review);
    // "Delete 155 desktops? …" and where they are: "120 desktops in cn-north-4, 35 in ap-southeast-3".
    return ChangeReviewText::heading(review) + QLatin1Char('\n')
        + ChangeReviewText::projectsText(acrossProjects->shares());
}

QString countsText(const ChangeReview& review, const MultiProjectChange* acrossProjects)
{
    return acrossProjects ? ChangeReviewText::countsText(review, acrossProjects->changeRequestCount())
                          : ChangeReviewText::countsText(review);
}

QString targetText(const QString& connectionName, const QString& projectId, const QString& region)
{
    return connectionName.isEmpty()
        ? QApplication::translate("DeletionDialog", "In project %1, region %2.",
            "deletion dialog: what the deletion acts on")
              .arg(projectId, region)
        : QApplication::translate("DeletionDialog", "In project %1, region %2 (connection “%3”).",
            "deletion dialog: what the deletion acts on")
              .arg(projectId, region, connectionName);
}

QString targetText(const ChangeReview& review)
{
    const QUrl& base = review.facts().apiBase;
    const QStringList path = base.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    return targetText(QString(), path.size() > 1 ? path.at(1) : QString(), base.host());
}

void fitToScreen(QWidget* dialog, QSize preferred)
{
    const QScreen* screen
        = dialog->parentWidget() ? dialog->parentWidget()->screen() : dialog->screen();
    if (!screen)
        screen = QGuiApplication::primaryScreen();
    if (screen) {
        // Room for the window frame and a panel.
        const QSize room = screen->availableGeometry().size() - QSize(40, 80);
        preferred = preferred.boundedTo(room);
        dialog->setMaximumSize(screen->availableGeometry().size());
    }
    dialog->resize(preferred);
}


QHash<QString, QString> regionsOfTargets(const MultiProjectChange& change)
{
    QHash<QString, QString> regions;
    for (const std::unique_ptr<MultiProjectChange::Part>& part : change.parts()) {
        for (const Desktop& desktop : part->review.targets()) {
            QString& region = regions[desktop.id];
            region = region.isEmpty() ? part->label() : region + QLatin1String(", ") + part->label();
        }
    }
    return regions;
}

QString projectsTargetText(const MultiProjectChange& change)
{
    QStringList projects;
    for (const std::unique_ptr<MultiProjectChange::Part>& part : change.parts()) {
        projects.append(QApplication::translate("DeletionDialog", "%1 (project %2)")
                            .arg(part->label(), part->project.id));
    }
    return QApplication::translate("DeletionDialog", "Projects: %1")
        .arg(projects.join(QLatin1String(", ")));
}

} // namespace ReviewWidgets
