#pragma once

#include "api/decommissionjson.h"
#include "api/workspacetypes.h"
#include "deletion/deletionclassification.h"
#include "deletion/deletionplan.h"
#include "review/changereview.h"
#include "reviewwidgets.h"

#include <QDialog>
#include <QList>
#include <QPointer>
#include <QUrl>

#include <memory>

class QCheckBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QToolButton;
class QTreeView;
class ComputedTableModel;
class MultiProjectChange;

// Confirms an irreversible batch deletion: a view of a ChangeReview. Every count, list, warning and
// request it shows is the review's (ChangeReviewText); its check boxes are the review's choices
// (the three API options, leaving out the desktops billed yearly/monthly, turning autoscale off
// first), and each change of them makes a new review. The typed count is the review's target
// count. Its lists are views over computed models, so that 10,000 desktops open as fast as ten;
// its body scrolls and the request preview has a bounded height, so that the confirmation and the
// buttons stay on the screen. Non-modal (open()/show(), never exec()) so that tests drive it
// headless with QTest. deletionConfirmed() is emitted at most once per dialog.
class DeletionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DeletionDialog(const ChangeReview &review, QWidget *parent = nullptr);
    // The desktops as given, all of them eligible (no look-up): for tests and previews.
    DeletionDialog(const QList<Desktop> &desktops, const QUrl &batchDeleteUrl, QWidget *parent = nullptr);
    ~DeletionDialog() override;

    // The review as the dialog's choices stand: what deletionConfirmed() hands over.
    const ChangeReview &review() const { return m_review; }
    // New facts (the users' desktops, the pools): the dialog's choices stay.
    void setReview(const ChangeReview &review);

    // A deletion across projects (regions): the dialog shows the change's combined review under a
    // heading that says how many desktops are in which region, and its counts of requests and its
    // preview are each project's own; the check boxes set the choices of every project. Ticking
    // *Delete users* asks for usersDesktopsNeeded() (the change looks each project's users up in
    // that project), and the users are shown project by project as the change learns them. Call
    // once, right after construction.
    void setAcrossProjects(MultiProjectChange *change);
    MultiProjectChange *acrossProjects() const;

    // A section of the caller's above the left-out desktops, in the scrolling body (the due
    // deletion's kept desktops); the dialog takes it over.
    void addReviewSection(QWidget *section);
    // An extra line in place of the left-out count.
    void setNote(const QString &note);
    QString noteText() const;
    // Replaces the left-out desktops of the look-up (tests; the review has them).
    void setLeftOut(const QList<LeftOutDesktop> &desktops);
    QList<LeftOutDesktop> leftOut() const { return m_review.leftOut(); }
    QTreeView *leftOutList() const { return m_leftOut->list(); }
    QToolButton *leftOutToggle() const { return m_leftOut->toggle(); }
    // Names what the deletion acts on: the connection (profile name, may be empty), the project
    // and the region. By default the project and host are read from the review's API address; a
    // change across projects keeps naming its projects.
    void setTarget(const QString &connectionName, const QString &projectId, const QString &region);
    QString targetText() const;

    // The users' other desktops as far as known, and how complete that is (see ChangeReview).
    void setUsersDesktops(const QList<Desktop> &usersDesktops);
    enum class UsersLookUpState { InProgress, Complete, Failed };
    void setUsersLookUpState(UsersLookUpState state, const QString &failure = QString());
    QString usersText() const;
    QGroupBox *usersSection() const { return m_usersSection; }
    void setScalingPools(const QList<DesktopPool> &pools);
    QString poolsWarningText() const;
    QList<DesktopPool> poolsToStopScaling() const { return m_review.poolsToStop(); }
    QCheckBox *turnAutoscaleOffBox() const { return m_turnAutoscaleOff; }
    QCheckBox *leaveOutYearlyMonthlyBox() const { return m_leaveOutYearlyMonthly; }
    // Retry Failed: these desktops failed because a user was connected; Force is suggested.
    void setForceSuggested(const QStringList &desktopIds);
    QString retryAdviceText() const;

    QStringList desktopIds() const { return m_review.targetIds(); }
    BatchDeleteOptions options() const { return m_review.choices().options; }
    DeletionPlan plan() const { return m_review.deletionPlan(); }
    bool isConfirmed() const { return m_confirmed; }

    QCheckBox *deleteUsersBox() const { return m_deleteUsers; }
    QCheckBox *emailBox() const { return m_email; }
    QCheckBox *forceBox() const { return m_force; }
    QLineEdit *confirmationField() const { return m_confirmation; }
    QLabel *confirmationHint() const { return m_confirmationHint; }
    QPushButton *deleteButton() const { return m_deleteButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QPushButton *previewButton() const { return m_previewButton; }
    QTreeView *desktopList() const { return m_list; }
    QString headingText() const;
    QString countsText() const;
    QString warningsText() const;
    // Every request the deletion will send: method, URL and JSON body. Never a credential.
    QString previewText() const;

Q_SIGNALS:
    void deletionConfirmed(const DeletionPlan &plan);
    void usersDesktopsNeeded();

private:
    // Layout only: the widgets and where they sit.
    void buildLayout();
    QWidget *buildOptions();
    void connectControls();
    // The review as the check boxes say, then shown.
    void applyChoices();
    // Everything the dialog shows, from m_review; the list only when its desktops changed.
    void present(bool targetsChanged);
    void updateConfirmation();
    void presentPreview();
    void confirm();

    ChangeReview m_review;
    QPointer<MultiProjectChange> m_acrossProjects;
    QString m_explicitNote;
    bool m_usersDesktopsAsked = false;
    bool m_confirmed = false;

    QCheckBox *m_deleteUsers;
    QCheckBox *m_email;
    QCheckBox *m_force;
    QLabel *m_forceWarning;
    QLabel *m_heading;
    QCheckBox *m_leaveOutYearlyMonthly;
    QLabel *m_leaveOutExplanation = nullptr;
    QGroupBox *m_usersSection;
    QLabel *m_usersLabel;
    QLabel *m_poolsWarning;
    QCheckBox *m_turnAutoscaleOff;
    QLabel *m_retryAdvice;
    QLabel *m_target;
    ReviewWidgets::LeftOutSection *m_leftOut;
    QLabel *m_counts;
    ComputedTableModel *m_listModel;
    QTreeView *m_list;
    QLabel *m_warnings;
    QLabel *m_confirmationLabel;
    QLineEdit *m_confirmation;
    QLabel *m_confirmationHint;
    QPlainTextEdit *m_preview;
    QPushButton *m_previewButton;
    QPushButton *m_deleteButton;
    QPushButton *m_cancelButton;
    QScrollArea *m_body;
    std::unique_ptr<ReviewWidgets::TargetList> m_targetList;
    std::unique_ptr<ReviewWidgets::RequestPreview> m_requestPreview;
};
