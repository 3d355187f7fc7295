"""Feeds (RSS 2.0) and the sitemap, read from the built files."""
from __future__ import annotations

import email.utils
import re
import urllib.parse
import xml.etree.ElementTree as ET

import feedparser
import pytest

from conftest import SITE

ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
DAYS = "Mon Tue Wed Thu Fri Sat Sun".split()


def _channel(rel: str):
    root = ET.parse(SITE.abs(rel)).getroot()
    assert root.tag == "rss" and root.get("version") == "2.0", \
        f"{rel}: root element is <{root.tag} version={root.get('version')!r}>, expected <rss version=\"2.0\">"
    chans = root.findall("channel")
    assert len(chans) == 1, f"{rel}: {len(chans)} <channel> elements, expected 1"
    return chans[0]


def _resolves(url: str) -> bool:
    """An absolute URL under the base URL that names a file of the site."""
    if not url.startswith(SITE.base_url):
        return False
    rel = urllib.parse.unquote(urllib.parse.urlsplit(url).path[len(SITE.base_path):])
    return (rel or "index.html") in SITE.fileset or (rel.endswith("/") and rel + "index.html" in SITE.fileset)


def test_site_has_feeds():
    for must in ("feed.xml", "meetings/feed.xml", "advice/feed.xml", "feedback/feed.xml"):
        assert must in SITE.fileset, f"{must} is missing"
    assert any(re.fullmatch(r"themes/[^/]+/feed\.xml", f) for f in SITE.feeds), "no per-theme feed"


@pytest.mark.parametrize("rel", SITE.feeds)
def test_feed_parses_as_rss20(rel):
    raw = open(SITE.abs(rel), "rb").read()
    fp = feedparser.parse(raw)
    assert not fp.bozo, f"{rel}: feedparser bozo: {type(fp.bozo_exception).__name__}: {fp.bozo_exception}"
    assert fp.version == "rss20", f"{rel}: feedparser reads it as {fp.version!r}, expected 'rss20'"
    ch = _channel(rel)
    for req in ("title", "link", "description"):
        assert (ch.findtext(req) or "").strip(), f"{rel}: <channel> lacks a non-empty <{req}>"
    items = ch.findall("item")
    assert items, f"{rel}: the feed has no items"
    assert len(fp.entries) == len(items), f"{rel}: feedparser sees {len(fp.entries)} of {len(items)} items"


@pytest.mark.parametrize("rel", SITE.feeds)
def test_feed_dates_are_rfc822(rel):
    """pubDate / lastBuildDate: RFC 822 with a four-digit year and numeric zone, weekday right,
    and email.utils round-trips them exactly."""
    ch = _channel(rel)
    dated = [(f"<channel><{t}>", ch.findtext(t)) for t in ("pubDate", "lastBuildDate") if ch.find(t) is not None]
    for i, it in enumerate(ch.findall("item"), 1):
        title = (it.findtext("title") or "")[:50]
        d = it.findtext("pubDate")
        assert d is not None, f"{rel}: item {i} ({title!r}) has no <pubDate>"
        dated.append((f"item {i} ({title!r}) <pubDate>", d))
    problems = []
    for label, raw in dated:
        raw = (raw or "").strip()
        try:
            parsed = email.utils.parsedate_to_datetime(raw)
        except (TypeError, ValueError) as e:
            problems.append(f"{label} {raw!r} does not parse: {e}")
            continue
        if parsed.tzinfo is None:
            problems.append(f"{label} {raw!r} has no time zone")
            continue
        if email.utils.format_datetime(parsed) != raw:
            problems.append(f"{label} {raw!r} is not in canonical RFC 822 form "
                            f"(round-trip gives {email.utils.format_datetime(parsed)!r})")
        if raw[:3] != DAYS[parsed.weekday()]:
            problems.append(f"{label} {raw!r}: weekday should be {DAYS[parsed.weekday()]}")
    assert not problems, f"{rel}:\n  - " + "\n  - ".join(problems[:10])


@pytest.mark.parametrize("rel", SITE.feeds)
def test_feed_self_link_and_item_links(rel):
    ch = _channel(rel)
    selfs = [a.get("href") for a in ch.findall(ATOM + "link") if a.get("rel") == "self"]
    assert len(selfs) == 1, f"{rel}: {len(selfs)} <atom:link rel=\"self\">, expected 1"
    assert selfs[0] == SITE.url_of(rel), \
        f"{rel}: atom:link rel=self is {selfs[0]!r}, but the feed is published at {SITE.url_of(rel)!r}"
    problems, guids = [], set()
    for i, it in enumerate(ch.findall("item"), 1):
        link, guid = (it.findtext("link") or "").strip(), (it.findtext("guid") or "").strip()
        if not _resolves(link):
            problems.append(f"item {i}: <link> {link!r} is not an absolute URL of a page of this site")
        if not guid:
            problems.append(f"item {i}: no <guid>")
        elif guid in guids:
            problems.append(f"item {i}: duplicate <guid> {guid!r}")
        guids.add(guid)
    assert not problems, f"{rel}:\n  - " + "\n  - ".join(problems[:10])


@pytest.mark.parametrize("rel", SITE.feeds)
def test_feed_items_newest_first(rel):
    dates = [email.utils.parsedate_to_datetime(it.findtext("pubDate").strip())
             for it in _channel(rel).findall("item")]
    wrong = [(a, b) for a, b in zip(dates, dates[1:]) if a < b]
    assert not wrong, f"{rel}: items are not newest first, e.g. {wrong[0][0]} before {wrong[0][1]}"


def _sitemap() -> list[str]:
    root = ET.parse(SITE.abs("sitemap.xml")).getroot()
    assert root.tag == SM + "urlset", f"sitemap.xml: root element is {root.tag}, expected sitemaps.org urlset"
    return [(u.findtext(SM + "loc") or "").strip() for u in root.findall(SM + "url")]


def test_sitemap_lists_every_indexable_page():
    locs = _sitemap()
    dupes = sorted({u for u in locs if locs.count(u) > 1})
    assert not dupes, f"sitemap.xml: duplicate <loc>: {dupes[:5]}"
    want = {SITE.url_of(f) for f in SITE.html if f != "404.html"}
    missing = sorted(want - set(locs))
    extra = sorted(set(locs) - want)
    assert not missing, f"sitemap.xml lacks {len(missing)} page(s): {missing[:10]}"
    assert not extra, f"sitemap.xml lists {len(extra)} URL(s) that are no indexable page of the site: {extra[:10]}"


def test_sitemap_lastmod_and_robots():
    root = ET.parse(SITE.abs("sitemap.xml")).getroot()
    bad = [(u.findtext(SM + "loc"), u.findtext(SM + "lastmod")) for u in root.findall(SM + "url")
           if u.find(SM + "lastmod") is not None and not re.fullmatch(
               r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2}))?", u.findtext(SM + "lastmod") or "")]
    assert not bad, f"sitemap.xml: <lastmod> not a W3C date: {bad[:5]}"
    robots = open(SITE.abs("robots.txt"), encoding="utf-8").read()
    want = SITE.base_url + "sitemap.xml"
    assert re.search(rf"(?mi)^sitemap:\s*{re.escape(want)}\s*$", robots), \
        f"robots.txt has no 'Sitemap: {want}' line:\n{robots}"
