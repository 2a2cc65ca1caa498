#!/usr/bin/env bash
# Builds everything with AddressSanitizer + UndefinedBehaviorSanitizer in its own folder and runs
# the whole test suite there (benchmarks aside: they measure speed, which instrumentation distorts).
#   scripts/test-sanitized.sh [CTEST_ARGS...]      (build dir: $WORKSPACE_ASAN_BUILD_DIR or build-asan)
#   scripts/test-sanitized.sh --build-only         (builds and stops; CI builds while other stages run)
# A sanitizer report fails the test that caused it: UBSan does not recover, ASan and LeakSanitizer
# exit non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
build_dir=${WORKSPACE_ASAN_BUILD_DIR:-build-asan}
# No -Werror: sanitizer instrumentation makes GCC emit warnings the plain -Werror build does not.
# -g1 keeps file:line in the reports at a fraction of full debug info's compile time.
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-g1 \
    -DWORKSPACE_ADMIN_SANITIZE=ON -DWORKSPACE_ADMIN_BUILD_BENCHMARKS=OFF -DWORKSPACE_ADMIN_BUILD_TOOLS=OFF >/dev/null
cmake --build "$build_dir" -j2
if [ "${1:-}" = --build-only ]; then
    exit 0
fi
export QT_QPA_PLATFORM=offscreen
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
# Allocations inside third-party libraries only (see the file); child processes inherit it.
export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan-suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}
ctest --test-dir "$build_dir" --output-on-failure -j2 -E '^bench_' "$@"
