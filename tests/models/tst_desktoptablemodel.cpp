#include "desktopfilterproxy.h"
#include "desktoptablemodel.h"
#include "pastedselection.h"

#include <QCoreApplication>
#include <QTranslator>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

namespace {
Desktop makeDesktop(const QString &id, const QString &name, const QString &status = QStringLiteral("ACTIVE"))
{
    Desktop desktop;
    desktop.id = id;
    desktop.computerName = name;
    desktop.status = status;
    desktop.userName = QStringLiteral("user-") + name;
    desktop.ipAddresses = {QStringLiteral("10.0.0.") + id.right(1)};
    return desktop;
}
// Stands in for a catalogue: "<<text>>" for the model's status names and the pattern joining them.
class MarkingTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override
    {
        Q_UNUSED(n)
        if (qstrcmp(context, "DesktopTableModel") != 0 || !disambiguation
            || !QByteArray(disambiguation).startsWith("desktop "))
            return {};
        if (qstrcmp(sourceText, "%1 (%2)") == 0)
            return QStringLiteral("%1 / %2");
        return QStringLiteral("<<") + QString::fromUtf8(sourceText) + QStringLiteral(">>");
    }
    bool isEmpty() const override { return false; }
};
} // namespace

class TestDesktopTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void appendsAPageWithOneInsertion()
    {
        DesktopTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.upsertDesktops({makeDesktop(QStringLiteral("d1"), QStringLiteral("alpha")),
                              makeDesktop(QStringLiteral("d2"), QStringLiteral("beta")),
                              makeDesktop(QStringLiteral("d3"), QStringLiteral("gamma"))});
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOf(QStringLiteral("d2")), 1);
        QCOMPARE(model.index(1, DesktopTableModel::NameColumn).data().toString(), QStringLiteral("beta"));
        QCOMPARE(model.index(1, DesktopTableModel::IdColumn).data().toString(), QStringLiteral("d2"));
        // Found by its name, user, address and id, in any case.
        DesktopFilterProxy proxy;
        proxy.setDesktopModel(&model);
        for (const char *search : {"BETA", "user-beta", "10.0.0.2", "D2", "beta d2"}) {
            proxy.setSearchText(QLatin1String(search));
            QCOMPARE(proxy.rowCount(), 1);
            QCOMPARE(proxy.sourceIdAt(0), QStringLiteral("d2"));
        }
    }

    void upsertUpdatesInPlaceAndDropsDeleted()
    {
        DesktopTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.upsertDesktops({makeDesktop(QStringLiteral("d1"), QStringLiteral("alpha")),
                              makeDesktop(QStringLiteral("d2"), QStringLiteral("beta")),
                              makeDesktop(QStringLiteral("d3"), QStringLiteral("gamma"))});
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.upsertDesktops({makeDesktop(QStringLiteral("d1"), QStringLiteral("alpha"), QStringLiteral("SHUTOFF")),
                              makeDesktop(QStringLiteral("d2"), QStringLiteral("beta"), QStringLiteral("DELETED"))});
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, DesktopTableModel::StatusColumn).data().toString(), QStringLiteral("Shut off"));
        QCOMPARE(model.rowOf(QStringLiteral("d2")), -1);
        QCOMPARE(model.rowOf(QStringLiteral("d3")), 1);
    }

    void listingRemovesTheUnlistedAndReindexes()
    {
        DesktopTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<Desktop> desktops;
        for (int i = 0; i < 10; ++i)
            desktops.append(makeDesktop(QStringLiteral("d%1").arg(i), QStringLiteral("n%1").arg(i)));
        model.upsertDesktops(desktops);
        model.beginListing();
        model.upsertDesktops({desktops.at(0), desktops.at(4), desktops.at(9)});
        model.removeUnlisted();
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOf(QStringLiteral("d4")), 1);
        QCOMPARE(model.rowOf(QStringLiteral("d9")), 2);
        QCOMPARE(model.idAt(2), QStringLiteral("d9"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.rowOf(QStringLiteral("d0")), -1);
    }

    void scatteredRemovalKeepsPersistentIndexes()
    {
        DesktopTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<Desktop> desktops;
        for (int i = 0; i < 40; ++i)
            desktops.append(makeDesktop(QStringLiteral("d%1").arg(i), QStringLiteral("n%1").arg(i)));
        model.upsertDesktops(desktops);
        const QPersistentModelIndex kept(model.index(model.rowOf(QStringLiteral("d21")), 2));
        const QPersistentModelIndex dropped(model.index(model.rowOf(QStringLiteral("d20")), 0));
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
        model.beginListing();
        for (int i = 0; i < 40; ++i) {
            if (i % 4 != 0)
                model.upsertDesktops({desktops.at(i)});
        }
        model.removeUnlisted(); // 10 scattered rows: one compaction
        QCOMPARE(layout.count(), 1);
        QCOMPARE(model.rowCount(), 30);
        QVERIFY(!dropped.isValid());
        QVERIFY(kept.isValid());
        QCOMPARE(kept.column(), 2);
        QCOMPARE(model.idAt(kept.row()), QStringLiteral("d21"));
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.rowOf(model.idAt(row)), row);
        QCOMPARE(model.rowOf(QStringLiteral("d0")), -1);
    }

    void beingDeletedIsGreyedAndProtectedIsMarked()
    {
        DesktopTableModel model;
        Desktop deleting = makeDesktop(QStringLiteral("d1"), QStringLiteral("alpha"));
        deleting.taskStatus = QStringLiteral("Deleting");
        Desktop tagged = makeDesktop(QStringLiteral("d2"), QStringLiteral("beta"));
        tagged.tags = {{QStringLiteral("protected"), QStringLiteral("true")}};
        model.upsertDesktops({deleting, tagged, makeDesktop(QStringLiteral("d3"), QStringLiteral("gamma"))});
        QVERIFY(!(model.flags(model.index(0, 0)) & Qt::ItemIsSelectable));
        QVERIFY(model.flags(model.index(2, 0)) & Qt::ItemIsSelectable);
        QCOMPARE(model.index(0, DesktopTableModel::StatusColumn).data().toString(), QStringLiteral("Active (deleting)"));
        QVERIFY(!model.index(1, 0).data(DesktopTableModel::ProtectedRole).toBool());
        model.setProtectedTags({QStringLiteral("protected=true")});
        QVERIFY(model.index(1, 0).data(DesktopTableModel::ProtectedRole).toBool());
        QVERIFY(!model.index(1, 0).data(DesktopTableModel::DeletableRole).toBool());
        QVERIFY(model.index(2, 0).data(DesktopTableModel::DeletableRole).toBool());
        model.setProtectedTags({QStringLiteral("protected=false")});
        QVERIFY(!model.index(1, 0).data(DesktopTableModel::ProtectedRole).toBool());
        model.setProtectedTags({QStringLiteral("protected")});
        QVERIFY(model.index(1, 0).data(DesktopTableModel::ProtectedRole).toBool());
    }

    void resolvesIdsAndNamesAndReportsTheRest()
    {
        DesktopTableModel model;
        model.upsertDesktops({makeDesktop(QStringLiteral("d1"), QStringLiteral("alpha")),
                              makeDesktop(QStringLiteral("d2"), QStringLiteral("Beta")),
                              makeDesktop(QStringLiteral("d3"), QStringLiteral("beta"))});
        const PastedSelection pasted = PastedSelection::resolve(
            model, {QStringLiteral(" d1 "), QString(), QStringLiteral("BETA"), QStringLiteral("nope"), QStringLiteral("d1")});
        const QStringList ids = pasted.desktopIds(model);
        const QStringList notFound = pasted.notFound;
        QCOMPARE(ids, (QStringList{QStringLiteral("d1"), QStringLiteral("d2"), QStringLiteral("d3")}));
        QCOMPARE(notFound, QStringList{QStringLiteral("nope")});
    }

    void resolvesCellsSeparatedByTabsCommasAndSemicolons()
    {
        DesktopTableModel model;
        model.upsertDesktops({makeDesktop(QStringLiteral("d1"), QStringLiteral("alpha")),
                              makeDesktop(QStringLiteral("d2"), QStringLiteral("beta")),
                              makeDesktop(QStringLiteral("d3"), QStringLiteral("gamma"))});
        // A row from a spreadsheet (its other cells are no misses), a list on one line, and a
        // line of which nothing matches.
        const PastedSelection pasted = PastedSelection::resolve(
            model, {QStringLiteral("d2\tbeta\tActive"), QStringLiteral("d1, gamma;"), QStringLiteral("x1;x2")});
        const QStringList ids = pasted.desktopIds(model);
        const QStringList notFound = pasted.notFound;
        QCOMPARE(ids, (QStringList{QStringLiteral("d2"), QStringLiteral("d1"), QStringLiteral("d3")}));
        QCOMPARE(notFound, (QStringList{QStringLiteral("x1"), QStringLiteral("x2")}));
    }

    void reportsEveryItemOfAListThatMatchesNothing()
    {
        DesktopTableModel model;
        model.upsertDesktops({makeDesktop(QStringLiteral("d1"), QStringLiteral("WKS-DEV-00084")),
                              makeDesktop(QStringLiteral("d2"), QStringLiteral("WKS-DEV-00085"))});
        // One unknown name among known ones on a line, and lists separated by spaces.
        const PastedSelection pasted = PastedSelection::resolve(
            model, {QStringLiteral("WKS-DEV-00084, WKS-DEV-99999, d2"), QStringLiteral("d1 nope  d2")});
        QCOMPARE(pasted.desktopIds(model), (QStringList{QStringLiteral("d1"), QStringLiteral("d2")}));
        QCOMPARE(pasted.notFound, (QStringList{QStringLiteral("WKS-DEV-99999"), QStringLiteral("nope")}));
        // A spreadsheet row of which no cell matches is reported whole.
        QCOMPARE(PastedSelection::resolve(model, {QStringLiteral("x9\tunknown\tActive")}).notFound, QStringList{QStringLiteral("x9\tunknown\tActive")});
    }

    void markedDesktopsShowDeletingAtOnce()
    {
        DesktopTableModel model;
        model.upsertDesktops({makeDesktop(QStringLiteral("d1"), QStringLiteral("alpha")),
                              makeDesktop(QStringLiteral("d2"), QStringLiteral("beta"))});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.markBeingDeleted({QStringLiteral("d2"), QStringLiteral("unknown")});
        QCOMPARE(changed.size(), 1);
        QVERIFY(model.isBeingDeletedAt(1));
        QVERIFY(!model.isBeingDeletedAt(0));
        QVERIFY(!(model.flags(model.index(1, 0)) & Qt::ItemIsSelectable));
        QVERIFY(!(model.flags(model.index(1, 0)) & Qt::ItemIsEnabled)); // drawn greyed out
        QCOMPARE(model.index(1, DesktopTableModel::StatusColumn).data().toString(), QStringLiteral("Active (deleting)"));
        QVERIFY(!model.index(1, 0).data(DesktopTableModel::DeletableRole).toBool());
        // The next listing's word is the truth: still there without a task, it is selectable again.
        model.upsertDesktops({makeDesktop(QStringLiteral("d2"), QStringLiteral("beta"))});
        QVERIFY(!model.isBeingDeletedAt(1));
        QVERIFY(model.flags(model.index(1, 0)) & Qt::ItemIsSelectable);
    }

    void timesShowFourDigitYearsAndExportAsIsoUtc()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        DesktopTableModel model;
        Desktop desktop = makeDesktop(QStringLiteral("d1"), QStringLiteral("alpha"));
        desktop.created = QDateTime(QDate(2024, 8, 17), QTime(17, 38, 5), QTimeZone::utc());
        desktop.billingMode = BillingMode::YearlyMonthly;
        model.upsertDesktops({desktop});
        const QModelIndex created = model.index(0, DesktopTableModel::CreatedColumn);
        QVERIFY2(created.data().toString().contains(QStringLiteral("2024")), qPrintable(created.data().toString()));
        QCOMPARE(created.data(DesktopTableModel::ExportRole).toString(), QStringLiteral("2024-08-17T17:38:05Z"));
        QCOMPARE(model.index(0, DesktopTableModel::StatusColumn).data(DesktopTableModel::ApiValuesRole).toStringList(),
                 (QStringList{QStringLiteral("ACTIVE"), QString()}));
        QCOMPARE(model.index(0, DesktopTableModel::BillingColumn).data(DesktopTableModel::ApiValuesRole).toStringList(),
                 QStringList{QStringLiteral("0")});
        QCOMPARE(model.headerData(DesktopTableModel::BillingColumn, Qt::Horizontal, DesktopTableModel::ApiValuesRole)
                     .toStringList(),
                 QStringList{QStringLiteral("charge_mode")});
        QLocale::setDefault(QLocale::system());
    }

    void statusesShowTranslatedNamesButFilterByTheRawValue()
    {
        DesktopTableModel model;
        Desktop rebooting = makeDesktop(QStringLiteral("d4"), QStringLiteral("delta"));
        rebooting.taskStatus = QStringLiteral("REBOOTING");
        model.upsertDesktops({makeDesktop(QStringLiteral("d1"), QStringLiteral("alpha"), QStringLiteral("SHUTOFF")),
                              makeDesktop(QStringLiteral("d2"), QStringLiteral("beta"), QStringLiteral("hibernated")),
                              makeDesktop(QStringLiteral("d3"), QStringLiteral("gamma"), QStringLiteral("MAINTAINING")),
                              rebooting});
        auto statusAt = [&model](int row) {
            return model.index(row, DesktopTableModel::StatusColumn).data().toString();
        };
        QCOMPARE(statusAt(0), QStringLiteral("Shut off"));
        QCOMPARE(statusAt(1), QStringLiteral("Hibernated")); // any case of a known value
        QCOMPARE(statusAt(2), QStringLiteral("MAINTAINING")); // unknown: the raw value
        QCOMPARE(statusAt(3), QStringLiteral("Active (rebooting)"));
        QCOMPARE(DesktopTableModel::statusDisplayName(QStringLiteral("deleteFailed")), QStringLiteral("delete failed"));
        QCOMPARE(DesktopTableModel::statusDisplayName(QString()), QString());

        // A language installed later is followed (the names are kept only until it changes).
        MarkingTranslator translator;
        QVERIFY(QCoreApplication::installTranslator(&translator));
        QCOMPARE(statusAt(0), QStringLiteral("<<Shut off>>"));
        QCOMPARE(statusAt(2), QStringLiteral("MAINTAINING"));
        QCOMPARE(statusAt(3), QStringLiteral("<<Active>> / <<rebooting>>"));

        // Filtering compares the raw value, whatever is displayed; sorting follows the display.
        DesktopFilterProxy proxy;
        proxy.setDesktopModel(&model);
        proxy.setStatusFilter(QStringLiteral("SHUTOFF"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, DesktopTableModel::StatusColumn).data().toString(), QStringLiteral("<<Shut off>>"));
        proxy.setStatusFilter(QStringLiteral("<<Shut off>>"));
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setStatusFilter(QStringLiteral("HIBERNATED"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setStatusFilter({});
        proxy.sort(DesktopTableModel::StatusColumn);
        QStringList sorted;
        for (int row = 0; row < proxy.rowCount(); ++row)
            sorted << proxy.index(row, DesktopTableModel::StatusColumn).data().toString();
        QCOMPARE(sorted, (QStringList{QStringLiteral("<<Active>> / <<rebooting>>"), QStringLiteral("<<Hibernated>>"),
                                      QStringLiteral("<<Shut off>>"), QStringLiteral("MAINTAINING")}));

        QVERIFY(QCoreApplication::removeTranslator(&translator));
        QCOMPARE(statusAt(0), QStringLiteral("Shut off"));
        QCOMPARE(statusAt(3), QStringLiteral("Active (rebooting)"));
    }

    void loginStatesAndBillingShowTranslatedNamesButFilterByTheRawValue()
    {
        DesktopTableModel model;
        QList<Desktop> desktops;
        const QStringList logins = {QStringLiteral("UNREGISTER"), QStringLiteral("REGISTERED"), QStringLiteral("CONNECTED"),
                                    QStringLiteral("DISCONNECTED"), QStringLiteral("LOCKED")};
        for (int i = 0; i < logins.size(); ++i) {
            Desktop desktop = makeDesktop(QStringLiteral("d%1").arg(i), QStringLiteral("pc-%1").arg(i));
            desktop.loginStatus = logins.at(i);
            desktop.billingMode = i == 0 ? BillingMode::YearlyMonthly : i == 1 ? BillingMode::PayPerUse : BillingMode::Unknown;
            desktops.append(desktop);
        }
        model.upsertDesktops(desktops);
        QStringList shown;
        for (int row = 0; row < model.rowCount(); ++row)
            shown << model.index(row, DesktopTableModel::LoginStatusColumn).data().toString();
        QCOMPARE(shown, (QStringList{QStringLiteral("Not registered"), QStringLiteral("Ready"), QStringLiteral("In use"),
                                     QStringLiteral("Disconnected"), QStringLiteral("LOCKED")}));
        QCOMPARE(model.index(0, DesktopTableModel::BillingColumn).data().toString(), QStringLiteral("Yearly/monthly"));
        QCOMPARE(model.index(1, DesktopTableModel::BillingColumn).data().toString(), QStringLiteral("Pay-per-use"));
        QCOMPARE(model.index(2, DesktopTableModel::BillingColumn).data().toString(), QStringLiteral("Unknown"));

        DesktopFilterProxy proxy;
        proxy.setDesktopModel(&model);
        proxy.setLoginStatusFilter(QStringLiteral("REGISTERED"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, DesktopTableModel::LoginStatusColumn).data().toString(), QStringLiteral("Ready"));
        proxy.setLoginStatusFilter({});
        proxy.setBillingFilter(BillingMode::Unknown);
        QCOMPARE(proxy.rowCount(), 3); // unknown is its own value, not pay-per-use
    }

    void sortRoleOfCreatedIsTheTime()
    {
        DesktopTableModel model;
        Desktop desktop = makeDesktop(QStringLiteral("d1"), QStringLiteral("alpha"));
        desktop.created = QDateTime(QDate(2026, 1, 2), QTime(3, 4), Qt::UTC);
        model.upsertDesktops({desktop});
        QCOMPARE(model.index(0, DesktopTableModel::CreatedColumn).data(DesktopTableModel::SortRole).toDateTime(),
                 desktop.created);
        QVERIFY(!model.index(0, DesktopTableModel::CreatedColumn).data().toString().isEmpty());
    }

    void usageSaysNoDataAndFiltersAndSortsItLast()
    {
        DesktopTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.upsertDesktops({makeDesktop(QStringLiteral("d1"), QStringLiteral("alpha")),
                              makeDesktop(QStringLiteral("d2"), QStringLiteral("beta")),
                              makeDesktop(QStringLiteral("d3"), QStringLiteral("gamma")),
                              makeDesktop(QStringLiteral("d4"), QStringLiteral("delta"))});
        DesktopUsage idle;
        idle.desktopId = QStringLiteral("d1");
        idle.idleSeconds = 40 * 86400 + 86399; // 40 whole days
        idle.usageSeconds = 5400;              // 1.5 hours
        DesktopUsage busy;
        busy.desktopId = QStringLiteral("d2");
        busy.idleSeconds = 0;
        busy.usageSeconds = 0;
        DesktopUsage idleOnly; // the service sent no usage metric
        idleOnly.desktopId = QStringLiteral("d4");
        idleOnly.idleSeconds = 3 * 86400;
        const auto cell = [&model](const char *id, int column, int role = Qt::DisplayRole) {
            return model.index(model.rowOf(QLatin1String(id)), column).data(role);
        };
        // Before the statistics arrive nothing is said: "No data" is the service's answer, not ours.
        QCOMPARE(cell("d3", DesktopTableModel::IdleDaysColumn).toString(), QString());
        QCOMPARE(cell("d3", DesktopTableModel::UsedHoursColumn).toString(), QString());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setUsage({idle, busy, idleOnly});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(cell("d1", DesktopTableModel::IdleDaysColumn).toString(), QStringLiteral("40"));
        QCOMPARE(cell("d1", DesktopTableModel::UsedHoursColumn).toString(), QStringLiteral("1.5"));
        QCOMPARE(cell("d2", DesktopTableModel::IdleDaysColumn).toString(), QStringLiteral("0"));
        QCOMPARE(cell("d3", DesktopTableModel::IdleDaysColumn).toString(), QStringLiteral("No data"));
        QCOMPARE(cell("d4", DesktopTableModel::UsedHoursColumn).toString(), QStringLiteral("No data"));
        QCOMPARE(cell("d3", DesktopTableModel::IdleDaysColumn, DesktopTableModel::ExportRole).toString(), QString());
        QCOMPARE(model.headerData(DesktopTableModel::IdleDaysColumn, Qt::Horizontal).toString(), QStringLiteral("Idle (days)"));

        // A refresh keeps the usage; a desktop without data never passes "idle at least".
        model.upsertDesktops({makeDesktop(QStringLiteral("d1"), QStringLiteral("alpha"), QStringLiteral("SHUTOFF"))});
        QCOMPARE(cell("d1", DesktopTableModel::IdleDaysColumn).toString(), QStringLiteral("40"));
        // A desktop listed after the statistics waits for the next ones.
        model.upsertDesktops({makeDesktop(QStringLiteral("d5"), QStringLiteral("epsilon"))});
        QCOMPARE(cell("d5", DesktopTableModel::IdleDaysColumn).toString(), QString());
        model.removeDesktops({QStringLiteral("d5")});
        DesktopFilterProxy proxy;
        proxy.setDesktopModel(&model);
        proxy.setMinIdleDays(3);
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setMinIdleDays(41);
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setMinIdleDays(0);
        QCOMPARE(proxy.rowCount(), 4);

        // Rows without data come last in either order.
        const auto order = [&proxy] {
            QStringList ids;
            for (int row = 0; row < proxy.rowCount(); ++row)
                ids.append(proxy.sourceIdAt(row));
            return ids;
        };
        proxy.sort(DesktopTableModel::IdleDaysColumn, Qt::AscendingOrder);
        QCOMPARE(order(), (QStringList{QStringLiteral("d2"), QStringLiteral("d4"), QStringLiteral("d1"), QStringLiteral("d3")}));
        proxy.sort(DesktopTableModel::IdleDaysColumn, Qt::DescendingOrder);
        QCOMPARE(order(), (QStringList{QStringLiteral("d1"), QStringLiteral("d4"), QStringLiteral("d2"), QStringLiteral("d3")}));
        proxy.sort(DesktopTableModel::UsedHoursColumn, Qt::DescendingOrder);
        QCOMPARE(order().mid(0, 2), (QStringList{QStringLiteral("d1"), QStringLiteral("d2")}));

        // A new period without a desktop: its data is gone, not kept from the last period.
        model.setUsage({busy});
        QCOMPARE(cell("d1", DesktopTableModel::IdleDaysColumn).toString(), QStringLiteral("No data"));
    }

    void poolColumnNamesThePoolOrShowsItsId()
    {
        DesktopTableModel model;
        model.upsertDesktops({makeDesktop(QStringLiteral("d1"), QStringLiteral("alpha"))});
        QCOMPARE(model.index(0, DesktopTableModel::PoolColumn).data().toString(), QString());
        QCOMPARE(model.headerData(DesktopTableModel::PoolColumn, Qt::Horizontal, DesktopTableModel::ApiValuesRole)
                     .toStringList(),
                 QStringList{QStringLiteral("pool_id")});
        DesktopPool pool;
        pool.id = QStringLiteral("pool-1");
        pool.name = QStringLiteral("Finance");
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setPools({pool});
        QCOMPARE(changed.count(), 1);

        Desktop pooled = makeDesktop(QStringLiteral("d2"), QStringLiteral("beta"));
        pooled.poolId = QStringLiteral("pool-1");
        Desktop unknownPool = makeDesktop(QStringLiteral("d3"), QStringLiteral("gamma"));
        unknownPool.poolId = QStringLiteral("pool-gone");
        model.upsertDesktops({pooled, unknownPool});
        QCOMPARE(model.index(1, DesktopTableModel::PoolColumn).data().toString(), QStringLiteral("Finance"));
        QCOMPARE(model.index(2, DesktopTableModel::PoolColumn).data().toString(), QStringLiteral("pool-gone"));
        QCOMPARE(model.index(1, DesktopTableModel::PoolColumn).data(DesktopTableModel::ApiValuesRole).toStringList(),
                 QStringList{QStringLiteral("pool-1")});
        QCOMPARE(model.desktopAt(1).poolId, QStringLiteral("pool-1"));

        // A listing without pool_id: the pools' own desktop listings tell the column (and the
        // desktops handed to a deletion) which pool holds a desktop.
        Desktop unnamed = makeDesktop(QStringLiteral("d4"), QStringLiteral("delta"));
        unnamed.desktopType = QStringLiteral("POOLED");
        model.upsertDesktops({unnamed});
        QCOMPARE(model.index(3, DesktopTableModel::PoolColumn).data().toString(), QString());
        model.setPoolMembership({{QStringLiteral("d4"), QStringLiteral("pool-1")},
                                 {QStringLiteral("d2"), QStringLiteral("pool-other")}});
        QCOMPARE(model.index(3, DesktopTableModel::PoolColumn).data().toString(), QStringLiteral("Finance"));
        QCOMPARE(model.desktopAt(3).poolId, QStringLiteral("pool-1"));
        QCOMPARE(model.desktopAt(1).poolId, QStringLiteral("pool-1")); // what the answer carried comes first
    }

    void maintenanceIsShownAndFiltered()
    {
        DesktopTableModel model;
        Desktop locked = makeDesktop(QStringLiteral("d1"), QStringLiteral("alpha"));
        locked.inMaintenanceMode = true;
        model.upsertDesktops({locked, makeDesktop(QStringLiteral("d2"), QStringLiteral("beta")),
                              makeDesktop(QStringLiteral("d3"), QStringLiteral("gamma"))});
        QCOMPARE(model.index(0, DesktopTableModel::MaintenanceColumn).data().toString(), QStringLiteral("Yes"));
        QCOMPARE(model.index(1, DesktopTableModel::MaintenanceColumn).data().toString(), QStringLiteral("No"));
        QCOMPARE(model.index(0, DesktopTableModel::MaintenanceColumn).data(DesktopTableModel::ApiValuesRole).toStringList(),
                 QStringList{QStringLiteral("true")});
        QVERIFY(model.desktopAt(0).inMaintenanceMode);
        DesktopFilterProxy proxy;
        proxy.setDesktopModel(&model);
        proxy.setMaintenanceFilter(true);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.sourceIdAt(0), QStringLiteral("d1"));
        proxy.setMaintenanceFilter(false);
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setMaintenanceFilter(std::nullopt);
        QCOMPARE(proxy.rowCount(), 3);
        // A listing that reports the change updates the row in place.
        locked.inMaintenanceMode = false;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.upsertDesktops({locked});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(0, DesktopTableModel::MaintenanceColumn).data().toString(), QStringLiteral("No"));
    }
};

QTEST_GUILESS_MAIN(TestDesktopTableModel)
#include "tst_desktoptablemodel.moc"
