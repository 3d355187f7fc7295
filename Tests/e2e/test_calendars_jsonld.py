"""Calendars (agenda.ics, RFC 5545) and JSON-LD blocks, read back with real parsers.

icalendar parses every calendar (its own VTIMEZONE turned into a tzinfo and compared with the
zone database); jsonschema checks each JSON-LD block against schemas written here from
schema.org's expected properties; PyLD expands every block with a local context (no network).
A second, small site built here carries a record title made to break out of the <script>.
"""
from __future__ import annotations

import datetime as dt
import html.parser
import json
import os
import re
import shutil
import subprocess
import tempfile
import urllib.parse
import zoneinfo

import icalendar
import jsonschema
import pytest
from pyld import jsonld

from conftest import SITE
from sitelib import NOW, REPO, SOURCE

ZONE = "Europe/Amsterdam"
HOST = urllib.parse.urlsplit(SITE.base_url).hostname
CALENDARS = ["agenda.ics"] + [f for f in SITE.files if re.fullmatch(r"themes/[^/]+/agenda\.ics", f)]
THEME_PAGES = [f for f in SITE.html if re.fullmatch(r"themes/[^/]+/index\.html", f)]
RECORD_PAGES = [f for f in SITE.html if re.fullmatch(r"(meetings|advice|feedback)/[^/]+/index\.html", f)]
MEETING_IDS = sorted(f.split("/")[1] for f in RECORD_PAGES if f.startswith("meetings/"))


# ----------------------------------------------------------------------------- iCalendar
def check_calendar_text(raw: bytes, rel: str) -> None:
    """CRLF only, no physical line over 75 octets, no UTF-8 sequence cut by folding."""
    assert raw.endswith(b"\r\n"), f"{rel}: does not end in CRLF"
    lines = raw[:-2].split(b"\r\n")
    for number, line in enumerate(lines, 1):
        assert b"\n" not in line and b"\r" not in line, f"{rel}:{number}: a bare LF or CR"
        assert len(line) <= 75, f"{rel}:{number}: {len(line)} octets: {line[:80]!r}"
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as error:
            raise AssertionError(f"{rel}:{number}: folding cut a UTF-8 sequence: {error}")


def parse_calendar(raw: bytes, rel: str) -> icalendar.Calendar:
    cal = icalendar.Calendar.from_ical(raw)
    for component in cal.walk():
        assert not component.errors, f"{rel}: icalendar reports {component.name}: {component.errors}"
    return cal


def test_every_theme_has_a_calendar():
    assert "agenda.ics" in SITE.fileset
    assert THEME_PAGES, "no theme pages"
    for page in THEME_PAGES:
        assert page.replace("index.html", "agenda.ics") in SITE.fileset, f"{page}: no agenda.ics beside it"


@pytest.mark.parametrize("rel", CALENDARS)
def test_calendar_parses_with_icalendar(rel):
    raw = open(SITE.abs(rel), "rb").read()
    check_calendar_text(raw, rel)
    cal = parse_calendar(raw, rel)
    assert cal["VERSION"] == "2.0" and cal.get("PRODID")
    zones = cal.walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zones] == [ZONE], f"{rel}: VTIMEZONE {[str(z['TZID']) for z in zones]}"
    # The zone as the calendar itself defines it (not looked up by name) agrees with the tz database.
    own = zones[0].to_tz(lookup_tzid=False)
    reference = zoneinfo.ZoneInfo(ZONE)
    stamp = NOW.replace("-", "") + "T000000Z"
    for event in cal.walk("VEVENT"):
        uid = str(event["UID"])
        meeting, _, host = uid.partition("@")
        assert host == HOST and meeting in MEETING_IDS, f"{rel}: UID {uid} is not <meeting id>@{HOST}"
        assert event["DTSTAMP"].to_ical().decode() == stamp, f"{rel}: DTSTAMP {event['DTSTAMP'].to_ical()}"
        assert int(event["SEQUENCE"]) == 0
        assert str(event["URL"]) == SITE.base_url + f"meetings/{meeting}/"
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        if isinstance(start, dt.datetime):
            assert event["DTSTART"].params.get("TZID") == ZONE, f"{rel}: {uid}: DTSTART without TZID={ZONE}"
            assert event["DTEND"].params.get("TZID") == ZONE
            assert start.tzinfo is not None and end > start, f"{rel}: {uid}: {start} – {end}"
            naive = start.replace(tzinfo=None)
            assert naive.replace(tzinfo=own).utcoffset() == naive.replace(tzinfo=reference).utcoffset(), \
                f"{rel}: {uid}: the VTIMEZONE gives {naive.replace(tzinfo=own).utcoffset()} at {naive}"
        else:
            assert event["DTSTART"].params.get("VALUE") == "DATE" and end > start
        for text in ("SUMMARY", "DESCRIPTION"):
            value = str(event.get(text, ""))
            assert not re.search(r"<[a-z/]|\*\w|\]\(", value), f"{rel}: {uid}: {text} is not plain text: {value!r}"
        cancelled = re.search(r"^cancelled:\s*true\s*$", _front_matter(meeting), re.M) is not None
        assert str(event["STATUS"]) == ("CANCELLED" if cancelled else "CONFIRMED"), f"{rel}: {uid}: STATUS {event['STATUS']}"


