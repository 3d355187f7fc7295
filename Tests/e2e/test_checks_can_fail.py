"""Self-tests: each in-browser check must report a defect that is planted into a real page.
A check that cannot fail proves nothing; these keep the page tests honest."""
from __future__ import annotations

import checks
from conftest import PAGES

HOME = PAGES["home"]
RECORD = next(p for k, p in PAGES.items() if k.startswith(("advice/2", "meetings/2", "feedback/2")))


def plant(browser, html: str = "", css: str = "", script: str = "") -> None:
    browser.js("""const [html, css, script] = arguments;
        if (css) { const s = document.createElement('style'); s.textContent = css; document.head.append(s); }
        if (html) document.querySelector('main').insertAdjacentHTML('beforeend', html);
        if (script) (new Function(script))();""", html, css, script)


def test_axe_reports_planted_violations(browser):
    browser.load(HOME)
    plant(browser, html='<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20">'
                        '<p style="color:#c8c8c8;background:#fff">bleke tekst</p>')
    problems = " ".join(checks.axe_problems(browser))
    assert "image-alt" in problems and "color-contrast" in problems, \
        f"axe did not report a planted <img> without alt and low-contrast text: {problems or 'nothing'}"


def test_reflow_reports_a_wide_element(browser):
    browser.load(HOME, width=320, height=640, mobile=True)
    plant(browser, html='<div style="width:900px">breed</div>')
    problems = checks.reflow_problems(browser, 320)
    assert any("scrolls horizontally" in p for p in problems), f"not reported: {problems}"


def test_reflow_reports_content_cut_off_by_overflow_hidden(browser):
    browser.load(HOME, width=640, height=450, scale=2)
    plant(browser, html='<p style="width:900px">afgesneden tekst</p>',
          css="html, body { overflow-x: hidden !important; }")
    problems = checks.reflow_problems(browser, 640)
    assert any("beyond the viewport" in p for p in problems), f"not reported: {problems}"


def test_focus_check_reports_missing_indicator(browser):
    browser.load(RECORD)
    plant(browser, css="*:focus, *:focus-visible { outline: none !important; box-shadow: none !important;"
                       " background-color: transparent !important; }")
    problems, n = checks.focus_problems(browser)
    assert n > 0 and len(problems) >= n // 2, \
        f"only {len(problems)} of {n} elements reported without a focus indicator: {problems[:3]}"


def test_skip_link_check_reports_missing_skip_link(browser):
    browser.load(HOME)
    plant(browser, script="document.querySelector('a[href=\"#inhoud\"]').remove();")
    problems = checks.skip_link_problems(browser)
    assert any("expected a skip link" in p for p in problems), f"not reported: {problems}"


def test_skip_link_check_reports_focus_not_moved(browser):
    browser.load(HOME)
    # without tabindex the main element cannot take focus: activating the link leaves focus on it
    plant(browser, script="document.querySelector('main').removeAttribute('tabindex');")
    problems = checks.skip_link_problems(browser)
    assert any("not main#inhoud" in p for p in problems), f"not reported: {problems}"


def test_target_size_reports_small_crowded_links(browser):
    browser.load(HOME)
    # a row of 12 px icon links side by side, not in a sentence: too small and too close
    plant(browser, html='<ul class="e2e-icons" style="display:flex;gap:2px;list-style:none;padding:0">'
                        + "".join(f'<li><a href="#x{i}" style="display:block;width:12px;height:12px;'
                                  f'font-size:8px;overflow:hidden">{i}</a></li>' for i in range(4)) + '</ul>')
    problems, n = checks.target_size_problems(browser)
    assert n > 4 and sum("too close" in p for p in problems) >= 4, f"not reported: {problems}"


def test_target_size_exempts_links_in_a_sentence(browser):
    browser.load(HOME)
    plant(browser, html='<p style="font-size:10px">Lees <a href="#a">dit</a> en <a href="#b">dat</a> maar.</p>')
    problems, _ = checks.target_size_problems(browser)
    assert not any('"dit"' in p or '"dat"' in p for p in problems), f"inline links reported: {problems}"


def test_focus_obscured_reports_a_sticky_header(browser):
    browser.load(RECORD, width=1280, height=700)
    # a sticky header without scroll-padding: tabbing back up puts focused links under it
    plant(browser, css=".site-header { position: sticky; top: 0; z-index: 5; min-height: 120px; }")
    problems, stops = checks.focus_obscured_problems(browser, forward=5, back=30)
    assert stops > 20 and problems, f"not reported ({stops} focus stops)"


def test_consistent_help_reports_moved_and_missing_help():
    footer = ('<footer class="site-footer"><a class="respond-link" href="https://r">R</a>'
              '<a class="contact-link" href="mailto:c@x.nl">C</a></footer>')
    swapped = ('<footer class="site-footer"><a class="contact-link" href="mailto:c@x.nl">C</a>'
               '<a class="respond-link" href="https://r">R</a></footer>')
    problems = checks.consistent_help_problems({"a.html": footer, "b.html": swapped, "c.html": "<footer></footer>",
                                                "d.html": '<main><a class="contact-link" href="mailto:c@x.nl">C</a></main>' + footer})
    text = " ".join(problems)
    assert "b.html" in text and "c.html: no help link" in text and "d.html: help links outside the footer" in text, problems
