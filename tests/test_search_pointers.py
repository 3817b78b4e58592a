"""Pointers (issue 12): an overview's list item that points to a page is indexed with that page."""

from __future__ import annotations

import pytest

from helpcenter.paths import DEFAULT_LANGUAGE, LANGUAGES
from helpcenter.search.engine import Engine
from helpcenter.search.extract import extract_page, iter_pages

PAGE = "troubles/index.html"


def pointers_of(body: str) -> list[tuple[str, str]]:
    page = extract_page(f"<html><body><article>{body}</article></body></html>", PAGE, "ja")
    return [(p.target, p.text) for p in page.pointers]


def page_text(body: str) -> str:
    page = extract_page(f"<html><body><article>{body}</article></body></html>", PAGE, "ja")
    return " ".join(s.text for s in page.sections)


@pytest.mark.parametrize(("item", "target"), [
    ('<a href="trading.html">取引</a>：注文が成立しない', "troubles/trading.html"),
    ('<strong><a href="../faq.html#account">よくある質問</a></strong> アカウント', "faq.html#account"),
    ('<a href="account.html#a">A</a> と <a href="account.html#b">B</a>', "troubles/account.html"),
])
def test_an_item_that_opens_with_a_link_to_a_page_describes_that_page(item, target):
    body = f"<ul><li>{item}</li></ul>"
    assert [t for t, _ in pointers_of(body)] == [target]
    assert page_text(body).strip() == ""


def test_a_card_with_a_link_describes_the_page_it_links_to():
    body = ('<div class="grid cards"><ul><li><strong>入出金</strong><p>出金が遅れているとき。</p>'
            '<p><a href="deposits-withdrawals.html">詳しく見る</a></p></li></ul></div>')
    assert pointers_of(body) == [("troubles/deposits-withdrawals.html", "入出金 出金が遅れているとき。 詳しく見る")]
    assert page_text(body).strip() == ""


@pytest.mark.parametrize("item", [
    '出金が遅れているときは、<a href="deposits-withdrawals.html">入出金</a>をご覧ください',  # content, not a pointer
    '<a href="https://bitbank.cc/">公式サイト</a>のお知らせ',  # outside the site
    '<a href="#types">種類</a>の一覧',  # this page
    '<a href="index.html">この ページ</a>',  # this page by name
    '<a href="mailto:support@bitbank.cc">メール</a>で送る',
    '<a href="trading.html">取引</a>と<a href="account.html">アカウント</a>',  # two pages
    '<a href="../../outside.html">外</a>',  # above the site root
])
def test_other_items_stay_with_their_page(item):
    body = f"<ul><li>{item}</li></ul>"
    assert pointers_of(body) == []
    assert page_text(body).strip()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_searching_an_overview_item_lists_the_page_it_points_to_first(site_dir, lang):
    """On the real overviews (home and trouble types), every item's words find its page, not the overview."""
    engine = Engine.from_site(site_dir, lang)
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    overviews = {f"{prefix}index.html", f"{prefix}troubles/index.html"}
    checked = 0
    for page in iter_pages(site_dir, LANGUAGES, DEFAULT_LANGUAGE):
        if page.path not in overviews:
            continue
        for pointer in page.pointers:
            first = engine.search(pointer.text)[0].url
            assert first == pointer.target.partition("#")[0], (page.path, pointer.text, first)
            checked += 1
    assert checked >= 12
