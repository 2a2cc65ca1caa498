#pragma once

#include "api/decommissionjson.h"
#include "api/workspacetypes.h"
#include "decommission/deletionimpact.h"
#include "deletion/deletionclassification.h"
#include "deletion/deletionplan.h"

#include <QDialog>
#include <QList>
#include <QUrl>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QToolButton;
class QTreeView;
class ComputedTableModel;

// Confirms an irreversible batch deletion: the three API options, the desktops with their risks,
// and a typed count. It leaves out the desktops billed yearly/monthly unless told otherwise, names
// the users that *Also delete users* removes and those it keeps, and offers to turn off the
// autoscale of the pools that may create new desktops after the deletion. Its lists are views over
// computed models, so that 10,000 desktops open as fast as ten. Non-modal (open()/show(), never
// exec()) so that tests drive it headless with QTest. deletionConfirmed() is emitted at most once per dialog, whatever is clicked or pressed.
class DeletionDialog : public QDialog
{
    Q_OBJECT
public:
    // batchDeleteUrl is only shown in the request preview.
    DeletionDialog(const QList<Desktop> &desktops, const QUrl &batchDeleteUrl, QWidget *parent = nullptr);

    // An extra line above the list, e.g. why some selected desktops are left out.
    void setNote(const QString &note);
    QString noteText() const;
    // The selected desktops the deletion leaves out, listed (collapsed) under the note; when no
    // note was set, a count of them becomes the note.
    void setLeftOut(const QList<LeftOutDesktop> &desktops);
    QList<LeftOutDesktop> leftOut() const { return m_leftOutDesktops; }
    QTreeView *leftOutList() const { return m_leftOutList; }
    QToolButton *leftOutToggle() const { return m_leftOutToggle; }
    // Names what the deletion acts on: the connection (profile name, may be empty), the project
    // and the region. By default the project and host are read from the batch-delete URL.
    void setTarget(const QString &connectionName, const QString &projectId, const QString &region);
    QString targetText() const;

    // What the deletion affects besides the desktops (DeletionImpact): the users, listed while
    // *Also delete users* is ticked, and the pools that may scale, with "Turn autoscale off first".
    // usersDesktops: every desktop the caller knows of the selection's users (the table's), so that
    // a user with another desktop is named as kept. usersDesktopsNeeded() asks for them once, when
    // *Also delete users* is first ticked: finding them among 100,000 rows is not free.
    void setUsersDesktops(const QList<Desktop> &usersDesktops);
    // Whether the users' desktops given are the complete look-up's (by user name, beyond the
    // table), still being looked up, or what a failed look-up left: the dialog then says the list
    // of users may be incomplete. `failure` is the failure's sentence. Shown with the users.
    enum class UsersLookUpState { InProgress, Complete, Failed };
    void setUsersLookUpState(UsersLookUpState state, const QString &failure = QString());
    QString usersText() const;
    void setScalingPools(const QList<DesktopPool> &pools);
    QString poolsWarningText() const;
    // The pools whose autoscale is to be turned off before the deletion (empty when unticked).
    QList<DesktopPool> poolsToStopScaling() const;
    QCheckBox *turnAutoscaleOffBox() const { return m_turnAutoscaleOff; }
    // "Leave out the N desktops billed yearly/monthly": shown when there are any, ticked by default.
    QCheckBox *leaveOutYearlyMonthlyBox() const { return m_leaveOutYearlyMonthly; }
    // Retry Failed: these desktops failed because a user was connected; Force is suggested.
    void setForceSuggested(const QStringList &desktopIds);
    QString retryAdviceText() const;

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
    QTreeView *desktopList() const { return m_list; }
    QString countsText() const;
    QString warningsText() const;
    // Every request the deletion will send: method, URL and JSON body. Never a credential.
    QString previewText() const;

Q_SIGNALS:
    void deletionConfirmed(const DeletionPlan &plan);
    void usersDesktopsNeeded();

private:
    // What the leave-out tick changes: the desktops to delete, their counts, the list and the
    // users; computed once per setting, never per keystroke (a deletion may hold 10,000 desktops).
    void updateSelection();
    void updateUsers();
    // The texts and buttons that follow the counts, the options and the typed count.
    void updateState();
    void updatePreview();
    void confirm();

    QList<Desktop> m_desktops; // as given, yearly/monthly ones included
    int m_yearlyMonthlyCount = 0;
    QList<Desktop> m_toDelete; // m_desktops less what is left out
    QStringList m_toDeleteIds;
    QHash<QString, QString> m_toDeleteNames;
    int m_connectedCount = 0;
    int m_toDeleteYearlyMonthlyCount = 0;
    bool m_usersStale = true; // the users text waits for *Also delete users*
    bool m_usersDesktopsAsked = false;
    bool m_usersImpactUnknown = false; // the users' look-up failed: no user is said removed or kept
    QList<Desktop> m_usersDesktops;
    QList<DesktopPool> m_scalingPools;
    QUrl m_batchDeleteUrl;
    bool m_confirmed = false;
    QStringList m_warningLines;

    QCheckBox *m_deleteUsers;
    QCheckBox *m_email;
    QCheckBox *m_force;
    QLabel *m_forceWarning;
    QLabel *m_heading;
    QCheckBox *m_leaveOutYearlyMonthly;
    QLabel *m_usersLabel;
    QLabel *m_poolsWarning;
    QCheckBox *m_turnAutoscaleOff;
    QLabel *m_retryAdvice;
    QLabel *m_note;
    QLabel *m_target;
    QToolButton *m_leftOutToggle;
    QTreeView *m_leftOutList;
    ComputedTableModel *m_leftOutModel;
    QList<LeftOutDesktop> m_leftOutDesktops;
    QString m_explicitNote;
    QLabel *m_counts;
    QTreeView *m_list;
    ComputedTableModel *m_listModel;
    QLabel *m_warnings;
    QLabel *m_confirmationLabel;
    QLineEdit *m_confirmation;
    QPlainTextEdit *m_preview;
    QPushButton *m_previewButton;
    QPushButton *m_deleteButton;
    QPushButton *m_cancelButton;
};
