"""In Chromium, on a sample of every kind of page: axe-core, reflow, keyboard, focus, resources."""
from __future__ import annotations

import pytest

import checks
from conftest import PAGES

PAGE_IDS = list(PAGES)


def _fail(page: str, what: str, problems: list[str]) -> None:
    if problems:
        pytest.fail(f"{page}: {what}:\n  - " + "\n  - ".join(problems), pytrace=False)


# ----------------------------------------------------------------------------- loading
@pytest.mark.parametrize("page", PAGE_IDS)
def test_page_loads_with_its_assets(browser, page):
    """Every request the page makes succeeds under the sub-path, and the stylesheet applies."""
    path = PAGES[page]
    browser.load(path)
    problems = []
    for req, status in browser.server.requests:
        if req == path and page == "404":
            if status != 404:
                problems.append(f"a missing URL answered {status}, expected 404 (test set-up)")
            continue
        if status >= 400 and not req.startswith("/favicon.ico"):
            problems.append(f"request {req} failed with HTTP {status}")
    sheets = browser.js("""return [...document.styleSheets].map(s => {
        try { return {href: s.href, rules: s.cssRules.length}; } catch (e) { return {href: s.href, rules: -1}; } })""")
    if not any(s["rules"] > 0 for s in sheets):
        problems.append(f"no stylesheet applied (document.styleSheets: {sheets})")
    if page == "404":
        h1 = browser.js("const h = document.querySelector('h1'); return h ? h.textContent.trim() : ''")
        if not h1:
            problems.append("the not-found page has no <h1>")
    _fail(page, "page load", problems)


# ----------------------------------------------------------------------------- axe-core
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", PAGE_IDS)
def test_axe_wcag21aa(browser, page, scheme):
    """axe-core, tags wcag2a wcag2aa wcag21a wcag21aa: zero violations. The theme declares
    color-scheme: light dark, so the dark colour scheme is checked too."""
    browser.load(PAGES[page], dark=(scheme == "dark"))
    _fail(page, f"axe-core {browser.axe_version} violations ({scheme} colour scheme)",
          checks.axe_problems(browser))


# ----------------------------------------------------------------------------- reflow / zoom
@pytest.mark.parametrize("page", PAGE_IDS)
def test_reflow_320px(browser, page):
    """WCAG 1.4.10: at 320 CSS px wide no horizontal scrolling and nothing cut off."""
    browser.load(PAGES[page], width=320, height=640, mobile=True)
    _fail(page, "reflow at 320 CSS px (WCAG 1.4.10)", checks.reflow_problems(browser, 320))


@pytest.mark.parametrize("page", PAGE_IDS)
def test_zoom_200_percent(browser, page):
    """WCAG 1.4.4: a 1280 px window zoomed to 200 % (640 CSS px at device scale 2) keeps all text
    readable: no horizontal scrolling, nothing cut off or clipped."""
    browser.load(PAGES[page], width=640, height=450, scale=2, mobile=False)
    _fail(page, "text at 200 % zoom (1280 px window = 640 CSS px)", checks.reflow_problems(browser, 640))


# ----------------------------------------------------------------------------- keyboard
@pytest.mark.parametrize("page", PAGE_IDS)
def test_skip_link(browser, page):
    """The skip link is the first focusable element, is visible when focused, and Enter moves
    focus to main#inhoud, so that the next Tab continues inside the main content."""
    browser.load(PAGES[page])
    _fail(page, "skip link", checks.skip_link_problems(browser))


@pytest.mark.parametrize("page", PAGE_IDS)
def test_focus_visible(browser, page):
    """Every interactive element (a, button, summary, [tabindex]) shows a focus indicator: its
    outline, box-shadow or background differs between unfocused and keyboard-focused."""
    browser.load(PAGES[page])
    problems, n = checks.focus_problems(browser)
    assert n > 0, f"{page}: no interactive elements found"
    _fail(page, f"focus indicator missing on {len(problems)} of {n} interactive elements", problems)
