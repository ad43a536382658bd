#!/bin/sh
# Renders a sweep's report.html to a PNG with headless Chromium (Debian package `chromium`), e.g. to check that every
# plot shows or to put a picture of it in a document. The page is read from disk; no network is used.
#   tools/render-report.sh REPORT.html OUT.png [WIDTH [HEIGHT]]
set -eu
if [ $# -lt 2 ]; then
    echo "usage: $0 REPORT.html OUT.png [WIDTH [HEIGHT]]" >&2
    exit 2
fi
report=$(realpath "$1")
out=$(realpath -m "$2")
width=${3:-1400}
height=${4:-6000}
if ! command -v chromium >/dev/null 2>&1; then
    echo "$0: chromium not found; install the Debian package: apt-get install -y chromium" >&2
    exit 2
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars \
    --window-size="$width,$height" --screenshot="$out" "file://$report" >/dev/null 2>&1
echo "$out"
