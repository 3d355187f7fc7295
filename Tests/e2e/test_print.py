"""Print: a record page printed to PDF by Chromium (A4, the page's own print style) and read back
with pdftotext: no navigation, skip link or footer; the address of every external link written
out; points, their outcomes and the steps of the trail not split over two pages."""
from __future__ import annotations

import base64
import os
import re
import subprocess
import tempfile

import pytest

from conftest import SITE


def _record_with_external_links() -> str:
    """The first record page (by path) with points and an external link in its text."""
    for rel in sorted(SITE.html):
        if not re.fullmatch(r"(meetings|advice|feedback)/[^/]+/index\.html", rel):
            continue
        html = open(SITE.abs(rel), encoding="utf-8").read()
        main = html.split("<main", 1)[-1]
        if 'class="item"' in main and re.search(r'<a href="https?://', main):
            return rel
    pytest.skip("no record page with points and an external link")


RECORD = _record_with_external_links()


def _print(browser, path: str) -> tuple[str, str]:
    """The page printed as Chromium prints it for a person (A4 from @page), as text and pdfinfo."""
    browser.load(path)
    pdf = browser.drv.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": False})
    with tempfile.TemporaryDirectory(prefix="inspraak-e2e-print-") as tmp:
        out = os.path.join(tmp, "page.pdf")
        with open(out, "wb") as fh:
            fh.write(base64.b64decode(pdf["data"]))
        text = subprocess.run(["pdftotext", "-layout", out, "-"], capture_output=True, text=True, check=True).stdout
        info = subprocess.run(["pdfinfo", out], capture_output=True, text=True, check=True).stdout
    return text, info


def test_record_prints_on_a4_without_navigation_and_with_link_addresses(browser):
    path = SITE.path_of(RECORD)
    browser.load(path)
    page = browser.js("""
        const texts = (sel) => [...document.querySelectorAll(sel)].map(e => e.textContent.trim()).filter(t => t);
        return {
          title: document.querySelector('main h1').textContent.trim(),
          mainStart: document.querySelector('main').innerText.trim().split('\\n')[0].trim(),
          site: document.querySelector('.site-title').textContent.trim(),
          nav: texts('.site-nav a'),
          skip: document.querySelector('.skip-link').textContent.trim(),
          builtWith: document.querySelector('.built-with').textContent.trim(),
          external: [...document.querySelectorAll('main a[href^="http"]')].map(a => a.getAttribute('href')),
        };""")
    text, info = _print(browser, path)
    flat = " ".join(text.split())

    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert size and abs(float(size.group(1)) - 595.3) < 2 and abs(float(size.group(2)) - 841.9) < 2, \
        f"{RECORD}: not printed on A4 portrait:\n{info}"
    assert page["title"] in flat and page["site"] in flat, f"{RECORD}: title or site name missing from the print"
    # The header prints as the site's name alone: nothing of the menu before the main content,
    # and the menu's labels nowhere in their order.
    header = " ".join(text.split(page["mainStart"], 1)[0].split())
    assert page["site"] in header and not [label for label in page["nav"] if label in header], \
        f"{RECORD}: the navigation is printed: {header!r}"
    assert " ".join(page["nav"]) not in flat, f"{RECORD}: the navigation is printed"
    assert page["skip"] not in flat, f"{RECORD}: the skip link is printed"
    assert page["builtWith"] not in flat, f"{RECORD}: the footer is printed"
    assert page["external"], f"{RECORD}: no external link to check"
    # pdftotext may break a long address over lines: compare without white space.
    squeezed = "".join(text.split())
    missing = [href for href in page["external"] if f"({href})" not in squeezed]
    assert not missing, f"{RECORD}: link addresses not written out in print: {missing}"


def test_points_and_trail_steps_stay_on_one_page(browser):
    browser.load(SITE.path_of(RECORD))
    browser.drv.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        styles = browser.js("""
            const of = (sel) => [...document.querySelectorAll(sel)].map(e => getComputedStyle(e).breakInside);
            return {items: of('.item'), trail: of('.timeline li'), headings: [...document.querySelectorAll('main h2')].map(e => getComputedStyle(e).breakAfter),
                    hidden: ['.site-nav', '.site-footer', '.skip-link'].map(s => getComputedStyle(document.querySelector(s)).display)};""")
    finally:
        browser.drv.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert styles["items"] and set(styles["items"]) == {"avoid"}, f"{RECORD}: points may split: {styles['items']}"
    assert not styles["trail"] or set(styles["trail"]) == {"avoid"}, f"{RECORD}: trail steps may split: {styles['trail']}"
    assert set(styles["headings"]) == {"avoid"}, f"{RECORD}: a heading may end a page: {styles['headings']}"
    assert styles["hidden"] == ["none", "none", "none"], f"{RECORD}: navigation, footer or skip link printed: {styles['hidden']}"
