#include "jobmodel.h"

#include "deletion/deletionrun.h"

#include <QAbstractItemModelTester>
#include <QDir>
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