def _front_matter(meeting_id: str) -> str:
    for name in (f"{meeting_id}.md", f"{meeting_id}/index.md"):
        path = os.path.join(SOURCE, "content", "meetings", name)
        if os.path.isfile(path):
            return open(path, encoding="utf-8").read().split("\n---", 1)[0]
    raise AssertionError(f"no source for meeting {meeting_id}")


def test_site_calendar_holds_every_meeting_once_and_uids_agree_everywhere():
    events: dict[str, dict[str, bytes]] = {}
    for rel in CALENDARS:
        cal = parse_calendar(open(SITE.abs(rel), "rb").read(), rel)
        uids = [str(e["UID"]) for e in cal.walk("VEVENT")]
        assert len(uids) == len(set(uids)), f"{rel}: a UID twice"
        for event in cal.walk("VEVENT"):
            events.setdefault(str(event["UID"]), {})[rel] = event.to_ical()
    site = [uid for uid, where in events.items() if "agenda.ics" in where]
    assert sorted(site) == sorted(f"{m}@{HOST}" for m in MEETING_IDS)
    for uid, where in events.items():
        assert len(set(where.values())) == 1, f"{uid} differs between {sorted(where)}"
    assert any(len(where) > 1 for where in events.values()), "no meeting is in a theme calendar"


