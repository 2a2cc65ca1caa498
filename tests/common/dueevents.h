#pragma once

#include <QCoreApplication>
#include <QEventLoop>

// Delivers what is already due on this thread — posted events, queued signals, timers that have
// expired (zero-delay ones included) — and what those post in turn. A test that must show that
// nothing else happens after an end makes every follow-up it guards against due at once (zero
// delays), runs this, and checks: no real-time wait, and no window a slow machine could miss.
inline void runDueEvents()
{
    for (int round = 0; round < 8; ++round)
        QCoreApplication::processEvents(QEventLoop::AllEvents);
}
