#!/usr/bin/env bash
# Sets up, builds in its own folder and runs every test headless.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
build_dir=${WORKSPACE_TEST_BUILD_DIR:-build-tests}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DWORKSPACE_ADMIN_WERROR=ON >/dev/null
cmake --build "$build_dir" -j2
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$build_dir" --output-on-failure -j2 "$@"
