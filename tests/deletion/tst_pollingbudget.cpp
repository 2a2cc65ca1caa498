#include "deletion/pollingbudget.h"
#include "testclient.h"

#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QString>
#include <QTest>

#include <memory>

// The budget on an injected clock: the test moves time and serves what is due itself.
class TestPollingBudget : public QObject
{
    Q_OBJECT

private:
    qint64 m_now = 0;
    std::unique_ptr<PollingBudget> m_budget;
    QList<QString> m_granted;
    std::vector<std::unique_ptr<QObject>> m_followers;

    QObject *follower(const QString &name)
    {
        for (const auto &existing : m_followers) {
            if (existing->objectName() == name)
                return existing.get();
        }
        m_followers.push_back(std::make_unique<QObject>());
        m_followers.back()->setObjectName(name);
        return m_followers.back().get();
    }

    // name asks for a slot in delayMs; with again, it asks anew as soon as it is granted.
    void ask(const QString &name, qint64 delayMs, bool again = false)
    {
        QObject *who = follower(name);
        m_budget->ask(who, delayMs, [this, name, again] {
            m_granted.append(name);
            if (again)
                ask(name, 0, true);
        });
    }

    // Moves the clock in steps of stepMs for durationMs, serving whatever is due at each step.
    void run(qint64 durationMs, qint64 stepMs = 10)
    {
        for (qint64 elapsed = 0; elapsed < durationMs; elapsed += stepMs) {
            m_budget->serveDue();
            m_now += stepMs;
        }
    }

private Q_SLOTS:
    void init()
    {
        m_now = 1000;
        m_granted.clear();
        m_followers.clear();
        m_budget = std::make_unique<PollingBudget>();
        m_budget->setClock([this] { return m_now; });
    }

    void manyFollowersShareTheCap()
    {
        for (int i = 0; i < 100; ++i)
            ask(QStringLiteral("job-%1").arg(i), 0, true);
        run(10000);
        // 2 per second in total, whatever the number of jobs: 20 in 10 s (+1 at the very start).
        QVERIFY2(m_granted.size() <= 21, qPrintable(QString::number(m_granted.size())));
        QVERIFY(m_granted.size() >= 19);
        QCOMPARE(m_budget->grantCount(), qint64(m_granted.size()));
    }

    void dueFollowersAreServedRoundRobin()
    {
        ask(QStringLiteral("a"), 0, true);
        ask(QStringLiteral("b"), 0, true);
        ask(QStringLiteral("c"), 0, true);
        run(4600);
        QCOMPARE(m_granted.mid(0, 9),
                 (QList<QString>{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                                 QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                                 QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    }

    void aFollowersBackOffIsKept()
    {
        ask(QStringLiteral("early"), 0);
        ask(QStringLiteral("late"), 5000);
        QCOMPARE(m_budget->nextGrantInMs(), qint64(0));
        run(4990);
        QCOMPARE(m_granted, QList<QString>{QStringLiteral("early")});
        QCOMPARE(m_budget->nextGrantInMs(), qint64(10));
        run(20);
        QCOMPARE(m_granted, (QList<QString>{QStringLiteral("early"), QStringLiteral("late")}));
        QCOMPARE(m_budget->nextGrantInMs(), qint64(-1));
    }

    void aWithdrawnFollowerIsNeverGranted()
    {
        ask(QStringLiteral("finished"), 0, true);
        ask(QStringLiteral("running"), 0, true);
        run(1200);
        m_budget->withdraw(follower(QStringLiteral("finished")));
        const qsizetype before = m_granted.count(QStringLiteral("finished"));
        run(5000);
        QCOMPARE(m_granted.count(QStringLiteral("finished")), before);
        QVERIFY(m_granted.count(QStringLiteral("running")) >= 10);
        QCOMPARE(m_budget->waitingCount(), 1);
    }

    void aDeletedFollowerIsForgotten()
    {
        ask(QStringLiteral("gone"), 0);
        m_followers.clear();
        run(100);
        QVERIFY(m_granted.isEmpty());
        QCOMPARE(m_budget->waitingCount(), 0);
    }

    void throttlingSlowsDownAndRecoversSlowly()
    {
        PollingBudget::Settings settings;
        settings.requestsPerSecond = 2.0;
        settings.minRequestsPerSecond = 0.25;
        settings.throttledFactor = 0.5;
        settings.recoveryAfterMs = 20000;
        settings.recoveryFactor = 2.0;
        m_budget->setSettings(settings);
        ask(QStringLiteral("a"), 0, true);
        m_budget->reportThrottled();
        QCOMPARE(m_budget->currentRate(), 1.0);
        m_budget->reportThrottled();
        m_budget->reportThrottled();
        m_budget->reportThrottled(); // never below the floor
        QCOMPARE(m_budget->currentRate(), 0.25);
        run(10000);
        // One every 4 s: at 0, 4 and 8 s.
        QCOMPARE(m_granted.size(), 3);
        run(12000);
        // 20 s after the last 429 the rate doubles once, not back to the cap at a stroke.
        QCOMPARE(m_budget->currentRate(), 0.5);
        run(60000);
        QCOMPARE(m_budget->currentRate(), 2.0);
    }

    void everyFollowerOfAClientSharesOneBudget()
    {
        QNetworkAccessManager network;
        const std::unique_ptr<ApiClient> client = makeTestClient(&network);
        PollingBudget *budget = PollingBudget::forClient(client.get());
        QVERIFY(budget);
        QCOMPARE(budget->parent(), client.get());
        QCOMPARE(PollingBudget::forClient(client.get()), budget);
        QCOMPARE(PollingBudget::forClient(nullptr), nullptr);
    }
};

QTEST_GUILESS_MAIN(TestPollingBudget)
#include "tst_pollingbudget.moc"
