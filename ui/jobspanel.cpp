#include "jobspanel.h"

#include "failureexplanation.h"
#include "jobmodel.h"
#include "noticelabel.h"
#include "recordeddeletions.h"
#include "progressdelegate.h"

#include "deletion/deletionrun.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTreeView>
#include <QVBoxLayout>

JobsPanel::JobsPanel(JobModel *model, QWidget *parent)
    : QDockWidget(tr("Jobs"), parent)
    , m_model(model)
    , m_view(new QTreeView(this))
    , m_summary(new QLabel(this))
    , m_error(new QLabel(this))
    , m_copyButton(new QPushButton(tr("&Copy Authorization Message"), this))
    , m_retryButton(new QPushButton(tr("&Retry Failed…"), this))
    , m_exportButton(new QPushButton(tr("E&xport Results…"), this))
    , m_exportAllButton(new QPushButton(tr("Export &All Results…"), this))
    , m_exportNote(new QLabel(this))
    , m_notice(new NoticeLabel(this))
{
    setObjectName(QStringLiteral("jobsPanel"));
    m_view->setObjectName(QStringLiteral("jobsView"));
    m_view->setAccessibleName(tr("Deletion jobs"));
    m_view->setAccessibleDescription(tr("Each deletion with its requests and desktops, their status and progress"));
    m_view->setModel(model);
    m_view->setItemDelegateForColumn(JobModel::ProgressColumn, new ProgressDelegate(JobModel::ProgressRole, m_view));
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->resizeSection(JobModel::NameColumn, 270);
    m_view->header()->resizeSection(JobModel::StatusColumn, 170);
    m_view->header()->resizeSection(JobModel::ProgressColumn, 120);
    m_view->header()->resizeSection(JobModel::ErrorCodeColumn, 130);

    m_summary->setObjectName(QStringLiteral("jobSummary"));
    m_summary->setAccessibleName(tr("Jobs summary"));
    m_error->setAccessibleName(tr("Job error"));
    m_error->setObjectName(QStringLiteral("jobError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    m_copyButton->setObjectName(QStringLiteral("copyAuthorizationButton"));
    m_copyButton->setToolTip(tr("Copy the encoded authorization message, to decode it with IAM"));
    m_copyButton->hide();
    m_retryButton->setObjectName(QStringLiteral("retryFailedButton"));
    m_retryButton->setToolTip(tr("Look the failed desktops up again and offer those that still exist"));
    m_exportButton->setObjectName(QStringLiteral("exportResultsButton"));
    m_exportButton->setToolTip(tr("Save the result of every desktop of the selected deletion as CSV"));
    m_exportAllButton->setObjectName(QStringLiteral("exportAllResultsButton"));
    m_exportAllButton->setToolTip(
        tr("Save the results of every deletion in this list as one CSV file, retries included, oldest first"));
    m_exportNote->setObjectName(QStringLiteral("exportNote"));
    m_exportNote->setAccessibleName(tr("Export result"));
    m_exportNote->setWordWrap(true);
    m_exportNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_exportNote->hide();
    m_notice->setObjectName(QStringLiteral("resumeNotice"));
    m_notice->setAccessibleName(tr("Resumed deletions"));
    m_notice->setWordWrap(true);
    m_notice->setContentsMargins(8, 4, 8, 4);
    m_notice->hide();
    m_copyButton->setAccessibleDescription(m_copyButton->toolTip());
    m_retryButton->setAccessibleDescription(m_retryButton->toolTip());
    m_exportButton->setAccessibleDescription(m_exportButton->toolTip());
    m_exportAllButton->setAccessibleDescription(m_exportAllButton->toolTip());

    auto *content = new QWidget(this);
    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_retryButton);
    top->addWidget(m_exportButton);
    top->addWidget(m_exportAllButton);
    auto *errorRow = new QHBoxLayout;
    errorRow->addWidget(m_error, 1);
    errorRow->addWidget(m_copyButton, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->addWidget(m_notice);
    layout->addLayout(top);
    layout->addLayout(errorRow);
    layout->addWidget(m_exportNote);
    layout->addWidget(m_view, 1);
    setWidget(content);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (DeletionRun *run = m_model->runFor(current))
                    m_current = run;
                updateDetails();
            });
    connect(model, &QAbstractItemModel::dataChanged, this, &JobsPanel::updateDetails);
    connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent, int, int last) {
        // A new deletion becomes the current one and is shown expanded only when it is small.
        if (parent.isValid())
            return;
        setCurrentRun(m_model->runAt(last));
    });
    connect(m_retryButton, &QPushButton::clicked, this, [this] {
        if (DeletionRun *run = retryableRun())
            Q_EMIT retryFailedRequested(run);
    });
    connect(m_exportButton, &QPushButton::clicked, this, [this] { chooseExportFile(ExportScope::CurrentDeletion); });
    connect(m_exportAllButton, &QPushButton::clicked, this, [this] { chooseExportFile(ExportScope::AllDeletions); });
    connect(m_copyButton, &QPushButton::clicked, this, &JobsPanel::copyError);
    updateDetails();
}

