#pragma once

#include <QObject>
#include <QTimer>

#include <algorithm>
#include <utility>

// Runs `work` in a later turn of the event loop, once the input, paints and timers already due have
// been handled: how long work of 10,000 desktops is cut in pieces the window stays responsive
// between. A zero-delay call is not enough: Qt's GLib dispatcher lets timers wait until the posted
// events are drained, so a queued call runs in the same stretch as the events before it.
// Nothing runs if `context` is destroyed first. afterMs > 1 also lets a window paint first (16: a
// frame).
template<typename Work>
void runInLaterTurn(const QObject *context, Work &&work, int afterMs = 1)
{
    QTimer::singleShot(std::max(1, afterMs), Qt::PreciseTimer, context, std::forward<Work>(work));
}
