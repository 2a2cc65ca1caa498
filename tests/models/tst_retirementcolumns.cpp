// The retirement as the table shows it: Retire after and Days left from the desktops' own tags,
// the Retiring and Due filters, the idle ranges the overview filters by, and the overview's counts.
#include "decommission/retirementstate.h"
#include "desktopfilterproxy.h"
#include "desktoptablemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

namespace {
const QDate kToday(2027, 1, 6);

Desktop desktop(const QString& id, QList<QPair<QString, QString>> tags = {})
{
    Desktop result;
    result.id = id;
    result.computerName = QStringLiteral("WKS-") + id;
    result.status = QStringLiteral("SHUTOFF");
    result.tags = std::move(tags);
    return result;
}

QList<QPair<QString, QString>> retiring(const QString& retireAfter)
{
    return { { Retirement::retiredOnKey(), QStringLiteral("2026-12-07") },
        { Retirement::retireAfterKey(), retireAfter } };
}

DesktopUsage idleFor(const QString& id, int days)
{
    DesktopUsage usage;
    usage.desktopId = id;
    usage.idleSeconds = qint64(days) * 86400 + 3600;
    usage.usageSeconds = 0;
    return usage;
}
} // namespace

class TestRetirementColumns : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void columnsShowTheDateAndTheDaysLeft();
    void unreadableDatesAreShownNeverDue();
    void sortingPutsDesktopsWithoutRetirementLast();
    void retirementFilters();
    void idleRanges();
    void overviewCounts();
    void aNewDayMakesDesktopsDue();

private:
    std::unique_ptr<DesktopTableModel> m_model;
};

void TestRetirementColumns::init()
{
    m_model = std::make_unique<DesktopTableModel>();
    new QAbstractItemModelTester(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_model.get());
    m_model->setToday(kToday);
    m_model->upsertDesktops(
        { desktop(QStringLiteral("due"), retiring(QStringLiteral("2027-01-06"))),
            desktop(QStringLiteral("later"), retiring(QStringLiteral("2027-01-16"))),
            desktop(QStringLiteral("bad"),
                { { Retirement::retireAfterKey(), QStringLiteral("soon") } }),
            desktop(QStringLiteral("plain"),
                { { QStringLiteral("owner"), QStringLiteral("alice") } }) });
}

void TestRetirementColumns::columnsShowTheDateAndTheDaysLeft()
{
    const auto cell = [this](const QString& id, int column, int role = Qt::DisplayRole) {
        return m_model->index(m_model->rowOf(id), column).data(role).toString();
    };
    QCOMPARE(cell(QStringLiteral("due"), DesktopTableModel::RetireAfterColumn),
        QStringLiteral("2027-01-06"));
    QCOMPARE(cell(QStringLiteral("due"), DesktopTableModel::DaysLeftColumn), QStringLiteral("Due"));
    QCOMPARE(
        cell(QStringLiteral("later"), DesktopTableModel::DaysLeftColumn), QStringLiteral("10"));
    QCOMPARE(cell(QStringLiteral("later"), DesktopTableModel::DaysLeftColumn,
                 DesktopTableModel::ExportRole),
        QStringLiteral("10"));
    QCOMPARE(cell(QStringLiteral("plain"), DesktopTableModel::RetireAfterColumn), QString());
    QCOMPARE(cell(QStringLiteral("plain"), DesktopTableModel::DaysLeftColumn), QString());
    QCOMPARE(m_model->headerData(DesktopTableModel::RetireAfterColumn, Qt::Horizontal).toString(),
        QStringLiteral("Retire after"));
}

void TestRetirementColumns::unreadableDatesAreShownNeverDue()
{
    const int row = m_model->rowOf(QStringLiteral("bad"));
    QCOMPARE(m_model->index(row, DesktopTableModel::RetireAfterColumn).data().toString(),
        QStringLiteral("Date unreadable"));
    QCOMPARE(m_model->index(row, DesktopTableModel::DaysLeftColumn).data().toString(), QString());
    DesktopTableModel::Filter due;
    due.retirement = DesktopTableModel::RetirementFilter::Due;
    QVERIFY(!m_model->rowMatches(row, due));
}

void TestRetirementColumns::sortingPutsDesktopsWithoutRetirementLast()
{
    DesktopFilterProxy proxy;
    proxy.setDesktopModel(m_model.get());
    for (const Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
        proxy.sort(DesktopTableModel::RetireAfterColumn, order);
        QCOMPARE(proxy.sourceIdAt(3), QStringLiteral("plain"));
    }
    proxy.sort(DesktopTableModel::DaysLeftColumn, Qt::AscendingOrder);
    QCOMPARE(proxy.sourceIdAt(0), QStringLiteral("bad"));
    QCOMPARE(proxy.sourceIdAt(1), QStringLiteral("due"));
    QCOMPARE(proxy.sourceIdAt(2), QStringLiteral("later"));
}

void TestRetirementColumns::retirementFilters()
{
    DesktopFilterProxy proxy;
    proxy.setDesktopModel(m_model.get());
    QCOMPARE(proxy.rowCount(), 4);
    proxy.setRetirementFilter(DesktopTableModel::RetirementFilter::Retiring);
    QCOMPARE(proxy.rowCount(), 3);
    proxy.setRetirementFilter(DesktopTableModel::RetirementFilter::Due);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.sourceIdAt(0), QStringLiteral("due"));
    proxy.setRetirementFilter(DesktopTableModel::RetirementFilter::NotRetiring);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.sourceIdAt(0), QStringLiteral("plain"));
}

void TestRetirementColumns::idleRanges()
{
    m_model->setUsage({ idleFor(QStringLiteral("due"), 3), idleFor(QStringLiteral("later"), 7),
        idleFor(QStringLiteral("bad"), 29), idleFor(QStringLiteral("plain"), 400) });
    DesktopFilterProxy proxy;
    proxy.setDesktopModel(m_model.get());
    proxy.setMinIdleDays(7);
    proxy.setIdleDaysBelow(30);
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setMinIdleDays(0);
    proxy.setIdleDaysBelow(7);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.sourceIdAt(0), QStringLiteral("due"));
}

void TestRetirementColumns::overviewCounts()
{
    m_model->upsertDesktops({ desktop(QStringLiteral("new")) });
    m_model->setUsage({ idleFor(QStringLiteral("due"), 3), idleFor(QStringLiteral("later"), 7),
        idleFor(QStringLiteral("bad"), 45), idleFor(QStringLiteral("plain"), 90) });
    const DesktopTableModel::IdleOverview overview = m_model->idleOverview();
    QCOMPARE(overview.idleUnder7, 1);
    QCOMPARE(overview.idle7To29, 1);
    QCOMPARE(overview.idle30To89, 1);
    QCOMPARE(overview.idle90AndMore, 1);
    QCOMPARE(overview.withoutUsage, 1);
    QCOMPARE(overview.retiring, 3);
    QCOMPARE(overview.due, 1);
}

void TestRetirementColumns::aNewDayMakesDesktopsDue()
{
    m_model->setToday(QDate(2027, 1, 16));
    QCOMPARE(m_model->idleOverview().due, 2);
    QCOMPARE(
        m_model->index(m_model->rowOf(QStringLiteral("later")), DesktopTableModel::DaysLeftColumn)
            .data()
            .toString(),
        QStringLiteral("Due"));
}

QTEST_GUILESS_MAIN(TestRetirementColumns)
#include "tst_retirementcolumns.moc"
