"""The edits of serve_bench.py: planned on the pristine corpus, applied to each tool's copy.

Three kinds, --edits of each, spread over the corpus (old and recent records alike):
  body    a paragraph appended to the body of a meeting (marker: a random token in its page);
  status  a feedback response's outcome changed, for a recommendation only that response answers:
          inspraak's advice page (the recommendation's status badge) and feedback page must show
          it; Hugo's reference site shows no statuses, so its feedback page (the outcome label);
  new     a new meeting record, a copy of another under a new id and title (its page, 404 before).
"""
import importlib.util
import re
import secrets

import run_bench as rb
from run_bench import die


class Target:
    """A page and what it must show: marker inside the <li> block that starts at anchor (or anywhere)."""

    def __init__(self, path, marker, before=None, anchor=None):
        self.path, self.marker, self.before, self.anchor = path, marker, before, anchor

    def block(self, body):
        if self.anchor is None:
            return body
        i = body.find(self.anchor)
        if i < 0:
            return ""
        end = body.find("</li>", i)
        return body[i:end if end >= 0 else len(body)]

    def shows(self, status, body):
        return status == 200 and self.marker in self.block(body)

    def showed_before(self, status, body):
        return status == 200 and (self.before is None or self.before in self.block(body))

    def json(self):
        return {"path": self.path, "marker": self.marker, "before": self.before, "anchor": self.anchor}


class Edit:
    def __init__(self, kind, index, file, change, targets):
        # file: path inside a tool's source folder; change(text or None) -> new text;
        # targets: {tool name: [Target]}
        self.kind, self.index, self.file, self.change, self.targets = kind, index, file, change, targets


def load_generator():
    spec = importlib.util.spec_from_file_location("gen_corpus", rb.GEN)
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    return gen


def spread(items, k, offset=0.5):
    """k of the sorted items, evenly spread, so that edits hit old and recent records alike."""
    if len(items) < k:
        die(f"only {len(items)} records fit an edit that needs {k}")
    step = len(items) / k
    return [items[int(i * step + offset * step)] for i in range(k)]


def append_paragraph(token):
    return lambda text: text.rstrip("\n") + f"\n\nAangepast voor de meting {token}.\n"


def set_outcome(ref, new):
    """Change the outcome of the response `- ref: "<ref>"` (Hugo nests it under params:, deeper)."""
    def change(text):
        lines = text.split("\n")
        i = next(k for k, l in enumerate(lines) if l.strip() == f'- ref: "{ref}"')
        indent = len(lines[i]) - len(lines[i].lstrip())
        for k in range(i + 1, len(lines)):
            body = lines[k].lstrip()
            if len(lines[k]) - len(body) <= indent:
                break
            if body.startswith("outcome: "):
                lines[k] = lines[k][:len(lines[k]) - len(body)] + f"outcome: {new}"
                return "\n".join(lines)
        raise ValueError(f"no outcome under ref {ref}")
    return change


def retitle(source_text, token):
    """A copy of another meeting under a new title: a new record that is valid as it stands."""
    return lambda _: re.sub(r'(?m)^title: ".*"$', f'title: "Nieuwe bijeenkomst {token}"', source_text, count=1)


def status_candidates(gen, content):
    """(feedback id, ref, advice id, item, outcome) for recommendations answered by exactly one
    response that has its own outcome and nothing but a note besides: changing that outcome changes
    the recommendation's status on the advice page and nothing else about the record."""
    advice = {p.stem for p in (content / "advice").glob("*.md")}
    answers, found = {}, []
    for p in sorted((content / "feedback").glob("*.md")):
        fm, _ = gen.read_record(p)
        for r in fm.get("responds_to", []):
            answers[r["ref"]] = answers.get(r["ref"], 0) + 1
            target, _, item = r["ref"].partition("#")
            if item and target in advice and set(r) <= {"ref", "outcome", "note"} \
                    and r.get("outcome") in ("adopted", "partially-adopted", "not-adopted", "noted", "referred"):
                found.append((p.stem, r["ref"], target, item, r["outcome"]))
    once = [c for c in found if answers[c[1]] == 1]
    seen_fb, seen_adv, out = set(), set(), []
    for c in once:                 # one edit per feedback and per advice, so edits do not interact
        if c[0] not in seen_fb and c[2] not in seen_adv:
            seen_fb.add(c[0])
            seen_adv.add(c[2])
            out.append(c)
    return out


def plan_edits(corpus, k, hugo_labels):
    gen = load_generator()
    content = corpus / "inspraak" / "content"
    meetings = sorted(p.stem for p in (content / "meetings").glob("*.md"))
    edits = []
    for i, mid in enumerate(spread(meetings, k, 0.25)):
        token = f"bewerking-{i:02d}-{secrets.token_hex(4)}"
        t = [Target(f"meetings/{mid}/", token)]
        edits.append(Edit("body", i, f"content/meetings/{mid}.md", append_paragraph(token),
                          {"inspraak": t, "hugo": t}))
    for i, (fid, ref, aid, item, old) in enumerate(spread(status_candidates(gen, content), k)):
        new = "noted" if old != "noted" else "adopted"
        edits.append(Edit("status", i, f"content/feedback/{fid}.md", set_outcome(ref, new), {
            "inspraak": [Target(f"advice/{aid}/", f"badge-{new}\"", f"badge-{old}\"", f'<li id="{item}"'),
                         Target(f"feedback/{fid}/", f"badge-{new}\"", f"badge-{old}\"", f'{aid}/#{item}"')],
            "hugo": [Target(f"feedback/{fid}/", f'<span class="outcome">{hugo_labels[new]}</span>',
                            f'<span class="outcome">{hugo_labels[old]}</span>', f'/advice/{aid}/#{item}"')]}))
    for i, mid in enumerate(spread(meetings, k, 0.75)):
        token = f"{secrets.token_hex(4)}"
        nid = f"{mid[:10]}-meting-nieuw-{i:02d}-{token}"
        t = [Target(f"meetings/{nid}/", f"Nieuwe bijeenkomst {token}")]
        texts = {tool: (corpus / tool / "content" / "meetings" / f"{mid}.md").read_text(encoding="utf-8")
                 for tool in ("inspraak", "hugo")}
        edits.append(Edit("new", i, f"content/meetings/{nid}.md",
                          {tool: retitle(texts[tool], token) for tool in texts}, {"inspraak": t, "hugo": t}))
    return edits
