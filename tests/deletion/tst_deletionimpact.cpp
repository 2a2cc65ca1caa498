// What a deletion affects beyond its desktops (users, yearly/monthly desktops, scaling pools) and
// which failures are worth retrying, on plain data.
#include "decommission/deletionimpact.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {
Desktop desktop(const QString &id, const QString &user = {}, BillingMode billing = BillingMode::PayPerUse,
                const QString &poolId = {})
{
    Desktop d;
    d.id = id;
    d.userName = user;
    d.billingMode = billing;
    d.poolId = poolId;
    d.status = u"ACTIVE"_s;
    return d;
}

DesktopPool pool(const QString &id, std::optional<bool> autoscale)
{
    DesktopPool p;
    p.id = id;
    p.name = u"Pool "_s + id;
    p.autoscaleEnabled = autoscale;
    return p;
}
} // namespace

class TestDeletionImpact : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void usersWithEveryDesktopSelectedAreDeleted();
    void usersWithAnotherDesktopAreKept();
    void userNamesAreSortedOnceEach();
    void yearlyMonthlyDesktopsAreSetApart();
    void poolsThatMayScale();
    void retryAdvice_data();
    void retryAdvice();
    void retryOffersOnlyWhatIsWorthIt();
};

void TestDeletionImpact::usersWithEveryDesktopSelectedAreDeleted()
{
    const QList<Desktop> listing{desktop(u"d1"_s, u"bob"_s), desktop(u"d2"_s, u"alice"_s),
                                 desktop(u"d3"_s, u"alice"_s), desktop(u"d4"_s)};
    const DeletionImpact::Users users = DeletionImpact::usersOf({listing.at(0), listing.at(1), listing.at(2), listing.at(3)}, listing);
    QCOMPARE(users.deleted, (QStringList{u"alice"_s, u"bob"_s})); // sorted, once each, no empty user
    QVERIFY(users.kept.isEmpty());
}

void TestDeletionImpact::usersWithAnotherDesktopAreKept()
{
    Desktop gone = desktop(u"d5"_s, u"carol"_s);
    gone.status = u"DELETED"_s;
    const QList<Desktop> listing{desktop(u"d1"_s, u"bob"_s), desktop(u"d2"_s, u"alice"_s),
                                 desktop(u"d3"_s, u"alice"_s), desktop(u"d4"_s, u"carol"_s), gone};
    const DeletionImpact::Users users = DeletionImpact::usersOf({listing.at(0), listing.at(1), listing.at(3)}, listing);
    QCOMPARE(users.deleted, (QStringList{u"bob"_s, u"carol"_s})); // a gone desktop keeps nobody
    QCOMPARE(users.kept, QStringList{u"alice"_s});
    QCOMPARE(users.keptBy.value(u"alice"_s), QStringList{u"d3"_s});
}

void TestDeletionImpact::userNamesAreSortedOnceEach()
{
    const QList<Desktop> desktops{desktop(QStringLiteral("d1"), QStringLiteral("zoe")),
                                  desktop(QStringLiteral("d2")),
                                  desktop(QStringLiteral("d3"), QStringLiteral("ann")),
                                  desktop(QStringLiteral("d4"), QStringLiteral("zoe"))};
    QCOMPARE(DeletionImpact::userNamesOf(desktops), (QStringList{QStringLiteral("ann"), QStringLiteral("zoe")}));
    QVERIFY(DeletionImpact::userNamesOf({}).isEmpty());
}

void TestDeletionImpact::yearlyMonthlyDesktopsAreSetApart()
{
    const QList<Desktop> selection{desktop(u"d1"_s, {}, BillingMode::YearlyMonthly), desktop(u"d2"_s),
                                   desktop(u"d3"_s, {}, BillingMode::Unknown)};
    const QList<Desktop> billed = DeletionImpact::billedYearlyMonthly(selection);
    QCOMPARE(billed.size(), 1);
    QCOMPARE(billed.first().id, u"d1"_s);
    const QList<Desktop> rest = DeletionImpact::withoutYearlyMonthly(selection);
    QCOMPARE(rest.size(), 2); // unknown billing is not yearly/monthly
    QCOMPARE(rest.at(1).id, u"d3"_s);
}

