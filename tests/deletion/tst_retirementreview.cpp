// The review of a retirement and a restore, headless: who is retired and who is left out with
// which reason, the users logged off, the retirement's dates, and exactly the requests the
// retirement run sends (the same batches and order, the run built from the review).
#include "decommission/retirementstate.h"
#include "requestbodyids.h"
#include "review/changereview.h"
#include "review/changereviewtext.h"
#include "review/reviewedretirement.h"
#include "reviewtestdesktops.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {
const QDate kToday(2026, 12, 7);
const QUrl kBase(QStringLiteral("https://workspace.example/v2/p/"));

QList<QPair<QString, QString>> retiringTags(const QString& retiredOn, const QString& after)
{
    return { { QStringLiteral("team"), QStringLiteral("sales") },
        { Retirement::retiredOnKey(), retiredOn }, { Retirement::retireAfterKey(), after } };
}

ChangeReview reviewOf(ReviewedChange kind, const QStringList& requested,
    const QList<Desktop>& found, const QList<LeftOutDesktop>& lookUpLeftOut = {},
    ChangeReview::Choices choices = {})
{
    ChangeReview::Facts facts;
    facts.kind = kind;
    facts.apiBase = kBase;
    facts.requestedIds = requested;
    facts.classification.deletable = found;
    facts.classification.leftOut = lookUpLeftOut;
    facts.todayUtc = kToday;
    return ChangeReview(facts, choices);
}

QHash<QString, LeftOutReason> reasonsOf(const ChangeReview& review)
{
    QHash<QString, LeftOutReason> reasons;
    for (const LeftOutDesktop& desktop : review.leftOut())
        reasons.insert(desktop.desktopId, desktop.reason);
    return reasons;
}

QStringList idsIn(const QByteArray& body)
{
    return desktopIdsOf(QJsonDocument::fromJson(body).object());
}
} // namespace

