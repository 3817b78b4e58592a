"""Findable (issue 7): titles, descriptions, canonical and hreflang links, Open Graph, sitemap, FAQ JSON-LD, 404s."""

from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from conftest import ROOT, watch
from site_map import ALL, LANGUAGES, built_path

CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
SITE_URL = CONFIG["site_url"].rstrip("/") + "/"
SITE_NAME = {"ja": CONFIG["site_name"], "en": "bitbank Help Center"}
OG_LOCALE = {"ja": "ja_JP", "en": "en_US"}
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XH = "{http://www.w3.org/1999/xhtml}"


def front_matter(lang: str, page: str) -> dict[str, str]:
    source = ROOT / "docs" / lang / page.replace(".html", ".md")
    text = source.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    assert match, f"{source.relative_to(ROOT)} has no front matter"
    try:
        return yaml.safe_load(match.group(1))
    except yaml.YAMLError as err:
        problem = str(err).replace("\n", " ")
    pytest.fail(f"{source.relative_to(ROOT)}: front matter is not valid YAML, so MkDocs prints it as text"
                f" and ignores title and description (quote a value that contains ': '): {problem}", pytrace=False)


def parse(site_dir: Path, path: str) -> LexborHTMLParser:
    return LexborHTMLParser((site_dir / path).read_text(encoding="utf-8"))


def meta(tree: LexborHTMLParser, selector: str, attr: str = "content") -> str | None:
    node = tree.css_first(selector)
    return node.attributes.get(attr) if node else None


@pytest.mark.parametrize(("lang", "page"), ALL)
def test_head_metadata_comes_from_front_matter(site_dir, lang, page):
    path = built_path(lang, page)
    tree = parse(site_dir, path)
    fm = front_matter(lang, page)
    assert tree.css_first("html").attributes.get("lang") == lang
    title = tree.css_first("title").text()
    expected = SITE_NAME[lang] if fm["title"] == SITE_NAME[lang] else f"{fm['title']} - {SITE_NAME[lang]}"
    assert title == expected
    assert meta(tree, "meta[name=description]") == fm["description"]
    canonical = SITE_URL + path
    assert meta(tree, "link[rel=canonical]", "href") == canonical
    # Open Graph
    assert meta(tree, "meta[property='og:title']") == fm["title"]
    assert meta(tree, "meta[property='og:description']") == fm["description"]
    assert meta(tree, "meta[property='og:url']") == canonical
    assert meta(tree, "meta[property='og:type']") == "website"
    assert meta(tree, "meta[property='og:site_name']") == SITE_NAME[lang]
    assert meta(tree, "meta[property='og:locale']") == OG_LOCALE[lang]
    assert tree.css_first("meta[property='og:image']") is None, "no og:image: it would point off the site"


def test_titles_and_descriptions_are_unique(site_dir):
    seen: dict[str, dict[str, str]] = {"title": {}, "description": {}}
    for lang, page in ALL:
        tree = parse(site_dir, built_path(lang, page))
        for kind, value in (("title", tree.css_first("title").text()),
                            ("description", meta(tree, "meta[name=description]"))):
            other = seen[kind].setdefault(value, built_path(lang, page))
            assert other == built_path(lang, page), f"{built_path(lang, page)} has the same {kind} as {other}"


@pytest.mark.parametrize(("lang", "page"), ALL)
def test_hreflang_links_are_absolute_and_the_switcher_stays_on_the_page(site_dir, lang, page):
    path = built_path(lang, page)
    tree = parse(site_dir, path)
    links = {n.attributes["hreflang"]: n.attributes["href"]
             for n in tree.css("head link[rel=alternate][hreflang]")}
    assert links == {
        "ja": SITE_URL + built_path("ja", page),
        "en": SITE_URL + built_path("en", page),
        "x-default": SITE_URL + built_path("ja", page),
    }
    switcher = {n.attributes["hreflang"]: urljoin(SITE_URL + path, n.attributes["href"])
                for n in tree.css("a.md-select__link[hreflang]")}
    assert switcher == {other: SITE_URL + built_path(other, page) for other in LANGUAGES}


def test_sitemap_lists_every_page_with_its_alternates(site_dir):
    root = ET.fromstring((site_dir / "sitemap.xml").read_bytes())
    entries = {u.findtext(f"{SM}loc").strip(): u for u in root.iter(f"{SM}url")}
    assert set(entries) == {SITE_URL + built_path(lang, page) for lang, page in ALL}
    for lang, page in ALL:
        url = entries[SITE_URL + built_path(lang, page)]
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XH}link")}
        assert alternates == {
            "ja": SITE_URL + built_path("ja", page),
            "en": SITE_URL + built_path("en", page),
            "x-default": SITE_URL + built_path("ja", page),
        }
        lastmod = url.findtext(f"{SM}lastmod")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", lastmod or "")
        html = (site_dir / built_path(lang, page)).read_text(encoding="utf-8")
        assert f'<time datetime="{lastmod}">' in html, "lastmod is the page's own 'Last update' date"
    assert gzip.decompress((site_dir / "sitemap.xml.gz").read_bytes()) == (site_dir / "sitemap.xml").read_bytes()


