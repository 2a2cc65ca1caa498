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
    QPushButton *copyButton() const { return m_copyButton; }

    // The deletion the summary, error and buttons refer to: the selected one, else the newest.
    DeletionRun *currentRun() const;
    void setCurrentRun(DeletionRun *run);
    // A line shown with the run's error, e.g. what the app did after an ambiguous failure.
    void setRunNote(DeletionRun *run, const QString &note);

    QString summaryText() const;
    QString errorText() const;

    // The current deletion's result as CSV (every part of one resumed in parts), and written to
    // a file; false with a translated *error.
    QByteArray resultsCsv() const;
    bool exportCsv(const QString &filePath, QString *error) const;

Q_SIGNALS:
    void retryFailedRequested(DeletionRun *run);

private:
    void updateDetails();
    // The run "Retry Failed" starts from: the current deletion's part with failed desktops.
    DeletionRun *retryableRun() const;
    void chooseExportFile();
    void copyError();

    JobModel *m_model;
    QTreeView *m_view;
    QLabel *m_summary;
    QLabel *m_error;
    QPushButton *m_copyButton;
    QPushButton *m_retryButton;
    QPushButton *m_exportButton;
    QPointer<DeletionRun> m_current;
    QHash<const DeletionRun *, QString> m_notes;
};
