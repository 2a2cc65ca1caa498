#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class ApiClient;

// The request rate that every job follower of one client shares: however many jobs are followed,
// at most requestsPerSecond job requests (ShowJob, sub-job pages) leave in total. A follower asks
// for one slot at a time, "not before delayMs" (its own back-off); among the followers that are
// due, the one served longest ago goes first (round-robin), so that a job with many sub-job pages
// cannot starve the others. A throttled answer (429) lowers the rate at once; it grows back slowly
// once the service has stopped throttling. A follower that withdraws (its job ended, was lost or
// is no longer followed) is never granted again.
class PollingBudget : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        double requestsPerSecond = 2.0;
        // Each 429 multiplies the rate by throttledFactor, down to minRequestsPerSecond.
        double minRequestsPerSecond = 0.2;
        double throttledFactor = 0.5;
        // After recoveryAfterMs without a 429 the rate grows by recoveryFactor, up to the cap.
        qint64 recoveryAfterMs = 20000;
        double recoveryFactor = 1.25;
    };
    // Milliseconds from any fixed origin; injected by tests to move time without waiting.
    using Clock = std::function<qint64()>;
    using Grant = std::function<void()>;

    explicit PollingBudget(QObject *parent = nullptr);
    ~PollingBudget() override;

    // The budget of every job follower of this client (created on first use, owned by it), so
    // that the window's and the command line's runs share one rate without wiring.
    static PollingBudget *forClient(ApiClient *client);

    void setSettings(const Settings &settings);
    const Settings &settings() const { return m_settings; }
    void setClock(Clock clock);

    // follower may send one request in delayMs at the earliest; grant() is called when it may.
    // A follower has at most one wish: asking again replaces it.
    void ask(QObject *follower, qint64 delayMs, Grant grant);
    // No grant follows for this follower (until it asks again); its turn in the round is forgotten.
    void withdraw(const QObject *follower);
    // The service answered 429: fewer requests from now on.
    void reportThrottled();

    double currentRate() const { return m_rate; }
    int waitingCount() const { return int(m_wishes.size()); }
    qint64 grantCount() const { return m_grants; }
    // Milliseconds until the next grant can happen; -1 when nobody waits.
    qint64 nextGrantInMs() const;
    // Grants the slot that is due now, if any (the timer calls it; tests that move an injected
    // clock call it themselves).
    void serveDue();

Q_SIGNALS:
    void rateChanged(double requestsPerSecond);

private:
    struct Wish
    {
        const QObject *key = nullptr;
        QPointer<QObject> follower;
        qint64 dueAt = 0;
        quint64 askedSequence = 0;
        Grant grant;
    };

    qint64 now() const { return m_clock(); }
    qint64 spacingMs() const;
    bool removeWish(const QObject *follower);
    void recoverRate();
    void reschedule();

    Settings m_settings;
    Clock m_clock;
    double m_rate = 2.0;
    QList<Wish> m_wishes;
    // When each follower was last served (a sequence number: 0 = never, served first).
    QHash<const QObject *, quint64> m_lastServed;
    quint64 m_sequence = 0;
    qint64 m_lastGrantAt = 0;
    bool m_grantedBefore = false;
    qint64 m_lastRateChangeAt = 0;
    qint64 m_grants = 0;
    QTimer m_timer;
};
