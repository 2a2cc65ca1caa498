#!/usr/bin/env bash
# Sets up, builds in its own folder and runs every test headless.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
build_dir=${WORKSPACE_TEST_BUILD_DIR:-build-tests}
# -g1 keeps file:line in backtraces at a fraction of full debug info's compile and link time.
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-g1 \
    -DWORKSPACE_ADMIN_WERROR=ON >/dev/null
cmake --build "$build_dir" -j2
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$build_dir" --output-on-failure -j2 "$@"
