#pragma once

#include "benchoptions.h"

class BenchReport;

// The real client listing desktops from the simulator over loopback, signed, into the model
// (through DesktopLoader, as the window does). False when a load fails.
bool runLoopbackBenchmark(const BenchOptions &options, BenchReport &report);
