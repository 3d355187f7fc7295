#!/usr/bin/env bash
# swift format lint over Sources, Tests and Package.swift with the repository's .swift-format.
#
# Every rule finding fails the lint. The pretty printer's layout findings (indentation of
# continuation lines, line breaks, spacing, trailing commas, line length) are counted but do not
# fail it: swift-format 6.3 cannot switch them off in its configuration
# (swiftlang/swift-format#764, #964), and the code aligns continuation lines by hand, which the
# pretty printer never does. `scripts/lint.sh --layout` lists them.
#
# It also fails on an import against the direction of the targets (CONTRIBUTING.md), which the
# build enforces too (--explicit-target-dependency-import-check) but only for what it compiles.
set -uo pipefail
cd "$(dirname "$0")/.."

# `import X`, also `@testable import`, `public import`, `import struct X.Y`: the module X.
IMPORT='^[[:space:]]*(@[A-Za-z_]+[[:space:]]+)*((public|package|internal|fileprivate|private)[[:space:]]+)?import[[:space:]]+((typealias|struct|class|enum|protocol|let|var|func)[[:space:]]+)?'
direction=$(
    grep -rnE --include='*.swift' "${IMPORT}(InspraakSite|InspraakTemplates)([[:space:].]|$)" Sources/InspraakSource |
        sed 's/$/  <- the source target (load, model, graph) must not see pages or templates: records flow one way, into the site target/'
    grep -rnE --include='*.swift' "${IMPORT}[A-Za-z_]" Sources/InspraakTemplates |
        grep -vE ":${IMPORT#^}Foundation[[:space:]]*$" |
        sed 's/$/  <- the templates target imports only Foundation: the Mustache engine knows nothing of records, pages or files/'
)
if [ -n "$direction" ]; then
    echo "$direction"
    echo "lint: $(wc -l <<<"$direction") import(s) against the direction of the targets; see CONTRIBUTING.md" >&2
fi

SWIFT=${SWIFT:-swift}
if ! "$SWIFT" format --version >/dev/null 2>&1; then
    echo "lint: \`$SWIFT format\` is not available; it ships with Swift 6 toolchains" >&2
    exit 2
fi

LAYOUT='\[(Indentation|AddLines|RemoveLine|Spacing|TrailingComma|LineLength|EndOfLineComment|TrailingWhitespace)\]'
output=$("$SWIFT" format lint --strict --parallel --configuration .swift-format -r Sources Tests Package.swift 2>&1)
status=$?

if [ "${1:-}" = "--layout" ]; then
    grep -E "$LAYOUT" <<<"$output"
    exit 0
fi

findings=$(grep -E ': (error|warning): ' <<<"$output" | grep -vE "$LAYOUT" | sort -u)
layout=$(grep -cE "$LAYOUT" <<<"$output")
if [ -n "$findings" ]; then
    echo "$findings"
    echo "lint: $(wc -l <<<"$findings") finding(s); see .swift-format and CONTRIBUTING.md" >&2
fi
if [ -n "$findings" ] || [ -n "$direction" ]; then
    exit 1
fi
# Exit status 1 with only layout findings is expected; anything else (a file swift-format cannot
# parse, a bad configuration) is a failure.
if [ "$status" -ne 0 ] && [ "$layout" -eq 0 ]; then
    echo "$output" >&2
    exit "$status"
fi
if grep -qvE "$LAYOUT|^$" <<<"$output"; then
    grep -vE "$LAYOUT|^$" <<<"$output" >&2
    exit 1
fi
echo "lint: clean ($layout layout findings not enforced; scripts/lint.sh --layout lists them)"
