// The look-up of the selection's users' desktops against the in-process simulator: the user_names
// filter in listings of at most 100 names, the answer DeletionImpact needs to name kept users that
// the table does not show, and a look-up that fails, is cancelled or runs out of time finishing
// once with an error.
#include "api/apicalls.h"
#include "api/apiclient.h"
#include "decommission/deletionimpact.h"
#include "decommission/usersdesktopslookup.h"
#include "simulatortestsupport.h"
#include "workspacesimulator.h"

#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

namespace {
const QString kAccessKey = QStringLiteral("USERSLOOKUPAK000001");
const QString kSecretKey = QStringLiteral("users-look-up-secret");
constexpr int kWaitMs = 30000;
const QString kListingPath = QStringLiteral("desktops/detail");

QSet<QString> idsOf(const QList<Desktop> &desktops)
{
    QSet<QString> ids;
    for (const Desktop &desktop : desktops)
        ids.insert(desktop.id);
    return ids;
}
} // namespace

class TestUsersDesktopsLookUp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void listsEveryDesktopOfTheUsersInBatchesOfAHundred();
    void namesKeptUsersTheTableDoesNotShow();
    void noUserFinishesOnceWithoutARequest();
    void failedListingIsAnError();
    void cancelFinishesOnceWithCancelled();
    void deadlineEndsAHangingLookUp();

private:
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<WorkspaceSimulator> m_simulator;
    std::unique_ptr<ApiClient> m_client;
    QList<Desktop> m_all;
};

