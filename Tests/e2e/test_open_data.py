"""Open data (data/*.csv, *.json, CSVW), the DCAT-AP-NL 3.0 catalog and the DiWoo sitemaps,
read back from the built files with independent parsers: Python's csv module (RFC 4180),
rdflib (Turtle, JSON-LD), pySHACL (shapes/dcat-ap-nl-3.ttl) and lxml (DiWoo)."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import urllib.parse

import pytest
import rdflib
from lxml import etree
from pyshacl import validate
from rdflib.compare import to_isomorphic

from conftest import SITE

HERE = os.path.dirname(os.path.abspath(__file__))
SHAPES = os.path.join(HERE, "shapes", "dcat-ap-nl-3.ttl")
TABLES = ["meetings", "input-points", "advice", "recommendations", "feedback", "answers"]
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")


def _rows(name: str) -> tuple[list[str], list[list[str]]]:
    with open(SITE.abs(f"data/{name}.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, strict=True))
    return rows[0], rows[1:]


def _rel(url: str) -> str:
    assert url.startswith(SITE.base_url), f"{url} is not under {SITE.base_url}"
    rel = urllib.parse.unquote(urllib.parse.urlsplit(url).path[len(SITE.base_path):])
    return rel + "index.html" if rel == "" or rel.endswith("/") else rel


# ----------------------------------------------------------------------------- CSV and JSON
@pytest.mark.parametrize("name", TABLES)
def test_csv_is_rfc4180(name):
    raw = open(SITE.abs(f"data/{name}.csv"), "rb").read()
    assert not raw.startswith(b"\xef\xbb\xbf"), "no byte-order mark"
    raw.decode("utf-8")
    header, rows = _rows(name)
    assert rows, f"{name}.csv has no rows"
    assert all(len(r) == len(header) for r in rows), "every record has as many fields as the header"
    # Written again by Python's csv module (minimal quoting, CRLF) the file is byte-identical:
    # CRLF after every record, quotes only where needed, quotes inside doubled.
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerows([header] + rows)
    assert out.getvalue().encode("utf-8") == raw


@pytest.mark.parametrize("name", TABLES)
def test_json_equals_csv(name):
    header, rows = _rows(name)
    data = json.load(open(SITE.abs(f"data/{name}.json"), encoding="utf-8"))
    assert len(data) == len(rows)

    def text(v):
        return "" if v is None else ("true" if v is True else "false" if v is False else str(v))

    for obj, row in zip(data, rows):
        assert list(obj.keys()) == header, "same fields, same order"
        assert [text(v) for v in obj.values()] == row


@pytest.mark.parametrize("name", TABLES)
def test_csvw_metadata_matches_file(name):
    meta = json.load(open(SITE.abs(f"data/{name}.csv-metadata.json"), encoding="utf-8"))
    assert meta["@context"] == "http://www.w3.org/ns/csvw"
    assert meta["url"] == f"{name}.csv"
    columns = meta["tableSchema"]["columns"]
    header, rows = _rows(name)
    assert [c["name"] for c in columns] == header
    for c in columns:
        assert set(c) >= {"name", "titles", "datatype", "required"}
    patterns = {"integer": r"-?\d+", "boolean": r"true|false", "date": r"\d{4}-\d{2}-\d{2}",
                "dateTime": r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}", "anyURI": r"https?://\S+"}
    for row in rows:
        for c, value in zip(columns, row):
            if c["required"]:
                assert value != "", f"{name}.csv: required column {c['name']} is empty in {row}"
            if value and c["datatype"] in patterns:
                assert re.fullmatch(patterns[c["datatype"]], value), f"{name}.csv {c['name']}={value!r} is not a {c['datatype']}"
    key = meta["tableSchema"].get("primaryKey")
    if key:
        key = [key] if isinstance(key, str) else key
        idx = [header.index(k) for k in key]
        keys = [tuple(r[i] for i in idx) for r in rows]
        assert len(keys) == len(set(keys)), f"{name}.csv: primary key {key} is not unique"
        assert keys == sorted(keys) or key != ["id"], f"{name}.csv: rows are not sorted by id"
    for fk in meta["tableSchema"].get("foreignKeys", []):
        other = fk["reference"]["resource"][: -len(".csv")]
        oh, orows = _rows(other)
        targets = {r[oh.index(fk["reference"]["columnReference"])] for r in orows}
        col = header.index(fk["columnReference"])
        missing = {r[col] for r in rows} - targets
        assert not missing, f"{name}.csv: {fk['columnReference']} values not in {other}.csv: {sorted(missing)[:5]}"


def test_answers_recompute_the_outcome_figures():
    """The home page's outcome counts follow from answers.csv: each item's latest answer."""
    header, rows = _rows("answers")
    h = {n: i for i, n in enumerate(header)}
    latest: dict[tuple[str, str], tuple[str, str, str]] = {}
    for r in rows:
        if not r[h["outcome"]]:
            continue  # an implementation report only: the item keeps its outcome
        key = (r[h["record"]], r[h["item"]])
        cand = (r[h["date"]], r[h["feedback"]], r[h["outcome"]])
        if key not in latest or cand[:2] > latest[key][:2]:
            latest[key] = cand
    counts: dict[str, int] = {}
    for _, _, outcome in latest.values():
        counts[outcome] = counts.get(outcome, 0) + 1
    home = open(SITE.abs("index.html"), encoding="utf-8").read()
    table = re.search(r'<table class="outcome-table">(.*?)</table>', home, re.S)
    assert table, "the home page has no outcome table"
    shown = {k: int(n) for k, n in re.findall(r'swatch-([a-z-]+)".*?<td class="num">(\d+)</td>', table.group(1))}
    assert shown, "no outcome rows on the home page"
    assert {k: v for k, v in shown.items() if v} == counts


def test_items_carry_their_latest_outcome():
    header, rows = _rows("answers")
    h = {n: i for i, n in enumerate(header)}
    latest = {}
    for r in sorted(rows, key=lambda r: (r[h["date"]], r[h["feedback"]])):
        if r[h["outcome"]]:
            latest[(r[h["record"]], r[h["item"]])] = r[h["outcome"]]
    for table, owner in (("input-points", "meeting"), ("recommendations", "advice")):
        ih, irows = _rows(table)
        for r in irows:
            key = (r[ih.index(owner)], r[ih.index("item")])
            assert r[ih.index("outcome")] == latest.get(key, ""), f"{table}.csv {key}"


def test_answers_carry_implementation_steps():
    """Implementation reports are rows too: every implementation value is one of the three, an
    implementation-only row has no outcome, and the example site has each kind of step."""
    header, rows = _rows("answers")
    h = {n: i for i, n in enumerate(header)}
    assert {"implementation", "expected"} <= set(h)
    states = {r[h["implementation"]] for r in rows}
    assert states - {""} <= {"planned", "underway", "done"}
    assert {"planned", "underway", "done"} <= states, states
    assert any(r[h["implementation"]] and not r[h["outcome"]] for r in rows), "no implementation-only report"
    for r in rows:
        assert r[h["outcome"]] or r[h["implementation"]], f"a row with neither: {r}"


# ----------------------------------------------------------------------------- DCAT-AP-NL 3.0
def _catalog(fmt: str) -> rdflib.Graph:
    name = "catalog.ttl" if fmt == "turtle" else "catalog.jsonld"
    return rdflib.Graph().parse(SITE.abs(f"data/{name}"), format=fmt)


def _shacl(graph: rdflib.Graph) -> tuple[bool, str]:
    shapes = rdflib.Graph().parse(SHAPES, format="turtle")
    conforms, _, text = validate(graph, shacl_graph=shapes, inference="none", abort_on_first=False)
    return conforms, text


def test_catalog_turtle_and_jsonld_are_the_same_graph():
    ttl, jsonld = _catalog("turtle"), _catalog("json-ld")
    assert len(ttl) > 50
    assert to_isomorphic(ttl) == to_isomorphic(jsonld)


def test_catalog_conforms_to_dcat_ap_nl_shapes():
    conforms, text = _shacl(_catalog("turtle"))
    print(text)
    assert conforms, text


def test_catalog_counts_and_byte_sizes():
    g = _catalog("turtle")
    catalogs = list(g.subjects(rdflib.RDF.type, DCAT.Catalog))
    datasets = list(g.subjects(rdflib.RDF.type, DCAT.Dataset))
    assert len(catalogs) == 1 and len(datasets) == 1
    dists = list(g.objects(datasets[0], DCAT.distribution))
    files = {f"data/{t}.{ext}" for t in TABLES for ext in ("csv", "json")}
    assert {_rel(str(g.value(d, DCAT.downloadURL))) for d in dists} == files, "one distribution per data file"
    for d in dists:
        rel = _rel(str(g.value(d, DCAT.downloadURL)))
        assert int(g.value(d, DCAT.byteSize)) == os.path.getsize(SITE.abs(rel)), f"{rel}: byteSize"
        assert _rel(str(g.value(d, DCAT.accessURL))) in SITE.fileset


BROKEN = {
    "second contact point": lambda g, ds: g.add((ds, DCAT.contactPoint, rdflib.URIRef("https://example.nl/other"))),
    "no identifier": lambda g, ds: g.remove((ds, DCT.identifier, None)),
    "second identifier": lambda g, ds: g.add((ds, DCT.identifier, rdflib.Literal("x"))),
    "access rights not from the list": lambda g, ds: (g.remove((ds, DCT.accessRights, None)),
                                                      g.add((ds, DCT.accessRights, rdflib.URIRef("http://example.org/open")))),
    "licence not from the list": lambda g, ds: [g.set((d, DCT.license, rdflib.URIRef("http://example.org/licence")))
                                                 for d in list(g.objects(ds, DCAT.distribution))],
    "byte size as text": lambda g, ds: [g.set((d, DCAT.byteSize, rdflib.Literal("12")))
                                         for d in list(g.objects(ds, DCAT.distribution))[:1]],
    "untyped publisher": lambda g, ds: g.remove((g.value(ds, DCT.publisher), rdflib.RDF.type, None)),
    "theme outside the EU list": lambda g, ds: g.set((ds, DCAT.theme, rdflib.URIRef("http://example.org/theme"))),
}


@pytest.mark.parametrize("defect", sorted(BROKEN))
def test_shapes_can_fail(defect):
    g = _catalog("turtle")
    ds = next(g.subjects(rdflib.RDF.type, DCAT.Dataset))
    BROKEN[defect](g, ds)
    conforms, text = _shacl(g)
    assert not conforms, f"the shapes accepted a catalog with {defect}"


# ----------------------------------------------------------------------------- DiWoo
SM = "http://www.sitemaps.org/schemas/sitemap/0.9"
DW = "https://standaarden.overheid.nl/diwoo/metadata/"
KERN = "https://identifier.overheid.nl/tooi/def/thes/kern/"
# DiWooType in diwoo-metadata.xsd 0.9.8 (an xs:all): element name → (minOccurs, maxOccurs), in
# declaration order; inspraak writes them in this order.
DIWOO_ELEMENTS = [("identifiers", 0), ("publisher", 1), ("verantwoordelijke", 0), ("medeverantwoordelijken", 0),
                  ("opsteller", 0), ("naamOpsteller", 0), ("titelcollectie", 1), ("omschrijvingen", 0),
                  ("classificatiecollectie", 1), ("creatiedatum", 0), ("geldigheid", 0), ("language", 0),
                  ("format", 0), ("aggregatiekenmerk", 0), ("isPartOf", 0), ("hasParts", 0),
                  ("documenthandelingen", 1), ("documentrelaties", 0), ("redenVerwijderingVervanging", 0)]
DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})")


def _q(name: str) -> str:
    return f"{{{DW}}}{name}"


def diwoo_problems(url: etree._Element) -> list[str]:
    """What is wrong with one sitemap <url> by DiWoo 0.9.8 and the Woo index's rules for advice."""
    problems = []
    children = [c.tag for c in url]
    if children[:2] != [f"{{{SM}}}loc", f"{{{SM}}}lastmod"] or children[2:] != [_q("Document")]:
        return [f"<url> children are {children}"]
    loc = url.findtext(f"{{{SM}}}loc")
    doc = url.find(_q("Document"))
    blocks = list(doc)
    if [b.tag for b in blocks] != [_q("DiWoo")]:
        return [f"{loc}: diwoo:Document holds {[b.tag for b in blocks]}, expected one diwoo:DiWoo"]
    dw = blocks[0]
    names = [etree.QName(c).localname for c in dw]
    order = [n for n, _ in DIWOO_ELEMENTS]
    for n in names:
        if n not in order:
            problems.append(f"{loc}: unknown element diwoo:{n}")
    for n, low in DIWOO_ELEMENTS:
        if names.count(n) < low or names.count(n) > 1:
            problems.append(f"{loc}: diwoo:{n} occurs {names.count(n)} times")
    if [n for n in names if n in order] != sorted([n for n in names if n in order], key=order.index):
        problems.append(f"{loc}: elements not in the XSD's order: {names}")
    pub = dw.find(_q("publisher"))
    if pub is None or not re.fullmatch(r"https://identifier\.overheid\.nl/tooi/id/gemeente/gm\d{4}", pub.get("resource") or ""):
        problems.append(f"{loc}: publisher is not a TOOI municipality URI")
    if not (dw.findtext(_q("titelcollectie") + "/" + _q("officieleTitel")) or "").strip():
        problems.append(f"{loc}: no officieleTitel")
    cats = dw.findall(f"{_q('classificatiecollectie')}/{_q('informatiecategorieen')}/{_q('informatiecategorie')}")
    if [c.get("resource") for c in cats] != [KERN + "c_99a836c7"]:
        problems.append(f"{loc}: informatiecategorie is not adviezen")
    acts = dw.findall(f"{_q('documenthandelingen')}/{_q('documenthandeling')}")
    if not acts:
        problems.append(f"{loc}: no documenthandeling")
    for act in acts:
        if [etree.QName(c).localname for c in act] != ["soortHandeling", "atTime"]:
            problems.append(f"{loc}: documenthandeling holds {[c.tag for c in act]}")
        if act.find(_q("soortHandeling")) is None or act.find(_q("soortHandeling")).get("resource") not in (KERN + "c_dfcee535", KERN + "c_641ecd76"):
            problems.append(f"{loc}: soortHandeling is not ontvangst or vaststelling")
        if not DATETIME.fullmatch(act.findtext(_q("atTime")) or ""):
            problems.append(f"{loc}: atTime is not an xs:dateTime with a zone")
    lang = dw.find(_q("language"))
    if lang is None or lang.get("resource") != "http://publications.europa.eu/resource/authority/language/NLD":
        problems.append(f"{loc}: language is not NLD")
    fmt = dw.find(_q("format"))
    want = "PDF" if loc.lower().endswith(".pdf") else "HTML"
    if fmt is None or fmt.get("resource") != f"http://publications.europa.eu/resource/authority/file-type/{want}":
        problems.append(f"{loc}: format is not {want}")
    return problems


