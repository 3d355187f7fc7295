"""`inspraak serve` in a real browser: an open page reloads itself after an edit, keeping its
scroll position; a broken record brings the error overlay (focused, readable at 320 px, no axe
violations) over the last good page; fixing the record takes it away.

Runs the binary under test (E2E_INSPRAAK) on a copy of the example site's sources.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time

import pytest

import sitelib
from sitelib import BASE_URL, NOW, REPO

RECORD = "content/meetings/2019-03-19-stamtafel-eenzaamheid.md"
PAGE = "meetings/2019-03-19-stamtafel-eenzaamheid/"


@pytest.fixture(scope="module")
def serve():
    binary = os.environ.get("E2E_INSPRAAK", os.path.join(REPO, ".build", "release", "inspraak"))
    source = tempfile.mkdtemp(prefix="inspraak-e2e-serve-")
    shutil.copytree(os.path.join(REPO, "content"), os.path.join(source, "content"))
    shutil.copy(os.path.join(REPO, "site.toml"), source)
    # The organisation's logo, which site.toml names.
    shutil.copytree(os.path.join(REPO, "images"), os.path.join(source, "images"))
    proc = subprocess.Popen([binary, "serve", "--source", source, "--port", "0", "--now", NOW, "--no-git",
                             "--base-url", BASE_URL], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = None
    deadline = time.time() + 120
    while time.time() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        if line.startswith("serving "):
            url = line.split(" ", 1)[1].strip()
            break
    if url is None:
        proc.kill()
        pytest.fail(f"serve printed no serving line: {proc.stderr.read()}")
    yield url, source, proc
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=15) == 0
    shutil.rmtree(source, ignore_errors=True)


@pytest.fixture(scope="module")
def drv():
    d = sitelib.make_driver()
    yield d
    d.quit()


def _wait(what, check, timeout=30.0):
    end = time.time() + timeout
    while time.time() < end:
        value = check()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def test_an_open_page_reloads_itself_and_shows_errors(serve, drv):
    url, source, _ = serve
    record = os.path.join(source, RECORD)
    original = open(record, encoding="utf-8").read()
    drv.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 600, "deviceScaleFactor": 1, "mobile": False})
    drv.get(url + PAGE)
    sitelib.wait_ready(drv)
    _wait("the reload script's stream", lambda: drv.execute_script(
        "return document.documentElement.hasAttribute('data-inspraak-live')"))
    drv.execute_script("window.scrollTo(0, 400); window.__marker = 'same page';")
    time.sleep(0.2)

    # An edit: the page reloads by itself (the marker set above is gone) with the new text.
    with open(record, "w", encoding="utf-8") as f:
        f.write(original.replace("Er kwamen 34 mensen", "Er kwamen vierendertig bewoners"))
    _wait("the edited text", lambda: "vierendertig bewoners" in drv.execute_script("return document.body.innerText"))
    _wait("the reload script's stream", lambda: drv.execute_script(
        "return document.documentElement.hasAttribute('data-inspraak-live')"))
    assert drv.execute_script("return window.__marker === undefined")
    _wait("the scroll position back", lambda: drv.execute_script("return Math.abs(window.scrollY - 400) <= 2"))

    # Broken: the overlay appears over the last good page, with the focus on its heading.
    with open(record, "w", encoding="utf-8") as f:
        f.write(original.replace("Er kwamen 34 mensen", "Er kwamen vierendertig bewoners").replace("---\n## Aanleiding", "## Aanleiding"))
    _wait("the overlay", lambda: drv.execute_script("return document.getElementById('inspraak-errors') !== null"))
    assert drv.execute_script("return document.activeElement.id") == "inspraak-errors-title"
    text = drv.execute_script("return document.getElementById('inspraak-errors').innerText")
    assert f"{RECORD}:1:1" in text and "never closed" in text, text
    assert "vierendertig bewoners" in drv.execute_script("return document.querySelector('main').innerText")
    # Readable at 320 px: nothing wider than the screen but the source lines, which scroll inside.
    drv.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 320, "height": 640, "deviceScaleFactor": 1, "mobile": True})
    overflow = drv.execute_script("""
        const box = document.getElementById('inspraak-errors');
        return [box.scrollWidth - box.clientWidth, box.getBoundingClientRect().width];""")
    assert overflow[0] <= 1 and overflow[1] <= 320, overflow
    axe_src, _ = sitelib.axe_js()
    drv.execute_script(axe_src)
    result = drv.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run('#inspraak-errors', {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']}})
          .then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target).join(' '))));""")
    assert result == [], result
    drv.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 600, "deviceScaleFactor": 1, "mobile": False})

    # Fixed: the overlay goes by itself.
    with open(record, "w", encoding="utf-8") as f:
        f.write(original)
    _wait("the overlay gone", lambda: drv.execute_script("return document.getElementById('inspraak-errors') === null"))
    assert "Er kwamen 34 mensen" in drv.execute_script("return document.body.innerText")
