#include "pollingbudget.h"

#include "api/apiclient.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

Q_LOGGING_CATEGORY(lcPollingBudget, "workspace.deletion.budget")

PollingBudget::PollingBudget(QObject *parent)
    : QObject(parent)
{
    auto elapsed = std::make_shared<QElapsedTimer>();
    elapsed->start();
    m_clock = [elapsed] { return elapsed->elapsed(); };
    m_rate = m_settings.requestsPerSecond;
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &PollingBudget::serveDue);
}

PollingBudget::~PollingBudget() = default;

PollingBudget *PollingBudget::forClient(ApiClient *client)
{
    if (!client)
        return nullptr;
    if (auto *existing = client->findChild<PollingBudget *>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new PollingBudget(client);
}

void PollingBudget::setSettings(const Settings &settings)
{
    m_settings = settings;
    m_settings.requestsPerSecond = std::max(0.001, settings.requestsPerSecond);
    m_settings.minRequestsPerSecond =
        std::clamp(settings.minRequestsPerSecond, 0.001, m_settings.requestsPerSecond);
    m_rate = m_settings.requestsPerSecond;
    reschedule();
}

void PollingBudget::setClock(Clock clock)
{
    m_clock = std::move(clock);
    m_grantedBefore = false;
    m_lastRateChangeAt = now();
    reschedule();
}

qint64 PollingBudget::spacingMs() const
{
    return qint64(std::ceil(1000.0 / m_rate));
}

void PollingBudget::ask(QObject *follower, qint64 delayMs, Grant grant)
{
    if (!follower || !grant)
        return;
    removeWish(follower);
    Wish wish;
    wish.key = follower;
    wish.follower = follower;
    wish.dueAt = now() + std::max<qint64>(0, delayMs);
    wish.askedSequence = ++m_sequence;
    wish.grant = std::move(grant);
    m_wishes.append(std::move(wish));
    reschedule();
}

void PollingBudget::withdraw(const QObject *follower)
{
    m_lastServed.remove(follower);
    if (removeWish(follower))
        reschedule();
}

bool PollingBudget::removeWish(const QObject *follower)
{
    const auto removed = std::remove_if(m_wishes.begin(), m_wishes.end(),
                                        [follower](const Wish &wish) { return wish.key == follower; });
    if (removed == m_wishes.end())
        return false;
    m_wishes.erase(removed, m_wishes.end());
    return true;
}

void PollingBudget::reportThrottled()
{
    const double lowered = std::max(m_settings.minRequestsPerSecond, m_rate * m_settings.throttledFactor);
    m_lastRateChangeAt = now();
    if (lowered == m_rate)
        return;
    m_rate = lowered;
    qCInfo(lcPollingBudget) << "throttled by the service; job requests now at" << m_rate << "per second";
    Q_EMIT rateChanged(m_rate);
    reschedule();
}

void PollingBudget::recoverRate()
{
    if (m_rate >= m_settings.requestsPerSecond || now() - m_lastRateChangeAt < m_settings.recoveryAfterMs)
        return;
    m_rate = std::min(m_settings.requestsPerSecond, m_rate * std::max(1.0, m_settings.recoveryFactor));
    m_lastRateChangeAt = now();
    Q_EMIT rateChanged(m_rate);
}

qint64 PollingBudget::nextGrantInMs() const
{
    if (m_wishes.isEmpty())
        return -1;
    qint64 earliestDue = m_wishes.constFirst().dueAt;
    for (const Wish &wish : m_wishes)
        earliestDue = std::min(earliestDue, wish.dueAt);
    const qint64 allowedAt = m_grantedBefore ? m_lastGrantAt + spacingMs() : earliestDue;
    return std::max<qint64>(0, std::max(allowedAt, earliestDue) - now());
}

void PollingBudget::serveDue()
{
    // Followers that were deleted without withdrawing are forgotten.
    for (qsizetype i = m_wishes.size() - 1; i >= 0; --i) {
        if (!m_wishes.at(i).follower) {
            m_lastServed.remove(m_wishes.at(i).key);
            m_wishes.removeAt(i);
        }
    }
    const qint64 current = now();
    if (m_wishes.isEmpty() || (m_grantedBefore && current < m_lastGrantAt + spacingMs())) {
        reschedule();
        return;
    }
    // Round-robin among the due: the follower served longest ago, then the one that asked first.
    qsizetype chosen = -1;
    for (qsizetype i = 0; i < m_wishes.size(); ++i) {
        const Wish &wish = m_wishes.at(i);
        if (wish.dueAt > current)
            continue;
        if (chosen < 0) {
            chosen = i;
            continue;
        }
        const Wish &best = m_wishes.at(chosen);
        const quint64 served = m_lastServed.value(wish.key);
        const quint64 bestServed = m_lastServed.value(best.key);
        if (served < bestServed || (served == bestServed && wish.askedSequence < best.askedSequence))
            chosen = i;
    }
    if (chosen < 0) {
        reschedule();
        return;
    }
    Wish wish = m_wishes.takeAt(chosen);
    recoverRate();
    m_lastGrantAt = current;
    m_grantedBefore = true;
    m_lastServed.insert(wish.key, ++m_sequence);
    ++m_grants;
    // The timer is set before the grant: the follower may ask again from inside it.
    reschedule();
    wish.grant();
}

void PollingBudget::reschedule()
{
    const qint64 delay = nextGrantInMs();
    if (delay < 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(std::min<qint64>(delay, std::numeric_limits<int>::max())));
}
