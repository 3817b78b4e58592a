"""A 404 that finds the page (issue 15): a mistyped address lists the page meant, in its language.

Served as static hosts do (the root 404.html for every missing address, also
under /en/), and from disk in the offline download.
"""

from __future__ import annotations

import re
import shutil
from urllib.parse import quote

import pytest

from conftest import watch
from helpcenter.bench.server import serve
from helpcenter.search import build_index, compact

TYPOS = [
    ("troubles/acount.html", "troubles/account.html"),
    ("troubles/deposit-withdrawal.html", "troubles/deposits-withdrawals.html"),
    ("secutiry.html", "security.html"),
    ("contact/compose", "contact/compose.html"),
    ("en/troubles/tradng.html", "en/troubles/trading.html"),
    ("en/first-responce.html", "en/first-response.html"),
    ("en/contact/inquiry-tip.html", "en/contact/inquiry-tips.html"),
    ("en/phishing.html", "en/troubles/security-threats.html"),  # no address is alike: its word, searched
    ("old/page.html?q=" + quote("出金 遅延"), "troubles/deposits-withdrawals.html"),  # the referring search
]


@pytest.fixture(scope="module")
def host(site_dir):
    with serve(site_dir, not_found="404.html") as site:
        yield site.url


def found(page) -> list[str]:
    page.wait_for_selector("[data-hc-404-done]", state="attached")
    return page.eval_on_selector_all("[data-hc-404] ol a", "els => els.map(e => e.href)")


def lang_of(path: str) -> str:
    return "en" if path.startswith("en/") else "ja"


@pytest.mark.parametrize("missing,meant", TYPOS)
def test_a_mistyped_address_lists_the_page_meant(warm_tab, host, missing, meant):
    page = warm_tab()
    seen = watch(page)
    response = page.goto(host + missing)
    assert response.status == 404
    links = found(page)
    assert host + meant in links[:3], links
    assert page.evaluate("document.documentElement.lang") == lang_of(meant)
    assert all(link.startswith(host + ("en/" if lang_of(meant) == "en" else "")) for link in links)
    assert [p for p in seen.problems() if "404" not in p] == []


def test_the_address_is_never_put_in_the_page_as_markup(warm_tab, host):
    page = warm_tab()
    page.goto(host + quote('troubles/<img src=x onerror="window.__pwned=1">acount.html'))
    found(page)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("article img").count() == 0
    assert "onerror" not in page.inner_html("article")


@pytest.mark.parametrize("missing,meant", [TYPOS[0], TYPOS[4]])
def test_from_disk_the_404_page_finds_it_too(warm_tab, unpacked_download, missing, meant):
    page = warm_tab()
    seen = watch(page)
    page.goto((unpacked_download / "404.html").as_uri() + "?from=" + quote(missing))
    links = found(page)
    assert (unpacked_download / meant).as_uri() in links[:3], links
    assert page.locator("link[rel=stylesheet]").count() >= 3 and page.locator(".md-header").is_visible()
    assert seen.problems() == []


@pytest.fixture(scope="module")
def split_host(site_dir, tmp_path_factory):
    """The real site with its index store cut into a file per page, served as a host does."""
    site = tmp_path_factory.mktemp("split404") / "site"
    shutil.copytree(site_dir, site)
    build_index.write_indexes(site, store_shard_bytes=1)
    stores = [f for f in compact.files(site / "search", "ja") if re.search(r"\.s\d+\.js$", f.name)]
    with serve(site, not_found="404.html") as served:
        yield served.url, len(stores)


def test_the_404_page_loads_the_store_only_of_pages_it_may_list(warm_tab, split_host):
    """Addresses come from one small file: a large site's 404 page must not load every page's store."""
    url, stores = split_host
    assert stores == 15
    page = warm_tab()
    loaded: set[str] = set()
    page.on("request", lambda r: loaded.update(re.findall(r"/search/(index\.ja\.s\d+\.js)$", r.url)))
    page.goto(url + TYPOS[0][0])
    assert url + TYPOS[0][1] in found(page)[:3]
    # the pages alike by address and those the search finds, five each at most
    assert 0 < len(loaded) <= 10, sorted(loaded)
