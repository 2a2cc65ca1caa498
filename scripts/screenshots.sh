#!/usr/bin/env bash
# Regenerates the README's screenshots from the real app on its demo backend, in English and Chinese.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
app="$build_dir/tools/screenshots/workspace-screenshots"
out=docs/screenshots
mkdir -p "$out"
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
for lang in en zh_CN; do
    data=$(mktemp -d)
    "$app" --demo --lang "$lang" --data-dir "$data" --screenshot "$out/main-window-$lang.png"
    "$app" --demo --lang "$lang" --data-dir "$data" --screenshot-dialog "$out/deletion-dialog-$lang.png"
    "$app" --demo --lang "$lang" --data-dir "$data" --screenshot-retire "$out/retire-dialog-$lang.png"
    "$app" --demo --lang "$lang" --data-dir "$data" --screenshot-jobs "$out/jobs-panel-$lang.png"
    rm -rf "$data"
done
ls -1 "$out"
