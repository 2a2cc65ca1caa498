#pragma once

#include "benchoptions.h"

class BenchReport;

// jobs_panel_update_10k_ms: one poll's update of the Jobs panel (shown, the deletion expanded)
// holding a deletion of options.deleteDesktops desktops (100 jobs of 100 at full size).
bool runJobsPanelBenchmark(const BenchOptions &options, BenchReport &report);
