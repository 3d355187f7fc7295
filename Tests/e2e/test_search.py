"""Search (search/index.html): with JavaScript, the Pagefind index built by `inspraak build`
finds a word from one record's body, Dutch stemming included, and filters work; without
JavaScript the page offers the overviews instead of a dead box. Also the open-items page's
counts by status, theme and council against numbers computed here from the built pages."""
from __future__ import annotations

import html
import os
import re
import time
import urllib.parse

import pytest

import checks
from conftest import SITE

SEARCH = "search/index.html"
# A word that stands in one record's body and on no other page of the example site.
WORD, RECORD = "waarschuwingsbordjes", "feedback/2019-09-03-terugkoppeling-stamtafel-veiligheid/index.html"
BROWSE = ["meetings/", "advice/", "feedback/", "themes/", "councils/", "places/", "open/"]


def _read(rel: str) -> str:
    with open(SITE.abs(rel), encoding="utf-8") as f:
        return f.read()


def _wait(browser, script: str, timeout: float = 15):
    end = time.time() + timeout
    while time.time() < end:
        value = browser.js(script)
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for: {script}", pytrace=False)


def _search(browser, term: str) -> list[str]:
    """Types `term` into the search form and returns the result links as site paths."""
    browser.load(SITE.path_of(SEARCH))
    _wait(browser, "return document.getElementById('search-input')")
    browser.js("const i = document.getElementById('search-input'); i.value = arguments[0];"
               "i.form.requestSubmit();", term)
    _wait(browser, "return document.querySelector('.search-status').textContent")
    return browser.js("return [...document.querySelectorAll('.search-results a')].map(a => new URL(a.href).pathname)")


def test_the_word_is_in_one_record_body_only():
    """The premise of the search test, so it cannot pass by accident."""
    pages = [f for f in SITE.html if not f.startswith("pagefind/") and WORD in _read(f).lower()]
    assert pages == [RECORD]
    body = re.search(r'<div class="body">(.*?)</div>', _read(RECORD), re.S).group(1)
    assert WORD in body.lower()


def test_pagefind_index_was_built():
    assert "pagefind/pagefind.js" in SITE.fileset, "no search index: is Pagefind installed (make pagefind)?"
    assert any(f.startswith("pagefind/filter/") for f in SITE.files)


def test_search_finds_a_word_from_a_record_body(browser):
    found = _search(browser, WORD)
    assert SITE.path_of(RECORD) in found, found
    assert len(found) == 1, found
    status = browser.js("return document.querySelector('.search-status').textContent")
    assert status == "1 stuk gevonden"
    excerpt = browser.js("return document.querySelector('.search-result-excerpt mark').textContent")
    assert excerpt.lower() == WORD


def test_dutch_stemming_finds_the_singular(browser):
    """The page's lang="nl" gives Pagefind's Dutch stemmer: one bordje finds the bordjes."""
    found = _search(browser, "waarschuwingsbordje")
    assert SITE.path_of(RECORD) in found, found


def test_search_for_nothing_found_says_so_and_keeps_the_overviews(browser):
    found = _search(browser, "xylofoonquartet")
    assert found == []
    assert browser.js("return document.querySelector('.search-status').textContent").startswith("Niets gevonden")
    assert len(browser.js("return [...document.querySelectorAll('.browse-list a')]")) == len(BROWSE)


def test_type_filter_lists_exactly_the_advice(browser):
    browser.load(SITE.path_of(SEARCH))
    _wait(browser, "return document.getElementById('search-filter-type')")
    labels = browser.js("return [...document.querySelectorAll('.search-filters label')].map(l => l.textContent)")
    assert labels == ["Soort", "Thema", "Adviesraad", "Plaats", "Status"], labels
    browser.js("const s = document.getElementById('search-filter-type'); s.value = 'Advies';"
               "s.dispatchEvent(new Event('change'));")
    _wait(browser, "return document.querySelector('.search-status').textContent")
    status = browser.js("return document.querySelector('.search-status').textContent")
    advice = sorted(f for f in SITE.html if re.fullmatch(r"advice/[^/]+/index\.html", f))
    assert status == f"{len(advice)} stukken gevonden", status
    shown = browser.js("return [...document.querySelectorAll('.search-results a')].map(a => new URL(a.href).pathname)")
    assert len(shown) == min(len(advice), 20) and set(shown) <= {SITE.path_of(f) for f in advice}, shown