def _diwoo_urls() -> list[etree._Element]:
    index = etree.parse(SITE.abs("sitemapindex-diwoo-infocat010.xml")).getroot()
    assert index.tag == f"{{{SM}}}sitemapindex"
    urls = []
    for sm in index.findall(f"{{{SM}}}sitemap"):
        rel = _rel(sm.findtext(f"{{{SM}}}loc"))
        root = etree.parse(SITE.abs(rel)).getroot()
        assert root.tag == f"{{{SM}}}urlset"
        found = root.findall(f"{{{SM}}}url")
        assert len(found) <= 50_000
        urls += found
    return urls


def test_diwoo_sitemaps_follow_diwoo():
    urls = _diwoo_urls()
    problems = [p for u in urls for p in diwoo_problems(u)]
    assert not problems, "\n".join(problems[:20])


def test_diwoo_lists_every_advice_its_documents_and_the_feedback_on_it():
    urls = _diwoo_urls()
    by_loc = {u.findtext(f"{{{SM}}}loc"): u for u in urls}
    assert len(by_loc) == len(urls), "every <loc> once"
    advice_pages = {SITE.url_of(f) for f in SITE.files if re.fullmatch(r"advice/[^/]+/index\.html", f)}
    pdfs = {SITE.base_url + f for f in SITE.files if re.fullmatch(r"advice/[^/]+/[^/]+\.pdf", f, re.I)}
    assert advice_pages  # PDFs: the example site has one (a bundle); a generated site may have none
    assert advice_pages | pdfs <= set(by_loc)
    for loc in advice_pages | pdfs:
        kinds = by_loc[loc].findall(f".//{_q('documentsoort')}")
        assert [k.get("resource") for k in kinds] == [KERN + "c_d506b718"], f"{loc}: documentsoort advies"
    feedback = [loc for loc in by_loc if "/feedback/" in loc]
    assert feedback, "no feedback listed"
    for loc in feedback:
        rels = by_loc[loc].findall(f".//{_q('documentrelatie')}")
        assert rels, f"{loc}: no documentrelatie"
        for rel in rels:
            assert rel.findtext(_q("role")) == "is reactie op"
            assert rel.find(_q("relation")).get("resource") in advice_pages
    for loc in by_loc:
        assert _rel(loc) in SITE.fileset, f"{loc} is not a file of the site"


def test_diwoo_checks_can_fail():
    url = _diwoo_urls()[0]
    dw = url.find(f"{_q('Document')}/{_q('DiWoo')}")
    dw.remove(dw.find(_q("publisher")))
    dw.append(etree.fromstring(f'<diwoo:titelcollectie xmlns:diwoo="{DW}"><diwoo:officieleTitel>x</diwoo:officieleTitel></diwoo:titelcollectie>'))
    problems = diwoo_problems(url)
    assert any("publisher occurs 0" in p for p in problems)
    assert any("titelcollectie occurs 2" in p for p in problems)


def test_robots_names_the_diwoo_index():
    robots = open(SITE.abs("robots.txt"), encoding="utf-8").read().splitlines()
    assert f"Sitemap: {SITE.base_url}sitemapindex-diwoo-infocat010.xml" in robots


def test_open_data_linked_from_every_page_footer():
    for rel in ("index.html", "meetings/index.html"):
        html = open(SITE.abs(rel), encoding="utf-8").read()
        assert re.search(r'<footer.*href="(\.\./)*data/"', html, re.S), f"{rel}: no footer link to data/"
    assert "data/index.html" in SITE.fileset and "data/README.md" in SITE.fileset
