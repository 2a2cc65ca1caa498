// The one review of every change, headless: the counts every front end says, the desktops left out
// with their reasons, the impact (users removed and kept, pools, users disconnected or logged off)
// and the exact planned requests, for the mixes an administrator meets.
#include "requestbodyids.h"
#include "review/changereview.h"
#include "review/changereviewtext.h"
#include "reviewtestdesktops.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTest>

namespace {
LeftOutDesktop leftOut(const QString& id, LeftOutReason reason)
{
    LeftOutDesktop d;
    d.desktopId = id;
    d.desktopName = QStringLiteral("name-") + id;
    d.reason = reason;
    return d;
}

const QUrl kBase(QStringLiteral("https://workspace.example/v2/p/"));
} // namespace

class TestChangeReview : public QObject {
    Q_OBJECT
private:
    // 9 selected: 1 protected (the look-up's), 1 billed yearly/monthly (the review's), 7 sent.
    static ChangeReview nineWithProtectedAndYearly(ChangeReview::Choices choices = {})
    {
        ChangeReview::Facts facts;
        facts.apiBase = kBase;
        for (int i = 1; i <= 9; ++i)
            facts.requestedIds.append(QStringLiteral("d%1").arg(i));
        for (int i = 1; i <= 8; ++i)
            facts.classification.deletable.append(
                reviewDesktop(QStringLiteral("d%1").arg(i), QStringLiteral("u%1").arg(i)));
        facts.classification.deletable[2].billingMode = BillingMode::YearlyMonthly;
        facts.classification.leftOut.append(
            leftOut(QStringLiteral("d9"), LeftOutReason::Protected));
        return ChangeReview(facts, choices);
    }

private Q_SLOTS:
    void everyTextSaysTheSameCount()
    {
        const ChangeReview review = nineWithProtectedAndYearly();
        QCOMPARE(review.selectedCount(), 9);
        QCOMPARE(review.targetCount(), 7);
        QCOMPARE(review.deletionPlan().desktopIds().size(), 7);
        for (const QString& text : { ChangeReviewText::title(review),
                 ChangeReviewText::heading(review), ChangeReviewText::confirmButtonText(review),
                 ChangeReviewText::confirmationPrompt(review),
                 ChangeReviewText::countsText(review) }) {
            QVERIFY2(text.contains(QLatin1Char('7')), qPrintable(text));
            QVERIFY2(!text.contains(QLatin1Char('8')) && !text.contains(QLatin1Char('9')),
                qPrintable(text));
        }
        // Both left-out desktops are named, each with its reason, in the order asked.
        QCOMPARE(review.leftOut().size(), 2);
        QVERIFY(ChangeReviewText::leftOutSummary(review).startsWith(
            QStringLiteral("2 selected desktop")));
        const QStringList lines = ChangeReviewText::leftOutLines(review);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).startsWith(QStringLiteral("d3 (name-d3): billed yearly/monthly")),
            qPrintable(lines.at(0)));
        QVERIFY(lines.at(0).contains(QStringLiteral("unsubscribe it in the console")));
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("d9 (name-d9): protected")),
            qPrintable(lines.at(1)));
        QVERIFY(review.leavesWorkUndone());
    }

    void aWrongTypedCountSaysWhatToType()
    {
        const ChangeReview review = nineWithProtectedAndYearly();
        QVERIFY(!ChangeReviewText::confirmationMatches(review, QStringLiteral("8")));
        QVERIFY(ChangeReviewText::confirmationMatches(review, QStringLiteral(" 7 ")));
        QVERIFY(ChangeReviewText::confirmationHint(review, QString()).isEmpty());
        QVERIFY(ChangeReviewText::confirmationHint(review, QStringLiteral("7")).isEmpty());
        const QString hint = ChangeReviewText::confirmationHint(review, QStringLiteral("8"));
        QVERIFY2(hint.contains(QStringLiteral("type 7")), qPrintable(hint));
    }

    void includingYearlyMonthlyChangesEveryCount()
    {
        ChangeReview::Choices choices;
        choices.leaveOutYearlyMonthly = false;
        const ChangeReview review = nineWithProtectedAndYearly(choices);
        QCOMPARE(review.targetCount(), 8);
        QCOMPARE(review.leftOut().size(), 1);
        QCOMPARE(review.yearlyMonthlyTargetCount(), 1);
        QVERIFY(ChangeReviewText::confirmButtonText(review).contains(QLatin1Char('8')));
        QVERIFY(ChangeReviewText::warnings(review)
                    .join(QLatin1Char(' '))
                    .contains(QStringLiteral("will fail")));
        // The same facts, the dialog's tick back on: the same review as before.
        QCOMPARE(review.withChoices({}).targetIds(), nineWithProtectedAndYearly().targetIds());
    }

    void aDesktopListedTwiceIsCountedOnceAndNotLeftOut()
    {
        ChangeReview::Facts facts;
        facts.apiBase = kBase;
        facts.requestedIds = { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("a") };
        facts.classification.deletable
            = { reviewDesktop(QStringLiteral("a")), reviewDesktop(QStringLiteral("b")) };
        facts.classification.leftOut = { leftOut(QStringLiteral("a"), LeftOutReason::Duplicate) };
        const ChangeReview review(facts, {});
        QCOMPARE(review.targetCount(), 2);
        QVERIFY(review.leftOut().isEmpty());
        QVERIFY(!review.leavesWorkUndone());
        QCOMPARE(review.repeatedIds(), QStringList { QStringLiteral("a") });
        QVERIFY(ChangeReviewText::repeatedText(review).contains(QStringLiteral("a (name-a)")));
        QVERIFY(ChangeReviewText::leftOutSummary(review).isEmpty());

        // Listed once: nothing said of repeats.
        facts.requestedIds = { QStringLiteral("a"), QStringLiteral("b") };
        facts.classification.leftOut.clear();
        const ChangeReview once(facts, {});
        QVERIFY(once.repeatedIds().isEmpty());
        QVERIFY(ChangeReviewText::repeatedText(once).isEmpty());
    }

    void endMaintenanceLeavesOutWhatIsNotInMaintenance()
    {
        ChangeReview::Facts facts;
        facts.kind = ReviewedChange::EndMaintenance;
        facts.apiBase = kBase;
        facts.requestedIds
            = { QStringLiteral("on"), QStringLiteral("off"), QStringLiteral("gone") };
        Desktop on = reviewDesktop(QStringLiteral("on"));
        on.inMaintenanceMode = true;
        facts.classification.deletable = { on, reviewDesktop(QStringLiteral("off")) };
        facts.classification.leftOut = { leftOut(QStringLiteral("gone"), LeftOutReason::NotFound) };
        const ChangeReview review(facts, {});
        QCOMPARE(review.targetIds(), QStringList { QStringLiteral("on") });
        QCOMPARE(review.leftOut().size(), 2);
        QCOMPARE(review.leftOut().at(0).reason, LeftOutReason::NotInMaintenance);
        QCOMPARE(review.leftOut().at(1).reason, LeftOutReason::NotFound);
        const QList<PlannedChangeRequest> planned = review.plannedRequests();
        QCOMPARE(planned.size(), 1);
        QCOMPARE(planned.at(0).method, QByteArray("PUT"));
        QCOMPARE(review.urlOf(planned.at(0)).toString(),
            QStringLiteral("https://workspace.example/v2/p/desktops/maintenance-mode"));
        const QJsonObject body = QJsonDocument::fromJson(planned.at(0).body).object();
        QCOMPARE(desktopIdsOf(body), QStringList { QStringLiteral("on") });
        QCOMPARE(body.value(QStringLiteral("in_maintenance_mode")).toBool(true), false);
        QCOMPARE(ChangeReviewText::leftOutTally(review),
            QStringLiteral("1 × not in maintenance mode; 1 × not found"));
        // Nothing needed for "off" is no undone work; "gone" is.
        facts.classification.leftOut.clear();
        facts.requestedIds.removeLast();
        QVERIFY(!ChangeReview(facts, {}).leavesWorkUndone());
    }

    void startMaintenanceNamesTheUsersItDisconnects()
    {
        ChangeReview::Facts facts;
        facts.kind = ReviewedChange::StartMaintenance;
        facts.apiBase = kBase;
        Desktop busy = reviewDesktop(QStringLiteral("busy"), QStringLiteral("alice"));
        busy.loginStatus = QStringLiteral("CONNECTED");
        Desktop already = reviewDesktop(QStringLiteral("already"), QStringLiteral("carol"));
        already.inMaintenanceMode = true;
        facts.classification.deletable
            = { busy, reviewDesktop(QStringLiteral("idle"), QStringLiteral("bob")), already };
        facts.requestedIds
            = { QStringLiteral("busy"), QStringLiteral("idle"), QStringLiteral("already") };
        const ChangeReview review(facts, {});
        QCOMPARE(review.targetCount(), 2);
        QCOMPARE(review.leftOut().size(), 1);
        QCOMPARE(review.leftOut().at(0).reason, LeftOutReason::AlreadyInMaintenance);
        QVERIFY(!review.leavesWorkUndone());
        QCOMPARE(review.connectedUserNames(), QStringList { QStringLiteral("alice") });
        const QString warnings = ChangeReviewText::warnings(review).join(QLatin1Char('\n'));
        QVERIFY2(warnings.contains(QStringLiteral("disconnects their users: alice")),
            qPrintable(warnings));
        QVERIFY(!warnings.contains(QStringLiteral("bob")));
    }

    void logOffSendsTheMessageToEveryTarget()
    {
        ChangeReview::Facts facts;
        facts.kind = ReviewedChange::LogOff;
        facts.apiBase = kBase;
        for (int i = 0; i < 150; ++i)
            facts.classification.deletable.append(
                reviewDesktop(QStringLiteral("d%1").arg(i), QStringLiteral("u%1").arg(i)));
        facts.classification.deletable[5].loginStatus = QStringLiteral("CONNECTED");
        ChangeReview::Choices choices;
        choices.logoffMessage = QStringLiteral("Bye.");
        const ChangeReview review(facts, choices);
        const QList<PlannedChangeRequest> planned = review.plannedRequests();
        QCOMPARE(planned.size(), 2);
        QCOMPARE(review.changeRequestCount(), 2);
        QCOMPARE(planned.at(0).desktopCount, 100);
        QCOMPARE(planned.at(1).desktopCount, 50);
        QCOMPARE(planned.at(1).path, QStringLiteral("desktops/logoff"));
        QVERIFY(planned.at(0).body.contains("Bye."));
        QVERIFY(ChangeReviewText::warnings(review)
                    .join(QLatin1Char(' '))
                    .contains(QStringLiteral("logged off: u5")));
        const QString preview = ChangeReviewText::previewText(review);
        QVERIFY(preview.contains(QStringLiteral("Request 2 of 2: 50 desktop")));
    }

    void deleteUsersNamesTheUsersRemovedAndKept()
    {
        ChangeReview::Choices choices;
        choices.options.deleteUsers = true;
        ChangeReview review = nineWithProtectedAndYearly(choices);
        // u3's only desktop is left out (yearly/monthly): u3 is not touched. u1 has another
        // desktop.
        review = review.withUsersDesktops(
            { reviewDesktop(QStringLiteral("elsewhere"), QStringLiteral("u1")) },
            ChangeReview::UsersListing::Complete);
        QVERIFY(review.users().kept.contains(QStringLiteral("u1")));
        QVERIFY(!review.users().kept.contains(QStringLiteral("u3")));
        QVERIFY(review.users().deleted.contains(QStringLiteral("u2")));
        QVERIFY(!review.users().deleted.contains(QStringLiteral("u3")));
        const QStringList lines = ChangeReviewText::usersLines(review);
        QVERIFY(lines.at(0).startsWith(QStringLiteral("Users removed (no other desktop): u2, u4")));
        QCOMPARE(lines.at(1), QStringLiteral("Users kept (they have another desktop): u1"));
        const QStringList failed = ChangeReviewText::usersLines(review.withUsersDesktops(
            {}, ChangeReview::UsersListing::Failed, QStringLiteral("Timed out.")));
        QVERIFY(failed.last().endsWith(QStringLiteral("Timed out.")));
        // Without the option nothing is said of users.
        QVERIFY(ChangeReviewText::usersLines(review.withChoices({})).isEmpty());
    }

    void poolsThatMayScaleAreTurnedOffFirst()
    {
        ChangeReview::Facts facts;
        facts.apiBase = kBase;
        Desktop pooled = reviewDesktop(QStringLiteral("p1"));
        pooled.poolId = QStringLiteral("pool-dev");
        facts.classification.deletable = { pooled, reviewDesktop(QStringLiteral("x")) };
        DesktopPool pool;
        pool.id = QStringLiteral("pool-dev");
        pool.name = QStringLiteral("Developers");
        pool.autoscaleEnabled = true;
        const ChangeReview review = ChangeReview(facts, {}).withPools({ pool });
        QCOMPARE(review.scalingPools().size(), 1);
        QList<PlannedChangeRequest> planned = review.plannedRequests();
        QCOMPARE(planned.size(), 2);
        QCOMPARE(planned.at(0).method, QByteArray("PUT"));
        QCOMPARE(planned.at(0).path, QStringLiteral("desktop-pools/pool-dev"));
        QCOMPARE(planned.at(1).method, QByteArray("POST"));
        QCOMPARE(review.changeRequestCount(), 1);
        QVERIFY(ChangeReviewText::poolsLines(review).at(0).contains(
            QStringLiteral("Developers (pool-dev)")));
        ChangeReview::Choices noTurnOff;
        noTurnOff.turnAutoscaleOffFirst = false;
        planned = review.withChoices(noTurnOff).plannedRequests();
        QCOMPARE(planned.size(), 1);
        QVERIFY(ChangeReviewText::poolsLines(review.withChoices(noTurnOff))
                    .at(0)
                    .contains(QStringLiteral("may create")));
        // Without the pools' listing nothing is said of pools, nor sent.
        QVERIFY(ChangeReview(facts, {}).scalingPools().isEmpty());
    }

    void forcedDeletionNamesTheUsersItDisconnects()
    {
        ChangeReview::Facts facts;
        facts.apiBase = kBase;
        Desktop busy = reviewDesktop(QStringLiteral("busy"), QStringLiteral("alice"));
        busy.loginStatus = QStringLiteral("CONNECTED");
        facts.classification.deletable = { busy };
        facts.forceSuggested = { QStringLiteral("busy") };
        ChangeReview review(facts, {});
        QVERIFY(ChangeReviewText::warnings(review).at(0).contains(
            QStringLiteral("without “Force delete”")));
        QVERIFY(!ChangeReviewText::forceAdviceText(review).isEmpty());
        ChangeReview::Choices forced;
        forced.options.forceDelete = true;
        review = review.withChoices(forced);
        QVERIFY(ChangeReviewText::warnings(review).at(0).contains(
            QStringLiteral("disconnected: alice")));
        QVERIFY(ChangeReviewText::forceAdviceText(review)
                    .isEmpty()); // the advice goes once Force is ticked
        QVERIFY(QJsonDocument::fromJson(review.plannedRequests().at(0).body)
                    .object()
                    .value(QStringLiteral("is_force_delete"))
                    .toBool());
    }

    void aRetryLeavesOutWhatALaterRunDeleted()
    {
        ChangeReview::Facts facts;
        facts.apiBase = kBase;
        facts.requestedIds
            = { QStringLiteral("still"), QStringLiteral("gone"), QStringLiteral("slow") };
        facts.classification.deletable
            = { reviewDesktop(QStringLiteral("still")), reviewDesktop(QStringLiteral("slow")) };
        facts.classification.leftOut = { leftOut(QStringLiteral("gone"), LeftOutReason::NotFound) };
        facts.alreadyDeleted = { QStringLiteral("gone"), QStringLiteral("slow") };
        const ChangeReview review(facts, {});
        QCOMPARE(review.targetIds(), QStringList { QStringLiteral("still") });
        QCOMPARE(review.leftOut().size(), 2);
        QCOMPARE(review.leftOut().at(0).reason, LeftOutReason::AlreadyDeleted);
        QCOMPARE(review.leftOut().at(1).reason, LeftOutReason::AlreadyDeleted);
        QVERIFY(!review.leavesWorkUndone());
    }

    void tenThousandDesktopsAreReviewedQuickly()
    {
        ChangeReview::Facts facts;
        facts.apiBase = kBase;
        for (int i = 0; i < 10000; ++i) {
            Desktop d = reviewDesktop(QStringLiteral("d%1").arg(i), QStringLiteral("u%1").arg(i));
            if (i % 29 == 0)
                d.billingMode = BillingMode::YearlyMonthly;
            facts.requestedIds.append(d.id);
            facts.classification.deletable.append(d);
        }
        QElapsedTimer timer;
        timer.start();
        const ChangeReview review(facts, {});
        ChangeReview::Choices choices;
        choices.leaveOutYearlyMonthly = false;
        const ChangeReview included = review.withChoices(choices);
        // Generous: a dialog toggles this on a click; the benchmark measures the window as a whole.
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(review.targetCount() + int(review.leftOut().size()), 10000);
        QCOMPARE(included.targetCount(), 10000);
        QCOMPARE(review.leftOut().size(), qsizetype(345));
        QVERIFY(ChangeReviewText::confirmButtonText(review).contains(
            QLocale().toString(review.targetCount())));
    }
};

QTEST_GUILESS_MAIN(TestChangeReview)
#include "tst_changereview.moc"
