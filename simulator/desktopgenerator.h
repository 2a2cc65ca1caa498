#pragma once

#include "simulateddesktop.h"

#include <QList>

// Realistic desktops that are the same for the same seed, so that demos, tests and bug reports
// can name desktops that exist: a mix of statuses, connected users, yearly/monthly billing,
// protected tags and users with more than one desktop.
namespace DesktopGenerator {

// Computer names are {namePrefix}-{DEPARTMENT}-{number}, numbered from 1.
QList<SimulatedDesktop> generate(int count, quint32 seed, const QString &namePrefix = QStringLiteral("WKS"));

} // namespace DesktopGenerator
