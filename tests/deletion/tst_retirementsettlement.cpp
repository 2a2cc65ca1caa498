// A retirement the app ended half-way is settled truly at the next start: the record a killed
// process leaves (copied at the moment of the kill, with its last request on the wire or between
// two steps) is read back, every desktop left half-way is named with what was done to it
// ("in maintenance and tagged, not stopped"), the settlement is recorded once, and a run that
// finished leaves nothing to settle.
#include "api/apiclient.h"
#include "decommission/retirementrun.h"
#include "decommission/retirementsettlement.h"
#include "deletion/auditlog.h"
#include "deletion/deletionstore.h"
#include "fakeclient.h"
#include "fakenetworkaccessmanager.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
constexpr int kWaitMs = 20000;

QList<RetirementTarget> numberedTargets(int count)
{
    QList<RetirementTarget> targets;
    for (int i = 0; i < count; ++i)
        targets.append({ QStringLiteral("desk-%1").arg(i), QStringLiteral("pc-%1").arg(i), {} });
    return targets;
}
// A server that accepts every step; with hangAtStop it never answers os-stop.
FakeNetworkAccessManager::RequestHandler answerEveryStep(bool hangAtStop)
{
    return [hangAtStop](const RecordedRequest& request) {
        if (hangAtStop && request.url.path().endsWith("desktops/action"_L1))
            return FakeResponse::hanging();
        if (request.url.path().endsWith("batch-tags"_L1))
            return FakeResponse::json(204, "");
        return FakeResponse::json(200, "{}");
    };
}

std::unique_ptr<ApiClient> fakeClient(FakeNetworkAccessManager& network)
{
    ClientConfig config;
    config.endpoint = QUrl(QStringLiteral("https://workspace.test.example"));
    config.projectId = QStringLiteral("project-1");
    config.retry.maxAttempts = 1;
    return clientFor(&network, config, Credentials { u"AK"_s, u"SK"_s, {} });
}
} // namespace

class TestRetirementSettlement : public QObject {
    Q_OBJECT
private:
    // A retirement of three desktops against a server that answers every step but os-stop,
    // which it never answers; the record is copied (as a kill leaves it) when the run reaches
    // `killAt`, or when the os-stop is on the wire.
    void retireUntil(RetirementRun::Step killAt, bool onTheWire, const QString& copyTo)
    {
        FakeNetworkAccessManager network(answerEveryStep(true));
        auto client = fakeClient(network);
        DeletionContext context;
        context.projectId = client->config().projectId;
        QTemporaryDir dir;
        auto store = std::make_shared<DeletionStore>(dir.path());
        RetirementRun run(
            client.get(), store, context, RetirementRun::Mode::Retire, numberedTargets(3));
        run.setMessage(QStringLiteral("Bye"));
        const QString log = store->audit().filePath();
        const auto copy = [log, copyTo] {
            QFile::remove(copyTo);
            QVERIFY(QFile::copy(log, copyTo));
        };
        if (onTheWire) {
            connect(&network, &FakeNetworkAccessManager::requestReceived, this,
                [&network, copy](int index) {
                    if (network.requests().at(index).url.path().endsWith("desktops/action"_L1))
                        copy();
                });
        } else {
            connect(&run, &RetirementRun::stepStarted, this,
                [killAt, copy](int, RetirementRun::Step step) {
                    if (step == killAt)
                        copy(); // its intent is not written yet
                });
        }
        run.start();
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(copyTo), kWaitMs);
        run.cancel();
    }

private Q_SLOTS:
    void killedBetweenTaggingAndStopping()
    {
        QTemporaryDir next;
        const QString copy = AuditLog::defaultFilePath(next.path());
        retireUntil(RetirementRun::Step::Stop, false, copy);

        // The next start: its requests' record settled first, then the retirement.
        QString error;
        const DeletionStorePtr store = DeletionStore::open(next.path(), &error);
        QVERIFY2(store, qPrintable(error));
        const QList<RetirementSettlement::Interrupted> runs
            = RetirementSettlement::interrupted(AuditLog::readEntries(copy));
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.first().halfWay().size(), 3);
        const QStringList messages = RetirementSettlement::settleAtStart(store->audit());
        QCOMPARE(messages.size(), 1);
        for (int i = 0; i < 3; ++i) {
            QVERIFY2(messages.first().contains(
                         QStringLiteral("pc-%1: in maintenance and tagged, not stopped.").arg(i)),
                qPrintable(messages.first()));
        }
        const QJsonObject settled = AuditLog::readEntries(copy).last();
        QCOMPARE(settled.value("event"_L1).toString(), QStringLiteral("retirement_settled"));
        QCOMPARE(settled.value("half_way"_L1).toArray().size(), 3);
        // Settled stays settled.
        QVERIFY(RetirementSettlement::settleAtStart(store->audit()).isEmpty());
    }

    void killedWithTheStopOnTheWire()
    {
        QTemporaryDir next;
        const QString copy = AuditLog::defaultFilePath(next.path());
        retireUntil(RetirementRun::Step::Stop, true, copy);
        QString error;
        const DeletionStorePtr store = DeletionStore::open(next.path(), &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->settlement.settledIntents, 1); // the os-stop: outcome unknown
        const QStringList messages = RetirementSettlement::settleAtStart(store->audit());
        QCOMPARE(messages.size(), 1);
        QVERIFY2(messages.first().contains(
                     QStringLiteral("pc-1: in maintenance and tagged, maybe stopped.")),
            qPrintable(messages.first()));
    }

    void killedBeforeTaggingSaysSo()
    {
        QTemporaryDir next;
        const QString copy = AuditLog::defaultFilePath(next.path());
        retireUntil(RetirementRun::Step::Tag, false, copy);
        QString error;
        const DeletionStorePtr store = DeletionStore::open(next.path(), &error);
        QVERIFY2(store, qPrintable(error));
        const QStringList messages = RetirementSettlement::settleAtStart(store->audit());
        QCOMPARE(messages.size(), 1);
        QVERIFY2(messages.first().contains(
                     QStringLiteral("pc-2: in maintenance, not tagged, not stopped.")),
            qPrintable(messages.first()));
    }

    void finishedRunLeavesNothingToSettle()
    {
        FakeNetworkAccessManager network(answerEveryStep(false));
        auto client = fakeClient(network);
        QTemporaryDir dir;
        auto store = std::make_shared<DeletionStore>(dir.path());
        RetirementRun run(client.get(), store, DeletionContext(), RetirementRun::Mode::Retire,
            numberedTargets(2));
        QSignalSpy finished(&run, &RetirementRun::finished);
        run.start();
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(run.completedIds().size(), 2);
        const QList<QJsonObject> entries = AuditLog::readEntries(store->audit().filePath());
        QCOMPARE(
            entries.first().value("event"_L1).toString(), QStringLiteral("retirement_started"));
        QCOMPARE(
            entries.last().value("event"_L1).toString(), QStringLiteral("retirement_finished"));
        QVERIFY(RetirementSettlement::interrupted(entries).isEmpty());
        QVERIFY(RetirementSettlement::settleAtStart(store->audit()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRetirementSettlement)
#include "tst_retirementsettlement.moc"
