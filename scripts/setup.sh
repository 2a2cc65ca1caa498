#!/usr/bin/env bash
# Installs what Workspace Admin needs to build and test, from Debian 12's packages.
# Idempotent and quiet when everything is already there.
set -euo pipefail

packages=(
    cmake g++ ninja-build pkg-config
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-httpserver-dev qt6-websockets-dev qtkeychain-qt6-dev libsimdjson-dev qt6-svg-dev qt6-translations-l10n libgl-dev
    libqt6sql6-sqlite                 # the demo service keeps its state in SQLite (Qt SQL)
    fonts-dejavu-core fonts-noto-cjk
    clang libclang-rt-14-dev          # libFuzzer and the sanitizer runtimes
    lld                               # the faster linker (WORKSPACE_ADMIN_FAST_LINKER)
    dpkg-dev desktop-file-utils appstream lintian  # the .deb and its metadata checks
)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
