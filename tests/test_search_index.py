"""The compact, split search index (issue 17): it answers exactly as lunr.py's own index did.

The site ships compact.py's encoding of the lunr.py index, split into files a
page loads when a query needs them. These tests prove, on the real site and
on every query list, that nothing of the answer changed: the encoding
round-trips to lunr.py's serialized index, its fields merged into the one
field queried score every entry as the fields did, the CLI ranks as it did
with that index, and the browser (which loads only the files a query needs
and rebuilds field vectors from tf and lengths) ranks as the CLI does, same
pages, order and scores, also with the index cut into many small files,
from file://.
"""

from __future__ import annotations

import math
import random
import re
import shutil
from pathlib import Path

import pytest
from lunr.builder import Builder
from lunr.index import Index

from a11y import wait_until
from conftest import search, watch
from helpcenter.bench.queries import REAL_QUERIES, REAL_QUERIES_2, SHARED_QUERIES
from helpcenter.bench.server import serve
from helpcenter.paths import DEFAULT_LANGUAGE, LANGUAGES
from helpcenter.search import analyzer, build_index, compact, merge_fields, posting_files
from helpcenter.search.engine import Engine
from helpcenter.search.extract import iter_pages
from test_search import HOLDOUT_QUERIES, START_PAGE, read_queries

ALL_QUERIES = (read_queries(SHARED_QUERIES) + read_queries(REAL_QUERIES) + read_queries(REAL_QUERIES_2)
               + read_queries(HOLDOUT_QUERIES))
# Small enough that the real site's index is cut into many files of each kind.
TINY_SHARD_BYTES = 1_500


@pytest.fixture(scope="module")
def lunr_py_payloads(site_dir: Path) -> dict[str, tuple[dict, Builder, posting_files.Adjacency]]:
    """lunr.py's own index of each language (as the site shipped it before issue 17), with its builder and
    what it counted of neighbouring terms."""
    pages = list(iter_pages(site_dir, LANGUAGES, DEFAULT_LANGUAGE))
    out = {}
    for lang in LANGUAGES:
        builder, adjacency = Builder(), posting_files.Adjacency()
        payload = build_index.build_payload([p for p in pages if p.lang == lang], lang, builder, adjacency)
        out[lang] = (payload, builder, adjacency)
    return out


def vectors_by_term(index: dict) -> dict[str, dict[str, float]]:
    """Field vectors keyed by term, not by term number (lunr.py numbers terms as met, compact.py in order)."""
    term_of = {entry["_index"]: term for term, entry in index["invertedIndex"]}
    return {ref: {term_of[v[i]]: v[i + 1] for i in range(0, len(v), 2)} for ref, v in index["fieldVectors"]}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compact_files_expand_to_lunr_py_index_exactly(site_dir, lunr_py_payloads, lang):
    original = lunr_py_payloads[lang][0]
    shipped = build_index.read_script(build_index.index_path(site_dir, lang))
    assert shipped["docs"] == original["docs"]
    assert shipped["analyzer"] == original["analyzer"]
    postings = [[t, {f: refs for f, refs in e.items() if f != "_index"}] for t, e in original["index"]["invertedIndex"]]
    assert [[t, {f: refs for f, refs in e.items() if f != "_index"}] for t, e in shipped["index"]["invertedIndex"]] \
        == postings
    assert vectors_by_term(shipped["index"]) == vectors_by_term(original["index"])  # every score, exactly


@pytest.mark.parametrize("lang", LANGUAGES)
def test_store_files_keep_pages_in_title_order_and_expand_back(tmp_path, lunr_py_payloads, lang):
    """Pages titled alike share store files (a list shows them together: fewer files per query); the
    manifest names each page's file, and the files expand back to the store."""
    payload, builder, _ = lunr_py_payloads[lang]
    compact.write(tmp_path, lang, compact.encode(payload, builder, None, 3_000))
    manifest = compact.read_file(tmp_path / f"index.{lang}.js")
    files = [compact.read_file(tmp_path / f"index.{lang}.s{k}.js") for k in range(manifest["storeFiles"])]
    assert len(files) > 2
    pages = [page for rows in files for page, _ in rows]
    assert sorted(pages) == list(range(len(manifest["pages"]))) and pages != sorted(pages)
    titles = [entries[0][1].casefold() for rows in files for _, entries in rows]
    assert titles == sorted(titles)
    file_of = list(compact.read_varints(manifest["storeFileOf"]))
    assert [file_of[page] for page in pages] == [k for k, rows in enumerate(files) for _ in rows]
    assert compact.expand(tmp_path, lang)["docs"] == payload["docs"]


