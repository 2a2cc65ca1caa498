#pragma once

// Sizes and repetitions of one benchmark run. The defaults are the figures of docs/PERFORMANCE.md; the short
// mode (CI) keeps every code path but takes a few seconds.
struct BenchOptions
{
    int pageCount = 200;
    int pageSize = 500;
    int loopbackDesktops = 10000;
    int windowDesktops = 100000; // loaded by the memory probe
    int iterations = 5;
    int deleteDesktops = 10000; // 100 jobs of 100 desktops
    // The deletion benchmark runs its minutes of jobs and delays this many times faster.
    double deleteTimeCompression = 10.0;
    int processIterations = 3;   // each one starts a process (and loads 100k rows for the memory)
    // The README's demo at scale: the window's in-app demo of this many desktops deletes some.
    int demoDesktops = 10000;
    int demoDeleteDesktops = 2000; // 20 requests of 100
    // Each of the three projects of the all-regions listing; every page of desktops answered after
    // regionLatencyMs: a region's endpoint is a round trip away (and takes its time over 500
    // desktops with their details), which the loopback server, answering in milliseconds, is not.
    int regionDesktops = 10000;
    int regionLatencyMs = 200;
    bool shortMode = false;

    int desktopCount() const { return pageCount * pageSize; }

    static BenchOptions shortRun()
    {
        BenchOptions options;
        options.pageCount = 4;
        options.pageSize = 500;
        options.loopbackDesktops = 1000;
        options.windowDesktops = 2000;
        options.iterations = 1;
        options.processIterations = 1;
        options.deleteDesktops = 500;
        options.deleteTimeCompression = 20.0;
        options.demoDesktops = 1000;
        options.demoDeleteDesktops = 200;
        options.regionDesktops = 1000;
        options.shortMode = true;
        return options;
    }
};
