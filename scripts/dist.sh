#!/usr/bin/env bash
# make dist: one self-contained executable and its companions in
# dist/inspraak-<version>-linux-<arch>.tar.gz.
#
# The executable is linked statically against the Swift runtime and Foundation
# (--static-swift-stdlib), libcmark-gfm, libyaml and libstdc++ (Debian ships their .a archives)
# and libgcc, so it needs nothing at run time but the C library. SwiftPM links the system
# libraries through pkg-config; here pkg-config finds .pc files whose only library folder holds
# the static archives, so `-lcmark-gfm` and `-lyaml` can only mean the .a files.
# The build has its own scratch folder (.build/dist), so it never mixes with `make build`.
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
ROOT=$PWD
SCRATCH=$ROOT/.build/dist
STATIC=$SCRATCH/static-libs
PKGCONFIG=$SCRATCH/pkgconfig
VERSION=$(scripts/version.sh)
ARCH=$(uname -m)
NAME=inspraak-$VERSION-linux-$ARCH
MULTIARCH=$(gcc -print-multiarch 2>/dev/null || echo "$ARCH-linux-gnu")

archive() {
    for folder in "/usr/lib/$MULTIARCH" /usr/lib64 /usr/lib; do
        [ -f "$folder/$1" ] && { echo "$folder/$1"; return; }
    done
    local found
    found=$(gcc -print-file-name="$1" 2>/dev/null || true)
    [ -n "$found" ] && [ -f "$found" ] && { echo "$found"; return; }
    echo "dist: $1 not found (Debian: libcmark-gfm-dev, libcmark-gfm-extensions-dev, libyaml-dev, libstdc++-dev)" >&2
    exit 1
}

mkdir -p "$STATIC" "$PKGCONFIG"
for library in libcmark-gfm.a libcmark-gfm-extensions.a libyaml.a libstdc++.a; do
    ln -sf "$(archive "$library")" "$STATIC/$library"
done
cat > "$PKGCONFIG/libcmark-gfm.pc" <<PC
Name: libcmark-gfm
Description: libcmark-gfm, static archives only
Version: $(pkg-config --modversion libcmark-gfm)
Libs: -L$STATIC -lcmark-gfm -lcmark-gfm-extensions
Cflags: $(pkg-config --cflags-only-I --keep-system-cflags libcmark-gfm)
PC
cat > "$PKGCONFIG/yaml-0.1.pc" <<PC
Name: LibYAML
Description: libyaml, static archive only
Version: $(pkg-config --modversion yaml-0.1)
Libs: -L$STATIC -lyaml
Cflags: $(pkg-config --cflags-only-I --keep-system-cflags yaml-0.1)
PC

echo "dist: building inspraak $VERSION (release, static)"
PKG_CONFIG_PATH=$PKGCONFIG "$SWIFT" build -c release --product inspraak --scratch-path "$SCRATCH" \
    --static-swift-stdlib -Xswiftc -Xclang-linker -Xswiftc -static-libgcc
BIN=$("$SWIFT" build -c release --scratch-path "$SCRATCH" --show-bin-path)/inspraak

# Nothing but the C library at run time.
if ldd "$BIN" | grep -Eiv 'linux-vdso|ld-linux|/libc\.so|/libm\.so|/libpthread\.so|/libdl\.so|/librt\.so|statically linked' | grep -q .; then
    echo "dist: the executable still needs these libraries:" >&2
    ldd "$BIN" >&2
    exit 1
fi

STAGE=$ROOT/dist/$NAME
rm -rf "$STAGE" && mkdir -p "$STAGE/completions" "$STAGE/man"
install -m 755 "$BIN" "$STAGE/inspraak"
strip "$STAGE/inspraak" 2>/dev/null || true
cp README.md LICENSE CHANGELOG.md "$STAGE/"
python3 scripts/release-notes.py "$VERSION" > "$STAGE/RELEASE-NOTES.md"
"$STAGE/inspraak" --generate-completion-script bash > "$STAGE/completions/inspraak.bash"
"$STAGE/inspraak" --generate-completion-script zsh > "$STAGE/completions/_inspraak"
"$STAGE/inspraak" --generate-completion-script fish > "$STAGE/completions/inspraak.fish"
SWIFT=$SWIFT bash scripts/man-page.sh "$STAGE/inspraak" "$STAGE/man"

# A reproducible archive: sorted names, one fixed time (the last commit's), no owners.
EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
find "$STAGE" -exec touch -h -d "@$EPOCH" {} +
TARBALL=$ROOT/dist/$NAME.tar.gz
tar --sort=name --mtime="@$EPOCH" --owner=0 --group=0 --numeric-owner --format=gnu \
    -C "$ROOT/dist" -cf - "$NAME" | gzip -n -9 > "$TARBALL"
SHA=$(sha256sum "$TARBALL" | cut -d' ' -f1)
echo "$SHA  $NAME.tar.gz" > "$TARBALL.sha256"

echo "dist: $TARBALL ($(du -k "$TARBALL" | cut -f1) KB; executable $(du -k "$STAGE/inspraak" | cut -f1) KB)"
echo "dist: for the CI recipes (docs/ci.md):"
echo "  INSPRAAK_VERSION: \"$VERSION\""
echo "  INSPRAAK_SHA256: \"$SHA\""
