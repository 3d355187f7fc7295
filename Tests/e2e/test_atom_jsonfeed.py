"""Atom 1.0 and JSON Feed 1.1 beside every RSS feed: Atom parsed with feedparser, the JSON Feed
checked with jsonschema against a schema written here from the JSON Feed 1.1 spec (feedparser
6.0.x has no JSON Feed reader), and both compared item by item with the RSS feed they mirror."""
from __future__ import annotations

import datetime as dt
import html.parser
import json
import re
import xml.etree.ElementTree as ET

import feedparser
import jsonschema
import pytest

from conftest import SITE

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$"

# https://www.jsonfeed.org/version/1.1/ : the top-level and item fields, their types, and which are
# required (version, title, items; an item's id and content_html or content_text).
_AUTHOR = {"type": "object", "properties": {"name": {"type": "string"}, "url": {"type": "string", "format": "uri"},
                                            "avatar": {"type": "string"}},
           "anyOf": [{"required": ["name"]}, {"required": ["url"]}, {"required": ["avatar"]}]}
JSON_FEED_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["version", "title", "items"],
    "properties": {
        "version": {"const": "https://jsonfeed.org/version/1.1"},
        "title": {"type": "string", "minLength": 1},
        "home_page_url": {"type": "string", "pattern": "^https?://"},
        "feed_url": {"type": "string", "pattern": "^https?://"},
        "description": {"type": "string"},
        "language": {"type": "string", "pattern": "^[a-z]{2,3}(-[A-Za-z0-9]+)*$"},
        "authors": {"type": "array", "items": _AUTHOR},
        "expired": {"type": "boolean"},
        "items": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id"],
                "anyOf": [{"required": ["content_html"]}, {"required": ["content_text"]}],
                "properties": {
                    "id": {"type": "string", "minLength": 1},
                    "url": {"type": "string", "pattern": "^https?://"},
                    "title": {"type": "string"},
                    "content_html": {"type": "string"},
                    "content_text": {"type": "string"},
                    "summary": {"type": "string"},
                    "date_published": {"type": "string", "pattern": RFC3339},
                    "date_modified": {"type": "string", "pattern": RFC3339},
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "language": {"type": "string"},
                    "authors": {"type": "array", "items": _AUTHOR},
                },
            },
        },
    },
}


def _sibling(rel: str, name: str) -> str:
    return rel[: -len("feed.xml")] + name


def _rss_items(rel: str):
    fp = feedparser.parse(open(SITE.abs(rel), "rb").read())
    return fp, [(e.id, e.link, e.title, e.published_parsed, e.get("summary", "")) for e in fp.entries]


@pytest.mark.parametrize("rel", SITE.feeds)
def test_atom_beside_rss(rel):
    atom = _sibling(rel, "atom.xml")
    assert atom in SITE.fileset, f"no {atom} beside {rel}"
    raw = open(SITE.abs(atom), "rb").read()
    fp = feedparser.parse(raw)
    assert not fp.bozo, f"{atom}: feedparser bozo: {fp.bozo_exception}"
    assert fp.version == "atom10", f"{atom}: read as {fp.version!r}"
    root = ET.fromstring(raw)
    assert root.tag == f"{ATOM}feed"
    rss, rss_items = _rss_items(rel)
    assert root.findtext(f"{ATOM}id") == rss.feed.link, f"{atom}: id is not the page URL {rss.feed.link}"
    self_links = [l.get("href") for l in root.findall(f"{ATOM}link") if l.get("rel") == "self"]
    assert self_links == [SITE.base_url + atom], f"{atom}: rel=self {self_links}"
    assert re.match(RFC3339, root.findtext(f"{ATOM}updated") or ""), f"{atom}: <updated> not RFC 3339"
    assert root.find(f"{ATOM}author/{ATOM}name") is not None
    entries = root.findall(f"{ATOM}entry")
    for entry in entries:
        for field in ("id", "title", "updated", "published"):
            assert entry.findtext(f"{ATOM}{field}"), f"{atom}: entry without <{field}>"
        assert re.match(RFC3339, entry.findtext(f"{ATOM}updated")), f"{atom}: entry <updated> not RFC 3339"
    atom_items = [(e.id, e.link, e.title, e.published_parsed, e.get("summary", "")) for e in fp.entries]
    assert atom_items == rss_items, f"{atom}: items differ from {rel}"


@pytest.mark.parametrize("rel", SITE.feeds)
def test_json_feed_beside_rss(rel):
    path = _sibling(rel, "feed.json")
    assert path in SITE.fileset, f"no {path} beside {rel}"
    raw = open(SITE.abs(path), "rb").read()
    data = json.loads(raw)
    errors = sorted(jsonschema.Draft202012Validator(JSON_FEED_SCHEMA).iter_errors(data), key=str)
    assert not errors, f"{path}: " + "; ".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)
    assert data["feed_url"] == SITE.base_url + path
    # feedparser 6.0.x (the newest release) reads no JSON Feed: the items are read with json and
    # compared field by field with what feedparser reads from the RSS feed.
    rss, rss_items = _rss_items(rel)
    assert data["home_page_url"] == rss.feed.link
    json_items = []
    for item in data["items"]:
        published = dt.datetime.fromisoformat(item["date_published"])
        assert published.tzinfo is not None, f"{path}: {item['id']}: date without offset"
        utc = published.astimezone(dt.timezone.utc).timetuple()[:6]
        json_items.append((item["id"], item["url"], item["title"], utc, item["content_text"]))
    assert json_items == [(i, link, title, tuple(date)[:6], summary) for i, link, title, date, summary in rss_items], \
        f"{path}: items differ from {rel}"


class _Alternates(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "alternate":
            self.links.append((attrs.get("type") or "", attrs.get("href") or ""))


@pytest.mark.parametrize("rel", sorted({"index.html", "meetings/index.html", "404.html"} | set(SITE.html[:40])))
def test_pages_announce_all_three_formats(rel):
    parser = _Alternates()
    parser.feed(open(SITE.abs(rel), encoding="utf-8").read())
    # changes.xml (status changes, test_changes.py) has changes.atom beside it, or nothing on a record's page.
    rss = [href for kind, href in parser.links if kind == "application/rss+xml" and href.endswith("/feed.xml")]
    assert rss, f"{rel}: no RSS link"
    for href in rss:
        base = href[: -len("feed.xml")]
        assert ("application/atom+xml", base + "atom.xml") in parser.links, f"{rel}: no Atom link beside {href}"
        assert ("application/feed+json", base + "feed.json") in parser.links, f"{rel}: no JSON Feed link beside {href}"
        assert (base + "atom.xml")[len(SITE.base_url):] in SITE.fileset
