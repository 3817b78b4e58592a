"""'Did this page solve your problem?' (issue 15), served and from disk as the offline download is used.

No opens the inquiry composer with the page's trouble type and, served, the
pages read in this tab, which the secret guard judges with the rest of the
inquiry and the composer shows only as text. From disk no list is kept: every
local file shares one storage there, so another HTML file could read it.
"""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from conftest import watch
from site_map import ALL, TROUBLE_SLUGS, built_path

LABELS = {"ja": ("はい", "いいえ"), "en": ("Yes", "No")}
HEADING = {"ja": "読んだヘルプページ", "en": "Help pages I read"}


def canonical(site_dir, rel: str) -> str:
    tree = LexborHTMLParser((site_dir / rel).read_text(encoding="utf-8"))
    return tree.css_first('link[rel="canonical"]').attributes["href"]


def title(site_dir, rel: str) -> str:
    return LexborHTMLParser((site_dir / rel).read_text(encoding="utf-8")).css_first("article h1").text().strip()


@pytest.mark.parametrize("lang,path", ALL)
def test_asked_on_every_trouble_and_contact_page_only(site_dir, lang, path):
    """Not on the composer: its No would open the page the customer is writing in (from disk, emptied)."""
    tree = LexborHTMLParser((site_dir / built_path(lang, path)).read_text(encoding="utf-8"))
    box = tree.css_first("article [data-hc-solved]")
    if not path.startswith(("troubles/", "contact/")) or path == "contact/compose.html":
        assert box is None
        assert "helpcenter/solved.js" not in tree.html
        return
    assert box is not None
    assert tuple(b.text().strip() for b in box.css("button")) == LABELS[lang]


def open_tab(warm_tab, lang):
    """A warm tab (conftest.warm_tab) in the language's locale, and what it does wrong."""
    page = warm_tab(locale="ja-JP" if lang == "ja" else "en-US")
    page.set_default_timeout(10_000)
    return page, watch(page)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("slug", [TROUBLE_SLUGS[2], TROUBLE_SLUGS[3]])
def test_no_opens_the_composer_with_category_and_pages_read(warm_tab, site_dir, server, lang, slug):
    page, seen = open_tab(warm_tab, lang)
    read = [built_path(lang, "first-response.html"), built_path(lang, "faq.html"),
            built_path(lang, f"troubles/{slug}.html")]
    for rel in read:  # each page whole (its favicon too), as a reader reads it, before the next
        page.goto(server + rel, wait_until="networkidle")
    page.get_by_role("button", name=LABELS[lang][1], exact=True).click()
    page.wait_for_selector("#inquiry-composer[data-hc-ready]:not([hidden])")
    assert page.url.startswith(server + built_path(lang, "contact/compose.html"))
    assert page.input_value("[name=category]") == slug
    # at the form, not at the page's "how it works" a screen and a half above it
    assert page.url.endswith("#composer")
    assert 0 <= page.evaluate("document.getElementById('composer').getBoundingClientRect().top") < 200

    listed = page.input_value("[name=pages_read]")
    preview = page.text_content("#inquiry-preview")
    assert HEADING[lang] in preview
    for rel in read:
        assert title(site_dir, rel) in listed and canonical(site_dir, rel) in listed
        assert canonical(site_dir, rel) in preview
    assert "127.0.0.1" not in listed, "the canonical address, not the one it was opened from"
    assert listed.index(title(site_dir, read[0])) < listed.index(title(site_dir, read[2])), "in reading order"
    assert page.locator("[name=pages_read]").is_visible()

    page.click("#inquiry-pages-read-remove")
    assert HEADING[lang] not in page.text_content("#inquiry-preview")
    assert not page.locator("[name=pages_read]").is_visible()
    page.reload()
    page.wait_for_selector("#inquiry-composer[data-hc-ready]:not([hidden])")
    assert HEADING[lang] not in page.text_content("#inquiry-preview"), "a removal lasts for the tab"
    assert not seen.problems()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_yes_says_thanks_and_stays(warm_tab, site_dir, lang):
    page, seen = open_tab(warm_tab, lang)
    url = (site_dir / built_path(lang, "contact/inquiry-tips.html")).as_uri()
    page.goto(url)
    status = page.locator("[data-hc-solved] [role=status]")
    assert status.text_content() == ""
    page.get_by_role("button", name=LABELS[lang][0], exact=True).click()
    assert status.text_content().strip()
    assert page.url == url
    assert not seen.problems()


