#!/usr/bin/env python3
"""What reading dates from git costs (issue 14): the corpus committed in a few thousand commits,
then `inspraak build` with and without `--no-git`, and the git pass as `--timings` reports it.

    python3 bench/git_pass.py --records 10000 --commits 2000 --runs 5   # standalone
    (run_bench.py calls git_pass() at 10,000 records and prints its line)

The repository is written with one `git fast-import` (fixed dates and author): the first 3/4 of
the commits add the records in batches, the rest each change a few already added records (so
`updated` dates exist) and rename one (so renames are followed). Its working tree is then the
corpus plus those edits. Python 3.11+ standard library only.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

START = 1_600_000_000          # 2020-09-13, the first commit's time
STEP = 3600                    # an hour between commits
GIT_RE = re.compile(r"the git pass took ([\d.]+) ms")
BUILT_RE = re.compile(r"built (\d+) records")


def make_repository(corpus: Path, repo: Path, commits: int):
    """corpus (a gen_corpus.py inspraak folder) committed into repo in `commits` commits."""
    marker = repo / ".bench-commits"
    if marker.is_file() and marker.read_text().strip() == str(commits):
        return False
    shutil.rmtree(repo, ignore_errors=True)
    repo.mkdir(parents=True)
    files = sorted(p.relative_to(corpus).as_posix() for p in corpus.rglob("*") if p.is_file())
    records = [f for f in files if f.startswith("content/") and f.endswith(".md") and not f.startswith("content/themes/")]
    others = [f for f in files if f not in set(records)]
    adding = max(1, commits * 3 // 4)
    batches = [records[i::adding] for i in range(adding)]
    batches[0] = others + batches[0]
    stream = bytearray()

    def commit(number, message, changes):
        nonlocal stream
        msg = message.encode()
        stream += f"commit refs/heads/main\nmark :{number + 1}\n".encode()
        stream += f"committer Bench <bench@example.org> {START + number * STEP} +0000\n".encode()
        stream += f"data {len(msg)}\n".encode() + msg + b"\n"
        if number > 0:
            stream += f"from :{number}\n".encode()
        for change in changes:
            stream += change

    def put(path, data):
        return f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n"

    contents = {}
    for number, batch in enumerate(batches):
        changes = []
        for path in batch:
            contents[path] = (corpus / path).read_bytes()
            changes.append(put(path, contents[path]))
        commit(number, f"Records {number + 1}: {len(batch)} added", changes)
    edited = 0
    for number in range(adding, commits):
        changes = []
        for k in range(5):
            path = records[(number * 7919 + k * 104729) % len(records)]
            contents[path] += f"\nAangevuld in commit {number + 1}.\n".encode()
            changes.append(put(path, contents[path]))
            edited += 1
        commit(number, f"Edit {number + 1}: five records amended", changes)
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "fast-import", "--quiet"], input=bytes(stream), check=True)
    subprocess.run(["git", "-C", str(repo), "reset", "-q", "--hard", "main"], check=True)
    marker.write_text(f"{commits}\n")
    (repo / ".git" / "info" / "exclude").write_text(".bench-commits\npublic/\n")
    return True


def timed_build(binary, repo, out, now, extra):
    shutil.rmtree(out, ignore_errors=True)
    t0 = time.perf_counter()
    r = subprocess.run([str(binary), "build", "--source", str(repo), "--output", str(out), "--now", now, "--timings", *extra],
                       capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if r.returncode != 0 or not BUILT_RE.search(r.stdout):
        sys.exit(f"git_pass: build failed ({r.returncode}): {(r.stdout + r.stderr)[-500:]}")
    m = GIT_RE.search(r.stderr)
    return wall, (float(m.group(1)) / 1000 if m else None)


def git_pass(corpus: Path, repo: Path, binary: Path, commits=2000, runs=5, now="2026-01-15", log=print):
    """Builds with git and with --no-git, alternating; returns the figures as a dict."""
    t0 = time.perf_counter()
    made = make_repository(corpus, repo, commits)
    count = subprocess.run(["git", "-C", str(repo), "rev-list", "--count", "HEAD"], capture_output=True, text=True).stdout.strip()
    log(f"  git repository {repo}: {count} commits ({'made' if made else 'reused'} in {time.perf_counter() - t0:.1f} s)")
    out = repo.parent / (repo.name + "-public")
    timed_build(binary, repo, out, now, [])           # warm-up: page cache, git's pack index
    with_git, without_git, passes = [], [], []
    for _ in range(runs):
        wall, git_seconds = timed_build(binary, repo, out, now, [])
        with_git.append(wall)
        passes.append(git_seconds)
        wall, _ = timed_build(binary, repo, out, now, ["--no-git"])
        without_git.append(wall)
    shutil.rmtree(out, ignore_errors=True)
    result = {
        "commits": int(count or 0), "runs": runs,
        "git_pass_s": passes, "git_pass_median_s": statistics.median(passes),
        "build_s": with_git, "build_median_s": statistics.median(with_git),
        "build_no_git_s": without_git, "build_no_git_median_s": statistics.median(without_git),
    }
    result["added_s"] = result["build_median_s"] - result["build_no_git_median_s"]
    return result


def line(result):
    p = result["git_pass_s"]
    return (f"git pass ({result['commits']:,} commits): median {result['git_pass_median_s']:.3f} s "
            f"(runs {min(p):.3f}-{max(p):.3f} s, bar < 0.5 s: {'ok' if result['git_pass_median_s'] < 0.5 else 'MISSED'}); "
            f"build median {result['build_median_s']:.2f} s with git vs {result['build_no_git_median_s']:.2f} s with --no-git "
            f"(+{result['added_s']:.2f} s; with git {min(result['build_s']):.2f}-{max(result['build_s']):.2f} s, "
            f"without {min(result['build_no_git_s']):.2f}-{max(result['build_no_git_s']):.2f} s)")


def main():
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", type=int, default=10000)
    ap.add_argument("--commits", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--corpus", help="a gen_corpus.py inspraak folder (default bench/corpus/<records>/inspraak)")
    ap.add_argument("--repo", help="where to make the repository (default /tmp/inspraak-git-bench-<records>)")
    ap.add_argument("--bin", default=str(here.parent / ".build" / "release" / "inspraak"))
    a = ap.parse_args()
    corpus = Path(a.corpus) if a.corpus else here / "corpus" / str(a.records) / "inspraak"
    if not (corpus / "site.toml").is_file():
        sys.exit(f"git_pass: no corpus at {corpus} (run bench/run_bench.py --sizes {a.records} once, or pass --corpus)")
    repo = Path(a.repo) if a.repo else Path(f"/tmp/inspraak-git-bench-{a.records}")
    print(line(git_pass(corpus, repo, Path(a.bin), a.commits, a.runs)))


if __name__ == "__main__":
    main()
