#pragma once

#include "review/changereview.h"
#include "reviewwidgets.h"

#include <QDialog>
#include <QPointer>

#include <memory>

class ComputedTableModel;
class MultiProjectChange;
class QLabel;
class QLineEdit;
class QSpinBox;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QTreeView;

// Confirms maintenance mode on or off, or logging users off: a view of the ChangeReview, like the
// deletion dialog. It names the desktops (name, id, user, state), the connected users the change
// disconnects or logs off, every selected desktop left out with its reason, and the requests
// (Preview Requests). The confirm button says the count it sends to; with nothing to send it is
// disabled. A retirement also asks for its grace period in days and an optional message to the
// users; each change makes a new review (its dates, its requests). Non-modal; confirmed() is
// emitted at most once.
class ChangeActionDialog : public QDialog {
    Q_OBJECT
public:
    explicit ChangeActionDialog(const ChangeReview& review, QWidget* parent = nullptr);
    ~ChangeActionDialog() override;

    const ChangeReview& review() const { return m_review; }
    // Names what the change acts on (a change across projects keeps naming its projects).
    void setTarget(const QString& connectionName, const QString& projectId, const QString& region);
    // A change across projects (regions): the change's combined review under a heading that says
    // how many desktops are in which region; its counts of requests and its preview are each
    // project's own. Call once, right after construction.
    void setAcrossProjects(MultiProjectChange* change);

    QString headingText() const;
    QString warningsText() const;
    QString previewText() const;
    QTreeView* desktopList() const { return m_list; }
    QTreeView* leftOutList() const { return m_leftOut->list(); }
    QLabel* leftOutNote() const { return m_leftOut->noteLabel(); }
    QPushButton* confirmButton() const { return m_confirmButton; }
    QPushButton* cancelButton() const { return m_cancelButton; }
    QPushButton* previewButton() const { return m_previewButton; }
    // A retirement's (null otherwise).
    QSpinBox* graceDaysBox() const { return m_graceDays; }
    QLineEdit* messageEdit() const { return m_messageEdit; }

Q_SIGNALS:
    void confirmed(const ChangeReview& review);

private:
    void buildLayout();
    QWidget* retirementChoices();
    void onRetirementChoicesChanged();
    bool choicesAreSendable() const;
    void present();
    void presentPreview();
    void confirm();

    ChangeReview m_review;
    QPointer<MultiProjectChange> m_acrossProjects;
    bool m_confirmed = false;
    QLabel* m_heading;
    QLabel* m_target;
    ReviewWidgets::LeftOutSection* m_leftOut;
    QLabel* m_counts;
    ComputedTableModel* m_listModel;
    QTreeView* m_list;
    QLabel* m_warnings;
    QLabel* m_message;
    QLabel* m_record;
    QSpinBox* m_graceDays = nullptr;
    QLineEdit* m_messageEdit = nullptr;
    QLabel* m_messageNote = nullptr;
    QPlainTextEdit* m_preview;
    QPushButton* m_previewButton;
    QPushButton* m_confirmButton;
    QPushButton* m_cancelButton;
    std::unique_ptr<ReviewWidgets::TargetList> m_targetList;
    std::unique_ptr<ReviewWidgets::RequestPreview> m_requestPreview;
};