def files_per_query(directory: Path, lang: str) -> list[int]:
    """For each query of the lists, how many postings files hold the terms it looks up exactly."""
    manifest = compact.read_file(directory / f"index.{lang}.js")
    ids = {term: i for i, term in enumerate(manifest["terms"].split("\n"))}
    file_of = list(compact.read_varints(manifest["postingFileOf"]))
    terms = analyzer.for_language(lang).query_terms
    return [len({file_of[ids[t.term]] for t in terms(q.text) if t.term in ids}) for q in ALL_QUERIES if q.lang == lang]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_postings_files_group_terms_that_neighbour_in_the_pages(tmp_path, lunr_py_payloads, lang):
    """A query's terms neighbour each other in the pages, so grouping neighbours into files loads fewer
    files per query than cutting the sorted terms into runs; the files still expand to the same index."""
    payload, builder, adjacency = lunr_py_payloads[lang]
    grouped, runs = tmp_path / "grouped", tmp_path / "runs"
    compact.write(grouped, lang, compact.encode(payload, builder, TINY_SHARD_BYTES, 1, adjacency))
    compact.write(runs, lang, compact.encode(payload, builder, TINY_SHARD_BYTES, 1))

    def file_of(directory: Path) -> list[int]:
        return list(compact.read_varints(compact.read_file(directory / f"index.{lang}.js")["postingFileOf"]))

    assert file_of(runs) == sorted(file_of(runs))
    assert file_of(grouped) != sorted(file_of(grouped)), "some files hold terms that do not sort together"
    assert sum(files_per_query(grouped, lang)) < 0.9 * sum(files_per_query(runs, lang))
    assert compact.expand(grouped, lang)["index"] == compact.expand(runs, lang)["index"]


def ranking(engine: Engine, query: str) -> list[tuple]:
    return [(page.url, page.score, [(hit.location, hit.score, hit.lead) for hit in page.sections])
            for page in engine.search(query)]


def test_cli_ranks_exactly_as_with_lunr_py_index(site_dir, lunr_py_payloads):
    """Same pages, same order, same scores (rounded to 6 decimals, as ranking compares them)."""
    for lang in LANGUAGES:
        before = Engine(lunr_py_payloads[lang][0])
        after = Engine.from_site(site_dir, lang)
        different = [q.text for q in ALL_QUERIES
                     if q.lang == lang and ranking(before, q.text) != ranking(after, q.text)]
        assert different == [], lang


def test_merged_field_scores_every_entry_as_lunr_py_fields_do(lunr_py_payloads):
    """Queried with its fields merged into one (merge_fields.py), the index matches the same
    entries by the same terms, and scores them equal to the last bits of a float."""
    for lang in LANGUAGES:
        payload = lunr_py_payloads[lang][0]
        engine = Engine(payload)
        fields = Index.load(payload["index"])
        assert engine.index.fields == [merge_fields.FIELD] and len(fields.fields) > 1
        checked = 0
        for q in ALL_QUERIES:
            if q.lang != lang or not (terms := engine.analyzer.query_terms(q.text)):
                continue
            weights = engine.analyzer.factors(q.text)
            merged = {m["ref"]: m for m in engine.matches(terms, weights)}
            separate = {m["ref"]: m for m in engine.matches(terms, weights, fields)}
            assert merged.keys() == separate.keys(), q.text
            for ref, m in separate.items():
                assert merged[ref]["score"] == pytest.approx(m["score"], rel=1e-12, abs=0), (q.text, ref)
                assert set(merged[ref]["match_data"].metadata) == set(m["match_data"].metadata), (q.text, ref)
                checked += 1
        assert checked > 1000, lang


