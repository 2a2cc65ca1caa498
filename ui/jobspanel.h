#pragma once

#include "deletion/deletionrun.h"

#include <QDockWidget>
#include <QHash>
#include <QPointer>

class DeletionRun;
class JobModel;
class QLabel;
class QPushButton;
class QTreeView;

// The Jobs dock: every deletion of this session (and those resumed from the journal) with an
// overall progress bar, expandable to one row per desktop. For the chosen deletion it shows the
// summary, the error of a refused or unanswered request (with a Copy button for the encoded
// authorization message of a 403), "Retry Failed" and the CSV export.
class JobsPanel : public QDockWidget
{
    Q_OBJECT
public:
    explicit JobsPanel(JobModel *model, QWidget *parent = nullptr);

    JobModel *model() const { return m_model; }
    QTreeView *treeView() const { return m_view; }
    QPushButton *retryButton() const { return m_retryButton; }
    QPushButton *exportButton() const { return m_exportButton; }
    QPushButton *exportAllButton() const { return m_exportAllButton; }
    QPushButton *copyButton() const { return m_copyButton; }

    // The deletion the summary, error and buttons refer to: the selected one, else the newest.
    DeletionRun *currentRun() const;
    void setCurrentRun(DeletionRun *run);
    // A line shown with the run's error, e.g. what the app did after an ambiguous failure.
    void setRunNote(DeletionRun *run, const QString &note);
    // After connecting: the runs the journal and the record brought back from an earlier session.
    // Each comes back as the deletion that was confirmed, with its time and the desktops the audit
    // log names that no run follows now (ended before, or never sent), under a notice that says so.
    // With none, the panel says where earlier deletions are recorded.
    void showResumedDeletions(const QList<DeletionRun *> &resumed, const QString &auditFilePath);
    QString noticeText() const;

    QString summaryText() const;
    QString errorText() const;

    // The current deletion's result as CSV (every part of one resumed in parts), or that of every
    // deletion of the panel, oldest first, retries included; and written to a file: false with a
    // translated *error, else the number of desktop rows written in *rows.
    enum class ExportScope { CurrentDeletion, AllDeletions };
    QByteArray resultsCsv(ExportScope scope = ExportScope::CurrentDeletion, int *rows = nullptr) const;
    bool exportCsv(const QString &filePath, QString *error, ExportScope scope = ExportScope::CurrentDeletion,
                   int *rows = nullptr) const;
    // Writes the export and says in the panel (and the status bar) where and how many rows, or
    // why not, as Export Results does once a file is chosen.
    void writeExport(const QString &path, ExportScope scope);
    // What the last export wrote and where, or why it failed; empty before the first.
    QString exportNoteText() const;

Q_SIGNALS:
    void retryFailedRequested(DeletionRun *run);
    // A line for the status bar: an export's outcome.
    void statusMessage(const QString &text);

private:
    void updateDetails();
    // The run "Retry Failed" starts from: the current deletion's part with failed desktops.
    DeletionRun *retryableRun() const;
    void chooseExportFile(ExportScope scope);
    void copyError();

    JobModel *m_model;
    QTreeView *m_view;
    QLabel *m_summary;
    QLabel *m_error;
    QPushButton *m_copyButton;
    QPushButton *m_retryButton;
    QPushButton *m_exportButton;
    QPushButton *m_exportAllButton;
    QLabel *m_exportNote;
    QLabel *m_notice;
    QString m_auditFilePath;
    QPointer<DeletionRun> m_current;
    QHash<const DeletionRun *, QString> m_notes;
};
