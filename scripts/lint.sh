#!/bin/sh
# clang-tidy with the checks in .clang-tidy over the project's own sources; exits non-zero on any
# finding (WarningsAsErrors). Tests, generated moc files and third-party code are not checked.
#   scripts/lint.sh [BUILD_DIR] [PATH...]     (default build-lint; all of app cli simulator models ui tools)
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build-lint"}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- app cli simulator models ui tools

if [ ! -f "$build/compile_commands.json" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
fi
# The moc and uic outputs the sources include must exist before clang-tidy reads them.
for target in workspace_api_autogen workspace_deletion_autogen workspace_settings_autogen workspace_sim_autogen \
    workspace-sim_autogen workspace_models_autogen workspace_ui_autogen workspace_demo_autogen \
    workspace_cli_autogen workspace-admin-cli_autogen workspace-admin_autogen workspace-screenshots_autogen; do
    cmake --build "$build" --target "$target" >/dev/null 2>&1 || true
done

files=""
for path in "$@"; do
    files="$files $(find "$root/$path" -name '*.cpp' -not -path '*/tests/*' | sort | tr '\n' ' ')"
done
# shellcheck disable=SC2086 # one argument per file
run-clang-tidy -quiet -p "$build" -j "$(nproc)" $files 2>&1 \
    | grep -v -E '^[0-9]+ warnings? generated|^Suppressed [0-9]+ warnings|^Use -header-filter|^Enabled checks|^clang-tidy-14 ' \
    | tee "$build/lint.log" | grep -E 'warning:|error:' && { echo "lint: findings above (full log: $build/lint.log)" >&2; exit 1; }
echo "lint: clean"
