#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

// Measures how long the event loop went without turning: a short timer ticks while a test waits,
// and the longest gap between two ticks is what a user would have seen as a frozen window.
class EventLoopWatch : public QObject
{
    Q_OBJECT
public:
    explicit EventLoopWatch(QObject *parent = nullptr)
        : QObject(parent)
    {
        m_timer.setInterval(10);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            m_longestGapMs = std::max(m_longestGapMs, m_sinceLastTick.restart());
            ++m_ticks;
        });
        m_sinceLastTick.start();
        m_timer.start();
    }

    qint64 longestGapMs() const { return std::max(m_longestGapMs, m_sinceLastTick.elapsed()); }
    int ticks() const { return m_ticks; }

private:
    QTimer m_timer;
    QElapsedTimer m_sinceLastTick;
    qint64 m_longestGapMs = 0;
    int m_ticks = 0;
};