# ----------------------------------------------------------------------------- JSON-LD
class _Scripts(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocks: list[str] = []
        self._inside = False
        self.links: list[dict[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._inside = True
            self.blocks.append("")
        if tag == "a":
            self.links.append({k: v or "" for k, v in attrs.items()})

    def handle_endtag(self, tag):
        if tag == "script":
            self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.blocks[-1] += data


def scripts(path: str) -> _Scripts:
    parser = _Scripts()
    parser.feed(open(path, encoding="utf-8").read())
    return parser


_ORG = {"type": "object", "required": ["@type", "name"],
        "properties": {"@type": {"enum": ["Organization", "GovernmentOrganization"]}, "name": {"type": "string", "minLength": 1}}}
_URL = {"type": "string", "pattern": r"^https?://"}
_DATETIME = {"type": "string", "pattern": r"^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d)?([+-]\d\d:\d\d|Z))?$"}
_COMMON = {"@context": {"const": "https://schema.org"}, "name": {"type": "string", "minLength": 1}, "url": _URL,
           "@id": _URL, "description": {"type": "string"}, "inLanguage": {"type": "string"}}
SCHEMAS = {
    "Event": {
        "type": "object",
        "required": ["@context", "@type", "name", "url", "startDate", "eventStatus", "eventAttendanceMode", "location", "organizer"],
        "properties": {
            **_COMMON,
            "startDate": {**_DATETIME, "pattern": r"^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d)?[+-]\d\d:\d\d)?$"},
            "endDate": {**_DATETIME, "pattern": r"^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d)?[+-]\d\d:\d\d)?$"},
            "eventStatus": {"enum": ["https://schema.org/EventScheduled", "https://schema.org/EventCancelled"]},
            "eventAttendanceMode": {"enum": ["https://schema.org/OfflineEventAttendanceMode", "https://schema.org/OnlineEventAttendanceMode"]},
            "location": {"oneOf": [
                {"type": "object", "required": ["@type", "address"],
                 "properties": {"@type": {"const": "Place"}, "address": {"type": "string", "minLength": 1}}},
                {"type": "object", "required": ["@type", "url"], "properties": {"@type": {"const": "VirtualLocation"}, "url": _URL}},
            ]},
            "organizer": {"oneOf": [_ORG, {"type": "array", "minItems": 1, "items": _ORG}]},
        },
    },
    "Report": {
        "type": "object",
        "required": ["@context", "@type", "name", "url", "datePublished", "author"],
        "properties": {**_COMMON, "datePublished": _DATETIME, "author": _ORG, "publisher": _ORG,
                       "isBasedOn": {"type": "array", "minItems": 1, "items": _URL}},
    },
    "WebSite": {
        "type": "object",
        "required": ["@context", "@type", "name", "url", "publisher"],
        "properties": {**_COMMON, "publisher": {**_ORG, "properties": {"@type": {"const": "GovernmentOrganization"}}}},
    },
}

# The few schema.org terms used, as a local context: URLs as node references, the rest plain.
_LOCAL_CONTEXT = {"@context": {"@vocab": "https://schema.org/", "url": {"@type": "@id"}, "isBasedOn": {"@type": "@id"},
                               "eventStatus": {"@type": "@id"}, "eventAttendanceMode": {"@type": "@id"}}}


def _offline_loader(url, options=None):
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), f"would fetch {url}"
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": _LOCAL_CONTEXT}


def check_block(data: dict, where: str) -> list:
    kind = data.get("@type")
    assert kind in SCHEMAS, f"{where}: @type {kind!r}"
    errors = sorted(jsonschema.Draft202012Validator(SCHEMAS[kind]).iter_errors(data), key=str)
    assert not errors, f"{where}: " + "; ".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)
    expanded = jsonld.expand(data, {"documentLoader": _offline_loader})
    assert len(expanded) == 1 and expanded[0]["@type"] == [f"https://schema.org/{kind}"], f"{where}: expands to {expanded}"
    quads = jsonld.to_rdf(data, {"documentLoader": _offline_loader, "format": "application/n-quads"})
    assert quads.count("\n") >= 5, f"{where}: only {quads.count(chr(10))} triples"
    return expanded


@pytest.mark.parametrize("rel", ["index.html"] + RECORD_PAGES)
def test_jsonld_block(rel):
    raw = open(SITE.abs(rel), encoding="utf-8").read()
    page = scripts(SITE.abs(rel))
    assert len(page.blocks) == 1, f"{rel}: {len(page.blocks)} JSON-LD blocks"
    block = page.blocks[0]
    for forbidden in ("<", ">", "&", "\u2028", "\u2029"):
        assert forbidden not in block, f"{rel}: {forbidden!r} unescaped inside the JSON-LD"
    assert raw.index("application/ld+json") < raw.index("</head>"), f"{rel}: the block is not in <head>"
    data = json.loads(block)
    check_block(data, rel)
    url = SITE.url_of(rel)
    if rel == "index.html":
        assert data["@type"] == "WebSite" and data["url"] == url
        return
    assert data["url"] == url, f"{rel}: url {data['url']}"
    kind = rel.split("/")[0]
    assert data["@type"] == {"meetings": "Event", "advice": "Report", "feedback": "Report"}[kind]
    for target in data.get("isBasedOn", []):
        target_rel = target[len(SITE.base_url):] + "index.html"
        assert target.startswith(SITE.base_url) and target_rel in SITE.fileset, f"{rel}: isBasedOn {target} is no page"
    if kind == "advice":
        assert data["author"]["@type"] == "Organization"
    if kind == "feedback":
        assert data.get("isBasedOn"), f"{rel}: feedback without isBasedOn"
    if kind == "meetings":
        meeting = rel.split("/")[1]
        cancelled = re.search(r"^cancelled:\s*true\s*$", _front_matter(meeting), re.M) is not None
        assert data["eventStatus"].endswith("EventCancelled" if cancelled else "EventScheduled")
        online = re.search(r"^format:\s*online\s*$", _front_matter(meeting), re.M) is not None
        assert data["location"]["@type"] == ("VirtualLocation" if online else "Place")
        assert data["eventAttendanceMode"].endswith("OnlineEventAttendanceMode" if online else "OfflineEventAttendanceMode")


def test_event_start_agrees_with_the_calendar():
    cal = parse_calendar(open(SITE.abs("agenda.ics"), "rb").read(), "agenda.ics")
    for event in cal.walk("VEVENT"):
        meeting = str(event["UID"]).split("@")[0]
        data = json.loads(scripts(SITE.abs(f"meetings/{meeting}/index.html")).blocks[0])
        start = event.decoded("DTSTART")
        if isinstance(start, dt.datetime):
            assert dt.datetime.fromisoformat(data["startDate"]) == start, f"{meeting}: {data['startDate']} vs {start}"
        else:
            assert data["startDate"] == start.isoformat()


def test_calendar_links_on_meeting_list_and_theme_pages():
    for rel in ["meetings/index.html", THEME_PAGES[0]] + [f for f in RECORD_PAGES if f.startswith("meetings/")][:3]:
        links = scripts(SITE.abs(rel)).links
        subscribe = [a["href"] for a in links if a.get("href", "").startswith("webcal://")]
        assert len(subscribe) == 1, f"{rel}: {len(subscribe)} webcal links"
        target = subscribe[0].replace("webcal://", "https://", 1)
        assert target.startswith(SITE.base_url) and target[len(SITE.base_url):] in SITE.fileset, f"{rel}: {subscribe[0]}"
        downloads = [a for a in links if a.get("href", "").endswith("agenda.ics") and "download" in a]
        assert len(downloads) == 1, f"{rel}: no download link"
        resolved = urllib.parse.urljoin(SITE.url_of(rel), downloads[0]["href"])
        assert resolved == target, f"{rel}: download {resolved} vs subscribe {target}"


# ----------------------------------------------------------------------------- a hostile site
HOSTILE_TITLE = "Avond </script><script>alert(1)</script> & <!-- \u2028 regel\u2029 \"eind\""


@pytest.fixture(scope="module")
def hostile_site():
    binary = os.environ.get("E2E_INSPRAAK", os.path.join(REPO, ".build", "release", "inspraak"))
    tmp = tempfile.mkdtemp(prefix="inspraak-e2e-hostile-")
    try:
        src = os.path.join(tmp, "src")
        files = {
            "site.toml": 'title = "Proef"\nbase_url = "https://proef.example/p/"\ntimezone = "America/New_York"\n',
            "content/themes/leeg.md": "---\ntitle: Leeg thema\n---\n",
            "content/themes/vol.md": "---\ntitle: Vol thema\n---\n",
            "content/meetings/2025-03-09-nacht.md": "---\ntitle: " + json.dumps(HOSTILE_TITLE) + "\n"
            "date: 2025-03-09T01:30\nend: 2025-03-09T03:30\nthemes: [vol]\ncancelled: true\nformat: online\n"
            "location: \"https://meet.example/abc\"\nsummary: \"Een *lange* samenvatting; met, tekens \\\\ en € " + "é" * 80 + "\"\n---\nTekst.\n",
            "content/meetings/2025-11-02-dag.md": "---\ntitle: Hele dag\ndate: 2025-11-02\nthemes: [vol]\nlocation: \"Zaal 1, Plein 2\"\n---\nTekst.\n",
        }
        for rel, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(src, rel)) or src, exist_ok=True)
            open(os.path.join(src, rel), "w", encoding="utf-8").write(text)
        out = os.path.join(tmp, "public")
        r = subprocess.run([binary, "build", "--source", src, "--output", out, "--now", "2025-12-01", "--no-git"],
                           capture_output=True, text=True, timeout=120)
        assert r.returncode == 0, r.stdout + r.stderr
        yield out
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def test_hostile_title_yields_one_valid_block(hostile_site):
    page = os.path.join(hostile_site, "meetings", "2025-03-09-nacht", "index.html")
    found = scripts(page)
    assert len(found.blocks) == 1, f"{len(found.blocks)} JSON-LD blocks: the title broke out"
    assert not any(forbidden in found.blocks[0] for forbidden in ("<", ">", "&", "\u2028", "\u2029"))
    data = json.loads(found.blocks[0])
    assert data["name"] == HOSTILE_TITLE
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://meet.example/abc"}
    assert data["startDate"] == "2025-03-09T01:30:00-05:00" or data["startDate"] == "2025-03-09T01:30-05:00"
    check_block(data, page)