def round3_cases() -> list[float]:
    """Field-vector elements' range, with every kind of value near a tie between two thousandths:
    exact ties (odd multiples of 1/16), one float step either side, and values a millionth
    and a billionth either side of a tie (where index-loader.js's shortcut stops)."""
    rng = random.Random(17)
    ties = [k / 16 for k in range(1, 1600, 2)]
    near = [x + d for k in range(0, 60_000, 7) for x in [k / 1000 + 0.0005]
            for d in (0.0, 1e-6, -1e-6, 1e-9, -1e-9, 2e-9, -2e-9)]
    steps = [math.nextafter(x, direction) for x in ties for direction in (0, math.inf)]
    return ties + near + steps + [rng.uniform(0, 60) for _ in range(20_000)]


def test_browser_rounds_field_vector_elements_as_lunr_py_did(page, site_dir):
    """index-loader.js's round3 is Python's round(x, 3), which made lunr.py's elements."""
    page.goto((site_dir / START_PAGE["en"]).as_uri())
    search(page, "withdrawal")
    cases = round3_cases()
    got = page.evaluate("xs => xs.map(window.hcIndexLoader.round3)", cases)
    assert [(x, y) for x, y in zip(cases, got, strict=True) if y != round(x, 3)] == []


BROWSER_RANKING = """
async q => {
  const engine = await window.hcSearch.ready()
  await engine.prepare(q)
  const ranked = engine.rank(q)
  await engine.prepareShown(ranked)
  const loc = ref => engine.docs[ref][0]
  return ranked.map(p => [loc(p.ref), p.score, p.hits.map(h => [loc(h.ref), h.score, h.lead])])
}
"""


def browser_rankings(page, site: Path, lang: str) -> dict[str, list]:
    page.goto((site / START_PAGE[lang]).as_uri())
    search(page, {"ja": "出金", "en": "withdrawal"}[lang])
    return {q.text: page.evaluate(BROWSER_RANKING, q.text) for q in ALL_QUERIES if q.lang == lang}


def cli_rankings(site: Path, lang: str) -> dict[str, list]:
    engine = Engine.from_site(site, lang)
    return {q.text: [[url, score, [list(hit) for hit in hits]] for url, score, hits in ranking(engine, q.text)]
            for q in ALL_QUERIES if q.lang == lang}


@pytest.fixture(scope="module")
def split_site(site_dir: Path, tmp_path_factory, lunr_py_payloads) -> Path:
    """The real site with its postings cut into files of about TINY_SHARD_BYTES and its store into a file
    per page: many of each kind, and a list longer than the first screen spans more files than it."""
    site = tmp_path_factory.mktemp("split") / "site"
    shutil.copytree(site_dir, site)
    for lang, (payload, builder, adjacency) in lunr_py_payloads.items():
        compact.write(site / "search", lang, compact.encode(payload, builder, TINY_SHARD_BYTES, 1, adjacency))
    return site


def same_ranking(browser: dict[str, list], cli: dict[str, list]) -> list[str]:
    """Queries where pages, their order or their sections differ, or a score or lead score by more than 1e-6.

    Ranking rounds to 6 decimals: Python's round() and search.js's Math.round
    can differ by one unit there, as they did with the uncompressed index.
    """
    def close(a: float, b: float) -> bool:
        return abs(a - b) <= 1.5e-6

    bad = []
    for query, pages in cli.items():
        got = browser[query]
        if [p[0] for p in got] != [p[0] for p in pages] or any(
                not close(g[1], c[1]) or [h[0] for h in g[2]] != [h[0] for h in c[2]]
                or not all(close(x[1], y[1]) and close(x[2], y[2]) for x, y in zip(g[2], c[2], strict=True))
                for g, c in zip(got, pages, strict=True)):
            bad.append(query)
    return bad


@pytest.mark.parametrize("lang", LANGUAGES)
def test_browser_ranks_exactly_as_the_cli(page, site_dir, lang):
    assert same_ranking(browser_rankings(page, site_dir, lang), cli_rankings(site_dir, lang)) == []


