#pragma once

// The CLI's exit codes, documented in its --help; scripts depend on them.
enum ExitCode : int {
    ExitSuccess = 0,       // everything done (every desktop deleted, job finished well)
    ExitPartialFailure = 1, // some desktops or sub-jobs failed
    ExitUsageError = 2,    // bad command line or configuration
    ExitApiError = 3,      // the API or the network failed
    // `list`: what arrived is printed, but the service's answers did not add up (fewer desktops
    // than announced, paging stopped while more may exist, a listing beyond its bound, usage
    // statistics that conflict): the list is not complete. A dry run whose users' look-up was
    // incomplete exits with it too (and with ExitApiError when that look-up failed).
    ExitIncompleteListing = 4,
};
