#pragma once

#include "simulateddesktop.h"

#include <QList>

// Realistic desktops that are the same for the same seed, so that demos, tests and bug reports
// can name desktops that exist: a mix of statuses, connected users, yearly/monthly billing,
// protected tags and users with more than one desktop.
namespace DesktopGenerator {

QList<SimulatedDesktop> generate(int count, quint32 seed);

} // namespace DesktopGenerator
