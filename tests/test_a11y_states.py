"""Contrast in every state (issue 32): at rest, hovered and focused, in both palettes and languages.

axe measures colours at rest only. Here each control's :hover and
:focus/:focus-visible are forced through the DevTools protocol and measured:
text 4.5:1 or more on its own background in each state, and keyboard focus
shows a ring of 3:1 or more against what surrounds the control.
"""

from __future__ import annotations

import pytest

from a11y import DESKTOP, SCHEMES, States, measure, open_page
from site_map import built_path

LANGS = ["ja", "en"]
# page -> controls (selector); every one is measured in each state.
CONTROLS = {
    "troubles/account.html": [
        ".hc-solved [data-hc-answer=yes]",
        ".hc-solved [data-hc-answer=no]",
        "article p a[href]:not(.md-button)",
        ".md-footer .hc-offline__keep",
        ".md-sidebar--primary a.md-nav__link[href]",
    ],
    "index.html": [".hc-offline-home .hc-offline__keep", "article .hc-search-hero"],
    "contact/compose.html": ["#inquiry-copy", "#inquiry-mailto", "#inquiry-clear"],
}
STATES = {"rest": [], "hover": ["hover"], "focus": ["focus", "focus-visible"]}
CASES = [(path, sel) for path, sels in CONTROLS.items() for sel in sels]


@pytest.fixture(scope="module", params=list(SCHEMES))
def palette(request, browser, server):
    """(scheme, open): open(lang, path) -> (page, States), loaded once per page and reused by its controls.

    Every control of a page is measured in the same load: a test puts its forced
    states back before it ends, so the next control meets the page at rest.
    """
    ctx = browser.new_context(color_scheme=request.param, viewport=DESKTOP)
    loaded: dict[tuple[str, str], tuple] = {}

    def open_(lang: str, path: str) -> tuple:
        if (lang, path) not in loaded:
            page = ctx.new_page()
            open_page(page, server + built_path(lang, path), SCHEMES[request.param])
            loaded[lang, path] = page, States(page)
        return loaded[lang, path]

    yield request.param, open_
    ctx.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("path", "selector"), CASES)
def test_text_and_focus_ring_contrast_in_every_state(palette, lang, path, selector):
    scheme, open_ = palette
    page, states = open_(lang, path)
    assert page.locator(selector).count(), f"{selector} is not on {path}"
    low = []
    try:
        for state, classes in STATES.items():
            states.force(selector, classes)
            m = measure(page, selector)
            if m["text"] < 4.5:
                low.append(f"{state}: text {m['text']:.2f}:1")
            if state == "focus":
                if m["ring"] is None or m["ring_width"] < 2:
                    low.append(f"focus: no ring of 2 px or more ({m})")
                elif m["ring"] < 3:
                    low.append(f"focus: ring {m['ring']:.2f}:1 against its surroundings")
    finally:
        states.force(selector, [])
    assert not low, f"{scheme} {lang} {path} {selector}: " + "; ".join(low)