SHORT_LISTS = """
async ([queries, limits]) => {
  const engine = await window.hcSearch.ready()
  const loc = ref => engine.docs[ref][0]
  const asked = []
  const queryIndex = engine.data.queryIndex
  engine.data.queryIndex = function (...args) {
    const index = queryIndex.apply(this, args)
    asked.push(new Set(Object.keys(index.fieldVectors).map(key => this.pageOf[+key.split("/")[1]])))
    return index
  }
  const out = []
  for (const q of queries) {
    await engine.prepare(q)
    const lists = []
    out.push(lists)
    for (const limit of limits) {
      const ranked = engine.rank(q, limit)
      await engine.prepareShown(ranked)
      const scored = [...asked.pop()]
      lists.push({
        ranked: ranked.map(p => [loc(p.ref), p.score, p.hits.map(h => [loc(h.ref), h.score, h.lead])]),
        scored: scored.map(loc).sort(), listed: ranked.map(p => loc(p.ref)).sort()
      })
    }
  }
  return out
}
"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_short_lists_rank_as_the_cli_and_lunr_scores_only_their_pages(page, site_dir, lang):
    """The composer's suggestions and the other language's pages ask for a few pages: they are the
    CLI's first few, and lunr.js is asked about the entries of those pages only (listedPages), as
    for a whole list (50 pages at most, those scoring a fifth of the best)."""
    limits = [1, 2, 3, 5, 50]
    queries = [q.text for q in ALL_QUERIES if q.lang == lang]
    page.goto((site_dir / START_PAGE[lang]).as_uri())
    search(page, {"ja": "出金", "en": "withdrawal"}[lang])
    got = dict(zip(queries, page.evaluate(SHORT_LISTS, [queries, limits]), strict=True))
    cli = cli_rankings(site_dir, lang)
    for i, limit in enumerate(limits):
        browser = {q: lists[i]["ranked"] for q, lists in got.items()}
        assert same_ranking(browser, {q: pages[:limit] for q, pages in cli.items()}) == [], limit
    wider = [(q, limits[i]) for q, lists in got.items() for i, v in enumerate(lists) if v["scored"] != v["listed"]]
    assert wider == []
    assert sum(len(cli[q]) > 1 for q in queries) > 20, "many queries list more than one page"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_split_index_loads_on_demand_from_disk_and_ranks_the_same(page, split_site, lang):
    files = compact.files(split_site / "search", lang)
    postings = {f.name for f in files if re.search(r"\.p\d+\.js$", f.name)}
    assert len(postings) > 5 and len([f for f in files if re.search(r"\.s\d+\.js$", f.name)]) > 5
    requests: list[str] = []
    page.on("request", lambda r: "/search/" in r.url and requests.append(r.url.rsplit("/", 1)[-1]))
    seen = watch(page)
    page.goto((split_site / START_PAGE[lang]).as_uri())
    page.wait_for_load_state("load")
    assert requests == []
    page.locator("input[data-md-component=search-query]").focus()
    page.wait_for_function("() => window.hcSearchTimings")
    page.wait_for_timeout(100)
    # The manifest is what ready waits for; the field lengths every query needs follow once ready.
    assert requests[0] == f"index.{lang}.js" and set(requests) <= {f"index.{lang}.js", f"index.{lang}.lengths.js"}
    query = {"ja": "パスワード", "en": "password"}[lang]
    assert search(page, query)
    after_one = set(requests)
    assert 0 < len(after_one & postings) < len(postings), "a query loads the postings of its terms, not all"
    assert same_ranking(browser_rankings(page, split_site, lang), cli_rankings(split_site, lang)) == []
    assert not seen.problems()


FIRST_SCREEN_LOADED = """
async q => {
  const engine = await window.hcSearch.ready()
  const ranked = await engine.rankLoaded(q)
  const data = engine.data
  const loaded = ranked.map(p => [p.ref, ...p.hits.map(h => h.ref)].every(ref => engine.docs[ref][0] !== null))
  const firstFiles = new Set(ranked.slice(0, 10).map(p => data.storeFileOf[data.pageNumberOf[p.ref]]))
  const asked = []
  data.storeLoads.forEach((_, k) => asked.push(k))
  return { loaded, firstFiles: [...firstFiles].sort((a, b) => a - b), asked }
}
"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_results_wait_only_for_the_first_screen_and_the_rest_follows(page, split_site, lang):
    """Results are shown once the store of the first 10 pages (what Material renders at once) is in;
    the rest loads in the background once Material has rendered that screen, and is there when a
    scroll asks Material for more."""
    query = {"ja": "ページ", "en": "page"}[lang]  # words most pages say: more results than one screen
    seen = watch(page)
    page.goto((split_site / START_PAGE[lang]).as_uri())
    page.locator("input[data-md-component=search-query]").focus()
    page.wait_for_function("() => window.hcSearchTimings")
    got = page.evaluate(FIRST_SCREEN_LOADED, query)
    loaded = got["loaded"]
    assert len(loaded) > 10, "the query lists more pages than the first screen"
    assert all(loaded[:10]) and not all(loaded[10:]), loaded
    assert got["asked"] == got["firstFiles"], "only the store files holding the first screen's pages are loaded"
    assert search(page, query)
    wait_for_store(page, query)
    scroll_results(page)
    shown = page.evaluate(SHOWN)
    assert shown["items"] > 10
    assert shown["titles"] and all(t.strip() for t in shown["titles"]), shown["titles"]
    assert not seen.problems()


