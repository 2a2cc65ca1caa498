#pragma once

#include "review/changereview.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QWidget>

class ComputedTableModel;
class MultiProjectChange;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;
class QTreeView;

// The pieces the confirmation dialogs of a ChangeReview share, layout only: what they show comes
// from the review.
namespace ReviewWidgets {

// A grey line of explanation, indented under a check box's text.
QLabel* explanation(const QString& text, QWidget* parent);
// A tinted strip for warnings (rich text: callers escape what they put in).
QLabel* warningStrip(QWidget* parent);
// Lines as the paragraphs of a warning strip, each with a warning sign, escaped.
QString warningHtml(const QStringList& lines);
// A flat list over a computed model, for thousands of rows.
QTreeView* listView(ComputedTableModel* model, QWidget* parent);

// The selected desktops a change leaves out: a count, a toggle that shows the list (collapsed at
// first) and the list of names, ids and reasons.
class LeftOutSection : public QWidget {
    Q_OBJECT
public:
    explicit LeftOutSection(QWidget* parent = nullptr);
    // An explicit note replaces the count (empty: the count).
    void present(const ChangeReview& review, const QString& note = QString());
    QLabel* noteLabel() const { return m_note; }
    QToolButton* toggle() const { return m_toggle; }
    QTreeView* list() const { return m_list; }
    QList<LeftOutDesktop> leftOut() const { return m_leftOut; }

private:
    QLabel* m_note;
    QLabel* m_repeated;
    QToolButton* m_toggle;
    QTreeView* m_list;
    ComputedTableModel* m_model;
    QList<LeftOutDesktop> m_leftOut;
};

// The desktops a change is sent to: name, id, user, status, login status and a last column of the
// change's own (billing for a deletion, maintenance mode otherwise); a warning icon marks what
// needs attention (in use; billed yearly/monthly).
class TargetList {
public:
    TargetList(ComputedTableModel* model, QTreeView* view);
    static QStringList headers(ReviewedChange kind);
    // A change across projects: each desktop's region (by id), shown in a column beside its name,
    // where names alone may repeat from one region to another.
    void setRegions(QHash<QString, QString> regionOfDesktop);
    void present(const ChangeReview& review);

private:
    void sizeColumns();

    ComputedTableModel* m_model;
    QTreeView* m_view;
    QList<Desktop> m_targets;
    QHash<QString, QString> m_regionOfDesktop;
};

// Each target desktop's region in a change across projects (a desktop id found in two projects
// names both).
QHash<QString, QString> regionsOfTargets(const MultiProjectChange& change);
// What a change across projects acts on: its projects, each with its region.
QString projectsTargetText(const MultiProjectChange& change);

// The planned requests, hidden until its button is toggled on, then shown in a scrolling text
// area of bounded height: the dialog never grows past the screen.
class RequestPreview {
public:
    RequestPreview(QPlainTextEdit* text, QPushButton* button);
    // Across projects each project sends its own requests, to its own URL: the change's preview
    // is shown instead of the review's.
    void setAcrossProjects(MultiProjectChange* change);
    void present(const ChangeReview& review);
    QString text(const ChangeReview& review) const;

private:
    QPlainTextEdit* m_text;
    QPushButton* m_button;
    QPointer<MultiProjectChange> m_acrossProjects;
};

// The review's heading and counts; across projects (a change, not null) the heading names the
// projects' shares and the counts the requests of every project.
QString headingText(const ChangeReview& review, const MultiProjectChange* acrossProjects);
QString countsText(const ChangeReview& review, const MultiProjectChange* acrossProjects);

// What a change acts on: the project and region, and the connection's name when there is one.
// Without them (targetText(review)): the project and host of the review's API address.
QString targetText(const QString& connectionName, const QString& projectId, const QString& region);
QString targetText(const ChangeReview& review);

// Sizes a dialog to `preferred`, but never beyond the screen it is on.
void fitToScreen(QWidget* dialog, QSize preferred);

} // namespace ReviewWidgets
