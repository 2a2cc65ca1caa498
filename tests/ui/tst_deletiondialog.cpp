// The confirmation dialog on its own: typed count, default and Escape, options in the bodies,
// warnings, and the request preview.
#include "deletiondialog.h"
#include "widgetbyname.h"

#include <QCheckBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QPlainTextEdit>
#include <QHeaderView>
#include <QToolButton>
#include <QSignalSpy>
#include <QTest>
#include <QGroupBox>
#include <QLabel>
#include <QScreen>
#include <QTreeView>

class TestDeletionDialog : public QObject
{
    Q_OBJECT
private:
    static QList<Desktop> desktops(int count)
    {
        QList<Desktop> list;
        for (int i = 0; i < count; ++i) {
            Desktop desktop;
            desktop.id = QStringLiteral("id-%1").arg(i, 3, 10, QLatin1Char('0'));
            desktop.computerName = QStringLiteral("desk-%1").arg(i);
            desktop.userName = QStringLiteral("user%1").arg(i);
            desktop.status = QStringLiteral("ACTIVE");
            desktop.loginStatus = QStringLiteral("DISCONNECTED");
            desktop.billingMode = BillingMode::PayPerUse;
            list.append(desktop);
        }
        return list;
    }
    static QUrl url() { return QUrl(QStringLiteral("https://workspace.example/v2/p/desktops/batch-delete")); }

private Q_SLOTS:
    void deleteEnabledOnlyForTheExactCount()
    {
        DeletionDialog dialog(desktops(5), url());
        dialog.show();
        QVERIFY(!dialog.deleteButton()->isEnabled());
        QTest::keyClicks(dialog.confirmationField(), QStringLiteral("4"));
        QVERIFY(!dialog.deleteButton()->isEnabled());
        dialog.confirmationField()->setText(QStringLiteral("55"));
        QVERIFY(!dialog.deleteButton()->isEnabled());
        dialog.confirmationField()->setText(QStringLiteral("five"));
        QVERIFY(!dialog.deleteButton()->isEnabled());
        dialog.confirmationField()->clear();
        QTest::keyClicks(dialog.confirmationField(), QStringLiteral("5"));
        QVERIFY(dialog.deleteButton()->isEnabled());

        QSignalSpy confirmed(&dialog, &DeletionDialog::deletionConfirmed);
        QTest::mouseClick(dialog.deleteButton(), Qt::LeftButton);
        QCOMPARE(confirmed.size(), 1);
        QCOMPARE(confirmed.at(0).at(0).value<DeletionPlan>().desktopIds().size(), 5);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void forceAdviceLeavesOnceForceIsTicked()
    {
        // A retry of desktops that failed because a user was connected.
        DeletionDialog dialog(desktops(3), url());
        dialog.setForceSuggested({QStringLiteral("id-001")});
        dialog.show();
        QVERIFY(dialog.retryAdviceText().contains(QStringLiteral("Force delete")));
        dialog.forceBox()->click();
        QVERIFY(dialog.forceBox()->isChecked());
        QVERIFY(dialog.retryAdviceText().isEmpty());
        dialog.forceBox()->click();
        QVERIFY(!dialog.forceBox()->isChecked());
        QVERIFY(dialog.retryAdviceText().contains(QStringLiteral("Force delete")));
    }

    void enterDoesWhatTheDefaultButtonSays()
    {
        // Cancel is the default until the typed count matches; then Delete is, and Enter deletes.
        DeletionDialog dialog(desktops(3), url());
        dialog.show();
        QVERIFY(dialog.cancelButton()->isDefault());
        QVERIFY(!dialog.deleteButton()->isDefault());
        QSignalSpy confirmed(&dialog, &DeletionDialog::deletionConfirmed);
        QSignalSpy rejected(&dialog, &QDialog::rejected);
        QTest::keyClicks(dialog.confirmationField(), QStringLiteral("3"));
        QVERIFY(dialog.deleteButton()->isDefault());
        QVERIFY(!dialog.cancelButton()->isDefault());
        QTest::keyClick(dialog.confirmationField(), Qt::Key_Backspace);
        QVERIFY(dialog.cancelButton()->isDefault()); // safe again as soon as the count is wrong
        QTest::keyClicks(dialog.confirmationField(), QStringLiteral("3"));
        QTest::keyClick(dialog.confirmationField(), Qt::Key_Return);
        QCOMPARE(confirmed.size(), 1);
        QCOMPARE(rejected.size(), 0);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void enterWithAWrongCountCancels()
    {
        DeletionDialog dialog(desktops(3), url());
        dialog.show();
        QSignalSpy confirmed(&dialog, &DeletionDialog::deletionConfirmed);
        QSignalSpy rejected(&dialog, &QDialog::rejected);
        QTest::keyClicks(dialog.confirmationField(), QStringLiteral("4"));
        QTest::keyClick(dialog.confirmationField(), Qt::Key_Return);
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(confirmed.size(), 0);
    }

    void listsIdsAndNamesTheTarget()
    {
        DeletionDialog dialog(desktops(2), url());
        QCOMPARE(dialog.desktopList()->model()->headerData(1, Qt::Horizontal).toString(), QStringLiteral("Desktop ID"));
        QCOMPARE(cellText(dialog.desktopList(), 1, 1), QStringLiteral("id-001"));
        // Read from the URL until the caller names the connection.
        QVERIFY2(dialog.targetText().contains(QStringLiteral("project p")), qPrintable(dialog.targetText()));
        QVERIFY(dialog.targetText().contains(QStringLiteral("workspace.example")));
        dialog.setTarget(QStringLiteral("prod"), QStringLiteral("0123abc"), QStringLiteral("cn-north-4"));
        QVERIFY(dialog.targetText().contains(QStringLiteral("0123abc")));
        QVERIFY(dialog.targetText().contains(QStringLiteral("cn-north-4")));
        QVERIFY(dialog.targetText().contains(QStringLiteral("prod")));
        // The whole id is readable at the dialog's size.
        dialog.show();
        const int idWidth = dialog.desktopList()->header()->sectionSize(1);
        QVERIFY(idWidth >= dialog.desktopList()->fontMetrics().horizontalAdvance(
                    QStringLiteral("00000000-0000-0000-0000-000000000000")));
    }

    void leftOutDesktopsAreNamed()
    {
        DeletionDialog dialog(desktops(2), url());
        dialog.show();
        QVERIFY(dialog.leftOutToggle()->isHidden());
        LeftOutDesktop guarded;
        guarded.desktopId = QStringLiteral("id-9");
        guarded.desktopName = QStringLiteral("db-server");
        guarded.reason = LeftOutReason::Protected;
        dialog.setLeftOut({guarded});
        QVERIFY(dialog.noteText().contains(QStringLiteral("1 selected desktop")));
        QVERIFY(dialog.leftOutToggle()->isVisible());
        QVERIFY(dialog.leftOutList()->isHidden()); // collapsed until asked for
        QTest::mouseClick(dialog.leftOutToggle(), Qt::LeftButton);
        QVERIFY(dialog.leftOutList()->isVisible());
        QCOMPARE(dialog.leftOutList()->model()->rowCount(), 1);
        QCOMPARE(cellText(dialog.leftOutList(), 0, 0), QStringLiteral("db-server"));
        QCOMPARE(cellText(dialog.leftOutList(), 0, 1), QStringLiteral("id-9"));
        QCOMPARE(cellText(dialog.leftOutList(), 0, 2), guarded.reasonText());
        QVERIFY(guarded.reasonText().contains(QStringLiteral("protected")));
        // A caller's note wins over the count.
        dialog.setNote(QStringLiteral("One is protected."));
        QCOMPARE(dialog.noteText(), QStringLiteral("One is protected."));
    }

    void previewIsTallEnoughForARequest()
    {
        DeletionDialog dialog(desktops(2), url());
        dialog.show();
        QTest::mouseClick(dialog.previewButton(), Qt::LeftButton);
        auto *preview = dialog.findChild<QPlainTextEdit *>(QStringLiteral("requestPreview"));
        QVERIFY(preview && preview->isVisible());
        QVERIFY(preview->height() >= preview->fontMetrics().lineSpacing() * 12);
    }

    void escapeCancels()
    {
        DeletionDialog dialog(desktops(3), url());
        dialog.show();
        QSignalSpy confirmed(&dialog, &DeletionDialog::deletionConfirmed);
        QSignalSpy rejected(&dialog, &QDialog::rejected);
        QTest::keyClicks(dialog.confirmationField(), QStringLiteral("3"));
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QCOMPARE(rejected.size(), 1);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(confirmed.size(), 0);
    }

    void repeatedClicksAndEnterConfirmOnce()
    {
        DeletionDialog dialog(desktops(2), url());
        dialog.show();
        QSignalSpy confirmed(&dialog, &DeletionDialog::deletionConfirmed);
        QTest::keyClicks(dialog.confirmationField(), QStringLiteral("2"));
        QTest::keyClick(dialog.confirmationField(), Qt::Key_Return);
        dialog.deleteButton()->setFocus();
        QTest::keyClick(dialog.deleteButton(), Qt::Key_Return);
        QTest::keyClick(dialog.deleteButton(), Qt::Key_Return);
        QTest::mouseDClick(dialog.deleteButton(), Qt::LeftButton);
        QTest::mouseClick(dialog.deleteButton(), Qt::LeftButton);
        QCOMPARE(confirmed.size(), 1);
        QVERIFY(dialog.isConfirmed());
    }

    void optionsMapToTheRequestBody_data()
    {
        QTest::addColumn<bool>("deleteUsers");
        QTest::addColumn<bool>("email");
        QTest::addColumn<bool>("force");
        QTest::newRow("defaults") << false << true << false;
        QTest::newRow("all on") << true << true << true;
        QTest::newRow("all off") << false << false << false;
        QTest::newRow("force only") << false << false << true;
    }

    void optionsMapToTheRequestBody()
    {
        QFETCH(bool, deleteUsers);
        QFETCH(bool, email);
        QFETCH(bool, force);
        DeletionDialog dialog(desktops(2), url());
        // The API's defaults are what the dialog starts with.
        QVERIFY(!dialog.deleteUsersBox()->isChecked());
        QVERIFY(dialog.emailBox()->isChecked());
        QVERIFY(!dialog.forceBox()->isChecked());
        dialog.deleteUsersBox()->setChecked(deleteUsers);
        dialog.emailBox()->setChecked(email);
        dialog.forceBox()->setChecked(force);
        const QJsonObject body = QJsonDocument::fromJson(dialog.plan().requestBody(0)).object();
        QCOMPARE(body.value(QStringLiteral("delete_users")).toBool(!deleteUsers), deleteUsers);
        QCOMPARE(body.value(QStringLiteral("email_notification")).toBool(!email), email);
        QCOMPARE(body.value(QStringLiteral("is_force_delete")).toBool(!force), force);
        QCOMPARE(body.value(QStringLiteral("desktop_ids")).toArray().size(), 2);
        const QString preview = dialog.previewText();
        QVERIFY(preview.contains(QStringLiteral("\"is_force_delete\": %1").arg(force ? QStringLiteral("true")
                                                                                 : QStringLiteral("false"))));
    }

    void previewShowsEveryChunk()
    {
        DeletionDialog dialog(desktops(250), url());
        QCOMPARE(dialog.plan().chunkCount(), 3);
        QTest::mouseClick(dialog.previewButton(), Qt::LeftButton);
        const QString preview = dialog.previewText();
        QCOMPARE(preview.count(QStringLiteral("POST https://workspace.example/v2/p/desktops/batch-delete")), 3);
        QVERIFY(preview.contains(QStringLiteral("Request 3 of 3: 50 desktop")));
        QVERIFY(preview.contains(QStringLiteral("\"id-249\"")));
        QVERIFY(!preview.contains(QStringLiteral("Authorization")));
        QVERIFY(dialog.countsText().contains(QStringLiteral("sent in 3 request")));
    }

    void yearlyMonthlyLeftOutChangesTheCountToType()
    {
        QList<Desktop> list = desktops(3);
        list[0].billingMode = BillingMode::YearlyMonthly;
        DeletionDialog dialog(list, url());
        QSignalSpy confirmed(&dialog, &DeletionDialog::deletionConfirmed);
        QTest::keyClicks(dialog.confirmationField(), QStringLiteral("3"));
        QVERIFY(!dialog.deleteButton()->isEnabled()); // two are deleted, not three
        dialog.confirmationField()->clear();
        QTest::keyClicks(dialog.confirmationField(), QStringLiteral("2"));
        QVERIFY(dialog.deleteButton()->isEnabled());
        QTest::mouseClick(dialog.deleteButton(), Qt::LeftButton);
        QCOMPARE(confirmed.size(), 1);
        const DeletionPlan plan = confirmed.first().first().value<DeletionPlan>();
        QCOMPARE(plan.desktopIds(), (QStringList{QStringLiteral("id-001"), QStringLiteral("id-002")}));
        // No yearly/monthly desktop: no such option.
        DeletionDialog plain(desktops(2), url());
        QVERIFY(plain.leaveOutYearlyMonthlyBox()->isHidden());
    }

    void namesTheUsersRemovedAndKept()
    {
        QList<Desktop> list = desktops(3);
        Desktop other = list.at(1);
        other.id = QStringLiteral("id-other");
        DeletionDialog dialog(list, url());
        dialog.setUsersDesktops({other});
        QVERIFY(dialog.usersText().isEmpty()); // only with "Also delete users"
        dialog.deleteUsersBox()->setChecked(true);
        QVERIFY(dialog.usersText().contains(QStringLiteral("Users removed (no other desktop): user0, user2")));
        QVERIFY(dialog.usersText().contains(QStringLiteral("Users kept (they have another desktop): user1")));
    }

    void cutsALongListOfUsersShort()
    {
        DeletionDialog dialog(desktops(45), url());
        dialog.deleteUsersBox()->setChecked(true);
        const QString text = dialog.usersText();
        QVERIFY2(text.contains(QStringLiteral("user0, user1")), qPrintable(text));
        // The first 30 (in name order) are named, then how many more; the CLI's dry run names all.
        QVERIFY2(text.endsWith(QStringLiteral("and 15 more")), qPrintable(text));
        QCOMPARE(text.count(QLatin1Char(',')), 29);
        // The list of desktops is complete whatever its length.
        QCOMPARE(dialog.desktopList()->model()->rowCount(), 45);
        QCOMPARE(dialog.desktopIds().size(), 45);
    }

    void offersToTurnAutoscaleOffFirst()
    {
        QList<Desktop> list = desktops(2);
        list[0].poolId = QStringLiteral("pool-dev");
        DeletionDialog dialog(list, url());
        QVERIFY(dialog.poolsWarningText().isEmpty());
        QVERIFY(dialog.turnAutoscaleOffBox()->isHidden());
        DesktopPool pool;
        pool.id = QStringLiteral("pool-dev");
        pool.name = QStringLiteral("Developers");
        pool.autoscaleEnabled = true;
        dialog.setScalingPools({pool});
        QVERIFY(dialog.poolsWarningText().contains(QStringLiteral("Developers")));
        QVERIFY(dialog.poolsWarningText().contains(QStringLiteral("may create new desktops")));
        QVERIFY(dialog.turnAutoscaleOffBox()->isChecked());
        QCOMPARE(dialog.poolsToStopScaling().size(), 1);
        dialog.previewButton()->setChecked(true);
        // Autoscale first, then the deletion: the order they are sent in.
        const QString preview = dialog.previewText();
        QVERIFY2(preview.indexOf(QStringLiteral("# First: turn off the autoscale of pool pool-dev"))
                     < preview.indexOf(QStringLiteral("POST ")),
                 qPrintable(preview));
        QVERIFY(preview.contains(QStringLiteral("PUT https://workspace.example/v2/p/desktop-pools/pool-dev")));
        QVERIFY(dialog.previewText().contains(QStringLiteral("\"enable_autoscale\": false")));
        dialog.turnAutoscaleOffBox()->setChecked(false);
        QVERIFY(dialog.poolsToStopScaling().isEmpty());
        QVERIFY(!dialog.previewText().contains(QStringLiteral("autoscale")));
    }

    void warnsAboutConnectedAndYearlyDesktops()
    {
        QList<Desktop> list = desktops(4);
        {
            DeletionDialog plain(list, url());
            QVERIFY(!plain.warningsText().contains(QStringLiteral("CONNECTED")));
            QVERIFY(!plain.warningsText().contains(QStringLiteral("yearly/monthly")));
            QVERIFY(plain.warningsText().contains(QStringLiteral("elastic IP")));
        }
        list[1].loginStatus = QStringLiteral("CONNECTED");
        list[2].loginStatus = QStringLiteral("CONNECTED");
        list[3].billingMode = BillingMode::YearlyMonthly;
        DeletionDialog dialog(list, url());
        // Left out by default: the console deletes them by unsubscribing.
        QVERIFY(dialog.leaveOutYearlyMonthlyBox()->isChecked());
        QVERIFY(!dialog.leaveOutYearlyMonthlyBox()->isHidden());
        QCOMPARE(dialog.desktopIds().size(), 3);
        QCOMPARE(dialog.desktopList()->model()->rowCount(), 3);
        for (int row = 0; row < 3; ++row)
            QVERIFY(cellText(dialog.desktopList(), row, 1) != list[3].id);
        // Named among the desktops left out, with what to do instead.
        QCOMPARE(dialog.leftOut().size(), 1);
        QCOMPARE(dialog.leftOut().at(0).reason, LeftOutReason::YearlyMonthly);
        QVERIFY(dialog.noteText().contains(QStringLiteral("1 selected desktop")));
        dialog.leaveOutYearlyMonthlyBox()->setChecked(false);
        QCOMPARE(dialog.desktopIds().size(), 4);
        // Plural forms come from the English catalogue, which tests do not load: match around them.
        QVERIFY(dialog.warningsText().contains(QStringLiteral("in use (CONNECTED)")));
        QVERIFY(dialog.warningsText().startsWith(QStringLiteral("2 desktop")));
        QVERIFY(dialog.warningsText().contains(QStringLiteral("billed yearly/monthly: their deletion will fail")));
        QVERIFY(dialog.warningsText().contains(QStringLiteral("system and data disks")));
        QVERIFY(dialog.countsText().contains(QStringLiteral("2 in use")));
        QCOMPARE(dialog.desktopList()->model()->rowCount(), 4);
        // The status and the login status by their names, as in the table.
        QCOMPARE(cellText(dialog.desktopList(), 1, 4), QStringLiteral("In use"));
        QCOMPARE(cellText(dialog.desktopList(), 1, 3), QStringLiteral("Active"));
    }

    void everyTextSaysTheCountSent()
    {
        // 9 selected, 1 protected (by the look-up), 1 billed yearly/monthly: 7 everywhere.
        QList<Desktop> list = desktops(8);
        list[2].billingMode = BillingMode::YearlyMonthly;
        ChangeReview::Facts facts;
        facts.apiBase = QUrl(QStringLiteral("https://workspace.example/v2/p/"));
        for (const Desktop &desktop : std::as_const(list))
            facts.requestedIds.append(desktop.id);
        facts.requestedIds.append(QStringLiteral("id-guarded"));
        facts.classification.deletable = list;
        LeftOutDesktop guarded;
        guarded.desktopId = QStringLiteral("id-guarded");
        guarded.reason = LeftOutReason::Protected;
        facts.classification.leftOut = {guarded};
        DeletionDialog dialog(ChangeReview(facts, {}));
        dialog.show();
        for (const QString &text : {dialog.windowTitle(), dialog.headingText(), dialog.deleteButton()->text(),
                                    dialog.countsText()})
            QVERIFY2(text.contains(QLatin1Char('7')) && !text.contains(QLatin1Char('8')), qPrintable(text));
        QVERIFY2(dialog.noteText().startsWith(QStringLiteral("2 selected desktop")), qPrintable(dialog.noteText()));
        QCOMPARE(dialog.leftOutList()->model()->rowCount(), 2);
        QCOMPARE(cellText(dialog.leftOutList(), 0, 1), QStringLiteral("id-002"));
        QCOMPARE(cellText(dialog.leftOutList(), 1, 1), QStringLiteral("id-guarded"));
        QCOMPARE(dialog.desktopList()->model()->rowCount(), 7);

        // A wrong count says what to type; the right one enables Delete and the hint goes.
        QTest::keyClicks(dialog.confirmationField(), QStringLiteral("8"));
        QVERIFY(!dialog.deleteButton()->isEnabled());
        QVERIFY(dialog.confirmationHint()->isVisible());
        QVERIFY2(dialog.confirmationHint()->text().contains(QStringLiteral("type 7")),
                 qPrintable(dialog.confirmationHint()->text()));
        dialog.confirmationField()->setText(QStringLiteral("7"));
        QVERIFY(dialog.deleteButton()->isEnabled());
        QVERIFY(dialog.confirmationHint()->isHidden());
    }

    void usersSitInTheirOwnSectionUnderDeleteUsers()
    {
        QList<Desktop> list = desktops(3);
        list[0].billingMode = BillingMode::YearlyMonthly;
        DeletionDialog dialog(list, url());
        dialog.forceBox()->setChecked(true);
        dialog.show();
        QVERIFY(dialog.usersSection()->isHidden());
        dialog.deleteUsersBox()->setChecked(true);
        QVERIFY(dialog.usersSection()->isVisible());
        QVERIFY(!dialog.usersSection()->title().isEmpty());
        // Right under *Also delete users*, above every other option.
        const auto top = [&dialog](QWidget *widget) { return widget->mapTo(&dialog, QPoint(0, 0)).y(); };
        QVERIFY(top(dialog.usersSection()) > top(dialog.deleteUsersBox()));
        QVERIFY(top(dialog.usersSection()) < top(dialog.emailBox()));
        QVERIFY(top(dialog.usersSection()) < top(dialog.forceBox()));
        QVERIFY(top(dialog.usersSection()) < top(dialog.leaveOutYearlyMonthlyBox()));
        QVERIFY(dialog.usersText().contains(QStringLiteral("Users removed")));
    }

    void previewKeepsTheButtonsOnTheScreen_data()
    {
        QTest::addColumn<QSize>("screen");
        QTest::newRow("1280x800") << QSize(1280, 800);
        QTest::newRow("1600x1000") << QSize(1600, 1000);
    }

    void previewKeepsTheButtonsOnTheScreen()
    {
        // Everything the dialog can show at once: 500 desktops, left-out ones, the users, the pools,
        // Force's warning and the preview of 5 requests.
        QFETCH(QSize, screen);
        QList<Desktop> list = desktops(500);
        list[0].billingMode = BillingMode::YearlyMonthly;
        list[1].poolId = QStringLiteral("pool-dev");
        list[3].loginStatus = QStringLiteral("CONNECTED");
        DeletionDialog dialog(list, url());
        DesktopPool pool;
        pool.id = QStringLiteral("pool-dev");
        pool.autoscaleEnabled = true;
        dialog.setScalingPools({pool});
        dialog.deleteUsersBox()->setChecked(true);
        dialog.forceBox()->setChecked(true);
        const QRect available = dialog.screen()->availableGeometry();
        const QSize room = screen.boundedTo(available.size());
        dialog.setMaximumSize(room);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.leftOutToggle()->click();
        dialog.previewButton()->click();
        auto *preview = dialog.findChild<QPlainTextEdit *>(QStringLiteral("requestPreview"));
        QVERIFY(preview->isVisible());
        QVERIFY(preview->toPlainText().contains(QStringLiteral("Request 5 of 5")));
        QTRY_VERIFY(dialog.height() <= room.height() && dialog.width() <= room.width());
        QVERIFY(dialog.height() <= available.height());
        // The confirmation and every button lie inside the dialog, so on the screen.
        for (QWidget *widget : {static_cast<QWidget *>(dialog.confirmationField()),
                                static_cast<QWidget *>(dialog.deleteButton()),
                                static_cast<QWidget *>(dialog.cancelButton()),
                                static_cast<QWidget *>(dialog.previewButton())}) {
            QVERIFY(widget->isVisible());
            const QRect inDialog(widget->mapTo(&dialog, QPoint(0, 0)), widget->size());
            QVERIFY2(dialog.rect().contains(inDialog), qPrintable(widget->objectName()));
        }
        // The same button hides it again.
        dialog.previewButton()->click();
        QVERIFY(preview->isHidden());
        QVERIFY(!dialog.previewButton()->isChecked());
    }
};

QTEST_MAIN(TestDeletionDialog)
#include "tst_deletiondialog.moc"
