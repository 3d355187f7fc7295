"""In Chromium, on a sample of every kind of page of both themes (the default and the house
style themes/voorbeeldstad/): axe-core (WCAG 2.2 AA), reflow, keyboard, focus, target size,
focus not obscured, resources."""
from __future__ import annotations

import pytest

import checks
from conftest import PAGES, SITE, THEMES

PAGE_IDS = list(PAGES)
# One page of every kind: the sample's list, theme and other pages, its largest record of each
# kind (the first three records in it) and one page bundle (every advice with a PDF is one). The
# house style, which changes only tokens, logo and footer, is checked on these, the default
# theme on the whole sample.
_RECORDS = [p for p in PAGE_IDS if p.count("/") == 2 and p.startswith(("meetings/2", "advice/2", "feedback/2"))]
_BUNDLES = [f[: -len("index.html")] for f in SITE.bundles()]
_KEEP = set(_RECORDS[:3] + [b for b in _BUNDLES if b not in _RECORDS[:3]][:1])
KIND_PAGE_IDS = [p for p in PAGE_IDS if p not in _RECORDS or p in _KEEP]
THEMED_PAGES = [("default", p) for p in PAGE_IDS] + [("voorbeeldstad", p) for p in KIND_PAGE_IDS]
# Long pages to tab through (WCAG 2.4.11): home, the largest meeting page, open items.
LONG_PAGES = [p for p in PAGE_IDS if p in ("home", "open/")] + \
    [p for p in PAGE_IDS if p.count("/") == 2 and p.startswith("meetings/2")][:1]


def _path(pages: dict[str, str], page: str) -> str:
    if page not in pages:
        pytest.fail(f"{page}: not in this theme's build (pages: {sorted(pages)})", pytrace=False)
    return pages[page]


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
@pytest.mark.parametrize("theme,page", THEMED_PAGES)
def test_axe_wcag22aa(themed, theme, page, scheme):
    """axe-core, tags wcag2a wcag2aa wcag21a wcag21aa wcag22aa: zero violations. The theme
    declares color-scheme: light dark, so the dark colour scheme is checked too."""
    browser, pages = themed
    browser.load(_path(pages, page), dark=(scheme == "dark"))
    _fail(f"{theme} {page}", f"axe-core {browser.axe_version} violations ({scheme} colour scheme)",
          checks.axe_problems(browser))


# ----------------------------------------------------------------------------- WCAG 2.2 beyond axe
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("page", KIND_PAGE_IDS)
@pytest.mark.parametrize("theme", THEMES)
def test_target_size(themed, theme, page, width):
    """WCAG 2.5.8: every link or button that is not part of a sentence is at least 24x24 CSS px,
    or far enough from the others (a 24 px circle around it touches no other target)."""
    browser, pages = themed
    browser.load(_path(pages, page), width=width, height=900, mobile=width < 600)
    problems, n = checks.target_size_problems(browser)
    assert n > 0, f"{page}: no targets found"
    _fail(f"{theme} {page} at {width} px", f"targets smaller than 24x24 px and too close (WCAG 2.5.8), of {n}", problems)


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("page", LONG_PAGES)
@pytest.mark.parametrize("theme", THEMES)
def test_focus_not_obscured(themed, theme, page, width):
    """WCAG 2.4.11: tabbing forward from the top and back from the end of a long page, no
    focused element lies under a sticky or fixed bar (the site header, should a theme make it
    sticky)."""
    browser, pages = themed
    browser.load(_path(pages, page), width=width, height=700, mobile=width < 600)
    problems, stops = checks.focus_obscured_problems(browser)
    assert stops > 20, f"{page}: only {stops} focus stops"
    _fail(f"{theme} {page} at {width} px", "focused elements hidden under a sticky bar (WCAG 2.4.11)", problems)


@pytest.mark.parametrize("theme", THEMES)
def test_consistent_help(theme):
    """WCAG 3.2.6: every HTML page of the build has the same help links (reageer, contact), in
    the same order, in the footer."""
    from conftest import SITE, house_site
    site = SITE if theme == "default" else house_site()
    pages = {f: open(site.abs(f), encoding="utf-8").read() for f in site.html}
    import sitelib
    if theme == "default" and sitelib.SOURCE != sitelib.REPO and not any(checks.help_links(h) for h in pages.values()):
        pytest.skip("the site sets neither contact nor respond_url under [organisation] (E2E_SOURCE)")
    assert len(pages) > 50
    _fail(theme, "help links not consistent (WCAG 3.2.6)", checks.consistent_help_problems(pages))


# ----------------------------------------------------------------------------- reflow / zoom
@pytest.mark.parametrize("theme,page", THEMED_PAGES)
def test_reflow_320px(themed, theme, page):
    """WCAG 1.4.10: at 320 CSS px wide no horizontal scrolling and nothing cut off."""
    browser, pages = themed
    browser.load(_path(pages, page), width=320, height=640, mobile=True)
    _fail(f"{theme} {page}", "reflow at 320 CSS px (WCAG 1.4.10)", checks.reflow_problems(browser, 320))


@pytest.mark.parametrize("theme,page", THEMED_PAGES)
def test_zoom_200_percent(themed, theme, page):
    """WCAG 1.4.4: a 1280 px window zoomed to 200 % (640 CSS px at device scale 2) keeps all text
    readable: no horizontal scrolling, nothing cut off or clipped."""
    browser, pages = themed
    browser.load(_path(pages, page), width=640, height=450, scale=2, mobile=False)
    _fail(f"{theme} {page}", "text at 200 % zoom (1280 px window = 640 CSS px)", checks.reflow_problems(browser, 640))


# ----------------------------------------------------------------------------- keyboard
@pytest.mark.parametrize("page", PAGE_IDS)
def test_skip_link(browser, page):
    """The skip link is the first focusable element, is visible when focused, and Enter moves
    focus to main#inhoud, so that the next Tab continues inside the main content."""
    browser.load(PAGES[page])
    _fail(page, "skip link", checks.skip_link_problems(browser))


@pytest.mark.parametrize("theme,page", THEMED_PAGES)
def test_focus_visible(themed, theme, page):
    """Every interactive element (a, button, summary, [tabindex]) shows a focus indicator: its
    outline, box-shadow or background differs between unfocused and keyboard-focused."""
    browser, pages = themed
    browser.load(_path(pages, page))
    problems, n = checks.focus_problems(browser)
    assert n > 0, f"{page}: no interactive elements found"
    _fail(f"{theme} {page}", f"focus indicator missing on {len(problems)} of {n} interactive elements", problems)
