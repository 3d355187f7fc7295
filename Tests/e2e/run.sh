#!/usr/bin/env bash
# End-to-end accessibility/validity suite: build the example site, serve it under /participatie/
# on 127.0.0.1, and check it with axe-core, the Nu HTML Checker, Chromium and feedparser.
#
# Usage: Tests/e2e/run.sh [path/to/inspraak] [pytest args…]
#   default binary: <repo>/.build/release/inspraak
#   env: E2E_SKIP_INSTALL=1  do not run install.sh first (it is idempotent and fast when all is there)
#        E2E_KEEP_SITE=DIR   build into DIR and keep it (default: a temp folder, removed afterwards)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
BIN="${1:-$REPO/.build/release/inspraak}"
[ $# -gt 0 ] && shift
BASE_URL="https://example.nl/participatie/"
NOW="2026-11-15"

case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
if [ ! -x "$BIN" ]; then
  echo "e2e: inspraak binary not found at $BIN (build it first: swift build -c release)" >&2
  exit 2
fi

if [ "${E2E_SKIP_INSTALL:-0}" != 1 ]; then
  bash "$HERE/install.sh" </dev/null
fi

if [ -n "${E2E_KEEP_SITE:-}" ]; then
  OUT="$E2E_KEEP_SITE"
else
  TMP="$(mktemp -d "${TMPDIR:-/tmp}/inspraak-e2e.XXXXXX")"
  trap 'rm -rf "$TMP"' EXIT
  OUT="$TMP/public"
fi
# The search index: the pinned Pagefind (make pagefind installs it; installed here when missing).
export INSPRAAK_PAGEFIND="${INSPRAAK_PAGEFIND:-$REPO/.build/tools/bin/pagefind}"
if [ ! -x "$INSPRAAK_PAGEFIND" ]; then bash "$REPO/scripts/install-pagefind.sh" </dev/null; fi
echo "e2e: building the example site with $BIN (base URL $BASE_URL, --now $NOW, $("$INSPRAAK_PAGEFIND" --version))"
"$BIN" build --source "$REPO" --output "$OUT" --base-url "$BASE_URL" --now "$NOW" --no-git

cd "$HERE"
export E2E_INSPRAAK="$BIN" E2E_SITE_DIR="$OUT" E2E_BASE_URL="$BASE_URL" E2E_NOW="$NOW" PYTHONDONTWRITEBYTECODE=1
# the whole run takes about 1.5 minutes; the outer limit only guards against a hung browser
status=0
timeout --kill-after=30 900 "${E2E_VENV:-$HERE/.venv}/bin/python" -m pytest "$@" || status=$?
if [ "$status" = 124 ]; then
  echo "e2e: FAILED: the suite did not finish within 900 s" >&2
fi
exit "$status"
