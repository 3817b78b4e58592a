"""Related pages (issue 15): at the end of every page, 3-5 pages of its own language, links that open.

Checked on the real built site, and on a build of a copy in which a writer
overrides one page's list with `related:` front matter.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from helpcenter.build.site import build_site
from site_map import ALL, built_path
from sources import copy_sources


def related_links(site: Path, rel: str) -> list[str]:
    """The pages (site-relative) the page's related list links to, in order."""
    tree = LexborHTMLParser((site / rel).read_text(encoding="utf-8"))
    boxes = tree.css("article [class*=related], article [id*=related]")
    assert boxes, f"{rel}: no element whose class or id says related"
    links = tree.css("article nav.hc-related a[href]")
    return [posixpath.normpath(posixpath.join(posixpath.dirname(rel), a.attributes["href"].split("#")[0]))
            for a in links]


def html_lang(site: Path, rel: str) -> str:
    return LexborHTMLParser((site / rel).read_text(encoding="utf-8")).css_first("html").attributes["lang"]


@pytest.mark.parametrize("lang,path", ALL)
def test_every_page_ends_with_related_pages_of_its_language(site_dir, lang, path):
    rel = built_path(lang, path)
    targets = related_links(site_dir, rel)
    assert 3 <= len(targets) <= 5, targets
    assert rel not in targets and len(set(targets)) == len(targets)
    for target in targets:
        assert (site_dir / target).is_file(), f"{rel} -> {target} does not exist"
        assert html_lang(site_dir, target) == html_lang(site_dir, rel) == lang, target
    tree = LexborHTMLParser((site_dir / rel).read_text(encoding="utf-8"))
    article = tree.css_first("article")
    assert article.css("nav.hc-related")[-1].parent == article, "inside the page's article, at its end"


def test_a_trouble_type_leads_to_pages_about_the_same_trouble(site_dir):
    """Not a fixed list: the computed choice must include a page the trouble page itself links to."""
    rel = "en/troubles/account.html"
    tree = LexborHTMLParser((site_dir / rel).read_text(encoding="utf-8"))
    for box in tree.css("nav.hc-related"):
        box.decompose()
    body_links = {posixpath.normpath(posixpath.join("en/troubles", a.attributes["href"].split("#")[0]))
                  for a in tree.css("article a[href]")
                  if not a.attributes["href"].startswith(("#", "http", "mailto"))}
    assert body_links
    assert set(related_links(site_dir, rel)) & body_links


@pytest.fixture(scope="module")
def overridden_site(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("related")
    config = copy_sources(work / "src")
    page = work / "src/docs/en/first-response.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("\n---\n", "\nrelated:\n  - security.md\n  - resolution-flow.md\n"
                                 "  - troubles/trading.md\n---\n", 1), encoding="utf-8")
    build_site(work / "site", config)
    return work / "site"


def test_a_writers_related_front_matter_wins(overridden_site, site_dir):
    rel = "en/first-response.html"
    wanted = ["en/security.html", "en/resolution-flow.html", "en/troubles/trading.html"]
    assert related_links(site_dir, rel) != wanted, "the override must change something to prove anything"
    assert related_links(overridden_site, rel) == wanted
    assert related_links(overridden_site, "first-response.html") == related_links(site_dir, "first-response.html")


@pytest.mark.parametrize("rel,href,text", [
    ("troubles/security-threats.html", "../contact/index.html#no-phone-no-chat",
     "お問い合わせ窓口：電話・チャットでのサポートはありません"),
    ("en/troubles/trading.html", "../faq.html#trading", "Frequently asked questions: Trading"),
])
def test_a_related_section_is_linked_and_named_with_its_page(site_dir, rel, href, text):
    """A writer's `related:` entry may point to a section: the link keeps it, the label says page and section."""
    tree = LexborHTMLParser((site_dir / rel).read_text(encoding="utf-8"))
    links = {a.attributes["href"]: a.text() for a in tree.css("article nav.hc-related a[href]")}
    assert links.get(href) == text, links


@pytest.mark.parametrize("lang,path", ALL)
def test_a_page_has_one_related_list(site_dir, lang, path):
    """The build's list is the page's only one: a writer chooses its pages in front matter, not in the text."""
    tree = LexborHTMLParser((site_dir / built_path(lang, path)).read_text(encoding="utf-8"))
    titles = {"関連ページ", "関連するページ", "Related pages"}
    headings = [h for h in tree.css("article h2") if h.text().strip() in titles]
    assert len(headings) == 1, [h.text() for h in headings]
