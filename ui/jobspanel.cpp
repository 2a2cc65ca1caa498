#include "jobspanel.h"

#include "jobmodel.h"
#include "progressdelegate.h"

#include "deletion/deletionrun.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
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
    m_copyButton->setAccessibleDescription(m_copyButton->toolTip());
    m_retryButton->setAccessibleDescription(m_retryButton->toolTip());
    m_exportButton->setAccessibleDescription(m_exportButton->toolTip());

    auto *content = new QWidget(this);
    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_retryButton);
    top->addWidget(m_exportButton);
    auto *errorRow = new QHBoxLayout;
    errorRow->addWidget(m_error, 1);
    errorRow->addWidget(m_copyButton, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->addLayout(top);
    layout->addLayout(errorRow);
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
    connect(m_exportButton, &QPushButton::clicked, this, &JobsPanel::chooseExportFile);
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
        m_summary->setText(tr("No deletions yet."));
        m_error->hide();
        m_copyButton->hide();
        m_retryButton->setEnabled(false);
        m_exportButton->setEnabled(false);
        return;
    }
    m_summary->setText(m_model->deletionStatusText(run));
    m_retryButton->setEnabled(retryableRun() != nullptr);
    m_exportButton->setEnabled(run->result().size() > 0);

    const ApiError &error = run->postError();
    QString text;
    if (error.isError())
        text = tr("A deletion request failed; the requests after it were not sent.") + QLatin1Char('\n')
            + error.details();
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

QByteArray JobsPanel::resultsCsv() const
{
    const DeletionRun *current = currentRun();
    if (!current)
        return {};
    QList<DeletionRun *> runs = m_model->runsAt(m_model->rowOfRun(current));
    if (runs.isEmpty())
        runs.append(const_cast<DeletionRun *>(current));
    // Every part of the deletion under one header.
    QByteArray csv;
    for (const DeletionRun *run : std::as_const(runs)) {
        const QByteArray part = run->result().toCsv(run->plan().options());
        csv += csv.isEmpty() ? part : part.mid(part.indexOf('\n') + 1);
    }
    return csv;
}

bool JobsPanel::exportCsv(const QString &filePath, QString *error) const
{
    if (!currentRun()) {
        if (error)
            *error = tr("There is no deletion to export.");
        return false;
    }
    QSaveFile file(filePath);
    if (file.open(QIODevice::WriteOnly) && file.write(resultsCsv()) >= 0 && file.commit())
        return true;
    if (error)
        *error = file.errorString();
    return false;
}

void JobsPanel::chooseExportFile()
{
    auto *dialog = new QFileDialog(this, tr("Export Deletion Results"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(tr("CSV files (*.csv)"));
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->selectFile(QStringLiteral("deletion-results.csv"));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QString error;
        if (exportCsv(path, &error))
            return;
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Export Failed"),
                                    tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), error),
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    dialog->open();
}

void JobsPanel::copyError()
{
    if (const DeletionRun *run = currentRun())
        QApplication::clipboard()->setText(run->postError().encodedAuthorizationMessage);
}
