#!/usr/bin/env bash
# Tests the tarball `make dist` made, as a municipality's pipeline would use it:
#   - it holds the executable, README, LICENSE, CHANGELOG, release notes, completions and manual;
#   - ldd shows nothing but the C library;
#   - with an empty environment (env -i), and again inside a chroot that holds nothing but the
#     executable and the C library's files (no Swift, no libcmark-gfm, no libyaml, no tzdata),
#     it runs --version, init, check and build;
#   - its build of the example site is byte-identical to the normal build's (the golden copy);
#   - the CI recipes' shell steps install it from a file:// "release" and run (CIRecipeRunTests).
# Usage: scripts/test-dist.sh [tarball]   (default: this version's, in dist/)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
NOW=2026-11-15
TARBALL=${1:-dist/inspraak-$(scripts/version.sh)-linux-$(uname -m).tar.gz}
[ -f "$TARBALL" ] || { echo "test-dist: $TARBALL not found; run make dist" >&2; exit 1; }
TARBALL=$(cd "$(dirname "$TARBALL")" && pwd)/$(basename "$TARBALL")
WORK=$(mktemp -d)
cleanup() { [ -d "$WORK/jail/proc" ] && umount "$WORK/jail/proc" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
failures=0
pass() { echo "ok    $*"; }
fail() { echo "FAIL  $*"; failures=$((failures + 1)); }

tar -xzf "$TARBALL" -C "$WORK"
NAME=$(basename "$TARBALL" .tar.gz)
DIR=$WORK/$NAME
BIN=$DIR/inspraak

expected="CHANGELOG.md LICENSE README.md RELEASE-NOTES.md completions/_inspraak completions/inspraak.bash completions/inspraak.fish inspraak man/inspraak.1"
contents=$(cd "$DIR" && find . -type f | sed 's|^\./||' | sort | tr '\n' ' ' | sed 's/ $//')
[ "$contents" = "$expected" ] && pass "the tarball holds: $contents" || fail "the tarball holds: $contents (expected: $expected)"
grep -q "EUROPEAN UNION PUBLIC LICENCE v. 1.2" "$DIR/LICENSE" && pass "LICENSE is the EUPL-1.2" || fail "LICENSE is not the EUPL-1.2"
listing=$(tar -tvzf "$TARBALL" | awk '{print $2}' | sort -u)
[ "$listing" = "0/0" ] && pass "every entry is owned by 0/0" || fail "owners in the tarball: $listing"

echo "ldd $NAME/inspraak:"
ldd "$BIN" | sed 's/ (0x[0-9a-f]*)//; s/^/      /'
if ldd "$BIN" | grep -Eiv 'linux-vdso|ld-linux|/libc\.so|/libm\.so|/libpthread\.so|/libdl\.so|/librt\.so' | grep -q .; then
    fail "the executable needs more than the C library"
else
    pass "the executable needs nothing but the C library"
fi

# 1. An empty environment.
version=$(env -i "$BIN" --version)
[[ "$NAME" == "inspraak-$version-linux-"* ]] && pass "env -i inspraak --version: $version" || fail "--version printed '$version' for $NAME"
verbose=$(env -i "$BIN" --version --verbose | tr '\n' ' ')
[[ "$verbose" == *"libcmark-gfm 0."*"libyaml 0."*"tcmalloc gperftools 2."* ]] && pass "env -i inspraak --version --verbose: $verbose" || fail "--version --verbose printed: $verbose"
if env -i "$BIN" init "$WORK/new" --now $NOW >/dev/null &&
   env -i "$BIN" check --source "$WORK/new" --now $NOW --strict 2>/dev/null &&
   (cd "$WORK/new" && env -i "$BIN" build --no-git --now $NOW >/dev/null); then
    pass "env -i: init, then check --strict and build of the new site"
else
    fail "env -i: init, check or build of a new site failed"
fi
env -i "$BIN" build --source "$ROOT" --output "$WORK/example" --base-url https://example.nl/participatie/ --no-git --now $NOW >/dev/null
if diff -r "$ROOT/Tests/Golden/example-site" "$WORK/example" >/dev/null; then
    pass "env -i: the example site is byte-identical to the golden copy (Tests/Golden/example-site)"
else
    fail "env -i: the example site differs from the golden copy:"; diff -rq "$ROOT/Tests/Golden/example-site" "$WORK/example" | head
fi

# 2. A root folder with nothing but the executable, the C library's files and /proc (which any
#    Linux machine has; the Swift runtime reads the command line from /proc/self/cmdline).
JAIL=$WORK/jail
mkdir -p "$JAIL/bin" "$JAIL/tmp" "$JAIL/site" "$JAIL/proc"
if [ "$(id -u)" = 0 ] && command -v chroot >/dev/null && mount -t proc proc "$JAIL/proc" 2>/dev/null; then
    cp "$BIN" "$JAIL/bin/inspraak"
    for library in $(ldd "$BIN" | grep -oE '/[^ ]+'); do
        mkdir -p "$JAIL$(dirname "$library")"
        cp -L "$library" "$JAIL$library"
    done
    cp -r "$ROOT/content" "$ROOT/images" "$ROOT/site.toml" "$JAIL/site/"
    CHROOT=$(command -v chroot)
    jail() { env -i "$CHROOT" "$JAIL" /bin/inspraak "$@"; }
    echo "the chroot holds: $(cd "$JAIL" && find . -path ./proc -prune -o -type f -not -path './site/*' -print | sort | tr '\n' ' ')/proc"
    if jail --version >/dev/null && jail init /new --now $NOW >/dev/null && jail check --source /new --now $NOW --strict 2>/dev/null &&
       jail build --source /new --no-git --now $NOW >/dev/null &&
       jail build --source /site --output /example --base-url https://example.nl/participatie/ --no-git --now $NOW >/dev/null; then
        pass "chroot without Swift: --version, init, check, build"
        if diff -r "$ROOT/Tests/Golden/example-site" "$JAIL/example" >/dev/null; then
            pass "chroot without Swift: the example site is byte-identical to the golden copy"
        else
            fail "chroot: the example site differs from the golden copy:"; diff -rq "$ROOT/Tests/Golden/example-site" "$JAIL/example" | head
        fi
    else
        fail "chroot without Swift: a command failed"
    fi
else
    echo "skip  the chroot test needs root, chroot and mounting /proc"
fi

# 3. The CI recipes, run against this tarball.
if [ -n "${SKIP_RECIPES:-}" ]; then
    echo "skip  the CI recipes (SKIP_RECIPES is set)"
elif INSPRAAK_DIST_TARBALL=$TARBALL python3 scripts/run-ci-recipes.py; then
    pass "the CI recipes' shell steps install this tarball and check and build a new site"
else
    fail "the CI recipes' shell steps"
fi

if [ "$failures" -gt 0 ]; then echo "test-dist: $failures failed"; exit 1; fi
echo "test-dist: all passed ($(du -k "$TARBALL" | cut -f1) KB tarball)"
