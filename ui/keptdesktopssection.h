#pragma once

#include "decommission/duedeletion.h"

#include <QList>
#include <QString>
#include <QWidget>

class ComputedTableModel;
class DueDeletionPreparation;
class QLabel;
class QTreeView;

// Beside the review of a due deletion: what the search for due desktops found, what it warns of,
// and the retiring desktops past their date that are kept, each with the reason, so that nobody
// takes the deletion for all of them.
class KeptDesktopsSection : public QWidget {
    Q_OBJECT
public:
    explicit KeptDesktopsSection(QWidget* parent = nullptr);

    void present(const DueDeletionPreparation& preparation);

    QString summaryText() const;
    QString warningsText() const;
    QTreeView* list() const { return m_list; }
    const QList<DueDeletion::Judgement>& kept() const { return m_kept; }

private:
    QLabel* m_summary;
    QLabel* m_warnings;
    ComputedTableModel* m_model;
    QTreeView* m_list;
    QList<DueDeletion::Judgement> m_kept;
};
