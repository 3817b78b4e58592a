"""Offline and private (issue 5): every page served, and from disk in the unpacked offline download.

The download's pages are the built site's but for the build stamp only served
pages read (checked first), so opening them there also answers for the built
site opened from disk.

Every request that leaves the site is aborted and counted; a page passes
with zero such attempts, zero failed local requests, zero console errors,
zero CSP violations, and working search.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from conftest import search, watch
from helpcenter.postbuild.offline_site import BUILD_META
from site_map import ALL, built_path

QUERY = {"ja": "パスワード", "en": "password"}


OFFLINE_BOXES = """[...document.querySelectorAll('[data-hc-offline]')].map(box => ({
    download: box.querySelector('.hc-offline__download').checkVisibility(),
    here: box.querySelector('.hc-offline__here').checkVisibility(),
    text: box.querySelector('.hc-offline__here').textContent,
    date: box.querySelector('.hc-offline__here time').dateTime}))"""


def offline_box_problems(page, lang: str, from_disk: bool) -> list[str]:
    """Served, the box offers the download; from disk the reader holds it, so the box says this is the
    offline version and of which date (the home page's "use it offline" section is never an empty heading)."""
    problems = []
    for box in page.evaluate(OFFLINE_BOXES):
        if box["download"] == from_disk or box["here"] != from_disk:
            problems.append(f"offline box shows download={box['download']} here={box['here']}")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", box["date"]) or box["date"] not in box["text"]:
            problems.append(f"offline box's date: {box['text']!r}")
        if ("オフライン版" if lang == "ja" else "offline version") not in box["text"]:
            problems.append(f"offline box's line is not in the page's language: {box['text']!r}")
    return problems


def check_page(page, url: str, lang: str) -> list[str]:
    seen = watch(page)
    page.goto(url)
    page.wait_for_load_state("load")
    results = search(page, QUERY[lang])
    page.wait_for_timeout(50)  # let late console messages arrive
    problems = seen.problems() + offline_box_problems(page, lang, url.startswith("file:"))
    if not results:
        problems.append("search returned nothing")
    return problems


def test_the_download_holds_every_built_page_but_its_build_stamp(unpacked_download, site_dir):
    """So the pages opened from the unpacked download below answer for the built site opened from disk.

    The served pages carry the build they belong to (`<meta name="hc-build">`, added after the zip is
    written), which only the service worker's pages read; the download's pages are otherwise the same bytes.
    """
    for lang, path in ALL:
        rel = built_path(lang, path)
        built = (site_dir / rel).read_text(encoding="utf-8")
        assert BUILD_META.search(built), f"{rel}: no build stamp (test_offline_app relies on it)"
        assert (unpacked_download / rel).read_text(encoding="utf-8") == BUILD_META.sub("", built), rel


@pytest.mark.parametrize("lang,path", ALL)
def test_every_page_from_disk_in_the_unpacked_download(warm_tab, unpacked_download, lang, path):
    url = (unpacked_download / built_path(lang, path)).as_uri()
    assert check_page(warm_tab(service_workers="allow"), url, lang) == []


@pytest.mark.parametrize("lang,path", ALL)
def test_every_page_served(warm_tab, server, lang, path):
    assert check_page(warm_tab(service_workers="allow"), server + built_path(lang, path), lang) == []


def switch_language(page, lang: str) -> None:
    """Open the language menu as a person would and pick `lang`."""
    page.locator(".md-header__option .md-select").first.hover()
    with page.expect_navigation():
        page.locator(f".md-select__link[hreflang={lang}]").first.click()


def test_language_switcher_from_disk_stays_on_the_page(page, site_dir):
    seen = watch(page)
    page.goto((site_dir / "troubles/trading.html").as_uri())
    switch_language(page, "en")
    assert page.url == (site_dir / "en/troubles/trading.html").as_uri()
    switch_language(page, "ja")
    assert page.url == (site_dir / "troubles/trading.html").as_uri()
    assert not seen.problems()


def test_palette_toggle_works_from_disk(page, site_dir):
    seen = watch(page)
    page.goto((site_dir / "index.html").as_uri())
    before = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') !== {before!r}")
    assert not seen.problems()


def test_navigation_from_disk(page, site_dir):
    seen = watch(page)
    page.goto((site_dir / "en/index.html").as_uri())
    with page.expect_navigation():
        page.locator(".md-content a[href='troubles/deposits-withdrawals.html']").first.click()
    assert page.url.endswith("/en/troubles/deposits-withdrawals.html")
    with page.expect_navigation():
        page.locator(".md-footer__link--next").click()
    assert not seen.problems()


def test_every_page_carries_a_strict_csp(site_dir):
    for file in site_dir.rglob("*.html"):
        head = LexborHTMLParser(file.read_text(encoding="utf-8")).head
        first = head.css_first("meta[http-equiv]") if head else None
        assert first is not None and first.attributes["http-equiv"] == "Content-Security-Policy", file
        policy = dict(d.strip().split(" ", 1) for d in first.attributes["content"].split(";"))
        assert policy["default-src"] == "'self'"
        assert "'unsafe-inline'" not in policy["script-src"] and "http" not in policy["script-src"]
        scripts = head.parent.css("script")
        assert head.parent.html.index(first.html) < head.parent.html.index(scripts[0].html), "policy comes first"


def test_every_page_carries_its_referrer_policy(site_dir):
    """GitHub Pages sends no Referrer-Policy header: the page says it itself."""
    for file in site_dir.rglob("*.html"):
        metas = LexborHTMLParser(file.read_text(encoding="utf-8")).css("head meta[name=referrer]")
        assert [m.attributes["content"] for m in metas] == ["no-referrer"], file


def test_hosting_headers_are_documented_for_each_kind_of_host():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    hosting = readme.split("## Hosting", 1)[1].split("\n## ", 1)[0]
    for needed in ("Netlify", "Cloudflare", "nginx", "GitHub Pages", "frame-ancestors", "nosniff",
                   "Referrer-Policy", "add_header"):
        assert needed in hosting, needed


def test_headers_file_for_static_hosts(site_dir):
    headers = (site_dir / "_headers").read_text(encoding="utf-8")
    assert headers.startswith("/*\n")
    assert "frame-ancestors 'none'" in headers
    assert "X-Content-Type-Options: nosniff" in headers
    assert "Referrer-Policy:" in headers
    assert "'unsafe-inline'" not in headers.split("script-src", 1)[1].split(";")[0]


def test_no_resource_outside_the_site_is_referenced(site_dir):
    """Static complement to the browser tests: nothing loads from another host."""
    offenders = []
    for file in list(site_dir.rglob("*.html")) + list(site_dir.rglob("*.css")):
        text = file.read_text(encoding="utf-8", errors="replace")
        if file.suffix == ".css":
            if "url(http" in text.replace(" ", "").replace("'", "").replace('"', ""):
                offenders.append(str(file))
            continue
        tree = LexborHTMLParser(text)
        for node in tree.css("script[src], link[href], img[src], iframe, source[src], video, audio"):
            url = node.attributes.get("src") or node.attributes.get("href") or ""
            rel = node.attributes.get("rel") or ""
            if node.tag == "link" and rel in {"alternate", "canonical"}:
                continue  # navigational, never fetched by the page
            if url.startswith(("http:", "https:", "//")) or node.tag == "iframe":
                offenders.append(f"{file}: {node.html[:120]}")
    assert not offenders


def test_served_site_never_requests_search_index_of_the_other_language(page, server):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server + "en/faq.html")
    search(page, "email")
    loaded = [u.removeprefix(server + "search/") for u in requests if "/search/" in u]
    assert loaded[0] == "index.en.js" and all(name.startswith("index.en.") for name in loaded), loaded


def test_site_is_all_relative_so_it_works_in_any_folder(site_dir: Path):
    """404 pages are the exception: a server shows them at any depth, so their links start at the root."""
    for file in site_dir.rglob("*.html"):
        if file.name == "404.html":
            continue
        tree = LexborHTMLParser(file.read_text(encoding="utf-8"))
        for node in tree.css("a[href], script[src], link[href], img[src]"):
            url = node.attributes.get("href") or node.attributes.get("src") or ""
            assert not url.startswith("/"), f"{file}: root-absolute links break from disk: {url}"
