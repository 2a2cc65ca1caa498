#include "computedtablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

class TestComputedTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void computesOnlyTheCellsAskedFor()
    {
        ComputedTableModel model({QStringLiteral("Name"), QStringLiteral("Id")});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 2);
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Id"));

        int computed = 0;
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setRows(10000, [&computed](int row, int column, int role) -> QVariant {
            if (role != Qt::DisplayRole)
                return {};
            ++computed;
            return QStringLiteral("%1:%2").arg(row).arg(column);
        });
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 10000);
        const int beforeAsking = computed; // the tester reads a few cells on a reset
        QCOMPARE(model.index(9999, 1).data().toString(), QStringLiteral("9999:1"));
        QCOMPARE(computed, beforeAsking + 1);
        QVERIFY(!model.index(10000, 0).isValid());
        QVERIFY(!(model.flags(model.index(0, 0)) & Qt::ItemIsSelectable));
        QVERIFY(!(model.flags(model.index(0, 0)) & Qt::ItemIsEditable));
        QCOMPARE(model.rowCount(model.index(0, 0)), 0); // a table: no children

        model.setRows(2, nullptr); // no function: no rows
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(reset.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestComputedTableModel)
#include "tst_computedtablemodel.moc"
