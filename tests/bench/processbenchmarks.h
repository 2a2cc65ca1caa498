#pragma once

#include "benchoptions.h"

class BenchReport;

// Start-up time and resident memory of a real process: workspace-bench-probe (a WindowProbe)
// started with its own temporary home, so that no user setting is read or written.
bool runProcessBenchmarks(const BenchOptions &options, BenchReport &report);
// gui_max_stall_during_10k_delete_ms and rss_10k_delete_mb: the window process follows a deletion
// of options.deleteDesktops desktops from the dialog's click to the last job's end.
bool runWindowDeletionBenchmark(const BenchOptions &options, BenchReport &report);
// demo_delete_2k_of_10k_max_stall_ms and demo_delete_2k_of_10k_requests_unsent: the window's in-app
// demo (options.demoDesktops desktops) deletes options.demoDeleteDesktops of them, as a user would.
bool runDemoDeletionBenchmark(const BenchOptions &options, BenchReport &report);
// all_regions_3x10k_vs_one_ratio and all_regions_3x10k_max_stall_ms: the window lists one project of
// options.regionDesktops desktops, then the account's three such projects (in three regions) at once.
bool runAllRegionsBenchmark(const BenchOptions &options, BenchReport &report);
