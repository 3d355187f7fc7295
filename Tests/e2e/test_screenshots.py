"""Screenshots (full page) of home, a record page, the open items page, a council and a place at
390 and 1280 px, of the default theme and of the house style (voorbeeldstad-*.png), saved in
Tests/e2e/artifacts/ for people to look at."""
from __future__ import annotations

import base64
import os
import struct

import pytest

from conftest import PAGES, SITE, THEMES

_bundles = SITE.bundles()
SHOTS = {
    "home": PAGES["home"],
    "record": SITE.path_of(_bundles[0]) if _bundles else
    next(p for k, p in PAGES.items() if k.startswith(("advice/2", "meetings/2", "feedback/2"))),
    "open": PAGES["open/"],
    "council": next(p for k, p in PAGES.items() if k.startswith("councils/") and k != "councils/"),
    "place": next(p for k, p in PAGES.items() if k.startswith("places/") and k != "places/"),
}


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("name", list(SHOTS))
@pytest.mark.parametrize("theme", THEMES)
def test_screenshot(themed, artifacts_dir, theme, name, width):
    browser, _ = themed
    mobile = width < 600
    browser.load(SHOTS[name], width=width, height=900, mobile=mobile)
    h = browser.js("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")
    h = max(600, min(int(h), 16000))
    browser.drv.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                {"width": width, "height": h, "deviceScaleFactor": 1, "mobile": mobile})
    shot = browser.drv.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    data = base64.b64decode(shot["data"])
    prefix = "" if theme == "default" else f"{theme}-"
    out = os.path.join(artifacts_dir, f"{prefix}{name}-{width}.png")
    with open(out, "wb") as fh:
        fh.write(data)
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{out}: not a PNG"
    w, hh = struct.unpack(">II", data[16:24])
    assert w == width and hh >= 600, f"{out}: screenshot is {w}x{hh}, expected {width} px wide"