# The entries Material has rendered: how many groups, each entry's title and link.
SHOWN = """() => ({
  items: document.querySelectorAll('.md-search-result__item').length,
  titles: [...document.querySelectorAll('.md-search-result__article')]
    .map(e => (e.querySelector('h1, h2') || {}).textContent || ''),
  links: [...document.querySelectorAll('.md-search-result__link')].map(a => a.getAttribute('href'))})"""


def scroll_results(page, times: int = 5) -> None:
    """Scroll the result list to its end, as a reader does: Material renders 4 more groups each time."""
    for _ in range(times):
        page.evaluate("document.querySelector('.md-search-result__scrollwrap, .md-search__scrollwrap')"
                      ".scrollTo(0, 1e6)")
        page.wait_for_timeout(150)


def wait_for_store(page, query: str) -> None:
    """Wait until the store of every page `query` lists is in."""
    wait_until(page, """async q => {
      const engine = await window.hcSearch.ready()
      return engine.rank(q).every(p => [p.ref, ...p.hits.map(h => h.ref)].every(r => engine.docs[r][1] !== null))
    }""", query)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_entries_rendered_before_their_store_arrives_are_filled_in(page, split_site, lang):
    """A reader on a slow connection who scrolls faster than the store arrives: Material renders entries
    with nothing in them yet; once their store is in, the list shows them whole (no blank entry stays)."""
    query = {"ja": "ページ", "en": "page"}[lang]
    held, released = [], []

    def hold(route) -> None:
        if released:
            route.continue_()
        else:
            held.append(route)

    seen = watch(page)
    with serve(split_site) as site:
        page.goto(site.url + START_PAGE[lang])
        page.locator("input[data-md-component=search-query]").focus()
        page.evaluate(FIRST_SCREEN_LOADED, query)  # the first screen's store is in; the rest is held back
        page.route(re.compile(rf"/search/index\.{lang}\.s\d+\.js$"), hold)
        try:
            assert search(page, query, keystrokes=False)
            scroll_results(page, 2)
            early = page.evaluate(SHOWN)
        finally:  # the store arrives
            released.append(True)
            for route in held:
                route.continue_()
            page.unroute_all()
        assert held and early["items"] > 10 and not all(t.strip() for t in early["titles"]), \
            "the list was not rendered past what its store held (the test needs that)"
        wait_for_store(page, query)
        wait_until(page, f"() => ({SHOWN})().titles.every(t => t.trim())")
        scroll_results(page)
        shown = page.evaluate(SHOWN)
        assert shown["items"] > 10 and all(t.strip() for t in shown["titles"]), shown["titles"]
        assert all(link and link.startswith(site.url) and link != site.url for link in shown["links"]), shown["links"]
    assert not seen.problems()
