#pragma once

#include "benchoptions.h"

class BenchReport;

// Start-up time and resident memory of a real process: workspace-bench-probe (a WindowProbe)
// started with its own temporary home, so that no user setting is read or written.
bool runProcessBenchmarks(const BenchOptions &options, BenchReport &report);
