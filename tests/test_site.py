"""The foundation (issue 2): every page in both languages, right labels, right facts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from conftest import SITE_LOG
from site_map import ALL, LANGUAGES, PAGES, TROUBLE_SLUGS, built_path

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
# Digit groups as phone numbers are written in Japan and abroad: 03-1234-5678, 0120-123-456, +81 3 1234 5678.
PHONE = re.compile(r"(?<![\w.])(?:\+\d{1,3}[\s-]?)?\(?0?\d{1,4}\)?[\s-]\d{2,4}[\s-]\d{3,4}(?![\w.])")


def html(site_dir: Path, lang: str, page: str) -> LexborHTMLParser:
    return LexborHTMLParser((site_dir / built_path(lang, page)).read_text(encoding="utf-8"))


def text_of(tree: LexborHTMLParser, selector: str) -> str:
    node = tree.css_first(selector)
    return node.text(separator=" ") if node else ""


def test_strict_build_has_no_warnings(site_dir):
    """The shared build is strict (it would have failed on a warning) and printed none."""
    log = SITE_LOG.read_text(encoding="utf-8")
    assert "Documentation built" in log
    assert "WARNING" not in log, log


@pytest.mark.parametrize("lang,page", ALL)
def test_page_exists_with_its_language(site_dir, lang, page):
    tree = html(site_dir, lang, page)
    assert tree.css_first("html").attributes["lang"] == lang
    assert tree.css_first("article h1"), "every page has a heading"


@pytest.mark.parametrize("lang,page", ALL)
def test_language_switcher_leads_to_the_same_page(site_dir, lang, page):
    other = "en" if lang == "ja" else "ja"
    source = site_dir / built_path(lang, page)
    links = html(site_dir, lang, page).css(f".md-select__link[hreflang={other}]")
    assert links, "the page offers the other language"
    target = (source.parent / links[0].attributes["href"]).resolve()
    assert target == (site_dir / built_path(other, page)).resolve()


@pytest.mark.parametrize("lang,page", ALL)
def test_no_label_of_the_other_language(site_dir, lang, page):
    tree = html(site_dir, lang, page)
    labels = [n.text(strip=True) for n in tree.css(".md-nav__link, .md-footer__title, .md-footer__direction,"
                                                    " .admonition-title, .md-tabs__link, summary")]
    labels += [tree.css_first("input[data-md-component=search-query]").attributes.get("placeholder") or ""]
    labels = [label for label in labels if label and not label.startswith("bitbank")]
    if lang == "ja":
        assert all(JAPANESE.search(label) for label in labels), [x for x in labels if not JAPANESE.search(x)]
    else:
        assert not any(JAPANESE.search(label) for label in labels), [x for x in labels if JAPANESE.search(x)]


def test_support_email_on_both_contact_pages(site_dir):
    for lang in LANGUAGES:
        tree = html(site_dir, lang, "contact/index.html")
        assert "support@bitbank.cc" in text_of(tree, "article")
        assert tree.css_first('a[href="mailto:support@bitbank.cc"]')


def test_no_phone_number_or_tel_link_anywhere(site_dir):
    for file in site_dir.rglob("*.html"):
        page = file.read_text(encoding="utf-8")
        assert "tel:" not in page.lower(), file
        text = LexborHTMLParser(page).body.text(separator=" ")
        assert not PHONE.findall(text), (file, PHONE.findall(text))


@pytest.mark.parametrize("lang,phrases", [
    ("ja", ["電話", "チャット", "ありません"]),
    ("en", ["phone", "chat", "no "]),
])
def test_no_phone_and_no_chat_support_is_stated(site_dir, lang, phrases):
    tree = html(site_dir, lang, "contact/index.html")
    heading = tree.css_first("#no-phone-no-chat")
    assert heading, "the contact page has a section saying so"
    section = heading.text() + " " + heading.next.text() if heading.next else heading.text()
    body = text_of(tree, "article").lower()
    for phrase in phrases:
        assert phrase in section.lower() or phrase in body


@pytest.mark.parametrize("lang,facts", [
    ("ja", ["24時間365日", "お問い合わせフォーム", "問い合わせ番号", "ステータスページ", "二段階認証", "フィッシング",
            "マルウェア", "スクリーンショット", "ユーザーID", "受付", "調査", "回答", "解決", "フォローアップ"]),
    ("en", ["24 hours", "365 days", "inquiry form", "inquiry number", "status page", "two-factor", "phishing",
            "malware", "screenshot", "user ID", "receipt", "investigation", "answer", "resolution", "follow-up"]),
])
def test_facts_appear_on_the_site(site_dir, lang, facts):
    text = " ".join(text_of(html(site_dir, lang, p), "article") for p in PAGES).lower()
    missing = [f for f in facts if f.lower() not in text]
    assert not missing


def test_official_addresses_come_from_one_place(site_dir):
    hrefs = {a.attributes.get("href") for lang in LANGUAGES for p in PAGES
             for a in html(site_dir, lang, p).css("article a[href^=http]")}
    assert "https://support.bitbank.cc/hc/ja/requests/new" in hrefs
    assert "https://bitbank.cc/" in hrefs
    assert all(re.match(r"https://([a-z0-9-]+\.)*bitbank\.cc(/|$)", h) for h in hrefs), hrefs


@pytest.mark.parametrize("lang", LANGUAGES)
def test_trouble_pages_offer_the_composer_with_their_category(site_dir, lang):
    for slug in TROUBLE_SLUGS:
        tree = html(site_dir, lang, f"troubles/{slug}.html")
        assert tree.css_first(f'article a[href="../contact/compose.html?category={slug}"]'), slug


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_has_search_six_cards_and_the_compromised_path(site_dir, lang):
    tree = html(site_dir, lang, "index.html")
    assert tree.css_first("article button[data-hc-search-open]")
    cards = tree.css(".grid.cards > ul > li")
    assert len(cards) == 6
    assert tree.css_first("#compromised")
    assert tree.css_first('a[href^="troubles/account.html#unauthorized-access"]')


def test_resolution_flow_is_five_steps_without_script(site_dir):
    for lang in LANGUAGES:
        tree = html(site_dir, lang, "resolution-flow.html")
        assert len(tree.css(".hc-steps ol > li")) == 5
        assert not tree.css("article script")