def test_a_contact_page_opens_the_composer_without_a_category(warm_tab, server):
    page, seen = open_tab(warm_tab, "en")
    page.goto(server + "en/contact/index.html")
    page.get_by_role("button", name="No", exact=True).click()
    page.wait_for_selector("#inquiry-composer[data-hc-ready]:not([hidden])")
    assert page.input_value("[name=category]") == ""
    assert "Contact" in page.input_value("[name=pages_read]")
    assert not seen.problems()


HOSTILE = [
    {"title": '<img src=x onerror="window.__pwned=1">Trading', "url": "https://help.example.invalid/x.html"},
    {"title": "Evil link", "url": "javascript:window.__pwned=1"},
    {"title": "Not a list entry"},
]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_reading_list_is_text_and_judged_by_the_secret_guard(warm_tab, server, lang):
    """sessionStorage is untrusted: markup stays text, bad entries are dropped, a secret is held back."""
    page, seen = open_tab(warm_tab, lang)
    page.goto(server + built_path(lang, "troubles/account.html"))
    secret = {"title": "password = iloveyou2", "url": "https://help.example.invalid/y.html"}
    page.evaluate("list => sessionStorage.setItem('hc-pages-read', JSON.stringify(list))", [*HOSTILE, secret])
    page.get_by_role("button", name=LABELS[lang][1], exact=True).click()
    page.wait_for_selector("#inquiry-composer[data-hc-ready]:not([hidden])")
    page.fill("[name=summary]", "Login")
    page.fill("[name=details]", "x")

    listed = page.input_value("[name=pages_read]")
    assert '<img src=x onerror="window.__pwned=1">Trading' in listed, "shown as text"
    assert "javascript:" not in listed and "Not a list entry" not in listed
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#inquiry-composer img").count() == 0

    assert page.locator("#inquiry-guard").is_visible(), "the guard judges the prefilled list too"
    assert "iloveyou2" not in page.text_content("#inquiry-preview")
    assert page.get_attribute("#inquiry-mailto", "aria-disabled") == "true"
    page.click("#inquiry-pages-read-remove")
    assert not page.locator("#inquiry-guard").is_visible()
    assert page.get_attribute("#inquiry-mailto", "href").startswith("mailto:")
    assert not seen.problems()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_from_disk_no_reading_list_is_kept_where_another_file_could_read_it(warm_tab, site_dir, tmp_path, lang):
    """file:// pages share one storage: a page read there leaves nothing, and an old list is removed."""
    reader = tmp_path / "reader.html"
    reader.write_text("<!doctype html><title>another local file</title>", encoding="utf-8")
    page, seen = open_tab(warm_tab, lang)
    page.goto(reader.as_uri())
    page.evaluate("sessionStorage.setItem('hc-pages-read', JSON.stringify([{title: 'Old', url: 'https://x.invalid/'}]))")
    for rel in (built_path(lang, "faq.html"), built_path(lang, "troubles/account.html")):
        page.goto((site_dir / rel).as_uri(), wait_until="networkidle")
    page.get_by_role("button", name=LABELS[lang][1], exact=True).click()
    page.wait_for_selector("#inquiry-composer[data-hc-ready]:not([hidden])")
    assert page.input_value("[name=category]") == "account"
    assert page.input_value("[name=pages_read]") == "" and not page.locator("[name=pages_read]").is_visible()
    assert HEADING[lang] not in page.text_content("#inquiry-preview")
    assert not seen.problems()
    page.goto(reader.as_uri())
    kept = page.evaluate("JSON.stringify([Object.entries(sessionStorage), Object.entries(localStorage)])")
    assert "hc-pages-read" not in kept and "x.invalid" not in kept and "faq" not in kept, kept
    assert page.evaluate("sessionStorage.length") == 0, kept
