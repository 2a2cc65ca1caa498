#include "keptdesktopssection.h"

#include "computedtablemodel.h"
#include "review/duedeletionpreparation.h"
#include "reviewwidgets.h"

#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

KeptDesktopsSection::KeptDesktopsSection(QWidget* parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_warnings(ReviewWidgets::warningStrip(this))
    , m_model(new ComputedTableModel({ tr("Name"), tr("Desktop ID"), tr("Why it is kept") }, this))
    , m_list(ReviewWidgets::listView(m_model, this))
{
    setObjectName(QStringLiteral("keptDesktopsSection"));
    m_summary->setObjectName(QStringLiteral("dueSummaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_warnings->setObjectName(QStringLiteral("dueWarningsLabel"));
    m_list->setObjectName(QStringLiteral("keptDesktopsList"));
    m_list->setAccessibleName(tr("Retiring desktops past their date that are kept"));
    m_list->setMaximumHeight(140);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_summary);
    layout->addWidget(m_warnings);
    layout->addWidget(m_list);
}

void KeptDesktopsSection::present(const DueDeletionPreparation& preparation)
{
    m_kept = preparation.keptPastTheirDate();
    QString summary = preparation.summaryText();
    if (!m_kept.isEmpty())
        summary += QLatin1Char(' ')
            + tr("These %Ln desktop(s) past their date are kept:", nullptr, int(m_kept.size()));
    m_summary->setText(summary);
    const QStringList warnings = preparation.warnings();
    m_warnings->setText(ReviewWidgets::warningHtml(warnings));
    m_warnings->setVisible(!warnings.isEmpty());
    m_model->setRows(int(m_kept.size()), [this](int row, int column, int role) -> QVariant {
        if (role != Qt::DisplayRole && !(role == Qt::ToolTipRole && column == 2))
            return {};
        const DueDeletion::Judgement& judgement = m_kept.at(row);
        switch (column) {
        case 0:
            return judgement.name;
        case 1:
            return judgement.desktopId;
        default:
            return judgement.reason;
        }
    });
    m_list->resizeColumnToContents(0);
    m_list->resizeColumnToContents(1);
    m_list->setVisible(!m_kept.isEmpty());
}

QString KeptDesktopsSection::summaryText() const
{
    return m_summary->text();
}

QString KeptDesktopsSection::warningsText() const
{
    return m_warnings->isVisibleTo(this) ? m_warnings->text() : QString();
}
