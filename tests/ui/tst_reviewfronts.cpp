// The window and the CLI review the same input the same way: for a deletion, maintenance on and
// off, log-off, retire and restore of the same desktops (a mix of yearly/monthly, in use, pooled, in maintenance,
// one unknown id and one listed twice) against the same simulator, the window's confirmation and
// the CLI's dry run show the same desktops left out with the same reasons, the same warnings, and
// exactly the same requests.
#include "applanguage.h"
#include "changeactiondialog.h"
#include "clisimulatorfixture.h"
#include "deletioncontroller.h"
#include "deletiondialog.h"
#include "desktoptablemodel.h"
#include "jobmodel.h"
#include "review/changereviewtext.h"
#include "windowsimulatorsupport.h"

#include <QPushButton>
#include <QStandardPaths>
#include <QTreeView>
#include <QWidget>

namespace {
constexpr int kWaitMs = 30000;

QString requestsAsPrinted(const ChangeReview& review)
{
    QString text;
    for (const PlannedChangeRequest& request : review.plannedRequests()) {
        text += QString::fromLatin1(request.method) + QLatin1Char(' ')
            + review.urlOf(request).toString() + QLatin1Char('\n') + QString::fromUtf8(request.body)
            + QLatin1Char('\n');
    }
    return text;
}
} // namespace

