"""Printable and mobile (issue 7): screenshots at phone and desktop size, no sideways scrolling, clean print.

Screenshots go to tests/artefacts/screenshots/ (ignored by git) for people to
look at; the print output of a trouble page goes to tests/artefacts/print/ as PDF.
"""

from __future__ import annotations

import pytest

from conftest import ARTEFACTS
from site_map import ALL, LANGUAGES, built_path

SHOTS = ARTEFACTS / "screenshots"
PRINTS = ARTEFACTS / "print"
VIEWPORTS = {"phone": (375, 812), "desktop": (1280, 800)}
SHOT_PAGES = {"home": "index.html", "trouble": "troubles/trading.html", "contact": "contact/index.html"}
PRINT_PAGE = "troubles/account.html"
NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def load(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    page.add_style_tag(content=NO_MOTION)


@pytest.fixture(scope="module", params=list(VIEWPORTS))
def sized_page(request, browser):
    width, height = VIEWPORTS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1)
    yield request.param, context.new_page()
    context.close()


@pytest.mark.parametrize("lang", list(LANGUAGES))
@pytest.mark.parametrize("name", list(SHOT_PAGES))
def test_screenshots(sized_page, server, lang, name):
    size, page = sized_page
    load(page, server + built_path(lang, SHOT_PAGES[name]))
    SHOTS.mkdir(parents=True, exist_ok=True)
    width, height = VIEWPORTS[size]
    page.screenshot(path=str(SHOTS / f"{lang}-{name}-{width}x{height}.png"), full_page=True)
    page.screenshot(path=str(SHOTS / f"{lang}-{name}-{width}x{height}-top.png"))


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport={"width": 375, "height": 812}, device_scale_factor=1)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(("lang", "path"), ALL + [("ja", "404.html"), ("en", "404.html")])
def test_nothing_scrolls_sideways_on_a_phone(phone, server, lang, path):
    load(phone, server + built_path(lang, path))
    widths = phone.evaluate(
        "() => ({scroll: document.scrollingElement.scrollWidth, inner: innerWidth,"
        " wide: [...document.querySelectorAll('.md-content *')].filter(e => e.getBoundingClientRect().right"
        " > innerWidth + 1 && !e.closest('.md-typeset__scrollwrap, table, pre')).slice(0, 5)"
        ".map(e => e.tagName + '.' + e.className)})"
    )
    assert widths["scroll"] <= widths["inner"], f"{path} ({lang}) scrolls sideways: {widths}"


# --------------------------------------------------------------------- print

HIDDEN_IN_PRINT = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", ".md-footer",
                   ".md-top", "[data-md-component=announce]"]


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_print_shows_the_content_and_where_links_go(page, server, lang):
    load(page, server + built_path(lang, PRINT_PAGE))
    page.emulate_media(media="print")
    shown = page.evaluate(
        """sels => sels.filter(s => [...document.querySelectorAll(s)].some(e => {
             const r = e.getBoundingClientRect(); return getComputedStyle(e).display !== 'none' && r.height > 0 }))""",
        HIDDEN_IN_PRINT,
    )
    assert not shown, f"printed page still shows {shown}"
    assert page.locator("article h1").is_visible()
    links = page.evaluate(
        """() => [...document.querySelectorAll('article a[href^="http"]')].map(a =>
             [a.getAttribute('href'), getComputedStyle(a, '::after').content])"""
    )
    assert links, f"{PRINT_PAGE} has no external link to check"
    for href, after in links:
        assert href in after, f"the printed link to {href} does not show its address (::after is {after})"
    # Links to other pages of the site print the page's public address (issue 32), resolved
    # against the page's canonical address; links within the page print nothing.
    internal = page.evaluate(
        """() => [...document.querySelectorAll('article a[href]:not([href^="http"]):not([href^="mailto:"])')]
             .filter(a => !a.closest('.grid.cards'))
             .map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content,
                        new URL(a.getAttribute('href'), document.querySelector('link[rel=canonical]').href).href])"""
    )
    assert any(not href.startswith("#") for href, _, _ in internal), f"{PRINT_PAGE} has no link to another page"
    for href, after, address in internal:
        if href.startswith("#"):
            assert "(" not in after, f"a link within the page prints {after}"
        else:
            assert f"({address})" in after, f"the printed link to {href} does not say where it leads ({after})"
    PRINTS.mkdir(parents=True, exist_ok=True)
    name = PRINT_PAGE.removesuffix(".html").replace("/", "-")
    page.pdf(path=str(PRINTS / f"{lang}-{name}.pdf"), format="A4", print_background=True)
