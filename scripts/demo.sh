#!/usr/bin/env bash
# Sets up, builds and launches Workspace Admin on its built-in demo backend (a local simulator).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWORKSPACE_ADMIN_BUILD_TESTS=OFF >/dev/null
cmake --build build -j2
exec build/ui/workspace-admin --demo "$@"
