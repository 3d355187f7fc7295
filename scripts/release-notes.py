#!/usr/bin/env python3
"""Prints the release notes of a version: its section of CHANGELOG.md.

A released version has a section `## [1.2.0] …`; any other version (a build between releases)
gets the `## [Unreleased]` section. Used by scripts/dist.sh for RELEASE-NOTES.md in the tarball.
Usage: scripts/release-notes.py <version>
"""
import re
import sys
from pathlib import Path

CHANGELOG = Path(__file__).resolve().parent.parent / "CHANGELOG.md"


def sections(text: str) -> dict:
    found, name, lines = {}, None, []
    for line in text.splitlines():
        heading = re.match(r"^## \[?([^\]\s]+)\]?", line)
        if heading:
            if name:
                found[name] = lines
            name, lines = heading.group(1), []
        elif name:
            lines.append(line)
    if name:
        found[name] = lines
    return found


def main() -> int:
    version = sys.argv[1]
    found = sections(CHANGELOG.read_text(encoding="utf-8"))
    key = version if version in found else "Unreleased"
    body = "\n".join(found.get(key, [])).strip()
    title = f"inspraak {version}" + ("" if key == version else " (changes since the last release)")
    print(f"# {title}\n\n{body}\n\nThe whole history is in CHANGELOG.md. inspraak is licensed under the EUPL-1.2 (LICENSE).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