DeletionRun *JobsPanel::currentRun() const
{
    if (m_current)
        return m_current;
    return m_model->runAt(m_model->runCount() - 1);
}

void JobsPanel::setCurrentRun(DeletionRun *run)
{
    m_current = run;
    const int row = m_model->rowOfRun(run);
    if (row >= 0) {
        const QModelIndex index = m_model->index(row, 0);
        m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                             | QItemSelectionModel::Rows);
        if (m_model->rowCount(index) <= 20)
            m_view->expand(index);
        m_view->scrollTo(index);
    }
    updateDetails();
}

void JobsPanel::setRunNote(DeletionRun *run, const QString &note)
{
    m_notes.insert(run, note);
    updateDetails();
}

void JobsPanel::showResumedDeletions(const QList<DeletionRun *> &resumed, const QString &auditFilePath)
{
    m_auditFilePath = auditFilePath;
    if (resumed.isEmpty()) {
        m_notice->hide();
        updateDetails();
        return;
    }
    QSet<QString> runIds;
    QSet<QString> followed;
    QSet<int> deletions;
    for (const DeletionRun *run : resumed) {
        if (!run->runId().isEmpty())
            runIds.insert(run->runId());
        for (const DesktopResult &row : run->result().rows())
            followed.insert(row.desktopId);
        deletions.insert(m_model->rowOfRun(run));
    }
    int notSent = 0;
    const QHash<QString, RecordedDeletion> records = RecordedDeletions::read(auditFilePath, runIds);
    for (const RecordedDeletion &record : records) {
        QList<DesktopResult> earlier;
        for (const DesktopResult &row : record.desktops) {
            if (followed.contains(row.desktopId))
                continue;
            earlier.append(row);
            if (row.outcome == DeletionOutcome::NotSent)
                ++notSent;
        }
        m_model->addEarlierPart(record.runId, record.confirmedAt, earlier);
    }
    QString text = tr("Workspace Admin is following again %Ln deletion(s) interrupted when it was last closed.",
                      nullptr, int(deletions.size()));
    if (notSent > 0) {
        text += QLatin1Char(' ')
            + tr("%Ln of their desktops were never sent a deletion request, so they were not deleted: they "
                 "are listed as not sent.",
                 nullptr, notSent);
    }
    m_notice->setText(text);
    m_notice->show();
    updateDetails();
}

QString JobsPanel::noticeText() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

QString JobsPanel::summaryText() const
{
    return m_summary->text();
}

