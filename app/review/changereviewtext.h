#pragma once

#include "review/changereview.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// Every sentence a front end shows of a ChangeReview, translated, in one place: the dialogs put
// them in their labels, the CLI's dry run prints them, so a count said in one is the count said in
// all. namesShown cuts long lists of names ("… and 12 more"); kAllNames prints every name.
class ChangeReviewText {
    Q_DECLARE_TR_FUNCTIONS(ChangeReviewText)
public:
    static constexpr int kAllNames = -1;

    // "Delete 7 Desktops"
    static QString title(const ChangeReview& review);
    // "Delete 7 desktops? Deletion cannot be undone."
    static QString heading(const ChangeReview& review);
    // "&Delete 7 Desktops"
    static QString confirmButtonText(const ChangeReview& review);
    // What to type to confirm a deletion, and what to say when the typed text is not it (empty
    // when it matches or nothing is typed yet).
    static QString confirmationPrompt(const ChangeReview& review);
    static bool confirmationMatches(const ChangeReview& review, const QString& typed);
    static QString confirmationHint(const ChangeReview& review, const QString& typed);

    // "2 selected desktops are left out." (empty when none is)
    static QString leftOutSummary(const ChangeReview& review);
    // One line per left-out desktop: "<id> (<name>): <reason>".
    static QStringList leftOutLines(const ChangeReview& review);
    // The reasons with how many desktops each holds back: "7,000 × not in maintenance mode; 1 × not
    // found", for a line of its own (a status bar) where the list does not fit.
    static QString leftOutTally(const ChangeReview& review);
    // "Listed more than once, counted once: <id> (<name>), …" (empty when nothing was repeated).
    static QString repeatedText(const ChangeReview& review);
    // "7 desktops · 2 in use · 0 billed yearly/monthly · sent in 1 request"
    static QString countsText(const ChangeReview& review);
    // What the change does to the users and what may go wrong, one sentence each.
    static QStringList warnings(const ChangeReview& review, int namesShown = kAllNames);
    // A retirement's: its dates, the users logged off or disconnected, its message.
    static QStringList retirementLines(const ChangeReview& review, const QString& users);
    // With *delete users*: the users removed, the users kept, and how complete that is.
    static QStringList usersLines(const ChangeReview& review, int namesShown = kAllNames);
    // With *delete users*: the groups attached to the desktops, which are not deleted with them
    // (empty when there are none).
    static QString groupsLine(const ChangeReview& review);
    // The pools that may create new desktops after the deletion, and what is done about them.
    static QStringList poolsLines(const ChangeReview& review);
    // A retry: those that failed because a user was connected, while Force is not ticked.
    static QString forceAdviceText(const ChangeReview& review);
    // Every planned request: a comment line, the method and URL, the body (indented when asked).
    static QString previewText(const ChangeReview& review, bool indentBodies = true);
    // "Dry run: nothing is sent. …" for the CLI.
    static QString dryRunSummary(const ChangeReview& review);

    static QString namesText(const QStringList& names, int namesShown);
};