# ---------------------------------------------------------------------- FAQ

QUESTION = re.compile(r"^###\s+(.+?)\s*\{#([\w-]+)\}\s*$", re.M)


def markdown_questions(lang: str) -> list[tuple[str, str]]:
    """(id, heading text) of each `### question {#id}` in docs/<lang>/faq.md."""
    text = (ROOT / "docs" / lang / "faq.md").read_text(encoding="utf-8")
    return [(qid, re.sub(r"[*_`]", "", name)) for name, qid in QUESTION.findall(text)]


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_faq_jsonld_is_generated_from_the_faq_markdown(site_dir, lang):
    path = built_path(lang, "faq.html")
    tree = parse(site_dir, path)
    blocks = tree.css("script[type='application/ld+json']")
    assert len(blocks) == 1
    data = json.loads(blocks[0].text())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "FAQPage"
    assert data["inLanguage"] == lang
    expected = markdown_questions(lang)
    assert expected, "no questions found in the FAQ Markdown"
    got = [(q["url"].split("#")[1], q["name"]) for q in data["mainEntity"]]
    assert got == expected
    for q in data["mainEntity"]:
        assert q["@type"] == "Question"
        assert q["url"] == f"{SITE_URL}{path}#{q['url'].split('#')[1]}"
        answer = q["acceptedAnswer"]
        assert answer["@type"] == "Answer"
        assert len(re.sub(r"<[^>]+>", "", answer["text"]).strip()) > 20, f"empty answer for {q['name']}"
        for href in re.findall(r'href="([^"]+)"', answer["text"]):
            assert href.startswith(("https://", "http://", "mailto:")), f"relative link in an answer: {href}"
        assert "<script" not in answer["text"]


def test_no_other_page_carries_faq_jsonld(site_dir):
    for lang, page in ALL:
        if page != "faq.html":
            assert "application/ld+json" not in (site_dir / built_path(lang, page)).read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_faq_page_runs_under_the_csp_without_violations(page, server, lang):
    seen = watch(page)
    page.goto(server + built_path(lang, "faq.html"))
    page.wait_for_load_state("load")
    assert not seen.csp_violations, seen.csp_violations
    csp = page.locator("meta[http-equiv='Content-Security-Policy']")
    if csp.count():
        script_src = re.search(r"script-src ([^;]*)", csp.get_attribute("content")).group(1)
        assert "'unsafe-inline'" not in script_src


# ---------------------------------------------------------------------- 404

NOT_FOUND = {"ja": ("404.html", "ページが見つかりません"), "en": ("en/404.html", "Page not found")}


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_404_page_per_language(site_dir, lang):
    path, heading = NOT_FOUND[lang]
    tree = parse(site_dir, path)
    assert tree.css_first("html").attributes.get("lang") == lang
    assert tree.css_first("article h1").text().strip() == heading
    assert tree.css_first("article [data-hc-search-open]") is not None, "no search on the 404 page"
    base = urlsplit(SITE_URL).path  # a 404 page links from the site's root: it may be shown at any depth
    links = [a.attributes.get("href") for a in tree.css("article a")]
    assert base + built_path(lang, "index.html") in links, "no way home in the page's language"
    other = "en" if lang == "ja" else "ja"  # GitHub Pages shows the root 404 for /en/ too
    assert tree.css_first(f"article p[lang={other}] a[href='{base}{built_path(other, 'index.html')}']") is not None
    assert meta(tree, "meta[name=robots]") == "noindex"
    switcher = {n.attributes["hreflang"]: n.attributes["href"] for n in tree.css("a.md-select__link[hreflang]")}
    assert switcher == {other: base + built_path(other, "index.html") for other in LANGUAGES}


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_404_page_search_works(page, server, lang):
    path, _ = NOT_FOUND[lang]
    seen = watch(page)
    page.goto(server + path)
    page.locator("article [data-hc-search-open]").click()
    box = page.locator("input[data-md-component=search-query]")
    box.wait_for(state="visible")
    query = "パスワード" if lang == "ja" else "password"
    box.press_sequentially(query)
    page.wait_for_function(
        "q => document.querySelector('[data-md-component=search-result]').getAttribute('data-hc-query') === q",
        arg=query,
    )
    results = page.eval_on_selector_all(".md-search-result__item > a:first-child", "els => els.map(e => e.href)")
    assert results, "search on the 404 page finds nothing"
    in_language = [r.startswith(server + "en/") == (lang == "en") for r in results]
    assert all(in_language), f"results in the other language: {results}"
    assert not seen.problems(), seen.problems()
