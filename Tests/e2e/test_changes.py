"""Status-change feeds (changes.xml, changes.atom): read with feedparser, and compared with the
open data's data/answers.csv (one row per history step), the theme columns of data/meetings.csv
and data/advice.csv, and the pages they link to."""
from __future__ import annotations

import csv
import email.utils
import html.parser
import os
import re
import tomllib
import urllib.parse

import feedparser
import pytest

from conftest import SITE
from sitelib import SOURCE

RSS_FILES = [f for f in SITE.files if f.endswith("changes.xml")]
ATOM_FILES = [f for f in SITE.files if f.endswith("changes.atom")]
RECORD_PAGES = [f for f in SITE.html if re.fullmatch(r"(meetings|advice)/[^/]+/index\.html", f)]
THEMES = sorted(f.split("/")[1] for f in SITE.html if re.fullmatch(r"themes/[^/]+/index\.html", f))


def _csv(name: str) -> list[dict[str, str]]:
    with open(SITE.abs(f"data/{name}.csv"), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, strict=True))


ANSWERS = _csv("answers")
# guid (<feedback-id>#<ref>) -> its row in answers.csv
STEPS = {f"{row['feedback']}#{row['ref']}": row for row in ANSWERS}
THEMES_OF = {row["id"]: row["themes"].split() for name in ("meetings", "advice") for row in _csv(name)}


def _limit() -> int:
    with open(os.path.join(SOURCE, "site.toml"), "rb") as f:
        return tomllib.load(f).get("feeds", {}).get("limit", 50)


def _parse(rel: str):
    fp = feedparser.parse(open(SITE.abs(rel), "rb").read())
    assert not fp.bozo, f"{rel}: feedparser bozo: {fp.bozo_exception}"
    return fp


class _Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.alternates: list[tuple[str, str]] = []
        self.anchors: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "link" and attrs.get("rel") == "alternate":
            self.alternates.append((attrs.get("type") or "", attrs.get("href") or ""))
        if tag == "a":
            self._href, self._text = attrs.get("href") or "", ""

    def handle_data(self, data):
        if self._href is not None:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.anchors.append((self._href, self._text.strip()))
            self._href = None


_pages: dict[str, _Page] = {}


def _page(rel: str) -> _Page:
    if rel not in _pages:
        p = _Page()
        p.feed(open(SITE.abs(rel), encoding="utf-8").read())
        _pages[rel] = p
    return _pages[rel]


def _page_of(url: str) -> str:
    assert url.startswith(SITE.base_url), f"{url} is not under {SITE.base_url}"
    rel = urllib.parse.unquote(urllib.parse.urlsplit(url).path[len(SITE.base_path):])
    return rel + "index.html" if rel == "" or rel.endswith("/") else rel


def _tag_to_guid(atom_id: str) -> str:
    m = re.fullmatch(r"tag:([a-z0-9.-]+),\d{4}:([^#]+)#(.+)", atom_id)
    assert m, f"{atom_id!r} is not a tag: URI <host>,<year>:<feedback>#<ref>"
    assert m.group(1) == urllib.parse.urlsplit(SITE.base_url).hostname
    return f"{m.group(2)}#{urllib.parse.unquote(m.group(3))}"


def test_changes_feeds_exist_everywhere():
    want = {"changes.xml", "changes.atom"}
    want |= {f"themes/{slug}/changes.{ext}" for slug in THEMES for ext in ("xml", "atom")}
    want |= {p[: -len("index.html")] + "changes.xml" for p in RECORD_PAGES}
    missing = sorted(want - SITE.fileset)
    assert not missing, f"missing change feeds: {missing[:10]}"
    extra = sorted(set(RSS_FILES + ATOM_FILES) - want)
    assert not extra, f"change feeds where none belong (feedback has none, records no Atom): {extra[:10]}"
    assert RECORD_PAGES and THEMES


@pytest.mark.parametrize("rel", RSS_FILES)
def test_changes_rss(rel):
    fp = _parse(rel)
    assert fp.version == "rss20", f"{rel}: read as {fp.version!r}"
    assert fp.feed.get("title"), f"{rel}: no channel title"
    selfs = [l["href"] for l in fp.feed.get("links", []) if l.get("rel") == "self"]
    assert selfs == [SITE.url_of(rel)], f"{rel}: rel=self {selfs}"
    problems, guids, dates = [], [], []
    for e in fp.entries:
        guid = e.get("id", "")
        guids.append(guid)
        if e.get("guidislink", True):
            problems.append(f"{guid}: guid marked as a permalink")
        row = STEPS.get(guid)
        if row is None:
            problems.append(f"{guid!r} is no <feedback-id>#<ref> of data/answers.csv")
            continue
        published = email.utils.parsedate_to_datetime(e.published)
        dates.append(published)
        if published.date().isoformat() != row["date"]:
            problems.append(f"{guid}: dated {e.published}, the feedback is of {row['date']}")
        page, _, anchor = e.link.partition("#")
        target = _page_of(page)
        if target not in SITE.fileset:
            problems.append(f"{guid}: link {e.link} names no page")
        elif row["item"] and anchor != row["item"]:
            problems.append(f"{guid}: link {e.link} is not the anchor of item {row['item']}")
        elif anchor not in _page(target).ids:
            problems.append(f"{guid}: no id={anchor!r} on {target}")
        if target != f"{row['record_kind']}/{row['record']}/index.html":
            problems.append(f"{guid}: link {e.link} is not the page of {row['record']}")
        state = ", ".join(x for x in (row["outcome"], row["implementation"]) if x)
        if not state or ":" not in e.title:
            problems.append(f"{guid}: title {e.title!r} names no outcome or implementation")
    assert not problems, f"{rel}:\n  - " + "\n  - ".join(problems[:10])
    assert len(set(guids)) == len(guids), f"{rel}: duplicate guids"
    wrong = [(a, b) for a, b in zip(dates, dates[1:]) if a < b]
    assert not wrong, f"{rel}: not newest first: {wrong[0]}"