class TestRetirementReview : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void retireLeavesOutWithReasons()
    {
        QList<Desktop> found;
        for (int i = 1; i <= 7; ++i)
            found.append(reviewDesktop(QStringLiteral("d%1").arg(i), QStringLiteral("u%1").arg(i)));
        found[1].billingMode = BillingMode::YearlyMonthly;
        found[2].tags = retiringTags(QStringLiteral("2026-11-01"), QStringLiteral("2026-12-01"));
        for (int t = 0; t < 19; ++t) // 19 of its own + 2 would pass the limit of 20
            found[3].tags.append({ QStringLiteral("k%1").arg(t), QString() });
        for (int t = 0; t < 18; ++t) // 18 + 2 fits
            found[4].tags.append({ QStringLiteral("k%1").arg(t), QString() });
        found[5].loginStatus = QStringLiteral("CONNECTED");
        LeftOutDesktop missing;
        missing.desktopId = QStringLiteral("gone");
        missing.reason = LeftOutReason::NotFound;
        LeftOutDesktop guarded;
        guarded.desktopId = QStringLiteral("guarded");
        guarded.reason = LeftOutReason::Protected;
        LeftOutDesktop deleting;
        deleting.desktopId = QStringLiteral("deleting");
        deleting.reason = LeftOutReason::BeingDeleted;
        const QStringList requested { QStringLiteral("d1"), QStringLiteral("d2"),
            QStringLiteral("d3"), QStringLiteral("d4"), QStringLiteral("d5"), QStringLiteral("d6"),
            QStringLiteral("d7"), QStringLiteral("gone"), QStringLiteral("guarded"),
            QStringLiteral("deleting"), QStringLiteral("d1") };
        ChangeReview::Choices choices;
        choices.graceDays = 30;
        choices.logoffMessage = QStringLiteral("Retired: ask IT to bring it back.");
        const ChangeReview review = reviewOf(
            ReviewedChange::Retire, requested, found, { missing, guarded, deleting }, choices);

        QCOMPARE(review.selectedCount(), 10);
        QCOMPARE(review.targetIds(),
            QStringList({ QStringLiteral("d1"), QStringLiteral("d5"), QStringLiteral("d6"),
                QStringLiteral("d7") }));
        const QHash<QString, LeftOutReason> reasons = reasonsOf(review);
        QCOMPARE(reasons.size(), 6);
        QCOMPARE(reasons.value(QStringLiteral("d2")), LeftOutReason::YearlyMonthly);
        QCOMPARE(reasons.value(QStringLiteral("d3")), LeftOutReason::AlreadyRetiring);
        QCOMPARE(reasons.value(QStringLiteral("d4")), LeftOutReason::TagLimit);
        QCOMPARE(reasons.value(QStringLiteral("gone")), LeftOutReason::NotFound);
        QCOMPARE(reasons.value(QStringLiteral("guarded")), LeftOutReason::Protected);
        QCOMPARE(reasons.value(QStringLiteral("deleting")), LeftOutReason::BeingDeleted);
        QCOMPARE(review.repeatedIds(), QStringList { QStringLiteral("d1") });
        // Yearly/monthly desktops are unsubscribed in the console: the reason says so.
        QVERIFY(ChangeReviewText::leftOutLines(review).join(u'\n').contains(
            QStringLiteral("unsubscribe it in the console")));

        // The connected user is named as logged off with the message; the dates are said.
        QCOMPARE(review.connectedUserNames(), QStringList { QStringLiteral("u6") });
        const QString warnings = ChangeReviewText::warnings(review).join(u'\n');
        QVERIFY2(warnings.contains(QStringLiteral("logged off with the message: u6")),
            qPrintable(warnings));
        QVERIFY2(warnings.contains(QStringLiteral("2026-12-07")), qPrintable(warnings));
        QVERIFY2(warnings.contains(QStringLiteral("2027-01-06")), qPrintable(warnings));
        QCOMPARE(review.retireAfter(), QDate(2027, 1, 6));
        QVERIFY(ChangeReviewText::heading(review).contains(QStringLiteral("2027-01-06")));
        QVERIFY(ChangeReviewText::title(review).startsWith(QStringLiteral("Retire 4 Desktop")));
    }

    void retirePlansTheRunsRequestsInItsOrder()
    {
        QList<Desktop> found;
        QStringList requested;
        for (int i = 0; i < 130; ++i) {
            found.append(reviewDesktop(QStringLiteral("d%1").arg(i)));
            requested.append(found.last().id);
        }
        ChangeReview::Choices choices;
        choices.graceDays = 0;
        choices.logoffMessage = QStringLiteral("Bye");
        const ChangeReview review = reviewOf(ReviewedChange::Retire, requested, found, {}, choices);
        const QList<PlannedChangeRequest> planned = review.plannedRequests();
        // Two batches (100 + 30), each: maintenance on, log-off, tags, os-stop.
        QCOMPARE(planned.size(), 8);
        QCOMPARE(review.changeRequestCount(), 8);
        const QStringList paths { QStringLiteral("desktops/maintenance-mode"),
            QStringLiteral("desktops/logoff"), QStringLiteral("desktops/batch-tags"),
            QStringLiteral("desktops/action") };
        for (int i = 0; i < planned.size(); ++i) {
            QCOMPARE(planned.at(i).path, paths.at(i % 4));
            QCOMPARE(planned.at(i).desktopCount, i < 4 ? 100 : 30);
            QCOMPARE(idsIn(planned.at(i).body), requested.mid(i < 4 ? 0 : 100, 100));
        }
        const QJsonObject tags = QJsonDocument::fromJson(planned.at(2).body).object();
        const QJsonArray firstTags = tags.value(QStringLiteral("desktops"))
                                         .toArray()
                                         .first()
                                         .toObject()
                                         .value(QStringLiteral("tags"))
                                         .toArray();
        QCOMPARE(firstTags.size(), 2);
        // Grace 0: due today.
        QCOMPARE(firstTags.at(1).toObject().value(QStringLiteral("value")).toString(),
            QStringLiteral("2026-12-07"));
        QCOMPARE(QJsonDocument::fromJson(planned.at(3).body)
                     .object()
                     .value(QStringLiteral("op_type"))
                     .toString(),
            QStringLiteral("os-stop"));

        // The run built from the review plans the same.
        auto run = std::unique_ptr<RetirementRun>(
            retirementRunFor(nullptr, nullptr, DeletionContext(), review));
        QVERIFY(run);
        QCOMPARE(run->mode(), RetirementRun::Mode::Retire);
        QCOMPARE(run->retirementTags(), review.retirementTags());
        QCOMPARE(run->steps().size(), 4);
        QVERIFY(ChangeReviewText::previewText(review).contains(QStringLiteral("Log-off")));

        // Without a message there is no log-off request.
        choices.logoffMessage.clear();
        QCOMPARE(review.withChoices(choices).plannedRequests().size(), 6);
    }

    void restoreLeavesOutWhatIsNotRetiring()
    {
        QList<Desktop> found { reviewDesktop(QStringLiteral("a")),
            reviewDesktop(QStringLiteral("b")), reviewDesktop(QStringLiteral("c")),
            reviewDesktop(QStringLiteral("d")) };
        found[0].tags = retiringTags(QStringLiteral("2026-11-01"), QStringLiteral("2026-12-01"));
        found[2].tags = retiringTags(QStringLiteral("2026-11-02"), QStringLiteral("2026-12-02"));
        found[3].tags = retiringTags(QStringLiteral("2026-11-01"), QStringLiteral("2026-12-01"));
        found[3].billingMode = BillingMode::YearlyMonthly; // tagged by hand: restored all the same
        LeftOutDesktop deleting;
        deleting.desktopId = QStringLiteral("e");
        deleting.reason = LeftOutReason::BeingDeleted;
        const ChangeReview review = reviewOf(ReviewedChange::Restore,
            { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d"),
                QStringLiteral("e"), QStringLiteral("a") },
            found, { deleting });
        QCOMPARE(review.targetIds(),
            QStringList({ QStringLiteral("a"), QStringLiteral("c"), QStringLiteral("d") }));
        QCOMPARE(reasonsOf(review).value(QStringLiteral("b")), LeftOutReason::NotRetiring);
        QCOMPARE(reasonsOf(review).value(QStringLiteral("e")), LeftOutReason::BeingDeleted);
        QCOMPARE(review.repeatedIds(), QStringList { QStringLiteral("a") });
        // Not retiring needs nothing: no work left undone by it alone.
        QVERIFY(review.leavesWorkUndone()); // the one being deleted

        // Maintenance off, os-start, then the tags removed once per distinct set of values.
        const QList<PlannedChangeRequest> planned = review.plannedRequests();
        QCOMPARE(planned.size(), 4);
        QCOMPARE(planned.at(0).path, QStringLiteral("desktops/maintenance-mode"));
        QCOMPARE(planned.at(1).path, QStringLiteral("desktops/action"));
        QCOMPARE(planned.at(2).method, QByteArray("DELETE"));
        QCOMPARE(
            idsIn(planned.at(2).body), QStringList({ QStringLiteral("a"), QStringLiteral("d") }));
        QCOMPARE(idsIn(planned.at(3).body), QStringList { QStringLiteral("c") });
        // Only the tool's own tags are removed, never the others.
        QVERIFY(!planned.at(2).body.contains("team"));
        QVERIFY(ChangeReviewText::title(review).startsWith(QStringLiteral("Restore 3 Desktop")));
    }

    void badGracePeriodIsSaid()
    {
        ChangeReview::Choices choices;
        choices.graceDays = RetirementRun::kMaxGraceDays + 1;
        const ChangeReview review = reviewOf(ReviewedChange::Retire, { QStringLiteral("a") },
            { reviewDesktop(QStringLiteral("a")) }, {}, choices);
        QVERIFY(!review.graceDaysValid());
        QVERIFY(ChangeReviewText::warnings(review).join(u'\n').contains(QStringLiteral("0 to")));
    }
};

QTEST_GUILESS_MAIN(TestRetirementReview)
#include "tst_retirementreview.moc"
