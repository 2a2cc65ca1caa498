#include "jobmodel.h"
#include "recordeddeletions.h"

#include "deletion/deletionrun.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {
// A run of this many desktops that is never started: the test says when it changes.
std::unique_ptr<DeletionRun> idleRun(int desktops)
{
    QStringList ids;
    for (int i = 0; i < desktops; ++i)
        ids.append(QStringLiteral("desktop-%1").arg(i, 5, 10, QLatin1Char('0')));
    DeletionContext context;
    context.projectId = QStringLiteral("project-1");
    // Never started, so nothing is written to the record's folder.
    static const DeletionStorePtr store =
        std::make_shared<DeletionStore>(QDir::temp().filePath(QStringLiteral("tst_jobmodel-never-written")));
    return std::make_unique<DeletionRun>(nullptr, DeletionPlan(ids, BatchDeleteOptions()), context, store);
}
} // namespace

class TestJobModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A deletion resumed after a restart comes back as it was confirmed: the record's time, and
    // the desktops no resumed run holds (ended before, never sent) after the run's own.
    void aResumedDeletionShowsTheRecordedDesktops()
    {
        JobModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto run = idleRun(3);
        model.addRun(run.get());
        const QDateTime confirmed = run->submittedAt().addSecs(-600);
        DesktopResult deleted;
        deleted.desktopId = QStringLiteral("earlier-1");
        deleted.outcome = DeletionOutcome::Deleted;
        DesktopResult notSent;
        notSent.desktopId = QStringLiteral("earlier-2");
        notSent.outcome = DeletionOutcome::NotSent;
        model.addEarlierPart(run->runId(), confirmed, {deleted, notSent});
        const QModelIndex deletion = model.index(0, 0);
        QCOMPARE(model.rowCount(deletion), 5);
        QCOMPARE(model.submittedAt(0), confirmed);
        QVERIFY(deletion.data().toString().contains(QStringLiteral("5")));
        QCOMPARE(model.index(4, 0, deletion).data(JobModel::DesktopIdRole).toString(), QStringLiteral("earlier-2"));
        QCOMPARE(model.index(4, 0, deletion).data(JobModel::OutcomeRole).toInt(), int(DeletionOutcome::NotSent));
        QCOMPARE(model.runFor(model.index(4, 0, deletion)), nullptr);
        // A record of a deletion no row shows adds nothing.
        model.addEarlierPart(QStringLiteral("no-such-run"), confirmed, {deleted});
        QCOMPARE(model.rowCount(), 1);
    }

    void theRecordTellsWhatBecameOfEachDesktop()
    {
        auto entry = [](const char *json) { return QJsonDocument::fromJson(json).object(); };
        const QList<QJsonObject> entries{
            entry(R"({"time":"2026-03-01T10:00:00.000Z","event":"intent","run_id":"r1","chunk":0,)"
                  R"("desktops":[{"desktop_id":"a","desktop_name":"A"},{"desktop_id":"b","desktop_name":"B"}]})"),
            entry(R"({"time":"2026-03-01T10:00:01.000Z","event":"submitted","run_id":"r1","chunk":0,"job_id":"j1"})"),
            entry(R"({"time":"2026-03-01T10:00:02.000Z","event":"not_sent","run_id":"r1","desktop_ids":["c","d"],"reason":"Cancelled."})"),
            entry(R"({"time":"2026-03-01T10:01:00.000Z","event":"job_finished","job_id":"j1","results":{"deleted":["a"],)"
                  R"("not_deleted":[{"desktop_id":"b","outcome":"failed","error_code":"WKS.0244","fail_reason":"in use"}]}})"),
            entry(R"({"time":"2026-03-01T11:00:00.000Z","event":"intent","run_id":"other","chunk":0,"desktops":[{"desktop_id":"x"}]})"),
        };
        const QHash<QString, RecordedDeletion> records = RecordedDeletions::fromEntries(entries, {QStringLiteral("r1")});
        QCOMPARE(records.size(), 1);
        const RecordedDeletion &record = records.value(QStringLiteral("r1"));
        QCOMPARE(record.confirmedAt, QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC));
        QCOMPARE(record.desktops.size(), 4);
        QCOMPARE(record.count(DeletionOutcome::Deleted), 1);
        QCOMPARE(record.count(DeletionOutcome::Failed), 1);
        QCOMPARE(record.count(DeletionOutcome::NotSent), 2);
        QCOMPARE(record.desktops.at(1).desktopName, QStringLiteral("B"));
        QCOMPARE(record.desktops.at(1).errorCode, QStringLiteral("WKS.0244"));
    }

    void aDeletionIsOneRowWithItsDesktops()
    {
        JobModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto run = idleRun(250);
        model.addRun(run.get());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowCount(model.index(0, 0)), 250);
        QCOMPARE(model.index(7, 0, model.index(0, 0)).data(JobModel::DesktopIdRole).toString(),
                 QStringLiteral("desktop-00007"));
        QCOMPARE(model.runFor(model.index(249, 0, model.index(0, 0))), run.get());
    }

    // One poll makes a run report several changes; the views hear of them once, never by a reset.
    void changesOfOneTurnAreAnnouncedOnce()
    {
        JobModel model;
        auto first = idleRun(10000);
        auto second = idleRun(100);
        model.addRun(first.get());
        model.addRun(second.get());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
        for (int job = 0; job < 100; ++job) {
            Q_EMIT first->jobProgress(QStringLiteral("job-%1").arg(job), 50);
            Q_EMIT first->resultChanged();
        }
        QCOMPARE(changed.size(), 0); // not yet: at the end of the turn
        QTRY_COMPARE(changed.size(), 2);
        const QModelIndex deletion = model.index(0, 0);
        for (const QList<QVariant> &arguments : std::as_const(changed)) {
            const auto topLeft = arguments.at(0).value<QModelIndex>();
            const auto bottomRight = arguments.at(1).value<QModelIndex>();
            QCOMPARE(topLeft.parent(), bottomRight.parent());
            if (topLeft.parent().isValid()) {
                QCOMPARE(topLeft.parent(), deletion);
                QCOMPARE(bottomRight.row(), 9999);
            } else {
                QCOMPARE(topLeft.row(), 0);
                QCOMPARE(bottomRight.row(), 0);
            }
        }
        // The other deletion did not change: nothing is announced for it.
        Q_EMIT second->resultChanged();
        QTRY_COMPARE(changed.size(), 4);
        QCOMPARE(changed.at(2).at(0).value<QModelIndex>().row(), 1);
        // A new state is shown at once. Desktop rows that show nothing new are not announced
        // again: a view walks every announced row.
        Q_EMIT first->resultChanged();
        Q_EMIT first->stateChanged(DeletionRun::State::Tracking);
        QCOMPARE(changed.size(), 5);
        QVERIFY(!changed.at(4).at(0).value<QModelIndex>().parent().isValid());
        QTest::qWait(0);
        QCOMPARE(changed.size(), 5);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(layout.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestJobModel)
#include "tst_jobmodel.moc"
