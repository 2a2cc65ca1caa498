#!/bin/sh
# Runs every libFuzzer target for a fixed time each, seeded from tests/data.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [BUILD_DIR]     (default 30 s, build-fuzz)
#   FUZZ_RUNS=1000000 scripts/fuzz.sh 0                  (a fixed number of executions instead)
# Needs clang and libclang-rt-14-dev. Exits non-zero when a target finds a crash; the input that
# crashed is kept in BUILD_DIR/fuzz-artifacts/. The growing corpus lives in BUILD_DIR/fuzz-corpus/.
set -eu

seconds=${1:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${2:-"$root/build-fuzz"}
data="$root/tests/data"
targets="fuzz_desktoppage fuzz_job fuzz_subjobs fuzz_errorbody fuzz_signer"

if [ ! -f "$build/CMakeCache.txt" ]; then
    CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DWORKSPACE_ADMIN_FUZZ=ON >/dev/null
fi
# shellcheck disable=SC2086 # the target list is meant to split
cmake --build "$build" -j2 --target $targets

seed() { # seed TARGET FILE...: copies the files that exist into the target's corpus
    dir="$build/fuzz-corpus/$1"
    mkdir -p "$dir"
    shift
    for file in "$@"; do
        [ -f "$file" ] && cp "$file" "$dir/"
    done
    return 0
}
seed fuzz_desktoppage "$data"/desktops-*.json "$data/json-array.json" "$data/malformed.json"
seed fuzz_job "$data"/job-*.json "$data/batch-delete-accepted.json"
seed fuzz_subjobs "$data"/sub-jobs-*.json "$data"/job-*.json
seed fuzz_signer "$root"/tests/fuzz/seeds/signer/*
mkdir -p "$build/fuzz-corpus/fuzz_errorbody"
for file in "$data"/error-*.json "$data/proxy-error.html"; do
    # The first two bytes pick the HTTP status: 0x01 0x2c is 300 + 100 = 400.
    { printf '\001\054'; cat "$file"; } >"$build/fuzz-corpus/fuzz_errorbody/$(basename "$file")"
done

mkdir -p "$build/fuzz-artifacts"
limit="-max_total_time=$seconds"
[ -n "${FUZZ_RUNS:-}" ] && limit="-runs=$FUZZ_RUNS"
status=0
for target in $targets; do
    echo "== $target ($limit)"
    binary=$(find "$build" -type f -name "$target" -perm -u+x | head -n 1)
    if ! "$binary" "$limit" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$build/fuzz-artifacts/$target-" "$build/fuzz-corpus/$target" \
        2>"$build/fuzz-artifacts/$target.log"; then
        echo "!! $target failed; see $build/fuzz-artifacts/$target.log" >&2
        tail -n 40 "$build/fuzz-artifacts/$target.log" >&2
        status=1
    fi
    grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$build/fuzz-artifacts/$target.log" || true
done
exit $status
