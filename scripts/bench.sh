#!/usr/bin/env bash
# Builds the benchmarks in Release in their own folder and prints the figures of docs/PERFORMANCE.md, one
# `name: value unit` line each (docs/PERFORMANCE.md). Arguments go to workspace-bench, e.g.
#   scripts/bench.sh                 the full run (100k desktops, medians of several runs)
#   scripts/bench.sh --short         the quick CI variant
#   scripts/bench.sh --only model --cpu-clock   in-process figures by thread CPU time
#   scripts/bench.sh --check         exit 3 when a figure misses its target
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${WORKSPACE_BENCH_BUILD_DIR:-build-bench}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DWORKSPACE_ADMIN_WERROR=ON >/dev/null
cmake --build "$build_dir" -j2 --target workspace-bench workspace-bench-probe >/dev/null

export QT_QPA_PLATFORM=offscreen
export QT_LOGGING_RULES='*.debug=false'
echo "# $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
exec "$build_dir/tests/bench/workspace-bench" "$@"
