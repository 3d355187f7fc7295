"""The in-browser checks, as functions that return a list of problems (empty: passed).

They are shared by the page tests and by the self-tests that prove each check can fail."""
from __future__ import annotations

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

AXE_RUN_JS = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
  .then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map(n => ({target: n.target.join(' '), html: (n.html || '').slice(0, 160),
                                   summary: (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 240)}))}))}))
  .catch(e => done({error: String(e)}));
"""


def axe_problems(browser) -> list[str]:
    # open every <details> so that what is inside is checked as well
    browser.js("for (const d of document.querySelectorAll('details')) d.open = true;")
    if not browser.js("return typeof axe !== 'undefined'"):
        browser.js(browser.axe_src)
    res = browser.js_async(AXE_RUN_JS, AXE_TAGS)
    if res.get("error"):
        return [f"axe-core failed to run: {res['error']}"]
    out = []
    for v in res["violations"]:
        nodes = "; ".join(f"{n['target']} ({n['summary']})" for n in v["nodes"][:4])
        more = f" … and {len(v['nodes']) - 4} more" if len(v["nodes"]) > 4 else ""
        out.append(f"[{v['impact']}] {v['id']}: {v['help']} — {len(v['nodes'])} node(s): {nodes}{more}")
    return out


# Horizontal overflow. Content may scroll sideways only inside its own scroll container (a wide
# data table in an overflow-x:auto box is allowed by WCAG 1.4.10); the page itself may not, and
# content may not be cut off (overflow hidden on html/body, or clipped text).
REFLOW_JS = r"""
const done = arguments[arguments.length - 1];
requestAnimationFrame(() => requestAnimationFrame(() => {
  const de = document.documentElement, vw = de.clientWidth;
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '');
  const scroller = el => {
    for (let p = el.parentElement; p && p !== document.body && p !== de; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return p;
    }
    return null;
  };
  const hiddenVisually = (el, r) => r.width <= 1 || r.height <= 1;
  const cut = [], clipped = [];
  for (const el of document.body.querySelectorAll('*')) {
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden' || cs.position === 'fixed') continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if ((r.right > vw + 1 || r.left < -1) && r.bottom > 0 && !scroller(el) && !hiddenVisually(el, r)) {
      if (cut.length < 5) cut.push(`${name(el)} spans x=${Math.round(r.left)}..${Math.round(r.right)}`);
    }
    const ox = cs.overflowX;
    if ((ox === 'hidden' || ox === 'clip') && el.scrollWidth > el.clientWidth + 1 && !hiddenVisually(el, r)
        && (el.textContent || '').trim()) {
      if (clipped.length < 5) clipped.push(`${name(el)} (${el.scrollWidth}px of content in ${el.clientWidth}px)`);
    }
  }
  done({scrollWidth: Math.max(de.scrollWidth, document.body.scrollWidth), clientWidth: vw,
        htmlOverflow: getComputedStyle(de).overflowX + '/' + getComputedStyle(document.body).overflowX,
        cut, clipped});
}));
"""


def reflow_problems(browser, css_width: int) -> list[str]:
    m = browser.js_async(REFLOW_JS)
    out = []
    if m["clientWidth"] > css_width + 1:
        out.append(f"layout viewport is {m['clientWidth']} CSS px, expected {css_width} (test set-up)")
    if m["scrollWidth"] > m["clientWidth"] + 1:
        out.append(f"page scrolls horizontally: content is {m['scrollWidth']} px wide in a "
                   f"{m['clientWidth']} px viewport")
    if m["cut"]:
        out.append(f"content reaches beyond the viewport (overflow html/body: {m['htmlOverflow']}): "
                   + "; ".join(m["cut"]))
    if m["clipped"]:
        out.append("text is clipped by overflow:hidden: " + "; ".join(m["clipped"]))
    return out


# Focus indicator: the computed style of every interactive element, without focus and with
# keyboard focus (:focus-visible), must differ in a visible way (outline, box-shadow or background).
FOCUS_STYLE_JS = r"""
const sel = 'a[href], button, summary, [tabindex], input, select, textarea';
const name = el => {
  const t = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '');
  const href = el.getAttribute('href');
  const text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
  return t + (href ? `[href="${href}"]` : '') + (text ? ` "${text}"` : '');
};
const style = el => {
  const s = getComputedStyle(el);
  return {outline: [s.outlineStyle, s.outlineWidth, s.outlineColor].join(' '),
          outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0, outlineColor: s.outlineColor,
          shadow: s.boxShadow, bg: s.backgroundColor};
};
// open every <details>: a keyboard user opens them, and what is inside needs a focus indicator too
for (const d of document.querySelectorAll('details')) d.open = true;
window.__e2eFocusTargets = [...document.querySelectorAll(sel)].filter(el =>
  !el.disabled && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden');
return window.__e2eFocusTargets.map(el => ({name: name(el), style: style(el)}));
"""

FOCUS_EACH_JS = r"""
const transparent = c => /^rgba\(.*,\s*0\)$/.test(c) || c === 'transparent';
const style = el => {
  const s = getComputedStyle(el);
  return {outline: [s.outlineStyle, s.outlineWidth, s.outlineColor].join(' '),
          outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0, outlineColor: s.outlineColor,
          shadow: s.boxShadow, bg: s.backgroundColor};
};
const before = arguments[0];
return window.__e2eFocusTargets.map((el, i) => {
  el.focus({preventScroll: true});
  const got = document.activeElement === el;
  const fv = got && el.matches(':focus-visible');
  const a = before[i].style, b = style(el);
  const outline = b.outlineStyle !== 'none' && b.outlineStyle !== 'hidden' && b.outlineWidth >= 1
                  && !transparent(b.outlineColor) && b.outline !== a.outline;
  const shadow = b.shadow !== 'none' && b.shadow !== a.shadow;
  const bg = b.bg !== a.bg;
  return {focused: got, focusVisible: fv, outline, shadow, bg, after: b};
});
"""


def focus_problems(browser) -> tuple[list[str], int]:
    """Returns (problems, number of elements checked)."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    before = browser.js(FOCUS_STYLE_JS)  # nothing focused yet
    # One real Tab key press puts the page in keyboard modality; focus() then behaves as when
    # a keyboard user moves focus (:focus-visible matches).
    ActionChains(browser.drv).send_keys(Keys.TAB).perform()
    after = browser.js(FOCUS_EACH_JS, before)
    out = []
    for b, a in zip(before, after):
        if not a["focused"]:
            out.append(f"{b['name']}: cannot receive focus")
            continue
        if not (a["outline"] or a["shadow"] or a["bg"]):
            out.append(f"{b['name']}: no visible focus indicator (focus-visible={a['focusVisible']}; "
                       f"outline {b['style']['outline']} -> {a['after']['outline']}, "
                       f"box-shadow {b['style']['shadow']} -> {a['after']['shadow']}, "
                       f"background {b['style']['bg']} -> {a['after']['bg']})")
    return out, len(before)


TABBABLE_JS = r"""
const sel = 'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]';
const list = [...document.querySelectorAll(sel)].filter(el => !el.disabled && el.tabIndex >= 0
  && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden');
return list.length ? list[0] : null;
"""


def skip_link_problems(browser) -> list[str]:
    """Keyboard only: Tab, check the skip link, Enter, check focus, Tab once more."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    drv = browser.drv
    first = browser.js(TABBABLE_JS)
    ActionChains(drv).send_keys(Keys.TAB).perform()
    active = drv.switch_to.active_element
    desc = browser.js("return arguments[0].outerHTML.slice(0, 120)", active)
    problems = []
    if first is None or active != first:
        problems.append(f"the first Tab focused {desc}, not the first tabbable element in document order")
    href = active.get_attribute("href") or ""
    if active.tag_name.lower() != "a" or not href.endswith("#inhoud"):
        problems.append(f"the first focusable element is {desc}, expected a skip link to #inhoud")
        return problems
    box = browser.js("""const r = arguments[0].getBoundingClientRect();
        return {l: r.left, t: r.top, r: r.right, b: r.bottom, vw: innerWidth, vh: innerHeight}""", active)
    if not (box["r"] - box["l"] >= 10 and box["b"] - box["t"] >= 10 and box["l"] >= 0 and box["t"] >= 0
            and box["r"] <= box["vw"] and box["b"] <= box["vh"]):
        problems.append(f"the focused skip link is not visible in the viewport: {box}")
    ActionChains(drv).send_keys(Keys.ENTER).perform()
    state = browser.js_async("""const done = arguments[0];
        requestAnimationFrame(() => requestAnimationFrame(() => {
          const a = document.activeElement, m = document.querySelector('main#inhoud');
          done({hash: location.hash, hasMain: !!m, inMain: !!m && (a === m || m.contains(a)),
                active: a ? a.outerHTML.slice(0, 100) : null});
        }));""")
    if not state["hasMain"]:
        problems.append("there is no <main id=\"inhoud\">")
        return problems
    if not state["inMain"]:
        problems.append(f"after Enter on the skip link focus is on {state['active']}, not main#inhoud")
    ActionChains(drv).send_keys(Keys.TAB).perform()
    after = browser.js("""const a = document.activeElement, m = document.querySelector('main#inhoud');
        if (m.contains(a) || (m.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING)) return '';
        return a ? a.outerHTML.slice(0, 100) : 'nothing';""")
    if after:
        problems.append(f"the next Tab after the skip link went back before the main content: {after}")
    return problems


# WCAG 2.5.8 Target size (minimum): a link or button that is not part of a sentence is at least
# 24 by 24 CSS px, or a circle of 24 px around its centre touches no other target (and no other
# small target's circle). Inline links inside running text are exempt, as WCAG says.
TARGET_SIZE_JS = r"""
const sel = 'a[href], button, summary, input:not([type=hidden]), select, textarea, [role=button], [role=link]';
const name = el => el.tagName.toLowerCase() +
  (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '') +
  ` "${(el.textContent || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
const blockOf = el => { let p = el.parentElement;
  while (p && getComputedStyle(p).display.startsWith('inline')) p = p.parentElement; return p; };
// In a sentence: laid out inline, with text of its own block around it that is not in a target.
const inSentence = el => {
  if (!getComputedStyle(el).display.startsWith('inline') || getComputedStyle(el).display === 'inline-block') return false;
  if (el.getClientRects().length > 1) return true;  // wraps over lines: running text
  const block = blockOf(el); if (!block) return false;
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent.trim() || n.parentElement.closest(sel)) continue;
    if (getComputedStyle(n.parentElement).display === 'none') continue;
    return true;
  }
  return false;
};
const all = [...document.querySelectorAll(sel)].filter(el => el.getClientRects().length > 0
  && getComputedStyle(el).visibility !== 'hidden' && !el.closest('[aria-hidden=true]'));
const boxes = all.map(el => { const r = el.getBoundingClientRect();
  return {el, r, cx: (r.left + r.right) / 2, cy: (r.top + r.bottom) / 2,
          small: r.width < 23.95 || r.height < 23.95, exempt: inSentence(el)}; });
const distToRect = (x, y, r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
const out = [];
for (const t of boxes) {
  if (!t.small || t.exempt) continue;
  const clash = boxes.find(u => u !== t && !u.el.contains(t.el) && !t.el.contains(u.el) &&
    (u.small ? Math.hypot(u.cx - t.cx, u.cy - t.cy) < 24 - 0.05 : distToRect(t.cx, t.cy, u.r) < 12 - 0.05));
  if (clash) out.push(`${name(t.el)} is ${t.r.width.toFixed(1)}x${t.r.height.toFixed(1)} px and too close to ${name(clash.el)}`);
}
return {problems: out, checked: boxes.filter(b => !b.exempt).length};
"""


def target_size_problems(browser) -> tuple[list[str], int]:
    """(problems, number of targets that are not inline text)."""
    res = browser.js(TARGET_SIZE_JS)
    return res["problems"], res["checked"]


# WCAG 2.4.11 Focus not obscured: tab forward through the page and back again with the real
# keyboard; each focused element must lie below every sticky or fixed bar at the top of the
# window (a sticky header), not under it.
FOCUS_OBSCURED_JS = r"""
const a = document.activeElement;
if (!a || a === document.body) return null;
const r = a.getBoundingClientRect();
const label = a.tagName.toLowerCase() + ` "${(a.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
const covered = [];
for (const el of document.body.querySelectorAll('*')) {
  const cs = getComputedStyle(el);
  if ((cs.position !== 'sticky' && cs.position !== 'fixed') || el.contains(a) || cs.visibility === 'hidden') continue;
  const b = el.getBoundingClientRect();
  if (b.height === 0 || b.bottom <= 0 || b.top >= innerHeight) continue;
  const overlaps = r.left < b.right && r.right > b.left && r.top < b.bottom && r.bottom > b.top;
  if (overlaps) covered.push(`${label} (top ${r.top.toFixed(0)}) is under ${el.tagName.toLowerCase()}.${el.className} (bottom ${b.bottom.toFixed(0)})`);
}
return {label, covered};
"""


def focus_obscured_problems(browser, forward: int = 20, back: int = 40) -> tuple[list[str], int]:
    """(problems, number of focus stops checked). `forward` Tabs from the top; then, from the
    page's last link, `back` Shift+Tabs, which scroll each element into view from above: where a
    sticky header would cover it."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    problems, stops = [], 0

    def check() -> None:
        nonlocal stops
        state = browser.js(FOCUS_OBSCURED_JS)
        if state is None:
            return
        stops += 1
        for c in state["covered"]:
            if c not in problems:
                problems.append(c)

    for _ in range(forward):
        ActionChains(browser.drv).send_keys(Keys.TAB).perform()
        check()
    browser.js("""const all = [...document.querySelectorAll('a[href], button, summary')].filter(el =>
        el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden');
        all[all.length - 1].focus();""")
    for _ in range(back):
        ActionChains(browser.drv).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
        check()
    return problems, stops


# WCAG 3.2.6 Consistent help: the help every page offers (the "reageer" link and the contact
# link of [organisation]) comes in the same order, in the same place (the footer), with the same
# addresses, on every page.
HELP_KINDS = (("respond", "respond-link"), ("contact", "contact-link"))


def help_links(html: str) -> list[tuple[str, str, bool]]:
    """The help links of a page in document order: (kind, href, inside the site footer)."""
    import re
    footer = html.find('<footer class="site-footer"')
    out = []
    for m in re.finditer(r'<a\b[^>]*>', html):
        tag = m.group(0)
        cls = re.search(r'class="([^"]*)"', tag)
        classes = cls.group(1).split() if cls else []
        for kind, name in HELP_KINDS:
            if name in classes:
                href = re.search(r'href="([^"]*)"', tag)
                out.append((kind, href.group(1) if href else "", footer != -1 and m.start() > footer))
    return out


def consistent_help_problems(pages: dict[str, str]) -> list[str]:
    """pages: {name: html}. Every page has the same help links, in the same order, in the footer."""
    problems, reference = [], None
    for name in sorted(pages):
        links = help_links(pages[name])
        if not links:
            problems.append(f"{name}: no help link (respond, contact)")
            continue
        outside = [k for k, _, in_footer in links if not in_footer]
        if outside:
            problems.append(f"{name}: help links outside the footer: {outside}")
        if reference is None:
            reference = (name, links)
        elif links != reference[1]:
            problems.append(f"{name}: help links {[(k, h) for k, h, _ in links]} differ from "
                            f"{reference[0]}: {[(k, h) for k, h, _ in reference[1]]}")
    return problems