def test_search_page_passes_axe_with_its_form_and_results(browser):
    _search(browser, "mantelzorg")
    problems = checks.axe_problems(browser)
    assert not problems, "\n".join(problems)


def test_without_javascript_the_page_offers_the_overviews(browser):
    browser.drv.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.load(SITE.path_of(SEARCH))
        # The page as Chromium built it without running a script.
        dom = browser.drv.page_source
    finally:
        browser.drv.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    assert 'id="search-input"' not in dom, "a search box without JavaScript would be a dead box"
    links = re.findall(r'<ul class="browse-list">(.*?)</ul>', dom, re.S)
    assert links, "no overviews on the search page"
    hrefs = [html.unescape(h) for h in re.findall(r'href="([^"]+)"', links[0])]
    base = SITE.url_of(SEARCH)
    targets = [urllib.parse.urljoin(base, h)[len(SITE.base_url):] for h in hrefs]
    assert targets == BROWSE
    for target in targets:
        assert target + "index.html" in SITE.fileset, target


# ----------------------------------------------------------------------------- open items
def _open_items(section_html: str) -> int:
    return len(re.findall(r'<li class="open-item">', section_html)) or len(re.findall(r"<li>", section_html))


def test_open_page_counts_match_its_sections():
    page = _read("open/index.html")
    nav = re.search(r'<nav class="open-nav".*?</nav>', page, re.S).group(0)
    entries = re.findall(r'<li><a href="#([^"]+)">([^<]+)</a> <span class="count">\((\d+)\)</span></li>', nav)
    assert entries, "no counts at the top of the open-items page"
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), "duplicate ids"
    for anchor, label, count in entries:
        section = re.search(rf'<section id="{re.escape(anchor)}"[^>]*>(.*?)</section>', page, re.S)
        assert section, f"#{anchor} ({label}) leads nowhere"
        heading = re.search(r"<h[23][^>]*>(.*?)</h[23]>", section.group(1), re.S).group(1)
        assert html.unescape(label) in html.unescape(heading)
        assert _open_items(section.group(1)) == int(count), f"{label}: {count} at the top"


def test_open_page_counts_by_theme_and_council_from_the_records():
    """Per theme: the open items of the records that carry it, counted on the record pages."""
    page = _read("open/index.html")
    groups = re.search(r'<div class="open-groups">(.*?)</div>\n', page, re.S).group(1)
    # Every open item on the page, by the record page it links to.
    items = re.findall(r'<li class="open-item">.*?<a href="\.\./([^"#]+)[^"]*">', groups, re.S)
    themes: dict[str, int] = {}
    councils: dict[str, int] = {}
    for record in items:
        rec = _read(record + "index.html")
        for theme in re.findall(r'data-pagefind-filter="theme\[value\]" value="([^"]+)"', rec):
            themes[html.unescape(theme)] = themes.get(html.unescape(theme), 0) + 1
        for council in re.findall(r'data-pagefind-filter="council\[value\]" value="([^"]+)"', rec):
            councils[html.unescape(council)] = councils.get(html.unescape(council), 0) + 1
    nav = re.search(r'<nav class="open-nav".*?</nav>', page, re.S).group(0)
    shown = {html.unescape(label): int(count) for anchor, label, count in
             re.findall(r'<li><a href="#(open-(?:theme|council)-[^"]+)">([^<]+)</a> <span class="count">\((\d+)\)</span></li>', nav)}
    assert shown == {**themes, **councils}
    assert sum(councils.values()) > 0 and len(themes) > 1


@pytest.mark.parametrize("width", [320, 1280])
def test_open_page_filters_reflow_and_jump(browser, width):
    browser.load(SITE.path_of("open/index.html"), width=width, height=700, mobile=width == 320)
    problems = checks.reflow_problems(browser, width) if width == 320 else []
    assert not problems, problems
    first = browser.js("return document.querySelector('.open-nav a[href^=\"#open-theme-\"]').getAttribute('href')")
    browser.js("document.querySelector('.open-nav a[href^=\"#open-theme-\"]').click()")
    assert browser.js("return location.hash") == first
    top = browser.js("return document.querySelector(arguments[0]).getBoundingClientRect().top", first)
    assert -1 <= top < 700
