#pragma once

#include "benchoptions.h"

class BenchReport;

// Parsing and inserting, filtering, sorting and selecting at full size, in this process.
// Returns false when something did not work (a page did not parse, a filter matched nothing):
// a figure of broken code is no figure.
bool runModelBenchmarks(const BenchOptions &options, BenchReport &report);

// The sorted table taking three projects' pages interleaved, against one project's (part of the
// all-regions group).
bool runInterleavedProjectsBenchmark(const BenchOptions &options, BenchReport &report);
