#include "deletion/deletionplan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {
QStringList makeIds(int count, const QString &prefix = QStringLiteral("d"))
{
    QStringList ids;
    for (int i = 0; i < count; ++i)
        ids.append(prefix + QString::number(i));
    return ids;
}
} // namespace

class TestDeletionPlan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void splitsIntoChunks_data();
    void splitsIntoChunks();
    void dropsDuplicatesKeepingOrder();
    void bodiesCarryIdsAndOptions();
    void chunkSizeIsClampedToApiLimit();
    void withoutRechunks();
};

void TestDeletionPlan::splitsIntoChunks_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QList<int>>("sizes");
    QTest::newRow("empty") << 0 << QList<int>{};
    QTest::newRow("one") << 1 << QList<int>{1};
    QTest::newRow("exactly 100") << 100 << QList<int>{100};
    QTest::newRow("101") << 101 << QList<int>{100, 1};
    QTest::newRow("250") << 250 << QList<int>{100, 100, 50};
}

void TestDeletionPlan::splitsIntoChunks()
{
    QFETCH(int, count);
    QFETCH(QList<int>, sizes);
    const QStringList ids = makeIds(count);
    const DeletionPlan plan(ids, BatchDeleteOptions{});
    QCOMPARE(plan.chunkCount(), sizes.size());
    QStringList joined;
    for (int i = 0; i < plan.chunkCount(); ++i) {
        QCOMPARE(plan.chunk(i).size(), sizes.at(i));
        joined += plan.chunk(i);
    }
    QCOMPARE(joined, ids);
    QCOMPARE(plan.isEmpty(), count == 0);
}

void TestDeletionPlan::dropsDuplicatesKeepingOrder()
{
    const DeletionPlan plan({QStringLiteral("b"), QStringLiteral("a"), QStringLiteral(" b "),
                             QString(), QStringLiteral("c"), QStringLiteral("a")},
                            BatchDeleteOptions{});
    QCOMPARE(plan.desktopIds(), (QStringList{QStringLiteral("b"), QStringLiteral("a"),
                                             QStringLiteral("c")}));
}

void TestDeletionPlan::bodiesCarryIdsAndOptions()
{
    BatchDeleteOptions options;
    options.deleteUsers = true;
    options.emailNotification = false;
    options.forceDelete = true;
    const DeletionPlan plan(makeIds(150), options);
    QCOMPARE(plan.chunkCount(), 2);
    const QJsonObject second = QJsonDocument::fromJson(plan.requestBody(1)).object();
    QCOMPARE(second.value(QLatin1String("desktop_ids")).toArray().size(), 50);
    QCOMPARE(second.value(QLatin1String("desktop_ids")).toArray().first().toString(),
             QStringLiteral("d100"));
    QCOMPARE(second.value(QLatin1String("delete_users")).toBool(), true);
    QCOMPARE(second.value(QLatin1String("email_notification")).toBool(), false);
    QCOMPARE(second.value(QLatin1String("is_force_delete")).toBool(), true);
    // Exactly the documented keys, nothing else.
    QCOMPARE(second.keys().size(), 4);
}

void TestDeletionPlan::chunkSizeIsClampedToApiLimit()
{
    QCOMPARE(DeletionPlan(makeIds(250), {}, {}, 500).chunkCount(), 3);
    QCOMPARE(DeletionPlan(makeIds(10), {}, {}, 0).chunkCount(), 10);
    QCOMPARE(DeletionPlan(makeIds(10), {}, {}, 4).chunkCount(), 3);
}

void TestDeletionPlan::withoutRechunks()
{
    QHash<QString, QString> names{{QStringLiteral("d5"), QStringLiteral("pc-5")}};
    const DeletionPlan plan(makeIds(101), {}, names);
    const DeletionPlan rest = plan.without({QStringLiteral("d0")});
    QCOMPARE(rest.chunkCount(), 1);
    QCOMPARE(rest.chunk(0).size(), 100);
    QVERIFY(!rest.desktopIds().contains(QStringLiteral("d0")));
    QCOMPARE(rest.desktopName(QStringLiteral("d5")), QStringLiteral("pc-5"));
}

QTEST_GUILESS_MAIN(TestDeletionPlan)
#include "tst_deletionplan.moc"
