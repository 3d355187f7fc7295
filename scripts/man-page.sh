#!/usr/bin/env bash
# The manual page inspraak.1, made from the executable's own argument definitions by
# swift-argument-parser's generate-manual tool (the tool behind its GenerateManual package
# plugin, which reads `inspraak --experimental-dump-help`). The tool is built from the
# argument-parser checkout the package already resolved; the plugin itself is not used because it
# rebuilds the whole package in its own configuration first.
# Usage: scripts/man-page.sh <inspraak executable> <output folder> [argument-parser checkout]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
OUT=$2
PARSER=${3:-.build/checkouts/swift-argument-parser}
SWIFT=${SWIFT:-swift}
TOOLS=$PWD/.build/generate-manual

"$SWIFT" build --package-path "$PARSER" --scratch-path "$TOOLS" --product generate-manual >/dev/null
EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
mkdir -p "$OUT"
"$TOOLS/debug/generate-manual" "$BIN" --date "$(date -u -d "@$EPOCH" +%Y-%m-%d)" --output-directory "$OUT"
