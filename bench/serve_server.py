"""The servers of serve_bench.py: start, poll over HTTP, settle, measure memory, stop; and one timed edit."""
import http.client
import os
import re
import secrets
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

SERVING_RE = re.compile(r"serving (http://127\.0\.0\.1:(\d+)(/\S*)?)")
READY_TIMEOUT_S = 1800                     # a 10,000-record Hugo start took ~2 min on a loaded machine
QUIET_S, QUIET_TICKS, SETTLE_CAP_S = 0.3, 2, 120
# what each server says a rebuild took: inspraak's `rebuilt in 41.2 ms: 3 pages rewritten`, Hugo's
# `Total in 1156 ms`; reported beside the measured latency (which adds noticing the change and serving)
OWN_TIME_RE = re.compile(r"\brebuilt in ([\d.]+) ms: (\d+) pages? rewritten|^Total in ([\d.]+) ms")


class Client:
    """One keep-alive HTTP connection; reconnects when the server closed it."""

    def __init__(self, port, prefix):
        self.port, self.prefix, self.conn = port, prefix, None

    def get(self, path):
        for _ in range(2):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                self.conn.request("GET", self.prefix + path)
                r = self.conn.getresponse()
                body = r.read().decode("utf-8", "replace")
                if r.getheader("Connection", "").lower() == "close":
                    self.close()
                return r.status, body
            except (OSError, http.client.HTTPException):
                self.close()
        return None, ""

    def close(self):
        if self.conn is not None:
            self.conn.close()
        self.conn = None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, name, cmd, log_path, port=None):
        self.name, self.cmd, self.log_path, self.port = name, [str(c) for c in cmd], log_path, port
        self.proc, self.lines, self.ready_line, self.client, self.prefix = None, [], None, None, "/"

    def _drain(self, t0):
        with open(self.log_path, "w", encoding="utf-8") as f:
            for line in self.proc.stdout:
                f.write(line)
                f.flush()
                self.lines.append(line)
                m = SERVING_RE.search(line)
                if m and self.ready_line is None:
                    self.ready_line = (time.perf_counter() - t0, int(m.group(2)), m.group(3) or "/")

    def start(self):
        """Spawn and wait for the first page; returns seconds from spawn to that page."""
        t0 = time.perf_counter()
        self.proc = subprocess.Popen(self.cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     text=True, errors="replace",
                                     start_new_session=True)   # Ctrl-C stops the harness, which then stops it
        threading.Thread(target=self._drain, args=(t0,), daemon=True).start()
        while time.perf_counter() - t0 < READY_TIMEOUT_S:
            if self.proc.poll() is not None:
                raise RuntimeError(f"exited with status {self.proc.returncode} before serving: {self.tail()}")
            if self.port is None and self.ready_line:      # inspraak: the port comes from its line
                self.port, self.prefix = self.ready_line[1], self.ready_line[2]
            if self.port is not None:
                if self.client is None:
                    self.client = Client(self.port, self.prefix)
                status, _ = self.client.get("")
                if status == 200:
                    return time.perf_counter() - t0
            time.sleep(0.02)
        raise RuntimeError(f"no page served after {READY_TIMEOUT_S} s: {self.tail()}")

    def own_times(self, since):
        """[(ms, pages rewritten or None)] of the rebuilds the server reported after line `since`."""
        found = []
        for line in self.lines[since:]:
            m = OWN_TIME_RE.search(line.strip())
            if m:
                found.append((float(m.group(1)), int(m.group(2))) if m.group(1) else (float(m.group(3)), None))
        return found

    def tail(self, n=8):
        return " | ".join(l.rstrip() for l in self.lines[-n:])

    def memory(self):
        """VmHWM and VmRSS in MiB (the server process itself)."""
        try:
            st = Path(f"/proc/{self.proc.pid}/status").read_text()
        except OSError:
            return None, None
        get = lambda k: int(re.search(rf"^{k}:\s+(\d+) kB", st, re.M).group(1)) / 1024  # noqa: E731
        return get("VmHWM"), get("VmRSS")

    def cpu_ticks(self):
        """Processor time of the server and its children, live or reaped (the stand-in runs builds)."""
        kids, ticks = {}, 0
        for d in os.listdir("/proc"):
            if d.isdigit():
                try:
                    f = Path(f"/proc/{d}/stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                kids.setdefault(int(f[1]), []).append((int(d), sum(int(x) for x in f[11:15])))
        todo = [self.proc.pid]
        try:
            f = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks = sum(int(x) for x in f[11:15])
        except OSError:
            return None
        while todo:
            for pid, t in kids.get(todo.pop(), []):
                ticks += t
                todo.append(pid)
        return ticks

    def settle(self):
        """Wait until the server used (almost) no processor time for QUIET_S; returns the wait."""
        t0 = time.perf_counter()
        last = self.cpu_ticks()
        while time.perf_counter() - t0 < SETTLE_CAP_S:
            time.sleep(QUIET_S)
            now = self.cpu_ticks()
            if now is None or last is None or now - last < QUIET_TICKS:
                break
            last = now
        return time.perf_counter() - t0

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def stop(self):
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)       # Ctrl-C, as a person stops it
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode


def measure(server, edit, src, timeout_s, poll_s):
    """Apply edit to the tool's copy and time it until every target page shows it.
    Returns (seconds or None on timeout, problem or None)."""
    targets = edit.targets[server.name]
    for t in targets:
        status, body = server.client.get(t.path)
        if t.shows(status, body):
            return None, f"{t.path} already shows {t.marker!r} before the edit"
        if edit.kind != "new" and not t.showed_before(status, body):
            return None, f"{t.path} does not show {t.before or 'the page'} before the edit (HTTP {status})"
    path = src / edit.file
    change = edit.change[server.name] if isinstance(edit.change, dict) else edit.change
    new_text = change(path.read_text(encoding="utf-8") if path.exists() else None)
    tmp = path.parent / f".{path.name}.{secrets.token_hex(3)}.tmp"
    seen = {}
    t0 = time.perf_counter()
    tmp.write_text(new_text, encoding="utf-8")
    os.replace(tmp, path)
    while len(seen) < len(targets):
        for k, t in enumerate(targets):
            if k not in seen:
                status, body = server.client.get(t.path)
                if t.shows(status, body):
                    seen[k] = time.perf_counter() - t0
        if len(seen) == len(targets):
            break
        if time.perf_counter() - t0 > timeout_s:
            missing = [t.path for k, t in enumerate(targets) if k not in seen]
            return None, f"timed out after {timeout_s:.0f} s waiting for {', '.join(missing)}"
        time.sleep(poll_s)
    return max(seen.values()), None
