"""Session set-up for the end-to-end suite.

The site under test is E2E_SITE_DIR (run.sh builds it) or, when that is not set, a fresh build
of the example site made here with E2E_INSPRAAK (default: the repo's .build/release/inspraak).
"""
from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import tempfile
import time

import pytest

import sitelib
from sitelib import BASE_URL, NOW, REPO, Site


def _site_dir() -> str:
    given = os.environ.get("E2E_SITE_DIR")
    if given:
        if not os.path.isfile(os.path.join(given, "index.html")):
            raise pytest.UsageError(f"E2E_SITE_DIR={given} holds no index.html")
        return given
    binary = os.environ.get("E2E_INSPRAAK", os.path.join(REPO, ".build", "release", "inspraak"))
    if not os.access(binary, os.X_OK):
        raise pytest.UsageError(f"inspraak binary not found at {binary} (set E2E_INSPRAAK)")
    tmp = tempfile.mkdtemp(prefix="inspraak-e2e-site-")
    atexit.register(shutil.rmtree, tmp, True)
    out = os.path.join(tmp, "public")
    pagefind = os.environ.get("INSPRAAK_PAGEFIND", os.path.join(REPO, ".build", "tools", "bin", "pagefind"))
    r = subprocess.run([binary, "build", "--source", REPO, "--output", out, "--base-url", BASE_URL,
                        "--now", NOW, "--no-git", "--pagefind", pagefind], capture_output=True, text=True, timeout=300)
    if r.returncode != 0:
        raise pytest.UsageError(f"building the example site failed ({r.returncode}):\n{r.stdout}{r.stderr}")
    return out


SITE = Site(_site_dir())
PAGES = SITE.sample()


# The house style: the example site again, with `theme = "voorbeeldstad"` and without a logo of
# its own (so the theme's shows), built here into another folder; E2E_HOUSE_SITE_DIR names a
# build made beforehand. It gets the same browser checks as the default theme.
HOUSE_LOGO_LINE = 'logo = "images/logo-lindeveen.svg"\n'


def _house_site_dir() -> str:
    given = os.environ.get("E2E_HOUSE_SITE_DIR")
    if given:
        return given
    binary = os.environ.get("E2E_INSPRAAK", os.path.join(REPO, ".build", "release", "inspraak"))
    if not os.access(binary, os.X_OK):
        raise pytest.UsageError(f"inspraak binary not found at {binary} (set E2E_INSPRAAK)")
    tmp = tempfile.mkdtemp(prefix="inspraak-e2e-house-")
    atexit.register(shutil.rmtree, tmp, True)
    source = os.path.join(tmp, "site")
    os.makedirs(os.path.join(source, "themes"))
    shutil.copytree(os.path.join(REPO, "content"), os.path.join(source, "content"))
    shutil.copytree(os.path.join(REPO, "themes", "voorbeeldstad"), os.path.join(source, "themes", "voorbeeldstad"))
    config = open(os.path.join(REPO, "site.toml"), encoding="utf-8").read()
    if 'theme = "default"\n' not in config:
        raise pytest.UsageError("site.toml does not say theme = \"default\" (test set-up)")
    config = config.replace('theme = "default"\n', 'theme = "voorbeeldstad"\n').replace(HOUSE_LOGO_LINE, "")
    with open(os.path.join(source, "site.toml"), "w", encoding="utf-8") as fh:
        fh.write(config)
    out = os.path.join(tmp, "public")
    r = subprocess.run([binary, "build", "--source", source, "--output", out, "--base-url", BASE_URL,
                        "--now", NOW, "--no-git"], capture_output=True, text=True, timeout=300)
    if r.returncode != 0:
        raise pytest.UsageError(f"building the example site with the house style failed ({r.returncode}):\n{r.stdout}{r.stderr}")
    return out


THEMES = ["default", "voorbeeldstad"]
_house: list[Site] = []


def house_site() -> Site:
    """The house-style build, made on first use (a run that does not ask for it does not build it)."""
    if not _house:
        _house.append(Site(_house_site_dir()))
    return _house[0]