void TestDeletionImpact::poolsThatMayScale()
{
    const QList<DesktopPool> pools{pool(u"p-on"_s, true), pool(u"p-off"_s, false), pool(u"p-unsaid"_s, std::nullopt)};
    const QList<Desktop> selection{desktop(u"d1"_s, {}, BillingMode::PayPerUse, u"p-on"_s),
                                   desktop(u"d2"_s, {}, BillingMode::PayPerUse, u"p-on"_s),
                                   desktop(u"d3"_s, {}, BillingMode::PayPerUse, u"p-off"_s),
                                   desktop(u"d4"_s, {}, BillingMode::PayPerUse, u"p-unsaid"_s),
                                   desktop(u"d5"_s, {}, BillingMode::PayPerUse, u"p-unlisted"_s),
                                   desktop(u"d6"_s)};
    const QList<DesktopPool> scaling = DeletionImpact::scalingPools(selection, pools);
    QStringList ids;
    for (const DesktopPool &p : scaling)
        ids.append(p.id);
    QCOMPARE(ids, (QStringList{u"p-on"_s, u"p-unsaid"_s, u"p-unlisted"_s}));
    QCOMPARE(scaling.first().name, u"Pool p-on"_s);
    QVERIFY(scaling.last().name.isEmpty());
    QVERIFY(DeletionImpact::scalingPools({desktop(u"d6"_s)}, pools).isEmpty());
}

void TestDeletionImpact::retryAdvice_data()
{
    QTest::addColumn<bool>("present");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("login");
    QTest::addColumn<int>("billing");
    QTest::addColumn<bool>("wasForced");
    QTest::addColumn<int>("advice");
    using A = DeletionImpact::RetryAdvice;
    QTest::newRow("not found") << false << u"ACTIVE"_s << u"REGISTERED"_s << int(BillingMode::PayPerUse) << false << int(A::Gone);
    QTest::newRow("deleted") << true << u"DELETED"_s << u"UNREGISTER"_s << int(BillingMode::PayPerUse) << false << int(A::Gone);
    QTest::newRow("yearly/monthly") << true << u"ACTIVE"_s << u"CONNECTED"_s << int(BillingMode::YearlyMonthly) << false << int(A::YearlyMonthly);
    QTest::newRow("in use") << true << u"ACTIVE"_s << u"CONNECTED"_s << int(BillingMode::PayPerUse) << false << int(A::RetryWithForce);
    QTest::newRow("in use, forced already") << true << u"ACTIVE"_s << u"CONNECTED"_s << int(BillingMode::PayPerUse) << true << int(A::Retry);
    QTest::newRow("other failure") << true << u"ERROR"_s << u"DISCONNECTED"_s << int(BillingMode::Unknown) << false << int(A::Retry);
}

void TestDeletionImpact::retryAdvice()
{
    QFETCH(bool, present);
    QFETCH(QString, status);
    QFETCH(QString, login);
    QFETCH(int, billing);
    QFETCH(bool, wasForced);
    QFETCH(int, advice);
    Desktop d = desktop(u"d1"_s, u"bob"_s, BillingMode(billing));
    d.status = status;
    d.loginStatus = login;
    const std::optional<Desktop> current = present ? std::optional<Desktop>(d) : std::nullopt;
    QCOMPARE(int(DeletionImpact::retryAdvice(current, wasForced)), advice);
    QVERIFY(!DeletionImpact::retryAdviceText(DeletionImpact::RetryAdvice(advice)).isEmpty());
}

void TestDeletionImpact::retryOffersOnlyWhatIsWorthIt()
{
    Desktop connected = desktop(u"in-use"_s);
    connected.loginStatus = u"CONNECTED"_s;
    const QHash<QString, Desktop> found{{u"plain"_s, desktop(u"plain"_s)},
                                        {u"yearly"_s, desktop(u"yearly"_s, {}, BillingMode::YearlyMonthly)},
                                        {u"in-use"_s, connected}};
    const DeletionImpact::Retry retry =
        DeletionImpact::retryOf({u"plain"_s, u"missing"_s, u"yearly"_s, u"in-use"_s}, found, false);
    QCOMPARE(retry.offered.size(), 2);
    QCOMPARE(retry.offered.at(0).id, u"plain"_s);
    QCOMPARE(retry.offered.at(1).id, u"in-use"_s);
    QCOMPARE(retry.suggestForce, QStringList{u"in-use"_s});
    QCOMPARE(retry.gone, QStringList{u"missing"_s});
    QCOMPARE(retry.yearlyMonthly.size(), 1);
}

QTEST_GUILESS_MAIN(TestDeletionImpact)
#include "tst_deletionimpact.moc"
