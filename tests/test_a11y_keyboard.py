"""Keyboard (issue 32): every tab stop is seen, and focus is never hidden under the header.

On a phone (and a desktop up to 1219 px, or zoomed in) Material's closed
drawer and closed search stay in the tab order off the screen; the drawer's
panels cover links that Tab still reaches; the sticky header covers what
focus scrolls to going backwards. Each test walks the page with the keys.
"""

from __future__ import annotations

import pytest

from a11y import DESKTOP, PHONE, ZOOM_400, ax_of, focused, open_page, wait_until
from site_map import built_path

LANGS = ["ja", "en"]
PAGES = ["index.html", "troubles/account.html", "contact/compose.html", "404.html"]
WIDTHS = {"phone": PHONE, "desktop-1000": {"width": 1000, "height": 800}}
HEADER_STOPS = 8  # skip link, menu, palette, language button and its two links, search: 7 on a phone


def page_url(server: str, lang: str, path: str) -> str:
    return server + ("en/" + path if lang == "en" and path == "404.html" else built_path(lang, path))


@pytest.fixture
def tab(warm_tab):
    """open(viewport, **context options) -> a tab at a first visit (conftest.warm_tab)."""
    return lambda viewport, **kw: warm_tab(viewport=viewport, **kw)


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_every_stop_before_the_content_is_seen_both_ways(tab, server, lang, path, width):
    page = tab(WIDTHS[width])
    open_page(page, page_url(server, lang, path))
    stops = []
    for _ in range(60):
        page.keyboard.press("Tab")
        state = focused(page)
        stops.append(state)
        if state["inContent"]:
            break
    else:
        pytest.fail(f"60 Tab stops without reaching the content: {[s['desc'] for s in stops[-5:]]}")
    unseen = [s["desc"] for s in stops if not s["seen"]]
    assert not unseen, f"tab stops a sighted keyboard user cannot see: {unseen}"
    if width == "phone":  # wider, the table of contents shows before the content, and is seen
        before = [s["desc"] for s in stops[:-1]]
        assert len(before) <= HEADER_STOPS, f"{len(before)} stops before the content: {before}"
    back = []
    for _ in range(len(stops) - 1):
        page.keyboard.press("Shift+Tab")
        back.append(focused(page))
    assert not [s["desc"] for s in back if not s["seen"]], "Shift+Tab walks into stops nobody sees"
    assert back[-1]["desc"] == stops[0]["desc"], "Shift+Tab does not walk back the same way"


@pytest.mark.parametrize("lang", LANGS)
def test_the_menu_opens_by_keyboard_shows_what_it_reaches_and_gives_focus_back(tab, server, lang):
    page = tab(PHONE)
    open_page(page, page_url(server, lang, "troubles/account.html"))
    menu = page.locator("button[data-hc-toggle=drawer]")
    assert menu.get_attribute("aria-expanded") == "false"
    menu.focus()
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    wait_until(page, "() => !!document.activeElement.closest('.md-sidebar--primary')")
    assert focused(page)["seen"], "focus moved into the menu, onto something not shown"
    inside = [focused(page)]
    for _ in range(30):
        page.keyboard.press("Tab")
        state = focused(page)
        if not state["inSidebar"]:
            break
        inside.append(state)
    assert len(inside) >= 4, "the menu's links are not reachable with Tab"
    assert not [s["desc"] for s in inside if not s["seen"]], "Tab walks through links a panel of the menu covers"
    assert state["seen"], f"leaving the menu with Tab lands on {state['desc']}, under the overlay"
    assert menu.get_attribute("aria-expanded") == "false", "Tab out of the menu leaves it open over the page"
    menu.focus()
    page.keyboard.press("Enter")
    wait_until(page, "() => !!document.activeElement.closest('.md-sidebar--primary')")
    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    assert page.evaluate("() => document.activeElement.matches('[data-hc-toggle=drawer]')"), "Escape drops focus"
    assert not page.locator(".md-sidebar--primary a").first.is_visible()


@pytest.mark.parametrize("lang", LANGS)
def test_the_menu_and_search_buttons_work_from_disk(tab, site_dir, lang):
    """The offline download: the same buttons, with no server."""
    page = tab(PHONE)
    prefix = "" if lang == "ja" else "en/"
    open_page(page, (site_dir / f"{prefix}faq.html").as_uri())
    page.locator("button[data-hc-toggle=drawer]").click()
    wait_until(page, "() => !!document.activeElement.closest('.md-sidebar--primary')")
    page.keyboard.press("Escape")
    button = page.locator("button.hc-header-search")
    button.focus()
    page.keyboard.press("Enter")
    wait_until(page, "() => document.activeElement.matches('[data-md-component=search-query]')")
    page.keyboard.press("Escape")
    wait_until(page, "() => document.activeElement.matches('button.hc-header-search')")


VIEWS = {"phone": PHONE, "desktop": DESKTOP, "400%": ZOOM_400}


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("lang", LANGS)
def test_focus_going_backwards_is_never_under_the_header(tab, server, lang, view):
    """From the footer, Shift+Tab back up a long page: each stop scrolls into view uncovered."""
    page = tab(VIEWS[view], device_scale_factor=4 if view == "400%" else 1)
    open_page(page, page_url(server, lang, "troubles/account.html"))
    page.locator(".md-footer a").first.focus()
    covered = []
    for _ in range(25):
        page.keyboard.press("Shift+Tab")
        state = focused(page)
        if not state["inContent"]:
            break
        if not state["seen"]:
            covered.append(state["desc"])
    assert not covered, f"focused but covered: {covered}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_way_back_up_the_menu_is_a_named_button(tab, server, lang):
    """On a trouble page the menu opens on its section; the arrow above it leads to the whole menu."""
    page = tab(PHONE)
    open_page(page, page_url(server, lang, "troubles/trading.html"))
    page.locator("button[data-hc-toggle=drawer]").focus()
    page.keyboard.press("Enter")
    wait_until(page, "() => !!document.activeElement.closest('.md-sidebar--primary')")
    cdp = page.context.new_cdp_session(page)
    back = ax_of(page, cdp, "document.querySelector('.md-sidebar--primary label.md-nav__title[for=__nav_2][tabindex]')")
    section = "トラブルの種類" if lang == "ja" else "Types of trouble"
    assert back["role"] == "button" and section in back["name"] and back["name"] != section, back
    page.locator(".md-sidebar--primary label.md-nav__title[for=__nav_2][tabindex]").focus()
    page.keyboard.press("Enter")
    state = focused(page)
    assert state["inSidebar"] and state["seen"] and section in state["desc"], state
    home = "ホーム" if lang == "ja" else "Home"
    page.keyboard.press("Shift+Tab")
    assert home in focused(page)["desc"] and focused(page)["seen"], "the whole menu is not reachable after going back"