# ----------------------------------------------------------------------------- Nu HTML Checker
# vnu runs once over every HTML page and stylesheet, in the background while the browser tests run.
class _Vnu:
    proc: subprocess.Popen | None = None
    out_path: str | None = None
    t0 = 0.0

    @classmethod
    def start(cls) -> None:
        if cls.proc is not None:
            return
        targets = [SITE.abs(f) for f in SITE.html + SITE.css]
        fd, cls.out_path = tempfile.mkstemp(prefix="inspraak-e2e-vnu-", suffix=".json")
        atexit.register(lambda: os.path.exists(cls.out_path) and os.remove(cls.out_path))
        cls.t0 = time.time()
        cls.proc = subprocess.Popen(
            ["java", "-Xss2m", "-jar", sitelib.vnu_jar(), "--format", "json", "--exit-zero-always",
             "--also-check-css", "--also-check-svg"] + targets,
            stdout=subprocess.DEVNULL, stderr=fd)
        os.close(fd)

    @classmethod
    def result(cls, timeout: float = 240) -> dict[str, list[dict]]:
        cls.start()
        try:
            cls.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            cls.proc.kill()
            raise AssertionError(f"vnu did not finish within {timeout}s")
        raw = open(cls.out_path, encoding="utf-8").read()
        try:
            messages = json.loads(raw)["messages"]
        except (ValueError, KeyError):
            raise AssertionError(f"vnu output is not the expected JSON: {raw[:500]}")
        by_file: dict[str, list[dict]] = {}
        for m in messages:
            url = m.get("url", "")
            path = url[len("file:"):] if url.startswith("file:") else url
            rel = os.path.relpath(path, SITE.root) if path.startswith("/") else "(vnu)"
            by_file.setdefault(rel, []).append(m)
        return by_file


def pytest_collection_modifyitems(session, config, items):
    if any("vnu_report" in getattr(it, "fixturenames", ()) for it in items):
        _Vnu.start()


def pytest_sessionfinish(session, exitstatus):
    if _Vnu.proc is not None and _Vnu.proc.poll() is None:
        _Vnu.proc.kill()


@pytest.fixture(scope="session")
def vnu_report() -> dict[str, list[dict]]:
    return _Vnu.result()


# ----------------------------------------------------------------------------- site, server, browser
@pytest.fixture(scope="session")
def site() -> Site:
    return SITE


@pytest.fixture(scope="session")
def server(site):
    srv = sitelib.LocalServer(site)
    yield srv
    srv.stop()


class Browser:
    """One headless Chromium for the whole session, with helpers to load a page in a known state."""

    def __init__(self, server: sitelib.LocalServer, sharing: "Browser | None" = None):
        self.server = server
        self.owner = sharing is None
        self.drv = sitelib.make_driver() if sharing is None else sharing.drv
        self.axe_src, self.axe_version = sitelib.axe_js()

    def load(self, path: str, width: int = 1280, height: int = 900, scale: float = 1,
             mobile: bool = False, dark: bool = False) -> None:
        d = self.drv
        d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                          {"width": width, "height": height, "deviceScaleFactor": scale, "mobile": mobile})
        d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": [
            {"name": "prefers-color-scheme", "value": "dark" if dark else "light"},
            {"name": "prefers-reduced-motion", "value": "reduce"}]})
        # leave the previous page first, so that a same-document URL still loads afresh
        d.get("about:blank")
        self.server.requests.clear()
        d.get(self.server.url(path))
        sitelib.wait_ready(d)

    def js(self, script: str, *args):
        return self.drv.execute_script(script, *args)

    def js_async(self, script: str, *args):
        return self.drv.execute_async_script(script, *args)

    def quit(self) -> None:
        if not self.owner:
            return
        try:
            self.drv.quit()
        except Exception:
            pass


@pytest.fixture(scope="session")
def browser(server):
    b = Browser(server)
    yield b
    b.quit()


@pytest.fixture(scope="session")
def house_browser(browser):
    """The same Chromium, on a server of the house-style build."""
    srv = sitelib.LocalServer(house_site())
    yield Browser(srv, sharing=browser)
    srv.stop()


@pytest.fixture
def themed(request):
    """(browser, sample pages) of the theme the test is parametrized with (`theme`)."""
    if request.node.callspec.params.get("theme", "default") == "default":
        return request.getfixturevalue("browser"), PAGES
    return request.getfixturevalue("house_browser"), house_site().sample()


@pytest.fixture(scope="session")
def artifacts_dir() -> str:
    os.makedirs(sitelib.ARTIFACTS, exist_ok=True)
    return sitelib.ARTIFACTS