QString JobsPanel::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void JobsPanel::updateDetails()
{
    const DeletionRun *run = currentRun();
    if (!run) {
        // Earlier sessions' deletions are not listed, but they are not nothing either.
        m_summary->setText(!m_auditFilePath.isEmpty() && QFileInfo(m_auditFilePath).size() > 0
                               ? tr("No deletions in this session. Earlier deletions and changes are "
                                    "recorded in the audit log: %1")
                                     .arg(QDir::toNativeSeparators(m_auditFilePath))
                               : tr("No deletions yet."));
        m_error->hide();
        m_copyButton->hide();
        m_retryButton->setEnabled(false);
        m_exportButton->setEnabled(false);
        m_exportAllButton->setEnabled(false);
        return;
    }
    m_summary->setText(m_model->deletionStatusText(run));
    m_retryButton->setEnabled(retryableRun() != nullptr);
    m_exportButton->setEnabled(run->result().size() > 0);
    m_exportAllButton->setEnabled(m_model->runCount() > 0);

    const ApiError &error = run->postError();
    QString text;
    if (error.isError()) {
        text = tr("A deletion request failed; the requests after it were not sent.") + QLatin1Char('\n');
        // The service's words are English: a documented code comes with its meaning first.
        const QString explanation = FailureExplanation::forCode(error.errorCode);
        if (!explanation.isEmpty())
            text += explanation + QLatin1Char('\n');
        text += error.details();
    }
    const QString note = m_notes.value(run);
    if (!note.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral("\n")) + note;
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
    m_copyButton->setVisible(!error.encodedAuthorizationMessage.isEmpty());
}

DeletionRun *JobsPanel::retryableRun() const
{
    // A deletion resumed in parts: the first finished part with failed desktops.
    const DeletionRun *current = currentRun();
    if (!current)
        return nullptr;
    for (DeletionRun *run : m_model->runsAt(m_model->rowOfRun(current))) {
        if (run->state() == DeletionRun::State::Finished && !run->result().failedDesktopIds().isEmpty())
            return run;
    }
    return nullptr;
}

QByteArray JobsPanel::resultsCsv(ExportScope scope, int *rows) const
{
    QList<DeletionRun *> runs;
    if (scope == ExportScope::AllDeletions) {
        for (int row = 0; row < m_model->runCount(); ++row)
            runs += m_model->runsAt(row);
    } else if (const DeletionRun *current = currentRun()) {
        runs = m_model->runsAt(m_model->rowOfRun(current));
        if (runs.isEmpty())
            runs.append(const_cast<DeletionRun *>(current));
    }
    // Every part under one header.
    QByteArray csv;
    int count = 0;
    for (const DeletionRun *run : std::as_const(runs)) {
        const QByteArray part = run->result().toCsv(run->plan().options());
        csv += csv.isEmpty() ? part : part.mid(part.indexOf('\n') + 1);
        count += run->result().size();
    }
    if (rows)
        *rows = count;
    return csv;
}

bool JobsPanel::exportCsv(const QString &filePath, QString *error, ExportScope scope, int *rows) const
{
    if (!currentRun()) {
        if (error)
            *error = tr("There is no deletion to export.");
        return false;
    }
    QSaveFile file(filePath);
    if (file.open(QIODevice::WriteOnly) && file.write(resultsCsv(scope, rows)) >= 0 && file.commit())
        return true;
    if (error)
        *error = file.errorString();
    return false;
}

QString JobsPanel::exportNoteText() const
{
    return m_exportNote->isHidden() ? QString() : m_exportNote->text();
}

void JobsPanel::chooseExportFile(ExportScope scope)
{
    auto *dialog = new QFileDialog(this, scope == ExportScope::AllDeletions ? tr("Export the Results of All Deletions")
                                                                            : tr("Export Deletion Results"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(tr("CSV files (*.csv)"));
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->selectFile(scope == ExportScope::AllDeletions ? QStringLiteral("all-deletion-results.csv")
                                                          : QStringLiteral("deletion-results.csv"));
    connect(dialog, &QFileDialog::fileSelected, this, [this, scope](const QString &path) { writeExport(path, scope); });
    dialog->open();
}

void JobsPanel::writeExport(const QString &path, ExportScope scope)
{
    QString error;
    int rows = 0;
    const QString shownPath = QDir::toNativeSeparators(path);
    if (exportCsv(path, &error, scope, &rows)) {
        m_exportNote->setText(tr("Exported %Ln desktop result(s) to %1.", nullptr, rows).arg(shownPath));
        m_exportNote->show();
        Q_EMIT statusMessage(m_exportNote->text());
        return;
    }
    m_exportNote->setText(tr("Could not write %1: %2").arg(shownPath, error));
    m_exportNote->show();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Export Failed"), m_exportNote->text(), QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void JobsPanel::copyError()
{
    if (const DeletionRun *run = currentRun())
        QApplication::clipboard()->setText(run->postError().encodedAuthorizationMessage);
}
