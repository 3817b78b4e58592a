"""Nothing is silent (issue 32): names from the accessibility tree, live regions, focus given back.

Roles and names are read from Chromium's accessibility tree (what a screen
reader gets); announcements are what live regions and alerts hold, counted
with a MutationObserver while a person types.
"""

from __future__ import annotations

import pytest

from a11y import DESKTOP, PHONE, ax_of, focused, open_page, wait_until
from site_map import built_path

LANGS = ["ja", "en"]
NAMES = {
    "ja": {"menu": "メニュー", "search": "検索を開く", "back": "検索を閉じる"},
    "en": {"menu": "Menu", "search": "Open search", "back": "Close search"},
}
HEX = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b"
INTERACTIVE = {"button", "link", "textbox", "searchbox", "combobox", "radio", "checkbox", "menuitem"}


@pytest.fixture
def opened(warm_tab):
    """open(viewport, url) -> (tab, its CDP session), the page loaded at a first visit (conftest.warm_tab)."""

    def _open(viewport: dict, url: str):
        page = warm_tab(viewport=viewport)
        open_page(page, url)
        return page, page.context.new_cdp_session(page)

    return _open


def url(server: str, lang: str, path: str) -> str:
    return server + ("en/404.html" if lang == "en" and path == "404.html" else built_path(lang, path))


# ------------------------------------------------------------------ names


@pytest.mark.parametrize("lang", LANGS)
def test_header_controls_are_named_buttons_in_the_accessibility_tree(opened, server, lang):
    page, cdp = opened(PHONE, url(server, lang, "troubles/trading.html"))
    menu = ax_of(page, cdp, "document.querySelector('[data-hc-toggle=drawer]')")
    assert (menu["role"], menu["name"]) == ("button", NAMES[lang]["menu"])
    assert menu.get("expanded") is False
    search = ax_of(page, cdp, "document.querySelector('.hc-header-search')")
    assert (search["role"], search["name"]) == ("button", NAMES[lang]["search"])
    page.locator(".hc-header-search").click()
    wait_until(page, "() => document.activeElement.matches('[data-md-component=search-query]')")
    back = ax_of(page, cdp, "document.querySelector('.hc-search-back')")
    assert (back["role"], back["name"], back["ignored"]) == ("button", NAMES[lang]["back"], False)
    assert page.locator(".hc-search-back").is_visible()
    page.locator(".hc-search-back").click()
    wait_until(page, "() => !document.getElementById('__search').checked")


@pytest.mark.parametrize("path", ["index.html", "troubles/account.html", "contact/compose.html"])
@pytest.mark.parametrize("lang", LANGS)
def test_every_tab_stop_and_picture_on_a_phone_has_a_name(opened, server, lang, path):
    page, cdp = opened(PHONE, url(server, lang, path))
    unnamed = []
    for _ in range(45):
        page.keyboard.press("Tab")
        node = ax_of(page, cdp, "document.activeElement")
        if node["role"] in ("RootWebArea", ""):
            break
        if not node["name"] and node["role"] not in ("generic", "region", "heading", "paragraph", "group"):
            unnamed.append(f"{node['role']} {focused(page)['desc']}")
    assert not unnamed, f"tab stops with no accessible name: {unnamed}"
    tree = cdp.send("Accessibility.getFullAXTree")["nodes"]
    silent = [n["role"]["value"] for n in tree if not n.get("ignored") and n.get("role", {}).get("value") in
              INTERACTIVE | {"image", "img"} and not (n.get("name") or {}).get("value", "").strip()]
    assert not silent, f"controls or pictures a screen reader meets without a name: {silent}"


# ---------------------------------------------------- search: count and focus


def count_announcements(page) -> None:
    page.evaluate("""() => {
      const r = document.querySelector('[data-hc-search-count]')
      if (window.hcListener) window.hcListener.disconnect()
      window.hcSaid = []
      window.hcListener = new MutationObserver(() => r.textContent && window.hcSaid.push(r.textContent))
      window.hcListener.observe(r, {childList: true, characterData: true, subtree: true})
    }""")


@pytest.mark.parametrize("lang", LANGS)
def test_the_result_count_is_announced_politely_once_typing_pauses(opened, server, lang):
    page, cdp = opened(DESKTOP, url(server, lang, "faq.html"))
    region = ax_of(page, cdp, "document.querySelector('[data-hc-search-count]')")
    assert region["role"] == "status" and region.get("live") == "polite", region
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    count_announcements(page)
    query = "パスワード" if lang == "ja" else "password"
    box.press_sequentially(query, delay=60)
    wait_until(page, "() => window.hcSaid.length > 0")
    page.wait_for_timeout(1000)
    said = page.evaluate("window.hcSaid")
    meta = page.text_content(".md-search-result__meta").strip()
    assert said == [meta], f"announced {said} for the count {meta!r}: once, after typing"
    assert meta[0].isdigit(), meta
    box.fill("")
    count_announcements(page)
    box.fill("qqxqzz")  # at once: each of its first letters would find nothing too
    wait_until(page, "() => window.hcSaid.length > 0")
    page.wait_for_timeout(1000)
    nothing = page.text_content(".md-search-result__meta").strip()
    assert page.evaluate("window.hcSaid") == [nothing] and not nothing[0].isdigit()


