#pragma once

#include "benchoptions.h"

class BenchReport;

// delete_10k_*: the engine of both front ends (DeletionPreparation, DeletionRun, the trackers
// and their shared PollingBudget) deletes options.deleteDesktops desktops against the in-process
// simulator, and the simulator counts what it was asked.
bool runDeleteBenchmark(const BenchOptions &options, BenchReport &report);
