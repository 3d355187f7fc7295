#!/usr/bin/env python3
"""A stand-in for `inspraak serve`, only to check serve_bench.py itself (`--standin`).

    python3 bench/serve_standin.py --bin .build/release/inspraak --source DIR --port 0 [--now DATE]

It speaks the serve contract the benchmark relies on: one line `serving http://127.0.0.1:<port>/`
once the site is built, then it serves the output over HTTP and, on any change under the source
folder (inotify through ctypes; no polling), runs a full `inspraak build` into a new folder and
serves that. A full build is what `serve` exists to avoid, so its figures say nothing about
`serve`; they only show that the harness measures, times out and reports as it should.
Python 3.11+ standard library only; Linux only (inotify).
"""
import argparse
import ctypes
import ctypes.util
import http.server
import os
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

IN_MODIFY, IN_CLOSE_WRITE, IN_MOVED_FROM, IN_MOVED_TO = 0x2, 0x8, 0x40, 0x80
IN_CREATE, IN_DELETE = 0x100, 0x200
MASK = IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE
DEBOUNCE_S = 0.05


class Site:
    """The folder being served; swapped whole after each rebuild."""

    def __init__(self, args, scratch):
        self.args, self.scratch, self.lock, self.current, self.count = args, scratch, threading.Lock(), None, 0

    def rebuild(self):
        self.count += 1
        out = self.scratch / f"out-{self.count}"
        t0 = time.perf_counter()
        r = subprocess.run([self.args.bin, "build", "--source", self.args.source, "--output", str(out),
                            "--now", self.args.now], capture_output=True, text=True)
        if r.returncode != 0:
            print(f"standin: build failed, keeping the last output: {r.stderr.strip()[-300:]}", flush=True)
            shutil.rmtree(out, ignore_errors=True)
            return
        with self.lock:
            old, self.current = self.current, out
        print(f"standin: rebuilt in {time.perf_counter() - t0:.2f} s", flush=True)
        if old:
            shutil.rmtree(old, ignore_errors=True)

    def folder(self):
        with self.lock:
            return self.current


def handler(site):
    class Handler(http.server.SimpleHTTPRequestHandler):
        protocol_version = "HTTP/1.1"      # keep-alive, as a real server

        def translate_path(self, path):
            # per request, not per connection: a keep-alive connection outlives a rebuild
            self.directory = str(site.folder())
            return super().translate_path(path)

        def log_message(self, *a):
            pass
    return Handler


def watch(site, root):
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    fd = libc.inotify_init()
    for d, _, _ in os.walk(root):
        libc.inotify_add_watch(fd, d.encode(), MASK)
    while True:
        select.select([fd], [], [])
        os.read(fd, 65536)
        while select.select([fd], [], [], DEBOUNCE_S)[0]:   # editors write a temp file, then rename
            os.read(fd, 65536)
        site.rebuild()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--now", default="2026-01-15")
    a = ap.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="serve-standin-", dir="/dev/shm" if os.access("/dev/shm", os.W_OK) else None))
    site = Site(a, scratch)
    try:
        site.rebuild()
        if site.folder() is None:
            sys.exit("standin: the first build failed")
        server = http.server.ThreadingHTTPServer(("127.0.0.1", a.port), handler(site))
        threading.Thread(target=watch, args=(site, a.source), daemon=True).start()
        print(f"serving http://127.0.0.1:{server.server_address[1]}/", flush=True)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
