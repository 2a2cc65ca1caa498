#pragma once

#include <QElapsedTimer>

#include <ctime>

// Milliseconds of one measured step: wall time by default; with --cpu-clock the CPU time of the
// calling thread, which other processes on a busy machine do not inflate (the in-process figures
// run on one thread, so on an idle machine both agree).
class BenchClock
{
public:
    static void useThreadCpuTime(bool enabled) { s_threadCpuTime = enabled; }
    static bool usesThreadCpuTime() { return s_threadCpuTime; }

    BenchClock() { restart(); }
    void restart()
    {
        m_wall.start();
        m_cpuStart = threadCpuNanoseconds();
    }
    double elapsedMs() const
    {
        const qint64 nanoseconds = s_threadCpuTime ? threadCpuNanoseconds() - m_cpuStart : m_wall.nsecsElapsed();
        return double(nanoseconds) / 1e6;
    }

private:
    static qint64 threadCpuNanoseconds()
    {
        timespec now{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
    }

    static inline bool s_threadCpuTime = false;
    QElapsedTimer m_wall;
    qint64 m_cpuStart = 0;
};