@pytest.mark.parametrize("rel", ATOM_FILES)
def test_changes_atom_mirrors_rss(rel):
    fp = _parse(rel)
    assert fp.version == "atom10", f"{rel}: read as {fp.version!r}"
    selfs = [l["href"] for l in fp.feed.get("links", []) if l.get("rel") == "self"]
    assert selfs == [SITE.url_of(rel)], f"{rel}: rel=self {selfs}"
    rss = _parse(rel[: -len("changes.atom")] + "changes.xml")
    assert [_tag_to_guid(e.id) for e in fp.entries] == [e.id for e in rss.entries], f"{rel}: entries differ from changes.xml"
    assert [e.link for e in fp.entries] == [e.link for e in rss.entries]
    assert [e.title for e in fp.entries] == [e.title for e in rss.entries]
    for e in fp.entries:
        assert e.published[:10] == STEPS[_tag_to_guid(e.id)]["date"], f"{rel}: {e.id} dated {e.published}"


@pytest.mark.parametrize("page", RECORD_PAGES)
def test_record_feed_holds_exactly_its_steps(page):
    folder = page[: -len("index.html")]
    kind, record = folder.strip("/").split("/")
    guids = [e.id for e in _parse(folder + "changes.xml").entries]
    # A feedback that answers a record and one of its items has two rows for that item: one change.
    want = sorted({f"{r['feedback']}#{r['ref']}" for r in ANSWERS if r["record"] == record and r["record_kind"] == kind})
    assert sorted(guids) == want, f"{folder}changes.xml: holds {sorted(guids)}, the record's item histories {want}"


def _newest_first(rows: list[dict[str, str]]) -> list[str]:
    rows = sorted({(r["feedback"], r["ref"]): r for r in rows}.values(), key=lambda r: (r["feedback"], r["ref"]))
    rows.sort(key=lambda r: r["date"], reverse=True)
    return [f"{r['feedback']}#{r['ref']}" for r in rows]


@pytest.mark.parametrize("slug", [None] + THEMES)
def test_theme_feed_holds_the_changes_of_its_records(slug):
    rel = "changes.xml" if slug is None else f"themes/{slug}/changes.xml"
    rows = [r for r in ANSWERS if slug is None or slug in THEMES_OF.get(r["record"], [])]
    want = _newest_first(rows)[: _limit()]
    got = [e.id for e in _parse(rel).entries]
    assert got == want, f"{rel}: holds {got[:5]}…, want {want[:5]}… ({len(got)} vs {len(want)})"


@pytest.mark.parametrize("page", RECORD_PAGES)
def test_volg_link_on_every_meeting_and_advice_page(page):
    p = _page(page)
    follow = [text for href, text in p.anchors if href == "changes.xml"]
    # "Volg wat er met deze punten gebeurt (RSS)" (nl), "Follow what happens …" (en)
    assert follow and follow[0].startswith(("Volg", "Follow")), f"{page}: no 'Volg' link to changes.xml ({follow})"
    assert ("application/rss+xml", SITE.url_of(page) + "changes.xml") in p.alternates, f"{page}: no <link rel=alternate> for its changes.xml"


def test_no_volg_link_on_feedback_pages():
    pages = [f for f in SITE.html if re.fullmatch(r"feedback/[^/]+/index\.html", f)]
    assert pages
    bad = [f for f in pages if any(href.endswith("changes.xml") for href, _ in _page(f).anchors)]
    assert not bad, f"feedback pages link a change feed: {bad[:5]}"


def test_home_and_theme_pages_announce_their_change_feeds():
    for page, base in [("index.html", SITE.base_url)] + [(f"themes/{s}/index.html", f"{SITE.base_url}themes/{s}/") for s in THEMES]:
        links = _page(page).alternates
        assert ("application/rss+xml", base + "changes.xml") in links, f"{page}: no changes.xml link"
        assert ("application/atom+xml", base + "changes.atom") in links, f"{page}: no changes.atom link"