def test_hostile_calendars(hostile_site):
    raw = open(os.path.join(hostile_site, "agenda.ics"), "rb").read()
    check_calendar_text(raw, "agenda.ics")
    cal = parse_calendar(raw, "agenda.ics")
    night, day = cal.walk("VEVENT")
    assert str(night["SUMMARY"]) == HOSTILE_TITLE
    assert str(night["STATUS"]) == "CANCELLED"
    assert night["DTSTART"].params["TZID"] == "America/New_York"
    # The night the clocks go forward (02:00 → 03:00): start in winter time, end in summer time.
    own = cal.walk("VTIMEZONE")[0].to_tz(lookup_tzid=False)
    start = night.decoded("DTSTART").replace(tzinfo=None).replace(tzinfo=own)
    end = night.decoded("DTEND").replace(tzinfo=None).replace(tzinfo=own)
    assert (start.utcoffset(), end.utcoffset()) == (dt.timedelta(hours=-5), dt.timedelta(hours=-4))
    assert end.astimezone(dt.timezone.utc) - start.astimezone(dt.timezone.utc) == dt.timedelta(hours=1)
    assert "lange samenvatting; met, tekens \\ en €" in str(night["DESCRIPTION"])
    assert day["DTSTART"].params.get("VALUE") == "DATE" and day.decoded("DTEND") == dt.date(2025, 11, 3)
    empty = parse_calendar(open(os.path.join(hostile_site, "themes", "leeg", "agenda.ics"), "rb").read(), "leeg")
    assert cal.walk("VTIMEZONE") and empty.walk("VTIMEZONE") and not empty.walk("VEVENT")
