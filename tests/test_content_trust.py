"""Content a customer can trust (issue 29): one list of secrets, one name per trouble category.

Read on the real built site, in both languages. The list of what never to send
is written once (data/snippets/<lang>/never-send.md); a sentence that names the
secrets one by one is a second list that drifts (the API secret was once only on
the composer). A category called two names in one language, or a sidebar label
that is not the page's title, makes a reader wonder whether they are two things.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from conftest import ROOT
from site_map import ALL, LANGUAGES, TROUBLE_SLUGS, built_path

SNIPPETS = ROOT / "data" / "snippets"

# How a sentence names each secret of the list, by the list's order; checked against the list itself below.
SECRET_WORDS = {
    "ja": [r"パスワード", r"二段階認証.{0,3}コード|認証コード", r"秘密鍵", r"リカバリーフレーズ", r"シークレット"],
    "en": [r"password", r"(two-factor|2FA|verification)[^.,;]{0,25}codes?", r"private keys?", r"recovery phrases?",
           r"API secrets?"],
}
SITE_NAME = {"ja": " - bitbank ヘルプセンター", "en": " - bitbank Help Center"}


def never_send_items(lang: str) -> list[str]:
    text = (SNIPPETS / lang / "never-send.md").read_text(encoding="utf-8")
    return [line[2:].strip() for line in text.splitlines() if line.startswith("- ")]


def tree(site_dir: Path, lang: str, page: str) -> LexborHTMLParser:
    return LexborHTMLParser((site_dir / built_path(lang, page)).read_text(encoding="utf-8"))


def secrets_named(lang: str, text: str) -> list[int]:
    return [i for i, pattern in enumerate(SECRET_WORDS[lang]) if re.search(pattern, text, re.IGNORECASE)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_secret_words_recognise_every_item_of_the_list(lang):
    items = never_send_items(lang)
    assert len(items) == len(SECRET_WORDS[lang]), f"data/snippets/{lang}/never-send.md changed: update SECRET_WORDS"
    for i, item in enumerate(items):
        assert secrets_named(lang, item) == [i], f"{item!r} should be recognised as item {i} only"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("sentence", [
    {"ja": "パスワード、二段階認証のコード、秘密鍵、リカバリーフレーズを求めるメッセージは偽物です。",
     "en": "A message that asks for your password, a two-factor code, a private key or a recovery phrase is a fake."},
    {"ja": "パスワードや二段階認証のコードを誰にも教えない。秘密鍵とリカバリーフレーズも同じです。",
     "en": "Never give anyone your password or 2FA codes. The same goes for private keys and recovery phrases."},
])
def test_a_secret_list_written_in_prose_is_recognised(lang, sentence):
    assert len(secrets_named(lang, sentence[lang])) >= 3


@pytest.mark.parametrize("lang, page", ALL)
def test_secrets_are_not_listed_in_prose(site_dir, lang, page):
    """Naming three or more secrets in one sentence is a list of its own: include the snippet or link to it."""
    found = []
    for node in tree(site_dir, lang, page).css("article p, article li, article td, article h2, article h3"):
        text = node.text(deep=True, separator=" ")
        if node.tag == "li" and node.css_first("ul, ol"):
            continue  # the nested list's items are read on their own
        if len(secrets_named(lang, text)) >= 3:
            found.append(text.strip()[:120])
    assert not found, (f"{built_path(lang, page)} lists the secrets in prose: {found}; include"
                       f' --8<-- "{lang}/never-send.md" or link to the list (security.md#never-share)')


@pytest.mark.parametrize("lang, page", ALL)
def test_every_list_of_secrets_is_the_shared_one(site_dir, lang, page):
    """A bulleted list that names secrets is the snippet, whole: no page keeps a shorter copy."""
    items = never_send_items(lang)
    for ul in tree(site_dir, lang, page).css("article ul"):
        entries = [li.text(deep=True).strip() for li in ul.css("li") if li.parent.mem_id == ul.mem_id]
        named = [secrets_named(lang, e) if len(e) < 60 else [] for e in entries]  # long items say what to do
        kinds = {kind for found in named for kind in found}
        if len(kinds) >= 3 and 2 * sum(1 for found in named if found) >= len(entries):
            assert entries == items, f"{built_path(lang, page)}: a list of secrets that is not never-send.md: {entries}"


def page_title(site_dir: Path, lang: str, page: str) -> str:
    title = tree(site_dir, lang, page).css_first("title").text()
    return title.removesuffix(SITE_NAME[lang]).strip()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sidebar_labels_are_the_page_titles(site_dir, lang):
    home = tree(site_dir, lang, "index.html")
    labels = {}
    for link in home.css("nav.md-nav--primary a.md-nav__link[href]"):
        target = urlsplit(link.attributes["href"]).path
        if target.endswith(".html"):
            labels[target] = link.text(deep=True, strip=True)
    assert len(labels) >= 14, labels
    for target, label in labels.items():
        if target == "index.html":
            continue  # the home page is "ホーム" / "Home" in the sidebar
        assert label == page_title(site_dir, lang, target), f"{lang} sidebar: {label!r} for {target}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_one_name_per_trouble_category(site_dir, lang):
    """Home cards, the types list, the composer's choices and the page title name a category alike."""
    titles = {slug: page_title(site_dir, lang, f"troubles/{slug}.html") for slug in TROUBLE_SLUGS}
    names: dict[str, list[str]] = {slug: [] for slug in TROUBLE_SLUGS}
    for card in tree(site_dir, lang, "index.html").css(".grid.cards > ul > li"):
        link = card.css_first("a[href*='troubles/']")
        slug = Path(urlsplit(link.attributes["href"]).path).stem
        names[slug].append(card.css_first("strong").text(strip=True))
    types = tree(site_dir, lang, "troubles/index.html")
    for link in types.css("article li > strong > a[href]"):
        slug = Path(urlsplit(urljoin("troubles/index.html", link.attributes["href"])).path).stem
        if slug in names:
            names[slug].append(link.text(strip=True))
    for option in tree(site_dir, lang, "contact/compose.html").css("#inquiry-category option[value]"):
        if option.attributes["value"]:
            names[option.attributes["value"]].append(option.text(strip=True))
    for slug in TROUBLE_SLUGS:
        assert len(names[slug]) >= 3, f"{lang} {slug}: in {len(names[slug])} places, not home, types, composer"
        assert set(names[slug]) == {titles[slug]}, f"{lang} {slug}: {names[slug]} vs the title {titles[slug]!r}"