void TestUsersDesktopsLookUp::init()
{
    m_simulator = std::make_unique<WorkspaceSimulator>(simulatorConfig(kAccessKey, kSecretKey, 400, 100));
    QVERIFY(m_simulator->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    ClientConfig config;
    config.transferTimeoutMs = 5000;
    config.retry.maxAttempts = 1;
    m_client = clientFor(*m_simulator, m_network.get(), config);
    m_all = listAllDesktops(m_client.get(), kWaitMs);
    QCOMPARE(m_all.size(), 400);
}

void TestUsersDesktopsLookUp::cleanup()
{
    m_client.reset();
    m_network.reset();
    m_simulator.reset();
}

void TestUsersDesktopsLookUp::listsEveryDesktopOfTheUsersInBatchesOfAHundred()
{
    QStringList users;
    for (const Desktop &desktop : std::as_const(m_all)) {
        if (!desktop.userName.isEmpty())
            users.append(desktop.userName);
    }
    UsersDesktopsLookUp lookUp(m_client.get(), users);
    const int distinct = int(lookUp.userNames().size());
    QVERIFY2(distinct > 2 * DesktopQuery::kMaxUserNames, qPrintable(QString::number(distinct)));
    QVERIFY(distinct < users.size()); // some users own more than one desktop

    const int listingsBefore = m_simulator->requestCount("GET", kListingPath);
    QSignalSpy finished(&lookUp, &UsersDesktopsLookUp::finished);
    lookUp.start();
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY2(lookUp.succeeded(), qPrintable(lookUp.failureText()));
    QVERIFY(lookUp.failureText().isEmpty());
    const int expectedListings = (distinct + DesktopQuery::kMaxUserNames - 1) / DesktopQuery::kMaxUserNames;
    QCOMPARE(lookUp.listingCount(), expectedListings);
    QVERIFY(m_simulator->requestCount("GET", kListingPath) - listingsBefore >= expectedListings);

    // Exactly the desktops with a user: the simulator's user_names filter lets no other through.
    QList<Desktop> owned;
    for (const Desktop &desktop : std::as_const(m_all)) {
        if (!desktop.userName.isEmpty())
            owned.append(desktop);
    }
    QCOMPARE(lookUp.desktops().size(), owned.size());
    QCOMPARE(idsOf(lookUp.desktops()), idsOf(owned));
    QCoreApplication::processEvents();
    QCOMPARE(finished.size(), 1);
}

void TestUsersDesktopsLookUp::namesKeptUsersTheTableDoesNotShow()
{
    // A user with two desktops, of whom the table (filtered) shows only the selected one.
    QHash<QString, QList<Desktop>> byUser;
    for (const Desktop &desktop : std::as_const(m_all)) {
        if (!desktop.userName.isEmpty())
            byUser[desktop.userName].append(desktop);
    }
    QString twoDesktops;
    QString oneDesktop;
    for (auto it = byUser.cbegin(); it != byUser.cend(); ++it) {
        if (it->size() >= 2 && twoDesktops.isEmpty())
            twoDesktops = it.key();
        if (it->size() == 1 && oneDesktop.isEmpty())
            oneDesktop = it.key();
    }
    QVERIFY(!twoDesktops.isEmpty() && !oneDesktop.isEmpty());
    const QList<Desktop> selection{byUser.value(twoDesktops).constFirst(), byUser.value(oneDesktop).constFirst()};
    const DeletionImpact::Users fromTable = DeletionImpact::usersOf(selection, selection);
    QCOMPARE(fromTable.kept, QStringList());

    UsersDesktopsLookUp lookUp(m_client.get(), {twoDesktops, oneDesktop, twoDesktops, QString()});
    QCOMPARE(lookUp.userNames().size(), 2);
    QSignalSpy finished(&lookUp, &UsersDesktopsLookUp::finished);
    lookUp.start();
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY2(lookUp.succeeded(), qPrintable(lookUp.failureText()));
    const DeletionImpact::Users users = DeletionImpact::usersOf(selection, lookUp.desktops());
    QCOMPARE(users.kept, QStringList{twoDesktops});
    QCOMPARE(users.deleted, QStringList{oneDesktop});
    QCOMPARE(users.keptBy.value(twoDesktops).size(), byUser.value(twoDesktops).size() - 1);
}

void TestUsersDesktopsLookUp::noUserFinishesOnceWithoutARequest()
{
    const int listingsBefore = m_simulator->requestCount("GET", kListingPath);
    UsersDesktopsLookUp lookUp(m_client.get(), {QString()});
    QSignalSpy finished(&lookUp, &UsersDesktopsLookUp::finished);
    lookUp.start();
    QCOMPARE(finished.size(), 0); // never from inside start()
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY(lookUp.succeeded());
    QVERIFY(lookUp.desktops().isEmpty());
    QCOMPARE(lookUp.listingCount(), 0);
    lookUp.cancel(); // too late: nothing changes
    QVERIFY(lookUp.succeeded());
    QCOMPARE(finished.size(), 1);
    QCOMPARE(m_simulator->requestCount("GET", kListingPath), listingsBefore);
}

void TestUsersDesktopsLookUp::failedListingIsAnError()
{
    SimulatorFaults faults;
    faults.malformedJson = true;
    faults.pathFilter = kListingPath;
    m_simulator->setFaults(faults);
    UsersDesktopsLookUp lookUp(m_client.get(), {m_all.constFirst().userName, QStringLiteral("someone.else1")});
    QSignalSpy finished(&lookUp, &UsersDesktopsLookUp::finished);
    lookUp.start();
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY(!lookUp.succeeded());
    QVERIFY(!lookUp.wasCancelled());
    QVERIFY(lookUp.error().isError());
    QVERIFY(!lookUp.failureText().isEmpty());
    QCOMPARE(finished.size(), 1);
}

void TestUsersDesktopsLookUp::cancelFinishesOnceWithCancelled()
{
    SimulatorFaults faults;
    faults.neverAnswer = true;
    faults.pathFilter = kListingPath;
    m_simulator->setFaults(faults);
    UsersDesktopsLookUp lookUp(m_client.get(), {QStringLiteral("wei.zhang1")});
    QSignalSpy finished(&lookUp, &UsersDesktopsLookUp::finished);
    const int listingsBefore = m_simulator->requestCount("GET", kListingPath);
    lookUp.start();
    QTRY_VERIFY_WITH_TIMEOUT(m_simulator->requestCount("GET", kListingPath) > listingsBefore, kWaitMs);
    lookUp.cancel();
    QCOMPARE(finished.size(), 1);
    QVERIFY(lookUp.wasCancelled());
    lookUp.cancel();
    QCoreApplication::processEvents();
    QCOMPARE(finished.size(), 1);

    // Cancelled before it started: finishes all the same, and start() does nothing after.
    UsersDesktopsLookUp early(m_client.get(), {QStringLiteral("wei.zhang1")});
    QSignalSpy earlyFinished(&early, &UsersDesktopsLookUp::finished);
    early.cancel();
    early.start();
    QCOMPARE(earlyFinished.size(), 1);
    QVERIFY(early.wasCancelled());
}

void TestUsersDesktopsLookUp::deadlineEndsAHangingLookUp()
{
    SimulatorFaults faults;
    faults.neverAnswer = true;
    faults.pathFilter = kListingPath;
    m_simulator->setFaults(faults);
    UsersDesktopsLookUp lookUp(m_client.get(), {QStringLiteral("wei.zhang1")});
    lookUp.setDeadline(QDeadlineTimer(300));
    QSignalSpy finished(&lookUp, &UsersDesktopsLookUp::finished);
    lookUp.start();
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY(!lookUp.succeeded());
    QCOMPARE(lookUp.error().kind, ApiError::Kind::Timeout);
    QCOMPARE(finished.size(), 1);
}

QTEST_MAIN(TestUsersDesktopsLookUp)
#include "tst_usersdesktopslookup.moc"
