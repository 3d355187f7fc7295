#!/usr/bin/env bash
# Pagefind, pinned, from PyPI (the pagefind-bin wheel ships the binary): into .build/tools/, so
# `make test`, the browser suite and the bench find it as .build/tools/bin/pagefind. Idempotent:
# does nothing when that version is already there. `inspraak build` takes it through --pagefind
# or INSPRAAK_PAGEFIND (docs/search.md).
set -euo pipefail
VERSION="${PAGEFIND_VERSION:-1.5.2}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.build/tools"
BIN="$TOOLS/bin/pagefind"
if [ -x "$BIN" ] && [ "$("$BIN" --version 2>/dev/null)" = "pagefind $VERSION" ]; then
  exit 0
fi
echo "installing pagefind $VERSION (PyPI pagefind-bin) into $TOOLS"
if ! "${PYTHON:-python3}" -m pip --version >/dev/null 2>&1; then
  echo "install-pagefind: ${PYTHON:-python3} has no pip; install it (Debian: apt-get install python3-pip) and run make pagefind again" >&2
  exit 1
fi
rm -rf "$TOOLS/pagefind-bin"
PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore \
  "${PYTHON:-python3}" -m pip install --quiet --no-deps --target "$TOOLS/pagefind-bin" "pagefind-bin==$VERSION" </dev/null
mkdir -p "$TOOLS/bin"
ln -sf ../pagefind-bin/pagefind_bin/pagefind "$BIN"
"$BIN" --version
