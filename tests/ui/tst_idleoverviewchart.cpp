// The idle overview above the table: its counts, and its bars as filters by mouse and keyboard.
#include "idleoverviewchart.h"

#include <QSignalSpy>
#include <QTest>

using Bar = IdleOverviewChart::Bar;
Q_DECLARE_METATYPE(std::optional<IdleOverviewChart::Bar>)

class TestIdleOverviewChart : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void showsTheCounts();
    void clickingABarFiltersAndClickingAgainClears();
    void keyboardReachesEveryBar();
    void barsFitTheWidthAndDoNotOverlap();
    void accessibleDescriptionSaysTheCounts();

private:
    IdleOverviewChart* m_chart = nullptr;
};

void TestIdleOverviewChart::init()
{
    m_chart = new IdleOverviewChart;
    m_chart->resize(600, m_chart->sizeHint().height());
    DesktopTableModel::IdleOverview overview;
    overview.idleUnder7 = 120;
    overview.idle7To29 = 40;
    overview.idle30To89 = 12;
    overview.idle90AndMore = 7;
    overview.retiring = 5;
    overview.due = 2;
    m_chart->setOverview(overview);
    m_chart->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_chart));
}

void TestIdleOverviewChart::cleanup()
{
    delete m_chart;
    m_chart = nullptr;
}

void TestIdleOverviewChart::showsTheCounts()
{
    QCOMPARE(m_chart->countOf(Bar::IdleUnder7), 120);
    QCOMPARE(m_chart->countOf(Bar::Idle90AndMore), 7);
    QCOMPARE(m_chart->countOf(Bar::Due), 2);
    QVERIFY(!m_chart->grab().isNull());
}

void TestIdleOverviewChart::clickingABarFiltersAndClickingAgainClears()
{
    QSignalSpy activated(m_chart, &IdleOverviewChart::activated);
    QTest::mouseClick(m_chart, Qt::LeftButton, {}, m_chart->barRect(Bar::Idle90AndMore).center());
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.last().first().value<std::optional<Bar>>(),
        std::optional<Bar>(Bar::Idle90AndMore));
    QCOMPARE(m_chart->activeBar(), std::optional<Bar>(Bar::Idle90AndMore));

    QTest::mouseClick(m_chart, Qt::LeftButton, {}, m_chart->barRect(Bar::Due).center());
    QCOMPARE(m_chart->activeBar(), std::optional<Bar>(Bar::Due));
    QTest::mouseClick(m_chart, Qt::LeftButton, {}, m_chart->barRect(Bar::Due).center());
    QCOMPARE(activated.count(), 3);
    QVERIFY(!activated.last().first().value<std::optional<Bar>>());
    QVERIFY(!m_chart->activeBar());
}

void TestIdleOverviewChart::keyboardReachesEveryBar()
{
    m_chart->setFocus();
    QSignalSpy activated(m_chart, &IdleOverviewChart::activated);
    for (int i = 0; i < IdleOverviewChart::kBarCount; ++i)
        QTest::keyClick(m_chart, Qt::Key_Right);
    QTest::keyClick(m_chart, Qt::Key_Space);
    QCOMPARE(m_chart->activeBar(), std::optional<Bar>(Bar::Due));
    QTest::keyClick(m_chart, Qt::Key_Left);
    QTest::keyClick(m_chart, Qt::Key_Return);
    QCOMPARE(m_chart->activeBar(), std::optional<Bar>(Bar::Retiring));
    QCOMPARE(activated.count(), 2);
    // Turned on from elsewhere (the filter bar): no signal back.
    m_chart->setActiveBar(std::nullopt);
    QCOMPARE(activated.count(), 2);
}

void TestIdleOverviewChart::barsFitTheWidthAndDoNotOverlap()
{
    for (const int width : { m_chart->minimumSizeHint().width(), 600, 1500 }) {
        m_chart->resize(width, m_chart->height());
        for (int i = 0; i < IdleOverviewChart::kBarCount; ++i) {
            const QRect rect = m_chart->barRect(Bar(i));
            QVERIFY2(rect.right() < std::max(width, m_chart->minimumSizeHint().width()) + 20,
                qPrintable(
                    QStringLiteral("bar %1 ends at %2 of %3").arg(i).arg(rect.right()).arg(width)));
            if (i > 0)
                QVERIFY(!rect.intersects(m_chart->barRect(Bar(i - 1))));
        }
    }
}

void TestIdleOverviewChart::accessibleDescriptionSaysTheCounts()
{
    QVERIFY2(m_chart->accessibleDescription().contains(QStringLiteral("Due: 2")),
        qPrintable(m_chart->accessibleDescription()));
    m_chart->setActiveBar(Bar::Retiring);
    QVERIFY(m_chart->accessibleDescription().contains(QStringLiteral("Showing only: Retiring")));
}

QTEST_MAIN(TestIdleOverviewChart)
#include "tst_idleoverviewchart.moc"
