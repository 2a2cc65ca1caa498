#!/usr/bin/env bash
# Builds the .deb from a configured build folder and checks it: metadata, contents installed into a
# scratch prefix, the .desktop and AppStream files, and lintian's errors.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}

(cd "$build_dir" && cpack -G DEB >/dev/null)
deb=$(ls -t "$build_dir"/workspace-admin_*.deb | head -n 1)
dpkg-deb --info "$deb" | grep -E '^ (Package|Version|Depends):'

prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
dpkg-deb -x "$deb" "$prefix"
for file in usr/bin/workspace-admin usr/bin/workspace-admin-cli usr/bin/workspace-sim \
            usr/share/applications/workspace-admin.desktop \
            usr/share/icons/hicolor/scalable/apps/workspace-admin.svg \
            usr/share/doc/workspace-admin/copyright; do
    [ -e "$prefix/$file" ] || { echo "package lacks $file" >&2; exit 1; }
done
desktop-file-validate "$prefix/usr/share/applications/workspace-admin.desktop"
appstreamcli validate --no-net --pedantic "$prefix"/usr/share/metainfo/*.metainfo.xml >/dev/null
QT_QPA_PLATFORM=offscreen "$prefix/usr/bin/workspace-admin-cli" --version
if command -v lintian >/dev/null; then
    if lintian --allow-root "$deb" | grep '^E:'; then
        echo "lintian reports errors" >&2
        exit 1
    fi
fi
echo "package ok: $deb"
