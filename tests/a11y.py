"""Measuring what a keyboard, screen-reader or low-vision user meets, for the accessibility tests.

Contrast follows WCAG 2.2's relative luminance; a colour with transparency is
laid over what is behind it, element by element up to the page. Names and
roles come from Chromium's accessibility tree (CDP), as a screen reader gets
them, not from attributes.
"""

from __future__ import annotations

import re
import time

NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
ZOOM_400 = {"width": 320, "height": 200}  # a 1280 x 800 window at 400 %
SCHEMES = {"light": "default", "dark": "slate"}

# The focused element, and whether a person sees it: on screen, not hidden, and
# what is drawn at its centre is it (not the header, an overlay or a panel on top).
FOCUSED = """() => {
  let e = document.activeElement
  if (!e || e === document.body) return {tag: 'BODY', seen: false, inContent: false, inSidebar: false, desc: 'body'}
  const shown = e.matches('input.md-option')  /* palette toggle: its label is what shows */
    ? e.closest('[data-md-component=palette]').querySelector('label:not([hidden])') : e
  const r = shown.getClientRects()[0] || shown.getBoundingClientRect()  /* a wrapped link: its first line */
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1)
  const y = Math.min(Math.max(r.top + Math.min(r.height / 2, 12), 0), innerHeight - 1)
  const hit = document.elementFromPoint(x, y)
  const seen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight
    && r.left < innerWidth && getComputedStyle(shown).visibility !== 'hidden'
    && !!hit && (shown.contains(hit) || hit.contains(shown) || !!hit.closest('label') && hit.closest('label') === shown)
  const name = (e.getAttribute('aria-label') || e.textContent || e.value || '').trim().replace(/\\s+/g, ' ')
  const cls = el => el.tagName.toLowerCase() + '.' + String(el.className).split(' ')[0]
  return {tag: e.tagName, seen, inContent: !!e.closest('article, .md-content'),
          inSidebar: !!e.closest('.md-sidebar--primary'),
          desc: cls(e) + ' "' + name.slice(0, 40) + '"' + (hit && !seen ? ' covered by ' + cls(hit) : '')}
}"""


def wait_until(page, expression: str, arg=None, timeout: float = 10.0) -> None:
    """Poll a JS function of `arg`, plain or async, with page.evaluate (the site's CSP refuses the eval
    wait_for_function uses; and wait_for_function takes an async function's promise for a true answer)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(f"async arg => !!(await ({expression})(arg))", arg):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {expression} ({arg!r})")
        page.wait_for_timeout(50)


def open_page(page, url: str, scheme: str = "default") -> None:
    """Load, wait for Material's palette and stop transitions (they skew colours and positions)."""
    page.goto(url)
    wait_until(page, "s => document.body.dataset.mdColorScheme === s", scheme)
    page.add_style_tag(content=NO_MOTION)


def focused(page) -> dict:
    return page.evaluate(FOCUSED)


# ------------------------------------------------------------------ colour

RGBA = re.compile(r"rgba?\(([\d.]+)[, ]+([\d.]+)[, ]+([\d.]+)(?:[, /]+([\d.]+%?))?\)")


def parse(css: str) -> tuple[float, float, float, float]:
    m = RGBA.fullmatch(css.strip())
    if not m:
        raise ValueError(f"colour not understood: {css!r}")
    r, g, b, a = m.groups()
    alpha = 1.0 if a is None else float(a[:-1]) / 100 if a.endswith("%") else float(a)
    return float(r), float(g), float(b), alpha


def over(top: tuple[float, float, float, float], below: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b, a = top
    return tuple(c * a + d * (1 - a) for c, d in zip((r, g, b), below, strict=True))  # type: ignore[return-value]


def luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def backdrop(layers: list[str]) -> tuple[float, float, float]:
    """The colour behind an element: its own and its ancestors' backgrounds (innermost first) over white."""
    rgb = (255.0, 255.0, 255.0)
    for css in reversed(layers):
        rgb = over(parse(css), rgb)
    return rgb


# An element's text colour, its ring, and the backgrounds under it and around it.
COLOURS = """sel => {
  const e = document.querySelector(sel)
  const layers = el => {
    const out = []
    for (let n = el; n; n = n.parentElement) out.push(getComputedStyle(n).backgroundColor)
    return out
  }
  const s = getComputedStyle(e)
  return {color: s.color, under: layers(e), around: layers(e.parentElement), outlineColor: s.outlineColor,
          outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth), boxShadow: s.boxShadow}
}"""


class States:
    """Forces :hover or :focus/:focus-visible on one element at a time through the DevTools protocol."""

    def __init__(self, page):
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.send("DOM.enable")
        self.cdp.send("CSS.enable")
        self.root = self.cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]

    def force(self, selector: str, classes: list[str]) -> None:
        node = self.cdp.send("DOM.querySelector", {"nodeId": self.root, "selector": selector})["nodeId"]
        assert node, f"no element {selector}"
        self.cdp.send("CSS.forcePseudoState", {"nodeId": node, "forcedPseudoClasses": classes})


def measure(page, selector: str) -> dict:
    """Text contrast on its own background, and the ring's contrast with what surrounds the element."""
    c = page.evaluate(COLOURS, selector)
    under, around = backdrop(c["under"]), backdrop(c["around"])
    text = over(parse(c["color"]), under)
    ring = None
    if c["outlineStyle"] != "none" and c["outlineWidth"] >= 1:
        ring = ratio(over(parse(c["outlineColor"]), around), around)
    return {"text": ratio(text, under), "ring": ring, "ring_width": c["outlineWidth"]}


# --------------------------------------------------------------- a11y tree


def ax_of(page, cdp, expression: str) -> dict:
    """Role and name Chromium's accessibility tree gives the element `expression` evaluates to."""
    obj = cdp.send("Runtime.evaluate", {"expression": expression})["result"]
    assert obj.get("objectId"), f"{expression} is not an element"
    nodes = cdp.send("Accessibility.getPartialAXTree", {"objectId": obj["objectId"], "fetchRelatives": False})["nodes"]
    node = nodes[0] if nodes else {}
    value = lambda key: (node.get(key) or {}).get("value", "")  # noqa: E731
    props = {p["name"]: p.get("value", {}).get("value") for p in node.get("properties", [])}
    return {"role": value("role"), "name": value("name").strip(), "ignored": node.get("ignored", False), **props}