class TestReviewFronts : public QObject, protected CliSimulatorFixture {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationName(QStringLiteral("tst_reviewfronts"));
        // The CLI speaks English with its plural forms: so does the window here.
        m_language.install(QLocale(QLocale::English));
    }

    void init() { QVERIFY(startSimulator()); }
    void cleanup() { m_simulator.reset(); }

    void windowAndCliReviewTheSame_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("command");
        QTest::newRow("delete") << int(ReviewedChange::Delete)
                                << QStringList { QStringLiteral("delete"),
                                       QStringLiteral("--turn-autoscale-off-first") };
        QTest::newRow("maintenance on")
            << int(ReviewedChange::StartMaintenance)
            << QStringList { QStringLiteral("maintenance"), QStringLiteral("on") };
        QTest::newRow("maintenance off")
            << int(ReviewedChange::EndMaintenance)
            << QStringList { QStringLiteral("maintenance"), QStringLiteral("off") };
        QTest::newRow("logoff") << int(ReviewedChange::LogOff)
                                << QStringList { QStringLiteral("logoff"),
                                       QStringLiteral("--message"),
                                       QStringLiteral("This desktop is retired tonight.") };
        QTest::newRow("retire") << int(ReviewedChange::Retire)
                                << QStringList { QStringLiteral("retire"),
                                       QStringLiteral("--message"),
                                       QStringLiteral("This desktop is retired tonight.") };
        QTest::newRow("restore") << int(ReviewedChange::Restore)
                                 << QStringList { QStringLiteral("restore") };
    }

    void windowAndCliReviewTheSame()
    {
        QFETCH(int, kind);
        QFETCH(QStringList, command);
        const ReviewedChange changeKind = ReviewedChange(kind);

        QNetworkAccessManager network;
        const ResolvedConnection connection
            = simulatorConnection(*m_simulator, m_home.filePath(QStringLiteral("window-data")));
        ApiClient client(&network, connection.config, connection.credentials);
        QList<Desktop> all = listAllDesktops(&client, kWaitMs);
        QVERIFY(all.size() >= 20);
        QStringList ids;
        for (const Desktop& desktop : std::as_const(all))
            ids.append(desktop.id);
        ids << QStringLiteral("no-such-desktop") << ids.first();
        if (changeKind == ReviewedChange::Restore) {
            // Some retiring, the others not: both kinds in the review.
            const Result retired = run({ QStringLiteral("retire"), QStringLiteral("--ids"),
                ids.mid(0, 5).join(QLatin1Char(',')), QStringLiteral("--yes") });
            QVERIFY2(retired.exitCode == 0 || retired.exitCode == 1, qPrintable(retired.err));
            QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-tags")), 1);
        }
        if (changeKind == ReviewedChange::EndMaintenance) {
            // Some in maintenance, the others not: both kinds in the review.
            const Result on = run(
                { QStringLiteral("maintenance"), QStringLiteral("on"), QStringLiteral("--ids"),
                    ids.mid(0, 5).join(QLatin1Char(',')), QStringLiteral("--yes") });
            QVERIFY2(on.exitCode == 0, qPrintable(on.err));
        }

        // The window: the controller's preparation and its dialog.
        QWidget window;
        DesktopTableModel desktops;
        JobModel jobs;
        DeletionController controller(&jobs, &desktops, &window);
        controller.setConnection(connection, &client);
        ChangeReview windowReview;
        bool opened = false;
        connect(&controller, &DeletionController::dialogOpened, this, [&](DeletionDialog* dialog) {
            windowReview = dialog->review();
            opened = true;
            // What the dialog shows is the review's.
            QCOMPARE(dialog->windowTitle(), ChangeReviewText::title(windowReview));
            QCOMPARE(
                dialog->deleteButton()->text(), ChangeReviewText::confirmButtonText(windowReview));
            QCOMPARE(dialog->desktopList()->model()->rowCount(), windowReview.targetCount());
            QCOMPARE(
                dialog->leftOutList()->model()->rowCount(), int(windowReview.leftOut().size()));
            dialog->reject();
        });
        connect(&controller, &DeletionController::actionDialogOpened, this,
            [&](ChangeActionDialog* dialog) {
                windowReview = dialog->review();
                opened = true;
                QCOMPARE(dialog->confirmButton()->text(),
                    ChangeReviewText::confirmButtonText(windowReview));
                QCOMPARE(dialog->desktopList()->model()->rowCount(), windowReview.targetCount());
                QCOMPARE(
                    dialog->leftOutList()->model()->rowCount(), int(windowReview.leftOut().size()));
                QCOMPARE(dialog->previewText(), ChangeReviewText::previewText(windowReview));
                dialog->reject();
            });
        controller.requestChange(changeKind, ids,
            changeKind == ReviewedChange::LogOff || changeKind == ReviewedChange::Retire
                ? QStringLiteral("This desktop is retired tonight.")
                : QString());
        QTRY_VERIFY_WITH_TIMEOUT(opened, kWaitMs);
        QCOMPARE(windowReview.kind(), changeKind);
        QCOMPARE(windowReview.selectedCount(), int(all.size()) + 1);
        QVERIFY(windowReview.leftOut().size() >= 1); // the unknown id at least

        // The CLI's dry run of the same input.
        const Result dry = run(command
            + QStringList { QStringLiteral("--ids"), ids.join(QLatin1Char(',')),
                QStringLiteral("--dry-run"), QStringLiteral("--lang"), QStringLiteral("en") });
        QVERIFY2(dry.exitCode == 0 || dry.exitCode == 1, qPrintable(dry.err));
        QCOMPARE(dry.out, requestsAsPrinted(windowReview));
        QVERIFY2(
            dry.err.contains(ChangeReviewText::dryRunSummary(windowReview)), qPrintable(dry.err));
        for (const QString& line : ChangeReviewText::leftOutLines(windowReview))
            QVERIFY2(
                dry.err.contains(line), qPrintable(line + QStringLiteral("\n---\n") + dry.err));
        for (const QString& line : ChangeReviewText::warnings(windowReview))
            QVERIFY2(
                dry.err.contains(line), qPrintable(line + QStringLiteral("\n---\n") + dry.err));
        for (const QString& line : ChangeReviewText::poolsLines(windowReview))
            QVERIFY2(
                dry.err.contains(line), qPrintable(line + QStringLiteral("\n---\n") + dry.err));
        QVERIFY(dry.err.contains(ChangeReviewText::repeatedText(windowReview)));
        // Listed twice is counted once, never said to be left out.
        QVERIFY(!dry.err.contains(QStringLiteral("%1 (").arg(ids.first()) + all.first().computerName
            + QStringLiteral("): listed more than once")));
        QCOMPARE(m_simulator->requestCount("PUT", QStringLiteral("maintenance-mode")),
            changeKind == ReviewedChange::EndMaintenance || changeKind == ReviewedChange::Restore
                ? 1
                : 0);
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("logoff")), 0);
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 0);
    }

private:
    AppLanguage m_language;
};

QTEST_MAIN(TestReviewFronts)
#include "tst_reviewfronts.moc"
