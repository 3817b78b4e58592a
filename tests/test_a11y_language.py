"""Language, titles and input hints (issue 32).

Japanese words on English pages carry lang="ja" (helpcenter.postbuild.lang_runs), so a
screen reader switches voice; the 404 pages have titles of their own; the ID
fields of the composer are typed as they are.
"""

from __future__ import annotations

import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from a11y import DESKTOP, wait_until
from helpcenter.postbuild.lang_runs import mark_runs
from site_map import ALL, built_path

JAPANESE = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
ENGLISH_PAGES = [built_path(lang, page) for lang, page in ALL if lang == "en"] + ["en/404.html"]


def language_of(node) -> str:
    while node is not None:
        lang = (node.attributes or {}).get("lang") if node.tag not in ("-text",) else None
        if lang:
            return lang
        node = node.parent
    return ""


@pytest.mark.parametrize("path", ENGLISH_PAGES)
def test_japanese_on_english_pages_says_it_is_japanese(site_dir, path):
    tree = LexborHTMLParser((site_dir / path).read_text(encoding="utf-8"))
    unmarked = []
    for node in tree.body.traverse(include_text=True):
        if node.tag != "-text" or not JAPANESE.search(node.text_content or ""):
            continue
        if node.parent is not None and node.parent.tag in ("script", "style", "template"):
            continue
        if not language_of(node.parent).startswith("ja"):
            unmarked.append(node.text_content.strip()[:30])
    assert not unmarked, f"Japanese read with an English voice on {path}: {unmarked}"


def test_only_text_outside_a_language_is_wrapped():
    """Attributes, scripts and elements that already say their language are left as they are."""

    marked = mark_runs('<html lang="en"><body><p>Crypto assets (暗号資産) <b lang="ja">はい</b>'
                       '<a title="仮想通貨">x</a><script>"出金"</script></p></body></html>')
    assert '(<span lang="ja">暗号資産</span>)' in marked
    assert '<b lang="ja">はい</b>' in marked and 'title="仮想通貨"' in marked and '<script>"出金"</script>' in marked


@pytest.mark.parametrize(("lang", "path", "home"),
                         [("ja", "404.html", "index.html"), ("en", "en/404.html", "en/index.html")])
def test_404_pages_have_a_title_of_their_own(site_dir, lang, path, home):
    def title(p: str) -> str:
        return LexborHTMLParser((site_dir / p).read_text(encoding="utf-8")).css_first("title").text().strip()

    assert title(path) != title(home)
    assert ("見つかりません" if lang == "ja" else "not found") in title(path)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_id_fields_are_typed_as_they_are(warm_tab, server, lang):
    page = warm_tab(viewport=DESKTOP)
    page.goto(server + built_path(lang, "contact/compose.html"))
    wait_until(page, "() => !!document.querySelector('#inquiry-composer[data-hc-ready]')")
    for field in ("#inquiry-user-id", "#inquiry-reference-id"):
        got = page.evaluate("s => { const e = document.querySelector(s); return [e.autocapitalize, e.spellcheck,"
                            " e.getAttribute('autocorrect')] }", field)
        assert got == ["none", False, "off"], f"{field}: {got}"
