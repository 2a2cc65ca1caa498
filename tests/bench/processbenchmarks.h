#pragma once

#include "benchoptions.h"

class BenchReport;

// Start-up time and resident memory of a real process: this executable started again as a
// WindowProbe, with its own temporary home so that no user setting is read or written.
bool runProcessBenchmarks(const BenchOptions &options, BenchReport &report);