@pytest.mark.parametrize("path", ["index.html", "404.html"])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("key", ["Escape", "Tab"])
def test_focus_goes_back_to_the_button_that_opened_search(opened, server, lang, path, key):
    page, _ = opened(PHONE, url(server, lang, path))
    opener = page.locator("article [data-hc-search-open]")
    opener.focus()
    page.keyboard.press("Enter")
    wait_until(page, "() => document.activeElement.matches('[data-md-component=search-query]')")
    page.keyboard.type("x")
    page.keyboard.press(key)
    wait_until(page, "() => !document.getElementById('__search').checked")
    wait_until(page, "() => document.activeElement.matches('article [data-hc-search-open]')")
    assert focused(page)["seen"]


@pytest.mark.parametrize("lang", LANGS)
def test_closing_search_from_the_header_gives_focus_back_to_its_button(opened, server, lang):
    page, _ = opened(PHONE, url(server, lang, "security.html"))
    page.locator(".hc-header-search").focus()
    page.keyboard.press("Enter")
    wait_until(page, "() => document.activeElement.matches('[data-md-component=search-query]')")
    page.keyboard.press("Escape")
    wait_until(page, "() => document.activeElement.matches('.hc-header-search')")
    page.locator(".hc-header-search").click()
    wait_until(page, "() => document.activeElement.matches('[data-md-component=search-query]')")
    page.locator(".hc-search-back").click()
    wait_until(page, "() => document.activeElement.matches('.hc-header-search')")


# ------------------------------------------------------------------ composer

WATCH_ALERTS = """() => {
  (window.hcWatchers || []).forEach(w => w.disconnect())
  window.hcAlerts = []
  window.hcWatchers = [...document.querySelectorAll('#inquiry-composer [role=alert]')].map(box => {
    const w = new MutationObserver(() => window.hcAlerts.push(box.id + ': ' + box.textContent.trim().slice(0, 40)))
    w.observe(box, {childList: true, characterData: true, subtree: true})
    return w
  })
}"""


def composer(opened, server, lang):
    page, cdp = opened(DESKTOP, url(server, lang, "contact/compose.html"))
    wait_until(page, "() => !!document.querySelector('#inquiry-composer[data-hc-ready]')")
    return page, cdp


@pytest.mark.parametrize("lang", LANGS)
def test_alerts_speak_once_per_change_not_per_key(opened, server, lang):
    page, _ = composer(opened, server, lang)
    page.locator("#inquiry-copy").click()  # every required field is now an error
    page.evaluate(WATCH_ALERTS)
    page.locator("#inquiry-summary").press_sequentially("出金が遅れています" if lang == "ja" else "withdrawal late",
                                                       delay=30)
    assert len(page.evaluate("window.hcAlerts")) == 1, "the error alert changed once (summary filled) but spoke more"
    page.evaluate(WATCH_ALERTS)
    secret = "パスワードはabc12345です。昨日から" if lang == "ja" else "my password is hunter22 since yesterday"
    page.locator("#inquiry-details").press_sequentially(secret, delay=30)
    alerts = page.evaluate("window.hcAlerts")
    assert [a.split(":")[0] for a in alerts].count("inquiry-guard") == 1, alerts
    assert [a.split(":")[0] for a in alerts].count("inquiry-errors") == 1, alerts  # details no longer empty


@pytest.mark.parametrize("lang", LANGS)
def test_the_mail_button_says_why_it_is_blocked_where_the_reader_is(opened, server, lang):
    page, _ = composer(opened, server, lang)
    page.locator("#inquiry-details").fill("パスワード:tanaka1985" if lang == "ja" else "password = iloveyou2")
    page.locator("#inquiry-mailto").focus()
    page.keyboard.press("Enter")
    wait_until(page, "() => document.getElementById('inquiry-status').textContent.trim().length > 0")
    assert page.evaluate("document.activeElement.id") == "inquiry-guard", "focus stays on a button that did nothing"
    assert page.locator("#inquiry-guard a[data-hc-focus=inquiry-details]").count() == 1
    assert page.url.endswith("compose.html"), "the blocked button navigated"


@pytest.mark.parametrize("lang", LANGS)
def test_the_txid_question_is_the_next_stop_after_its_field(opened, server, lang):
    page, cdp = composer(opened, server, lang)
    details = page.locator("#inquiry-details")
    details.fill(f"送金しました {HEX}" if lang == "ja" else f"Sent {HEX}")
    details.focus()
    page.keyboard.press("Tab")
    first = ax_of(page, cdp, "document.activeElement")
    assert page.evaluate("document.activeElement.getAttribute('data-hc-hex')") == "txid", first
    assert first["role"] == "button" and first["name"]
    group = ax_of(page, cdp, "document.activeElement.closest('[role=group]')")
    label = page.evaluate("document.querySelector('label[for=inquiry-details]').firstChild.textContent.trim()")
    assert label in group["name"] and "64" in group["name"], f"the question does not say which field: {group}"
    page.keyboard.press("Enter")
    assert page.input_value("#inquiry-reference-id") == f"txid {HEX}"
