#pragma once

#include "api/workspacetypes.h"
#include "deletion/deletionplan.h"

#include <QDialog>
#include <QList>
#include <QUrl>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

// Confirms an irreversible batch deletion: the three API options, the desktops with their risks,
// and a typed count. Non-modal (open()/show(), never exec()) so that tests drive it headless with
// QTest. deletionConfirmed() is emitted at most once per dialog, whatever is clicked or pressed.
class DeletionDialog : public QDialog
{
    Q_OBJECT
public:
    // batchDeleteUrl is only shown in the request preview.
    DeletionDialog(const QList<Desktop> &desktops, const QUrl &batchDeleteUrl, QWidget *parent = nullptr);

    // An extra line above the list, e.g. why some selected desktops are left out.
    void setNote(const QString &note);
    QString noteText() const;

    QStringList desktopIds() const;
    BatchDeleteOptions options() const;
    DeletionPlan plan() const;
    bool isConfirmed() const { return m_confirmed; }

    QCheckBox *deleteUsersBox() const { return m_deleteUsers; }
    QCheckBox *emailBox() const { return m_email; }
    QCheckBox *forceBox() const { return m_force; }
    QLineEdit *confirmationField() const { return m_confirmation; }
    QPushButton *deleteButton() const { return m_deleteButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QPushButton *previewButton() const { return m_previewButton; }
    QTreeWidget *desktopList() const { return m_list; }
    QString countsText() const;
    QString warningsText() const;
    // Every request the deletion will send: method, URL and JSON body. Never a credential.
    QString previewText() const;

Q_SIGNALS:
    void deletionConfirmed(const DeletionPlan &plan);

private:
    void updateState();
    void updatePreview();
    void confirm();

    QList<Desktop> m_desktops;
    QUrl m_batchDeleteUrl;
    bool m_confirmed = false;
    QStringList m_warningLines;

    QCheckBox *m_deleteUsers;
    QCheckBox *m_email;
    QCheckBox *m_force;
    QLabel *m_forceWarning;
    QLabel *m_note;
    QLabel *m_counts;
    QTreeWidget *m_list;
    QLabel *m_warnings;
    QLabel *m_confirmationLabel;
    QLineEdit *m_confirmation;
    QPlainTextEdit *m_preview;
    QPushButton *m_previewButton;
    QPushButton *m_deleteButton;
    QPushButton *m_cancelButton;
};
