// What a desktop's tags say about its retirement: the tool's two keys, dates as UTC calendar days,
// the date rule of "due", and every unreadable form shown as such (never due).
#include "decommission/retirementstate.h"

#include <QTest>

using Tags = QList<QPair<QString, QString>>;

class TestRetirementState : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void keysAreValidUnderBothKeyRules();
    void notRetiringWithoutTheToolsTags();
    void readsBothDates();
    void unreadable_data();
    void unreadable();
    void dueOnAndAfterTheDate_data();
    void dueOnAndAfterTheDate();
    void zeroGraceIsDueAtOnce();
    void evidenceStartsOnTheRetirementDay();
    void restoreRemovesOnlyTheToolsTagsAsCarried();
};

void TestRetirementState::keysAreValidUnderBothKeyRules()
{
    for (const QString& key : { Retirement::retiredOnKey(), Retirement::retireAfterKey() }) {
        // The older rule: letters, digits, '-' and '_' only.
        for (const QChar c : key)
            QVERIFY(c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_'));
        QVERIFY(
            RetirementJson::tagProblem(DesktopTag { key, QStringLiteral("2027-01-06") }).isEmpty());
        QVERIFY(Retirement::isOwnKey(key));
    }
    QVERIFY(!Retirement::isOwnKey(QStringLiteral("workspace-admin-retire-after ")));
    QVERIFY(!Retirement::isOwnKey(QStringLiteral("Workspace-Admin-Retire-After")));
}

void TestRetirementState::notRetiringWithoutTheToolsTags()
{
    const Retirement::State state
        = Retirement::stateOf({ { QStringLiteral("retire-after"), QStringLiteral("2020-01-01") },
            { QStringLiteral("owner"), QStringLiteral("alice") } });
    QCOMPARE(state.kind, Retirement::State::Kind::NotRetiring);
    QVERIFY(!state.isRetiring());
    QVERIFY(!state.isDue(QDate(2030, 1, 1)));
}

void TestRetirementState::readsBothDates()
{
    const Retirement::State state
        = Retirement::stateOf({ { Retirement::retiredOnKey(), QStringLiteral("2026-12-07") },
            { Retirement::retireAfterKey(), QStringLiteral("2027-01-06") } });
    QCOMPARE(state.kind, Retirement::State::Kind::Retiring);
    QCOMPARE(state.retiredOn, QDate(2026, 12, 7));
    QCOMPARE(state.retireAfter, QDate(2027, 1, 6));
    QCOMPARE(state.daysLeft(QDate(2026, 12, 7)), 30);
}

void TestRetirementState::unreadable_data()
{
    QTest::addColumn<Tags>("tags");
    const QString after = Retirement::retireAfterKey();
    QTest::newRow("not a date") << Tags { { after, QStringLiteral("soon") } };
    QTest::newRow("not a calendar day") << Tags { { after, QStringLiteral("2027-02-30") } };
    QTest::newRow("another form") << Tags { { after, QStringLiteral("06/01/2027") } };
    QTest::newRow("with a time") << Tags { { after, QStringLiteral("2027-01-06T00:00:00Z") } };
    QTest::newRow("empty") << Tags { { after, QString() } };
    QTest::newRow("twice") << Tags { { after, QStringLiteral("2027-01-06") },
        { after, QStringLiteral("2027-01-07") } };
    QTest::newRow("retired-on alone")
        << Tags { { Retirement::retiredOnKey(), QStringLiteral("2026-12-07") } };
}

void TestRetirementState::unreadable()
{
    QFETCH(Tags, tags);
    const Retirement::State state = Retirement::stateOf(tags);
    QCOMPARE(state.kind, Retirement::State::Kind::DateUnreadable);
    QVERIFY(state.isRetiring());
    QVERIFY(!state.isDue(QDate(2100, 1, 1)));
}

void TestRetirementState::dueOnAndAfterTheDate_data()
{
    QTest::addColumn<QDate>("today");
    QTest::addColumn<bool>("due");
    QTest::addColumn<int>("daysLeft");
    QTest::newRow("the day before") << QDate(2027, 1, 5) << false << 1;
    QTest::newRow("on the day") << QDate(2027, 1, 6) << true << 0;
    QTest::newRow("after") << QDate(2027, 2, 1) << true << -26;
}

void TestRetirementState::dueOnAndAfterTheDate()
{
    QFETCH(QDate, today);
    QFETCH(bool, due);
    QFETCH(int, daysLeft);
    const Retirement::State state
        = Retirement::stateOf({ { Retirement::retireAfterKey(), QStringLiteral("2027-01-06") } });
    QCOMPARE(state.isDue(today), due);
    QCOMPARE(state.daysLeft(today), daysLeft);
}

void TestRetirementState::zeroGraceIsDueAtOnce()
{
    const QDate today(2026, 12, 7);
    const QList<DesktopTag> written = Retirement::retirementTags(today, 0);
    Tags tags;
    for (const DesktopTag& tag : written)
        tags.append({ tag.key, tag.value });
    const Retirement::State state = Retirement::stateOf(tags);
    QVERIFY(state.isDue(today));
    const QList<DesktopTag> thirty = Retirement::retirementTags(today, 30);
    QCOMPARE(
        thirty.at(0), (DesktopTag { Retirement::retiredOnKey(), QStringLiteral("2026-12-07") }));
    QCOMPARE(
        thirty.at(1), (DesktopTag { Retirement::retireAfterKey(), QStringLiteral("2027-01-06") }));
}

void TestRetirementState::evidenceStartsOnTheRetirementDay()
{
    const Retirement::State both
        = Retirement::stateOf({ { Retirement::retiredOnKey(), QStringLiteral("2026-12-01") },
            { Retirement::retireAfterKey(), QStringLiteral("2026-12-31") } });
    QCOMPARE(both.evidenceSince(), QDate(2026, 12, 1));
    // Tagged by hand, without the retirement day: 30 days before the date.
    const Retirement::State byHand
        = Retirement::stateOf({ { Retirement::retireAfterKey(), QStringLiteral("2026-12-31") } });
    QCOMPARE(byHand.evidenceSince(), QDate(2026, 12, 1));
}

void TestRetirementState::restoreRemovesOnlyTheToolsTagsAsCarried()
{
    const QList<DesktopTag> own
        = Retirement::ownTags({ { QStringLiteral("owner"), QStringLiteral("alice") },
            { Retirement::retireAfterKey(), QStringLiteral("2027-01-06") },
            { QStringLiteral("workspace-admin-retire-after-x"), QString() } });
    QCOMPARE(own.size(), 1);
    QCOMPARE(
        own.first(), (DesktopTag { Retirement::retireAfterKey(), QStringLiteral("2027-01-06") }));
}

QTEST_GUILESS_MAIN(TestRetirementState)
#include "tst_retirementstate.moc"
